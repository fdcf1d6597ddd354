"""Page 5. Presets: save and restore an analysis (file, project, recent list) (``presets.ui``).

Collecting and applying a preset goes through every page (``collect``/``apply``);
the format is ``ui/presets.py``'s.
"""

from qgis.core import Qgis, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFileDialog, QListWidgetItem

from ...core import categories
from ...core.errors import InputError
from ...core.i18n import tr
from .. import presets
from ..widgets import format_number, hint
from . import Page


class PresetsPage(Page):
    UI = "presets"

    def __init__(self, host, state, parent=None):
        super().__init__(host, state, parent)
        hint(self.hint_label)
        self.recent_list.setObjectName("VilleNumeriqueRecent")
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the whole title in the tooltip
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setMaximumHeight(8 * self.recent_list.fontMetrics().height())  # Restore stays in view
        self.recent_list.itemDoubleClicked.connect(lambda _item: self.host.restore_recent())
        self.save_file_button.clicked.connect(self.save_preset_dialog)
        self.open_file_button.clicked.connect(self.load_preset_dialog)
        self.save_project_button.clicked.connect(self.save_preset_to_project)
        self.load_project_button.clicked.connect(self.load_preset_from_project)
        self.restore_button.clicked.connect(self.host.restore_recent)
        self.refresh_recent()

    def collect_preset(self):
        """The panel's current analysis as a preset (see ui/presets.py)."""
        host = self.host
        return {
            "format": presets.FORMAT,
            "version": presets.VERSION,
            "territory": host.territory.collect(),
            "data": {"categories": host.data.checked_categories()},
            "analysis": host.analysis.collect(),
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

    def apply_preset(self, preset, confirm=True):
        """Set the panel from a preset; layers missing from the project are added when possible.

        With ``confirm``, the message bar says what was loaded (layers, categories) or what is missing.
        """
        host, missing = self.host, []
        territory = preset.get("territory", {})
        perimeter = self._layer_for(territory.get("perimeter"), missing)
        host.territory.apply(territory, perimeter)
        codes = preset.get("data", {}).get("categories")
        if codes is not None:
            for code, check in host.data.category_checks.items():
                check.setChecked(code in codes)
        analysis = preset.get("analysis", {})
        population = self._layer_for(analysis.get("population"), missing)
        services = self._layer_for(analysis.get("services"), missing)
        host.analysis.apply(analysis, population, services)
        results = preset.get("results")
        if isinstance(results, dict) and isinstance(results.get("summary"), dict):
            layer = presets.find_layer(results.get("layer"), self.project)
            self.state.set(output_layer_id=layer.id() if layer is not None else None)
            host.show_results(results["summary"], layer)
        if missing:
            host.message(tr("Not found, choose again: {layers}.").format(layers=", ".join(missing)),
                         Qgis.MessageLevel.Warning)
        elif confirm:
            layers = [layer.name() for layer in (perimeter, population, services) if layer is not None]
            labels = [categories.label(code, short=True) for code in (codes or [])]
            host.message(tr("Analysis loaded. Layers: {layers}. Categories: {categories}.").format(
                layers=", ".join(layers) or "—", categories=", ".join(labels) or "—"), Qgis.MessageLevel.Success)
        return not missing

    def save_preset(self, path):
        presets.write_file(self.collect_preset(), path)
        self.host.message(tr("Analysis saved to {path}.").format(path=path), Qgis.MessageLevel.Success)

    def load_preset(self, path):
        try:
            preset = presets.read_file(path)
        except InputError as error:
            self.host.message(str(error), Qgis.MessageLevel.Warning)
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
        self.host.message(tr("Analysis saved in the project (save the project to keep it)."),
                          Qgis.MessageLevel.Success)

    def load_preset_from_project(self):
        try:
            preset = presets.read_project(self.project)
        except InputError as error:
            self.host.message(str(error), Qgis.MessageLevel.Warning)
            return False
        if preset is None:
            self.host.message(tr("This project holds no Ville numérique analysis."), Qgis.MessageLevel.Info)
            return False
        self.apply_preset(preset)
        return True

    def recent_title(self, summary):
        population = self.state.population
        return tr("{layer} — {population} inhabitants, score {score}").format(
            layer=population.name() if population else "?",
            population=format_number(summary.get("population_total")),
            score=format_number(summary.get("score_mean"), 1))

    def refresh_recent(self):
        self.recent_list.clear()
        for item in presets.recent():
            when = item.get("when", "").replace("T", " ")
            entry = QListWidgetItem("{} · {}".format(when, item.get("title", "")))
            entry.setToolTip(entry.text())
            entry.setData(Qt.ItemDataRole.UserRole, item["preset"])
            self.recent_list.addItem(entry)
