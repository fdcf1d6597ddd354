"""What the open-data algorithms share: HTTP clients, the area, downloads,
GeoJSON records → QGIS features, and writing the output at the very end.

Every algorithm fetches and checks *everything* first and only then creates
its output (``write_sink``): an error, a time-out or a cancellation never
leaves a half-written layer behind.
"""

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.crs import metric_crs_for_extent
from ..core.datagouv import DataGouvClient, resource_id_of
from ..core.errors import CanceledError, DataError, InputError
from ..core.http import HttpClient
from ..core.i18n import tr
from ..core.ign import COMMUNE_FIELDS, IgnClient, canonical_properties
from ..core.loaders import LOADABLE, sniff_suffix
from ..core.settings import load_settings
from .compat import make_field

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
COMMUNE_CODE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
MAX_BUFFER_M = 50_000.0


# --------------------------------------------------------------------------
# Clients
# --------------------------------------------------------------------------
def make_http_client():
    """The shared HTTP client: settings (and their environment overrides),
    cache, rate limits, retries and QGIS's proxy (read by HttpClient from the
    QGIS network settings, as in QGIS and qgis_process)."""
    return HttpClient(load_settings())


@dataclass
class Clients:
    http: HttpClient
    datagouv: DataGouvClient
    ign: IgnClient


def open_clients(feedback):
    """HTTP, data.gouv.fr and IGN clients; tells the user about offline mode and proxy.

    The cache's warnings (a damaged entry removed, an unusable folder) go to the log of the run.
    """
    http = make_http_client()
    http.set_warn(feedback.pushWarning)
    if http.offline:
        feedback.pushInfo(
            tr("Offline mode: only the data already in the cache ({folder}) is used.").format(
                folder=http.settings.cache_dir
            )
        )
    if http.proxy is not None:
        feedback.pushInfo(tr("Requests go through the proxy set in the QGIS network settings."))
    return Clients(http, DataGouvClient(http), IgnClient(http))


def check_canceled(feedback):
    if feedback.isCanceled():
        raise CanceledError(tr("The operation was canceled."))


def progress_callback(feedback, start, span):
    """A ``progress(done, total)`` callback mapping to [start, start + span] %."""

    def progress(done, total):
        if total:
            feedback.setProgress(start + span * min(1.0, done / total))

    return progress


# --------------------------------------------------------------------------
# Area: commune codes, an extent or a polygon layer, plus a buffer
# --------------------------------------------------------------------------
COMMUNES = "COMMUNES"
EXTENT = "EXTENT"
AREA = "AREA"
BUFFER = "BUFFER"


def parse_commune_codes(text):
    """INSEE commune codes of a text (separated by commas, spaces, ; or |)."""
    items = [t.strip().upper() for t in re.split(r"[\s,;|]+", text or "") if t.strip()]
    bad = [t for t in items if not COMMUNE_CODE.match(t)]
    if bad:
        raise InputError(
            tr(
                "{codes}: not an INSEE commune code. A code has five characters, such as 62765 for "
                "Saint-Omer or 2A004 for Ajaccio (postal codes are not accepted)."
            ).format(codes=", ".join(bad))
        )
    return list(dict.fromkeys(items))


