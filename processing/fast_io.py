"""Bulk reading and writing of file-backed layers with GDAL (issue 14).

The per-feature paths (``layers.read_points``' ``QgsFeatureIterator`` loop,
``coverage.UnitWriter``'s ``QgsFeatureSink``) are the reference; these bulk
paths are taken only when they give the same result, and the tests
(``tests/integration/test_fast_io.py``) compare both on real and generated data.

- Reading: a layer of the OGR provider backed by a file (GeoPackage,
  shapefile, GeoJSON: :data:`READ_DRIVERS`) read whole — no subset string, no
  selection, no feature limit or filter, no invalid-geometry check asked,
  no unsaved edits — is read with ``ogr.Layer.GetArrowStreamAsNumPy``;
  centroids of points and single-ring polygons are computed in numpy from the
  WKB, any other geometry by OGR (GEOS, as QGIS does); the CRS transform is
  done on whole arrays with ``osr``.
- Writing: when the population is a GeoPackage layer and the output a
  GeoPackage, QGIS creates the (empty) output table as usual, GDAL copies the
  population's features into it (C++, fids kept), and the result columns are
  filled in one SQLite transaction keyed by fid.
"""

import os
import sys

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..core.errors import CanceledError
from ..core.i18n import tr

#: OGR drivers read in bulk (files whose feature ids QGIS takes from OGR unchanged).
#: Only the drivers the tests compare with the reference path: FlatGeobuf is left out because
#: GDAL 3.6's Arrow stream never ends on a FlatGeobuf file whose features have no geometry.
READ_DRIVERS = ("GPKG", "ESRI Shapefile", "GeoJSON")
#: Field types (``QVariant`` type names) whose values GDAL gives as QGIS does.
_PLAIN_TYPES = ("int", "qlonglong", "double", "QString")
#: Environment variable that turns the bulk paths off (for comparisons and as an escape hatch).
DISABLE = "VILLE_NUMERIQUE_NO_FAST_IO"
BATCH = 65536


class FallbackError(Exception):
    """The bulk path cannot give the reference result: use the per-feature path."""


def enabled():
    return not os.environ.get(DISABLE)


def _ogr():
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    return gdal, ogr, osr


# --------------------------------------------------------------------------- which layers
class LayerSpec:
    """A file-backed OGR layer read whole: ``path``, ``layer`` (name), ``driver``.

    Made from the layer's source string only (:func:`spec_for_layer`): an
    algorithm may run in a worker thread, where only the feature source is
    safe to use; :meth:`matches` compares the table with that source.
    """

    def __init__(self, path, layer, driver, ogr_names, fid_column, count):
        self.path, self.layer, self.driver = path, layer, driver
        self.ogr_names, self.fid_column, self.count = ogr_names, fid_column, count
        self.fields, self.crs = [], None

    def matches(self, source):
        """Whether ``source`` (a feature source of the layer) shows this table as GDAL reads it."""
        names = source.fields().names()
        if source.featureCount() != self.count:
            return False
        if any(n not in self.ogr_names and n != self.fid_column for n in names):
            return False  # QGIS shows fields OGR does not (or renamed): not the same table
        self.fields, self.crs = names, source.sourceCrs()
        return True


def same_input(first, second):
    """Whether two values of an input name the same layer (QGIS converts the parameters anew
    between ``prepareAlgorithm`` and ``processAlgorithm``)."""
    if first is second:
        return True
    definition = QgsProcessingFeatureSourceDefinition
    if isinstance(first, definition) or isinstance(second, definition):
        return (isinstance(first, definition) and isinstance(second, definition)
                and first.source.staticValue() == second.source.staticValue()
                and first.selectedFeaturesOnly == second.selectedFeaturesOnly)
    if isinstance(first, (str, int, float)) and isinstance(second, (str, int, float)):
        return first == second
    return False  # a layer object: resolved again (in the thread that holds it)


def is_layer_input(definition):
    """Whether a parameter takes a vector layer that :func:`layer_spec` may read in bulk."""
    return definition.type() in ("source", "vector")


