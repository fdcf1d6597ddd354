"""The panel's flow after an analysis (issue 13): follow-ups enabled only with a result, the
recommendation's category, the scenario carried into the results and the report, readable
reports, the perimeter applied by default, and the words of the logs and legends.

The algorithms' dialogs are modal: the ``dialog_runs`` fixture stands for a user who presses
*Run* in the pre-filled dialog (the real algorithm runs with exactly those parameters).
"""

# ruff: noqa: F811 - the fixtures of test_panel, used by name
import json
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from .conftest import SAMPLE
from .test_panel import TIMEOUT_MS, dialogs, panel, recent_settings, wait_idle  # noqa: F401 - fixtures


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)
        super().pushInfo(info)


@pytest.fixture
def dialog_runs(monkeypatch, tmp_path):
    """``algorithms.open_dialog`` replaced by a run of the algorithm with the dialog's parameters."""
    from ville_numerique.ui import algorithms

    runs = []

    def run(alg_id, parameters):
        completed = algorithms.complete_outputs(alg_id, parameters, load=False)
        for name, value in list(completed.items()):  # outputs in tmp_path, as a user would pick
            if isinstance(value, str) and name.startswith(("OUTPUT", "SUMMARY")) and name not in parameters:
                completed[name] = str(tmp_path / "{}_{}{}".format(alg_id.split(":")[1], name.lower(),
                                                                   Path(value).suffix))
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        results, ok = algorithms.algorithm(alg_id).run(completed, context, QgsProcessingFeedback())
        assert ok, alg_id
        runs.append((alg_id, dict(parameters), results))
        return results

    monkeypatch.setattr(algorithms, "open_dialog", run)
    return runs


def analyse(panel, qtbot):
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
    assert finished.args == [True], panel.last_message
    wait_idle(qtbot, panel)


def test_follow_ups_wait_for_an_analysis_result(panel, qtbot, dialogs):  # noqa: F811
    buttons = (panel.report_button, panel.scenario_button, panel.recommend_button)
    assert not any(button.isEnabled() for button in buttons)
    assert all(button.toolTip() == "Run an analysis first (3. Analysis)." for button in buttons)
    panel.load_sample()  # layers, but no result yet: Rapport would take the Communes as the coverage
    assert not any(button.isEnabled() for button in buttons)
    assert not panel.open_follow_up("ville_numerique:report") and dialogs == []
    analyse(panel, qtbot)
    assert all(button.isEnabled() for button in buttons)
    panel.report_button.click()
    assert dialogs[-1][1]["COVERAGE"] == panel.output_layer_id
    QgsProject.instance().removeMapLayer(panel.output_layer_id)  # the coverage layer deleted by the user
    assert not any(button.isEnabled() for button in buttons)


def test_recommendation_proposes_the_tutorials_category_and_finds_its_site(panel, qtbot, dialog_runs):
    panel.load_sample()
    assert not panel.recommend_category_combo.isEnabled() and panel.recommend_category_combo.count() == 0
    analyse(panel, qtbot)
    combo = panel.recommend_category_combo
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert codes == list(panel.summary["categories"])
    assert combo.itemText(codes.index("wifi")) == "Public internet access"  # labels, not codes
    # weighted by fragility and by the category's weight in the score: conseiller numérique
    # (4 318 fragile inhabitants x 2) before the wifi (6 138 x 1), the least covered in share
    assert combo.currentData() == "conseiller_numerique"
    assert combo.currentText() == "Digital adviser (conseiller numérique)"
    panel.recommend_button.click()
    alg_id, parameters, results = dialog_runs[-1]
    assert alg_id == "ville_numerique:recommend_sites"
    assert parameters["CATEGORY"] == "conseiller_numerique"
    sites = json.loads(Path(results["SUMMARY"]).read_text(encoding="utf-8"))
    assert sites["candidates"] == 182
    assert round(sites["sites"][0]["population_gain"]) == 6727  # docs/atelier, step 6
    # another category chosen in the list reaches the algorithm
    combo.setCurrentIndex(codes.index("wifi"))
    panel.recommend_button.click()
    assert dialog_runs[-1][1]["CATEGORY"] == "wifi"


