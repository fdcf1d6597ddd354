"""The PDF of ``ville_numerique:report``: the print layout template filled, and exported.

Runs in the main thread (``postProcessAlgorithm``): print layouts are
``QGraphicsScene`` objects, and QGIS's own layout export algorithms
(``native:printlayouttopdf``…) run there too, in 3.22 as in 3.40.
Everything the layout shows was prepared before in the task's thread (texts,
tables, chart SVG, styled layer copies), so the main thread only lays out
and paints.

Items are found by their ids in ``resources/templates/report_a4.qpt`` (see
``resources/templates/README.md``); the Infrastructures page is added after
the template's pages, its fonts taken from the template's ``method_title``
and ``method`` labels so that a restyled template restyles it too.
"""

import math
import os
import shutil
import tempfile

from qgis.core import (
    Qgis,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtXml import QDomDocument

from ..core import about
from ..core.errors import InputError
from ..core.files import atomic_write
from ..core.i18n import tr

#: Print layout template of the PDF (ids of its items: see the module docstring).
TEMPLATE = about.resource_path("templates", "report_a4.qpt")
#: Custom property of a table frame of the template: the width (mm) its columns may take.
WIDTH_PROPERTY = "ville_numerique/width_mm"


def export_pdf(project, layers, crs, extent, texts, chart_svg, pdf_path, infrastructure=None):
    """Fill the template and write the PDF (atomically); returns the number of pages.

    ``layers``: the map's layers, top first; ``infrastructure``: ``None`` or
    ``{"layers", "extent", "texts"}`` for the Infrastructures page.
    """
    if not os.path.exists(TEMPLATE):
        raise InputError(tr("The print layout template is missing: {path}").format(path=TEMPLATE))
    metadata = project.metadata()
    metadata.setTitle(texts["title"])
    metadata.setAuthor(about.title())
    project.setMetadata(metadata)
    workdir = tempfile.mkdtemp(prefix="ville_numerique_report_")
    layout = None
    try:
        layout = QgsPrintLayout(project)
        document = QDomDocument()
        with open(TEMPLATE, encoding="utf-8") as stream:
            if not document.setContent(stream.read()):
                raise InputError(tr("The print layout template cannot be read: {path}").format(path=TEMPLATE))
        rw_context = QgsReadWriteContext()
        rw_context.setPathResolver(project.pathResolver())
        _, ok = layout.loadFromTemplate(document, rw_context)
        if not ok:
            raise InputError(tr("The print layout template cannot be read: {path}").format(path=TEMPLATE))
        layout.setName(texts["title"])
        chart_path = None
        if chart_svg:
            chart_path = os.path.join(workdir, "charts.svg")
            with open(chart_path, "w", encoding="utf-8") as stream:
                stream.write(chart_svg)
        fill_layout(layout, layers, crs, extent, texts, chart_path)
        if infrastructure:
            add_infrastructure_page(layout, crs, infrastructure)
        exporter = QgsLayoutExporter(layout)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 200
        settings.rasterizeWholeImage = False
        settings.exportMetadata = True
        settings.appendGeoreference = True
        # real text, not outlines: the reader can search and copy the figures (QGIS 3.40's labels
        # follow this setting, whose default is outlines; 3.22's labels were text already)
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText

        def write_pdf(tmp):
            result = exporter.exportToPdf(tmp, settings)
            if result != QgsLayoutExporter.ExportResult.Success:
                raise InputError(tr("The PDF could not be written ({path}): {error}").format(
                    path=pdf_path, error=exporter.errorMessage() or result))

        atomic_write(pdf_path, write_pdf, suffix=".pdf")
        return layout.pageCollection().pageCount()
    finally:
        if layout is not None:
            layout.deleteLater()
        shutil.rmtree(workdir, ignore_errors=True)

def fill_layout(layout, layers, crs, extent, texts, chart_path):
    def item(item_id, kind):
        found = layout.itemById(item_id)
        return found if isinstance(found, kind) else None

    for item_id, key in (("title", "title"), ("subtitle", "subtitle"), ("key_title", "key_title"),
                         ("key_figures", "key_figures"), ("indicators_title", "indicators_title"),
                         ("sources", "sources"), ("footer", "footer"), ("footer_2", "footer"),
                         ("charts_title", "charts_title"), ("charts_intro", "charts_intro"),
                         ("fragile_title", "fragile_title"), ("fragile_intro", "fragile_intro"),
                         ("method_title", "method_title"), ("method", "method"),
                         ("scenario_title", "scenario_title"), ("scenario_intro", "scenario_intro"),
                         ("footer_3", "footer")):
        label = item(item_id, QgsLayoutItemLabel)
        if label is not None:
            label.setText(texts[key])

    map_item = item("map", QgsLayoutItemMap)
    if map_item is not None:
        map_item.setCrs(crs)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
        current = map_item.extent()
        if not all(math.isfinite(v) for v in (current.xMinimum(), current.yMinimum(), current.xMaximum(),
                                               current.yMaximum())) or current.isEmpty():
            # an edited template may hold an empty extent: zoomToExtent keeps its (NaN) ratio
            size = map_item.sizeWithUnits()
            map_item.setExtent(extent)
            map_item.attemptResize(size)
        map_item.zoomToExtent(extent)
        map_item.refresh()
    legend = item("legend", QgsLayoutItemLegend)
    if legend is not None:
        legend.setTitle("")
        if map_item is not None:
            legend.setLinkedMap(map_item)
        legend.setAutoUpdateModel(True)
        legend.refresh()
    scalebar = item("scalebar", QgsLayoutItemScaleBar)
    if scalebar is not None and map_item is not None:
        scalebar.setLinkedMap(map_item)
        if crs.isGeographic():
            scalebar.setVisibility(False)
        else:
            scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
            width_m = extent.width() * QgsUnitTypes.fromUnitToUnitFactor(
                crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
            if width_m > 4000:
                scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
                scalebar.setUnitLabel("km")
            scalebar.update()
    north = item("north_arrow", QgsLayoutItemPicture)
    if north is not None and map_item is not None:
        north.setLinkedMap(map_item)
    chart = item("chart", QgsLayoutItemPicture)
    if chart is not None:
        if chart_path:
            chart.setPicturePath(chart_path, QgsLayoutItemPicture.Format.FormatSVG)
        else:
            chart.setVisibility(False)

    tables = {}
    for multiframe in layout.multiFrames():
        if isinstance(multiframe, QgsLayoutItemTextTable) and multiframe.frameCount():
            tables[multiframe.frame(0).id()] = multiframe
    if texts.get("scenario") is None:
        # no scenario: its page (the last one, holding the scenario table) goes
        for item_id in ("scenario_title", "scenario_intro", "footer_3"):
            found = layout.itemById(item_id)
            if found is not None:
                found.setVisibility(False)
        table = tables.pop("scenario", None)
        if table is not None:
            table.frame(0).setVisibility(False)
            collection = layout.pageCollection()
            page = collection.pageNumberForPoint(table.frame(0).pos())
            if collection.pageCount() > 2 and page == collection.pageCount() - 1:
                for found in collection.itemsOnPage(page):
                    found.setVisibility(False)
                collection.deletePage(page)
    for table_id in ("indicators", "fragile", "scenario"):
        table = tables.get(table_id)
        if table is not None:
            fill_table(table, texts.get(table_id))
    if legend is not None:
        legend.updateLegend()

def fill_table(table, content):
    """Headers, rows, alignment and widths (shares of the frame's width) from ``core.report``."""
    frame = table.frame(0)
    if not content or not content.get("rows"):
        frame.setVisibility(False)
        return
    headers = content["headers"]
    numeric = content.get("numeric") or [False] * len(headers)
    shares = content.get("widths") or []
    # a table fits its frame to its columns: the template tells the width it may take
    try:
        width = float(frame.customProperty(WIDTH_PROPERTY) or 0)
    except (TypeError, ValueError):
        width = 0.0
    width = width if width > 0 else max(frame.rect().width(), 100.0)
    usable = width - 2 * table.cellMargin() * len(headers) - 1.0
    total = float(sum(shares)) if len(shares) == len(headers) else 0.0
    columns = []
    for index, heading in enumerate(headers):
        column = QgsLayoutTableColumn(heading)
        if total > 0:
            column.setWidth(max(usable * shares[index] / total, 5.0))
        column.setHAlignment(Qt.AlignmentFlag.AlignRight if numeric[index] else Qt.AlignmentFlag.AlignLeft)
        columns.append(column)
    table.setColumns(columns)
    # rows that do not fit go on a page added at the end rather than being cut off
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.ExtendToNextPage)
    table.setContents([[str(value) for value in row] for row in content["rows"]])
    table.recalculateFrameSizes()


# -- the Infrastructures page ---------------------------------------------------
#: Boxes of the page's items (x, y, width, height in mm on an A4 landscape page).
INFRA_BOXES = {
    "title": (10, 7, 277, 8),
    "intro": (10, 15.5, 277, 9),
    "map": (10, 25, 150, 104),
    "scalebar": (12, 116, 50, 12),
    "figures": (166, 25, 121, 22),
    "legend": (166, 48, 121, 44),
    "operators": (166, 94, 121, 35),
    "communes_title": (10, 131, 277, 6),
    "communes": (10, 137.5, 277, 38),
    "sources": (10, 177, 277, 25),
    "footer": (10, 203.5, 277, 4),
}


def _like(layout, item_id):
    found = layout.itemById(item_id)
    return found if isinstance(found, QgsLayoutItemLabel) else None


def _place(layout, item, key, page):
    x, y, width, height = INFRA_BOXES[key]
    if not isinstance(item, (QgsLayoutItemMap, QgsLayoutFrame)):  # a frame is added by its table
        layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(width, height))  # millimetres, the default unit
    item.attemptMove(QgsLayoutPoint(x, y), True, False, page)
    return item


