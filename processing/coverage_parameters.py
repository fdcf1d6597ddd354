"""The parameters shared by coverage, scenario and site recommendation: their names (the
algorithms' contract, read by the panel and the model builder), option codes, dialog defaults
and definitions. Reading them into ``core``'s arrays: ``processing/coverage_inputs.py``.
"""


from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.coverage import (
    DECAYS,
    DEFAULT_WEIGHTS,
    METHODS,
    format_mapping,
)
from ..core.crs import MAX_SERVICE_DISTANCE_M
from ..core.fragility import DEFAULT_WEIGHTS as FRAGILITY_WEIGHTS
from ..core.fragility import FRENCH_KEYS
from ..core.i18n import tr
from ..core.walking import WALKING_SPEED_KMH
from .defaults import default_thresholds_minutes
from .parameters import (
    POPULATION_HINT,
    SERVICES_HINT,
    CodeEnumParameter,
    FieldHint,
    decay_label,
    fragility_weights_text,
    method_label,
    thresholds_text,
)
from .utils import user_language


class CoverageParameters:
    """Parameter names (the algorithms' contract: the panel and the model builder
    import them), option codes and their dialog defaults."""

    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    SERVICES = "SERVICES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    THRESHOLDS = "THRESHOLDS"
    WEIGHTS = "WEIGHTS"
    METHOD = "METHOD"
    DECAY = "DECAY"
    SUPPLY_FIELD = "SUPPLY_FIELD"
    NETWORK = "NETWORK"
    MAX_SNAP = "MAX_SNAP"
    FRAGILITY_FIELD = "FRAGILITY_FIELD"
    FRAGILITY_WEIGHTS = "FRAGILITY_WEIGHTS"
    MAX_SERVICE_DISTANCE = "MAX_SERVICE_DISTANCE"
    INCLUDE_ITINERANT = "INCLUDE_ITINERANT"

    #: Codes of the METHOD and DECAY options, in the order of the options (the value is the
    #: index; the code is accepted too: METHOD=e2sfca); labels: ``method_label``/``decay_label``.
    METHODS = METHODS
    DECAYS = DECAYS

    GUI_DEFAULTS = {
        POPULATION: POPULATION_HINT,
        POPULATION_FIELD: FieldHint(POPULATION),
        SERVICES: SERVICES_HINT,
        CATEGORY_FIELD: FieldHint(SERVICES),
    }

    # ------------------------------------------------------------ parameters
    def add_population_parameters(self):
        param = QgsProcessingParameterFeatureSource(
            self.POPULATION,
            tr("Population (grid cells, IRIS, buildings… or points)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
        )
        param.setHelp(tr("Population units; polygons are represented by their centroid."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.POPULATION_FIELD,
            tr("Population field"),
            defaultValue="ind",
            parentLayerParameterName=self.POPULATION,
            optional=True,  # QGIS 3.22 does not apply a field default when omitted
        )
        param.setHelp(tr("Number of inhabitants of each unit (INSEE grid: ind)."))
        self.addParameter(param)

    def add_services_parameters(self, name=None, description=None, optional=False):
        param = QgsProcessingParameterFeatureSource(
            name or self.SERVICES,
            description or tr("Digital services (points)"),
            [QgsProcessing.SourceType.TypeVectorPoint],
            optional=optional,
        )
        self.addParameter(param)
        if name is None:
            param = QgsProcessingParameterField(
                self.CATEGORY_FIELD,
                tr("Category field"),
                defaultValue="categories",
                parentLayerParameterName=self.SERVICES,
                optional=True,
            )
            param.setHelp(tr("Category codes of each service, several separated by | (e.g. epn|wifi)."))
            self.addParameter(param)
            self.add_service_filter_parameters()

    def add_service_filter_parameters(self):
        param = QgsProcessingParameterNumber(
            self.MAX_SERVICE_DISTANCE,
            tr("Services farther than this from the population are left out (metres)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=MAX_SERVICE_DISTANCE_M,
            minValue=0.0,
        )
        param.setHelp(tr("Far services are counted in the log and the summary; the projection is chosen "
                         "from the population layer only."))
        self._advanced(param)
        self._advanced(QgsProcessingParameterBoolean(
            self.INCLUDE_ITINERANT,
            tr("Count itinerant stops (field itinerance = Itinérant) as services"),
            defaultValue=False,
        ))

    def add_method_parameters(self, weights=True):
        param = QgsProcessingParameterString(
            self.THRESHOLDS,
            tr("Walking thresholds per category (minutes or metres)"),
            defaultValue=thresholds_text(default_thresholds_minutes()),  # the settings page's, else built-in
        )
        param.setHelp(tr("category=time or distance separated by ;, e.g. epn=15min;wifi=300 (a number alone "
                         "is in metres; {speed:g} km/h walking speed) — categories not listed keep their "
                         "default.").format(speed=WALKING_SPEED_KMH))
        self.addParameter(param)
        if weights:
            self._advanced(QgsProcessingParameterString(
                self.WEIGHTS, tr("Category weights in the score"), defaultValue=format_mapping(DEFAULT_WEIGHTS)
            ))
        self.addParameter(CodeEnumParameter(self.METHOD, tr("Access method"), self.METHODS,
                                            [method_label(code) for code in self.METHODS]))
        self.addParameter(CodeEnumParameter(self.DECAY, tr("Distance decay"), self.DECAYS,
                                            [decay_label(code) for code in self.DECAYS]))
        self._advanced(QgsProcessingParameterField(
            self.SUPPLY_FIELD,
            tr("Service weight field (number, or opening hours)"),
            parentLayerParameterName=self.SERVICES,
            optional=True,
        ))
        self.add_network_parameters()
        self.add_fragility_parameters()

    def add_network_parameters(self):
        self._advanced(QgsProcessingParameterFeatureSource(
            self.NETWORK,
            tr("Walking network (lines) — straight line when empty"),
            [QgsProcessing.SourceType.TypeVectorLine],
            optional=True,
        ))
        self._advanced(QgsProcessingParameterNumber(
            self.MAX_SNAP,
            tr("Maximum distance to the network (metres)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=200.0,
            minValue=0.0,
        ))

    def add_fragility_parameters(self):
        self._advanced(QgsProcessingParameterField(
            self.FRAGILITY_FIELD,
            tr("Fragility field (0–10) — computed from the INSEE fields when empty"),
            parentLayerParameterName=self.POPULATION,
            optional=True,
        ))
        param = QgsProcessingParameterString(
            self.FRAGILITY_WEIGHTS,
            tr("Fragility indicator weights"),
            defaultValue=fragility_weights_text(FRAGILITY_WEIGHTS),
        )
        if user_language() != "en":  # the dialogs show the keys in the user's language; scripts keep English
            param.setGuiDefaultValueOverride(fragility_weights_text(FRAGILITY_WEIGHTS, user_language()))
        param.setHelp(tr("indicator=weight separated by ;, keys in English or in French: {keys}.").format(
            keys=", ".join("{} / {}".format(code, FRENCH_KEYS[code]) for code in FRENCH_KEYS)))
        self._advanced(param)

    def _advanced(self, param):
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