def layer_spec(algorithm, parameters, name, context):
    """The :class:`LayerSpec` of input ``name`` when it can be read in bulk, else None.

    The spec found in the main thread by ``BaseAlgorithm.prepareAlgorithm`` is
    used when the input is the same: a worker thread never touches a project layer.
    """
    if not enabled():
        return None
    value = parameters.get(name)
    prepared = getattr(algorithm, "__dict__", {}).get("_bulk_specs", {}).get(name)
    if prepared is not None and same_input(prepared[0], value):
        return prepared[1]
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit not in (-1, None):
            return None
        if getattr(value, "filterExpression", ""):
            return None
        flags = int(value.flags) if not hasattr(value.flags, "value") else int(value.flags.value)
        if flags and value.geometryCheck != QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck:
            return None
    if context.invalidGeometryCheck() != QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck:
        return None
    try:
        if isinstance(value, QgsProcessingFeatureSourceDefinition):  # QGIS 3.22 gives no layer for these
            text = value.source.valueAsString(context.expressionContext())[0]
            layer = QgsProcessingUtils.mapLayerFromString(text, context)
        else:
            layer = algorithm.parameterAsVectorLayer(parameters, name, context)
        if not isinstance(layer, QgsVectorLayer):
            return None
    except Exception:  # noqa: BLE001 - not a layer: the per-feature path reports it
        return None
    return spec_for_layer(layer)


def spec_for_layer(layer):
    """The :class:`LayerSpec` of a whole ``QgsVectorLayer`` that GDAL reads as QGIS does, else None."""
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() and layer.isModified():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or not os.path.isfile(path) or parts.get("subset"):
        return None
    try:
        gdal, ogr, _ = _ogr()
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        driver = dataset.GetDriver().ShortName
        if driver not in READ_DRIVERS:
            return None
        if parts.get("layerName"):
            ogr_layer = dataset.GetLayerByName(parts["layerName"])
        elif parts.get("layerId") is not None:
            ogr_layer = dataset.GetLayer(int(parts["layerId"]))
        else:
            ogr_layer = dataset.GetLayer(0) if dataset.GetLayerCount() == 1 else None
        if ogr_layer is None or not hasattr(ogr_layer, "GetArrowStreamAsNumPy"):
            return None
        definition = ogr_layer.GetLayerDefn()
        ogr_names = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
        return LayerSpec(path, ogr_layer.GetName(), driver, ogr_names, ogr_layer.GetFIDColumn() or None,
                         ogr_layer.GetFeatureCount())
    except Exception:  # noqa: BLE001 - anything GDAL cannot open goes the reference way
        return None


# --------------------------------------------------------------------------- reading
_POINT, _LINE, _POLYGON, _MPOINT, _MLINE, _MPOLYGON = 1, 2, 3, 4, 5, 6


def _base_type(code):
    code = int(code) & 0x0FFFFFFF  # EWKB flags
    return code % 1000


def _wkb_buffer(geometry, rows):
    """One buffer holding the WKB of ``rows`` of an Arrow geometry column, their offsets and lengths.

    GDAL gives a column of blobs of one size as a fixed-size (``|V``) array:
    its bytes are the buffer as they are.
    """
    data = np.ma.getdata(geometry)
    if data.dtype.kind == "V":
        size = data.dtype.itemsize
        buffer = np.ascontiguousarray(data[rows]).tobytes()
        offsets = np.arange(len(rows), dtype=np.int64) * size
        return buffer, offsets, np.full(len(rows), size, dtype=np.int64)
    blobs = [data[i] for i in rows]
    if any(b is None for b in blobs):
        raise FallbackError("a geometry GDAL gives as nothing")
    blobs = [bytes(b) for b in blobs]
    lengths = np.fromiter((len(b) for b in blobs), dtype=np.int64, count=len(blobs))
    offsets = np.zeros(len(blobs), dtype=np.int64)
    if len(blobs) > 1:
        np.cumsum(lengths[:-1], out=offsets[1:])
    return b"".join(blobs), offsets, lengths


def _read_u32(raw, at):
    """Little-endian uint32 at byte offsets ``at``."""
    b = raw[at[:, None] + np.arange(4)].astype(np.uint32)
    return b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16) | (b[:, 3] << 24)


