"""Where a table's positions are, and whether a geometry is usable.

Pure Python, shared by the loaders (:mod:`.loaders`): column names of
coordinates (``longitude``/``latitude``, ``x_l93``/``y_l93``, ``geo_point_2d``,
``geo_shape``…), numbers with a decimal comma, "lat, lon" text, GeoJSON
cells, and the check of a GeoJSON geometry (its positions must be numbers,
nested as its type says; the first one plausible in WGS 84).
"""

import json
import math
import re
import unicodedata
from dataclasses import dataclass

from .i18n import tr

WGS84 = 4326
LAMBERT93 = 2154

LON_NAMES = ("longitude", "lon", "lng", "long", "x_wgs84", "lon_wgs84", "longitude_wgs84", "wgs84_x",
             "wifi_long", "wifi_lon")  # WIFI_*: OpenDataFrance draft "Bornes Wifi public"
LAT_NAMES = ("latitude", "lat", "y_wgs84", "lat_wgs84", "latitude_wgs84", "wgs84_y", "wifi_lat")
LON_PREFIXES = ("longitude_", "lon_", "lng_")
LAT_PREFIXES = ("latitude_", "lat_")
L93_PAIRS = (
    ("x_l93", "y_l93"),
    ("x_lambert93", "y_lambert93"),
    ("x_lambert_93", "y_lambert_93"),
    ("x_2154", "y_2154"),
    ("coord_x_l93", "coord_y_l93"),
)
XY_PAIRS = (("x", "y"), ("coord_x", "coord_y"), ("coordx", "coordy"), ("xcoord", "ycoord"))
POINT_NAMES = (
    "geo_point_2d",
    "c_geo",
    "wgs_84",
    "wgs84",
    "geo_point",
    "geopoint",
    "coordonnees",
    "coordonnees_gps",
    "coordonnees_geographiques",
    "lat_lon",
    "latlon",
    "coordinates",
)
GEOJSON_NAMES = ("geo_shape", "geojson", "geometry", "geom_geojson", "shape")
GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
)


# --------------------------------------------------------------------------
# Coordinates
# --------------------------------------------------------------------------
class RowError(ValueError):
    """A row cannot give a geometry; the message is the translated reason."""


def normalize_name(name):
    """Column name without accents, lower-case, non-alphanumerics as ``_``."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", str(name)) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def parse_number(value, column):
    """A float from text (decimal comma accepted); RowError if not a number."""
    text = str(value).strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise RowError(
            tr("'{value}' is not a number (column {column})").format(value=value, column=column)
        ) from None
    if not math.isfinite(number):
        raise RowError(tr("'{value}' is not a number (column {column})").format(value=value, column=column))
    return number


def check_lon_lat(lon, lat):
    """RowError unless (lon, lat) is a plausible WGS 84 position."""
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise RowError(
            tr("coordinates out of range: longitude {lon}, latitude {lat}").format(lon=lon, lat=lat)
        )
    if lon == 0 and lat == 0:
        raise RowError(tr("coordinates 0, 0 (position missing)"))


#: How many list levels hold the positions of each geometry type.
POSITION_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
MAX_COLLECTION_DEPTH = 2


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _first_position(coordinates, depth):
    """The first position of ``coordinates`` nested ``depth`` levels, RowError unless every
    level is a non-empty list and every position 2 to 4 finite numbers."""
    levels = [coordinates]
    for _ in range(depth):
        levels = [item for level in levels if isinstance(level, (list, tuple)) and level for item in level]
        if not levels:
            raise RowError(tr("invalid geometry"))
    for position in levels:
        if not isinstance(position, (list, tuple)) or not 2 <= len(position) <= 4:
            raise RowError(tr("invalid geometry"))
        if not all(_is_number(v) for v in position):
            raise RowError(tr("invalid geometry: coordinates must be numbers"))
    return levels[0]


def check_geometry(geometry, crs, _depth=0):
    """RowError unless ``geometry`` is a GeoJSON geometry whose positions are numbers
    (the first one plausible in WGS 84)."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        raise RowError(tr("invalid geometry"))
    if geometry["type"] == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list) or _depth >= MAX_COLLECTION_DEPTH:
            raise RowError(tr("invalid geometry"))
        for member in members:
            check_geometry(member, crs, _depth + 1)
        return geometry
    position = _first_position(geometry.get("coordinates"), POSITION_DEPTH[geometry["type"]])
    if crs == WGS84:
        check_lon_lat(float(position[0]), float(position[1]))
    return geometry


def point(x, y):
    return {"type": "Point", "coordinates": [x, y]}


