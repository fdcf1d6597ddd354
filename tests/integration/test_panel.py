"""The dock panel, driven like a planner would: fill it, run on the sample, read the results."""

import json

import pytest
from qgis.core import Qgis, QgsGeometry, QgsGraduatedSymbolRenderer, QgsProject, QgsRectangle, QgsSettings

from .conftest import SAMPLE
from .test_open_data_algorithms import env, fake, served_files  # noqa: F401 - fixtures

TIMEOUT_MS = 120_000


@pytest.fixture
def recent_settings():
    """Keep the user's list of recent analyses out of the tests."""
    from ville_numerique.ui import presets

    settings = QgsSettings()
    saved = settings.value(presets.RECENT_KEY, None)
    settings.remove(presets.RECENT_KEY)
    yield
    if saved is None:
        settings.remove(presets.RECENT_KEY)
    else:
        settings.setValue(presets.RECENT_KEY, saved)


@pytest.fixture
def dialogs(monkeypatch):
    """Algorithm dialogs the panel opens (recorded instead of shown: they are modal)."""
    from ville_numerique.ui import algorithms

    opened = []
    monkeypatch.setattr(algorithms, "open_dialog",
                        lambda alg_id, parameters: opened.append((alg_id, parameters)))
    return opened


@pytest.fixture
def panel(qgis_app, qgis_iface, qgis_new_project, provider, qtbot, recent_settings, dialogs):
    from ville_numerique.ui.panel import VilleNumeriquePanel

    widget = VilleNumeriquePanel(qgis_iface)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    if widget.is_running():
        widget.cancel()
        qtbot.waitUntil(lambda: not widget.is_running(), timeout=TIMEOUT_MS)
    widget.unload()


def project_layer_ids():
    return set(QgsProject.instance().mapLayers())


def wait_idle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=TIMEOUT_MS)


def test_panel_is_a_closed_dock_toggled_from_menu_and_toolbar(qgis_app, qgis_iface, provider, monkeypatch):
    from ville_numerique import classFactory

    plugin = classFactory(qgis_iface)
    # the session's provider stays registered (test_plugin.py covers the provider's life cycle)
    monkeypatch.setattr(plugin, "initProcessing", lambda: None)
    plugin.initGui()
    try:
        panel = plugin.panel
        assert panel.objectName() == "VilleNumeriquePanel"
        assert panel.isHidden()  # closed by default
        action = plugin.panel_action
        assert action is panel.toggleViewAction() and action.isCheckable()
        assert action in plugin.toolbar.actions()
        action.trigger()
        assert not panel.isHidden() and action.isChecked()
        action.trigger()
        assert panel.isHidden() and not action.isChecked()
        titles = [panel.toolbox.itemText(i) for i in range(panel.toolbox.count())]
        assert titles == ["1. Territory", "2. Data", "3. Analysis", "4. Results", "5. Presets"]
        qgis_iface.registerOptionsWidgetFactory.assert_called_with(plugin.options_factory)
    finally:
        plugin.unload()
    assert plugin.panel is None and plugin.options_factory is None


def test_algorithm_buttons_follow_the_registry(panel):
    from ville_numerique.ui import algorithms

    wired = {
        algorithms.FETCH_SERVICES: panel.fetch_services_button,
        algorithms.FETCH_POPULATION: panel.fetch_population_button,
        algorithms.DATAGOUV_SEARCH: panel.search_button,
        algorithms.DATAGOUV_LOAD: panel.add_dataset_button,
        algorithms.REPORT: panel.report_button,
        algorithms.SCENARIO: panel.scenario_button,
        algorithms.RECOMMEND_SITES: panel.recommend_button,
        algorithms.COVERAGE: panel.run_button,
    }
    follow_ups = (algorithms.REPORT, algorithms.SCENARIO, algorithms.RECOMMEND_SITES)  # need a result
    for alg_id, button in wired.items():
        assert button.isEnabled() == (algorithms.exists(alg_id) and alg_id not in follow_ups), alg_id
        if not algorithms.exists(alg_id):
            assert alg_id in button.toolTip()
    coverage = algorithms.algorithm(algorithms.COVERAGE)
    assert panel.method_combo.isEnabled() == (coverage.parameterDefinition("METHOD") is not None)
    assert panel.decay_combo.isEnabled() == (coverage.parameterDefinition("DECAY") is not None)


