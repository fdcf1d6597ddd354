"""Single source of the plugin's metadata (read once from ``metadata.txt``).

Pure Python: usable from tests, notebooks and ``qgis_process`` alike.
"""

import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent
PLUGIN_ID = "ville_numerique"


@lru_cache(maxsize=1)
def metadata():
    """The ``[general]`` section of ``metadata.txt`` as a dict of strings."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep keys such as ``description[fr]`` as written
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def version():
    return metadata()["version"]


def title():
    return metadata()["name"]


def icon_path(name="ville_numerique.svg"):
    return str(PLUGIN_DIR / "resources" / "icons" / name)


def resource_path(*parts):
    return str(PLUGIN_DIR.joinpath("resources", *parts))


def user_agent():
    return "{}/{}".format(PLUGIN_ID, version())