def _read_f64(buffer, at):
    """Little-endian doubles at byte offsets ``at`` (any alignment)."""
    out = np.empty(len(at), dtype=np.float64)
    residue = at % 8
    for r in np.unique(residue):
        count = (len(buffer) - int(r)) // 8
        view = np.frombuffer(buffer, dtype="<f8", offset=int(r), count=count)
        mask = residue == r
        out[mask] = view[(at[mask] - r) // 8]
    return out


def _polygon_centroids(buffer, raw, start, npoints):
    """Area-weighted centroids of single-ring polygons (ring at ``start``, ``npoints`` vertices).

    Coordinates are taken relative to the ring's first vertex (as GEOS does),
    so large projected coordinates keep their precision. Returns ``x, y, area``.
    """
    total = int(npoints.sum())
    ring = np.repeat(np.arange(len(start)), npoints)
    first = np.zeros(len(start), dtype=np.int64)
    if len(start) > 1:
        np.cumsum(npoints[:-1], out=first[1:])
    index = np.arange(total) - first[ring]
    at = start[ring] + index * 16
    x = _read_f64(buffer, at)
    y = _read_f64(buffer, at + 8)
    x0, y0 = x[first], y[first]
    dx, dy = x - x0[ring], y - y0[ring]
    nxt = np.arange(1, total + 1)
    last = first + npoints - 1
    nxt[last] = first  # closes each ring (a closed ring adds a zero term)
    cross = dx * dy[nxt] - dx[nxt] * dy
    area2 = np.bincount(ring, cross, minlength=len(start))
    cx = np.bincount(ring, (dx + dx[nxt]) * cross, minlength=len(start))
    cy = np.bincount(ring, (dy + dy[nxt]) * cross, minlength=len(start))
    with np.errstate(divide="ignore", invalid="ignore"):
        return x0 + cx / (3.0 * area2), y0 + cy / (3.0 * area2), area2 / 2.0


def _geometry_kind(base):
    """QGIS geometry kind of a WKB base type: 0 point, 1 line, 2 polygon, None other."""
    if base in (_POINT, _MPOINT):
        return 0
    if base in (_LINE, _MLINE, 8, 9, 11):  # linestring, circularstring, compoundcurve, multicurve
        return 1
    if base in (_POLYGON, _MPOLYGON, 10, 12, 15, 16, 17):  # curvepolygon, multisurface, polyhedral, tin, triangle
        return 2
    return None


def _ogr_centroids(blob, explode, ogr):
    """Points of one geometry by OGR (GEOS): its centroid, or each part's with ``explode``."""
    geometry = ogr.CreateGeometryFromWkb(bytes(blob))
    if geometry is None or geometry.IsEmpty():
        return []
    flat = ogr.GT_Flatten(geometry.GetGeometryType())
    if explode and flat in (ogr.wkbMultiPoint, ogr.wkbMultiLineString, ogr.wkbMultiPolygon,
                            ogr.wkbGeometryCollection, ogr.wkbMultiCurve, ogr.wkbMultiSurface):
        parts = [geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())]
    else:
        parts = [geometry]
    points = []
    for part in parts:
        if part is None or part.IsEmpty():
            continue
        if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbPoint:
            points.append((part.GetX(), part.GetY()))
            continue
        centre = part.Centroid()
        if centre is None or centre.IsEmpty():
            continue
        points.append((centre.GetX(), centre.GetY()))
    return points