def test_territory_lists_come_from_the_sample(panel):
    communes = [panel.commune_combo.itemData(i) for i in range(panel.commune_combo.count())]
    assert "62765" in communes and len(communes) == 9
    assert panel.commune_combo.currentData() == "62765"
    assert panel.station_combo.currentData() == "87281444"
    # the SNCF name "St-Omer" written out, as in the official names (and the perimeters named after it)
    assert "Saint-Omer — Saint-Omer (UIC 87281444)" == panel.station_combo.currentText()
    # typed INSEE code or name finds the commune
    panel.commune_combo.setEditText("62525")
    assert panel._commune_place().name == "Longuenesse"
    panel.commune_combo.setEditText("longuenesse")
    assert panel._commune_place().code == "62525"
    panel.commune_combo.setEditText("Béthune")  # not in the sample: nothing chosen, not Saint-Omer
    assert panel._commune_place() is None


def test_station_perimeter_is_a_walking_buffer(panel, qtbot):
    from ville_numerique.processing.defaults import METRES_PER_MINUTE

    panel.walk_spin.setValue(15)
    assert panel.make_station_perimeter()
    wait_idle(qtbot, panel)
    layer = panel.perimeter_layer()
    assert layer is not None and layer.id() in QgsProject.instance().mapLayers()
    assert layer.name() == "15 min walk around Saint-Omer"  # not the SNCF abbreviation "St-Omer"
    geometry = next(layer.getFeatures()).geometry()
    radius = 15 * METRES_PER_MINUTE
    assert geometry.area() == pytest.approx(3.14159 * radius**2, rel=0.02)
    assert layer.renderer().symbol().symbolLayer(1).strokeStyle() != 0  # the dashed outline of perimeter.qml


def test_drawn_polygon_becomes_the_perimeter(panel):
    from qgis.core import QgsCoordinateReferenceSystem

    geometry = QgsGeometry.fromRect(QgsRectangle(647000, 7072000, 649000, 7074000))
    layer = panel.add_drawn_perimeter(geometry, QgsCoordinateReferenceSystem("EPSG:2154"))
    assert panel.perimeter_layer() is layer
    assert layer.featureCount() == 1 and layer.crs().authid() == "EPSG:2154"
    assert next(layer.getFeatures()).geometry().area() == pytest.approx(4e6)


def test_selected_feature_becomes_the_perimeter(panel, qgis_iface, qtbot):
    layers = panel.load_sample()
    communes = layers["communes"]
    communes.selectByExpression("\"code\" = '62765'")
    qgis_iface.setActiveLayer(communes)
    qgis_iface.activeLayer = lambda: communes  # the mock keeps only the id
    assert panel.use_selection()
    wait_idle(qtbot, panel)
    layer = panel.perimeter_layer()
    assert layer is not None and layer.featureCount() == 1
    assert next(layer.getFeatures())["nom"] == "Saint-Omer"