def test_scenario_is_shown_and_carried_into_the_report(panel, qtbot, dialog_runs):
    panel.load_sample()
    analyse(panel, qtbot)
    assert not panel.scenario_label.isVisible()
    panel.scenario_button.click()
    alg_id, parameters, results = dialog_runs[-1]
    assert alg_id == "ville_numerique:scenario" and "projet_gare" in parameters["PLANNED"]
    assert panel.scenario_label.isVisible()
    assert panel.scenario_label.text() == "Scenario: mean score 78.6 → 80.8 (+2.1 points)"  # atelier, step 5
    assert panel.scenario_summary_path == results["SUMMARY"]

    panel.report_button.click()
    alg_id, parameters, results = dialog_runs[-1]
    assert alg_id == "ville_numerique:report"
    assert parameters["SCENARIO_SUMMARY"] == panel.scenario_summary_path
    html = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert 'id="scenario"' in html
    assert "78,6" in html and "80,8" in html
    # the title names the commune (official name of the communes layer), not the station "St-Omer"
    assert "<h1>Couverture numérique — Saint-Omer</h1>" in html
    assert "St-Omer" not in html
    # no internal layer ids: the sample's layers are named by their file and layer
    for layer in QgsProject.instance().mapLayers().values():
        assert layer.id() not in html, layer.name()
    assert "saint_omer.gpkg, couche carreaux_200m" in html
    assert "<dt>Couche de couverture</dt><dd>couverture.gpkg" in html  # not a memory layer's URI
    assert "Polygon?crs=" not in html
    assert "saint_omer.gpkg, couche services" in html

    # a new analysis: the scenario of the previous one no longer applies
    analyse(panel, qtbot)
    assert not panel.scenario_label.isVisible() and panel.scenario_summary_path is None


def test_layers_are_passed_by_source_or_name_never_by_id(panel):
    from ville_numerique.ui.follow_ups import layer_parameter

    project = QgsProject.instance()
    from_file = QgsVectorLayer("{}|layername=services".format(SAMPLE), "Services numériques", "ogr")
    memory = QgsVectorLayer("Point?crs=EPSG:2154", "Services numériques (téléchargés)", "memory")
    twin_a = QgsVectorLayer("Point?crs=EPSG:2154", "Twin", "memory")
    twin_b = QgsVectorLayer("Point?crs=EPSG:2154", "Twin", "memory")
    project.addMapLayers([from_file, memory, twin_a, twin_b])
    assert layer_parameter(from_file, project) == from_file.source()
    assert layer_parameter(memory, project) == "Services numériques (téléchargés)"
    assert layer_parameter(twin_a, project) == twin_a.id()  # two layers of that name: only the id is sure
    assert layer_parameter(None, project) is None


def test_perimeter_applies_to_the_analysis_by_default(panel, qtbot, dialog_runs):
    panel.load_sample()
    check = panel.restrict_check
    assert not check.isEnabled() and not check.isChecked()
    assert check.text() == "No perimeter (1. Territory): the whole population layer is analysed."
    layer = panel.add_drawn_perimeter(QgsGeometry.fromRect(QgsRectangle(647500, 7072500, 649000, 7074000)),
                                      QgsCoordinateReferenceSystem("EPSG:2154"))
    assert check.isEnabled() and check.isChecked()
    assert check.text() == "Only the population inside the perimeter “Drawn perimeter”"
    assert panel.last_message[1] == "Perimeter ready: Drawn perimeter."  # not "Perimeter: Perimeter…"
    analyse(panel, qtbot)
    assert 0 < panel.summary["population_total"] < 15174.5
    # the scenario starts from the analysis shown, not from the whole grid
    panel.scenario_button.click()
    assert panel.scenario["before"]["score_mean"] == pytest.approx(panel.summary["score_mean"])
    assert panel.scenario["before"]["population_total"] == pytest.approx(panel.summary["population_total"])
    QgsProject.instance().removeMapLayer(layer.id())
    assert not check.isEnabled() and not check.isChecked()


def test_category_ticks_say_they_only_choose_what_is_fetched(panel):
    box = panel.category_checks["epn"].parent()
    assert box.title() == "Categories" and box.toolTip() == "Categories of services to fetch"
    texts = [label.text() for label in box.findChildren(type(panel.status_label))]
    assert any("Only for the open-data buttons below: the analysis measures every category found in the "
               "services layer." in t for t in texts)


def test_coverage_log_uses_labels_and_the_users_number_format(provider, monkeypatch):
    from ville_numerique.processing import coverage

    parameters = {"POPULATION": "{}|layername=carreaux_200m".format(SAMPLE),
                  "SERVICES": "{}|layername=services".format(SAMPLE), "OUTPUT": "TEMPORARY_OUTPUT"}
    for language, expected in (("en", "Digital mediation place: 94.3% of the population within 1,000 m "
                                      "(24 service(s))."),
                               ("fr", "Digital mediation place: 94,3\u00a0% of the population within "
                                      "1\u00a0000 m (24 service(s)).")):
        monkeypatch.setattr(coverage, "user_language", lambda language=language: language)
        feedback = Recorder()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        alg = provider.algorithm("coverage")
        _results, ok = alg.run(parameters, context, feedback)
        assert ok
        assert expected in feedback.infos, feedback.infos


