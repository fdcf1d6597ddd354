"""The algorithms' parameter contract (issue 12 point 2) and dialogs that work alone (issue 13).

* every parameter the panel passes (``ui/algorithms.CONTRACT``) exists in the
  registered algorithm, with the kind of value the panel gives: a renamed
  parameter fails here;
* option codes (class constants) match the options of the registered enums;
* each analysis algorithm runs with the defaults its dialog proposes on the
  Saint-Omer sample loaded like the panel's "Load the sample";
* thresholds in minutes (``epn=15min``) in-process and through qgis_process.
"""

import json

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
)

from .conftest import qgis_process_json, sample_layer
from .test_open_data_algorithms import env, fake, served_files  # noqa: F401 - fixtures used by name

LAYER_KINDS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)
#: the kind of parameter each role of the panel needs
ROLE_KINDS = {
    "population": LAYER_KINDS, "services": LAYER_KINDS, "coverage": LAYER_KINDS, "perimeter": LAYER_KINDS,
    "project_services": LAYER_KINDS,
    "population_field": (QgsProcessingParameterField,), "category_field": (QgsProcessingParameterField,),
    "fragility_field": (QgsProcessingParameterField,),
    "thresholds": (QgsProcessingParameterString,), "fragility_weights": (QgsProcessingParameterString,),
    "title": (QgsProcessingParameterString,), "communes": (QgsProcessingParameterString,),
    "query": (QgsProcessingParameterString,), "resource": (QgsProcessingParameterString,),
    "summary": (QgsProcessingParameterFile,), "scenario_summary": (QgsProcessingParameterFile,),
    "method": (QgsProcessingParameterEnum,), "decay": (QgsProcessingParameterEnum,),
}


def test_every_parameter_the_panel_passes_exists_in_the_registered_algorithm(provider):
    from ville_numerique.ui import algorithms

    assert set(algorithms.CONTRACT) >= {
        algorithms.COVERAGE, algorithms.SCENARIO, algorithms.RECOMMEND_SITES, algorithms.REPORT,
        algorithms.FETCH_SERVICES, algorithms.FETCH_POPULATION, algorithms.FETCH_IGN,
        algorithms.DATAGOUV_SEARCH, algorithms.DATAGOUV_LOAD}
    for alg_id, roles in algorithms.CONTRACT.items():
        alg = algorithms.algorithm(alg_id)
        assert alg is not None, "{} is not registered".format(alg_id)
        for role, (name, _convert) in roles.items():
            definition = alg.parameterDefinition(name)
            assert definition is not None, "{} has no parameter {} (role {})".format(alg_id, name, role)
            if role in ROLE_KINDS:
                assert isinstance(definition, ROLE_KINDS[role]), (alg_id, name, type(definition))
    # the parameters the panel names outside the contract
    for alg_id, names in (
        (algorithms.FETCH_IGN, ("LAYER", "COMMUNES", "BUFFER")),
        (algorithms.GEOCODE, ("QUERY", "KIND", "LIMIT")),
        (algorithms.ISOCHRONE, ("INPUT", "ID_FIELD", "MINUTES")),
    ):
        for name in names:
            assert algorithms.has_parameter(alg_id, name), (alg_id, name)


def test_option_codes_are_those_of_the_registered_enums(provider):
    from ville_numerique.processing.coverage import CoverageAlgorithm
    from ville_numerique.processing.fetch import FetchIgnAlgorithm
    from ville_numerique.processing.fetch_services import FetchServicesAlgorithm
    from ville_numerique.processing.geocode import GeocodeAlgorithm
    from ville_numerique.processing.parameters import decay_label, method_label
    from ville_numerique.processing.report import ReportAlgorithm
    from ville_numerique.ui import algorithms

    coverage = algorithms.algorithm(algorithms.COVERAGE)
    method = coverage.parameterDefinition(CoverageAlgorithm.METHOD)
    decay = coverage.parameterDefinition(CoverageAlgorithm.DECAY)
    assert CoverageAlgorithm.METHODS == ("nearest", "cumulative", "2sfca", "e2sfca")
    assert CoverageAlgorithm.DECAYS == ("step", "linear", "gaussian", "gravity")
    # translated labels in the dialog, the index as value (the code is accepted too)
    assert method.options() == [method_label(code) for code in CoverageAlgorithm.METHODS]
    assert decay.options() == [decay_label(code) for code in CoverageAlgorithm.DECAYS]
    assert method.options()[0] == "Nearest service (walking distance)" and not method.usesStaticStrings()
    assert method.defaultValue() == 0 and decay.defaultValue() == 0
    for value in (3, "3", "e2sfca"):
        assert method.checkValueIsAcceptable(value), value
    for value in ("3sfca", 4, "Nearest service (walking distance)"):  # a label is not a value
        assert not method.checkValueIsAcceptable(value), value

    categories = algorithms.algorithm(algorithms.FETCH_SERVICES).parameterDefinition("CATEGORIES")
    assert len(categories.options()) == len(FetchServicesAlgorithm.CATEGORY_CODES)
    for option, code in zip(categories.options(), FetchServicesAlgorithm.CATEGORY_CODES):
        assert option.endswith("({})".format(code))
    layer = algorithms.algorithm(algorithms.FETCH_IGN).parameterDefinition(FetchIgnAlgorithm.LAYER)
    assert len(layer.options()) == len(FetchIgnAlgorithm.LAYERS) and "communes" in FetchIgnAlgorithm.LAYERS
    kind = algorithms.algorithm(algorithms.GEOCODE).parameterDefinition(GeocodeAlgorithm.KIND)
    assert len(kind.options()) == len(GeocodeAlgorithm.KIND_CODES)
    assert kind.options()[GeocodeAlgorithm.KIND_CODES.index("municipality")] == "Communes"
    language = algorithms.algorithm(algorithms.REPORT).parameterDefinition(ReportAlgorithm.LANGUAGE)
    assert tuple(language.options()) == ReportAlgorithm.LANGUAGES == ("fr", "en")