def test_run_on_the_sample_shows_the_summary(panel, qtbot):
    from qgis.PyQt.QtCore import Qt
    from ville_numerique.ui.panel import format_number

    layers = panel.load_sample()
    assert panel.population_combo.currentLayer() is layers["carreaux_200m"]
    assert panel.population_field_combo.currentField() == "ind"
    assert panel.category_field_combo.currentField() == "categories"
    # the walking times the user sees, passed in minutes: 15 min at 4 km/h are the default 1 000 m
    assert panel.thresholds_text() == ("epn=15min;france_services=22.5min;conseiller_numerique=15min;"
                                       "tiers_lieu=22.5min;fablab=30min;wifi=4.5min")
    before = project_layer_ids()
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
        assert panel.progress.isVisible() and panel.cancel_button.isEnabled()
    assert finished.args == [True]
    wait_idle(qtbot, panel)
    added = project_layer_ids() - before
    assert len(added) == 1
    layer = QgsProject.instance().mapLayer(added.pop())
    assert layer.id() == panel.output_layer_id
    assert layer.name() == "Digital services coverage"
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "score" and len(layer.renderer().ranges()) == 5

    with open(panel.summary_path, encoding="utf-8") as stream:
        summary = json.load(stream)
    assert summary["population_total"] == pytest.approx(15174.5)
    assert format_number(15174.5, 1) in panel.summary_label.text()
    assert format_number(summary["score_mean"], 1) in panel.summary_label.text()
    table = panel.results_table
    assert table.rowCount() == len(summary["categories"])
    for row, (code, values) in enumerate(summary["categories"].items()):
        assert table.item(row, 0).data(Qt.ItemDataRole.UserRole) == code
        covered = table.item(row, 2).data(Qt.ItemDataRole.UserRole)
        assert covered == pytest.approx(values["population_covered"])
        assert table.item(row, 3).data(Qt.ItemDataRole.UserRole) == pytest.approx(values["share_covered"])
        assert format_number(100 * values["share_covered"], 1) in table.item(row, 3).text()
        # the chart plots the layer's distances: at the threshold it meets the summary's share
        minutes = values["threshold_m"] / (4000 / 60)
        assert panel.chart.share_at(code, minutes) == pytest.approx(values["share_covered"], abs=1e-6)
    fragile = [values.get("fragile_population_not_covered") for values in summary["categories"].values()]
    assert table.isColumnHidden(5) == all(v is None for v in fragile)
    assert table.isColumnHidden(6)  # "access" repeats the share with the nearest-service method
    assert panel.toolbox.currentIndex() == 3

    # remembered: in the project and in the recent analyses
    from ville_numerique.ui import presets

    stored = presets.read_project()
    assert stored["results"]["summary"]["population_total"] == pytest.approx(15174.5)
    assert panel.recent_list.count() == 1


def test_cancel_adds_nothing(panel, qtbot):
    panel.load_sample()
    before = project_layer_ids()
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
        run = panel.run
        panel.cancel()
    assert finished.args == [False]
    assert run.canceled and run.feedback.isCanceled()  # the algorithm's feedback was told to stop
    wait_idle(qtbot, panel)
    qtbot.wait(200)
    assert project_layer_ids() == before
    assert panel.output_layer_id is None and panel.results_table.rowCount() == 0
    level, text = panel.last_message
    assert level == Qgis.MessageLevel.Info and "canceled" in text.lower()
    assert not panel.progress.isVisible() and not panel.cancel_button.isEnabled()


def test_bad_input_shows_a_message_and_changes_nothing(panel, qtbot):
    before = project_layer_ids()
    assert not panel.run_analysis()  # nothing chosen
    level, text = panel.last_message
    assert level == Qgis.MessageLevel.Warning and "population layer" in text
    assert project_layer_ids() == before

    layers = panel.load_sample()
    before = project_layer_ids()
    panel.population_field_combo.setField("idcar_200m")  # text, not a number of inhabitants
    assert panel.population_field_combo.currentField() == "idcar_200m"
    assert not panel.run_analysis()
    level, text = panel.last_message
    assert level == Qgis.MessageLevel.Warning and "not numeric" in text and "idcar_200m" in text
    assert not panel.is_running() and project_layer_ids() == before

    panel.population_field_combo.setField("ind")
    panel.restrict_check.setChecked(True)  # … but no perimeter
    assert not panel.run_analysis()
    assert "perimeter" in panel.last_message[1]
    assert project_layer_ids() == before
    assert layers["services"].id() in before


def test_population_restricted_to_the_perimeter(panel, qtbot):
    from qgis.core import QgsCoordinateReferenceSystem

    panel.load_sample()
    panel.add_drawn_perimeter(QgsGeometry.fromRect(QgsRectangle(647500, 7072500, 649000, 7074000)),
                              QgsCoordinateReferenceSystem("EPSG:2154"))
    panel.restrict_check.setChecked(True)
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
    assert finished.args == [True]
    wait_idle(qtbot, panel)
    total = panel.summary["population_total"]
    assert 0 < total < 15174.5
    layer = QgsProject.instance().mapLayer(panel.output_layer_id)
    assert sum(f["ind"] for f in layer.getFeatures()) == pytest.approx(total)


