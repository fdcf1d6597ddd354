"""Reading QGIS feature sources into the arrays that ``core`` works on."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
)

from ..core.crs import metric_crs_for_extent
from ..core.errors import CanceledError, InputError
from ..core.i18n import tr

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


def metric_crs(sources, context):
    """The metric CRS for the union of the sources' extents (see ``core.crs``)."""
    lon_min = lat_min = float("inf")
    lon_max = lat_max = float("-inf")
    for source in sources:
        transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
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


def read_points(source, crs, context, feedback=None, attributes=(), start=0.0, span=100.0):
    """Centroids of the features of ``source`` in ``crs``.

    Returns ``(xy, values, feature_ids, skipped)``: an (n, 2) array, a list of
    n tuples of the requested attribute values, the n feature ids, and the
    ids of the features skipped because their geometry is null or empty or
    cannot be transformed (counted, never silently dropped).
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
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
        point = geometry.centroid()  # a point's centroid is itself
        if point.isNull() or point.isEmpty():
            skipped.append(feature.id())
            continue
        try:
            p = transform.transform(point.asPoint())
        except QgsCsException:
            skipped.append(feature.id())
            continue
        xy.append((p.x(), p.y()))
        values.append(tuple(feature.attributes()[i] for i in attributes))
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
