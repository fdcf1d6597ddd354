"""Saved analyses ("presets"): the panel's parameters as JSON.

A preset records the territory (commune, station, walking time, perimeter
layer), the data (categories, layers and fields) and the analysis parameters
(thresholds in minutes, method, decay). Layers are stored by source and
provider so that a preset found again in another session points at the same
files. Presets go to a ``.json`` file, into the QGIS project
(``QgsProject.writeEntry``, scope ``ville_numerique``) and, after each run,
into the list of recent analyses (``QgsSettings``).
"""

import json
from datetime import datetime

from qgis.core import QgsProject, QgsSettings

from ..core.errors import InputError
from ..core.i18n import tr
from ..core.settings import QGIS_PREFIX

FORMAT = "ville_numerique.analysis"
VERSION = 1
PROJECT_SCOPE = "ville_numerique"
PROJECT_KEY = "analysis"
RECENT_KEY = QGIS_PREFIX + "recent_analyses"
MAX_RECENT = 10


def layer_reference(layer):
    """``{"name", "source", "provider"}`` of a map layer (None for no layer)."""
    if layer is None:
        return None
    return {"name": layer.name(), "source": layer.source(), "provider": layer.providerType()}


def find_layer(reference, project=None):
    """The project layer matching ``reference`` (same source and provider), else same name."""
    if not reference:
        return None
    project = project or QgsProject.instance()
    layers = list(project.mapLayers().values())
    for layer in layers:
        if layer.source() == reference.get("source") and layer.providerType() == reference.get("provider"):
            return layer
    for layer in layers:
        if layer.name() == reference.get("name") and layer.providerType() == reference.get("provider"):
            return layer
    return None


def to_json(preset):
    return json.dumps(preset, ensure_ascii=False, indent=2, sort_keys=True)


def from_json(text):
    """Parse and check a preset; raise InputError with a user sentence."""
    try:
        preset = json.loads(text)
    except (TypeError, ValueError):
        raise InputError(tr("This file is not a Ville numérique analysis (invalid JSON).")) from None
    if not isinstance(preset, dict) or preset.get("format") != FORMAT:
        raise InputError(tr("This file is not a Ville numérique analysis."))
    if int(preset.get("version", 0)) > VERSION:
        raise InputError(tr("This analysis was saved by a newer version of Ville numérique."))
    return preset


def stamp(preset):
    preset = dict(preset)
    preset["format"] = FORMAT
    preset["version"] = VERSION
    preset["saved_at"] = datetime.now().isoformat(timespec="seconds")
    return preset


def write_file(preset, path):
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(to_json(stamp(preset)))


def read_file(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return from_json(stream.read())
    except OSError as error:
        message = tr("The file {path} could not be read: {error}").format(path=path, error=error)
        raise InputError(message) from None


def write_project(preset, project=None):
    project = project or QgsProject.instance()
    return project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, to_json(stamp(preset)))


def read_project(project=None):
    """The preset stored in the project, or None."""
    project = project or QgsProject.instance()
    text, ok = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    if not ok or not text:
        return None
    return from_json(text)


def recent(settings=None):
    """Recent analyses, newest first: ``[{"title", "when", "preset"}]``."""
    settings = settings or QgsSettings()
    try:
        items = json.loads(settings.value(RECENT_KEY, "[]", type=str) or "[]")
    except ValueError:
        return []
    return [item for item in items if isinstance(item, dict) and isinstance(item.get("preset"), dict)]


def add_recent(title, preset, settings=None):
    settings = settings or QgsSettings()
    item = {"title": title, "when": datetime.now().isoformat(timespec="minutes"), "preset": stamp(preset)}
    items = [item] + [old for old in recent(settings) if old.get("preset", {}).get("analysis")
                      != preset.get("analysis") or old.get("title") != title]
    settings.setValue(RECENT_KEY, json.dumps(items[:MAX_RECENT], ensure_ascii=False))
    return items[:MAX_RECENT]


def clear_recent(settings=None):
    (settings or QgsSettings()).remove(RECENT_KEY)