def test_presets_round_trip_through_a_file_and_the_project(panel, tmp_path):
    from ville_numerique.ui import presets
    from ville_numerique.ui.panel import VilleNumeriquePanel

    layers = panel.load_sample()
    panel.walk_spin.setValue(12)
    panel.threshold_spins["epn"].setValue(10)
    panel.threshold_spins["wifi"].setValue(3)
    panel.category_checks["fablab"].setChecked(False)
    panel.restrict_check.setChecked(True)
    panel.decay_combo.setCurrentIndex(2)
    expected = panel.collect_preset()
    assert expected["analysis"]["population"]["source"] == layers["carreaux_200m"].source()

    path = tmp_path / "analysis.json"
    panel.save_preset(str(path))
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["format"] == presets.FORMAT and on_disk["analysis"]["thresholds_minutes"]["epn"] == 10

    panel.walk_spin.setValue(20)
    panel.threshold_spins["epn"].setValue(25)
    panel.category_checks["fablab"].setChecked(True)
    panel.restrict_check.setChecked(False)
    panel.population_combo.setLayer(None)
    assert panel.load_preset(str(path))
    assert panel.collect_preset() == expected

    panel.save_preset_to_project()
    other = VilleNumeriquePanel(None)
    try:
        assert other.load_preset_from_project()
        assert other.collect_preset() == expected
    finally:
        other.unload()
        other.deleteLater()

    bad = tmp_path / "bad.json"
    bad.write_text("{\"format\": \"something else\"}", encoding="utf-8")
    assert not panel.load_preset(str(bad))
    assert panel.last_message[0] == Qgis.MessageLevel.Warning


def test_recent_analyses_are_kept_in_settings(panel):
    from ville_numerique.ui import presets

    panel.walk_spin.setValue(9)
    presets.add_recent("first", panel.collect_preset())
    panel.walk_spin.setValue(11)
    presets.add_recent("second", panel.collect_preset())
    panel.refresh_recent()
    assert panel.recent_list.count() == 2
    assert "second" in panel.recent_list.item(0).text()
    panel.recent_list.setCurrentRow(1)
    assert panel.restore_recent()
    assert panel.walk_spin.value() == 9


def test_search_rows_group_the_resources_of_a_dataset(qgis_app):
    """The table of ville_numerique:datagouv_search: one row per resource."""
    from qgis.core import QgsFeature, QgsVectorLayer
    from ville_numerique.ui.panel import search_rows

    layer = QgsVectorLayer("None?field=id:string&field=title:string&field=organization:string"
                           "&field=last_update:string&field=format:string&field=resource_id:string"
                           "&field=url:string", "search", "memory")
    records = [
        ("d1", "Lieux de médiation", "ANCT", "2026-11-20T22:48:00+00:00", "json", "r-json", "https://a/r.json"),
        ("d1", "Lieux de médiation", "ANCT", "2026-11-20T22:48:00+00:00", "csv", "r-csv", "https://a/r.csv"),
        ("d2", "France Services", "ANCT", None, "pdf", "r-pdf", "https://a/r.pdf"),
    ]
    for record in records:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(record))
        layer.dataProvider().addFeature(feature)
    rows = search_rows({"OUTPUT": layer, "DATASETS": 2})
    assert [(r["id"], r["formats"], r["resource"], r["last_update"]) for r in rows] == [
        ("d1", "json, csv", "r-csv", "2026-11-20"), ("d2", "pdf", "r-pdf", "")]


def test_sample_path_is_the_offline_gpkg():
    from ville_numerique.ui.actions import sample_path

    assert sample_path() == str(SAMPLE)