def _label(layout, text, key, page, like):
    """A label in the style of the template's label ``like`` (a restyled template restyles the page)."""
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    if like is not None:
        if hasattr(like, "textFormat"):  # QGIS >= 3.24
            label.setTextFormat(like.textFormat())
        else:
            label.setFont(like.font())
            label.setFontColor(like.fontColor())
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.setId("infra_" + key)
    return _place(layout, label, key, page)


def add_infrastructure_page(layout, crs, infrastructure):
    """A page for the Infrastructures section: ``share_no_thd`` map, figures, communes, operators, sources.

    ``infrastructure``: ``{"layers": [top first], "legend_layers": [...], "extent", "texts"}``
    (``texts`` from ``core.report.infrastructure.layout_texts``). Returns the page's index.
    """
    texts = infrastructure["texts"]
    collection = layout.pageCollection()
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    collection.addPage(page)
    index = collection.pageCount() - 1
    heading, body, footer = _like(layout, "method_title"), _like(layout, "method"), _like(layout, "footer")
    _label(layout, texts["title"], "title", index, heading)
    _label(layout, texts["intro"], "intro", index, body)
    _label(layout, texts["figures"], "figures", index, body)
    if texts.get("operators"):
        _label(layout, texts["operators"], "operators", index, body)
    _label(layout, texts["sources_title"] + "\n" + texts["sources"], "sources", index, body)
    if footer is not None:
        _label(layout, footer.text(), "footer", index, footer)

    layers = infrastructure.get("layers") or []
    if layers:
        map_item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(map_item)
        _place(layout, map_item, "map", index)
        map_item.setId("infra_map")
        map_item.setCrs(crs)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
        map_item.setFrameEnabled(True)
        map_item.zoomToExtent(infrastructure["extent"])
        template_scalebar = layout.itemById("scalebar")
        if not crs.isGeographic() and isinstance(template_scalebar, QgsLayoutItemScaleBar):
            scalebar = QgsLayoutItemScaleBar(layout)
            scalebar.setStyle("Single Box")
            scalebar.setLinkedMap(map_item)
            scalebar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceMeters)
            scalebar.setTextFormat(template_scalebar.textFormat())  # the template's font
            scalebar.setHeight(template_scalebar.height())
            scalebar.setNumberOfSegments(2)
            scalebar.setNumberOfSegmentsLeft(0)
            scalebar.setSegmentSizeMode(template_scalebar.segmentSizeMode())
            scalebar.setMinimumBarWidth(template_scalebar.minimumBarWidth())
            scalebar.setMaximumBarWidth(template_scalebar.maximumBarWidth())
            _place(layout, scalebar, "scalebar", index)
            scalebar.setBackgroundEnabled(True)
            scalebar.update()
        legend = QgsLayoutItemLegend(layout)
        template_legend = layout.itemById("legend")
        if isinstance(template_legend, QgsLayoutItemLegend):  # the template's fonts and sizes
            for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                          QgsLegendStyle.Style.Symbol, QgsLegendStyle.Style.SymbolLabel):
                legend.setStyle(style, template_legend.style(style))
            legend.setSymbolWidth(template_legend.symbolWidth())
            legend.setSymbolHeight(template_legend.symbolHeight())
        legend.setTitle(texts["legend_title"])
        legend.setAutoUpdateModel(False)
        root = QgsLayerTree()
        for layer in infrastructure.get("legend_layers") or layers:
            node = root.addLayer(layer)
            if layer.renderer().type() == "graduatedSymbol":  # the classes only: the title says what they are
                QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        legend.model().setRootGroup(root)
        legend.setLinkedMap(map_item)
        legend.setId("infra_legend")
        _place(layout, legend, "legend", index)
        legend.setResizeToContents(False)
        infrastructure["_root"] = root  # the legend's model does not own its root group
    communes = texts.get("communes")
    if communes and communes.get("rows"):
        _label(layout, texts["communes_title"], "communes_title", index, heading)
        table = QgsLayoutItemTextTable(layout)
        template_table = next((m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemTextTable)), None)
        if template_table is not None:
            table.setHeaderTextFormat(template_table.headerTextFormat())
            table.setContentTextFormat(template_table.contentTextFormat())
            table.setCellMargin(template_table.cellMargin())
            table.setGridStrokeWidth(template_table.gridStrokeWidth())
            table.setGridColor(template_table.gridColor())
        layout.addMultiFrame(table)
        frame = QgsLayoutFrame(layout, table)
        frame.setId("infra_communes")
        _place(layout, frame, "communes", index)
        frame.setCustomProperty(WIDTH_PROPERTY, INFRA_BOXES["communes"][2])
        table.addFrame(frame)
        fill_table(table, communes)
        infrastructure["_table"] = table  # kept alive until the export, as the legend's root
    return index