def test_prefill_gives_each_role_to_its_one_parameter(provider):
    from ville_numerique.ui import algorithms

    values = {"population": "pop_id", "population_field": "ind", "services": "svc_id",
              "category_field": "categories", "thresholds": "epn=15min", "method": "e2sfca", "decay": "gaussian",
              "fragility_weights": "plus_65_ans=2", "fragility_field": None, "categories": ["epn", "wifi"],
              "coverage": "cov_id", "summary": "/tmp/s.json", "perimeter": "per_id", "communes": "62765",
              "dataset": "d1"}
    assert algorithms.prefill(algorithms.COVERAGE, values) == {
        "POPULATION": "pop_id", "POPULATION_FIELD": "ind", "SERVICES": "svc_id", "CATEGORY_FIELD": "categories",
        "THRESHOLDS": "epn=15min", "METHOD": 3, "DECAY": 2, "FRAGILITY_WEIGHTS": "plus_65_ans=2"}
    assert algorithms.prefill(algorithms.RECOMMEND_SITES, dict(values, categories=["conseiller_numerique"]))[
        "CATEGORY"] == "conseiller_numerique"
    fetch = algorithms.prefill(algorithms.FETCH_SERVICES, values)
    from ville_numerique.processing.fetch_services import FetchServicesAlgorithm

    codes = FetchServicesAlgorithm.CATEGORY_CODES
    assert fetch == {"AREA": "per_id", "COMMUNES": "62765", "CATEGORIES": [codes.index("epn"), codes.index("wifi")]}
    assert algorithms.prefill(algorithms.REPORT, values) == {
        "COVERAGE": "cov_id", "SUMMARY": "/tmp/s.json", "SERVICES": "svc_id", "PERIMETER": "per_id"}
    assert algorithms.prefill(algorithms.DATAGOUV_LOAD, {"resource": "r1", "dataset": "d1"}) == {"RESOURCE": "r1"}
    assert algorithms.enum_value(None, "gravity", algorithms.CoverageAlgorithm.DECAYS) == 3
    with pytest.raises(ValueError):
        algorithms.prefill(algorithms.COVERAGE, {"method": "3sfca"})  # no fuzzy matching
    with pytest.raises(KeyError):
        algorithms.prefill(algorithms.FETCH_SERVICES, {"categories": ["piscine"]})
    with pytest.raises(ValueError):  # one category per recommendation (issue 13 point 3)
        algorithms.prefill(algorithms.RECOMMEND_SITES, {"categories": ["epn", "wifi"]})


def test_the_panel_search_reads_the_layer_datagouv_search_returns(provider, run_alg, fake, env):  # noqa: F811
    from ville_numerique.ui import algorithms
    from ville_numerique.ui.search import search_rows

    parameters = algorithms.complete_outputs(
        algorithms.DATAGOUV_SEARCH, algorithms.prefill(algorithms.DATAGOUV_SEARCH, {"query": "lieux"}), load=False)
    parameters["TAG"] = "inclusion-numerique"
    results = run_alg(algorithms.DATAGOUV_SEARCH, parameters)
    assert str(results["OUTPUT"]).endswith(".gpkg")  # a layer, not a JSON file
    rows = search_rows(results)
    layer = QgsVectorLayer(results["OUTPUT"], "search", "ogr")
    datasets = {f["id"] for f in layer.getFeatures()}
    assert len(rows) == len(datasets) == results["DATASETS"] and rows
    for row in rows:
        assert row["title"] and row["resource"]
        formats = {f["format"] for f in layer.getFeatures() if f["id"] == row["id"]}
        assert set(row["formats"].split(", ")) == formats
        resources = {f["resource_id"] for f in layer.getFeatures() if f["id"] == row["id"]}
        assert row["resource"] in resources
        assert len(row["last_update"]) == 10  # a date


