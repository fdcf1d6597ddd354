"""Panel actions of issue 13: names written out, a cancel that is not an error, presets that say what
they loaded, the broadband button, and the results chart that is the report's own SVG (issue 12 point 4)."""

import sys
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsGeometry, QgsProject, QgsRectangle

from .test_panel import TIMEOUT_MS, dialogs, panel, recent_settings, wait_idle  # noqa: F401 - fixtures

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from arcep_format import write_commune_stats  # noqa: E402


@pytest.mark.parametrize("name, expected", [
    ("St-Omer", "Saint-Omer"),
    ("St Omer", "Saint-Omer"),
    ("St. Pierre", "Saint-Pierre"),
    ("Ste-Marie-aux-Mines", "Sainte-Marie-aux-Mines"),
    ("15 min walk around St-Martin-au-Laërt", "15 min walk around Saint-Martin-au-Laërt"),
    ("St Éloi", "Saint-Éloi"),
    ("Stade de France", "Stade de France"),  # a word, not an abbreviation
    ("Stains", "Stains"),
    ("Gare St", "Gare St"),  # nothing after it
    ("Saint-Omer", "Saint-Omer"),
])
def test_sncf_abbreviations_are_written_out(qgis_app, name, expected):
    from ville_numerique.ui.places import expand_saint

    assert expand_saint(name) == expected


def test_a_cancel_is_information_not_a_critical_error(panel, qtbot):  # noqa: F811
    log = []

    def received(message, tag, level):
        log.append((message, tag, level))

    panel.load_sample()
    QgsApplication.messageLog().messageReceived.connect(received)
    try:
        with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
            assert panel.run_analysis()
            # canceled while the algorithm is under way (at its first progress report)
            panel.run.progressChanged.connect(lambda _value: panel.cancel())
        assert finished.args == [False]
        wait_idle(qtbot, panel)
        qtbot.wait(300)  # messages from the task's thread arrive through the event loop
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(received)
    assert [entry for entry in log if entry[2] == Qgis.MessageLevel.Critical] == []
    assert not any("Traceback" in message for message, _tag, _level in log)
    level, text = panel.last_message
    assert level == Qgis.MessageLevel.Info and text == "Analysis canceled: nothing was added to the project."


def test_a_loaded_preset_says_what_it_loaded(panel, tmp_path):  # noqa: F811
    panel.load_sample()
    for code, check in panel.category_checks.items():
        check.setChecked(code in ("epn", "wifi"))
    path = tmp_path / "analysis.json"
    panel.save_preset(str(path))
    panel.category_checks["fablab"].setChecked(True)
    assert panel.load_preset(str(path))
    level, text = panel.last_message
    assert level == Qgis.MessageLevel.Success
    assert text == ("Analysis loaded. Layers: Population (INSEE 200 m grid), Digital services. "
                    "Categories: Digital mediation, Public internet.")  # the layers' names, short labels
    assert panel.checked_categories() == ["epn", "wifi"]


def test_broadband_of_the_perimeters_communes_is_fetched_and_loaded(
        panel, qtbot, tmp_path, httpserver, monkeypatch):  # noqa: F811
    files = write_commune_stats(tmp_path)  # tables CONSTRUCTED to the ARCEP format (invented figures)
    for name, path in files.items():
        httpserver.expect_request("/fixe/maconnexioninternet/statistiques/last/commune/{}.csv".format(name)) \
            .respond_with_data(path.read_bytes(), content_type="text/csv")
    monkeypatch.setenv("VILLE_NUMERIQUE_ARCEP_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("VILLE_NUMERIQUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "0")
    assert panel.fetch_infrastructure_button.isEnabled()
    # a perimeter inside Saint-Omer (62765) only
    panel.add_drawn_perimeter(QgsGeometry.fromRect(QgsRectangle(648500, 7073500, 648700, 7073700)),
                              QgsCoordinateReferenceSystem("EPSG:2154"))
    parameters = panel.data.infrastructure_parameters()
    assert parameters["COMMUNES"] == "62765"
    assert parameters["COMMUNE_LAYER"].endswith("saint_omer.gpkg|layername=communes")
    assert parameters["CODE_FIELD"] == "code"
    before = set(QgsProject.instance().mapLayers())
    panel.fetch_infrastructure_button.click()
    wait_idle(qtbot, panel)
    added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    assert len(added) == 1, panel.last_message
    layer = added[0]
    feature = next(layer.getFeatures())
    assert layer.featureCount() == 1 and feature["code_insee"] == "62765"
    assert feature["wired_elig_thd1g"] == pytest.approx(0.92)
    assert not feature.geometry().isEmpty()  # on the commune's boundary, a layer to map
    assert panel.last_message == (Qgis.MessageLevel.Success,
                                  "Broadband of 1 commune(s) added: {}.".format(layer.name()))


def test_the_results_chart_is_the_reports_svg(panel, qtbot):  # noqa: F811
    from ville_numerique.core import report

    panel.load_sample()
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS):
        assert panel.run_analysis()
    wait_idle(qtbot, panel)
    chart = panel.chart
    combo = panel.chart_category_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(panel.summary["categories"])
    combo.setCurrentIndex(combo.findData("epn"))
    # drawn by core/report/chart.py for this category alone, from the coverage layer's distances
    one = dict(panel.summary, categories={"epn": panel.summary["categories"]["epn"]})
    assert chart.svg == report.coverage_chart_svg(one, chart.units, "en", columns=1)
    assert 'data-category="epn"' in chart.svg and 'data-category="wifi"' not in chart.svg
    assert chart.renderer().isValid()
    threshold = panel.summary["categories"]["epn"]["threshold_m"]
    assert 'data-distance="{:g}" data-share="{:.4f}" class="at-threshold"'.format(
        threshold, panel.summary["categories"]["epn"]["share_covered"]) in chart.svg
    # as wide as the page, as high as the drawing's proportions
    size = chart.renderer().defaultSize()
    assert chart.height() == pytest.approx(chart.width() * size.height() / size.width(), abs=1)


def test_perimeter_buttons_wait_for_their_place(panel):  # noqa: F811
    assert panel.station_perimeter_button.isEnabled() and panel.commune_perimeter_button.isEnabled()
    panel.commune_combo.setEditText("Béthune")  # not in the list (a search online would find it)
    assert not panel.commune_perimeter_button.isEnabled()
    assert panel.commune_perimeter_button.toolTip() == "Choose a commune first."
    panel.commune_combo.setEditText("Longuenesse")
    assert panel.commune_perimeter_button.isEnabled()
    assert panel.commune_perimeter_button.toolTip() == "Use the boundary of the commune as perimeter."
    panel.territory.stations = []
    panel.territory.select_commune("62765")  # the station list is filled again, empty
    assert panel.station_combo.count() == 0 and not panel.station_perimeter_button.isEnabled()
    assert panel.station_perimeter_button.toolTip() == "Choose a station first."
