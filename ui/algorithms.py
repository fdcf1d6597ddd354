"""The panel's view of the Processing registry: which algorithms exist, with
which parameters, and how to fill them from what the panel knows.

The panel never assumes an algorithm is installed: each button is wired to an
algorithm id and enabled only while the registry has it (the open-data and
report algorithms land separately).
"""

from qgis.core import (
    QgsApplication,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

PROVIDER_ID = "ville_numerique"
COVERAGE = "ville_numerique:coverage"
FETCH_SERVICES = "ville_numerique:fetch_services"
FETCH_POPULATION = "ville_numerique:fetch_population"
DATAGOUV_SEARCH = "ville_numerique:datagouv_search"
DATAGOUV_LOAD = "ville_numerique:datagouv_load"
REPORT = "ville_numerique:report"
SCENARIO = "ville_numerique:scenario"
RECOMMEND_SITES = "ville_numerique:recommend_sites"
FETCH_IGN = "ville_numerique:fetch_ign"
GEOCODE = "ville_numerique:geocode"
ISOCHRONE = "ville_numerique:isochrone"

#: Values the panel can offer, by the parameter names algorithms commonly use.
#: The first name found in an algorithm wins.
ROLE_NAMES = {
    "perimeter": ("PERIMETER", "AREA", "ZONE", "EXTENT", "BOUNDARY", "MASK"),
    "communes": ("COMMUNES", "COMMUNE", "INSEE"),
    "population": ("POPULATION", "DEMAND"),
    "population_field": ("POPULATION_FIELD",),
    "services": ("SERVICES", "SUPPLY", "EXISTING"),
    "category_field": ("CATEGORY_FIELD",),
    "categories": ("CATEGORIES", "CATEGORY"),
    "thresholds": ("THRESHOLDS",),
    "fragility_field": ("FRAGILITY_FIELD",),
    "fragility_weights": ("FRAGILITY_WEIGHTS",),
    "coverage": ("COVERAGE", "INPUT", "RESULT"),
    "summary": ("SUMMARY", "SUMMARY_JSON"),
    "scenario_summary": ("SCENARIO_SUMMARY",),
    "title": ("TITLE",),
    "query": ("QUERY", "SEARCH", "Q", "TEXT"),
    "dataset": ("DATASET", "DATASET_ID", "ID", "SLUG"),
    "resource": ("RESOURCE", "RESOURCE_ID", "URL"),
    "project_services": ("PROJECT_SERVICES", "NEW_SERVICES", "SCENARIO_SERVICES", "PLANNED"),
}


def registry():
    return QgsApplication.processingRegistry()


def algorithm(alg_id):
    """The registered algorithm ``alg_id`` or None."""
    return registry().algorithmById(alg_id)


def exists(alg_id):
    return algorithm(alg_id) is not None


def has_parameter(alg_id_or_alg, name):
    alg = algorithm(alg_id_or_alg) if isinstance(alg_id_or_alg, str) else alg_id_or_alg
    return alg is not None and alg.parameterDefinition(name) is not None


def enum_value(definition, code, codes=()):
    """The value of an enum parameter for ``code``.

    Options are matched on their text (case-insensitive, ``code`` or its
    position in ``codes``); a string parameter takes ``code`` itself.
    """
    if not isinstance(definition, QgsProcessingParameterEnum):
        return code
    index = _enum_index(definition, code, codes)
    if index is None:
        return None
    if hasattr(definition, "usesStaticStrings") and definition.usesStaticStrings():
        return definition.options()[index]  # such enums take their option text (METHOD=e2sfca)
    return index


def _enum_index(definition, code, codes=()):
    options = [str(o).lower() for o in definition.options()]
    lowered = str(code).lower()
    for index, option in enumerate(options):
        if option == lowered or option.startswith(lowered + " ") or "({})".format(lowered) in option:
            return index
    for index, option in enumerate(options):
        if lowered.replace("_", " ") in option or lowered in option:
            return index
    if code in codes and list(codes).index(code) < len(options):
        return list(codes).index(code)
    return None


def _value_for(definition, role, value):
    """``value`` converted for ``definition``, or None when it does not fit."""
    if value is None or value == "" or value == []:
        return None
    if role == "categories":
        if isinstance(definition, QgsProcessingParameterEnum):
            indices = [enum_value(definition, code) for code in value]
            indices = [i for i in indices if i is not None]
            if not indices:
                return None
            return indices if definition.allowMultiple() else indices[0]
        if isinstance(definition, QgsProcessingParameterString):
            return "|".join(value)
        return None
    layer_types = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                   QgsProcessingParameterMapLayer, QgsProcessingParameterExtent)
    if isinstance(definition, layer_types):
        return value
    if isinstance(definition, QgsProcessingParameterMultipleLayers):
        return [value]
    if isinstance(definition, (QgsProcessingParameterString, QgsProcessingParameterField,
                               QgsProcessingParameterFile)):
        return str(value)
    if isinstance(definition, QgsProcessingParameterNumber):
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    return None


def prefill(alg_id, values):
    """Parameters of ``alg_id`` filled from ``values`` ({role: value}, see ROLE_NAMES)."""
    alg = algorithm(alg_id)
    if alg is None:
        return {}
    parameters = {}
    for role, value in values.items():
        for name in ROLE_NAMES.get(role, ()):
            definition = alg.parameterDefinition(name)
            if definition is None or name in parameters:
                continue
            converted = _value_for(definition, role, value)
            if converted is not None:
                parameters[name] = converted
                break
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
