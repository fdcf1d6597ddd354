"""Who may walk where, and how fast: the pedestrian filter of network lines and walking times.

Part of the walking-network model (:mod:`core.network`), usable alone: the settings page and
the Processing defaults convert walking minutes to metres with :func:`walking_metres`.
"""

import numpy as np

from .errors import InputError
from .i18n import tr

__all__ = ["WALKING_SPEED_KMH", "OSM_NO_FOOT_HIGHWAYS", "is_walkable", "walking_minutes", "walking_metres"]

#: walking speed used to turn metres into minutes (km/h)
WALKING_SPEED_KMH = 4.0

#: OSM ``highway`` values a pedestrian may not use (unless ``foot=yes``)
OSM_NO_FOOT_HIGHWAYS = frozenset(
    {
        "motorway", "motorway_link", "trunk", "trunk_link",
        "construction", "proposed", "raceway", "bus_guideway",
    }
)
_FOOT_EXPLICIT = frozenset({"yes", "designated", "permissive"})
_FOOT_FORBIDDEN = frozenset({"no", "private", "use_sidepath"})
_ACCESS_FORBIDDEN = frozenset({"no", "private"})


def is_walkable(attributes):
    """Whether a line with these attributes may be walked on.

    Keys are matched case-insensitively; missing attributes allow walking.

    * IGN BD TOPO ``troncon_de_route``: ``acces_pieton = 'Interdit'`` or
      ``nature = 'Type autoroutier'`` -> not walkable;
    * OSM: ``highway`` in :data:`OSM_NO_FOOT_HIGHWAYS` (motorway, trunk and
      their links, construction, proposed, raceway, bus_guideway), ``foot``
      in (no, private, use_sidepath), or ``access`` in (no, private) ->
      not walkable, except that an explicit ``foot`` = yes / designated /
      permissive keeps the line (a footway along a trunk road tagged as
      such).
    """
    if not attributes:
        return True
    a = {str(k).lower(): v for k, v in attributes.items()}

    def val(key):
        v = a.get(key)
        if v is None:
            return None
        v = str(v).strip().lower()
        return v or None

    if val("acces_pieton") == "interdit":
        return False
    foot = val("foot")
    if foot in _FOOT_FORBIDDEN:
        return False
    explicit = foot in _FOOT_EXPLICIT
    if explicit:
        return True
    if val("nature") == "type autoroutier":
        return False
    if val("highway") in OSM_NO_FOOT_HIGHWAYS:
        return False
    if val("access") in _ACCESS_FORBIDDEN:
        return False
    return True


def walking_minutes(metres, speed_kmh=WALKING_SPEED_KMH):
    """Walking time in minutes for ``metres`` at ``speed_kmh``."""
    speed_kmh = float(speed_kmh)
    if not speed_kmh > 0:
        raise InputError(tr("The walking speed must be greater than 0."))
    return np.asarray(metres, dtype=np.float64) * 60.0 / (speed_kmh * 1000.0)


def walking_metres(minutes, speed_kmh=WALKING_SPEED_KMH):
    """Distance in metres walked in ``minutes`` at ``speed_kmh``."""
    speed_kmh = float(speed_kmh)
    if not speed_kmh > 0:
        raise InputError(tr("The walking speed must be greater than 0."))
    return np.asarray(minutes, dtype=np.float64) * (speed_kmh * 1000.0) / 60.0