def test_scenario_log_gives_the_scores_in_the_users_format(provider, monkeypatch):
    from ville_numerique.processing import scenario

    monkeypatch.setattr(scenario, "user_language", lambda: "fr")
    parameters = {"POPULATION": "{}|layername=carreaux_200m".format(SAMPLE),
                  "SERVICES": "{}|layername=services".format(SAMPLE),
                  "PLANNED": "{}|layername=projet_gare".format(SAMPLE), "OUTPUT": "TEMPORARY_OUTPUT"}
    feedback = Recorder()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    _results, ok = provider.algorithm("scenario").run(parameters, context, feedback)
    assert ok
    assert "Mean score: 78,6 → 80,8 (+2,1 point(s))." in feedback.infos, feedback.infos
    assert "Fab lab: 15\u00a0174,5 inhabitant(s) newly within reach." in feedback.infos


def test_services_legend_localises_the_other_rule(qgis_app, monkeypatch):
    from ville_numerique.processing import styles

    monkeypatch.setattr(styles, "tr", lambda text: "«{}»".format(text))
    layer = QgsVectorLayer("{}|layername=services".format(SAMPLE), "services", "ogr")
    assert styles.load_style(layer, "services")
    labels = {rule.description(): rule.label() for rule in layer.renderer().rootRule().descendants()}
    assert labels["other"] == "«Other or uncategorised place»"


def test_an_error_is_logged_once_and_shown_in_the_panel(panel, qtbot):
    from qgis.core import QgsApplication
    from ville_numerique.ui.tasks import AlgorithmRun

    log = []

    def received(message, tag, _level):
        log.append(message)

    QgsApplication.messageLog().messageReceived.connect(received)
    try:
        parameters = {"POPULATION": "{}|layername=carreaux_200m".format(SAMPLE),
                      "SERVICES": "{}|layername=services".format(SAMPLE), "THRESHOLDS": "bibliotheque=500",
                      "OUTPUT": "TEMPORARY_OUTPUT"}
        run = AlgorithmRun("ville_numerique:coverage", parameters, project=QgsProject.instance(), parent=panel)
        assert panel._start(run, lambda ok, _r, _l, message: panel._failed(message, "canceled"), "…")
        wait_idle(qtbot, panel)
        qtbot.wait(200)  # messages from the task's thread arrive through the event loop
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(received)
    errors = [message for message in log if "bibliotheque" in message]
    assert len(errors) == 1, log
    assert "bibliotheque" in panel.last_message[1]


def test_results_of_a_saved_project_are_written_in_its_folder_and_come_back(panel, qtbot, tmp_path):
    project = QgsProject.instance()
    assert "save the project first" in panel.output_widget.lineEdit().placeholderText()
    panel.load_sample()
    analyse(panel, qtbot)  # unsaved project: a temporary GeoPackage, and the message says so
    assert panel.last_message[1].endswith("save the project to have the next results written in its folder.")
    path = tmp_path / "etude.qgz"
    assert project.write(str(path))
    assert "ville_numerique/" in panel.output_widget.lineEdit().placeholderText()
    analyse(panel, qtbot)
    layer = project.mapLayer(panel.output_layer_id)
    assert layer.providerType() == "ogr"
    gpkg = Path(layer.source().split("|")[0])
    assert gpkg.parent == tmp_path / "ville_numerique" and gpkg.suffix == ".gpkg"
    assert Path(panel.summary_path) == gpkg.with_suffix(".json")
    features = layer.featureCount()
    rows = panel.results_table.rowCount()
    assert project.write(str(path))
    project.clear()
    assert panel.summary is None and panel.chart.share_at("epn", 15) == 0.0
    assert project.read(str(path))
    reopened = project.mapLayer(panel.output_layer_id)
    assert reopened is not None and reopened.featureCount() == features > 0
    assert panel.results_table.rowCount() == rows
    assert panel.chart.share_at("epn", 15) == pytest.approx(panel.summary["categories"]["epn"]["share_covered"])
    assert panel.report_button.isEnabled()
    # a second analysis never overwrites the first one's file
    analyse(panel, qtbot)
    assert project.mapLayer(panel.output_layer_id).source().split("|")[0] != str(gpkg)
    assert reopened.featureCount() == features