def add_area_parameters(alg, buffer_default=0.0):
    """COMMUNES, EXTENT, AREA (polygons) and BUFFER: the area, given one way."""
    param = QgsProcessingParameterString(COMMUNES, tr("Area: INSEE commune codes"), optional=True)
    param.setHelp(tr("INSEE codes separated by commas, e.g. 62765,62525 (Saint-Omer, Longuenesse)."))
    alg.addParameter(param)
    param = QgsProcessingParameterExtent(EXTENT, tr("Area: extent"), optional=True)
    param.setHelp(tr("A rectangle, in any CRS."))
    alg.addParameter(param)
    param = QgsProcessingParameterFeatureSource(
        AREA, tr("Area: polygon layer"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
    )
    param.setHelp(tr("The union of its polygons (or of the selected ones) is the area."))
    alg.addParameter(param)
    param = QgsProcessingParameterNumber(
        BUFFER,
        tr("Buffer around the area (metres)"),
        QgsProcessingParameterNumber.Type.Double,
        defaultValue=buffer_default,
        minValue=0.0,
        maxValue=MAX_BUFFER_M,
    )
    param.setHelp(tr("Widens the area, e.g. to keep the services just across the boundary."))
    alg.addParameter(param)


@dataclass
class Area:
    """The area in WGS 84, with the commune codes it was made of (if any)."""

    geometry: QgsGeometry
    label: str
    codes: tuple = ()
    buffer_m: float = 0.0
    _engine: object = field(default=None, repr=False)

    @property
    def bbox(self):
        rect = self.geometry.boundingBox()
        return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

    def intersects(self, geometry):
        if geometry is None or geometry.isNull():
            return False
        if self._engine is None:
            self._engine = QgsGeometry.createGeometryEngine(self.geometry.constGet())
            self._engine.prepareGeometry()
        return self._engine.intersects(geometry.constGet())

    def contains_point(self, lon, lat):
        return self.intersects(QgsGeometry.fromWkt("POINT ({!r} {!r})".format(float(lon), float(lat))))


def area_from_parameters(alg, parameters, context, feedback, clients, required=True):
    """The :class:`Area` given by COMMUNES, EXTENT or AREA (+ BUFFER), or None when
    none is given and ``required`` is False."""
    codes = parse_commune_codes(alg.parameterAsString(parameters, COMMUNES, context))
    extent = alg.parameterAsExtent(parameters, EXTENT, context)
    has_extent = not extent.isNull() and not extent.isEmpty()
    source = alg.parameterAsSource(parameters, AREA, context) if parameters.get(AREA) else None
    given = [bool(codes), has_extent, source is not None]
    if sum(given) > 1:
        raise InputError(tr("Give the area one way only: commune codes, an extent or a polygon layer."))
    if not any(given):
        if required:
            raise InputError(tr("Give the area: INSEE commune codes, an extent or a polygon layer."))
        return None
    buffer_m = alg.parameterAsDouble(parameters, BUFFER, context) or 0.0
    if codes:
        geometry, names = communes_geometry(clients.ign, codes, feedback)
        label = tr("communes {codes}").format(
            codes=", ".join("{} {}".format(code, names.get(code) or "").strip() for code in codes)
        )
    elif has_extent:
        geometry = alg.parameterAsExtentGeometry(parameters, EXTENT, context, WGS84)
        label = tr("extent {extent}").format(extent=extent.toString(4))
    else:
        geometry = layer_geometry(source, context, feedback)
        label = tr("polygons of the layer {name}").format(name=source.sourceName())
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        raise InputError(tr("The area is empty."))
    if buffer_m > 0:
        geometry = buffered(geometry, buffer_m, context)
        label = tr("{area} + {buffer:g} m").format(area=label, buffer=buffer_m)
    feedback.pushInfo(tr("Area: {label}.").format(label=label))
    return Area(geometry, label, tuple(codes), buffer_m)


def communes_geometry(ign, codes, feedback):
    """Union of the commune polygons of ``codes`` from the IGN WFS (all must exist),
    and the communes' names by code."""
    cql = "code_insee IN ({})".format(",".join("'{}'".format(c) for c in codes))
    features = ign.communes(cql_filter=cql, is_canceled=feedback)
    geometries, found = [], {}
    for feature in features:
        properties = feature.get("properties") or {}
        code = str(properties.get("code_insee") or "").upper()
        geometry = geometry_from_geojson(feature.get("geometry"))
        if code in codes and geometry is not None:
            found[code] = properties.get("nom")
            geometries.append(geometry)
    missing = [c for c in codes if c not in found]
    if missing:
        raise InputError(
            tr(
                "The IGN commune layer has no commune with the code(s) {codes}. Check them: INSEE codes, "
                "not postal codes (Saint-Omer is 62765, its postal code 62500)."
            ).format(codes=", ".join(missing))
        )
    return QgsGeometry.unaryUnion(geometries), found


def layer_geometry(source, context, feedback):
    """Union of the polygons of a feature source, in WGS 84."""
    transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
    geometries = []
    for feature in source.getFeatures():
        check_canceled(feedback)
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        try:
            geometry.transform(transform)
        except QgsCsException:
            continue
        geometries.append(geometry.makeValid())
    if not geometries:
        raise InputError(tr("The area layer has no polygon (or none can be placed in WGS 84)."))
    return QgsGeometry.unaryUnion(geometries)


def buffered(geometry, metres, context):
    """``geometry`` (WGS 84) widened by ``metres``, measured in the local metric CRS."""
    rect = geometry.boundingBox()
    epsg, _name = metric_crs_for_extent(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
    metric = QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))
    forward = QgsCoordinateTransform(WGS84, metric, context.transformContext())
    back = QgsCoordinateTransform(metric, WGS84, context.transformContext())
    result = QgsGeometry(geometry)
    result.transform(forward)
    result = result.buffer(metres, 8)
    result.transform(back)
    return result


