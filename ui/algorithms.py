"""The panel's view of the Processing algorithms: their ids and their contract.

``CONTRACT`` says, for each algorithm the panel calls, which parameter takes
each value the panel knows (a *role*: ``population``, ``services``…). Every
name is a constant of the algorithm's class (``processing/*.py``), so a
renamed parameter fails at import or in ``tests/integration/test_contract.py``
— never silently. Enumerations are passed as the index of their code in the
class's tuple of codes (``CoverageAlgorithm.METHODS``…).

The panel still enables a button only while its algorithm is registered (the
provider may be disabled).
"""

from qgis.core import QgsApplication

from ..processing.coverage import CoverageAlgorithm
from ..processing.datagouv import DataGouvLoadAlgorithm, DataGouvSearchAlgorithm
from ..processing.fetch import FetchIgnAlgorithm, FetchPopulationAlgorithm
from ..processing.fetch_services import FetchServicesAlgorithm
from ..processing.geocode import GeocodeAlgorithm
from ..processing.isochrone import IsochroneAlgorithm
from ..processing.recommend import RecommendSitesAlgorithm
from ..processing.report import ReportAlgorithm
from ..processing.scenario import ScenarioAlgorithm

PROVIDER_ID = "ville_numerique"


def _id(algorithm_class):
    return "{}:{}".format(PROVIDER_ID, algorithm_class.NAME)


COVERAGE = _id(CoverageAlgorithm)
FETCH_SERVICES = _id(FetchServicesAlgorithm)
FETCH_POPULATION = _id(FetchPopulationAlgorithm)
DATAGOUV_SEARCH = _id(DataGouvSearchAlgorithm)
DATAGOUV_LOAD = _id(DataGouvLoadAlgorithm)
REPORT = _id(ReportAlgorithm)
SCENARIO = _id(ScenarioAlgorithm)
RECOMMEND_SITES = _id(RecommendSitesAlgorithm)
FETCH_IGN = _id(FetchIgnAlgorithm)
GEOCODE = _id(GeocodeAlgorithm)
ISOCHRONE = _id(IsochroneAlgorithm)


# ----------------------------------------------------------------------------
# value converters: what the panel holds -> what the parameter takes
# ----------------------------------------------------------------------------
def _as_is(value):
    return value


def _text(value):
    return str(value)


def _one_code(value):
    """The one category code RECOMMEND_SITES' CATEGORY takes (ValueError for several)."""
    codes = [value] if isinstance(value, str) else list(value)
    if len(codes) != 1:
        raise ValueError("recommend_sites takes one category, not {}".format(codes))
    return str(codes[0])


def _category_indices(value):
    """Category codes as the indices of FetchServicesAlgorithm.CATEGORIES' options (unknown codes refused)."""
    codes = [value] if isinstance(value, str) else list(value)
    unknown = [code for code in codes if code not in FetchServicesAlgorithm.CATEGORY_CODES]
    if unknown:
        raise KeyError("not a category of fetch_services: {}".format(", ".join(unknown)))
    return [FetchServicesAlgorithm.CATEGORY_CODES.index(code) for code in codes]


def _code_index(codes):
    def convert(value):
        return codes.index(value)  # ValueError for a code the algorithm does not have
    return convert


_C, _S, _R = CoverageAlgorithm, ScenarioAlgorithm, RecommendSitesAlgorithm
_ANALYSIS_INPUTS = {
    "population": (_C.POPULATION, _as_is),
    "population_field": (_C.POPULATION_FIELD, _text),
    "services": (_C.SERVICES, _as_is),
    "category_field": (_C.CATEGORY_FIELD, _text),
    "fragility_field": (_C.FRAGILITY_FIELD, _text),
    "fragility_weights": (_C.FRAGILITY_WEIGHTS, _text),
}
_METHOD_INPUTS = {
    "thresholds": (_C.THRESHOLDS, _text),
    "method": (_C.METHOD, _code_index(_C.METHODS)),
    "decay": (_C.DECAY, _code_index(_C.DECAYS)),
}
_AREA_INPUTS = {
    "perimeter": (FetchServicesAlgorithm.AREA, _as_is),
    "communes": (FetchServicesAlgorithm.COMMUNES, _text),
}

