"""Walking speed and the default walking thresholds, for every entry point.

Thresholds are shown to planners in minutes of walk and converted to the
metres the coverage algorithm takes at IGN's pedestrian speed, 4 km/h
(66.67 m per minute). Defaults come from the settings page
(``ville_numerique/thresholds_minutes`` in ``QgsSettings``, the user's QGIS
profile) or, when unset, from ``core/categories.py``. The same defaults are
those of the panel, of the algorithms' dialogs in the toolbox and of
``qgis_process`` runs that do not give ``THRESHOLDS`` (same profile).
"""

from qgis.core import QgsSettings

from ..core.coverage import DEFAULT_THRESHOLDS, FALLBACK_THRESHOLD, format_mapping, parse_mapping
from ..core.errors import InputError
from ..core.services import CATEGORIES
from ..core.settings import QGIS_PREFIX
from ..core.walking import WALKING_SPEED_KMH, walking_metres, walking_minutes

#: Walking speed (IGN's pedestrian speed, 4 km/h), in metres per minute.
METRES_PER_MINUTE = WALKING_SPEED_KMH * 1000.0 / 60.0

#: QgsSettings key of the default thresholds, ``epn=15;wifi=4.5`` (minutes).
THRESHOLDS_KEY = QGIS_PREFIX + "thresholds_minutes"


def minutes_to_metres(minutes):
    """Metres walked in ``minutes`` at 4 km/h (rounded to the centimetre)."""
    return round(float(walking_metres(minutes)), 2)


def metres_to_minutes(metres):
    return round(float(walking_minutes(metres)), 2)


def builtin_thresholds_minutes():
    """The algorithm's default thresholds, in minutes, for every category."""
    return {code: metres_to_minutes(DEFAULT_THRESHOLDS.get(code, FALLBACK_THRESHOLD)) for code in CATEGORIES}


def default_thresholds_minutes(settings=None):
    """Thresholds in minutes: the settings page's values over the built-in ones."""
    values = builtin_thresholds_minutes()
    settings = settings or QgsSettings()
    text = settings.value(THRESHOLDS_KEY, "", type=str)
    if text:
        try:
            stored = parse_mapping(text, "thresholds")
        except InputError:
            stored = {}
        values.update({code: minutes for code, minutes in stored.items() if code in values and minutes > 0})
    return values


def store_default_thresholds_minutes(minutes_by_code, settings=None):
    settings = settings or QgsSettings()
    settings.setValue(THRESHOLDS_KEY, format_mapping(minutes_by_code))


def default_thresholds_metres(settings=None):
    """``{code: metres}``: the settings page's walking times converted, else the built-in metres."""
    settings = settings or QgsSettings()
    values = dict(DEFAULT_THRESHOLDS)
    builtin = builtin_thresholds_minutes()
    for code, minutes in default_thresholds_minutes(settings).items():
        if minutes != builtin.get(code):
            values[code] = minutes_to_metres(minutes)
    return values