# --------------------------------------------------------------------------
# Downloads
# --------------------------------------------------------------------------
FORMAT_SUFFIXES = {
    "csv": ".csv",
    "geojson": ".geojson",
    "json": ".json",
    "zip": ".zip",
    "shp": ".zip",
    "gpkg": ".gpkg",
    "geopackage": ".gpkg",
}


UNSUPPORTED_SUFFIXES = (".xls", ".xlsx", ".ods", ".pdf", ".doc", ".docx", ".odt", ".html", ".htm", ".xml")


def safe_file_name(name, default="resource"):
    """A file name without path or odd characters."""
    text = unicodedata.normalize("NFKD", unquote(str(name or ""))).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(text).name).strip("._")
    return text[:120] or default


def is_url(text):
    return urlsplit(str(text or "")).scheme in ("http", "https")


def split_references(text):
    """Resource ids / URLs of a text: one per line, or separated by commas, spaces or ;."""
    return [t for t in re.split(r"[\s,;]+", text or "") if t]


def download_reference(clients, reference, folder, feedback, start=0.0, span=50.0):
    """Download a data.gouv.fr resource (id or URL) or a direct file URL into ``folder``.

    Returns ``(path, label)``; the path has the extension of its content.
    """
    reference = str(reference or "").strip()
    rid = resource_id_of(reference, clients.datagouv.base_url)
    if rid:
        resource, dataset_id = clients.datagouv.resource(rid, is_canceled=feedback)
        url = resource.stable_url
        name = safe_file_name(Path(urlsplit(resource.url).path).name)
        declared = {Path(name).suffix.lower(), "." + (resource.format or "").lower()}
        if Path(name).suffix.lower() not in LOADABLE:
            name = safe_file_name(resource.title or rid) + FORMAT_SUFFIXES.get(resource.format, "")
        label = resource.title or rid
        feedback.pushInfo(
            tr('data.gouv.fr resource "{title}" ({format}, updated {date}) of the dataset {dataset}.').format(
                title=label,
                format=resource.format or "?",
                date=resource.last_modified.date().isoformat() if resource.last_modified else "?",
                dataset=dataset_id or "?",
            )
        )
    elif is_url(reference):
        url = reference
        name = safe_file_name(Path(urlsplit(reference).path).name)
        declared = {Path(name).suffix.lower()}
        label = reference
    else:
        raise InputError(
            tr(
                "'{reference}' is neither a data.gouv.fr resource identifier, nor a data.gouv.fr resource "
                "address, nor an http(s) address of a file."
            ).format(reference=reference)
        )
    check_canceled(feedback)
    unsupported = sorted(declared & set(UNSUPPORTED_SUFFIXES))
    if unsupported:
        raise DataError(
            tr(
                "{name}: this format ({suffix}) cannot be loaded. Look for a CSV, GeoJSON, zipped Shapefile "
                "or GeoPackage version of the data, or save it as CSV."
            ).format(name=label, suffix=unsupported[0])
        )
    feedback.pushInfo(tr("Downloading {url}…").format(url=url))
    dest = Path(folder) / name
    clients.http.download(url, dest, progress=progress_callback(feedback, start, span), is_canceled=feedback)
    if dest.suffix.lower() not in LOADABLE:
        target = dest.with_name(dest.name + sniff_suffix(dest))
        dest.rename(target)
        dest = target
    return dest, label


# --------------------------------------------------------------------------
# GeoJSON geometries → QGIS
# --------------------------------------------------------------------------
def _xy(position):
    return "{!r} {!r}".format(float(position[0]), float(position[1]))


def _ring(positions):
    return "(" + ", ".join(_xy(p) for p in positions) + ")"