def test_map_tool_draws_the_perimeter(panel, qgis_iface):
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.resize(400, 400)
    canvas.setExtent(QgsRectangle(647000, 7072000, 649000, 7074000))
    panel.start_drawing()
    tool = canvas.mapTool()
    assert tool is panel.map_tool

    def click(x, y, button=Qt.MouseButton.LeftButton):
        event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button)
        tool.canvasReleaseEvent(event)

    for x, y in ((50, 50), (350, 50), (350, 350), (50, 350)):
        click(x, y)
    click(200, 200, Qt.MouseButton.RightButton)
    layer = panel.perimeter_layer()
    assert layer is not None and layer.name() == "Drawn perimeter"
    geometry = next(layer.getFeatures()).geometry()
    assert geometry.area() > 0.5 * 2000 * 2000
    assert canvas.mapTool() is not tool  # the map tool is given back


def test_reopened_project_restores_the_analysis(panel, qtbot, tmp_path):
    panel.load_sample()
    panel.walk_spin.setValue(10)
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS):
        assert panel.run_analysis()
    wait_idle(qtbot, panel)
    expected_rows = panel.results_table.rowCount()
    path = str(tmp_path / "analysis.qgz")
    assert QgsProject.instance().write(path)
    QgsProject.instance().clear()
    assert panel.results_table.rowCount() == 0 and panel.summary is None
    panel.walk_spin.setValue(30)
    assert QgsProject.instance().read(path)
    assert panel.walk_spin.value() == 10
    assert panel.results_table.rowCount() == expected_rows
    assert panel.summary["population_total"] == pytest.approx(15174.5)


# -- the open-data algorithms through the panel, against the local stand-in servers ------------

def test_fetch_button_runs_fetch_services_for_the_commune(panel, qtbot, dialogs, online):
    from qgis.core import QgsRuleBasedRenderer

    panel.refresh_algorithms()
    assert panel.fetch_services_button.isEnabled()
    assert not panel.fetch_services_button.toolTip()
    assert panel.perimeter_layer() is None and panel.commune_combo.currentData() == "62765"
    for code, check in panel.category_checks.items():
        check.setChecked(code in ("epn", "wifi"))
    before = project_layer_ids()
    panel.fetch_services_button.click()
    wait_idle(qtbot, panel)
    added = [QgsProject.instance().mapLayer(i) for i in project_layer_ids() - before]
    assert len(added) == 1, panel.last_message
    services = added[0]
    codes = {code for f in services.getFeatures() for code in str(f["categories"]).split("|")}
    assert codes and codes <= {"epn", "wifi"}  # only the ticked categories
    assert isinstance(services.renderer(), QgsRuleBasedRenderer)  # the services style
    assert panel.services_combo.currentLayer() is services
    assert dialogs == []  # every mandatory parameter was filled: run directly, no dialog
    wfs = [args for _, path, args in online.requests if path == "/wfs/ows"]
    assert wfs and "62765" in wfs[0]["CQL_FILTER"][0]  # the area: the commune's boundary


def test_datagouv_search_fills_the_results(panel, qtbot, online):
    panel.refresh_algorithms()
    assert panel.search_button.isEnabled() and panel.search_edit.isEnabled()
    panel.search_edit.setText("lieux médiation")
    panel.search_button.click()
    wait_idle(qtbot, panel)
    searches = [args for _, path, args in online.requests if path == "/api/1/datasets/"]
    assert searches and searches[0]["q"] == ["lieux médiation"]
    rows = panel.search_table.rowCount()
    assert rows >= 1, panel.last_message
    for row in range(rows):
        assert "lieux" in panel.search_table.item(row, 0).text().lower()
        assert panel.search_table.item(row, 3).text()  # the formats of its resources


