"""Reading QGIS feature sources into the arrays that ``core`` works on."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsWkbTypes,
)

from ..core.crs import metric_crs_for_extent
from ..core.errors import CanceledError, InputError
from ..core.i18n import tr
from . import fast_io

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def check_not_empty(source, label):
    if source is None:
        raise InputError(tr("The layer '{label}' could not be opened.").format(label=label))
    if source.featureCount() == 0:
        raise InputError(tr("The layer '{label}' has no feature.").format(label=label))
    if not source.sourceCrs().isValid():
        raise InputError(
            tr("The layer '{label}' has no coordinate reference system: set one in its properties.").format(
                label=label
            )
        )


def field_index(source, name, label, numeric=False):
    """Index of field ``name`` in ``source``; clear errors when missing or not numeric."""
    fields = source.fields()
    index = fields.lookupField(name) if name else -1
    if index < 0:
        raise InputError(
            tr("The layer '{label}' has no field '{name}'. Available fields: {fields}.").format(
                label=label, name=name, fields=", ".join(fields.names())
            )
        )
    if numeric and not fields.at(index).isNumeric():
        raise InputError(
            tr("The field '{name}' of layer '{label}' is not numeric (type {type}): "
               "choose a numeric field or convert it with the field calculator.").format(
                name=name, label=label, type=fields.at(index).typeName()
            )
        )
    return index


POINTS = QgsWkbTypes.GeometryType.PointGeometry
LINES = QgsWkbTypes.GeometryType.LineGeometry
POLYGONS = QgsWkbTypes.GeometryType.PolygonGeometry


def _type_words(kinds):
    """``(POINTS, POLYGONS)`` → "points or polygons" (translated as whole phrases)."""
    kinds = tuple(sorted(kinds, key=int))
    if kinds == tuple(sorted((POINTS, POLYGONS), key=int)):
        return tr("points or polygons")
    words = {POINTS: tr("points"), LINES: tr("lines"), POLYGONS: tr("polygons")}
    return ", ".join(words[k] for k in kinds)


def check_geometry_type(source, kinds, label):
    """Refuse a layer whose geometry type is not one of ``kinds`` (point, line, polygon).

    The parameters already filter the layers offered in the dialog; this
    check also covers qgis_process and scripts, which pass any layer. A
    layer of unknown or mixed type is checked feature by feature when read
    (:func:`read_points`, :func:`feature_geometry_ok`).
    """
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind in (QgsWkbTypes.GeometryType.UnknownGeometry,) or kind in kinds:
        return
    if kind == QgsWkbTypes.GeometryType.NullGeometry:
        found = tr("no geometry")
    else:
        found = _type_words([kind])
    raise InputError(
        tr("The layer '{label}' holds {found}; it must hold {expected}. Choose another layer.").format(
            label=label, found=found, expected=_type_words(kinds)
        )
    )


def kind_codes(kinds):
    """Geometry kinds as the codes of ``fast_io`` (0 point, 1 line, 2 polygon)."""
    codes = {POINTS: 0, LINES: 1, POLYGONS: 2}
    return [codes[k] for k in kinds]


def raise_mixed_types(kinds, label):
    """The error for a feature whose geometry is not of ``kinds``."""
    raise InputError(
            tr("The layer '{label}' mixes geometry types: one of its features is not made of {expected}. "
               "Keep only {expected} in it.").format(label=label, expected=_type_words(kinds))
        )


def feature_geometry_ok(geometry, kinds, label):
    """Refuse one feature of a layer of unknown type whose geometry is of another kind."""
    if geometry.type() not in kinds:
        raise_mixed_types(kinds, label)


def make_transform(source_crs, crs, context, label):
    """The transform from ``source_crs`` to ``crs``; :class:`InputError` when none exists.

    QGIS returns an unusable transform as one that leaves coordinates
    unchanged (e.g. a Moon or Mars CRS, or an engineering CRS without
    datum): the points would land in the wrong place without any error.
    """
    transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
    if not transform.isValid():
        raise InputError(
            tr("The layer '{label}' is in {source}, which cannot be converted to {target}: no coordinate "
               "transformation exists between them. Reproject the layer to a CRS of the Earth "
               "(e.g. EPSG:2154 or EPSG:4326).").format(
                label=label,
                source=source_crs.authid() or source_crs.description() or source_crs.toProj(),
                target=crs.authid(),
            )
        )
    return transform


def metric_crs(sources, context, labels=None):
    """The metric CRS for the union of the sources' extents (see ``core.crs``).

    Raises :class:`InputError` when a source's CRS cannot be converted to
    WGS 84 (``labels`` names the sources in the message).
    """
    lon_min = lat_min = float("inf")
    lon_max = lat_max = float("-inf")
    labels = list(labels or [])
    for number, source in enumerate(sources):
        label = labels[number] if number < len(labels) else source.sourceName()
        transform = make_transform(source.sourceCrs(), WGS84, context, label)
        try:
            extent = transform.transformBoundingBox(source.sourceExtent())
        except QgsCsException:
            continue
        if extent.isEmpty() and extent.width() < 0:
            continue
        lon_min, lat_min = min(lon_min, extent.xMinimum()), min(lat_min, extent.yMinimum())
        lon_max, lat_max = max(lon_max, extent.xMaximum()), max(lat_max, extent.yMaximum())
    if lon_min == float("inf"):
        epsg, name = 2154, "France métropolitaine"
    else:
        epsg, name = metric_crs_for_extent(lon_min, lat_min, lon_max, lat_max)
    return QgsCoordinateReferenceSystem("EPSG:{}".format(epsg)), name


def read_points(source, crs, context, feedback=None, attributes=(), start=0.0, span=100.0,
                explode=False, kinds=None, label=None, bulk=None):
    """Centroids of the features of ``source`` in ``crs``.

    Returns ``(xy, values, feature_ids, skipped)``: an (n, 2) array, a list of
    n tuples of the requested attribute values, the n feature ids, and the
    ids of the features skipped because their geometry is null or empty or
    cannot be transformed (counted, never silently dropped).

    With ``explode`` every part of a multi-part geometry is a point of its
    own (same values, same feature id repeated): a MultiPoint of services is
    several places, not their centroid. ``kinds`` (geometry types) and
    ``label`` check the layer and, for a layer of unknown type, each feature
    (:func:`check_geometry_type`).

    ``bulk`` (a :class:`fast_io.LayerSpec`, from :func:`fast_io.layer_spec`)
    reads the same file with GDAL in bulk, with the same result; without it,
    or when the layer holds what only this path reads the same way, the
    features are read one by one (the reference path).
    """
    label = label or source.sourceName()
    if kinds:
        check_geometry_type(source, kinds, label)
    check_features = bool(kinds) and QgsWkbTypes.geometryType(source.wkbType()) not in kinds
    transform = make_transform(source.sourceCrs(), crs, context, label)
    if bulk is not None:
        try:
            return fast_io.read_points_bulk(bulk, source, crs, context, feedback, list(attributes), start, span,
                                            explode, kinds, label, check_features)
        except fast_io.FallbackError as why:
            fast_io.log("per-feature read of {}: {!r}".format(label, why))
    request = QgsFeatureRequest()
    if attributes:
        request.setSubsetOfAttributes(list(attributes))
    total = max(source.featureCount(), 1)
    xy, values, ids, skipped = [], [], [], []
    for count, feature in enumerate(source.getFeatures(request)):
        if feedback is not None:
            if feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
            if count % 1000 == 0:
                feedback.setProgress(start + span * count / total)
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            skipped.append(feature.id())
            continue
        if check_features:
            feature_geometry_ok(geometry, kinds, label)
        if explode and geometry.isMultipart():
            points = [part.centroid() for part in geometry.asGeometryCollection()]
        else:
            points = [geometry.centroid()]  # a point's centroid is itself
        placed = []
        for point in points:
            if point.isNull() or point.isEmpty():
                continue
            try:
                placed.append(transform.transform(point.asPoint()))
            except QgsCsException:
                continue
        if not placed:
            skipped.append(feature.id())
            continue
        feature_attributes = feature.attributes()
        row = tuple(feature_attributes[i] for i in attributes)
        for p in placed:
            xy.append((p.x(), p.y()))
            values.append(row)
            ids.append(feature.id())
    return np.array(xy, dtype=float).reshape(-1, 2), values, ids, skipped


def to_float(value):
    """A QGIS attribute as float; NULL and non-numbers give NaN."""
    if value is None:
        return float("nan")
    try:
        if hasattr(value, "isNull") and value.isNull():
            return float("nan")
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def plain(value):
    """A QGIS attribute as a plain Python value (NULL becomes None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value
