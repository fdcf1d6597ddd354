"""The maps of ``ville_numerique:report``: styled copies of the layers and their rendering to PNG.

The copies are memory layers built from the algorithm's feature sources (the
user's layers are never touched, nor read outside their thread-safe sources).
They are built and rendered in the Processing task's thread: a map rendered
to a ``QImage`` with :class:`QgsMapRendererCustomPainterJob` needs no GUI
thread (it is what QGIS's own map renderer jobs do in their worker threads).
:func:`hand_over` then gives them to the main thread, where the PDF layout is
exported.
"""

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLabelingEngineSettings,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRectangle,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from ..core import report as core_report
from ..core.errors import InputError
from ..core.i18n import tr
from ..core.report import infrastructure as infra
from .compat import make_field
from .report_read import PERIMETER_NAME_FIELDS, is_polygon, lookup

#: Map image of the HTML report: its longer side in pixels, and its resolution.
MAP_PIXELS = 1600
MAP_DPI = 192
#: Height / width of the HTML map at most (a taller area gets white margins left and right).
MAP_MAX_RATIO = 0.75
#: Fill of the units without premises on the infrastructure map.
NO_PREMISES_COLOUR = "#dddddd"
#: Draw order, top first.
ORDER = ("fragile", "services", "perimeter", "coverage")
INFRA_ORDER = ("perimeter", "infra", "infra_base")


def ordered(layers, order=ORDER):
    """The layers of ``layers`` in drawing order (top first)."""
    return [layers[k] for k in order if layers.get(k) is not None]


def _copy(source, name):
    copy = source.materialize(QgsFeatureRequest())
    copy.setName(name)
    return copy


def styled_layers(coverage, services, perimeter, centroids, ranks, language):
    """Copies of the sources, styled for the report: ``{"coverage", "services", "perimeter", "fragile"}``."""
    copy = _copy(coverage, core_report.plain(core_report.text("legend_score", language)))
    style_score(copy, language)
    result = {"coverage": copy, "services": None, "perimeter": None, "fragile": None}
    if services is not None:
        copy = _copy(services, core_report.plain(core_report.text("legend_services", language)))
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": core_report.SERVICE_COLOUR, "size": "2.6",
            "outline_color": "#ffffff", "outline_width": "0.45"})
        copy.setRenderer(QgsSingleSymbolRenderer(symbol))
        result["services"] = copy
    if perimeter is not None:
        result["perimeter"] = perimeter_copy(perimeter, language)
    if ranks:
        result["fragile"] = fragile_layer(coverage, centroids, ranks, language)
    return result


def perimeter_copy(perimeter, language):
    copy = _copy(perimeter, core_report.plain(core_report.text("legend_perimeter", language)))
    symbol = QgsFillSymbol.createSimple({
        "style": "no", "outline_color": core_report.PERIMETER_COLOUR, "outline_width": "0.5"})
    copy.setRenderer(QgsSingleSymbolRenderer(symbol))
    label_perimeter(copy)
    return copy


def infrastructure_layers(source, perimeter, language):
    """The ``share_no_thd`` map's layers: units without premises in grey under the classes of the
    connectivity style (``resources/styles/connectivity.qml``, loaded as QGIS loads it)."""
    if not is_polygon(source) and QgsWkbTypes.geometryType(source.wkbType()) != \
            QgsWkbTypes.GeometryType.PointGeometry:
        return {}
    title = core_report.plain(infra.itext("infra_legend", language))
    graduated = _copy(source, title)
    message, ok = graduated.loadNamedStyle(infra.STYLE)
    if not ok:
        raise InputError(tr("The connectivity style cannot be read ({path}): {error}").format(
            path=infra.STYLE, error=message))
    renderer = graduated.renderer()
    if isinstance(renderer, QgsGraduatedSymbolRenderer):  # the report's own class labels
        for index, klass in enumerate(infra.share_classes()):
            if index < len(renderer.ranges()):
                renderer.updateRangeLabel(index, infra.class_label(klass, language))
    base = _copy(source, core_report.plain(infra.itext("infra_no_premises", language)))
    if is_polygon(source):
        symbol = QgsFillSymbol.createSimple({"color": NO_PREMISES_COLOUR, "outline_color": "#ffffff",
                                             "outline_width": "0.1"})
    else:
        symbol = QgsMarkerSymbol.createSimple({"color": NO_PREMISES_COLOUR, "size": "2.4"})
    base.setRenderer(QgsSingleSymbolRenderer(symbol))
    layers = {"infra": graduated, "infra_base": base}
    if perimeter is not None:
        layers["perimeter"] = perimeter_copy(perimeter, language)
    return layers


def hand_over(layers):
    """Give the copies (built in the task's thread) to the main thread, where the PDF is made."""
    main = QgsApplication.instance().thread()
    for layer in layers:
        if layer is not None and layer.thread() is not main:
            layer.moveToThread(main)