def geojson_to_wkt(geometry):
    """WKT (2D) of a GeoJSON geometry, or None when it is not a usable one."""
    try:
        kind, coords = geometry["type"], geometry["coordinates"]
        if kind == "Point":
            return "POINT ({})".format(_xy(coords))
        if kind == "MultiPoint":
            return "MULTIPOINT (" + ", ".join("(" + _xy(p) + ")" for p in coords) + ")"
        if kind == "LineString":
            return "LINESTRING " + _ring(coords)
        if kind == "MultiLineString":
            return "MULTILINESTRING (" + ", ".join(_ring(line) for line in coords) + ")"
        if kind == "Polygon":
            return "POLYGON (" + ", ".join(_ring(r) for r in coords) + ")"
        if kind == "MultiPolygon":
            return (
                "MULTIPOLYGON ("
                + ", ".join("(" + ", ".join(_ring(r) for r in polygon) + ")" for polygon in coords)
                + ")"
            )
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return None


def geometry_from_geojson(geometry):
    """A QgsGeometry from a GeoJSON geometry dict, or None."""
    if not isinstance(geometry, dict):
        return None
    wkt = geojson_to_wkt(geometry)
    if wkt is None:
        return None
    result = QgsGeometry.fromWkt(wkt)
    return None if result.isNull() or result.isEmpty() else result


_FAMILIES = {
    "Point": "point",
    "MultiPoint": "point",
    "LineString": "line",
    "MultiLineString": "line",
    "Polygon": "polygon",
    "MultiPolygon": "polygon",
}
_WKB = {
    ("point", False): QgsWkbTypes.Type.Point,
    ("point", True): QgsWkbTypes.Type.MultiPoint,
    ("line", False): QgsWkbTypes.Type.LineString,
    ("line", True): QgsWkbTypes.Type.MultiLineString,
    ("polygon", False): QgsWkbTypes.Type.Polygon,
    ("polygon", True): QgsWkbTypes.Type.MultiPolygon,
}


def geometry_family(geometries):
    """(family, multi) of the most common family among GeoJSON geometries.

    ``multi`` is True when any geometry of that family is a Multi* one (the
    single ones are then promoted). None when no geometry is usable.
    """
    kinds = Counter(g.get("type") for g in geometries if isinstance(g, dict) and g.get("type") in _FAMILIES)
    if not kinds:
        return None
    families = Counter()
    for kind, count in kinds.items():
        families[_FAMILIES[kind]] += count
    family = families.most_common(1)[0][0]
    multi = any(kind.startswith("Multi") for kind in kinds if _FAMILIES[kind] == family)
    return family, multi


def wkb_type(family, multi):
    return _WKB[(family, multi)]


def family_label(family):
    return {"point": tr("point"), "line": tr("line"), "polygon": tr("polygon")}[family]


# --------------------------------------------------------------------------
# Attributes
# --------------------------------------------------------------------------
_INT_TEXT = re.compile(r"^[-+]?(?:0|[1-9]\d{0,17})$")
_FLOAT_TEXT = re.compile(r"^[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?$")
_FLOAT_COMMA_TEXT = re.compile(r"^[-+]?\d+,\d+$")
_CODE_NAME = re.compile(
    r"(?:^|_)(?:id|ids|code|codes|cp|insee|siret|siren|pivot|uic|tel|telephone|phone|mobile|fax|"
    r"dep|depcom|com|reg|iris|postal|zip|cle|cleabs)(?:_|$)|^(?:id|code|cp|insee)"
)


def _plain_name(name):
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def infer_kind(name, values, text_numbers=False, decimal_comma=False):
    """``longlong``, ``double`` or ``string`` for a column of Python values.

    JSON numbers give numbers. With ``text_numbers`` (CSV files), texts that
    are all numbers become numbers too, except in columns named like codes
    or identifiers (``code_postal``, ``insee_com``, ``id``…): codes keep their
    leading zeros.
    """
    present = [v for v in values if v is not None and v != ""]
    if not present:
        return "string"
    if all(isinstance(v, bool) for v in present):
        return "int"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "longlong"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "double"
    if (
        not text_numbers
        or not all(isinstance(v, str) for v in present)
        or _CODE_NAME.search(_plain_name(name))
    ):
        return "string"
    texts = [v.strip() for v in present]
    if all(_INT_TEXT.match(t) for t in texts):
        return "longlong"
    if all(_FLOAT_TEXT.match(t) or (decimal_comma and _FLOAT_COMMA_TEXT.match(t)) for t in texts):
        return "double"
    return "string"