def test_fragile_population_column_appears_when_the_summary_has_it(panel):
    from qgis.PyQt.QtCore import Qt

    summary = {
        "population_total": 1000.0, "score_mean": 50.0,
        "categories": {
            "epn": {"threshold_m": 1000.0, "population_covered": 600.0, "share_covered": 0.6,
                    "median_distance_m": 800.0, "fragile_population_not_covered": 123.4},
            "custom_code": {"threshold_m": 500.0, "population_covered": 100.0, "share_covered": 0.1,
                            "median_distance_m": None},
        },
    }
    panel.show_results(summary)
    table = panel.results_table
    assert not table.isColumnHidden(5)
    assert table.item(0, 5).data(Qt.ItemDataRole.UserRole) == 123.4
    assert table.isColumnHidden(6)
    assert table.item(1, 0).text() == "custom_code" and table.item(1, 4).text() == "—"
    assert table.item(0, 1).text() == "15 min"


def test_follow_up_buttons_open_the_prefilled_dialog(panel, qtbot, dialogs):
    from ville_numerique.ui import algorithms

    assert algorithms.exists(algorithms.REPORT), "ville_numerique:report is not registered"
    panel.load_sample()
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS):
        assert panel.run_analysis()
    wait_idle(qtbot, panel)
    panel.report_button.click()
    assert len(dialogs) == 1
    alg_id, parameters = dialogs[0]
    assert alg_id == algorithms.REPORT
    from ville_numerique.processing.report import ReportAlgorithm as Report

    for name, expected in ((Report.COVERAGE, panel.output_layer_id), (Report.SUMMARY, panel.summary_path),
                           (Report.SERVICES, panel.services_combo.currentLayer().source())):
        assert parameters[name] == expected, name


def test_fetch_by_commune_code_when_there_is_no_perimeter(panel, dialogs, monkeypatch):
    from ville_numerique.ui import algorithms

    assert algorithms.has_parameter(algorithms.FETCH_POPULATION, "COMMUNES")
    started = []
    monkeypatch.setattr(panel, "_start", lambda run, on_done, status: started.append(run) or True)
    assert panel.fetch(algorithms.FETCH_POPULATION)
    assert dialogs == [] and len(started) == 1
    assert started[0].parameters["COMMUNES"] == "62765"
    assert "AREA" not in started[0].parameters and "EXTENT" not in started[0].parameters


def test_method_and_decay_reach_the_algorithm(panel, qtbot):
    from ville_numerique.ui import algorithms

    coverage = algorithms.algorithm(algorithms.COVERAGE)
    assert coverage.parameterDefinition("METHOD") is not None and coverage.parameterDefinition("DECAY") is not None
    panel.load_sample()
    assert panel.method_combo.isEnabled() and panel.decay_combo.isEnabled()
    panel.method_combo.setCurrentIndex(panel.method_combo.findData("e2sfca"))
    panel.decay_combo.setCurrentIndex(panel.decay_combo.findData("gaussian"))
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    assert coverage.checkParameterValues(panel.validate(), context)[0]
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
    assert finished.args == [True], panel.last_message
    assert (panel.summary["method"], panel.summary["decay"]) == ("e2sfca", "gaussian")
    assert not panel.results_table.isColumnHidden(6)  # the access of the method


# --------------------------------------------------------------------------
# Territory online: geocoder, BD TOPO stations, IGN isochrone and commune boundary,
# against the local server standing in for the Géoplateforme
# --------------------------------------------------------------------------
@pytest.fixture
def online(fake, env):  # noqa: F811 - fixtures of test_open_data_algorithms
    return fake


def test_commune_found_online_then_its_boundary_from_the_ign(panel, qtbot, online):
    panel.commune_combo.setEditText("Béthune")
    assert panel.search_commune_online()
    wait_idle(qtbot, panel)
    assert panel.commune_combo.currentData() == "62119", panel.last_message
    assert panel.commune_combo.currentText() == "Béthune (62119) — IGN"
    assert panel.last_message[1].startswith("Found: Béthune (62119), Vendin-lès-Béthune (62841)")
    assert panel.make_commune_perimeter()
    wait_idle(qtbot, panel)
    layer = panel.perimeter_layer()
    assert layer is not None, panel.last_message
    assert layer.name() == "Commune of Béthune"
    assert [f["code_insee"] for f in layer.getFeatures()] == ["62119"]
    assert layer.renderer().symbol().symbolLayer(1).strokeStyle() != 0  # perimeter.qml
    requests = [(path, args) for _, path, args in online.requests]
    assert requests[0][0] == "/geocodage/search" and requests[0][1]["type"] == ["municipality"]
    # fetch without a perimeter goes by the code of the commune found online
    panel.perimeter_combo.setLayer(None)
    started = []
    from ville_numerique.ui import algorithms

    panel._start = lambda run, on_done, status: started.append(run) or True
    assert panel.fetch(algorithms.FETCH_POPULATION)
    assert started[0].parameters["COMMUNES"] == "62119"