# --------------------------------------------------------------------------
# dialogs that work alone
# --------------------------------------------------------------------------
@pytest.fixture
def sample_project(qgis_new_project, qgis_iface):
    """The sample loaded like the panel's "Load the Saint-Omer sample" (five layers, in a group)."""
    from ville_numerique.ui.actions import load_sample

    layers = load_sample(qgis_iface)
    assert set(layers) == {"services", "projet_gare", "gare", "carreaux_200m", "communes"}
    yield layers
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


@pytest.fixture
def dialog_defaults(qgis_processing, monkeypatch):
    """The parameters the real Processing dialog of an algorithm proposes, as the toolbox opens it.

    Fails for a mandatory layer or file input left empty.
    """
    import processing.gui.ParametersPanel as parameters_panel
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    monkeypatch.setattr(parameters_panel, "iface", None)  # the mock iface has no browser model
    dialogs = []

    def defaults(alg_id):
        alg = QgsApplication.processingRegistry().algorithmById(alg_id).create()  # as the toolbox does
        dialog = AlgorithmDialog(alg, False, None)
        dialogs.append(dialog)
        parameters = dialog.mainWidget().createProcessingParameters()
        for definition in alg.parameterDefinitions():
            optional = definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
            if isinstance(definition, LAYER_KINDS + (QgsProcessingParameterFile,)) and not optional:
                assert parameters.get(definition.name()), "{}: nothing proposed for {}".format(
                    alg_id, definition.name())
        return alg, parameters

    yield defaults
    for dialog in dialogs:
        dialog.deleteLater()


def run_with(alg, parameters, tmp_path):
    from qgis import processing

    for definition in alg.destinationParameterDefinitions():
        extension = getattr(definition, "defaultFileExtension", lambda: "gpkg")() or "gpkg"
        parameters[definition.name()] = str(tmp_path / "{}_{}.{}".format(alg.name(), definition.name(), extension))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(alg, parameters, context=context, feedback=QgsProcessingFeedback())


def test_each_analysis_runs_with_its_dialog_defaults_on_the_sample(provider, sample_project, dialog_defaults, tmp_path):
    from ville_numerique.ui import algorithms

    ids = {name: layer.id() for name, layer in sample_project.items()}
    alg, parameters = dialog_defaults(algorithms.COVERAGE)
    assert (parameters["POPULATION"], parameters["SERVICES"]) == (ids["carreaux_200m"], ids["services"])
    assert (parameters["POPULATION_FIELD"], parameters["CATEGORY_FIELD"]) == ("ind", "categories")
    assert parameters["METHOD"] == 0 and parameters["DECAY"] == 0
    assert "epn=15min" in parameters["THRESHOLDS"] and "wifi=4.5min" in parameters["THRESHOLDS"]
    results = run_with(alg, parameters, tmp_path)
    summary = json.loads(open(results["SUMMARY"], encoding="utf-8").read())
    assert summary["population_total"] == pytest.approx(15174.5)  # the 125 cells (PROVENANCE.md)
    assert summary["inputs"]["thresholds_m"]["epn"] == 1000 and summary["inputs"]["thresholds_m"]["wifi"] == 300

    alg, parameters = dialog_defaults(algorithms.SCENARIO)
    assert (parameters["SERVICES"], parameters["PLANNED"]) == (ids["services"], ids["projet_gare"])
    results = run_with(alg, parameters, tmp_path)
    scenario = json.loads(open(results["SUMMARY"], encoding="utf-8").read())
    assert scenario["after"]["score_mean"] >= scenario["before"]["score_mean"]

    alg, parameters = dialog_defaults(algorithms.RECOMMEND_SITES)
    assert parameters["POPULATION"] == ids["carreaux_200m"] and parameters["SERVICES"] == ids["services"]
    results = run_with(alg, parameters, tmp_path)
    assert QgsVectorLayer(results["OUTPUT"], "sites", "ogr").featureCount() == 2  # K = 2 by default