def _centroids(buffer, offsets, lengths, explode, kinds_allowed, kinds, label):
    """Points of WKB geometries (see :func:`_wkb_buffer`): ``(xy, row)``, ``row`` the geometry's index."""
    _, ogr, _ = _ogr()
    n = len(offsets)
    if n == 0:
        return np.empty((0, 2)), np.empty(0, dtype=np.int64)
    raw = np.frombuffer(buffer, dtype=np.uint8)
    short = lengths < 5
    if short.any():
        raise FallbackError("fast_io:239")
    order = raw[offsets]
    types = _read_u32(raw, offsets + 1)
    big = order != 1
    base = np.array([_base_type(t) for t in np.unique(types)])
    if any(_geometry_kind(b) is None for b in base):
        raise FallbackError("fast_io:245")  # collections, unusual types: the reference path decides
    base_of = np.vectorize(_base_type, otypes=[np.int64])(types) if len(types) else types
    if kinds_allowed is not None:
        kind_of = np.vectorize(lambda b: _geometry_kind(int(b)), otypes=[np.int64])(base_of)
        if not np.isin(kind_of, list(kinds_allowed)).all():
            from .layers import raise_mixed_types

            raise_mixed_types(kinds, label)
    xs = np.full(n, np.nan)
    ys = np.full(n, np.nan)
    simple = ~big & (types == _POINT) & (lengths >= 21)
    if simple.any():
        at = offsets[simple] + 5
        xs[simple] = _read_f64(buffer, at)
        ys[simple] = _read_f64(buffer, at + 8)
    polygons = ~big & (types == _POLYGON) & (lengths >= 13)
    if polygons.any():
        rows = np.flatnonzero(polygons)
        rings = _read_u32(raw, offsets[rows] + 5)
        rows = rows[rings == 1]
        if len(rows):
            npoints = _read_u32(raw, offsets[rows] + 9).astype(np.int64)
            fits = (npoints >= 4) & (13 + npoints * 16 == lengths[rows])
            rows, npoints = rows[fits], npoints[fits]
            if len(rows):
                cx, cy, area = _polygon_centroids(buffer, raw, offsets[rows] + 13, npoints)
                good = np.isfinite(cx) & np.isfinite(cy) & (np.abs(area) > 0)
                xs[rows[good]], ys[rows[good]] = cx[good], cy[good]
                polygons[:] = False
                polygons[rows[good]] = True
            else:
                polygons[:] = False
        else:
            polygons[:] = False
    done = simple | polygons
    # an empty point (NaN coordinates) is skipped like QGIS skips it
    done_rows = np.flatnonzero(done & np.isfinite(xs) & np.isfinite(ys))
    rest = np.flatnonzero(~done)
    extra_xy, extra_rows = [], []
    for row in rest:
        blob = buffer[offsets[row]:offsets[row] + lengths[row]]
        for point in _ogr_centroids(blob, explode, ogr):
            extra_xy.append(point)
            extra_rows.append(row)
    xy = np.column_stack([xs[done_rows], ys[done_rows]])
    rows = done_rows
    if extra_rows:
        xy = np.vstack([xy, np.array(extra_xy, dtype=float).reshape(-1, 2)])
        rows = np.concatenate([rows, np.array(extra_rows, dtype=np.int64)])
        keep = np.argsort(rows, kind="stable")
        xy, rows = xy[keep], rows[keep]
    return xy, rows


def bulk_transform(xy, source_crs, crs, context):
    """``xy`` from ``source_crs`` to ``crs`` in one call; points that fail become NaN."""
    if source_crs == crs or len(xy) == 0:
        return xy
    if context.transformContext().coordinateOperations():
        raise FallbackError("fast_io:303")  # the project chose its own operations: QGIS applies them
    gdal, _, osr = _ogr()
    references = []
    for qgs_crs in (source_crs, crs):
        reference = osr.SpatialReference()
        if qgs_crs.authid().upper().startswith("EPSG:"):
            reference.ImportFromEPSG(int(qgs_crs.authid().split(":")[1]))
        else:
            reference.ImportFromWkt(qgs_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019))
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        references.append(reference)
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        transform = osr.CoordinateTransformation(*references)
        out = np.asarray(transform.TransformPoints(np.ascontiguousarray(xy, dtype=float)), dtype=float)[:, :2]
    except Exception:  # noqa: BLE001
        raise FallbackError("fast_io:319") from None
    finally:
        gdal.PopErrorHandler()
    out[~np.isfinite(out).all(axis=1)] = np.nan
    return out


def _column_values(array, qgis_type):
    """A column of an Arrow batch as a list of Python values, NULL as None (like QGIS)."""
    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array)
    if qgis_type == "QString":
        values = [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in data.tolist()]
    elif qgis_type == "double":
        values = data.astype(float).tolist()
    else:
        values = data.astype(np.int64).tolist()
    if mask.any():
        for i in np.flatnonzero(mask):
            values[i] = None
    return values