def test_commune_found_online_by_its_insee_code(panel, qtbot, online):
    panel.commune_combo.setEditText("62119")
    assert panel._commune_place() is None  # not in the sample
    assert panel.search_commune_online()
    wait_idle(qtbot, panel)
    assert panel.commune_combo.currentText() == "Béthune (62119) — IGN", panel.last_message
    wfs = [args for _, path, args in online.requests if path == "/wfs/ows"]
    assert wfs[0]["CQL_FILTER"] == ["code_insee IN ('62119')"]
    assert not any(path == "/geocodage/search" for _, path, _ in online.requests)


def test_commune_search_without_answer_changes_nothing(panel, qtbot, online):
    before = panel.commune_combo.count()
    panel.commune_combo.setEditText("Atlantide")
    assert panel.search_commune_online()
    wait_idle(qtbot, panel)
    assert panel.commune_combo.count() == before
    assert "The geocoder found nothing for: Atlantide" in panel.last_message[1]


def test_commune_search_offline_says_what_is_missing(panel, qtbot, online, monkeypatch):
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "1")
    panel.commune_combo.setEditText("Béthune")
    panel.search_commune_online()
    wait_idle(qtbot, panel)
    assert "Offline mode is on" in panel.last_message[1]
    assert online.requests == []


def test_bd_topo_station_and_ign_isochrone_perimeter(panel, qtbot, online):
    assert panel.search_stations_online()
    wait_idle(qtbot, panel)
    assert panel.station_combo.currentText() == "Gare de Saint-Omer — Saint-Omer (BD TOPO)", panel.last_message
    assert "1 BD TOPO station(s) added to the list." in panel.last_message[1]
    wfs = [args for _, path, args in online.requests if path == "/wfs/ows"]
    assert wfs[-1]["TYPENAMES"] == ["BDTOPO_V3:equipement_de_transport"]
    panel.walk_spin.setValue(10)
    panel.perimeter_shape_combo.setCurrentIndex(panel.perimeter_shape_combo.findData("isochrone"))
    assert panel.make_station_perimeter()
    wait_idle(qtbot, panel)
    layer = panel.perimeter_layer()
    assert layer is not None, panel.last_message
    assert layer.name() == "10 min walk (IGN isochrone) around Gare de Saint-Omer"
    feature = next(layer.getFeatures())
    assert feature["minutes"] == 10 and feature["profile"] == "pedestrian"
    sent = [args for _, path, args in online.requests if path == "/navigation/isochrone"][0]
    lon, lat = (float(v) for v in sent["point"][0].split(","))
    # the centre of the BD TOPO station polygon, sent in WGS 84
    assert (lon, lat) == pytest.approx((2.26637, 50.753254), abs=1e-5)
    assert float(sent["costValue"][0]) == 10 and sent["profile"] == ["pedestrian"]


def test_isochrone_perimeter_failure_keeps_the_previous_perimeter(panel, qtbot, online):
    panel.perimeter_shape_combo.setCurrentIndex(panel.perimeter_shape_combo.findData("isochrone"))
    online.fault("/navigation/isochrone", "status", status=404, message="Not found")
    before = project_layer_ids()
    assert panel.make_station_perimeter()  # the SNCF station of the sample, sent to the IGN
    wait_idle(qtbot, panel)
    assert panel.perimeter_layer() is None and project_layer_ids() == before
    assert "HTTP 404" in panel.last_message[1]


