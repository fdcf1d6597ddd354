"""GeoJSON records → QGIS features: geometries, attribute kinds (a schema
inferred from the values) and writing the output once everything is read."""

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsWkbTypes,
)

from ..core.errors import DataError, InputError
from ..core.i18n import tr
from .compat import make_field
from .utils import check_canceled

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


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
