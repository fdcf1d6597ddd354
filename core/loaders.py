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

import csv
import io
import itertools
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .archives import LOADABLE, pick_member, safe_extract  # noqa: F401 - safe_extract re-exported
from .coordinates import (  # noqa: F401 - re-exported: the loaders' vocabulary
    GEOMETRY_TYPES,
    LAMBERT93,
    WGS84,
    CoordinateSource,
    RowError,
    check_geometry,
    check_lon_lat,
    detect_sources,
    geometry_of,
    guess_xy_crs,
    normalize_name,
    parse_number,
)
from .encodings import ENCODINGS, decode, detect_encoding, shapefile_encoding  # noqa: F401 - re-exported
from .errors import DataError
from .file_limits import MB, READ_CHUNK, check_file_size, limits_of, too_large_to_load  # noqa: F401
from .i18n import tr

DELIMITERS = (";", ",", "\t", "|")
MAX_FIELD_CHARS = 2**30

GUESS_ROWS = 50


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
    warnings: list = field(default_factory=list)  # translated sentences for the log

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
# CSV
# --------------------------------------------------------------------------
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


def open_vector(path, open_options=None):
    """A GDAL vector dataset, or None when GDAL cannot open it.

    GDAL's Python bindings raise ``RuntimeError`` instead of returning None once
    exceptions are enabled (QGIS 3.40 enables them): both mean "cannot open".
    """
    from osgeo import gdal

    try:
        return gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=list(open_options or []))
    except RuntimeError:
        return None


def load_ogr(path, layer=None, limits=None):
    """Load a Shapefile, GeoPackage or other GDAL vector file (first layer by default)."""

    path = Path(path)
    check_file_size(path, limits, [path.with_suffix(".dbf")] if path.suffix.lower() == ".shp" else [])
    encoding, warning = shapefile_encoding(path)  # a .shp without .cpg (core/encodings.py)
    source = open_vector(path, ["ENCODING=" + encoding] if encoding else None)
    if source is None:
        raise DataError(
            tr("GDAL cannot open {name}: the file is damaged or not a vector file.").format(name=path.name)
        )
    ogr_layer = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    if ogr_layer is None:
        raise DataError(tr("{name} has no layer {layer}.").format(name=path.name, layer=layer or 0))
    crs = epsg_of(ogr_layer.GetSpatialRef())
    records, rejected, read = [], Rejections(), 0
    try:
        for feature in ogr_layer:
            read += 1
            try:
                records.append(_ogr_record(feature, crs))
            except RowError as error:
                rejected.append(Rejection(read, str(error)))
    except RuntimeError as error:  # GDAL with exceptions enabled (QGIS 3.40): a damaged file
        raise DataError(tr("GDAL cannot read {name} past feature {n}: {error}").format(
            name=path.name, n=read, error=error)) from None
    return LoadResult(
        records,
        crs,
        read,
        rejected,
        str(path),
        path.suffix.lstrip(".").lower(),
        encoding=encoding,
        geometry_fields=(ogr_layer.GetGeometryColumn() or "geometry",),
        warnings=[warning] if warning else [],
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
def load_zip(path, member=None, limits=None, **options):
    """Extract ``path`` safely in a temporary folder and load its data file.

    ``member``: the file to load inside the archive; by default the first of
    GeoPackage, Shapefile, GeoJSON, CSV.
    """
    path = Path(path)
    limits = limits_of(limits)
    with tempfile.TemporaryDirectory(prefix="ville_numerique_") as folder:
        files = safe_extract(path, folder, limits=limits, member=member)
        target = pick_member(files, member, path.name)
        result = load(target, limits=limits, **options)
    result.source = "{}!{}".format(path, target.relative_to(Path(folder).resolve()).as_posix())
    return result


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
