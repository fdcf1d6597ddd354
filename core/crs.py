"""Choice of the metric CRS in which distances are measured.

Metropolitan France (and Corsica): Lambert-93 (EPSG:2154), the legal
reference. Overseas départements: their official projected CRS. Anywhere
else: the UTM zone (WGS 84) of the data's centre.
"""

import math

from .i18n import tr

LAMBERT_93 = 2154

# (name, EPSG, (lon_min, lat_min, lon_max, lat_max)) — legal CRS of each territory
_TERRITORIES = (
    ("France métropolitaine", LAMBERT_93, (-5.5, 41.0, 10.0, 51.5)),
    ("Guadeloupe / Martinique", 5490, (-62.0, 14.2, -60.7, 16.7)),  # RGAF09 / UTM 20N
    ("Guyane", 2972, (-54.7, 2.0, -51.5, 6.0)),  # RGFG95 / UTM 22N
    ("La Réunion", 2975, (55.1, -21.5, 56.0, -20.8)),  # RGR92 / UTM 40S
    ("Mayotte", 4471, (44.9, -13.1, 45.4, -12.5)),  # RGM04 / UTM 38S
)


def _inside(bbox, outer):
    lon_min, lat_min, lon_max, lat_max = bbox
    o_lon_min, o_lat_min, o_lon_max, o_lat_max = outer
    return o_lon_min <= lon_min and lon_max <= o_lon_max and o_lat_min <= lat_min and lat_max <= o_lat_max


def utm_epsg(lon, lat):
    zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def metric_crs_for_extent(lon_min, lat_min, lon_max, lat_max):
    """EPSG code and name of the metric CRS for a WGS 84 extent.

    >>> metric_crs_for_extent(2.2, 50.7, 2.3, 50.8)
    (2154, 'France métropolitaine')
    """
    bbox = (lon_min, lat_min, lon_max, lat_max)
    for name, epsg, outer in _TERRITORIES:
        if _inside(bbox, outer):
            return epsg, name
    lon_c, lat_c = (lon_min + lon_max) / 2.0, (lat_min + lat_max) / 2.0
    epsg = utm_epsg(lon_c, lat_c)
    return epsg, "UTM {}{}".format(epsg % 100, "N" if lat_c >= 0 else "S")


#: Names of the territories whose legal projected CRS :func:`metric_crs_for_extent` can return.
LEGAL_TERRITORIES = tuple(name for name, _epsg, _bbox in _TERRITORIES)

#: Default distance (metres) beyond which a service is too far from the population to count:
#: it can change no walking coverage and is most often a wrong position (swapped lon/lat,
#: a record of another territory).
MAX_SERVICE_DISTANCE_M = 50000.0


def is_legal_territory(name):
    """True when ``name`` (second value of :func:`metric_crs_for_extent`) is a territory's legal CRS."""
    return name in LEGAL_TERRITORIES


def far_from_extent(xy, extent, max_distance):
    """Boolean mask of the points of ``xy`` (n × 2, metres) farther than ``max_distance``
    from the rectangle ``extent`` = ``(xmin, ymin, xmax, ymax)`` (same CRS)."""
    import numpy as np

    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    xmin, ymin, xmax, ymax = extent
    dx = np.maximum(np.maximum(xmin - xy[:, 0], xy[:, 0] - xmax), 0.0)
    dy = np.maximum(np.maximum(ymin - xy[:, 1], xy[:, 1] - ymax), 0.0)
    return np.hypot(dx, dy) > float(max_distance)


def legal_crs_warning(authid, name):
    """The warning for the user when the metric CRS ``name`` is not a territory's legal one, else None."""
    if is_legal_territory(name):
        return None
    return tr(
        "Distances are measured in {crs} ({name}), not in the legal projection of a French territory "
        "(Lambert-93 or an overseas one): the population layer lies outside them or across several."
    ).format(crs=authid, name=name)
