"""``ville_numerique:report`` — the coverage report for elected officials (HTML and PDF).

Reads the coverage layer and its summary, renders a map (score by unit,
services, perimeter, the fragile units numbered), and writes:

* a self-contained HTML report built by ``core.report.build_html``;
* optionally a PDF from the print layout template
  ``resources/templates/report_a4.qpt`` (two A4 landscape pages), whose items
  are found by their ids (``title``, ``map``, ``legend``, ``scalebar``,
  ``north_arrow``, ``key_figures``, the text tables ``indicators``,
  ``fragile``, ``scenario``, the picture ``chart``, ``method``, ``sources``,
  ``footer``…). The template can be restyled in QGIS's layout designer as
  long as these ids stay.

The layers drawn are copies held by a private ``QgsProject``: the user's
project and layers are never touched. Outputs are written to a temporary
file first, then renamed: never a half-written report.
"""

import json
import math
import os
import shutil
import tempfile

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLabelingEngineSettings,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutTableColumn,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsReadWriteContext,
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
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter
from qgis.PyQt.QtXml import QDomDocument

from ..core import about
from ..core import report as core_report
from ..core.errors import CanceledError, InputError
from ..core.files import atomic_write
from ..core.i18n import tr
from ..core.inputs import check_coverage_summary
from .base import BaseAlgorithm
from .compat import make_field
from .coverage import field_suffix
from .layers import WGS84, to_float
from .parameters import COVERAGE_HINT, SERVICES_HINT, SiblingFileHint

#: Print layout template of the PDF (ids of its items: see the module docstring).
TEMPLATE = about.resource_path("templates", "report_a4.qpt")

#: Custom property of a table frame of the template: the width (mm) its columns may take.
WIDTH_PROPERTY = "ville_numerique/width_mm"

#: Fields tried, in order, to name a unit in the fragile areas table.
LABEL_FIELDS = ("nom", "name", "libelle", "lib_iris", "nom_iris", "libiris", "idcar_200m", "idcar",
                "code_iris", "iris", "code")
#: Fields naming the place: in the perimeter layer (its own name), in the services layer (their commune).
PERIMETER_NAME_FIELDS = ("nom", "name", "libelle", "nom_com", "nom_commune", "commune", "lib_com", "libcom")
SERVICES_PLACE_FIELDS = ("commune", "nom_com", "nom_commune", "lib_com", "libcom")

#: Map image of the HTML report: its longer side in pixels, and its resolution.
MAP_PIXELS = 1600
MAP_DPI = 192
#: Height / width of the HTML map at most (a taller area gets white margins left and right).
MAP_MAX_RATIO = 0.75


