"""Page 3. Analysis: the layers, the walking times, the fragility and the method (``analysis.ui``).

The inputs and *Run the analysis* come first; walking times, fragility
weights, method and output file are advanced options in collapsed groups.
"""

import json
from pathlib import Path

from qgis.core import Qgis, QgsFieldProxyModel, QgsMapLayerProxyModel, QgsProcessingUtils, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QLabel, QPushButton

from ...core import about, categories
from ...core.fragility import DEFAULT_WEIGHTS as FRAGILITY_DEFAULT_WEIGHTS
from ...core.fragility import INDICATORS as FRAGILITY_INDICATORS
from ...core.fragility import indicator_label
from ...core.i18n import tr
from ...core.services import CATEGORIES
from ...processing.coverage import CoverageAlgorithm
from ...processing.defaults import default_thresholds_minutes, minutes_to_metres
from ...processing.parameters import POPULATION_FIELD_NAMES, decay_label, method_label, thresholds_text
from .. import algorithms, follow_ups, presets
from ..results import RESULTS_FOLDER, is_temporary, results_file
from ..tasks import AlgorithmRun, output_definition
from ..widgets import MinutesSpinBox, WrappedCheckBox, compact, format_number
from . import Page
from .data import category_icon

METHODS, DECAYS = CoverageAlgorithm.METHODS, CoverageAlgorithm.DECAYS
POPULATION_FIELDS = POPULATION_FIELD_NAMES  # proposed inhabitants fields, in this order