#: ``{algorithm id: {role: (parameter name, converter)}}``: the one parameter that takes each role.
CONTRACT = {
    COVERAGE: dict(_ANALYSIS_INPUTS, **_METHOD_INPUTS),
    SCENARIO: dict(_ANALYSIS_INPUTS, **_METHOD_INPUTS, project_services=(_S.PLANNED, _as_is),
                   output=(_S.OUTPUT, _text), summary_output=(_S.SUMMARY, _text)),
    RECOMMEND_SITES: dict(_ANALYSIS_INPUTS, categories=(_R.CATEGORY, _one_code),
                          output=(_R.OUTPUT, _text), summary_output=(_R.SUMMARY, _text)),
    REPORT: {
        "coverage": (ReportAlgorithm.COVERAGE, _as_is),
        "summary": (ReportAlgorithm.SUMMARY, _text),
        "scenario_summary": (ReportAlgorithm.SCENARIO_SUMMARY, _text),
        "services": (ReportAlgorithm.SERVICES, _as_is),
        "perimeter": (ReportAlgorithm.PERIMETER, _as_is),
        "title": (ReportAlgorithm.TITLE, _text),
    },
    FETCH_SERVICES: dict(_AREA_INPUTS, categories=(FetchServicesAlgorithm.CATEGORIES, _category_indices)),
    FETCH_POPULATION: dict(_AREA_INPUTS),
    FETCH_IGN: dict(_AREA_INPUTS),
    DATAGOUV_SEARCH: {"query": (DataGouvSearchAlgorithm.Q, _text)},
    DATAGOUV_LOAD: {"resource": (DataGouvLoadAlgorithm.RESOURCE, _text)},
}
#: Roles kept for compatibility that no algorithm takes (the dataset of a resource is found from it).
IGNORED_ROLES = ("dataset",)


def registry():
    return QgsApplication.processingRegistry()


def algorithm(alg_id):
    """The registered algorithm ``alg_id`` or None (the provider is not loaded)."""
    return registry().algorithmById(alg_id)


def exists(alg_id):
    return algorithm(alg_id) is not None


def has_parameter(alg_id_or_alg, name):
    """Whether the registered algorithm has parameter ``name`` (for tests and diagnostics)."""
    alg = algorithm(alg_id_or_alg) if isinstance(alg_id_or_alg, str) else alg_id_or_alg
    return alg is not None and alg.parameterDefinition(name) is not None


def parameter_name(alg_id, role):
    """The parameter of ``alg_id`` that takes ``role`` (KeyError when it takes none)."""
    return CONTRACT[alg_id][role][0]


def enum_value(definition, code, codes=()):
    """The value of an enumeration for ``code``: its index in ``codes`` (the class's tuple
    of codes, e.g. ``CoverageAlgorithm.METHODS``). ValueError for an unknown code."""
    del definition  # the codes are the contract; kept for the panel's calls
    return list(codes).index(code)


def prefill(alg_id, values):
    """Parameters of ``alg_id`` from ``values`` ({role: value}, roles of ``CONTRACT[alg_id]``).

    Empty values are left out (the algorithm's default applies); roles the
    algorithm does not take are ignored.
    """
    contract = CONTRACT[alg_id]
    parameters = {}
    for role, value in values.items():
        if role not in contract or value is None or value == "" or value == [] or value == ():
            continue
        name, convert = contract[role]
        parameters[name] = convert(value)
    return parameters


def missing_mandatory(alg_id, parameters):
    """Names of the mandatory inputs ``parameters`` leaves empty."""
    from qgis.core import QgsProcessingParameterDefinition

    alg = algorithm(alg_id)
    if alg is None:
        return []
    missing = []
    for definition in alg.parameterDefinitions():
        optional = definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
        if definition.isDestination() or optional:
            continue
        if definition.name() not in parameters and definition.defaultValue() is None:
            missing.append(definition.name())
    return missing


def complete_outputs(alg_id, parameters, project=None, load=True):
    """``parameters`` plus a temporary destination for every output left empty.

    With ``load``, layer outputs are loaded into ``project`` on completion,
    named after their description; else they are written to temporary
    GeoPackages the caller reads. File outputs go to QGIS's Processing
    temporary folder.
    """
    from qgis.core import (
        QgsProcessingDestinationParameter,
        QgsProcessingOutputLayerDefinition,
        QgsProcessingParameterFileDestination,
        QgsProcessingParameterFolderDestination,
        QgsProcessingUtils,
        QgsProject,
    )

    alg = algorithm(alg_id)
    completed = dict(parameters)
    if alg is None:
        return completed
    for definition in alg.destinationParameterDefinitions():
        if definition.name() in completed or not isinstance(definition, QgsProcessingDestinationParameter):
            continue
        if isinstance(definition, QgsProcessingParameterFileDestination):
            extension = definition.defaultFileExtension() or "dat"
            completed[definition.name()] = QgsProcessingUtils.generateTempFilename(
                "{}.{}".format(definition.name().lower(), extension))
        elif isinstance(definition, QgsProcessingParameterFolderDestination):
            completed[definition.name()] = QgsProcessingUtils.tempFolder()
        elif not load:
            completed[definition.name()] = QgsProcessingUtils.generateTempFilename(
                "{}.gpkg".format(definition.name().lower()))
        else:
            output = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", project or QgsProject.instance())
            output.destinationName = definition.description()
            completed[definition.name()] = output
    return completed


def open_dialog(alg_id, parameters):
    """The algorithm's own dialog, pre-filled (the user checks and runs it).

    Returns the results of the run made from the dialog ({} or None when it
    was closed without a successful run).
    """
    from qgis import processing

    return processing.execAlgorithmDialog(alg_id, parameters)