def read_points_bulk(spec, source, crs, context, feedback, attributes, start, span, explode, kinds, label,
                     check_features):
    """What :func:`layers.read_points` returns, read with GDAL in bulk (see module doc).

    Raises :class:`FallbackError` when the layer holds something only the
    reference path reads the same way.
    """
    gdal, _, _ = _ogr()
    from .layers import kind_codes

    if not spec.matches(source):
        raise FallbackError("the layer is not the table GDAL reads")
    fields = source.fields()
    wanted = [spec.fields[i] for i in attributes]
    qtypes = [fields.at(i).type() for i in attributes]
    for name, qtype in zip(wanted, qtypes):
        if name != spec.fid_column and _qvariant_name(qtype) not in _PLAIN_TYPES:
            raise FallbackError("field type")
        if spec.driver == "ESRI Shapefile" and _qvariant_name(qtype) == "QString":
            raise FallbackError("shapefile text: QGIS decodes the DBF with its own encoding setting")
    dataset = gdal.OpenEx(spec.path, gdal.OF_VECTOR | gdal.OF_READONLY)
    layer = dataset.GetLayerByName(spec.layer)
    definition = layer.GetLayerDefn()
    ignored = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())
               if definition.GetFieldDefn(i).GetName() not in wanted]
    layer.SetIgnoredFields(ignored + ["OGR_STYLE"])
    geometry_name = layer.GetGeometryColumn() or "wkb_geometry"
    total = layer.GetFeatureCount()
    kinds_allowed = kind_codes(kinds) if check_features else None
    xy_parts, values, ids, skipped = [], [], [], []
    seen = 0
    stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH={}".format(BATCH)])
    for batch in stream:
        if feedback is not None:
            if feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
        if seen > total:  # a driver that repeats its features: read them one by one instead
            raise FallbackError("more features in the Arrow stream than in the layer")
        fid = np.asarray(batch.get("OGC_FID", batch.get(spec.fid_column or "OGC_FID")), dtype=np.int64)
        if fid is None or fid.ndim != 1:
            raise FallbackError("fast_io:376")
        geometry = batch.get(geometry_name)
        if geometry is None:
            raise FallbackError("fast_io:382")
        present = ~np.ma.getmaskarray(geometry)
        rows_with = np.flatnonzero(present)
        buffer, offsets, lengths = _wkb_buffer(geometry, rows_with)
        xy, local = _centroids(buffer, offsets, lengths, explode, kinds_allowed, kinds, label)
        rows = rows_with[local]
        xy = bulk_transform(xy, spec.crs, crs, context)
        finite = np.isfinite(xy).all(axis=1)
        xy, rows = xy[finite], rows[finite]
        if not explode and len(rows) and (np.diff(rows) == 0).any():
            raise FallbackError("fast_io:396")
        placed = np.zeros(len(fid), dtype=bool)
        placed[rows] = True
        skipped.extend(fid[~placed].tolist())
        columns = []
        for name, qtype in zip(wanted, qtypes):
            if name == spec.fid_column:
                columns.append(fid.tolist())
            else:
                columns.append(_column_values(batch[name], _qvariant_name(qtype)))
        if not columns:
            values.extend([()] * len(rows))
        elif len(rows) == len(fid) and (len(rows) == 0 or (rows[0] == 0 and (np.diff(rows) == 1).all())):
            values.extend(zip(*columns))  # every row placed once, in order: one tuple per row, in C
        else:
            rows_list = rows.tolist()
            values.extend(zip(*[[col[r] for r in rows_list] for col in columns]))
        ids.extend(fid[rows].tolist())
        xy_parts.append(xy)
        seen += len(fid)
        if feedback is not None:
            feedback.setProgress(start + span * min(seen / max(total, 1), 1.0))
    xy = np.vstack(xy_parts) if xy_parts else np.empty((0, 2))
    # the reference path lists features in fid order (QGIS reads OGR in its order too)
    return xy.reshape(-1, 2), values, ids, skipped


def _qvariant_name(qtype):
    # Qt's type ids, the same in QVariant.Type (Qt5) and QMetaType.Type (Qt6, QGIS >= 3.38)
    names = {2: "int", 4: "qlonglong", 6: "double", 10: "QString"}
    try:
        return names.get(int(qtype), "other")
    except (TypeError, ValueError):
        return names.get(getattr(qtype, "value", -1), "other")


def log(message):
    """Debug trace of the chosen path (``VILLE_NUMERIQUE_FAST_IO_DEBUG=1``)."""
    if os.environ.get("VILLE_NUMERIQUE_FAST_IO_DEBUG"):
        sys.stderr.write("fast_io: {}\n".format(message))


# Writing lives in processing/fast_write.py; its entry points are part of this module's API.
from .fast_write import _attach_rtree, bulk_output_table, fill_geopackage  # noqa: E402, F401
