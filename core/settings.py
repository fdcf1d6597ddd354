"""Endpoints and network options of Ville numérique, in one typed object.

Each option has a default, may be set in QGIS (``QgsSettings`` under the
prefix ``ville_numerique/``) and may be overridden by an environment variable
``VILLE_NUMERIQUE_<NAME>`` (tests point the clients at a local server this
way). Order of precedence: environment variable, then QGIS setting, then
default.

Pure Python: QGIS is looked up lazily and only when a QGIS application is
already running in this process (desktop, ``qgis_process``), so notebooks and
unit tests never import it.
"""

import os
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import InputError
from .i18n import tr

ENV_PREFIX = "VILLE_NUMERIQUE_"
QGIS_PREFIX = "ville_numerique/"
PLUGIN_DIR_NAME = "ville_numerique"

_TRUE = {"1", "true", "yes", "on", "oui", "vrai"}
_FALSE = {"0", "false", "no", "off", "non", "faux", ""}


def user_cache_dir(environ=None, platform=None):
    """The per-user cache folder of the plugin for this operating system."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    home = Path(environ.get("HOME") or Path.home())
    if platform.startswith("win"):
        base = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / PLUGIN_DIR_NAME


@dataclass(frozen=True)
class Settings:
    """Network settings; build it with :func:`load_settings`."""

    datagouv_url: str = "https://www.data.gouv.fr"
    geopf_url: str = "https://data.geopf.fr"
    arcep_url: str = "https://data.arcep.fr"
    cache_dir: Path = None  # filled by load_settings with user_cache_dir()
    offline: bool = False
    cache_max_mb: float = 500.0
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    # Limits on what one server or one file may cost (time, memory, disk).
    request_deadline: float = 300.0  # s: a whole API answer (connection, retries, reading)
    download_deadline: float = 3600.0  # s: a whole file download
    json_max_mb: float = 200.0  # largest API answer (JSON) read in memory
    download_max_mb: float = 2048.0  # largest downloaded file
    unzip_max_mb: float = 4096.0  # largest total size of an archive once extracted
    zip_max_ratio: float = 200.0  # largest expansion ratio of an archive member (zip bomb)
    table_max_mb: float = 300.0  # largest CSV/GeoJSON/vector file read into memory
    max_pages: int = 1000  # pages followed in one paged listing (WFS, catalogue)
    max_features: int = 500000  # features fetched from one WFS layer


#: The limit options (all positive numbers), in the order the options page shows them.
LIMIT_OPTIONS = (
    "request_deadline",
    "download_deadline",
    "json_max_mb",
    "download_max_mb",
    "unzip_max_mb",
    "zip_max_ratio",
    "table_max_mb",
    "max_pages",
    "max_features",
)


def env_name(option):
    """Environment variable overriding ``option``: ``VILLE_NUMERIQUE_<OPTION>``."""
    return ENV_PREFIX + option.upper()


def to_bool(value):
    """Read a boolean written by QGIS, an environment variable or Python."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)


def _convert(option, value, kind, origin):
    """Convert a raw text value of ``option`` to ``kind`` or raise InputError."""
    try:
        if kind is bool:
            return to_bool(value)
        if kind in (float, int):
            number = float(str(value).replace(",", "."))
            if not number > 0 or number == float("inf"):
                raise ValueError(value)
            if kind is int:
                if number != int(number):
                    raise ValueError(value)
                return int(number)
            return number
        if kind is Path:
            return Path(str(value)).expanduser()
        return str(value).strip().rstrip("/")
    except ValueError:
        raise InputError(
            tr("The value '{value}' given by {origin} for the option {option} is not valid.").format(
                value=value, origin=origin, option=option
            )
        ) from None


def qgis_settings():
    """QGIS's settings when a QGIS application runs in this process, else None.

    The returned object has ``get(key, default=None)`` like a dict. QGIS is
    imported here only, lazily, and only if it is already loaded.
    """
    if "qgis.core" not in sys.modules:
        return None
    try:
        from qgis.core import QgsApplication, QgsSettings

        if QgsApplication.instance() is None:
            return None
        return _QgsSettingsReader(QgsSettings())
    except Exception:  # noqa: BLE001 - a broken QGIS must not break pure code
        return None


class _QgsSettingsReader:
    """Dict-like read access to ``QgsSettings``."""

    def __init__(self, qsettings):
        self._settings = qsettings

    def get(self, key, default=None):
        if not self._settings.contains(key):
            return default
        value = self._settings.value(key, default)
        return default if value is None else value


_KINDS = {
    "datagouv_url": str,
    "geopf_url": str,
    "arcep_url": str,
    "cache_dir": Path,
    "offline": bool,
    "max_pages": int,
    "max_features": int,
}


def _kind(option):
    return _KINDS.get(option, float)


def load_settings(environ=None, qgis=None, **overrides):
    """Current settings: defaults < QGIS settings < environment < ``overrides``.

    ``environ`` (default ``os.environ``) and ``qgis`` (a dict-like with QGIS
    keys such as ``"ville_numerique/offline"``; default: QGIS's own settings
    when running in QGIS) can be injected for tests.
    """
    environ = os.environ if environ is None else environ
    qgis = qgis_settings() if qgis is None else qgis
    values = {}
    for spec in fields(Settings):
        option, kind = spec.name, _kind(spec.name)
        if option in overrides:
            values[option] = overrides[option]
            continue
        raw, origin = _raw_value(option, environ, qgis)
        if raw is not None:
            values[option] = _convert(option, raw, kind, origin)
    values.setdefault("cache_dir", user_cache_dir(environ))
    return Settings(**values)


def _raw_value(option, environ, qgis):
    """The raw value of ``option`` and where it comes from, or (None, None)."""
    name = env_name(option)
    if environ.get(name, "") != "":
        return environ[name], name
    if qgis is not None:
        value = qgis.get(QGIS_PREFIX + option)
        if value not in (None, ""):
            return value, QGIS_PREFIX + option
    return None, None