def read_json(path, label):
    """A JSON object from ``path``; clear :class:`InputError` otherwise."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except OSError as error:
        raise InputError(tr("The file '{label}' cannot be read ({path}): {error}").format(
            label=label, path=path, error=error.strerror or error)) from None
    except ValueError as error:
        raise InputError(tr("The file '{label}' is not valid JSON ({path}): {error}").format(
            label=label, path=path, error=error)) from None
    if not isinstance(data, dict):
        raise InputError(tr("The file '{label}' does not hold a JSON object ({path}).").format(
            label=label, path=path))
    return data


def lookup(fields, *names):
    """Index of the first of ``names`` present in ``fields`` (case-insensitive), else -1."""
    for name in names:
        index = fields.lookupField(name)
        if index >= 0:
            return index
    return -1


class ReportAlgorithm(BaseAlgorithm):
    NAME = "report"
    GROUP_ID = "report"

    COVERAGE = "COVERAGE"
    SUMMARY = "SUMMARY"
    SCENARIO_SUMMARY = "SCENARIO_SUMMARY"
    SERVICES = "SERVICES"
    PERIMETER = "PERIMETER"
    TITLE = "TITLE"
    LANGUAGE = "LANGUAGE"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"
    #: LANGUAGE option codes; the layer and summary the dialog proposes (processing/parameters.py)
    LANGUAGES = tuple(core_report.LANGUAGES)
    GUI_DEFAULTS = {COVERAGE: COVERAGE_HINT, SUMMARY: SiblingFileHint(COVERAGE, ".json"), SERVICES: SERVICES_HINT}

    def displayName(self):  # noqa: N802
        return tr("Coverage report (HTML and PDF)")

    def flags(self):
        # Print layouts, fonts and map rendering are safest in the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterVectorLayer(
            self.COVERAGE,
            tr("Coverage layer"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
        )
        param.setHelp(tr("The Coverage output of ville_numerique:coverage (dist_<category>, cov_<category>, "
                         "score fields)."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.SUMMARY, tr("Coverage summary (JSON)"), extension="json")
        param.setHelp(tr("The Summary (JSON) written with this coverage layer."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(
            self.SCENARIO_SUMMARY, tr("Scenario summary (JSON)"), extension="json", optional=True
        )
        param.setHelp(tr("Optional: a scenario summary with before/after figures, shown as a comparison table."))
        self.addParameter(param)
        param = QgsProcessingParameterVectorLayer(
            self.SERVICES, tr("Digital services (drawn on the map)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True,
        )
        self.addParameter(param)
        param = QgsProcessingParameterVectorLayer(
            self.PERIMETER, tr("Perimeter (drawn on the map)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True,
        )
        param.setHelp(tr("Optional: the study area outline; its name field gives the default title."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TITLE, tr("Title"), defaultValue="", optional=True)
        param.setHelp(tr("Empty: \"Couverture numérique — <place>\" (or its English version), the place "
                         "being named by the perimeter or the services layer."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Report language"), options=list(core_report.LANGUAGES),
            defaultValue=core_report.DEFAULT_LANGUAGE, usesStaticStrings=True,
        )
        param.setHelp(tr("fr (French, default) or en (English)."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("Report (HTML)"), fileFilter=tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, tr("Report (PDF)"), fileFilter=tr("PDF files (*.pdf)"), optional=True,
            createByDefault=True))

    # ------------------------------------------------------------------
    def run_algorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.COVERAGE, context)
        if layer is None or not layer.isValid():
            raise InputError(tr("The coverage layer could not be opened."))
        if layer.featureCount() == 0:
            raise InputError(tr("The layer '{label}' has no feature.").format(label=layer.name()))
        summary = read_json(self.parameterAsFile(parameters, self.SUMMARY, context), tr("Coverage summary"))
        check_coverage_summary(summary, tr("Coverage summary"))
        scenario_path = self.parameterAsFile(parameters, self.SCENARIO_SUMMARY, context)
        scenario = read_json(scenario_path, tr("Scenario summary")) if scenario_path else None
        services = self.parameterAsVectorLayer(parameters, self.SERVICES, context)
        perimeter = self.parameterAsVectorLayer(parameters, self.PERIMETER, context)
        language = core_report.check_language(
            self.parameterAsEnumString(parameters, self.LANGUAGE, context) or core_report.DEFAULT_LANGUAGE)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if not html_path:
            raise InputError(tr("Choose a file for the HTML report."))

        crs = self._map_crs(summary, layer)
        feedback.pushInfo(tr("Reading the coverage layer…"))
        units, centroids = self._read_units(layer, summary, context, feedback)
        feedback.setProgress(25)
        place = self._place_name(perimeter, services)
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        title = title or core_report.default_title(place, language)
        fragile, _ = core_report.fragile_units(units)
        ranks = {unit.fid: rank for rank, unit in enumerate(fragile, 1)}

        # A private project holds the styled copies: the user's project is never touched.
        project = QgsProject()
        project.setCrs(crs)
        project.setTransformContext(context.transformContext())
        try:
            layers = self._styled_layers(layer, services, perimeter, centroids, ranks, language)
            for copy in self._ordered(layers):
                project.addMapLayer(copy, False)
                project.layerTreeRoot().addLayer(copy)
            extent = self._extent(layer, crs, context)
            feedback.pushInfo(tr("Drawing the map…"))
            png, map_info = self._render_map(layers, crs, extent, context)
            map_info.update(has_services=services is not None, has_perimeter=perimeter is not None,
                            has_fragile=bool(ranks), crs="{} ({})".format(crs.authid(), crs.description()))
            self._check_canceled(feedback)
            feedback.setProgress(50)

            document = core_report.build_html(
                summary, units, language=language, title=title, place=place, map_image=png,
                map_info=map_info, scenario=scenario, qgis_version=Qgis.QGIS_VERSION,
                coverage_source=layer.source(), scenario_source=scenario_path or None)

            def write_html(tmp):
                with open(tmp, "w", encoding="utf-8") as stream:
                    stream.write(document)

            atomic_write(html_path, write_html, suffix=".html")
            outputs = {self.OUTPUT_HTML: html_path}
            feedback.pushInfo(tr("HTML report written: {path}").format(path=self.final_path(html_path)))
            feedback.setProgress(60)

            if pdf_path:
                self._check_canceled(feedback)
                feedback.pushInfo(tr("Exporting the PDF from the print layout…"))
                texts = core_report.layout_texts(summary, units, language=language, title=title, place=place,
                                                 scenario=scenario, qgis_version=Qgis.QGIS_VERSION)
                chart = core_report.coverage_chart_svg(summary, units, language, columns=3, for_layout=True)
                pages = self._export_pdf(project, layers, crs, extent, texts, chart, pdf_path)
                outputs[self.OUTPUT_PDF] = pdf_path
                outputs["PDF_PAGES"] = pages
                feedback.pushInfo(tr("PDF report written: {path}").format(path=self.final_path(pdf_path)))
        finally:
            project.removeAllMapLayers()  # deletes the copies
            project.clear()
        feedback.setProgress(100)
        return outputs

    @staticmethod
    def _check_canceled(feedback):
        if feedback.isCanceled():
            raise CanceledError(tr("Canceled."))

    # ------------------------------------------------------------------ reading
    @staticmethod
    def _map_crs(summary, layer):
        """The metric CRS of the distances (from the summary), else the layer's."""
        authid = (summary.get("distance_crs") or {}).get("authid")
        crs = QgsCoordinateReferenceSystem(authid) if authid else QgsCoordinateReferenceSystem()
        if not crs.isValid() or crs.isGeographic():
            crs = layer.crs()
        return crs

    def _read_units(self, layer, summary, context, feedback):
        fields = layer.fields()
        inputs = summary.get("inputs") or {}
        pop_name = inputs.get("population_field") or "ind"
        pop_index = lookup(fields, pop_name, "ind")
        if pop_index < 0:
            raise InputError(tr("The coverage layer has no population field '{name}' (named in the summary): "
                                "choose the layer written with this summary.").format(name=pop_name))
        codes = list(summary["categories"])
        dist_index = {c: fields.lookupField("dist_{}".format(field_suffix(c))) for c in codes}
        cov_index = {c: fields.lookupField("cov_{}".format(field_suffix(c))) for c in codes}
        score_index = fields.lookupField("score")
        if score_index < 0 and all(i < 0 for i in dist_index.values()):
            raise InputError(tr("The coverage layer has neither a score field nor dist_<category> fields: "
                                "choose the Coverage output of ville_numerique:coverage that goes with "
                                "this summary."))
        missing = [c for c, i in dist_index.items() if i < 0]
        if missing:
            feedback.pushWarning(tr("Fields missing from the coverage layer, left out of the report: {names}.").format(
                names=", ".join("dist_{}".format(field_suffix(c)) for c in missing)))
        fragility_index = fields.lookupField("fragility")
        priority_index = fields.lookupField("priority")
        label_index = lookup(fields, *LABEL_FIELDS)
        to_wgs84 = QgsCoordinateTransform(layer.crs(), WGS84, context.transformContext())
        units, centroids = [], {}
        total = max(layer.featureCount(), 1)
        for count, feature in enumerate(layer.getFeatures()):
            if count % 500 == 0:
                self._check_canceled(feedback)
                feedback.setProgress(25 * count / total)
            attrs = feature.attributes()
            population = to_float(attrs[pop_index])
            unit = core_report.Unit(
                fid=feature.id(),
                population=0.0 if math.isnan(population) else population,
                score=self._number(attrs, score_index),
                distances={c: self._distance(attrs, i) for c, i in dist_index.items() if i >= 0},
                covered={c: self._flag(attrs, cov_index[c]) for c in codes if cov_index[c] >= 0},
                label=self._label(attrs, label_index),
                fragility=self._number(attrs, fragility_index),
                priority=self._number(attrs, priority_index),
            )
            geometry = feature.geometry()
            if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
                point = geometry.pointOnSurface() if geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry \
                    else geometry.centroid()
                if not point.isNull():
                    centroids[feature.id()] = point.asPoint()
                    try:
                        p = to_wgs84.transform(point.asPoint())
                        unit.lon, unit.lat = p.x(), p.y()
                    except QgsCsException:
                        pass
            units.append(unit)
        return units, centroids

    @staticmethod
    def _number(attrs, index):
        if index < 0:
            return None
        value = to_float(attrs[index])
        return None if math.isnan(value) else value

    @staticmethod
    def _distance(attrs, index):
        value = to_float(attrs[index])
        return None if math.isnan(value) else value

    @staticmethod
    def _flag(attrs, index):
        value = to_float(attrs[index])
        return None if math.isnan(value) else int(value)

    @staticmethod
    def _label(attrs, index):
        if index < 0:
            return ""
        value = attrs[index]
        if value is None or (hasattr(value, "isNull") and value.isNull()):
            return ""
        return str(value)

    @staticmethod
    def _place_name(perimeter, services):
        """Names of the perimeter (up to three), else the commune most services are in."""
        for source, join, names in ((perimeter, True, PERIMETER_NAME_FIELDS),
                                    (services, False, SERVICES_PLACE_FIELDS)):
            if source is None:
                continue
            index = lookup(source.fields(), *names)
            if index < 0:
                continue
            request = QgsFeatureRequest().setSubsetOfAttributes([index]).setFlags(
                QgsFeatureRequest.Flag.NoGeometry)
            names = [f.attributes()[index] for f in source.getFeatures(request)]
            names = [str(n).strip() for n in names if n is not None and not (hasattr(n, "isNull") and n.isNull())]
            names = [n for n in names if n]
            if not names:
                continue
            distinct = list(dict.fromkeys(names))
            if join:
                if len(distinct) <= 3:
                    return ", ".join(distinct)
                continue  # a perimeter of many areas: name the place from the services
            return core_report.guess_place_name(names)
        return ""

    # ------------------------------------------------------------------ styling
    def _styled_layers(self, layer, services, perimeter, centroids, ranks, language):
        """Copies of the layers (never the user's), styled for the report."""
        coverage = layer.materialize(QgsFeatureRequest())
        coverage.setName(core_report.plain(core_report.text("legend_score", language)))
        self._style_score(coverage, language)
        result = {"coverage": coverage, "services": None, "perimeter": None, "fragile": None}
        if services is not None:
            copy = services.materialize(QgsFeatureRequest())
            copy.setName(core_report.plain(core_report.text("legend_services", language)))
            symbol = QgsMarkerSymbol.createSimple({
                "name": "circle", "color": core_report.SERVICE_COLOUR, "size": "2.6",
                "outline_color": "#ffffff", "outline_width": "0.45"})
            copy.setRenderer(QgsSingleSymbolRenderer(symbol))
            result["services"] = copy
        if perimeter is not None:
            copy = perimeter.materialize(QgsFeatureRequest())
            copy.setName(core_report.plain(core_report.text("legend_perimeter", language)))
            symbol = QgsFillSymbol.createSimple({
                "style": "no", "outline_color": core_report.PERIMETER_COLOUR, "outline_width": "0.5"})
            copy.setRenderer(QgsSingleSymbolRenderer(symbol))
            self._label_perimeter(copy)
            result["perimeter"] = copy
        if ranks:
            result["fragile"] = self._fragile_layer(layer, centroids, ranks, language)
        return result

    @staticmethod
    def _label_perimeter(layer):
        """Names of the perimeter's areas (communes…) in grey: they tell the reader where the map is."""
        index = lookup(layer.fields(), *PERIMETER_NAME_FIELDS)
        if index < 0:
            return
        settings = QgsPalLayerSettings()
        settings.fieldName = layer.fields().at(index).name()
        settings.placement = QgsPalLayerSettings.Placement.Horizontal
        fmt = QgsTextFormat()
        font = QFont("DejaVu Sans")
        font.setItalic(True)
        fmt.setFont(font)
        fmt.setSize(8)
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        fmt.setColor(QColor("#444444"))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        buffer.setColor(QColor(255, 255, 255))
        fmt.setBuffer(buffer)
        settings.setFormat(fmt)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)

    @staticmethod
    def _style_score(layer, language):
        if layer.fields().lookupField("score") < 0:
            symbol = QgsFillSymbol.createSimple({"color": "#dddddd", "outline_color": "#999999",
                                                 "outline_width": "0.1"}) \
                if layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry else \
                QgsMarkerSymbol.createSimple({"color": "#999999", "size": "2"})
            layer.setRenderer(QgsSingleSymbolRenderer(symbol))
            return
        ranges = []
        for klass in core_report.SCORE_CLASSES:
            colour = klass.colour
            if layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry:
                symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#ffffff",
                                                     "outline_width": "0.15"})
            else:
                symbol = QgsMarkerSymbol.createSimple({"color": colour, "size": "2.4", "outline_color": "#555555",
                                                       "outline_width": "0.2"})
            label = core_report.score_class_label(klass, language)
            ranges.append(QgsRendererRange(klass.lower, klass.upper, symbol, label))
        renderer = QgsGraduatedSymbolRenderer("score", ranges)
        layer.setRenderer(renderer)

    @staticmethod
    def _fragile_layer(layer, centroids, ranks, language):
        """Points numbered like the rows of the fragile areas table."""
        crs = layer.crs().authid() or layer.crs().toWkt()
        copy = QgsVectorLayer("Point?crs={}".format(crs), core_report.plain(
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
        fmt = QgsTextFormat()
        font = QFont("DejaVu Sans")
        font.setBold(True)
        fmt.setFont(font)
        fmt.setSize(6.5)
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        fmt.setColor(QColor("#111111"))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(False)
        fmt.setBuffer(buffer)
        settings.setFormat(fmt)
        copy.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        copy.setLabelsEnabled(True)
        return copy

    @staticmethod
    def _ordered(layers):
        """Top first: fragile numbers, services, perimeter, coverage."""
        return [layers[k] for k in ("fragile", "services", "perimeter", "coverage") if layers.get(k) is not None]

    # ------------------------------------------------------------------ map
    @staticmethod
    def _extent(layer, crs, context):
        extent = layer.extent()
        if layer.crs() != crs:
            try:
                extent = QgsCoordinateTransform(layer.crs(), crs, context.transformContext()).transformBoundingBox(
                    extent)
            except QgsCsException:
                pass
        extent = QgsRectangle(extent)
        size = max(extent.width(), extent.height())
        # polygons fill their extent; points (and the numbered markers) need room not to be cut
        share = 0.04 if layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry else 0.1
        margin = share * size
        if not crs.isGeographic():
            margin = max(margin, 50.0 / QgsUnitTypes.fromUnitToUnitFactor(
                crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters))
        extent.grow(margin if margin > 0 else 1.0)
        return extent

    def _render_map(self, layers, crs, extent, context):
        extent = QgsRectangle(extent)
        if extent.width() > 0 and extent.height() / extent.width() > MAP_MAX_RATIO:
            # a tall area: widen the view so that the map fits a screen (white margins)
            grow = (extent.height() / MAP_MAX_RATIO - extent.width()) / 2.0
            extent.setXMinimum(extent.xMinimum() - grow)
            extent.setXMaximum(extent.xMaximum() + grow)
        ratio = extent.height() / extent.width() if extent.width() > 0 else 1.0
        if ratio <= 1.0:
            width, height = MAP_PIXELS, max(int(round(MAP_PIXELS * ratio)), MAP_PIXELS // 2)
        else:
            width, height = max(int(round(MAP_PIXELS / ratio)), MAP_PIXELS // 2), MAP_PIXELS
        settings = QgsMapSettings()
        settings.setLayers(self._ordered(layers))
        settings.setDestinationCrs(crs)
        settings.setTransformContext(context.transformContext())
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

    # ------------------------------------------------------------------ PDF
    def _export_pdf(self, project, layers, crs, extent, texts, chart_svg, pdf_path):
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
            self._fill_layout(layout, self._ordered(layers), crs, extent, texts, chart_path)
            exporter = QgsLayoutExporter(layout)
            settings = QgsLayoutExporter.PdfExportSettings()
            settings.dpi = 200
            settings.rasterizeWholeImage = False
            settings.exportMetadata = True
            settings.appendGeoreference = True

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

    @staticmethod
    def _fill_layout(layout, layers, crs, extent, texts, chart_path):
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
                ReportAlgorithm._fill_table(table, texts.get(table_id))
        if legend is not None:
            legend.updateLegend()

    @staticmethod
    def _fill_table(table, content):
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