def test_one_action_fetches_services_population_and_boundaries(panel, qtbot, online):
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRuleBasedRenderer

    before = project_layer_ids()
    assert panel.fetch_all()  # no perimeter: the commune chosen, Saint-Omer
    qtbot.waitUntil(lambda: len(project_layer_ids() - before) == 3 and not panel.is_running(),
                    timeout=TIMEOUT_MS)
    assert panel.last_message[1].startswith("3 layer(s) added"), panel.last_message
    services, population = panel.services_combo.currentLayer(), panel.population_combo.currentLayer()
    assert services.featureCount() == 10 and isinstance(services.renderer(), QgsRuleBasedRenderer)
    assert population.name() == "Population (INSEE 200 m grid)"
    assert isinstance(population.renderer(), QgsGraduatedSymbolRenderer)
    communes = [QgsProject.instance().mapLayer(i) for i in project_layer_ids() - before]
    communes = [layer for layer in communes if layer.name() == "Communes"]
    assert [f["code_insee"] for f in communes[0].getFeatures()] == ["62765"]
    assert panel.category_field_combo.currentField() == "categories"


def test_fetch_chain_stops_at_a_failure_and_keeps_what_it_added(panel, qtbot, online):
    online.layers["INSEE.FILOSOFI.INDICATORS:carreaux_200m"] = []  # step 2 finds no grid
    before = project_layer_ids()
    assert panel.fetch_all()
    qtbot.waitUntil(lambda: not panel.is_running() and panel.last_message[0] == Qgis.MessageLevel.Critical,
                    timeout=TIMEOUT_MS)
    added = [QgsProject.instance().mapLayer(i) for i in project_layer_ids() - before]
    assert [layer.name() for layer in added] == ["Digital services"]
    assert "returned no INSEE 200 m grid" in panel.last_message[1]
    assert panel.services_combo.currentLayer() is added[0]
    typenames = [args.get("TYPENAMES") for _, path, args in online.requests if path == "/wfs/ows"]
    assert ["INSEE.FILOSOFI.INDICATORS:carreaux_200m"] in typenames
    assert typenames[-1] == ["INSEE.FILOSOFI.INDICATORS:carreaux_200m"]  # step 3 never started


def test_fragility_weights_reach_the_algorithm(panel, qtbot):
    """Only the poor households weigh: F = min(10, 5 × (men_pauv / men) / 14.5 %) for each cell."""
    panel.load_sample()
    assert panel.fragility_field_combo.currentField() == ""  # computed from the INSEE fields
    for name, spin in panel.fragility_spins.items():
        spin.setValue(1.0 if name == "poor_households" else 0.0)
    parameters = panel.validate()
    assert parameters["FRAGILITY_WEIGHTS"] == ("age_65_plus=0;age_80_plus=0;poor_households=1;"
                                               "one_person_households=0;single_parent_families=0")
    assert "FRAGILITY_FIELD" not in parameters
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
    assert finished.args == [True], panel.last_message
    layer = QgsProject.instance().mapLayer(panel.output_layer_id)
    checked = 0
    for feature in layer.getFeatures():
        if feature["men"] and feature["men"] > 0:
            expected = min(10.0, 5 * (feature["men_pauv"] / feature["men"]) / 0.145)
            assert feature["fragility"] == pytest.approx(expected, abs=1e-4)  # written to 4 decimals
            checked += 1
    assert checked > 100
    # the preset keeps the weights
    preset = panel.collect_preset()
    assert preset["analysis"]["fragility_weights"]["poor_households"] == 1.0
    assert preset["analysis"]["fragility_weights"]["age_65_plus"] == 0.0


def test_fragility_field_replaces_the_weights(panel):
    panel.load_sample()
    for spin in panel.fragility_spins.values():
        spin.setValue(0.0)
    assert panel.validate() is None  # nothing would make the index
    assert "fragility indicator a weight above 0" in panel.last_message[1]
    panel.fragility_field_combo.setField("ind_80p")  # any numeric field 0–10 the user trusts
    assert not any(spin.isEnabled() for spin in panel.fragility_spins.values())
    assert panel.validate()["FRAGILITY_FIELD"] == "ind_80p"
