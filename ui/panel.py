"""The Ville numérique dock panel: territory → data → analysis → results → presets.

Built in code rather than from a ``.ui`` file so that every label goes through
``core.i18n.tr`` (the ``@default`` context of ``i18n/ville_numerique_fr.ts``).
The panel launches Processing algorithms (``ui/tasks.py`` runs them in the
task manager) and shows what they return; it never computes access itself.
"""

import json
from pathlib import Path

from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFieldProxyModel,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsDockWidget,
    QgsFieldComboBox,
    QgsFileWidget,
    QgsMapLayerComboBox,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from ..core import about, categories
from ..core.errors import InputError
from ..core.fragility import DEFAULT_WEIGHTS as FRAGILITY_DEFAULT_WEIGHTS
from ..core.fragility import INDICATORS as FRAGILITY_INDICATORS
from ..core.fragility import indicator_label
from ..core.i18n import tr
from ..core.services import CATEGORIES, category_label
from ..processing.coverage import field_suffix
from ..processing.defaults import default_thresholds_minutes, metres_to_minutes, minutes_to_metres
from ..processing.fetch import IGN_LAYERS
from ..processing.open_data import COMMUNE_CODE
from ..processing.styles import load_style
from . import algorithms, follow_ups, presets
from .actions import load_sample, sample_path
from .chart import CoverageChart, curves_from_layer
from .maptool import PolygonMapTool
from .places import SOURCE_BDTOPO, SOURCE_IGN, SOURCE_SAMPLE, SOURCE_SNCF, WGS84, Place
from .results import RESULTS_FOLDER, is_temporary, results_file
from .tasks import AlgorithmRun, output_definition
from .widgets import InlineMessage, MinutesSpinBox, compact, format_minutes, format_number

METHODS = ("nearest", "cumulative", "2sfca", "e2sfca")
DECAYS = ("step", "linear", "gaussian", "gravity")
PAGE_TERRITORY, PAGE_DATA, PAGE_ANALYSIS, PAGE_RESULTS, PAGE_PRESETS = range(5)
SHAPE_BUFFER, SHAPE_ISOCHRONE = "buffer", "isochrone"  # the two shapes of a station perimeter
IGN_LAYER_KEYS = [spec.key for spec in IGN_LAYERS]  # positions of the LAYER enum of fetch_ign
GEOCODE_COMMUNES = 1  # KIND of ville_numerique:geocode: communes only
STATION_SEARCH_BUFFER_M = 1000  # BD TOPO stations up to 1 km outside the commune
def category_icon(code):
    return QIcon(about.icon_path("categories/{}.svg".format(code)))


def short_label(code):
    """A category's label for narrow places (the results table); the full one goes in the tooltip."""
    return categories.label(code, short=True)


def method_label(code):
    return {
        "nearest": tr("Nearest service (walking distance)"),
        "cumulative": tr("Cumulative opportunities (services within reach)"),
        "2sfca": tr("2SFCA (services per inhabitant)"),
        "e2sfca": tr("Enhanced 2SFCA (with distance decay)"),
    }[code]


def decay_label(code):
    return {
        "step": tr("Step (within the threshold or not)"),
        "linear": tr("Linear"),
        "gaussian": tr("Gaussian"),
        "gravity": tr("Gravity"),
    }[code]


def is_numeric_field(field):
    return field.isNumeric()


def fragile_key(category_summary):
    """The key of "fragile population not covered" in a category summary, if any."""
    for key in sorted(category_summary):
        if "fragil" in key and ("not_covered" in key or "uncovered" in key):
            return key
    return None


