"""The area of the open-data algorithms: INSEE commune codes, an extent or a
polygon layer, plus a buffer (parameters ``COMMUNES``, ``EXTENT``, ``AREA``,
``BUFFER``), as one geometry in WGS 84."""

import re
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.crs import metric_crs_for_extent
from ..core.errors import InputError
from ..core.i18n import tr
from .geojson_records import WGS84, geometry_from_geojson
from .utils import check_canceled

COMMUNE_CODE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
MAX_BUFFER_M = 50_000.0


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


class AreaParameters:
    """The area's parameter names, as constants of the algorithms that take an area."""

    COMMUNES = COMMUNES
    EXTENT = EXTENT
    AREA = AREA
    BUFFER = BUFFER
