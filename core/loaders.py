"""Load downloaded open-data files into plain records, without QGIS.

A record is a dict of the file's attributes plus a ``"geometry"`` key holding
a GeoJSON-like geometry (``{"type": "Point", "coordinates": [lon, lat]}``).
:func:`load` returns a :class:`LoadResult`: the records, the EPSG code of
their coordinates, and the counts (read, kept, rejected with the line and the
reason). A malformed row is reported, never a crash.

Formats:

* CSV — encoding (UTF-8 with or without BOM, then cp1252, then latin-1) and
  delimiter (``;`` ``,`` tab ``|``) detected; coordinates found in
  longitude/latitude columns (``longitude``/``latitude``, ``lon``/``lat``,
  ``lng``, ``x_wgs84``/``y_wgs84``, ``lon_c``/``lat_c``…), in "lat, lon"
  text columns (``geo_point_2d``, ``c_geo``, ``WGS 84``), in GeoJSON cells
  (``geo_shape``), or in projected columns (``x_l93``/``y_l93`` → EPSG:2154;
  ``x``/``y`` judged from their values);
* GeoJSON — a FeatureCollection or a bare Feature;
* Shapefile / GeoPackage — through GDAL's ``osgeo.ogr`` (imported lazily);
* ZIP — extracted safely (absolute paths, ``..`` and links refused) and the
  data file inside loaded.

Bounded whatever the file: a file larger than the ``table_max_mb`` setting
is refused before it is read (records live in memory); an archive is
refused before extraction when it would expand beyond ``unzip_max_mb`` or
when a member expands more than ``zip_max_ratio`` times (zip bomb); a CSV
is read as a stream (encoding detected in chunks, rows parsed one by one).
UTF-16/UTF-32 files are recognised by their byte-order mark (or their zero
bytes), JSON nested too deeply or coordinates that are not numbers are
reported as such.
"""

import codecs
import csv
import io
import itertools
import json
import math
import re
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError
from .i18n import tr
from .settings import load_settings

WGS84 = 4326
LAMBERT93 = 2154
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DELIMITERS = (";", ",", "\t", "|")
MB = 1024 * 1024
MIN_BOMB_BYTES = 16 * MB  # members expanding to less than this are never judged bombs
MAX_FIELD_CHARS = 2**30
READ_CHUNK = 1024 * 1024
GUESS_ROWS = 50

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
# Results
# --------------------------------------------------------------------------
@dataclass
class Rejection:
    """A row that was not kept: its line (CSV) or feature number, and why."""

    row: int
    reason: str


class Rejections(list):
    """The rejected rows: the first ``keep`` with their reason, ``len()`` all of them.

    A file of millions of bad rows keeps memory bounded while its counts stay true.
    """

    def __init__(self, items=(), keep=1000):
        super().__init__()
        self.keep = keep
        self.total = 0
        for item in items:
            self.append(item)

    def append(self, item):
        self.total += 1
        if super().__len__() < self.keep:
            super().append(item)

    def __len__(self):
        return self.total

    def __bool__(self):
        return self.total > 0


