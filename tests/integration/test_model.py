"""The Processing model resources/models/ville_numerique_pipeline.model3.

* the committed file is what scripts/build_model.py generates now;
* it loads and validates, its steps are fetch_population → fetch_services →
  coverage → report, wired as documented in resources/models/README.md;
* it runs in-process for Saint-Omer (62765) against the local server standing
  in for data.gouv.fr and the IGN Géoplateforme (test_open_data_algorithms.py
  says what it serves: real INSEE cells, real lieux and France Services files);
* a server answering 500 stops it with a clear message and no report;
* it runs through ``qgis_process.bin run <file.model3>`` too.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProject,
    QgsVectorLayer,
)
from ville_numerique.processing.compat import MODEL_SOURCE

from .conftest import ROOT, qgis_process_json
from .test_open_data_algorithms import (  # noqa: F401 - fixtures used by name
    COMMUNES_TYPENAME,
    GRID_TYPENAME,
    SAINT_OMER,
    SAMPLES,
    Feedback,
    env,
    fake,
    fast_retries,
    served_files,
)

MODEL = ROOT / "resources" / "models" / "ville_numerique_pipeline.model3"
BUILD_SCRIPT = ROOT / "scripts" / "build_model.py"
STEPS = ["fetch_population", "fetch_services", "coverage", "report"]
ALGORITHMS = ["ville_numerique:" + step for step in STEPS]
#: parameter names of the model outputs: "<child id>:<output name>"
COVERAGE_OUT, SUMMARY_OUT = "coverage:COVERAGE", "coverage:SUMMARY"
HTML_OUT, PDF_OUT = "report:OUTPUT_HTML", "report:OUTPUT_PDF"
#: the runs need the real files behind the local open-data server
needs_data = pytest.mark.usefixtures()  # the real extracts are committed: a missing file fails


def load_model(path=MODEL):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path)), "{} could not be read".format(path)
    return model


def source_description(source):
    """A comparable description of a child parameter source."""
    kind = source.source()
    if kind == MODEL_SOURCE.ModelParameter:
        return ("model_parameter", source.parameterName())
    if kind == MODEL_SOURCE.ChildOutput:
        return ("child_output", source.outputChildId(), source.outputName())
    if kind == MODEL_SOURCE.StaticValue:
        return ("static", source.staticValue())
    return ("other", source.toVariant())


def description(model):
    """What the model does, without the layout of its boxes."""
    children = {}
    for child_id, child in model.childAlgorithms().items():
        children[child_id] = {
            "algorithm": child.algorithmId(),
            "active": child.isActive(),
            "sources": {
                name: [source_description(s) for s in sources]
                for name, sources in sorted(child.parameterSources().items())
            },
            "outputs": {
                name: (output.childOutputName(), output.isMandatory(), output.description())
                for name, output in sorted(child.modelOutputs().items())
            },
            "dependencies": sorted((d.childId, d.conditionalBranch) for d in child.dependencies()),
        }
    return {
        "name": model.name(),
        "group": model.group(),
        # QGIS 3.40 names a model's destination parameters and outputs "<step>:<OUTPUT>" when it
        # builds the model, 3.22 after the output: they are told apart by their description
        "parameters": [
            ("<output>" if p.isDestination() else p.name(), p.type(), p.description(), p.defaultValue(),
             int(p.flags()))
            for p in model.parameterDefinitions()
        ],
        "outputs": sorted((o.type(), o.description()) for o in model.outputDefinitions()),
        "children": children,
        "help": model.helpContent(),
    }


def layout(model):
    """Position and size of every box of the model (inputs, steps, outputs)."""
    def box(component):
        return (component.position().x(), component.position().y(), component.size().width(),
                component.size().height(), component.description())

    boxes = {"input:" + name: box(c) for name, c in model.parameterComponents().items()}
    for child_id, child in model.childAlgorithms().items():
        boxes["step:" + child_id] = box(child)
        for name, output in child.modelOutputs().items():
            boxes["output:{}:{}".format(child_id, name)] = box(output)
    return boxes


def execution_order(model):
    """Child ids in an order the model can run them (dependencies first)."""
    done, order = set(), []
    pending = dict(model.childAlgorithms())
    while pending:
        ready = sorted(
            cid for cid in pending if model.dependsOnChildAlgorithms(cid) <= done
        )
        assert ready, "circular dependencies: {}".format(sorted(pending))
        for cid in ready:
            order.append(cid)
            done.add(cid)
            del pending[cid]
    return order


def run_model(parameters, feedback=None):
    """Run the model file in-process, like the Processing dialog does."""
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(load_model(), parameters, context=context, feedback=feedback or Feedback())


def expected_population(fake):  # noqa: F811
    """Inhabitants of the fake grid's cells that touch Saint-Omer (the fake's commune polygon)."""
    from ville_numerique.processing.open_data import geometry_from_geojson

    commune = next(
        f for f in fake.layers[COMMUNES_TYPENAME] if f["properties"].get("code_insee") == SAINT_OMER
    )
    area = geometry_from_geojson(commune["geometry"])
    cells = [
        f for f in fake.layers[GRID_TYPENAME] if area.intersects(geometry_from_geojson(f["geometry"]))
    ]
    return len(cells), sum(f["properties"]["ind"] or 0.0 for f in cells)


def files_in(folder):
    """Files of ``folder``, without the SQLite journals a GeoPackage may leave for a while."""
    return sorted(p.name for p in Path(folder).iterdir() if not p.name.endswith(("-wal", "-shm")))


# --------------------------------------------------------------------------
# (1) the committed file is what the script generates
# --------------------------------------------------------------------------
def test_committed_model_is_what_the_build_script_writes(provider, tmp_path):
    generated = tmp_path / "generated.model3"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):  # the script makes its own QGIS
        environment.pop(name, None)
    proc = subprocess.run(
        [sys.executable, "-P", str(BUILD_SCRIPT), "--output", str(generated)],
        env=environment, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert MODEL.is_file(), "resources/models/ville_numerique_pipeline.model3 is missing: run {}".format(
        BUILD_SCRIPT.relative_to(ROOT))
    hint = "the committed model differs from what scripts/build_model.py writes: run it and commit the file"
    expected, committed = load_model(generated), load_model(MODEL)
    # what the model does: steps, algorithms, wiring, static values, inputs, outputs, help
    for key, value in description(expected).items():
        assert description(committed)[key] == value, "{} ({})".format(hint, key)
    # and where the boxes are in the Graphical Modeler (compared as data: the XML itself may
    # differ between QGIS versions for the same model)
    assert layout(committed) == layout(expected), "{} (layout)".format(hint)


# --------------------------------------------------------------------------
# (2) the model loads, validates, and is wired as documented
# --------------------------------------------------------------------------
def test_model_loads_validates_and_chains_the_four_algorithms(provider):
    from ville_numerique.core import report as core_report

    model = load_model()
    assert model.name() == model.displayName() == "Ville numérique — couverture d'une commune"
    assert model.group() == "Ville numérique"
    valid, problems = model.validate()
    assert valid, problems
    assert model.canExecute()[0]

    # the steps, in the order they run
    assert execution_order(model) == STEPS
    assert [model.childAlgorithm(cid).algorithmId() for cid in execution_order(model)] == ALGORITHMS
    for child_id in STEPS:
        assert model.childAlgorithm(child_id).algorithm() is not None, child_id
    assert model.dependsOnChildAlgorithms("fetch_services") == {"fetch_population"}
    assert model.dependsOnChildAlgorithms("report") == {"fetch_population", "fetch_services", "coverage"}

    # inputs
    inputs = [p for p in model.parameterDefinitions() if not p.isDestination()]
    assert [(p.name(), p.type()) for p in inputs] == [
        ("COMMUNES", "string"), ("THRESHOLDS", "string"), ("LANGUAGE", "enum")]
    defaults = {p.name(): p.defaultValue() for p in inputs}
    assert defaults == {
        "COMMUNES": "62765",
        # the built-in walking times, 15 min = 1 000 m at 4 km/h (epn), 4.5 min = 300 m (wifi)
        "THRESHOLDS": "epn=15min;france_services=22.5min;conseiller_numerique=15min;tiers_lieu=22.5min;"
                      "fablab=30min;wifi=4.5min",
        "LANGUAGE": core_report.DEFAULT_LANGUAGE,
    }
    language = model.parameterDefinition("LANGUAGE")
    assert language.usesStaticStrings() and language.options() == list(core_report.LANGUAGES)
    # outputs: parameters "<child id>:<output name>"; only the PDF is optional
    destinations = {p.name(): p for p in model.destinationParameterDefinitions()}
    assert sorted(destinations) == sorted([COVERAGE_OUT, SUMMARY_OUT, HTML_OUT, PDF_OUT])
    is_optional = QgsProcessingParameterDefinition.Flag.FlagOptional
    optional = {name for name, p in destinations.items() if p.flags() & is_optional}
    assert optional == {PDF_OUT}
    assert {o.name(): o.type() for o in model.outputDefinitions()} == {
        COVERAGE_OUT: "outputVector", SUMMARY_OUT: "outputFile", HTML_OUT: "outputHtml", PDF_OUT: "outputFile"}

    def wiring(child_id):
        return {
            name: source_description(sources[0])
            for name, sources in model.childAlgorithm(child_id).parameterSources().items()
        }

    population = wiring("fetch_population")
    assert population["COMMUNES"] == ("model_parameter", "COMMUNES")
    assert population["BUFFER"] == ("static", 0.0)
    services = wiring("fetch_services")
    assert services["COMMUNES"] == ("model_parameter", "COMMUNES")
    assert services["BUFFER"] == ("static", 1000.0)
    assert services["LIEUX"] == services["FRANCE_SERVICES"] == ("static", True)
    categories = model.childAlgorithm("fetch_services").algorithm().parameterDefinition("CATEGORIES")
    assert services["CATEGORIES"] == ("static", categories.defaultValue())  # every category
    coverage = wiring("coverage")
    assert coverage["POPULATION"] == ("child_output", "fetch_population", "OUTPUT")
    assert coverage["SERVICES"] == ("child_output", "fetch_services", "OUTPUT")
    assert coverage["THRESHOLDS"] == ("model_parameter", "THRESHOLDS")
    assert coverage["POPULATION_FIELD"] == ("static", "ind")
    report = wiring("report")
    assert report["COVERAGE"] == ("child_output", "coverage", "OUTPUT")
    assert report["SUMMARY"] == ("child_output", "coverage", "SUMMARY")
    assert report["SERVICES"] == ("child_output", "fetch_services", "OUTPUT")
    assert report["LANGUAGE"] == ("model_parameter", "LANGUAGE")
    outputs = {
        (child_id, output.childOutputName())
        for child_id in STEPS
        for output in model.childAlgorithm(child_id).modelOutputs().values()
    }
    assert outputs == {("coverage", "OUTPUT"), ("coverage", "SUMMARY"), ("report", "OUTPUT_HTML"),
                       ("report", "OUTPUT_PDF")}

    # the values a user gives are accepted; a missing report file is not
    context = QgsProcessingContext()
    given = {"COMMUNES": SAINT_OMER, "THRESHOLDS": "epn=800", "LANGUAGE": "en", COVERAGE_OUT: "TEMPORARY_OUTPUT",
             SUMMARY_OUT: "TEMPORARY_OUTPUT", HTML_OUT: "TEMPORARY_OUTPUT"}
    assert model.checkParameterValues(given, context)[0]
    assert not model.checkParameterValues(dict(given, **{HTML_OUT: None}), context)[0]


# --------------------------------------------------------------------------
# (3) the model runs for Saint-Omer against the local open-data server
# --------------------------------------------------------------------------
@needs_data
def test_model_runs_for_saint_omer(provider, fake, env, tmp_path):  # noqa: F811
    out = tmp_path / "out"
    out.mkdir()
    paths = {
        COVERAGE_OUT: str(out / "couverture.gpkg"),
        SUMMARY_OUT: str(out / "synthese.json"),
        HTML_OUT: str(out / "rapport.html"),
        PDF_OUT: str(out / "rapport.pdf"),
    }
    feedback = Feedback()
    result = run_model(dict(paths, COMMUNES=SAINT_OMER, THRESHOLDS="epn=800;wifi=250", LANGUAGE="en"), feedback)

    for name, path in paths.items():
        assert result[name] == path and Path(path).is_file(), name
    cells, inhabitants = expected_population(fake)
    assert 12445 < inhabitants < 15174.5  # Saint-Omer's cells and those crossing its boundary

    # the coverage layer: one feature per cell of the commune, with the coverage fields
    layer = QgsVectorLayer(paths[COVERAGE_OUT], "coverage", "ogr")
    assert layer.isValid() and layer.featureCount() == cells
    names = layer.fields().names()
    for name in ("id_inspire", "ind", "dist_epn", "cov_epn", "dist_france_services", "score", "fragility"):
        assert name in names, name
    assert sum(f["ind"] for f in layer.getFeatures()) == pytest.approx(inhabitants)

    # the summary: the grid's inhabitants, the thresholds given, the services of the commune + 1000 m
    summary = json.loads(Path(paths[SUMMARY_OUT]).read_text(encoding="utf-8"))
    assert summary["population_total"] == pytest.approx(inhabitants)
    assert summary["categories"]["epn"]["threshold_m"] == 800
    assert summary["categories"]["wifi"]["threshold_m"] == 250
    assert summary["categories"]["france_services"]["threshold_m"] == 1500  # not listed: default
    child = result["CHILD_RESULTS"]
    assert child["fetch_population"]["COUNT"] == cells
    assert child["fetch_population"]["POPULATION_TOTAL"] == pytest.approx(inhabitants)
    assert child["coverage"]["POPULATION_TOTAL"] == pytest.approx(inhabitants)
    # Saint-Omer alone has 10 places (test_open_data_algorithms.py); the 1000 m band adds its neighbours'
    assert summary["counts"]["services"] == child["fetch_services"]["COUNT"] > 10
    assert "1000 m" in feedback.log  # "Area: communes 62765 Saint-Omer + 1000 m."

    # the report, in the language asked, from this coverage
    html = Path(paths[HTML_OUT]).read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Saint-Omer" in html
    assert "{:,}".format(round(inhabitants)).replace(",", "") in html.replace(",", "").replace("\u00a0", "")
    assert Path(paths[PDF_OUT]).read_bytes()[:5] == b"%PDF-"
    assert child["report"]["PDF_PAGES"] >= 2

    # the intermediate layers (grid, services) are temporary: only the outputs asked are in the folder
    assert set(files_in(out)) <= {"couverture.gpkg", "couverture.qml", "synthese.json", "rapport.html",
                                  "rapport.pdf"}
    assert "Traceback" not in feedback.log


@needs_data
def test_model_defaults_french_report_without_pdf(provider, fake, env, tmp_path):  # noqa: F811
    """Inputs left out: the children's defaults apply (the same as the model's); no PDF unless asked."""
    out = tmp_path / "out"
    out.mkdir()
    paths = {COVERAGE_OUT: str(out / "c.gpkg"), SUMMARY_OUT: str(out / "s.json"), HTML_OUT: str(out / "r.html")}
    result = run_model(dict(paths, COMMUNES=SAINT_OMER))
    assert result.get(PDF_OUT) is None and "OUTPUT_PDF" not in result["CHILD_RESULTS"]["report"]
    summary = json.loads(Path(paths[SUMMARY_OUT]).read_text(encoding="utf-8"))
    assert summary["categories"]["epn"]["threshold_m"] == 1000
    assert '<html lang="fr">' in Path(paths[HTML_OUT]).read_text(encoding="utf-8")
    assert not any(name.endswith(".pdf") for name in files_in(out))


# --------------------------------------------------------------------------
# (4) a server that keeps failing stops the model: clear message, no report
# --------------------------------------------------------------------------
@needs_data
def test_server_error_stops_the_model_without_report(provider, fake, env, fast_retries, tmp_path):  # noqa: F811
    fake.fault("/", "status", status=500)
    out = tmp_path / "out"
    out.mkdir()
    paths = {
        COVERAGE_OUT: str(out / "couverture.gpkg"),
        SUMMARY_OUT: str(out / "synthese.json"),
        HTML_OUT: str(out / "rapport.html"),
        PDF_OUT: str(out / "rapport.pdf"),
    }
    feedback = Feedback()
    with pytest.raises(QgsProcessingException) as info:
        run_model(dict(paths, COMMUNES=SAINT_OMER), feedback)
    # QGIS names the step that failed; the step reported why
    assert "Grille de population INSEE 200 m" in str(info.value)
    # QGIS 3.22 passes the step's error to reportError; 3.40 also folds it into the log and
    # the exception: the user must read why, wherever this QGIS shows it
    said = "\n".join([str(info.value), feedback.log, feedback.textLog()])
    assert "HTTP 500" in said and "Try again later" in said, said
    assert "Traceback" not in said
    assert fake.count("/wfs/ows") >= 2  # retried before giving up
    assert fake.count("/api/") == 0  # the chain stopped at its first step
    assert files_in(out) == []  # no report, no coverage, no half-written file


# --------------------------------------------------------------------------
# (5) through qgis_process, as a batch user runs the model file
# --------------------------------------------------------------------------
@needs_data
@pytest.mark.slow
def test_qgis_process_runs_the_model_file(qgis_process_env, fake, tmp_path):  # noqa: F811
    cli_env = dict(qgis_process_env)
    cli_env.update(
        VILLE_NUMERIQUE_DATAGOUV_URL=fake.base,
        VILLE_NUMERIQUE_GEOPF_URL=fake.base,
        VILLE_NUMERIQUE_CACHE_DIR=str(tmp_path / "cache"),
        VILLE_NUMERIQUE_READ_TIMEOUT="10",
    )
    cli_env.pop("VILLE_NUMERIQUE_OFFLINE", None)
    out = tmp_path / "out"
    out.mkdir()
    paths = {
        COVERAGE_OUT: str(out / "couverture.gpkg"),
        SUMMARY_OUT: str(out / "synthese.json"),
        HTML_OUT: str(out / "rapport.html"),
        PDF_OUT: str(out / "rapport.pdf"),
    }
    arguments = ["COMMUNES=62765", "THRESHOLDS=epn=800", "LANGUAGE=en"]
    arguments += ["{}={}".format(name, path) for name, path in paths.items()]
    code, data, log = qgis_process_json(cli_env, "run", str(MODEL), "--", *arguments)
    assert code == 0, log
    results = data["results"]
    for name, path in paths.items():
        assert results[name] == path and Path(path).is_file(), name
    _cells, inhabitants = expected_population(fake)
    summary = json.loads(Path(paths[SUMMARY_OUT]).read_text(encoding="utf-8"))
    assert summary["population_total"] == pytest.approx(inhabitants)
    assert summary["categories"]["epn"]["threshold_m"] == 800
    assert '<html lang="en">' in Path(paths[HTML_OUT]).read_text(encoding="utf-8")
    assert Path(paths[PDF_OUT]).read_bytes()[:5] == b"%PDF-"


@needs_data
@pytest.mark.slow
def test_qgis_process_reports_a_server_error(qgis_process_env, fake, tmp_path):  # noqa: F811
    fake.fault("/", "status", status=500)
    cli_env = dict(qgis_process_env)
    cli_env.update(
        VILLE_NUMERIQUE_DATAGOUV_URL=fake.base,
        VILLE_NUMERIQUE_GEOPF_URL=fake.base,
        VILLE_NUMERIQUE_CACHE_DIR=str(tmp_path / "cache"),
        VILLE_NUMERIQUE_READ_TIMEOUT="10",
    )
    out = tmp_path / "out"
    out.mkdir()
    code, _data, log = qgis_process_json(
        cli_env, "run", str(MODEL), "--", "COMMUNES=62765",
        "{}={}".format(COVERAGE_OUT, out / "c.gpkg"), "{}={}".format(SUMMARY_OUT, out / "s.json"),
        "{}={}".format(HTML_OUT, out / "r.html"),
    )
    assert code != 0
    assert "HTTP 500" in log and "Traceback" not in log
    assert files_in(out) == []