@dataclass(frozen=True)
class CoordinateSource:
    """Where a row's position is: ``kind`` xy (two columns), point ("lat, lon"
    text) or geojson (a GeoJSON cell), in the columns ``fields``."""

    kind: str
    fields: tuple
    crs: int = WGS84

    def geometry(self, row):
        """The row's geometry, None when the columns are empty, RowError if bad."""
        values = [row.get(name) for name in self.fields]
        if any(v is None or str(v).strip() == "" for v in values):
            return None
        if self.kind == "xy":
            return self._xy(values)
        if self.kind == "point":
            return self._point(values[0])
        return self._geojson(values[0])

    def _xy(self, values):
        x, y = (parse_number(v, name) for v, name in zip(values, self.fields))
        if self.crs == WGS84:
            check_lon_lat(x, y)
        return point(x, y)

    def _point(self, value):
        parts = re.split(r"\s*[,;]\s*|\s+", str(value).strip())
        if len(parts) != 2:
            raise RowError(
                tr("'{value}' is not a \"latitude, longitude\" pair (column {column})").format(
                    value=value, column=self.fields[0]
                )
            )
        lat, lon = (parse_number(v, self.fields[0]) for v in parts)
        check_lon_lat(lon, lat)
        return point(lon, lat)

    def _geojson(self, value):
        try:
            geometry = json.loads(value) if isinstance(value, str) else value
        except (ValueError, RecursionError):
            raise RowError(tr("invalid GeoJSON in column {column}").format(column=self.fields[0])) from None
        if isinstance(geometry, dict) and geometry.get("type") == "Feature":
            geometry = geometry.get("geometry")
        return check_geometry(geometry, self.crs)


def _find(names, wanted):
    """The original column whose normalised name is the first of ``wanted``."""
    for candidate in wanted:
        if candidate in names:
            return names[candidate]
    return None


def _prefixed_pairs(names):
    """lon_<s>/lat_<s> style pairs (``lon_c``/``lat_c``…), same suffix."""
    pairs = []
    for norm, original in names.items():
        for lon_prefix in LON_PREFIXES:
            if norm.startswith(lon_prefix):
                suffix = norm[len(lon_prefix) :]
                lat = _find(names, [p + suffix for p in LAT_PREFIXES])
                if lat:
                    pairs.append((original, lat))
    return pairs


def detect_sources(columns, lon_field=None, lat_field=None, point_field=None, geojson_field=None, crs=None):
    """Candidate coordinate sources of a table, best first, all in one CRS.

    Explicit fields win. Otherwise WGS 84 sources (lon/lat columns, "lat,
    lon" text, GeoJSON cells) are used if any; else projected x/y columns.
    """
    if lon_field or lat_field:  # projected columns too: crs given, else guessed from the values
        return [CoordinateSource("xy", (lon_field, lat_field), crs)]
    if point_field:
        return [CoordinateSource("point", (point_field,))]
    if geojson_field:
        return [CoordinateSource("geojson", (geojson_field,), crs or WGS84)]
    names = {normalize_name(c): c for c in columns}
    sources = []
    lon, lat = _find(names, LON_NAMES), _find(names, LAT_NAMES)
    if lon and lat:
        sources.append(CoordinateSource("xy", (lon, lat)))
    sources += [CoordinateSource("xy", pair) for pair in _prefixed_pairs(names) if pair != (lon, lat)]
    sources += [CoordinateSource("point", (names[n],)) for n in POINT_NAMES if n in names]
    sources += [CoordinateSource("geojson", (names[n],)) for n in GEOJSON_NAMES if n in names]
    if sources:
        return sources
    for pairs, pair_crs in ((L93_PAIRS, LAMBERT93), (XY_PAIRS, crs)):
        for x_name, y_name in pairs:
            if x_name in names and y_name in names:
                return [CoordinateSource("xy", (names[x_name], names[y_name]), pair_crs)]
    return []


def guess_xy_crs(rows, source, limit=50):
    """EPSG code of unnamed x/y columns from their first values (4326 or 2154)."""
    for row in rows[:limit]:
        try:
            x, y = (parse_number(row.get(name), name) for name in source.fields)
        except (RowError, TypeError):
            continue
        if -180 <= x <= 180 and -90 <= y <= 90:
            return WGS84
        if -400_000 <= x <= 1_400_000 and 6_000_000 <= y <= 7_300_000:
            return LAMBERT93
        break
    return None


def geometry_of(row, sources):
    """The geometry of ``row`` from the first source that has one.

    Raises RowError with the first problem met, or "no coordinates".
    """
    problem = None
    for source in sources:
        try:
            geometry = source.geometry(row)
        except RowError as error:
            problem = problem or error
            continue
        if geometry is not None:
            return geometry
    raise problem or RowError(tr("no coordinates"))