@dataclass
class LoadResult:
    """Records read from a file, the EPSG code of their coordinates, the counts."""

    records: list
    crs: int
    read: int
    rejected: list = field(default_factory=list)
    source: str = ""
    format: str = ""
    encoding: str = None
    delimiter: str = None
    geometry_fields: tuple = ()

    @property
    def kept(self):
        return len(self.records)

    @property
    def counts(self):
        return {"read": self.read, "kept": self.kept, "rejected": len(self.rejected)}

    def summary(self, examples=3):
        """One translated sentence for the log, with the first rejections."""
        text = tr("{source}: {read} records read, {kept} kept, {rejected} rejected.").format(
            source=Path(self.source).name, read=self.read, kept=self.kept, rejected=len(self.rejected)
        )
        where = tr("line {row}: {reason}") if self.format == "csv" else tr("feature {row}: {reason}")
        details = [where.format(row=r.row, reason=r.reason) for r in self.rejected[:examples]]
        return text + (" " + "; ".join(details) if details else "")


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
    if lon_field or lat_field:
        return [CoordinateSource("xy", (lon_field, lat_field), crs or WGS84)]
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


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------
def _bom_encoding(head):
    """The encoding announced by a byte-order mark at the start of ``head``, or None."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def _utf16_without_bom(head):
    """``utf-16-le``/``utf-16-be`` when ``head`` looks like BOM-less UTF-16 text, else None."""
    sample = head[: 4096 - (len(head[:4096]) % 2)]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(raw, encoding=None, name=""):
    """Text of ``raw`` bytes and the encoding used (first that decodes cleanly).

    Without ``encoding``: the byte-order mark's (UTF-8, UTF-16, UTF-32), then
    UTF-8, cp1252, latin-1 (which always decodes).
    """
    if not encoding:
        encoding = _bom_encoding(raw[:4]) or _utf16_without_bom(raw[:4096])
    for candidate in (encoding,) if encoding else ENCODINGS:
        try:
            return raw.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    raise DataError(tr("The file {name} is not encoded in {encoding}.").format(name=name, encoding=encoding))


def _decodes(path, encoding):
    """Whether the whole file decodes in ``encoding`` (read in chunks: bounded memory)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(READ_CHUNK), b""):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def detect_encoding(path, encoding=None):
    """The encoding to read the text file ``path`` with (see :func:`decode`)."""
    name = Path(path).name
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DataError(
                tr("The file {name} is not encoded in {encoding}.").format(name=name, encoding=encoding)
            ) from None
        return encoding
    guessed = _bom_encoding(head) or _utf16_without_bom(head)
    if guessed:
        return guessed
    for candidate in ENCODINGS:
        if candidate == ENCODINGS[-1] or _decodes(path, candidate):
            return candidate
    return ENCODINGS[-1]


def detect_delimiter(text, sample_lines=30):
    """The delimiter among ; , tab | giving the most consistent columns."""
    sample = "\n".join(text.splitlines()[:sample_lines])

    def score(delimiter):
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        if not rows or len(rows[0]) < 2:
            return (0, 0)
        width = len(rows[0])
        return (sum(1 for r in rows[1:] if len(r) == width) + 1, width)

    best = max(DELIMITERS, key=score)
    return best if score(best)[1] >= 2 else ","


def _unique_header(header):
    seen, result = {}, []
    for index, name in enumerate(header, start=1):
        name = name.strip() or "field_{}".format(index)
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else "{}_{}".format(name, seen[name]))
    return result


def _iter_rows(reader, header):
    """(line number, row dict) for each data row, or (line number, RowError)."""
    line = reader.line_num
    for values in reader:
        start, line = line + 1, reader.line_num
        if not values or all(v.strip() == "" for v in values):
            continue
        if len(values) != len(header):
            message = tr("{count} fields instead of {expected}").format(
                count=len(values), expected=len(header)
            )
            yield start, RowError(message)
        else:
            yield start, dict(zip(header, values))


