"""The Ville numérique dock: territory → data → analysis → results → presets.

A thin container: each page is a Qt Designer ``.ui`` file with a small class
(``ui/pages/``) over one shared :class:`ui.state.PanelState`. The dock wires
the pages to the state, runs Processing algorithms (``ui/tasks.py`` runs them
in the task manager, ``ui/algorithms.py`` knows their ids and parameters) and
shows what they return; it never computes access itself.
"""

from pathlib import Path

from qgis.core import Qgis, QgsCoordinateTransform, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QToolBox, QVBoxLayout, QWidget

from ..core import about
from ..core.errors import InputError
from ..core.i18n import tr
from . import algorithms, follow_ups, presets
from .actions import load_sample
from .pages.analysis import AnalysisPage
from .pages.data import DataPage
from .pages.presets import PresetsPage
from .pages.results import ResultsPage
from .pages.territory import TerritoryPage
from .results import results_file
from .search import search_rows  # noqa: F401 - search_rows: part of the panel's API
from .state import PanelState
from .tasks import AlgorithmRun
from .widgets import InlineMessage, format_number  # noqa: F401 - format_number: used by the tests

PAGE_TERRITORY, PAGE_DATA, PAGE_ANALYSIS, PAGE_RESULTS, PAGE_PRESETS = range(5)
#: The dock's width when QGIS 3.22 first shows it on a 1366×768 screen (fresh profile): every page fits it.
DEFAULT_WIDTH = 298
#: Follow-ups whose layer is written in the project's folder (file name stem), as the analysis is.
FOLLOW_UP_FILES = {algorithms.SCENARIO: "scenario", algorithms.RECOMMEND_SITES: "sites"}

#: Widgets of the pages the dock exposes under their old names (tests, scripts/screenshot.py, the desktop test).
PAGE_WIDGETS = {
    "territory": ("commune_combo", "commune_search_button", "station_combo", "station_search_button", "walk_spin",
                  "walk_metres", "perimeter_shape_combo", "station_perimeter_button", "commune_perimeter_button",
                  "draw_button", "selection_button", "perimeter_combo"),
    "data": ("sample_button", "category_checks", "fetch_all_button", "fetch_services_button",
             "fetch_population_button", "fetch_infrastructure_button", "search_edit", "search_button", "search_table",
             "add_dataset_button"),
    "analysis": ("population_combo", "population_field_combo", "services_combo", "category_field_combo",
                 "restrict_check", "run_button", "threshold_spins", "fragility_field_combo", "fragility_spins",
                 "method_combo", "decay_combo", "output_widget"),
    "results": ("summary_label", "scenario_label", "results_table", "chart", "chart_category_combo",
                "report_button", "scenario_button", "recommend_button", "recommend_category_combo"),
    "presets": ("recent_list",),
}


