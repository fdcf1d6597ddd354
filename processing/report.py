"""``ville_numerique:report`` — the coverage report for elected officials (HTML and PDF).

Reads the coverage layer and its summary, renders a map (score by unit,
services, perimeter, the fragile units numbered), and writes:

* a self-contained HTML report built by ``core.report.build_html`` (Jinja2
  templates of ``resources/templates/``);
* optionally a PDF from the print layout template
  ``resources/templates/report_a4.qpt`` (``processing/report_pdf.py``);
* with a connectivity layer or summary, or a commune table (issue 16), an
  Infrastructures section and PDF page.

Threads: the algorithm runs as a Processing task. ``prepareAlgorithm`` (main
thread) only takes thread-safe feature sources of the inputs;
``processAlgorithm`` (task thread) reads them, computes the figures, styles
copies of the layers, renders the HTML maps, writes the HTML and prepares the
PDF's texts, tables and chart; only the print layout itself is filled and
exported in the main thread (``processing/main_thread.py``), as QGIS's own
layout export algorithms do, the task waiting for it. Under ``qgis_process``
everything runs in the main thread.

The layers drawn are copies: the user's project and layers are never
touched. Outputs are written to a temporary file first, then renamed: never a
half-written report.
"""

from qgis.core import (
    Qgis,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..core import report as core_report
from ..core.errors import InputError
from ..core.files import atomic_write
from ..core.i18n import tr
from ..core.inputs import check_coverage_summary
from ..core.report import infrastructure as infra
from . import report_map, report_pdf, report_read
from .base import BaseAlgorithm
from .main_thread import run_in_main_thread
from .parameters import COVERAGE_HINT, SERVICES_HINT, SiblingFileHint
from .report_read import check_canceled, read_json

#: Kept for callers of the former single module.
TEMPLATE = report_pdf.TEMPLATE


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
    CONNECTIVITY = "CONNECTIVITY"
    CONNECTIVITY_SUMMARY = "CONNECTIVITY_SUMMARY"
    INFRASTRUCTURE_COMMUNES = "INFRASTRUCTURE_COMMUNES"
    #: LANGUAGE option codes; the layer and summary the dialog proposes (processing/parameters.py)
    LANGUAGES = tuple(core_report.LANGUAGES)
    GUI_DEFAULTS = {COVERAGE: COVERAGE_HINT, SUMMARY: SiblingFileHint(COVERAGE, ".json"), SERVICES: SERVICES_HINT}

    def displayName(self):  # noqa: N802
        return tr("Coverage report (HTML and PDF)")

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
        # -- infrastructure (issue 16): any of the three makes the Infrastructures section --------
        param = QgsProcessingParameterVectorLayer(
            self.CONNECTIVITY, tr("Connectivity layer (ARCEP, optional)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint], optional=True,
        )
        param.setHelp(tr("Optional: the output of ville_numerique:connectivity (share_no_thd…), mapped in the "
                         "Infrastructures section. Not needed when the coverage layer already has these fields."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(
            self.CONNECTIVITY_SUMMARY, tr("Connectivity summary (JSON, optional)"), extension="json", optional=True
        )
        param.setHelp(tr("Optional: the Summary (JSON) of ville_numerique:connectivity: premises, shares over the "
                         "area, operators, ARCEP editions and licences."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.INFRASTRUCTURE_COMMUNES, tr("Broadband by commune (optional)"),
            [QgsProcessing.SourceType.TypeVector], optional=True,
        )
        param.setHelp(tr("Optional: the output of ville_numerique:fetch_infrastructure, shown as the commune "
                         "table of the Infrastructures section."))
        self.addParameter(param)

    # ------------------------------------------------------------------ main thread, before
    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: thread-safe sources of the inputs, and where the PDF goes."""
        super().prepareAlgorithm(parameters, context, feedback)
        self._sources = {}
        layer = self.parameterAsVectorLayer(parameters, self.COVERAGE, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(tr("The coverage layer could not be opened."))
        self._coverage_source = layer.source()
        for name in (self.COVERAGE, self.SERVICES, self.PERIMETER, self.CONNECTIVITY, self.INFRASTRUCTURE_COMMUNES):
            if name == self.COVERAGE or parameters.get(name):
                self._sources[name] = self.parameterAsSource(parameters, name, context)
        return True

    # ------------------------------------------------------------------ task thread
    def run_algorithm(self, parameters, context, feedback):
        sources = self._sources
        coverage = sources[self.COVERAGE]
        if coverage.featureCount() == 0:
            raise InputError(tr("The layer '{label}' has no feature.").format(label=coverage.sourceName()))
        summary = read_json(self.parameterAsFile(parameters, self.SUMMARY, context), tr("Coverage summary"))
        check_coverage_summary(summary, tr("Coverage summary"))
        scenario_path = self.parameterAsFile(parameters, self.SCENARIO_SUMMARY, context)
        scenario = read_json(scenario_path, tr("Scenario summary")) if scenario_path else None
        services, perimeter = sources.get(self.SERVICES), sources.get(self.PERIMETER)
        language = core_report.check_language(
            self.parameterAsEnumString(parameters, self.LANGUAGE, context) or core_report.DEFAULT_LANGUAGE)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if not html_path:
            raise InputError(tr("Choose a file for the HTML report."))
        transform_context = context.transformContext()

        crs = report_read.map_crs(summary, coverage)
        feedback.pushInfo(tr("Reading the coverage layer…"))
        units, centroids, infra_units = report_read.read_units(coverage, summary, transform_context, feedback)
        feedback.setProgress(25)
        place = report_read.place_name(perimeter, services)
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        title = title or core_report.default_title(place, language)
        fragile, _ = core_report.fragile_units(units)
        ranks = {unit.fid: rank for rank, unit in enumerate(fragile, 1)}

        layers = report_map.styled_layers(coverage, services, perimeter, centroids, ranks, language)
        extent = report_map.map_extent(coverage, crs, transform_context)
        feedback.pushInfo(tr("Drawing the map…"))
        png, map_info = report_map.render_map(report_map.ordered(layers), crs, extent, transform_context)
        map_info.update(has_services=services is not None, has_perimeter=perimeter is not None,
                        has_fragile=bool(ranks), crs="{} ({})".format(crs.authid(), crs.description()))
        check_canceled(feedback)
        feedback.setProgress(45)

        infrastructure, infra_layers, infra_extent = self._infrastructure(
            parameters, context, feedback, coverage, infra_units, perimeter, crs, language)
        feedback.setProgress(55)

        document = core_report.build_html(
            summary, units, language=language, title=title, place=place, map_image=png,
            map_info=map_info, scenario=scenario, qgis_version=Qgis.QGIS_VERSION,
            coverage_source=self._coverage_source, scenario_source=scenario_path or None,
            infrastructure=infrastructure)

        def write_html(tmp):
            with open(tmp, "w", encoding="utf-8") as stream:
                stream.write(document)

        atomic_write(html_path, write_html, suffix=".html")
        feedback.pushInfo(tr("HTML report written: {path}").format(path=self.final_path(html_path)))
        feedback.setProgress(60)

        outputs = {self.OUTPUT_HTML: html_path}
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if pdf_path:
            check_canceled(feedback)
            # everything the layout shows is prepared here; the main thread only lays it out and paints
            texts = core_report.layout_texts(summary, units, language=language, title=title, place=place,
                                             scenario=scenario, qgis_version=Qgis.QGIS_VERSION)
            chart = core_report.coverage_chart_svg(summary, units, language, columns=3, for_layout=True)
            page = None
            if infrastructure is not None:
                page = {"layers": report_map.ordered(infra_layers, report_map.INFRA_ORDER),
                        "legend_layers": [infra_layers[k] for k in ("infra", "infra_base") if k in infra_layers],
                        "extent": infra_extent, "texts": infra.layout_texts(infrastructure, language)}
            all_layers = [v for v in list(layers.values()) + list(infra_layers.values()) if v is not None]
            report_map.hand_over(all_layers)
            job = {"layers": report_map.ordered(layers), "all_layers": all_layers, "crs": crs, "extent": extent,
                   "texts": texts, "chart": chart, "infrastructure": page, "path": pdf_path}
            feedback.pushInfo(tr("Exporting the PDF from the print layout…"))
            outputs["PDF_PAGES"] = run_in_main_thread(lambda: self._export_pdf(job, context), feedback)
            outputs[self.OUTPUT_PDF] = pdf_path
            feedback.pushInfo(tr("PDF report written: {path}").format(path=self.final_path(pdf_path)))
        feedback.setProgress(100)
        return outputs

    def _infrastructure(self, parameters, context, feedback, coverage, infra_units, perimeter, crs, language):
        """The Infrastructures section's data, its map layers and extent (``None, {}, None`` without data)."""
        connectivity = self._sources.get(self.CONNECTIVITY)
        unit_source = connectivity if connectivity is not None else (coverage if infra_units else None)
        if connectivity is not None:
            infra_units = report_read.read_infra_units(connectivity, feedback)
        summary_path = self.parameterAsFile(parameters, self.CONNECTIVITY_SUMMARY, context)
        summary = read_json(summary_path, tr("Connectivity summary")) if summary_path else None
        communes_source = self._sources.get(self.INFRASTRUCTURE_COMMUNES)
        communes = report_read.read_communes(communes_source, feedback) if communes_source is not None else []
        data = infra.Infrastructure(units=infra_units, summary=summary, communes=communes)
        if data.empty:
            return None, {}, None
        feedback.pushInfo(tr("Infrastructures: drawing the map of premises without 30 Mbit/s…"))
        layers, extent = {}, None
        if unit_source is not None:
            layers = report_map.infrastructure_layers(unit_source, perimeter, language)
        if layers:
            extent = report_map.map_extent(unit_source, crs, context.transformContext())
            data.map_image, data.map_info = report_map.render_map(
                report_map.ordered(layers, report_map.INFRA_ORDER), crs, extent, context.transformContext(),
                pixels=1200)
            data.map_info["crs"] = crs.authid()
        return data, layers, extent

    # ------------------------------------------------------------------ main thread
    @staticmethod
    def _export_pdf(job, context):
        """Main thread: the print layout filled with what the task prepared, exported to PDF."""
        project = QgsProject()
        try:
            project.setCrs(job["crs"])
            project.setTransformContext(context.transformContext())
            for layer in job["all_layers"]:
                project.addMapLayer(layer, False)
            for layer in job["layers"]:
                project.layerTreeRoot().addLayer(layer)
            return report_pdf.export_pdf(project, job["layers"], job["crs"], job["extent"], job["texts"],
                                         job["chart"], job["path"], job["infrastructure"])
        finally:
            project.removeAllMapLayers()  # deletes the copies
            project.clear()