def convert(value, kind):
    """``value`` for a field of ``kind`` (None when it does not fit)."""
    if value is None:
        return None
    if kind == "string":
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        return str(value)
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
        if value == "":
            return None
    try:
        if kind in ("longlong", "int"):
            return int(value) if not isinstance(value, float) else int(round(value))
        number = float(value)
        return number if math.isfinite(number) else None
    except (TypeError, ValueError, OverflowError):
        return None


def unique_names(names):
    """Field names usable in any output format: ``fid`` renamed, no case-insensitive duplicate."""
    seen, result = set(), []
    for index, name in enumerate(names, start=1):
        name = str(name).strip() or "field_{}".format(index)
        if name.lower() == "fid":
            name = "fid_source"
        candidate, suffix = name, 2
        while candidate.lower() in seen:
            candidate = "{}_{}".format(name, suffix)
            suffix += 1
        seen.add(candidate.lower())
        result.append(candidate)
    return result


@dataclass
class Schema:
    """Output fields: source names, output names and kinds."""

    names: list
    out_names: list
    kinds: list

    def fields(self):
        fields = QgsFields()
        for name, kind in zip(self.out_names, self.kinds):
            fields.append(make_field(name, kind))
        return fields

    def attributes(self, record):
        return [convert(record.get(name), kind) for name, kind in zip(self.names, self.kinds)]


def schema_of(records, exclude=("geometry",), kinds=None, text_numbers=False, decimal_comma=False):
    """The :class:`Schema` of a list of dict records (keys in first-seen order).

    ``kinds`` forces the kind of some columns.
    """
    names = []
    seen = set()
    for record in records:
        for key in record:
            if key not in seen and key not in exclude:
                seen.add(key)
                names.append(key)
    kinds = dict(kinds or {})
    result = [
        kinds.get(name) or infer_kind(name, [r.get(name) for r in records], text_numbers, decimal_comma)
        for name in names
    ]
    return Schema(names, unique_names(names), result)


# --------------------------------------------------------------------------
# Features and output
# --------------------------------------------------------------------------
def features_to_rows(features, schema, family, multi, area=None, feedback=None):
    """(geometry, attributes) rows of GeoJSON-like features whose geometry is of
    ``family`` (promoted to multi when needed) and, with ``area``, intersects it.

    Returns ``(rows, dropped)``: ``dropped`` counts features without a usable
    geometry, of another family, or outside the area, by reason.
    """
    rows, dropped = [], Counter()
    for number, feature in enumerate(features):
        if feedback is not None and number % 500 == 0:
            check_canceled(feedback)
        geometry_dict = feature.get("geometry")
        kind = geometry_dict.get("type") if isinstance(geometry_dict, dict) else None
        if _FAMILIES.get(kind) != family:
            dropped["geometry_type" if kind in _FAMILIES else "no_geometry"] += 1
            continue
        geometry = geometry_from_geojson(geometry_dict)
        if geometry is None:
            dropped["no_geometry"] += 1
            continue
        if area is not None and not area.intersects(geometry):
            dropped["outside"] += 1
            continue
        if multi and not geometry.isMultipart():
            geometry.convertToMultiType()
        rows.append((geometry, schema.attributes(feature.get("properties") or {})))
    return rows, dropped


def write_sink(alg, parameters, name, context, fields, geometry_type, crs, rows):
    """Create the output ``name`` and write ``rows`` ((geometry or None, attributes)).

    Called once everything has been fetched: nothing is written before.
    """
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
    if sink is None:
        raise InputError(tr("The output layer could not be created."))
    for geometry, attributes in rows:
        feature = QgsFeature(fields)
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes(attributes)
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise DataError(tr("Writing the output failed: {error}").format(error=sink.lastError()))
    return dest_id


def advanced(param):
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return param


def commune_properties(properties):
    """Commune attributes with the canonical names (current or legacy WFS)."""
    return canonical_properties(properties, COMMUNE_FIELDS)
