"""What the panel's five pages share: the inputs of the analysis and its last results.

One object, owned by the dock (``ui/panel.py``) and given to every page
(``ui/pages/``). A page writes what its widgets say (the perimeter chosen on
*1. Territory*, the layers and walking times of *3. Analysis*…) and reads
what the others wrote; ``changed`` tells the dock to re-check which actions
have their inputs (``VilleNumeriquePanel.refresh_algorithms``).
"""

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal


class PanelState(QObject):
    """The analysis the panel is building, and the results it shows."""

    changed = pyqtSignal()

    def __init__(self, project=None, parent=None):
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        # inputs (written by the pages)
        self.perimeter_id = None  # the perimeter layer (1. Territory)
        self.categories = []  # categories ticked on 2. Data (what the fetch buttons fetch)
        self.population_id = None
        self.population_field = None
        self.services_id = None
        self.category_field = None
        self.thresholds_minutes = {}
        self.fragility_field = None
        self.fragility_weights = {}
        # last results (written by the dock when an analysis or a scenario ends)
        self.summary = None
        self.summary_path = None
        self.output_layer_id = None
        self.analysis_population = None  # the population the analysis measured (inside the perimeter)
        self.scenario = None
        self.scenario_summary_path = None

    def layer(self, layer_id):
        return self.project.mapLayer(layer_id) if layer_id else None

    @property
    def perimeter(self):
        return self.layer(self.perimeter_id)

    @property
    def population(self):
        return self.layer(self.population_id)

    @property
    def services(self):
        return self.layer(self.services_id)

    @property
    def output_layer(self):
        return self.layer(self.output_layer_id)

    def set(self, **values):
        """Set attributes and tell the pages (``changed``) when one of them changed."""
        changed = False
        for name, value in values.items():
            if not hasattr(self, name):
                raise AttributeError(name)
            if getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self.changed.emit()

    def has_results(self):
        """An analysis result is shown and its coverage layer is still in the project."""
        return self.summary is not None and self.output_layer is not None

    def clear_results(self):
        self.set(summary=None, summary_path=None, output_layer_id=None, analysis_population=None,
                 scenario=None, scenario_summary_path=None)