def _csv_rows(text, delimiter):
    """The header and the (line, row or RowError) pairs of CSV ``text``."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _unique_header(next(reader, []))
    return header, list(_iter_rows(reader, header))


def limits_of(limits=None):
    """The limit settings to apply (``limits``, or the current settings)."""
    return limits if limits is not None else load_settings()


def check_file_size(path, limits=None, extra=()):
    """DataError when ``path`` (with the files ``extra``) is larger than ``table_max_mb``."""
    limit = limits_of(limits).table_max_mb * MB
    size = 0
    for item in (path, *extra):
        try:
            size += Path(item).stat().st_size
        except OSError:
            continue
    if size > limit:
        raise too_large_to_load(Path(path).name, size, limit)


def too_large_to_load(name, size, limit):
    return DataError(
        tr(
            "{name} is {size} MB, more than the {limit} MB the plugin reads in memory. Open it in QGIS "
            "(Layer > Add Layer) and keep the part you need, or raise the limit in the Ville numérique settings."
        ).format(name=name, size="{:g}".format(round(size / MB, 1)), limit="{:g}".format(round(limit / MB, 1)))
    )


def load_csv(
    path,
    *,
    encoding=None,
    delimiter=None,
    lon_field=None,
    lat_field=None,
    point_field=None,
    geojson_field=None,
    crs=None,
    require_geometry=True,
    limits=None,
):
    """Load a CSV file (see module docstring for what is detected).

    Explicit ``*_field`` arguments choose the coordinate columns; ``crs``
    gives their EPSG code for projected columns. With
    ``require_geometry=False`` a table without coordinates loads as
    attribute records (``geometry`` None). The file is read as a stream.
    """
    path = Path(path)
    used_encoding = encoding
    try:
        check_file_size(path, limits)
        used_encoding = detect_encoding(path, encoding)
        with open(path, encoding=used_encoding, newline="") as handle:
            return _load_csv_stream(
                handle, path, used_encoding, delimiter, (lon_field, lat_field, point_field, geojson_field),
                crs, require_geometry,
            )
    except UnicodeDecodeError:
        raise DataError(
            tr("The file {name} is not encoded in {encoding}.").format(name=path.name, encoding=used_encoding)
        ) from None
    except OSError as error:
        raise DataError(
            tr("The file {name} cannot be read: {error}").format(name=path.name, error=error)
        ) from None


def _load_csv_stream(handle, path, used_encoding, delimiter, fields, crs, require_geometry):
    lon_field, lat_field, point_field, geojson_field = fields
    if not delimiter:
        delimiter = detect_delimiter("".join(itertools.islice(handle, 30)))
        handle.seek(0)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))  # GeoJSON cells can be large
    try:
        reader = csv.reader(handle, delimiter=delimiter)
        first = next(reader, [])
        if first and first[0].startswith("\ufeff"):
            first[0] = first[0][1:]
        header = _unique_header(first)
        _check_columns(header, fields, path)
        if bool(lon_field) != bool(lat_field):
            raise DataError(
                tr("Give both the longitude and the latitude columns of {name}.").format(name=path.name)
            )
        rows = _iter_rows(reader, header)
        head = list(itertools.islice(rows, GUESS_ROWS))
        sources = detect_sources(header, lon_field, lat_field, point_field, geojson_field, crs)
        sources = _settle_crs(sources, [r for _, r in head if isinstance(r, dict)], path, require_geometry)
        records, rejected, read = _with_geometry(itertools.chain(head, rows), sources)
    except csv.Error as error:
        raise DataError(
            tr("The CSV file {name} cannot be read: {error}").format(name=path.name, error=error)
        ) from None
    return LoadResult(
        records,
        sources[0].crs if sources else None,
        read,
        rejected,
        str(path),
        "csv",
        used_encoding,
        delimiter,
        sources[0].fields if sources else (),
    )


def _check_columns(header, wanted, path):
    """DataError if a column asked for by name is not in the file."""
    for column in wanted:
        if column and column not in header:
            raise DataError(
                tr("The column {column} is not in {name} (columns: {columns}).").format(
                    column=column, name=path.name, columns=", ".join(header)
                )
            )


def _settle_crs(sources, rows, path, require_geometry):
    """Check there is a coordinate source and that its CRS is known."""
    if not sources:
        if require_geometry:
            raise DataError(
                tr(
                    "No coordinates found in {name}: expected columns such as latitude/longitude, lat/lon, "
                    "x_wgs84/y_wgs84, x_l93/y_l93, geo_point_2d or geo_shape. Choose the coordinate columns."
                ).format(name=path.name)
            )
        return []
    first = sources[0]
    if first.crs is None:
        crs = guess_xy_crs(rows, first)
        if crs is None:
            raise DataError(
                tr(
                    "The coordinate system of the columns {x}/{y} of {name} is unknown: give its EPSG code."
                ).format(x=first.fields[0], y=first.fields[1], name=path.name)
            )
        sources = [CoordinateSource(first.kind, first.fields, crs)]
    return sources


def _with_geometry(rows, sources):
    """Records with their geometry, the rejections and the number of rows read."""
    records, rejected, read = [], Rejections(), 0
    for line, row in rows:
        read += 1
        try:
            if isinstance(row, RowError):
                raise row
            geometry = geometry_of(row, sources) if sources else None
        except RowError as error:
            rejected.append(Rejection(line, str(error)))
            continue
        row["geometry"] = geometry
        records.append(row)
    return records, rejected, read


def _read_bytes(path):
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(
            tr("The file {name} cannot be read: {error}").format(name=path.name, error=error)
        ) from None


# --------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------
def crs_from_geojson(payload):
    """EPSG code of a GeoJSON ``crs`` member (RFC 7946 default: 4326)."""
    crs = payload.get("crs") if isinstance(payload, dict) else None
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = str(properties.get("name") or "") if isinstance(properties, dict) else ""
    if not name or "CRS84" in name.upper():
        return WGS84
    match = re.search(r"EPSG:+(?:[\d.]*:)?(\d+)$", name, re.IGNORECASE)
    return int(match.group(1)) if match else WGS84


def _features(payload, name):
    if isinstance(payload, list):  # a JSON array of records (e.g. the lieux JSON resource)
        return [{"type": "Feature", "properties": item, "geometry": None} for item in payload]
    kind = payload.get("type") if isinstance(payload, dict) else None
    if kind == "FeatureCollection" and isinstance(payload.get("features"), list):
        return payload["features"]
    if kind == "Feature":
        return [payload]
    if kind in GEOMETRY_TYPES:
        return [{"type": "Feature", "properties": {}, "geometry": payload}]
    raise DataError(tr("{name} is not GeoJSON (no FeatureCollection or Feature found).").format(name=name))


def load_geojson(path, limits=None):
    """Load a GeoJSON FeatureCollection, a bare Feature or a bare geometry.

    A JSON array of objects is read as features without geometry. A feature
    without geometry is rescued from its latitude/longitude (or similar)
    properties when it has some, else rejected.
    """
    path = Path(path)
    check_file_size(path, limits)
    try:
        payload = json.loads(decode(_read_bytes(path))[0])
    except RecursionError:
        raise DataError(
            tr("{name} is JSON nested too deeply to be read: it is not a usable GeoJSON file.").format(
                name=path.name
            )
        ) from None
    except ValueError as error:
        raise DataError(tr("{name} is not valid JSON: {error}").format(name=path.name, error=error)) from None
    crs = crs_from_geojson(payload)
    features = _features(payload, path.name)
    records, rejected = [], Rejections()
    for number, feature in enumerate(features, start=1):
        try:
            records.append(_feature_record(feature, crs))
        except RowError as error:
            rejected.append(Rejection(number, str(error)))
    return LoadResult(
        records, crs, len(features), rejected, str(path), "geojson", geometry_fields=("geometry",)
    )


def _feature_record(feature, crs):
    if not isinstance(feature, dict) or not isinstance(feature.get("properties") or {}, dict):
        raise RowError(tr("invalid feature"))
    properties = dict(feature.get("properties") or {})
    geometry = feature.get("geometry")
    if geometry is None:
        sources = [s for s in detect_sources(properties.keys()) if s.crs == WGS84] if crs == WGS84 else []
        geometry = geometry_of(properties, sources) if sources else None
        if geometry is None:
            raise RowError(tr("no geometry"))
    properties["geometry"] = check_geometry(geometry, crs)
    return properties


# --------------------------------------------------------------------------
# GDAL (Shapefile, GeoPackage)
# --------------------------------------------------------------------------
def epsg_of(srs):
    """EPSG code of an ``osr.SpatialReference`` (identified if needed), or None."""
    if srs is None:
        return None
    for node in ("PROJCS", "GEOGCS", None):
        if srs.GetAuthorityName(node) == "EPSG" and srs.GetAuthorityCode(node):
            return int(srs.GetAuthorityCode(node))
    matches = srs.FindMatches() or []
    for match, confidence in matches:
        if confidence >= 70 and match.GetAuthorityName(None) == "EPSG":
            return int(match.GetAuthorityCode(None))
    return None


def load_ogr(path, layer=None, limits=None):
    """Load a Shapefile, GeoPackage or other GDAL vector file (first layer by default)."""
    from osgeo import ogr  # lazy: GDAL is present wherever QGIS is

    path = Path(path)
    check_file_size(path, limits, [path.with_suffix(".dbf")] if path.suffix.lower() == ".shp" else [])
    source = ogr.Open(str(path))
    if source is None:
        raise DataError(
            tr("GDAL cannot open {name}: the file is damaged or not a vector file.").format(name=path.name)
        )
    ogr_layer = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    if ogr_layer is None:
        raise DataError(tr("{name} has no layer {layer}.").format(name=path.name, layer=layer or 0))
    crs = epsg_of(ogr_layer.GetSpatialRef())
    records, rejected, read = [], Rejections(), 0
    for feature in ogr_layer:
        read += 1
        try:
            records.append(_ogr_record(feature, crs))
        except RowError as error:
            rejected.append(Rejection(read, str(error)))
    return LoadResult(
        records,
        crs,
        read,
        rejected,
        str(path),
        path.suffix.lstrip(".").lower(),
        geometry_fields=(ogr_layer.GetGeometryColumn() or "geometry",),
    )


def _ogr_record(feature, crs):
    geometry = feature.GetGeometryRef()
    if geometry is None or geometry.IsEmpty():
        raise RowError(tr("no geometry"))
    record = feature.items()
    record["geometry"] = check_geometry(json.loads(geometry.ExportToJson()), crs)
    return record


# --------------------------------------------------------------------------
# ZIP
# --------------------------------------------------------------------------
def _unsafe_reason(info):
    """Why a ZIP member must not be extracted, or None."""
    name = info.filename
    parts = re.split(r"[\\/]+", name)
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return tr("absolute path")
    if ".." in parts:
        return tr("path leaving the folder")
    if stat.S_ISLNK(info.external_attr >> 16):
        return tr("symbolic link")
    return None


def safe_extract(zip_path, dest, max_bytes=None, limits=None, member=None):
    """Extract ``zip_path`` into ``dest``; return the extracted file paths.

    The whole archive is refused (DataError) before anything is written if
    one member has an absolute path, a ``..`` component or is a link
    (zip-slip), if it would expand beyond ``max_bytes`` (default: the
    ``unzip_max_mb`` setting), if a member larger than 16 MB expands more
    than ``zip_max_ratio`` times (a zip bomb), or if the data file to load
    (``member``, or the one :func:`load_zip` would pick) is larger than
    ``table_max_mb``. While extracting, a member writing more than it
    declared stops the extraction.
    """
    limits = limits_of(limits)
    max_bytes = int(limits.unzip_max_mb * MB) if max_bytes is None else max_bytes
    dest = Path(dest).resolve()
    name = Path(zip_path).name
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise DataError(
            tr("{name} is not a valid ZIP archive: {error}").format(name=name, error=error)
        ) from None
    with archive:
        members = archive.infolist()
        _check_members(members, dest, name, max_bytes, limits.zip_max_ratio)
        _check_data_member(members, dest, member, name, limits)
        try:
            return [_extract_member(archive, info, dest, name) for info in members if not info.is_dir()]
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError,
                zlib.error) as error:
            raise DataError(
                tr("{name} is not a valid ZIP archive: {error}").format(name=name, error=error)
            ) from None


def _check_members(members, dest, name, max_bytes, max_ratio):
    for info in members:
        reason = _unsafe_reason(info)
        if reason is None and not (dest / info.filename).resolve().is_relative_to(dest):
            reason = tr("path leaving the folder")
        if reason is not None:
            raise DataError(
                tr("The archive {name} was refused: its member '{member}' is unsafe ({reason}).").format(
                    name=name, member=info.filename, reason=reason
                )
            )
    total = sum(info.file_size for info in members)
    if total > max_bytes:
        raise DataError(
            tr(
                "The archive {name} was refused: it would take {size} MB once extracted, more than the limit "
                "of {limit} MB (Ville numérique settings)."
            ).format(name=name, size=_mb(total), limit=_mb(max_bytes))
        )
    for info in members:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MIN_BOMB_BYTES and ratio > max_ratio:
            raise DataError(
                tr(
                    "The archive {name} was refused: its member '{member}' would expand {ratio:.0f} times "
                    "(to {size} MB), which is how zip bombs are made. If the file is genuine, extract it "
                    "yourself and load the extracted file."
                ).format(name=name, member=info.filename, ratio=ratio, size=_mb(info.file_size))
            )


def _mb(size):
    return "{:g}".format(round(size / MB, 1))


def _check_data_member(members, dest, member, name, limits):
    """DataError when the data file that will be read is larger than ``table_max_mb``."""
    sizes = {dest / info.filename: info.file_size for info in members if not info.is_dir()}
    try:
        target = _pick_member(list(sizes), member, name)
    except DataError:
        return  # reported after extraction, with the same sentence
    size = sizes[target]
    if target.suffix.lower() == ".shp":
        size += sizes.get(target.with_suffix(".dbf"), 0)
    limit = limits.table_max_mb * MB
    if size > limit:
        raise too_large_to_load("{}!{}".format(name, target.relative_to(dest).as_posix()), size, limit)


def _extract_member(archive, info, dest, name):
    target = dest / info.filename
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with archive.open(info) as src, open(target, "wb") as out:
        for chunk in iter(lambda: src.read(READ_CHUNK), b""):
            written += len(chunk)
            if written > info.file_size:
                raise DataError(
                    tr("The archive {name} was refused: its member '{member}' is larger than it declares.").format(
                        name=name, member=info.filename
                    )
                )
            out.write(chunk)
    return target


LOADABLE = (".gpkg", ".shp", ".geojson", ".json", ".csv", ".tsv", ".txt")


def load_zip(path, member=None, limits=None, **options):
    """Extract ``path`` safely in a temporary folder and load its data file.

    ``member``: the file to load inside the archive; by default the first of
    GeoPackage, Shapefile, GeoJSON, CSV.
    """
    path = Path(path)
    limits = limits_of(limits)
    with tempfile.TemporaryDirectory(prefix="ville_numerique_") as folder:
        files = safe_extract(path, folder, limits=limits, member=member)
        target = _pick_member(files, member, path.name)
        result = load(target, limits=limits, **options)
    result.source = "{}!{}".format(path, target.relative_to(Path(folder).resolve()).as_posix())
    return result


def _pick_member(files, member, name):
    if member:
        chosen = [f for f in files if f.as_posix().endswith(member)]
    else:
        chosen = sorted(
            (f for f in files if f.suffix.lower() in LOADABLE),
            key=lambda f: (LOADABLE.index(f.suffix.lower()), str(f)),
        )
    if not chosen:
        raise DataError(tr("The archive {name} contains no data file that can be loaded.").format(name=name))
    return chosen[0]


# --------------------------------------------------------------------------
# Dispatcher
# --------------------------------------------------------------------------
def sniff_suffix(path, sample_size=4096):
    """The file extension matching the content of ``path`` (``.zip``, ``.gpkg``,
    ``.geojson`` or ``.csv``), for downloads whose name says nothing."""
    with open(path, "rb") as handle:
        head = handle.read(sample_size)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return ".zip"
    if head.startswith(b"SQLite format 3\x00"):
        return ".gpkg"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"{", b"["):
        return ".geojson"
    return ".csv"


def load(path, **options):
    """Load ``path`` by its extension; ``options`` go to the format's loader
    (``limits``: the settings whose limits apply, default the current ones)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return load_csv(path, **options)
    if suffix in (".geojson", ".json"):
        return load_geojson(path, limits=options.get("limits"))
    if suffix == ".zip":
        return load_zip(path, **options)
    if suffix in (".shp", ".gpkg", ".gml", ".kml", ".fgb"):
        return load_ogr(path, **options)
    raise DataError(tr("The format of {name} is not supported.").format(name=path.name))