class VilleNumeriquePanel(QgsDockWidget):
    """The dock. ``analysisFinished(ok)`` is emitted when a coverage run ends."""

    analysisFinished = pyqtSignal(bool)  # noqa: N815 (Qt signal)

    def __init__(self, iface, parent=None):
        super().__init__(tr("Ville numérique"), parent)
        self.setObjectName("VilleNumeriquePanel")
        self.iface = iface
        self.project = QgsProject.instance()
        self.state = PanelState(self.project, self)
        self.run = None
        self.last_message = None
        self._build()
        self.refresh_algorithms()
        registry = algorithms.registry()
        registry.providerAdded.connect(self.refresh_algorithms)
        registry.providerRemoved.connect(self.refresh_algorithms)
        self.project.readProject.connect(self._project_read)
        self.project.cleared.connect(self.clear_results)
        self.project.layersRemoved.connect(self._layers_removed)
        for signal in self._placeholder_signals():
            signal.connect(self.analysis.update_output_placeholder)

    # ======================================================================
    # construction
    # ======================================================================
    def _build(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.message_bar = InlineMessage(body)
        layout.addWidget(self.message_bar)
        self.toolbox = QToolBox(body)
        self.toolbox.setObjectName("VilleNumeriqueToolBox")
        self.territory = TerritoryPage(self, self.state)
        self.data = DataPage(self, self.state)
        self.analysis = AnalysisPage(self, self.state)
        self.results = ResultsPage(self, self.state)
        self.presets = PresetsPage(self, self.state)
        pages = ((self.territory, tr("1. Territory")), (self.data, tr("2. Data")), (self.analysis, tr("3. Analysis")),
                 (self.results, tr("4. Results")), (self.presets, tr("5. Presets")))
        for page, title in pages:
            self.toolbox.addItem(page, title)
            scroll = page.parentWidget().parentWidget()  # QToolBox puts each page in a QScrollArea
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.toolbox.setItemIcon(PAGE_TERRITORY, QIcon(about.icon_path()))
        for page, names in PAGE_WIDGETS.items():
            for name in names:
                setattr(self, name, getattr(getattr(self, page), name))
        self.toolbox.currentChanged.connect(lambda _index: self.refresh_algorithms())
        layout.addWidget(self.toolbox, 1)

        status = QHBoxLayout()
        self.progress = QProgressBar(body)
        self.progress.setObjectName("VilleNumeriqueProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("Cancel"), body)
        self.cancel_button.setObjectName("VilleNumeriqueCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        status.addWidget(self.progress, 1)
        status.addWidget(self.cancel_button)
        layout.addLayout(status)
        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.setWidget(body)
        self.report_button.clicked.connect(lambda: self.open_follow_up(algorithms.REPORT))
        self.scenario_button.clicked.connect(lambda: self.open_follow_up(algorithms.SCENARIO))
        self.recommend_button.clicked.connect(lambda: self.open_follow_up(algorithms.RECOMMEND_SITES))
        self.perimeter_combo.layerChanged.connect(self._perimeter_changed)
        self._perimeter_changed(self.perimeter_combo.currentLayer())
        self.analysis.update_output_placeholder()
        self.analysis.sync_state()

    def _placeholder_signals(self):
        """When the project's folder may have changed (``write(path)`` emits no fileNameChanged)."""
        return (self.project.homePathChanged, self.project.fileNameChanged, self.project.cleared,
                self.project.projectSaved, self.toolbox.currentChanged)

    # ======================================================================
    # the state the tests and scripts read
    # ======================================================================
    summary = property(lambda self: self.state.summary)
    summary_path = property(lambda self: self.state.summary_path)
    output_layer_id = property(lambda self: self.state.output_layer_id,
                               lambda self, value: self.state.set(output_layer_id=value))
    scenario = property(lambda self: self.state.scenario)
    scenario_summary_path = property(lambda self: self.state.scenario_summary_path)
    analysis_population = property(lambda self: self.state.analysis_population)
    map_tool = property(lambda self: self.territory.map_tool)

    # ======================================================================
    # messages, runs and what is enabled
    # ======================================================================
    def message(self, text, level=Qgis.MessageLevel.Info, duration=None):
        """Show ``text`` at the top of the panel (and remember it for tests).

        Information and success fade after 10 s; warnings and errors stay until closed.
        """
        self.last_message = (level, text)
        kind = {
            Qgis.MessageLevel.Warning: "warning",
            Qgis.MessageLevel.Critical: "critical",
            Qgis.MessageLevel.Success: "success",
        }.get(level, "info")
        if duration is None:
            duration = 10 if kind in ("info", "success") else 0
        self.message_bar.show_message(text, kind, duration)

    def refresh_algorithms(self, *_args):
        """Enable each action only if its algorithm is registered and its inputs exist."""
        from .pages.data import FETCH_INFRASTRUCTURE

        wired = (
            (self.fetch_services_button, algorithms.FETCH_SERVICES),
            (self.fetch_population_button, algorithms.FETCH_POPULATION),
            (self.fetch_all_button, algorithms.FETCH_IGN),
            (self.fetch_infrastructure_button, FETCH_INFRASTRUCTURE),
            (self.search_button, algorithms.DATAGOUV_SEARCH),
            (self.add_dataset_button, algorithms.DATAGOUV_LOAD),
            (self.report_button, algorithms.REPORT),
            (self.scenario_button, algorithms.SCENARIO),
            (self.recommend_button, algorithms.RECOMMEND_SITES),
            (self.run_button, algorithms.COVERAGE),
        )
        follow_ups_ = (self.report_button, self.scenario_button, self.recommend_button)
        results = self.has_results()
        for widget, alg_id in wired:
            available = algorithms.exists(alg_id)
            needs_results = widget in follow_ups_ and not results
            widget.setEnabled(available and not needs_results and not self.is_running())
            missing = tr("Needs the Processing algorithm {id}, not installed yet.").format(id=alg_id)
            no_results = tr("Run an analysis first (3. Analysis).")
            widget.setToolTip(missing if not available else no_results if needs_results else "")
        if algorithms.exists(FETCH_INFRASTRUCTURE):
            self.fetch_infrastructure_button.setToolTip(self.data.infrastructure_tooltip)
        self.recommend_category_combo.setEnabled(results)
        self.search_edit.setEnabled(algorithms.exists(algorithms.DATAGOUV_SEARCH))
        self.territory.refresh()
        self.analysis.refresh()

    def is_running(self):
        return self.run is not None and self.run.is_running()

    def has_results(self):
        """An analysis result is shown and its coverage layer is still in the project."""
        return self.state.has_results()

    def _start(self, run, on_done, status):
        if self.is_running():
            self.message(tr("An operation is already running: wait for it or cancel it."),
                         Qgis.MessageLevel.Warning)
            return False
        self.run = run
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(status)
        run.progressChanged.connect(lambda value: self.progress.setValue(int(value)))

        def done(ok, results, layers, message):
            if self.run is run:
                self.run = None
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            self.cancel_button.setEnabled(False)
            self.status_label.setText("")
            self.refresh_algorithms()
            on_done(ok, results, layers, message)

        run.finished.connect(done)
        self.refresh_algorithms()
        if not run.start():
            return False
        self.refresh_algorithms()
        return True

    def cancel(self):
        if self.run is not None:
            self.status_label.setText(tr("Canceling…"))
            self.cancel_button.setEnabled(False)
            self.run.cancel()

    def _failed(self, message, canceled_text):
        """A run that ended badly: a cancel is information, a failure an error."""
        if message == tr("Canceled."):  # what ui/tasks.py says of a canceled run
            self.message(canceled_text, Qgis.MessageLevel.Info)
        else:
            self.message(message or tr("The operation failed."), Qgis.MessageLevel.Critical)

    def run_or_dialog(self, alg_id, values, on_done, status, styles=None, load=True):
        """Run ``alg_id`` pre-filled from ``values``; its dialog when a mandatory input is missing."""
        parameters = algorithms.prefill(alg_id, values)
        if algorithms.missing_mandatory(alg_id, parameters):
            algorithms.open_dialog(alg_id, parameters)
            return False
        parameters = algorithms.complete_outputs(alg_id, parameters, self.project, load=load)
        run = AlgorithmRun(alg_id, parameters, styles=styles, project=self.project, load=load, parent=self)
        return self._start(run, on_done, status)

    def context_values(self):
        """What the panel knows, for pre-filling other algorithms (see algorithms.ROLE_NAMES)."""
        state, perimeter = self.state, self.state.perimeter
        return {
            "perimeter": perimeter.id() if perimeter else None,
            "population": state.population_id,
            "population_field": state.population_field,
            "services": state.services_id,
            "category_field": state.category_field,
            "categories": state.categories,
            "thresholds": self.thresholds_text(),
            "fragility_field": state.fragility_field,
            "fragility_weights": self.analysis.fragility_weights_text(),
            "coverage": state.output_layer_id,
            "summary": state.summary_path,
        }

    _context_values = context_values

    def zoom_to(self, rectangle, crs):
        if self.iface is None or rectangle.isEmpty():
            return
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(), self.project)
        try:
            extent = transform.transformBoundingBox(rectangle)
        except Exception:  # noqa: BLE001 - a failed zoom is not worth an error
            return
        extent.scale(1.1)
        canvas.setExtent(extent)
        canvas.refresh()

    # ======================================================================
    # 1. territory and 2. data (the pages do the work)
    # ======================================================================
    def perimeter_layer(self):
        return self.territory.perimeter_layer()

    def _commune_place(self):
        return self.territory.commune_place()

    def fill_territory_lists(self):
        self.territory.fill_territory_lists()

    def search_commune_online(self):
        return self.territory.search_commune_online()

    def search_stations_online(self):
        return self.territory.search_stations_online()

    def make_station_perimeter(self):
        return self.territory.make_station_perimeter()

    def make_commune_perimeter(self):
        return self.territory.make_commune_perimeter()

    def use_selection(self):
        return self.territory.use_selection()

    def start_drawing(self):
        return self.territory.start_drawing()

    def add_drawn_perimeter(self, geometry, crs=None):
        return self.territory.add_drawn_perimeter(geometry, crs)

    def _layers_removed(self, *_args):
        self.refresh_algorithms()
        if self.state.perimeter_id is not None and self.project.mapLayer(self.state.perimeter_id) is None:
            # the combo would move on to another polygon layer (the communes…) without a signal
            self.perimeter_combo.setLayer(None)
            self._perimeter_changed(None)
        self.analysis.sync_state()

    def _perimeter_changed(self, layer):
        self.state.set(perimeter_id=layer.id() if layer is not None else None)
        self.analysis.perimeter_changed(layer)

    def load_sample(self):
        layers = load_sample(self.iface)
        population = layers.get("carreaux_200m")
        services = layers.get("services")
        if population is not None:
            self.population_combo.setLayer(population)
            self.population_field_combo.setField("ind")
            self.zoom_to(population.extent(), population.crs())
        if services is not None:
            self.services_combo.setLayer(services)
            self.category_field_combo.setField("categories")
        self.message(tr("Saint-Omer sample loaded: go on with “3. Analysis”."), Qgis.MessageLevel.Success)
        return layers

    def checked_categories(self):
        return self.data.checked_categories()

    def fetch(self, alg_id):
        return self.data.fetch(alg_id)

    def fetch_all(self):
        return self.data.fetch_all()

    def fetch_infrastructure(self):
        return self.data.fetch_infrastructure()

    def search_datagouv(self):
        return self.data.search_datagouv()

    def show_search_results(self, rows):
        self.data.show_search_results(rows)

    def add_dataset(self):
        return self.data.add_dataset()

    # ======================================================================
    # 3. analysis
    # ======================================================================
    def thresholds_minutes(self):
        return self.analysis.thresholds_minutes()

    def thresholds_text(self):
        return self.analysis.thresholds_text()

    def fragility_weights(self):
        return self.analysis.fragility_weights()

    def fragility_weights_text(self):
        return self.analysis.fragility_weights_text()

    def reset_thresholds(self):
        self.analysis.reset_thresholds()

    def validate(self):
        return self.analysis.validate()

    def show_page(self, page):
        self.toolbox.setCurrentIndex(self.toolbox.indexOf(page))

    def run_analysis(self):
        """Validate, then run ``ville_numerique:coverage`` in the task manager (see the analysis page)."""
        return self.analysis.run_analysis()

    # ======================================================================
    # 4. results
    # ======================================================================
    def clear_results(self):
        self.state.clear_results()
        self.results.clear()
        self.refresh_algorithms()

    def show_scenario(self, scenario, path):
        """The before/after of a scenario run from the panel, under the summary (and into the report)."""
        self.state.set(scenario=scenario, scenario_summary_path=path if scenario is not None else None)
        self.results.show_scenario(scenario)

    def show_results(self, summary, layer=None):
        """Fill the indicator table and the chart from a coverage summary (and its layer)."""
        self.state.set(summary=summary)
        self.results.show_results(summary, layer)
        self.refresh_algorithms()

    def open_follow_up(self, alg_id):
        """Report, scenario, site recommendation: the algorithm's dialog, pre-filled with the last analysis.

        A scenario run from the dialog is kept: its before/after is shown under
        the summary and the report gets it (SCENARIO_SUMMARY).
        """
        if not algorithms.exists(alg_id) or not self.has_results():
            return False
        values = self.context_values()
        for role, layer in (("population", self.population_combo.currentLayer()),
                            ("services", self.services_combo.currentLayer()),
                            ("perimeter", self.perimeter_layer())):
            values[role] = follow_ups.layer_parameter(layer, self.project)
        if self.analysis_population and Path(str(self.analysis_population)).is_file():
            # the population inside the perimeter the analysis measured: the scenario starts from its score
            values["population"] = self.analysis_population
        planned = next((lyr for lyr in self.project.mapLayers().values()
                        if lyr.source().endswith("layername=projet_gare")), None)
        if planned is not None:
            values["project_services"] = follow_ups.layer_parameter(planned, self.project)
        if alg_id == algorithms.RECOMMEND_SITES:
            code = self.recommend_category_combo.currentData()
            values["categories"] = [code] if code else None
        if alg_id == algorithms.REPORT:
            values["scenario_summary"] = self.scenario_summary_path
            commune = self._commune_place()
            values["title"] = follow_ups.report_title(commune.name if commune is not None else None)
        stem = FOLLOW_UP_FILES.get(alg_id)
        if stem and self.project.absolutePath():
            # in the project's folder, like the analysis: the layers come back with the project
            values["output"] = results_file(self.project, stem)
            values["summary_output"] = str(Path(values["output"]).with_suffix(".json"))
        results = algorithms.open_dialog(alg_id, algorithms.prefill(alg_id, values))
        if alg_id == algorithms.SCENARIO and isinstance(results, dict) and results.get("SUMMARY"):
            scenario = follow_ups.read_summary(results["SUMMARY"])
            if scenario is not None:
                self.show_scenario(scenario, results["SUMMARY"])
                self.message(self.scenario_label.text(), Qgis.MessageLevel.Success)
        return True

    # ======================================================================
    # 5. presets
    # ======================================================================
    def collect_preset(self):
        return self.presets.collect_preset()

    def apply_preset(self, preset):
        return self.presets.apply_preset(preset)

    def save_preset(self, path):
        self.presets.save_preset(path)

    def load_preset(self, path):
        return self.presets.load_preset(path)

    def save_preset_to_project(self):
        self.presets.save_preset_to_project()

    def load_preset_from_project(self):
        return self.presets.load_preset_from_project()

    def _project_read(self, *_args):
        try:
            preset = presets.read_project(self.project)
        except InputError:
            return
        if preset is not None:
            self.presets.apply_preset(preset, confirm=False)

    def refresh_recent(self):
        self.presets.refresh_recent()

    def restore_recent(self):
        item = self.recent_list.currentItem()
        if item is None:
            self.message(tr("Select an analysis in the list."), Qgis.MessageLevel.Info)
            return False
        self.apply_preset(item.data(Qt.ItemDataRole.UserRole))
        self.toolbox.setCurrentIndex(PAGE_ANALYSIS)
        return True

    # ======================================================================
    def closeEvent(self, event):  # noqa: N802 (Qt API)
        self.territory.stop_drawing()
        super().closeEvent(event)

    def unload(self):
        """Disconnect from QGIS before the plugin is unloaded."""
        if self.is_running():
            self.run.cancel()
        self.territory.stop_drawing()
        registry = algorithms.registry()
        for signal, slot in ((registry.providerAdded, self.refresh_algorithms),
                             (registry.providerRemoved, self.refresh_algorithms),
                             (self.project.readProject, self._project_read),
                             (self.project.cleared, self.clear_results),
                             (self.project.layersRemoved, self._layers_removed),
                             *((signal, self.analysis.update_output_placeholder)
                               for signal in self._placeholder_signals())):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