def test_the_report_dialog_proposes_the_coverage_and_its_summary(provider, sample_project, dialog_defaults,
                                                                 tmp_path):
    from ville_numerique.ui import algorithms

    alg, parameters = dialog_defaults(algorithms.COVERAGE)
    parameters.update(OUTPUT=str(tmp_path / "coverage.gpkg"), SUMMARY=str(tmp_path / "coverage.json"))
    from qgis import processing

    processing.run(alg, parameters)
    coverage = QgsVectorLayer(str(tmp_path / "coverage.gpkg"), "Coverage", "ogr")
    QgsProject.instance().addMapLayer(coverage)
    alg, parameters = dialog_defaults(algorithms.REPORT)
    assert parameters["COVERAGE"] == coverage.id()
    assert parameters["SUMMARY"] == str(tmp_path / "coverage.json")
    assert parameters["SERVICES"] == sample_project["services"].id()
    results = run_with(alg, parameters, tmp_path)
    assert "<html" in open(results["OUTPUT_HTML"], encoding="utf-8").read().lower()


def test_no_layer_fits_no_layer_proposed(provider, qgis_new_project):
    """Only the communes (no population field) and the station: the dialog proposes nothing."""
    from ville_numerique.ui import algorithms

    for name in ("communes", "gare"):
        QgsProject.instance().addMapLayer(QgsVectorLayer(sample_layer(name), name, "ogr"))
    try:
        alg = algorithms.registry().createAlgorithmById(algorithms.COVERAGE)
        assert alg.parameterDefinition("POPULATION").defaultValueForGui() is None
        assert alg.parameterDefinition("SERVICES").defaultValueForGui() is None
        # outside the dialogs (qgis_process, Python) nothing changes
        assert alg.parameterDefinition("POPULATION_FIELD").defaultValue() == "ind"
    finally:
        QgsProject.instance().removeAllMapLayers()


# --------------------------------------------------------------------------
# thresholds in metres or minutes, fragility keys in French or English
# --------------------------------------------------------------------------
def test_thresholds_in_minutes_or_metres(run_alg, tmp_path):
    common = {"POPULATION": sample_layer("carreaux_200m"), "SERVICES": sample_layer("services")}
    summaries = []
    for index, thresholds in enumerate(("epn=15min;wifi=4.5min", "epn=1000;wifi=300m", "epn=1km;wifi=300")):
        path = tmp_path / "s{}.json".format(index)
        run_alg("ville_numerique:coverage", dict(common, THRESHOLDS=thresholds, OUTPUT="memory:", SUMMARY=str(path)))
        summaries.append(json.loads(path.read_text(encoding="utf-8")))
    # 15 min at 4 km/h = 15 × 4000 / 60 = 1000 m; 4.5 min = 300 m
    for summary in summaries:
        assert summary["inputs"]["thresholds_m"]["epn"] == 1000
        assert summary["inputs"]["thresholds_m"]["wifi"] == 300
    assert summaries[0]["categories"] == summaries[1]["categories"] == summaries[2]["categories"]


def test_fragility_weights_in_french_or_english(run_alg, tmp_path):
    common = {"POPULATION": sample_layer("carreaux_200m"), "SERVICES": sample_layer("services"), "OUTPUT": "memory:"}
    english = run_alg("ville_numerique:coverage", dict(
        common, FRAGILITY_WEIGHTS="age_65_plus=2;poor_households=1", SUMMARY=str(tmp_path / "en.json")))
    french = run_alg("ville_numerique:coverage", dict(
        common, FRAGILITY_WEIGHTS="plus_65_ans=2;Ménages pauvres=1", SUMMARY=str(tmp_path / "fr.json")))
    values = [sorted(f["fragility"] for f in result["OUTPUT"].getFeatures() if f["fragility"] is not None)
              for result in (english, french)]
    assert values[0] == values[1] and len(values[0]) > 100
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="given twice"):
        run_alg("ville_numerique:coverage", dict(common, FRAGILITY_WEIGHTS="plus_65_ans=2;age_65_plus=1"))


@pytest.mark.slow
def test_qgis_process_takes_thresholds_in_minutes_and_method_codes(qgis_process_env, tmp_path):
    summary = tmp_path / "s.json"
    code, _data, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:coverage", "--",
        "POPULATION=" + sample_layer("carreaux_200m"), "SERVICES=" + sample_layer("services"),
        "THRESHOLDS=epn=15min;wifi=2min", "METHOD=cumulative", "DECAY=1",
        "OUTPUT=" + str(tmp_path / "c.gpkg"), "SUMMARY=" + str(summary))
    assert code == 0, output
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["inputs"]["thresholds_m"]["epn"] == 1000
    assert data["inputs"]["thresholds_m"]["wifi"] == pytest.approx(133.33)  # 2 × 66.67 m, to the centimetre
    assert (data["method"], data["decay"]) == ("cumulative", "linear")