class AnalysisPage(Page):
    UI = "analysis"

    def __init__(self, host, state, parent=None):
        super().__init__(host, state, parent)
        self._ready = False  # the state is written once every widget exists
        self._analysis_preset = None  # the panel's settings when the running analysis started
        self._coverage_population = None  # the population layer the running analysis measures
        for combo in (self.population_combo, self.population_field_combo, self.services_combo,
                      self.category_field_combo, self.fragility_field_combo, self.method_combo, self.decay_combo):
            compact(combo, 10)
        self.population_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer
                                         | QgsMapLayerProxyModel.Filter.PointLayer)
        self.services_combo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        for combo in (self.population_combo, self.services_combo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self.category_field_combo.setFilters(QgsFieldProxyModel.Filter.String)
        self.population_combo.layerChanged.connect(self._population_layer_changed)
        self.services_combo.layerChanged.connect(self._services_layer_changed)
        self.restrict_check = WrappedCheckBox(parent=self)
        self.restrict_check.setObjectName("VilleNumeriqueRestrict")
        self.restrict_layout.addWidget(self.restrict_check)
        self.run_button.setIcon(QIcon(about.icon_path()))
        self.run_button.clicked.connect(self.host.run_analysis)
        self._build_thresholds()
        self._build_fragility()
        for code in METHODS:
            self.method_combo.addItem(method_label(code), code)
        for code in DECAYS:
            self.decay_combo.addItem(decay_label(code), code)
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        for widget in (self.population_field_combo, self.category_field_combo, self.fragility_field_combo):
            widget.fieldChanged.connect(self.sync_state)
        self._ready = True

    def _build_thresholds(self):
        grid = self.thresholds_grid
        self.threshold_spins = {}
        for row, code in enumerate(CATEGORIES):
            icon = QLabel(self.thresholds_box)
            icon.setPixmap(category_icon(code).pixmap(16, 16))
            label = QLabel(categories.label(code, short=True), self.thresholds_box)
            label.setToolTip(categories.label(code))
            label.setWordWrap(True)
            spin = MinutesSpinBox(self.thresholds_box)
            spin.setObjectName("VilleNumeriqueThreshold_{}".format(code))
            spin.valueChanged.connect(lambda _value, code=code: self._threshold_changed(code))
            label.setBuddy(spin)
            self.threshold_spins[code] = spin
            grid.addWidget(icon, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(spin, row, 2)
        grid.setColumnStretch(1, 1)
        reset = QPushButton(tr("Default times"), self.thresholds_box)
        reset.setToolTip(tr("Times set in Settings › Options › Ville numérique."))
        reset.clicked.connect(self.reset_thresholds)
        grid.addWidget(reset, len(CATEGORIES), 1, 1, 2)
        self.reset_thresholds()

    def _build_fragility(self):
        combo = self.fragility_field_combo
        combo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        combo.setAllowEmptyFieldName(True)
        combo.setToolTip(tr("A field already holding a fragility index from 0 to 10 (for instance the IFN spread by "
                            "ville_numerique:fragility_ifn). Empty: the index is computed from the INSEE grid fields "
                            "with the weights below."))
        combo.fieldChanged.connect(self._fragility_field_changed)
        self.fragility_spins = {}
        for row, name in enumerate(FRAGILITY_INDICATORS, start=2):
            spin = QDoubleSpinBox(self.fragility_box)
            spin.setObjectName("VilleNumeriqueFragilityWeight_{}".format(name))
            spin.setRange(0.0, 10.0)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setValue(FRAGILITY_DEFAULT_WEIGHTS[name])
            spin.setToolTip(tr("Weight of the indicator in the index; 0 leaves it out."))
            spin.valueChanged.connect(self.sync_state)
            label = QLabel(indicator_label(name), self.fragility_box)
            label.setWordWrap(True)
            self.fragility_grid.addWidget(label, row, 0)
            self.fragility_grid.addWidget(spin, row, 1)
            self.fragility_spins[name] = spin
        self.fragility_grid.setColumnStretch(0, 1)

    # -- state -------------------------------------------------------------------
    def sync_state(self, *_args):
        if not self._ready:
            return
        population, services = self.population_combo.currentLayer(), self.services_combo.currentLayer()
        self.state.set(population_id=population.id() if population else None,
                       population_field=self.population_field_combo.currentField() or None,
                       services_id=services.id() if services else None,
                       category_field=self.category_field_combo.currentField() or None,
                       thresholds_minutes=self.thresholds_minutes(),
                       fragility_field=self.fragility_field_combo.currentField() or None,
                       fragility_weights=self.fragility_weights())

    def perimeter_changed(self, layer):
        """A perimeter applies to the analysis by default; without one the page says so."""
        self.restrict_check.setEnabled(layer is not None)
        self.restrict_check.setChecked(layer is not None)
        if layer is None:
            self.restrict_check.setText(tr("No perimeter (1. Territory): the whole population layer is analysed."))
        else:
            self.restrict_check.setText(tr("Only the population inside the perimeter “{name}”").format(
                name=layer.name()))

    def update_output_placeholder(self, *_args):
        if self.project.absolutePath():
            text = tr("[A GeoPackage in the project's folder, {folder}/]").format(folder=RESULTS_FOLDER)
        else:
            text = tr("[Temporary layer: save the project first to keep the results]")
        self.output_widget.lineEdit().setPlaceholderText(text)
        self.output_widget.lineEdit().setToolTip(text)

    def _population_layer_changed(self, layer):
        self.population_field_combo.setLayer(layer)
        self.fragility_field_combo.setLayer(layer)
        self.fragility_field_combo.setField("")
        if layer is not None:
            for name in POPULATION_FIELDS:
                if layer.fields().lookupField(name) >= 0:
                    self.population_field_combo.setField(name)
                    break
        self.sync_state()

    def _services_layer_changed(self, layer):
        self.category_field_combo.setLayer(layer)
        if layer is not None and layer.fields().lookupField("categories") >= 0:
            self.category_field_combo.setField("categories")
        self.sync_state()

    def use_fetched(self, role, layers):
        """Point the analysis at the layers just fetched (services or population)."""
        for layer in layers:
            if not isinstance(layer, QgsVectorLayer):
                continue
            if role == "services":
                self.services_combo.setLayer(layer)
                self.category_field_combo.setField("categories")
            elif role == "population":
                self.population_combo.setLayer(layer)

    def _fragility_field_changed(self, field):
        for spin in self.fragility_spins.values():  # the weights only make the computed index
            spin.setEnabled(not field)

    def fragility_weights(self):
        return {name: spin.value() for name, spin in self.fragility_spins.items()}

    def fragility_weights_text(self):
        return ";".join("{}={:g}".format(name, value) for name, value in self.fragility_weights().items())

    def _threshold_changed(self, code):
        """The metres the minutes make (4 km/h) in the spin box's tooltip: the algorithm's unit."""
        spin = self.threshold_spins[code]
        spin.setToolTip("{} — {}".format(categories.label(code), tr("{metres} m").format(
            metres=format_number(minutes_to_metres(spin.value())))))
        self.sync_state()

    def reset_thresholds(self):
        for code, minutes in default_thresholds_minutes().items():
            self.threshold_spins[code].setValue(minutes)
            self._threshold_changed(code)

    def thresholds_minutes(self):
        return {code: spin.value() for code, spin in self.threshold_spins.items()}

    def thresholds_text(self):
        """The THRESHOLDS value, in minutes of walk (``epn=15min;…``)."""
        return thresholds_text(self.thresholds_minutes())

    def refresh(self):
        """Nothing depends on the registry here: the coverage contract is fixed (ui/algorithms.CONTRACT)."""

    # -- the coverage parameters -----------------------------------------------------
    def _problem(self, population, field, services, category_field):
        if population is None:
            return tr("Choose the population layer (for instance the INSEE 200 m grid) in “3. Analysis”.")
        if not field or population.fields().lookupField(field) < 0:
            return tr("Choose the field of {layer} that holds the number of inhabitants.").format(
                layer=population.name())
        if not population.fields().field(field).isNumeric():
            return tr("The field {field} of {layer} is not numeric: choose the field that holds the "
                      "number of inhabitants.").format(field=field, layer=population.name())
        if services is None:
            return tr("Choose the layer of digital services in “3. Analysis”.")
        if not category_field or services.fields().lookupField(category_field) < 0:
            return tr("Choose the field of {layer} that holds the service categories.").format(layer=services.name())
        if self.restrict_check.isChecked() and self.state.perimeter is None:
            return tr("Make or choose a perimeter first, or untick “Only the population inside the perimeter”.")
        if population.featureCount() == 0:
            return tr("The layer {layer} has no feature.").format(layer=population.name())
        if not self.fragility_field_combo.currentField() and not any(self.fragility_weights().values()):
            return tr("Give at least one fragility indicator a weight above 0, or choose a fragility field.")
        return None

    def validate(self):
        """The coverage parameters, or None after showing what is wrong."""
        population, services = self.population_combo.currentLayer(), self.services_combo.currentLayer()
        field, category_field = self.population_field_combo.currentField(), self.category_field_combo.currentField()
        problem = self._problem(population, field, services, category_field)
        if problem:
            self.host.message(problem, Qgis.MessageLevel.Warning)
            return None
        output = self.output_widget.filePath().strip() or results_file(self.project)
        if output and not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        summary = str(Path(output).with_suffix(".json")) if output \
            else QgsProcessingUtils.generateTempFilename("summary.json")
        parameters = algorithms.prefill(algorithms.COVERAGE, {
            # sources or names, not ids: the summary and the report show them
            "population": follow_ups.layer_parameter(population, self.project),
            "population_field": field,
            "services": follow_ups.layer_parameter(services, self.project),
            "category_field": category_field,
            "thresholds": self.thresholds_text(),
            "fragility_weights": self.fragility_weights_text(),
            "fragility_field": self.fragility_field_combo.currentField(),
            "method": self.method_combo.currentData(),
            "decay": self.decay_combo.currentData(),
        })
        parameters[CoverageAlgorithm.OUTPUT] = output_definition(
            output or "TEMPORARY_OUTPUT", tr("Digital services coverage"), self.project)
        parameters[CoverageAlgorithm.SUMMARY] = summary
        return parameters

    # -- the analysis run ------------------------------------------------------------------
    def run_analysis(self):
        """Validate, then run ``ville_numerique:coverage`` in the task manager.

        With the perimeter check ticked, the population inside the perimeter is
        extracted first (``native:extractbylocation``). The dock emits
        ``analysisFinished(ok)`` when the run ends.
        """
        if self.host.is_running():
            self.host.message(tr("An operation is already running: wait for it or cancel it."),
                         Qgis.MessageLevel.Warning)
            return False
        parameters = self.validate()
        if parameters is None:
            return False
        self._analysis_preset = self.host.collect_preset()
        if self.restrict_check.isChecked():
            clipped = QgsProcessingUtils.generateTempFilename("population_in_perimeter.gpkg")
            extract = AlgorithmRun("native:extractbylocation", {
                "INPUT": parameters["POPULATION"], "PREDICATE": [0],
                "INTERSECT": self.state.perimeter.id(), "OUTPUT": clipped,
            }, load=False, project=self.project, parent=self)

            def then(ok, results, layers, message):
                if not ok:
                    self._analysis_done(ok, results, layers, message)
                    return
                parameters["POPULATION"] = results["OUTPUT"]
                self._start_coverage(parameters)

            return self.host._start(extract, then, tr("Selecting the population inside the perimeter…"))
        return self._start_coverage(parameters)

    def _start_coverage(self, parameters):
        self._coverage_population = parameters["POPULATION"]
        name = tr("Digital services coverage")
        run = AlgorithmRun(algorithms.COVERAGE, parameters, styles={"OUTPUT": ("coverage", name)},
                           place=self._place_result, project=self.project, parent=self)
        return self.host._start(run, self._analysis_done, tr("Computing the coverage…"))

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
            self.host._failed(message, tr("Analysis canceled: nothing was added to the project."))
            self.host.analysisFinished.emit(False)
            return
        output = str(results.get("OUTPUT", ""))
        layer = next((lyr for lyr in layers if lyr.id() == output), layers[0] if layers else None)
        self.host.show_scenario(None, None)  # a scenario of the previous analysis does not apply to this one
        self.state.set(analysis_population=self._coverage_population,
                       output_layer_id=layer.id() if layer is not None else None,
                       summary_path=results.get("SUMMARY"))
        summary = None
        if self.state.summary_path:
            try:
                with open(self.state.summary_path, encoding="utf-8") as stream:
                    summary = json.load(stream)
            except (OSError, ValueError) as error:
                self.host.message(tr("The summary could not be read: {error}").format(error=error),
                             Qgis.MessageLevel.Warning)
        if summary is not None:
            self.host.show_results(summary, layer)
            self.host.show_page(self.host.results)
            preset = self._analysis_preset or self.host.collect_preset()
            presets.add_recent(self.host.presets.recent_title(summary), preset)
            self.host.refresh_recent()
            stored = dict(preset)
            stored["results"] = {"summary": summary, "layer": presets.layer_reference(layer)}
            presets.write_project(stored, self.project)
            text = tr("Coverage computed: mean score {score} / 100.").format(
                score=format_number(summary.get("score_mean"), 1))
            if layer is not None and is_temporary(layer.source()):
                text += " " + tr("It is a temporary layer, lost when QGIS closes: save the project to have the "
                                 "next results written in its folder.")
            self.host.message(text, Qgis.MessageLevel.Success)
        self.host.analysisFinished.emit(True)

    # -- presets -----------------------------------------------------------------------
    def collect(self):
        return {
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
        }

    def apply(self, analysis, population, services):
        self.population_combo.setLayer(population)
        if population is not None and analysis.get("population_field"):
            self.population_field_combo.setField(analysis["population_field"])
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