def text_format(size_pt, colour, bold=False, italic=False, halo=0.0):
    """The labels' text format of the report's maps: DejaVu Sans, ``halo`` mm of white around."""
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    font.setItalic(italic)
    fmt.setFont(font)
    fmt.setSize(size_pt)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(halo > 0)
    if halo > 0:
        buffer.setSize(halo)
        buffer.setColor(QColor(255, 255, 255))
    fmt.setBuffer(buffer)
    return fmt


def label_perimeter(layer):
    """Names of the perimeter's areas (communes…) in grey: they tell the reader where the map is."""
    index = lookup(layer.fields(), *PERIMETER_NAME_FIELDS)
    if index < 0:
        return
    settings = QgsPalLayerSettings()
    settings.fieldName = layer.fields().at(index).name()
    settings.placement = QgsPalLayerSettings.Placement.Horizontal
    settings.setFormat(text_format(8, "#444444", italic=True, halo=0.8))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_score(layer, language):
    polygons = layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    if layer.fields().lookupField("score") < 0:
        symbol = QgsFillSymbol.createSimple({"color": "#dddddd", "outline_color": "#999999", "outline_width": "0.1"}) \
            if polygons else QgsMarkerSymbol.createSimple({"color": "#999999", "size": "2"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        return
    ranges = []
    for klass in core_report.SCORE_CLASSES:
        if polygons:
            symbol = QgsFillSymbol.createSimple({"color": klass.colour, "outline_color": "#ffffff",
                                                 "outline_width": "0.15"})
        else:
            symbol = QgsMarkerSymbol.createSimple({"color": klass.colour, "size": "2.4", "outline_color": "#555555",
                                                   "outline_width": "0.2"})
        label = core_report.score_class_label(klass, language)
        ranges.append(QgsRendererRange(klass.lower, klass.upper, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("score", ranges))


def fragile_layer(source, centroids, ranks, language):
    """Points numbered like the rows of the fragile areas table."""
    crs = source.sourceCrs()
    copy = QgsVectorLayer("Point?crs={}".format(crs.authid() or crs.toWkt()), core_report.plain(
        core_report.text("legend_fragile", language)), "memory")
    copy.dataProvider().addAttributes([make_field("rank", "int")])
    copy.updateFields()
    features = []
    for fid, rank in ranks.items():
        point = centroids.get(fid)
        if point is None:
            continue
        feature = QgsFeature(copy.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        feature.setAttributes([rank])
        features.append(feature)
    copy.dataProvider().addFeatures(features)
    copy.updateExtents()
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#ffffff", "size": "4.2",
                                           "outline_color": "#111111", "outline_width": "0.35"})
    copy.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.quadOffset = QgsPalLayerSettings.QuadrantPosition.QuadrantOver
    settings.displayAll = True
    settings.setFormat(text_format(6.5, "#111111", bold=True))
    copy.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    copy.setLabelsEnabled(True)
    return copy


def map_extent(source, crs, transform_context):
    """The source's extent in ``crs``, with a margin (points and numbered markers need room)."""
    extent = source.sourceExtent()
    if source.sourceCrs() != crs:
        try:
            extent = QgsCoordinateTransform(source.sourceCrs(), crs, transform_context).transformBoundingBox(extent)
        except QgsCsException:
            pass
    extent = QgsRectangle(extent)
    size = max(extent.width(), extent.height())
    share = 0.04 if is_polygon(source) else 0.1
    margin = share * size
    if not crs.isGeographic():
        margin = max(margin, 50.0 / QgsUnitTypes.fromUnitToUnitFactor(
            crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters))
    extent.grow(margin if margin > 0 else 1.0)
    return extent


def render_map(layers, crs, extent, transform_context, pixels=MAP_PIXELS):
    """PNG bytes of ``layers`` (top first) over ``extent``, and ``map_info`` for the HTML overlay."""
    extent = QgsRectangle(extent)
    if extent.width() > 0 and extent.height() / extent.width() > MAP_MAX_RATIO:
        # a tall area: widen the view so that the map fits a screen (white margins)
        grow = (extent.height() / MAP_MAX_RATIO - extent.width()) / 2.0
        extent.setXMinimum(extent.xMinimum() - grow)
        extent.setXMaximum(extent.xMaximum() + grow)
    ratio = extent.height() / extent.width() if extent.width() > 0 else 1.0
    if ratio <= 1.0:
        width, height = pixels, max(int(round(pixels * ratio)), pixels // 2)
    else:
        width, height = max(int(round(pixels / ratio)), pixels // 2), pixels
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setTransformContext(transform_context)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputSize(QSize(width, height))
    settings.setOutputDpi(MAP_DPI)
    settings.setExtent(extent)
    settings.setFlag(Qgis.MapSettingsFlag.Antialiasing, True)
    settings.setFlag(Qgis.MapSettingsFlag.DrawLabeling, True)
    labeling = settings.labelingEngineSettings()
    labeling.setFlag(QgsLabelingEngineSettings.Flag.UsePartialCandidates, False)  # no label cut at the edge
    settings.setLabelingEngineSettings(labeling)
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    metres = None
    if not crs.isGeographic():
        factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
        metres = settings.mapUnitsPerPixel() * factor
    return bytes(data), {"width_px": width, "height_px": height, "metres_per_pixel": metres}