class VilleNumeriquePanel(QgsDockWidget):
    """The dock. ``analysisFinished(ok)`` is emitted when a coverage run ends."""

    analysisFinished = pyqtSignal(bool)  # noqa: N815 (Qt signal)

    def __init__(self, iface, parent=None):
        super().__init__(tr("Ville numérique"), parent)
        self.setObjectName("VilleNumeriquePanel")
        self.iface = iface
        self.project = QgsProject.instance()
        self.run = None
        self.summary = None
        self.summary_path = None
        self.output_layer_id = None
        self.last_message = None
        self.map_tool = None
        self._previous_tool = None
        self._search_rows = []
        self._analysis_preset = None
        self._communes = []
        self._stations = []
        self.scenario = None
        self.scenario_summary_path = None
        self.analysis_population = None  # the population the analysis measured (inside the perimeter)
        self._coverage_population = None
        self._build()
        self.refresh_algorithms()
        registry = algorithms.registry()
        registry.providerAdded.connect(self.refresh_algorithms)
        registry.providerRemoved.connect(self.refresh_algorithms)
        self.project.readProject.connect(self._project_read)
        self.project.cleared.connect(self.clear_results)
        self.project.layersRemoved.connect(self._layers_removed)
        for signal in self._placeholder_signals():
            signal.connect(self._update_output_placeholder)

    # ======================================================================
    # construction
    # ======================================================================
    def _build(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.message_bar = InlineMessage(body)
        layout.addWidget(self.message_bar)
        self.toolbox = QToolBox(body)
        self.toolbox.setObjectName("VilleNumeriqueToolBox")
        self.toolbox.addItem(self._build_territory(), QIcon(about.icon_path()), tr("1. Territory"))
        self.toolbox.addItem(self._build_data(), tr("2. Data"))
        self.toolbox.addItem(self._build_analysis(), tr("3. Analysis"))
        self.toolbox.addItem(self._build_results(), tr("4. Results"))
        self.toolbox.addItem(self._build_presets(), tr("5. Presets"))
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
        self.perimeter_combo.layerChanged.connect(self._perimeter_changed)
        self._perimeter_changed(self.perimeter_combo.currentLayer())

    @staticmethod
    def _hint(text):
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(dark);")
        return label

    # -- 1. territory ----------------------------------------------------------
    def _build_territory(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._hint(tr("Find the commune and the station of the project, then make the "
                                       "perimeter: a walking distance or an IGN walking isochrone around "
                                       "the station, the commune, a polygon you draw or the selected "
                                       "feature of any layer.")))
        form = QFormLayout()
        row = QHBoxLayout()
        self.commune_combo = QComboBox(page)
        compact(self.commune_combo)
        self.commune_combo.setObjectName("VilleNumeriqueCommune")
        self.commune_combo.setEditable(True)
        self.commune_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.commune_combo.lineEdit().setPlaceholderText(tr("Name or INSEE code"))
        self.commune_combo.lineEdit().returnPressed.connect(self._commune_typed)
        completer = QCompleter(self.commune_combo.model(), self.commune_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.commune_combo.setCompleter(completer)
        self.commune_combo.activated.connect(self._commune_chosen)
        self.commune_search_button = QPushButton(tr("Search online"), page)
        self.commune_search_button.setObjectName("VilleNumeriqueCommuneSearch")
        self.commune_search_button.setToolTip(tr("Find a commune of France that is not in the list with the "
                                                 "IGN Géoplateforme geocoder (internet needed)."))
        self.commune_search_button.clicked.connect(self.search_commune_online)
        row.addWidget(self.commune_combo, 1)
        row.addWidget(self.commune_search_button)
        form.addRow(tr("Commune"), row)
        row = QHBoxLayout()
        self.station_combo = QComboBox(page)
        compact(self.station_combo)
        self.station_combo.setObjectName("VilleNumeriqueStation")
        self.station_search_button = QPushButton(tr("BD TOPO stations"), page)
        self.station_search_button.setObjectName("VilleNumeriqueStationSearch")
        self.station_search_button.setToolTip(tr("Add the passenger stations and stops of IGN's BD TOPO in "
                                                 "and around the commune to the list (internet needed)."))
        self.station_search_button.clicked.connect(self.search_stations_online)
        row.addWidget(self.station_combo, 1)
        row.addWidget(self.station_search_button)
        form.addRow(tr("Station"), row)
        walk = QHBoxLayout()
        self.walk_spin = QSpinBox(page)
        self.walk_spin.setObjectName("VilleNumeriqueWalkMinutes")
        self.walk_spin.setRange(1, 60)
        self.walk_spin.setValue(15)
        self.walk_spin.setSuffix(tr(" min"))
        self.walk_metres = QLabel(page)
        self.walk_spin.valueChanged.connect(self._update_walk_label)
        walk.addWidget(self.walk_spin)
        walk.addWidget(self.walk_metres, 1)
        form.addRow(tr("Walking time"), walk)
        self.perimeter_shape_combo = QComboBox(page)
        self.perimeter_shape_combo.setObjectName("VilleNumeriquePerimeterShape")
        self.perimeter_shape_combo.addItem(tr("Walking distance as the crow flies (offline)"), SHAPE_BUFFER)
        self.perimeter_shape_combo.addItem(tr("IGN walking isochrone on the street network (online)"),
                                           SHAPE_ISOCHRONE)
        form.addRow(tr("Shape"), self.perimeter_shape_combo)
        layout.addLayout(form)
        self._update_walk_label()

        self.station_perimeter_button = QPushButton(tr("Perimeter around the station"), page)
        self.station_perimeter_button.setObjectName("VilleNumeriqueStationPerimeter")
        self.station_perimeter_button.setToolTip(tr("A circle of the walking distance around the station "
                                                    "(native:buffer), or the area reachable on foot on the "
                                                    "IGN network (ville_numerique:isochrone)."))
        self.station_perimeter_button.clicked.connect(self.make_station_perimeter)
        layout.addWidget(self.station_perimeter_button)
        row = QHBoxLayout()
        self.commune_perimeter_button = QPushButton(tr("The commune"), page)
        self.commune_perimeter_button.setToolTip(tr("Use the boundary of the commune as perimeter."))
        self.commune_perimeter_button.clicked.connect(self.make_commune_perimeter)
        self.draw_button = QPushButton(tr("Draw…"), page)
        self.draw_button.setToolTip(tr("Draw the perimeter on the map: click the vertices, right-click to "
                                       "finish."))
        self.draw_button.clicked.connect(self.start_drawing)
        self.selection_button = QPushButton(tr("Selected feature"), page)
        self.selection_button.setToolTip(tr("Use the selected feature(s) of the active polygon layer."))
        self.selection_button.clicked.connect(self.use_selection)
        for button in (self.commune_perimeter_button, self.draw_button, self.selection_button):
            row.addWidget(button)
        layout.addLayout(row)
        form = QFormLayout()
        self.perimeter_combo = QgsMapLayerComboBox(page)
        compact(self.perimeter_combo)
        self.perimeter_combo.setObjectName("VilleNumeriquePerimeter")
        self.perimeter_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.perimeter_combo.setAllowEmptyLayer(True)
        self.perimeter_combo.setLayer(None)
        form.addRow(tr("Perimeter"), self.perimeter_combo)
        layout.addLayout(form)
        layout.addStretch(1)
        self.fill_territory_lists()
        return page

    def _update_walk_label(self):
        self.walk_metres.setText(tr("≈ {metres} m at 4 km/h").format(
            metres=format_number(minutes_to_metres(self.walk_spin.value()))))

    # -- 2. data ---------------------------------------------------------------
    def _build_data(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        self.sample_button = QPushButton(tr("Load the Saint-Omer sample"), page)
        self.sample_button.setObjectName("VilleNumeriqueLoadSample")
        self.sample_button.setToolTip(tr("Offline sample: Saint-Omer station district (services, INSEE grid, "
                                         "communes, station)."))
        self.sample_button.clicked.connect(self.load_sample)
        layout.addWidget(self.sample_button)

        box = QGroupBox(tr("Categories of services to fetch"), page)
        grid = QGridLayout(box)
        grid.addWidget(self._hint(tr("Only for the open-data buttons below: the analysis measures every "
                                     "category found in the services layer.")), len(CATEGORIES), 0)
        self.category_checks = {}
        for index, code in enumerate(CATEGORIES):
            check = QCheckBox(category_label(code), box)
            check.setIcon(category_icon(code))
            check.setChecked(True)
            check.setObjectName("VilleNumeriqueCategory_{}".format(code))
            self.category_checks[code] = check
            grid.addWidget(check, index, 0)
        layout.addWidget(box)

        box = QGroupBox(tr("Open data for the perimeter"), page)
        column = QVBoxLayout(box)
        self.fetch_all_button = QPushButton(tr("Fetch services, population and boundaries"), box)
        self.fetch_all_button.setObjectName("VilleNumeriqueFetchAll")
        self.fetch_all_button.clicked.connect(self.fetch_all)
        column.addWidget(self.fetch_all_button)
        row = QHBoxLayout()
        self.fetch_services_button = QPushButton(tr("Only the services"), box)
        self.fetch_services_button.clicked.connect(lambda: self.fetch(algorithms.FETCH_SERVICES))
        self.fetch_population_button = QPushButton(tr("Only the population"), box)
        self.fetch_population_button.clicked.connect(lambda: self.fetch(algorithms.FETCH_POPULATION))
        row.addWidget(self.fetch_services_button)
        row.addWidget(self.fetch_population_button)
        column.addLayout(row)
        layout.addWidget(box)

        box = QGroupBox(tr("Search data.gouv.fr"), page)
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.search_edit = QLineEdit(box)
        self.search_edit.setPlaceholderText(tr("e.g. médiation numérique, wifi public…"))
        self.search_button = QPushButton(tr("Search"), box)
        self.search_button.clicked.connect(self.search_datagouv)
        self.search_edit.returnPressed.connect(self.search_datagouv)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        column.addLayout(row)
        self.search_table = QTableWidget(0, 4, box)
        self.search_table.setHorizontalHeaderLabels([tr("Title"), tr("Organisation"), tr("Last update"),
                                                     tr("Formats")])
        self.search_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.search_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.search_table.verticalHeader().setVisible(False)
        self.search_table.setMinimumHeight(110)
        column.addWidget(self.search_table)
        self.add_dataset_button = QPushButton(tr("Add to the map"), box)
        self.add_dataset_button.clicked.connect(self.add_dataset)
        column.addWidget(self.add_dataset_button)
        layout.addWidget(box)
        layout.addStretch(1)
        return page

    # -- 3. analysis -----------------------------------------------------------
    def _build_analysis(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.population_combo = QgsMapLayerComboBox(page)
        compact(self.population_combo)
        self.population_combo.setObjectName("VilleNumeriquePopulation")
        self.population_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer
                                         | QgsMapLayerProxyModel.Filter.PointLayer)
        self.population_combo.setAllowEmptyLayer(True)
        self.population_combo.setLayer(None)
        self.population_field_combo = QgsFieldComboBox(page)
        compact(self.population_field_combo)
        self.population_field_combo.setObjectName("VilleNumeriquePopulationField")
        self.population_combo.layerChanged.connect(self._population_layer_changed)
        form.addRow(tr("Population"), self.population_combo)
        form.addRow(tr("Inhabitants field"), self.population_field_combo)
        self.services_combo = QgsMapLayerComboBox(page)
        compact(self.services_combo)
        self.services_combo.setObjectName("VilleNumeriqueServices")
        self.services_combo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        self.services_combo.setAllowEmptyLayer(True)
        self.services_combo.setLayer(None)
        self.category_field_combo = QgsFieldComboBox(page)
        compact(self.category_field_combo)
        self.category_field_combo.setObjectName("VilleNumeriqueCategoryField")
        self.category_field_combo.setFilters(QgsFieldProxyModel.Filter.String)
        self.services_combo.layerChanged.connect(self._services_layer_changed)
        form.addRow(tr("Digital services"), self.services_combo)
        form.addRow(tr("Category field"), self.category_field_combo)
        self.restrict_check = QCheckBox(page)
        self.restrict_check.setObjectName("VilleNumeriqueRestrict")
        form.addRow(self.restrict_check)
        layout.addLayout(form)

        box = QGroupBox(tr("Walking time to each kind of service"), page)
        grid = QGridLayout(box)
        self.threshold_spins = {}
        self.threshold_metres = {}
        for row, code in enumerate(CATEGORIES):
            label = QLabel(category_label(code), box)
            label.setWordWrap(True)
            icon = QLabel(box)
            icon.setPixmap(category_icon(code).pixmap(18, 18))
            spin = MinutesSpinBox(box)
            spin.setObjectName("VilleNumeriqueThreshold_{}".format(code))
            metres = QLabel(box)
            spin.valueChanged.connect(lambda value, code=code: self._update_threshold_label(code))
            self.threshold_spins[code] = spin
            self.threshold_metres[code] = metres
            grid.addWidget(icon, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(spin, row, 2)
            grid.addWidget(metres, row, 3)
        grid.setColumnStretch(1, 1)
        reset = QPushButton(tr("Default times"), box)
        reset.setToolTip(tr("Times set in Settings › Options › Ville numérique."))
        reset.clicked.connect(self.reset_thresholds)
        grid.addWidget(reset, len(CATEGORIES), 2, 1, 2)
        layout.addWidget(box)
        self.reset_thresholds()

        box = QGroupBox(tr("Fragility of the population"), page)
        grid = QGridLayout(box)
        self.fragility_field_combo = QgsFieldComboBox(box)
        compact(self.fragility_field_combo)
        self.fragility_field_combo.setObjectName("VilleNumeriqueFragilityField")
        self.fragility_field_combo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        self.fragility_field_combo.setAllowEmptyFieldName(True)
        self.fragility_field_combo.setToolTip(tr("A field already holding a fragility index from 0 to 10 (for "
                                                 "instance the IFN spread by ville_numerique:fragility_ifn). "
                                                 "Empty: the index is computed from the INSEE grid fields with "
                                                 "the weights below."))
        self.fragility_field_combo.fieldChanged.connect(self._fragility_field_changed)
        grid.addWidget(QLabel(tr("Fragility field (0–10)"), box), 0, 0, 1, 2)
        grid.addWidget(self.fragility_field_combo, 0, 2)
        self.fragility_spins = {}
        for row, name in enumerate(FRAGILITY_INDICATORS, start=1):
            spin = QDoubleSpinBox(box)
            spin.setObjectName("VilleNumeriqueFragilityWeight_{}".format(name))
            spin.setRange(0.0, 10.0)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setValue(FRAGILITY_DEFAULT_WEIGHTS[name])
            spin.setToolTip(tr("Weight of the indicator in the index; 0 leaves it out."))
            label = QLabel(indicator_label(name), box)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0, 1, 2)
            grid.addWidget(spin, row, 2)
            self.fragility_spins[name] = spin
        grid.setColumnStretch(1, 1)
        layout.addWidget(box)

        form = QFormLayout()
        self.method_combo = QComboBox(page)
        compact(self.method_combo)
        self.method_combo.setObjectName("VilleNumeriqueMethod")
        for code in METHODS:
            self.method_combo.addItem(method_label(code), code)
        self.decay_combo = QComboBox(page)
        compact(self.decay_combo)
        self.decay_combo.setObjectName("VilleNumeriqueDecay")
        for code in DECAYS:
            self.decay_combo.addItem(decay_label(code), code)
        form.addRow(tr("Method"), self.method_combo)
        form.addRow(tr("Distance decay"), self.decay_combo)
        self.output_widget = QgsFileWidget(page)
        self.output_widget.setObjectName("VilleNumeriqueOutput")
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        form.addRow(tr("Save to"), self.output_widget)
        self._update_output_placeholder()
        layout.addLayout(form)
        self.run_button = QPushButton(QIcon(about.icon_path()), tr("Run the analysis"), page)
        self.run_button.setObjectName("VilleNumeriqueRun")
        self.run_button.clicked.connect(self.run_analysis)
        layout.addWidget(self.run_button)
        layout.addStretch(1)
        return page

    def _placeholder_signals(self):
        """When the project's folder may have changed (``write(path)`` emits no fileNameChanged)."""
        return (self.project.homePathChanged, self.project.fileNameChanged, self.project.cleared,
                self.project.projectSaved, self.toolbox.currentChanged)

    def _update_output_placeholder(self, *_args):
        if self.project.absolutePath():
            text = tr("[A GeoPackage in the project's folder, {folder}/]").format(folder=RESULTS_FOLDER)
        else:
            text = tr("[Temporary layer: save the project first to keep the results]")
        self.output_widget.lineEdit().setPlaceholderText(text)

    def _fragility_field_changed(self, field):
        for spin in self.fragility_spins.values():  # the weights only make the computed index
            spin.setEnabled(not field)

    def fragility_weights(self):
        return {name: spin.value() for name, spin in self.fragility_spins.items()}

    def fragility_weights_text(self):
        return ";".join("{}={:g}".format(name, value) for name, value in self.fragility_weights().items())

    def _update_threshold_label(self, code):
        self.threshold_metres[code].setText(tr("{metres} m").format(
            metres=format_number(minutes_to_metres(self.threshold_spins[code].value()))))

    def reset_thresholds(self):
        for code, minutes in default_thresholds_minutes().items():
            self.threshold_spins[code].setValue(minutes)
            self._update_threshold_label(code)

    # -- 4. results ------------------------------------------------------------
    def _build_results(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_label = QLabel(tr("No analysis yet: run one from “3. Analysis”."), page)
        self.summary_label.setObjectName("VilleNumeriqueSummary")
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        layout.addWidget(self.summary_label)
        self.scenario_label = QLabel(page)
        self.scenario_label.setObjectName("VilleNumeriqueScenarioSummary")
        self.scenario_label.setWordWrap(True)
        self.scenario_label.setVisible(False)
        layout.addWidget(self.scenario_label)
        self.results_table = QTableWidget(0, 7, page)
        self.results_table.setObjectName("VilleNumeriqueResultsTable")
        self.results_table.setHorizontalHeaderLabels([
            tr("Category"), tr("Walk"), tr("Inhabitants"), tr("Covered"), tr("Median"), tr("Fragile"),
            tr("Access"),
        ])
        tips = (
            tr("Kind of digital service"),
            tr("Walking time within which a service counts as within reach"),
            tr("Inhabitants within that walking time of a service of this kind"),
            tr("Share of the population within that walking time"),
            tr("Half of the population lives closer than this (straight line)"),
            tr("Fragile inhabitants (elderly, poor, living alone) not within reach"),
            tr("Mean access of the population, in the unit of the method (services within reach, or "
               "services per 1,000 inhabitants)"),
        )
        for column, tip in enumerate(tips):
            self.results_table.horizontalHeaderItem(column).setToolTip(tip)
        self.results_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.verticalHeader().setVisible(False)
        header = self.results_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.results_table.setColumnHidden(5, True)
        self.results_table.setColumnHidden(6, True)
        self.results_table.setWordWrap(True)
        header.sectionResized.connect(lambda *_args: self._fit_table())
        self.results_table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.results_table)
        self.chart = CoverageChart(page)
        layout.addWidget(self.chart)
        row = QHBoxLayout()
        self.report_button = QPushButton(tr("Report"), page)
        self.report_button.clicked.connect(lambda: self.open_follow_up(algorithms.REPORT))
        self.scenario_button = QPushButton(tr("Scenario"), page)
        self.scenario_button.clicked.connect(lambda: self.open_follow_up(algorithms.SCENARIO))
        self.recommend_button = QPushButton(tr("Recommend sites"), page)
        self.recommend_button.clicked.connect(lambda: self.open_follow_up(algorithms.RECOMMEND_SITES))
        for button in (self.report_button, self.scenario_button, self.recommend_button):
            row.addWidget(button)
        layout.addLayout(row)
        form = QFormLayout()
        self.recommend_category_combo = QComboBox(page)
        compact(self.recommend_category_combo)
        self.recommend_category_combo.setObjectName("VilleNumeriqueRecommendCategory")
        self.recommend_category_combo.setToolTip(tr(
            "Category of the new services “Recommend sites” looks for. Proposed: the category whose "
            "uncovered inhabitants (weighted by their fragility) weigh most in the score."))
        form.addRow(tr("New sites for"), self.recommend_category_combo)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    # -- 5. presets ------------------------------------------------------------
    def _build_presets(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._hint(tr("An analysis (perimeter, data and parameters) can be saved to a file "
                                       "to share it, or in the QGIS project.")))
        grid = QGridLayout()
        buttons = (
            (tr("Save to a file…"), self.save_preset_dialog),
            (tr("Open a file…"), self.load_preset_dialog),
            (tr("Save in the project"), self.save_preset_to_project),
            (tr("Load from the project"), self.load_preset_from_project),
        )
        for index, (text, slot) in enumerate(buttons):
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 2, index % 2)
        layout.addLayout(grid)
        layout.addWidget(QLabel(tr("Recent analyses"), page))
        self.recent_list = QListWidget(page)
        self.recent_list.setObjectName("VilleNumeriqueRecent")
        self.recent_list.itemDoubleClicked.connect(lambda _item: self.restore_recent())
        layout.addWidget(self.recent_list)
        restore = QPushButton(tr("Restore the selected analysis"), page)
        restore.clicked.connect(self.restore_recent)
        layout.addWidget(restore)
        layout.addStretch(1)
        self.refresh_recent()
        return page

    # ======================================================================
    # messages and state
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
        """Enable each algorithm-wired control only if its algorithm is registered."""
        wired = (
            (self.fetch_services_button, algorithms.FETCH_SERVICES),
            (self.fetch_population_button, algorithms.FETCH_POPULATION),
            (self.fetch_all_button, algorithms.FETCH_IGN),
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
        self.recommend_category_combo.setEnabled(results)
        self.search_edit.setEnabled(algorithms.exists(algorithms.DATAGOUV_SEARCH))
        coverage = algorithms.algorithm(algorithms.COVERAGE)
        for combo, name in ((self.method_combo, "METHOD"), (self.decay_combo, "DECAY")):
            supported = algorithms.has_parameter(coverage, name)
            combo.setEnabled(supported)
            combo.setToolTip("" if supported else tr("The installed coverage algorithm measures the walking "
                                                     "distance to the nearest service only."))

    def is_running(self):
        return self.run is not None and self.run.is_running()

    def has_results(self):
        """An analysis result is shown and its coverage layer is still in the project."""
        return (self.summary is not None and self.output_layer_id is not None
                and self.project.mapLayer(self.output_layer_id) is not None)

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
        if message == tr("Canceled."):
            self.message(canceled_text, Qgis.MessageLevel.Info)
        else:
            self.message(message or tr("The operation failed."), Qgis.MessageLevel.Critical)

    # ======================================================================
    # 1. territory
    # ======================================================================
    def _sample_layer(self, name):
        layer = QgsVectorLayer("{}|layername={}".format(sample_path(), name), name, "ogr")
        return layer if layer.isValid() else None

    def fill_territory_lists(self):
        """Communes and stations of the offline sample (SNCF stations)."""
        self._communes = []
        layer = self._sample_layer("communes")
        if layer is not None:
            for feature in layer.getFeatures():
                self._communes.append(Place(str(feature["nom"]), str(feature["code"]), "",
                                            QgsGeometry(feature.geometry()), layer.crs(), SOURCE_SAMPLE))
            self._communes.sort(key=lambda place: place.name)
        self._fill_communes()
        self._stations = []
        layer = self._sample_layer("gare")
        if layer is not None:
            for feature in layer.getFeatures():
                self._stations.append(Place(str(feature["libelle"]), str(feature["code_uic"]),
                                            str(feature["commune"]).title(), QgsGeometry(feature.geometry()),
                                            layer.crs(), SOURCE_SNCF))
        self._select_commune("62765")  # Saint-Omer, the sample's station commune

    def _fill_communes(self):
        self.commune_combo.clear()
        for place in self._communes:
            if place.source == SOURCE_SAMPLE:
                text = tr("{name} ({code})").format(name=place.name, code=place.code)
            else:
                text = tr("{name} ({code}) — IGN").format(name=place.name, code=place.code)
            self.commune_combo.addItem(text, place.code)

    def _select_commune(self, code):
        index = self.commune_combo.findData(code)
        if index >= 0:
            self.commune_combo.setCurrentIndex(index)
        self._fill_stations()
        return index >= 0

    def _commune_place(self):
        """The chosen commune (a :class:`Place`), also when its name or code is typed."""
        code = self.commune_combo.currentData()
        text = self.commune_combo.currentText().strip().lower()
        for place in self._communes:
            if text in (place.name.lower(), place.code.lower()):
                return place
        for place in self._communes:
            if place.code == code and text == self.commune_combo.itemText(
                    self.commune_combo.currentIndex()).strip().lower():
                return place
        return None

    def _station_place(self):
        code = self.station_combo.currentData()
        for place in self._stations:
            if place.code == code:
                return place
        return None

    def _fill_stations(self):
        commune = self._commune_place()
        stations = list(self._stations)
        if commune is not None:
            centre = commune.point(WGS84, self.project)

            def distance(station):
                point = station.point(WGS84, self.project)
                return centre.distance(point) if centre is not None and point is not None else float("inf")
            stations.sort(key=distance)
        current = self.station_combo.currentData()
        self.station_combo.clear()
        for place in stations:
            if place.source == SOURCE_SNCF:
                text = tr("{name} — {commune} (UIC {code})").format(name=place.name, commune=place.town,
                                                                     code=place.code)
            else:
                text = tr("{name} — {commune} (BD TOPO)").format(name=place.name, commune=place.town)
            self.station_combo.addItem(text, place.code)
        index = self.station_combo.findData(current)
        if index >= 0:
            self.station_combo.setCurrentIndex(index)

    def _commune_chosen(self, _index=None):
        self._fill_stations()
        place = self._commune_place()
        if place is not None:
            self.zoom_to(place.geometry.boundingBox(), place.crs)

    def _commune_typed(self):
        """Enter in the commune box: the commune of the list, else a search online."""
        if self._commune_place() is not None:
            self._commune_chosen()
        elif self.commune_combo.currentText().strip():
            self.search_commune_online()

    def search_commune_online(self):
        """Look for the typed commune with ``ville_numerique:geocode``; the answers join the list."""
        text = self.commune_combo.currentText().strip()
        place = self._commune_place()
        if place is not None and place.source == SOURCE_SAMPLE:
            text = place.name
        if not text:
            self.message(tr("Type the name or the INSEE code of a commune first."), Qgis.MessageLevel.Warning)
            return False
        if COMMUNE_CODE.match(text.upper()):  # an INSEE code: the commune itself from ADMIN EXPRESS
            alg_id = algorithms.FETCH_IGN
            parameters = {"LAYER": IGN_LAYER_KEYS.index("communes"), "COMMUNES": text.upper()}
        else:  # a name: the geocoder's communes, best first
            alg_id = algorithms.GEOCODE
            parameters = {"QUERY": text, "KIND": GEOCODE_COMMUNES, "LIMIT": 5}
        return self._run_unloaded(alg_id, parameters, self._communes_found, tr("Looking for the commune…"))

    def _run_unloaded(self, alg_id, parameters, on_done, status):
        """Run ``alg_id`` with its outputs written to temporary files the panel reads (not added to the map)."""
        parameters = algorithms.complete_outputs(alg_id, parameters, self.project, load=False)
        run = AlgorithmRun(alg_id, parameters, project=self.project, load=False, parent=self)
        return self._start(run, on_done, status)

    @staticmethod
    def _output_rows(results):
        """``(attributes, geometry, crs)`` of each feature of the OUTPUT file; nulls left out."""
        layer = QgsVectorLayer(str(results.get("OUTPUT", "")), "output", "ogr")
        if not layer.isValid():
            return []
        names = layer.fields().names()
        return [({n: str(v) for n, v in zip(names, feature.attributes()) if v is not None and v != NULL},
                 QgsGeometry(feature.geometry()), layer.crs())
                for feature in layer.getFeatures()]

    def _communes_found(self, ok, results, _layers, message):
        if not ok:
            self._failed(message, tr("Search canceled."))
            return
        found = []
        for values, geometry, crs in self._output_rows(results):
            # geocoder answers (citycode, name, context) or ADMIN EXPRESS communes (code_insee, nom)
            code = values.get("citycode") or values.get("code_insee") or ""
            if not code or code in [place.code for place in found]:
                continue
            known = [place for place in self._communes if place.code == code]
            found.append(known[0] if known else Place(
                values.get("name") or values.get("nom") or values.get("label", code), code,
                values.get("context", ""), geometry, crs, SOURCE_IGN))
        if not found:
            self.message(tr("No commune of that name was found."), Qgis.MessageLevel.Warning)
            return
        self._communes += [place for place in found if place not in self._communes]
        self._fill_communes()
        self._select_commune(found[0].code)
        self._commune_chosen()
        names = ", ".join(tr("{name} ({code})").format(name=p.name, code=p.code) for p in found)
        self.message(tr("Found: {communes}.").format(communes=names), Qgis.MessageLevel.Success)

    def search_stations_online(self):
        """Passenger stations of BD TOPO around the commune (``ville_numerique:fetch_ign``)."""
        place = self._commune_place()
        if place is None:
            self.message(tr("Choose a commune first."), Qgis.MessageLevel.Warning)
            return False
        parameters = {"LAYER": IGN_LAYER_KEYS.index("stations"), "COMMUNES": place.code,
                      "BUFFER": STATION_SEARCH_BUFFER_M}
        return self._run_unloaded(algorithms.FETCH_IGN, parameters, self._stations_found,
                                  tr("Looking for stations…"))

    def _stations_found(self, ok, results, _layers, message):
        if not ok:
            self._failed(message, tr("Search canceled."))
            return
        found = []
        for number, (values, geometry, crs) in enumerate(self._output_rows(results)):
            name = values.get("toponyme") or values.get("nature") or tr("Station")
            code = values.get("cleabs") or "bdtopo:{}".format(number)
            found.append(Place(name, code, values.get("commune", ""), geometry, crs, SOURCE_BDTOPO))
        self._stations = [s for s in self._stations if s.source != SOURCE_BDTOPO] + found
        self._fill_stations()
        if found:
            nearest = [self.station_combo.itemData(i) for i in range(self.station_combo.count())
                       if self.station_combo.itemData(i) in [s.code for s in found]]
            self.station_combo.setCurrentIndex(self.station_combo.findData(nearest[0]))
        self.message(tr("{n} BD TOPO station(s) added to the list.").format(n=len(found)),
                     Qgis.MessageLevel.Success if found else Qgis.MessageLevel.Warning)

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

    def perimeter_layer(self):
        return self.perimeter_combo.currentLayer()

    def _layers_removed(self, *_args):
        self.refresh_algorithms()
        if self._perimeter_id is not None and self.project.mapLayer(self._perimeter_id) is None:
            # the combo would move on to another polygon layer (the communes…) without a signal
            self.perimeter_combo.setLayer(None)
            self._perimeter_changed(None)

    def _perimeter_changed(self, layer):
        """A perimeter applies to the analysis by default; without one the page says so."""
        self._perimeter_id = layer.id() if layer is not None else None
        self.restrict_check.setEnabled(layer is not None)
        self.restrict_check.setChecked(layer is not None)
        if layer is None:
            self.restrict_check.setText(tr("No perimeter (1. Territory): the whole population layer is "
                                           "analysed."))
        else:
            self.restrict_check.setText(tr("Only the population inside the perimeter “{name}”").format(
                name=layer.name()))

    def _set_perimeter(self, layer):
        self.perimeter_combo.setLayer(layer)
        if layer is not None:
            self.zoom_to(layer.extent(), layer.crs())
            self.message(tr("Perimeter ready: {name}.").format(name=layer.name()), Qgis.MessageLevel.Success)

    def _place_on_top(self, layer):
        self.project.layerTreeRoot().insertLayer(0, layer)

    def make_station_perimeter(self):
        """A walking-distance buffer (offline) or an IGN walking isochrone around the station."""
        station = self._station_place()
        if station is None:
            self.message(tr("Choose a station first."), Qgis.MessageLevel.Warning)
            return False
        minutes = self.walk_spin.value()
        try:
            point_file = station.write_point(QgsProcessingUtils.generateTempFilename("station.gpkg"),
                                             self.project)
        except InputError as error:
            self.message(str(error), Qgis.MessageLevel.Critical)
            return False
        if self.perimeter_shape_combo.currentData() == SHAPE_ISOCHRONE:
            name = tr("{minutes} min walk (IGN isochrone) around {station}").format(
                minutes=minutes, station=station.name)
            alg_id = algorithms.ISOCHRONE
            parameters = {"INPUT": point_file, "ID_FIELD": "code", "MINUTES": str(minutes)}
        else:
            name = tr("{minutes} min walk around {station}").format(minutes=minutes,
                                                                               station=station.name)
            alg_id = "native:buffer"
            parameters = {"INPUT": point_file, "DISTANCE": minutes_to_metres(minutes), "SEGMENTS": 24,
                          "DISSOLVE": True}
        parameters["OUTPUT"] = output_definition("TEMPORARY_OUTPUT", name, self.project)
        run = AlgorithmRun(alg_id, parameters, styles={"OUTPUT": ("perimeter", name)},
                           place=self._place_on_top, project=self.project, parent=self)
        return self._start(run, self._perimeter_done(name), tr("Making the perimeter…"))

    def make_commune_perimeter(self):
        place = self._commune_place()
        if place is None:
            self.message(tr("Choose a commune first."), Qgis.MessageLevel.Warning)
            return False
        name = tr("Commune of {name}").format(name=place.name)
        if place.source == SOURCE_SAMPLE:
            alg_id = "native:extractbyattribute"
            parameters = {"INPUT": "{}|layername=communes".format(sample_path()), "FIELD": "code",
                          "OPERATOR": 0, "VALUE": place.code}
        else:  # a commune found online: its boundary from the IGN (ADMIN EXPRESS)
            alg_id = algorithms.FETCH_IGN
            parameters = {"LAYER": IGN_LAYER_KEYS.index("communes"), "COMMUNES": place.code}
        parameters["OUTPUT"] = output_definition("TEMPORARY_OUTPUT", name, self.project)
        run = AlgorithmRun(alg_id, parameters, styles={"OUTPUT": ("perimeter", name)},
                           place=self._place_on_top, project=self.project, parent=self)
        return self._start(run, self._perimeter_done(name), tr("Making the perimeter…"))

    def use_selection(self):
        layer = self.iface.activeLayer() if self.iface is not None else None
        polygons = QgsWkbTypes.GeometryType.PolygonGeometry
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != polygons:
            self.message(tr("Make a polygon layer active and select the feature(s) of the perimeter."),
                         Qgis.MessageLevel.Warning)
            return False
        if layer.selectedFeatureCount() == 0:
            self.message(tr("No feature is selected in {layer}.").format(layer=layer.name()),
                         Qgis.MessageLevel.Warning)
            return False
        name = tr("Selection of {layer}").format(layer=layer.name())
        parameters = {"INPUT": layer.id(),
                      "OUTPUT": output_definition("TEMPORARY_OUTPUT", name, self.project)}
        run = AlgorithmRun("native:saveselectedfeatures", parameters, styles={"OUTPUT": ("perimeter", name)},
                           place=self._place_on_top, project=self.project, parent=self)
        return self._start(run, self._perimeter_done(name), tr("Making the perimeter…"))

    def _perimeter_done(self, name):
        """What to do when a perimeter algorithm ends: the (styled, named) layer becomes the perimeter."""
        def done(ok, _results, layers, message):
            if not ok:
                self._failed(message, tr("Canceled: no perimeter was made."))
                return
            if layers:
                load_style(layers[0], "perimeter")  # also over an algorithm's own style
                layers[0].setName(name)
                self._set_perimeter(layers[0])
        return done

    def start_drawing(self):
        if self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        if self.map_tool is None:
            self.map_tool = PolygonMapTool(canvas)
            self.map_tool.polygonDrawn.connect(self.add_drawn_perimeter)
            self.map_tool.canceled.connect(self._stop_drawing)
        self._previous_tool = canvas.mapTool()
        canvas.setMapTool(self.map_tool)
        self.message(tr("Click the vertices of the perimeter on the map; right-click to finish, Esc to "
                        "cancel."))

    def _stop_drawing(self):
        if self.iface is not None and self.map_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.map_tool:
                canvas.unsetMapTool(self.map_tool)
                if self._previous_tool is not None:
                    canvas.setMapTool(self._previous_tool)

    def add_drawn_perimeter(self, geometry, crs=None):
        """A memory layer holding the drawn polygon, styled and added to the project."""
        self._stop_drawing()
        if crs is None:
            crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        layer = QgsVectorLayer("Polygon?crs={}".format(crs.authid() or "EPSG:2154"), tr("Drawn perimeter"),
                               "memory")
        if not crs.authid():
            layer.setCrs(crs)
        feature = QgsFeature()
        feature.setGeometry(geometry)
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
        load_style(layer, "perimeter")
        self.project.addMapLayer(layer, False)
        self._place_on_top(layer)
        self._set_perimeter(layer)
        return layer

    # ======================================================================
    # 2. data
    # ======================================================================
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
        return [code for code, check in self.category_checks.items() if check.isChecked()]

    def _context_values(self):
        """What the panel knows, for pre-filling other algorithms (see algorithms.ROLE_NAMES)."""
        population = self.population_combo.currentLayer()
        services = self.services_combo.currentLayer()
        perimeter = self.perimeter_layer()
        return {
            "perimeter": perimeter.id() if perimeter else None,
            "population": population.id() if population else None,
            "population_field": self.population_field_combo.currentField() or None,
            "services": services.id() if services else None,
            "category_field": self.category_field_combo.currentField() or None,
            "categories": self.checked_categories(),
            "thresholds": self.thresholds_text(),
            "fragility_field": self.fragility_field_combo.currentField() or None,
            "fragility_weights": self.fragility_weights_text(),
            "coverage": self.output_layer_id,
            "summary": self.summary_path,
        }

    def _run_or_dialog(self, alg_id, values, on_done, status, styles=None, load=True):
        parameters = algorithms.prefill(alg_id, values)
        if algorithms.missing_mandatory(alg_id, parameters):
            algorithms.open_dialog(alg_id, parameters)
            return False
        parameters = algorithms.complete_outputs(alg_id, parameters, self.project, load=load)
        run = AlgorithmRun(alg_id, parameters, styles=styles, project=self.project, load=load, parent=self)
        return self._start(run, on_done, status)

    def _fetch_values(self, alg_id):
        """What the fetch algorithms get from the panel (the perimeter, else the commune), or None."""
        if not self.checked_categories() and alg_id == algorithms.FETCH_SERVICES:
            self.message(tr("Tick at least one category of services."), Qgis.MessageLevel.Warning)
            return None
        values = self._context_values()
        if self.perimeter_layer() is None:
            commune = self._commune_place()
            if commune is None:
                self.message(tr("Make or choose a perimeter, or a commune, first (1. Territory)."),
                             Qgis.MessageLevel.Warning)
                return None
            values["communes"] = commune.code  # the algorithms can fetch by INSEE code
        return values

    def _use_fetched(self, role, layers):
        """Point the analysis at the layers just fetched (services or population)."""
        for layer in layers:
            if not isinstance(layer, QgsVectorLayer):
                continue
            if role == "services":
                self.services_combo.setLayer(layer)
                self.category_field_combo.setField("categories")
            elif role == "population":
                self.population_combo.setLayer(layer)

    def fetch(self, alg_id):
        values = self._fetch_values(alg_id)
        if values is None:
            return False
        role = "services" if alg_id == algorithms.FETCH_SERVICES else "population"
        styles = {"OUTPUT": (role, None)}

        def done(ok, _results, layers, message):
            if not ok:
                self._failed(message, tr("Canceled: nothing was added."))
                return
            self._use_fetched(role, layers)
            self.message(tr("{n} layer(s) added.").format(n=len(layers)), Qgis.MessageLevel.Success)

        return self._run_or_dialog(alg_id, values, done, tr("Fetching the data…"), styles)

    def fetch_all(self):
        """Services, population grid and commune boundaries of the perimeter, one after the other.

        Each step is a Processing algorithm run in the task manager; a failed or
        canceled step stops the chain and keeps the layers already added.
        """
        values = self._fetch_values(algorithms.FETCH_SERVICES)
        if values is None:
            return False
        steps = [
            (algorithms.FETCH_SERVICES, {}, "services", tr("digital services")),
            (algorithms.FETCH_POPULATION, {}, "population", tr("INSEE population grid")),
            (algorithms.FETCH_IGN, {"LAYER": IGN_LAYER_KEYS.index("communes")}, "communes",
             tr("commune boundaries")),
        ]
        total, added = len(steps), []

        def next_step():
            if not steps:
                self.message(tr("{n} layer(s) added: services, population and communes of the perimeter.").format(
                    n=len(added)), Qgis.MessageLevel.Success)
                return True
            alg_id, extra, role, what = steps.pop(0)
            parameters = algorithms.prefill(alg_id, values)
            parameters.update(extra)
            parameters = algorithms.complete_outputs(alg_id, parameters, self.project)
            run = AlgorithmRun(alg_id, parameters, styles={"OUTPUT": (role, None)}, project=self.project,
                               parent=self)
            status = tr("Fetching the data ({step}/{total}): {what}…").format(step=total - len(steps),
                                                                              total=total, what=what)
            return self._start(run, lambda *args: done(role, *args), status)

        def done(role, ok, _results, layers, message):
            if not ok:
                kept = tr("Canceled: the {n} layer(s) already added are kept.").format(n=len(added)) if added \
                    else tr("Canceled: nothing was added.")
                self._failed(message, kept)
                return
            added.extend(layers)
            self._use_fetched(role, layers)
            next_step()

        return next_step()

    def search_datagouv(self):
        query = self.search_edit.text().strip()
        if not query:
            self.message(tr("Type what to search for on data.gouv.fr."), Qgis.MessageLevel.Warning)
            return False
        return self._run_or_dialog(algorithms.DATAGOUV_SEARCH, {"query": query}, self._search_done,
                                   tr("Searching data.gouv.fr…"), load=False)

    def _search_done(self, ok, results, _layers, message):
        if not ok:
            self._failed(message, tr("Search canceled."))
            return
        self.show_search_results(search_rows(results))

    def show_search_results(self, rows):
        self._search_rows = rows
        self.search_table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, key in enumerate(("title", "organization", "last_update", "formats")):
                self.search_table.setItem(index, column, QTableWidgetItem(str(row.get(key) or "")))
        self.search_table.resizeColumnsToContents()
        if not rows:
            self.message(tr("No dataset found."), Qgis.MessageLevel.Info)

    def add_dataset(self):
        index = self.search_table.currentRow()
        if index < 0 or index >= len(self._search_rows):
            self.message(tr("Select a dataset in the results first."), Qgis.MessageLevel.Warning)
            return False
        row = self._search_rows[index]
        if not row.get("resource"):
            self.message(tr("This dataset has no file that can be added to the map."),
                         Qgis.MessageLevel.Warning)
            return False
        values = {"resource": row["resource"], "dataset": row.get("id")}

        def done(ok, _results, layers, message):
            if not ok:
                self._failed(message, tr("Canceled: nothing was added."))
            else:
                self.message(tr("{n} layer(s) added.").format(n=len(layers)), Qgis.MessageLevel.Success)

        return self._run_or_dialog(algorithms.DATAGOUV_LOAD, values, done, tr("Loading the dataset…"))

    # ======================================================================
    # 3. analysis
    # ======================================================================
    def _population_layer_changed(self, layer):
        self.population_field_combo.setLayer(layer)
        self.fragility_field_combo.setLayer(layer)
        self.fragility_field_combo.setField("")
        if layer is not None:
            for name in ("ind", "population", "pop", "p_pop"):
                if layer.fields().lookupField(name) >= 0:
                    self.population_field_combo.setField(name)
                    break

    def _services_layer_changed(self, layer):
        self.category_field_combo.setLayer(layer)
        if layer is not None and layer.fields().lookupField("categories") >= 0:
            self.category_field_combo.setField("categories")

    def thresholds_minutes(self):
        return {code: spin.value() for code, spin in self.threshold_spins.items()}

    def thresholds_text(self):
        return ";".join("{}={:g}".format(code, minutes_to_metres(minutes))
                        for code, minutes in self.thresholds_minutes().items())

    def validate(self):
        """The coverage parameters, or None after showing what is wrong."""
        population = self.population_combo.currentLayer()
        services = self.services_combo.currentLayer()
        field = self.population_field_combo.currentField()
        category_field = self.category_field_combo.currentField()
        problem = None
        if population is None:
            problem = tr("Choose the population layer (for instance the INSEE 200 m grid) in “3. Analysis”.")
        elif not field or population.fields().lookupField(field) < 0:
            problem = tr("Choose the field of {layer} that holds the number of inhabitants.").format(
                layer=population.name())
        elif not is_numeric_field(population.fields().field(field)):
            problem = tr("The field {field} of {layer} is not numeric: choose the field that holds the "
                         "number of inhabitants.").format(field=field, layer=population.name())
        elif services is None:
            problem = tr("Choose the layer of digital services in “3. Analysis”.")
        elif not category_field or services.fields().lookupField(category_field) < 0:
            problem = tr("Choose the field of {layer} that holds the service categories.").format(
                layer=services.name())
        elif self.restrict_check.isChecked() and self.perimeter_layer() is None:
            problem = tr("Make or choose a perimeter first, or untick “Only the population inside the "
                         "perimeter”.")
        elif population.featureCount() == 0:
            problem = tr("The layer {layer} has no feature.").format(layer=population.name())
        if problem:
            self.message(problem, Qgis.MessageLevel.Warning)
            return None
        output = self.output_widget.filePath().strip() or results_file(self.project)
        if output and not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        if output:
            summary = str(Path(output).with_suffix(".json"))
        else:
            summary = QgsProcessingUtils.generateTempFilename("summary.json")
        parameters = {  # sources or names, not ids: the summary and the report show them
            "POPULATION": follow_ups.layer_parameter(population, self.project),
            "POPULATION_FIELD": field,
            "SERVICES": follow_ups.layer_parameter(services, self.project),
            "CATEGORY_FIELD": category_field,
            "THRESHOLDS": self.thresholds_text(),
            "FRAGILITY_WEIGHTS": self.fragility_weights_text(),
            "OUTPUT": output_definition(output or "TEMPORARY_OUTPUT", tr("Digital services coverage"),
                                        self.project),
            "SUMMARY": summary,
        }
        if self.fragility_field_combo.currentField():
            parameters["FRAGILITY_FIELD"] = self.fragility_field_combo.currentField()
        elif not any(self.fragility_weights().values()):
            self.message(tr("Give at least one fragility indicator a weight above 0, or choose a fragility "
                            "field."), Qgis.MessageLevel.Warning)
            return None
        coverage = algorithms.algorithm(algorithms.COVERAGE)
        choices = (("METHOD", self.method_combo, METHODS), ("DECAY", self.decay_combo, DECAYS))
        for name, combo, codes in choices:
            definition = coverage.parameterDefinition(name) if coverage else None
            if definition is not None:
                value = algorithms.enum_value(definition, combo.currentData(), codes)
                if value is not None:
                    parameters[name] = value
        return parameters

    def run_analysis(self):
        """Validate, then run ``ville_numerique:coverage`` in the task manager."""
        if self.is_running():
            self.message(tr("An operation is already running: wait for it or cancel it."),
                         Qgis.MessageLevel.Warning)
            return False
        parameters = self.validate()
        if parameters is None:
            return False
        self._analysis_preset = self.collect_preset()
        if self.restrict_check.isChecked():
            clipped = QgsProcessingUtils.generateTempFilename("population_in_perimeter.gpkg")
            extract = AlgorithmRun("native:extractbylocation", {
                "INPUT": parameters["POPULATION"], "PREDICATE": [0],
                "INTERSECT": self.perimeter_layer().id(), "OUTPUT": clipped,
            }, load=False, project=self.project, parent=self)

            def then(ok, results, layers, message):
                if not ok:
                    self._analysis_done(ok, results, layers, message)
                    return
                parameters["POPULATION"] = results["OUTPUT"]
                self._start_coverage(parameters)

            return self._start(extract, then, tr("Selecting the population inside the perimeter…"))
        return self._start_coverage(parameters)

    def _start_coverage(self, parameters):
        self._coverage_population = parameters["POPULATION"]
        name = tr("Digital services coverage")
        run = AlgorithmRun(algorithms.COVERAGE, parameters, styles={"OUTPUT": ("coverage", name)},
                           place=self._place_result, project=self.project, parent=self)
        return self._start(run, self._analysis_done, tr("Computing the coverage…"))

    def _place_result(self, layer):
        """Above the population layer (the coverage draws the same cells), else on top."""
        root = self.project.layerTreeRoot()
        population = self.population_combo.currentLayer()
        node = root.findLayer(population.id()) if population is not None else None
        if node is not None and node.parent() is not None:
            parent = node.parent()
            parent.insertLayer(parent.children().index(node), layer)
        else:
            root.insertLayer(0, layer)

    def _analysis_done(self, ok, results, layers, message):
        if not ok:
            self._failed(message, tr("Analysis canceled: nothing was added to the project."))
            self.analysisFinished.emit(False)
            return
        output = str(results.get("OUTPUT", ""))
        layer = next((lyr for lyr in layers if lyr.id() == output), layers[0] if layers else None)
        self.show_scenario(None, None)  # a scenario of the previous analysis does not apply to this one
        self.analysis_population = self._coverage_population
        self.output_layer_id = layer.id() if layer is not None else None
        self.summary_path = results.get("SUMMARY")
        summary = None
        if self.summary_path:
            try:
                with open(self.summary_path, encoding="utf-8") as stream:
                    summary = json.load(stream)
            except (OSError, ValueError) as error:
                self.message(tr("The summary could not be read: {error}").format(error=error),
                             Qgis.MessageLevel.Warning)
        if summary is not None:
            self.show_results(summary, layer)
            self.toolbox.setCurrentIndex(PAGE_RESULTS)
            preset = self._analysis_preset or self.collect_preset()
            presets.add_recent(self.recent_title(summary), preset)
            self.refresh_recent()
            stored = dict(preset)
            stored["results"] = {"summary": summary, "layer": presets.layer_reference(layer)}
            presets.write_project(stored, self.project)
            text = tr("Coverage computed: mean score {score} / 100.").format(
                score=format_number(summary.get("score_mean"), 1))
            if layer is not None and is_temporary(layer.source()):
                text += " " + tr("It is a temporary layer, lost when QGIS closes: save the project to have the "
                                 "next results written in its folder.")
            self.message(text, Qgis.MessageLevel.Success)
        self.analysisFinished.emit(True)

    # ======================================================================
    # 4. results
    # ======================================================================
    def clear_results(self):
        self.summary = None
        self.summary_path = None
        self.output_layer_id = None
        self.results_table.setRowCount(0)
        self.summary_label.setText(tr("No analysis yet: run one from “3. Analysis”."))
        self.chart.clear()
        self.recommend_category_combo.clear()
        self.analysis_population = None
        self.show_scenario(None, None)
        self.refresh_algorithms()

    def show_scenario(self, scenario, path):
        """The before/after of a scenario run from the panel, under the summary (and into the report)."""
        self.scenario = scenario
        self.scenario_summary_path = path if scenario is not None else None
        text = follow_ups.scenario_text(scenario) if scenario is not None else ""
        self.scenario_label.setText(text)
        self.scenario_label.setVisible(bool(text))

    def _fill_recommend_categories(self, summary):
        combo = self.recommend_category_combo
        combo.clear()
        for code in summary.get("categories", {}):
            combo.addItem(category_icon(code), categories.label(code), code)
        index = combo.findData(follow_ups.recommended_category(summary))
        if index >= 0:
            combo.setCurrentIndex(index)

    def show_results(self, summary, layer=None):
        """Fill the indicator table and the chart from a coverage summary (and its layer)."""
        self.summary = summary
        text = tr("Population: {population} inhabitants · mean score: {score} / 100").format(
            population=format_number(summary.get("population_total"), 1),
            score=format_number(summary.get("score_mean"), 1))
        if summary.get("fragile_population_total") is not None:
            text += "\n" + tr("Fragile inhabitants: {fragile} (mean fragility {index} / 10)").format(
                fragile=format_number(summary["fragile_population_total"]),
                index=format_number(summary.get("fragility_mean"), 1))
        self.summary_label.setText(text)
        show_access = summary.get("method", "nearest") != "nearest"
        categories = summary.get("categories", {})
        self.results_table.setRowCount(len(categories))
        has_fragile = False
        for row, (code, values) in enumerate(categories.items()):
            threshold = values.get("threshold_m")
            share = values.get("share_covered")
            median = values.get("median_distance_m")
            key = fragile_key(values)
            has_fragile = has_fragile or key is not None
            cells = (
                (short_label(code), code),
                (tr("{minutes} min").format(minutes=format_minutes(metres_to_minutes(threshold)))
                 if threshold is not None else "—", threshold),
                (format_number(values.get("population_covered")), values.get("population_covered")),
                (tr("{value}%").format(value=format_number(100.0 * share, 1)) if share is not None else "—",
                 share),
                (tr("{metres} m").format(metres=format_number(median)) if median is not None else "—",
                 median),
                (format_number(values.get(key)) if key else "—", values.get(key) if key else None),
                (format_number(values.get("access_mean"), 2) if values.get("access_mean") is not None else "—",
                 values.get("access_mean")),
            )
            for column, (text, value) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, value)
                if column == 0 and code in CATEGORIES:
                    item.setIcon(category_icon(code))
                    item.setToolTip(category_label(code))
                if column > 0:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                self.results_table.setItem(row, column, item)
        self.results_table.setColumnHidden(5, not has_fragile)
        self.results_table.setColumnHidden(6, not show_access)
        self.results_table.resizeColumnsToContents()
        self._fit_table()
        self.update_chart(summary, layer)
        self._fill_recommend_categories(summary)
        self.refresh_algorithms()

    def _fit_table(self):
        """Rows as high as their wrapped text; the table as high as its rows (no scroll bar)."""
        table = self.results_table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 2)

    def update_chart(self, summary, layer):
        thresholds = {code: metres_to_minutes(values["threshold_m"])
                      for code, values in summary.get("categories", {}).items() if values.get("threshold_m")}
        if not isinstance(layer, QgsVectorLayer):
            self.chart.set_data({}, 0.0, thresholds)
            return
        population_field = summary.get("inputs", {}).get("population_field", "ind")
        fields = {code: "dist_{}".format(field_suffix(code)) for code in summary.get("categories", {})}
        curves, total = curves_from_layer(layer, population_field, fields)
        self.chart.set_data(curves, total, thresholds)

    def open_follow_up(self, alg_id):
        """Report, scenario, site recommendation: the algorithm's dialog, pre-filled with the last analysis.

        A scenario run from the dialog is kept: its before/after is shown under
        the summary and the report gets it (SCENARIO_SUMMARY).
        """
        if not algorithms.exists(alg_id) or not self.has_results():
            return False
        values = self._context_values()
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
        """The panel's current analysis as a preset (see ui/presets.py)."""
        return {
            "format": presets.FORMAT,
            "version": presets.VERSION,
            "territory": {
                "commune": self.commune_combo.currentData(),
                "station": self.station_combo.currentData(),
                "walk_minutes": self.walk_spin.value(),
                "perimeter_shape": self.perimeter_shape_combo.currentData(),
                "perimeter": presets.layer_reference(self.perimeter_layer()),
            },
            "data": {"categories": self.checked_categories()},
            "analysis": {
                "population": presets.layer_reference(self.population_combo.currentLayer()),
                "population_field": self.population_field_combo.currentField(),
                "services": presets.layer_reference(self.services_combo.currentLayer()),
                "category_field": self.category_field_combo.currentField(),
                "thresholds_minutes": self.thresholds_minutes(),
                "fragility_field": self.fragility_field_combo.currentField(),
                "fragility_weights": self.fragility_weights(),
                "method": self.method_combo.currentData(),
                "decay": self.decay_combo.currentData(),
                "restrict_to_perimeter": self.restrict_check.isChecked(),
                "output": self.output_widget.filePath(),
            },
        }

    def _layer_for(self, reference, missing):
        if not reference:
            return None
        layer = presets.find_layer(reference, self.project)
        if layer is None and reference.get("provider") != "memory":
            candidate = QgsVectorLayer(reference.get("source", ""), reference.get("name", ""),
                                       reference.get("provider", "ogr"))
            if candidate.isValid():
                self.project.addMapLayer(candidate)
                layer = candidate
        if layer is None:
            missing.append(reference.get("name") or reference.get("source"))
        return layer

    def apply_preset(self, preset):
        """Set the panel from a preset; layers missing from the project are added when possible."""
        missing = []
        territory = preset.get("territory", {})
        self._select_commune(territory.get("commune"))
        index = self.station_combo.findData(territory.get("station"))
        if index >= 0:
            self.station_combo.setCurrentIndex(index)
        if territory.get("walk_minutes"):
            self.walk_spin.setValue(int(territory["walk_minutes"]))
        index = self.perimeter_shape_combo.findData(territory.get("perimeter_shape"))
        if index >= 0:
            self.perimeter_shape_combo.setCurrentIndex(index)
        self.perimeter_combo.setLayer(self._layer_for(territory.get("perimeter"), missing))
        categories = preset.get("data", {}).get("categories")
        if categories is not None:
            for code, check in self.category_checks.items():
                check.setChecked(code in categories)
        analysis = preset.get("analysis", {})
        population = self._layer_for(analysis.get("population"), missing)
        self.population_combo.setLayer(population)
        if population is not None and analysis.get("population_field"):
            self.population_field_combo.setField(analysis["population_field"])
        services = self._layer_for(analysis.get("services"), missing)
        self.services_combo.setLayer(services)
        if services is not None and analysis.get("category_field"):
            self.category_field_combo.setField(analysis["category_field"])
        for code, minutes in (analysis.get("thresholds_minutes") or {}).items():
            if code in self.threshold_spins:
                self.threshold_spins[code].setValue(float(minutes))
        if population is not None:
            self.fragility_field_combo.setField(analysis.get("fragility_field") or "")
        for name, weight in (analysis.get("fragility_weights") or {}).items():
            if name in self.fragility_spins:
                self.fragility_spins[name].setValue(float(weight))
        for combo, key in ((self.method_combo, "method"), (self.decay_combo, "decay")):
            index = combo.findData(analysis.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.restrict_check.setChecked(bool(analysis.get("restrict_to_perimeter")))
        self.output_widget.setFilePath(analysis.get("output") or "")
        results = preset.get("results")
        if isinstance(results, dict) and isinstance(results.get("summary"), dict):
            layer = presets.find_layer(results.get("layer"), self.project)
            self.output_layer_id = layer.id() if layer is not None else None
            self.show_results(results["summary"], layer)
        if missing:
            self.message(tr("Not found, choose again: {layers}.").format(layers=", ".join(missing)),
                         Qgis.MessageLevel.Warning)
        return not missing

    def save_preset(self, path):
        presets.write_file(self.collect_preset(), path)
        self.message(tr("Analysis saved to {path}.").format(path=path), Qgis.MessageLevel.Success)

    def load_preset(self, path):
        try:
            preset = presets.read_file(path)
        except InputError as error:
            self.message(str(error), Qgis.MessageLevel.Warning)
            return False
        self.apply_preset(preset)
        return True

    def save_preset_dialog(self):
        path, _filter = QFileDialog.getSaveFileName(self, tr("Save the analysis"), "",
                                                    tr("Ville numérique analysis (*.json)"))
        if path:
            if not path.lower().endswith(".json"):
                path += ".json"
            self.save_preset(path)

    def load_preset_dialog(self):
        path, _filter = QFileDialog.getOpenFileName(self, tr("Open an analysis"), "",
                                                    tr("Ville numérique analysis (*.json)"))
        if path:
            self.load_preset(path)

    def save_preset_to_project(self):
        presets.write_project(self.collect_preset(), self.project)
        self.message(tr("Analysis saved in the project (save the project to keep it)."),
                     Qgis.MessageLevel.Success)

    def load_preset_from_project(self):
        try:
            preset = presets.read_project(self.project)
        except InputError as error:
            self.message(str(error), Qgis.MessageLevel.Warning)
            return False
        if preset is None:
            self.message(tr("This project holds no Ville numérique analysis."), Qgis.MessageLevel.Info)
            return False
        self.apply_preset(preset)
        return True

    def _project_read(self, *_args):
        try:
            preset = presets.read_project(self.project)
        except InputError:
            return
        if preset is not None:
            self.apply_preset(preset)

    def recent_title(self, summary):
        population = self.population_combo.currentLayer()
        return tr("{layer} — {population} inhabitants, score {score}").format(
            layer=population.name() if population else "?",
            population=format_number(summary.get("population_total")),
            score=format_number(summary.get("score_mean"), 1))

    def refresh_recent(self):
        self.recent_list.clear()
        for item in presets.recent():
            when = item.get("when", "").replace("T", " ")
            entry = QListWidgetItem("{} · {}".format(when, item.get("title", "")))
            entry.setData(Qt.ItemDataRole.UserRole, item["preset"])
            self.recent_list.addItem(entry)

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
        self._stop_drawing()
        super().closeEvent(event)

    def unload(self):
        """Disconnect from QGIS before the plugin is unloaded."""
        if self.is_running():
            self.run.cancel()
        self._stop_drawing()
        registry = algorithms.registry()
        for signal, slot in ((registry.providerAdded, self.refresh_algorithms),
                             (registry.providerRemoved, self.refresh_algorithms),
                             (self.project.readProject, self._project_read),
                             (self.project.cleared, self.clear_results),
                             (self.project.layersRemoved, self._layers_removed),
                             *((signal, self._update_output_placeholder) for signal in self._placeholder_signals())):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass


#: Resource formats "Add to the map" prefers, best first.
LOADABLE_FORMATS = ("geojson", "gpkg", "geopackage", "csv", "shp", "zip", "json", "xlsx", "xls")


def search_rows(results):
    """One row per dataset from a search algorithm's outputs.

    ``ville_numerique:datagouv_search`` writes a table with one row per
    resource (``id``, ``title``, ``organization``, ``last_update``,
    ``format``, ``resource_id``, ``url``…); a JSON file (a list of objects, or
    ``{"datasets": [...]}``) is read too. Each row: ``title``,
    ``organization``, ``last_update``, ``formats`` (joined), ``id`` and
    ``resource``: the resource "Add to the map" loads (the first one in a
    format of ``LOADABLE_FORMATS``).
    """
    records = []
    for value in results.values():
        if isinstance(value, str) and value.lower().endswith(".json") and Path(value).is_file():
            try:
                data = json.loads(Path(value).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict):
                data = data.get("datasets") or data.get("data") or []
            records += [item for item in data if isinstance(item, dict)]
        elif isinstance(value, (QgsVectorLayer, str)) and value:
            layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, "search", "ogr")
            if not layer.isValid() or "title" not in layer.fields().names():
                continue
            names = layer.fields().names()
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            for feature in layer.getFeatures(request):
                records.append({n: (None if v is None or v == NULL else v)
                                for n, v in zip(names, feature.attributes())})

    def text(value):
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        return "" if value is None else str(value)

    rows, by_id = [], {}
    for record in records:
        title = text(record.get("title"))
        if not title:
            continue
        key = text(record.get("id")) or title
        row = by_id.get(key)
        if row is None:
            last_update = text(record.get("last_update"))
            row = {"id": key, "title": title, "organization": text(record.get("organization")),
                   "last_update": last_update[:10], "formats": [], "resources": []}
            by_id[key] = row
            rows.append(row)
        formats = record.get("formats", record.get("format"))
        for fmt in formats if isinstance(formats, (list, tuple)) else [formats]:
            fmt = text(fmt).lower()
            if fmt and fmt not in row["formats"]:
                row["formats"].append(fmt)
        resource = (text(record.get("resource_id")) or text(record.get("stable_url"))
                    or text(record.get("url")))
        if resource:
            row["resources"].append((text(record.get("format")).lower(), resource))
    for row in rows:
        ranked = sorted(row["resources"], key=lambda r: LOADABLE_FORMATS.index(r[0])
                        if r[0] in LOADABLE_FORMATS else len(LOADABLE_FORMATS))
        row["resource"] = ranked[0][1] if ranked else ""
        row["formats"] = ", ".join(row["formats"])
        del row["resources"]
    return rows
