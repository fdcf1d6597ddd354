"""ville_numerique:report on the Saint-Omer sample: HTML and PDF written, figures and sources in them."""

import base64
import json
import os
import re
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage

from .conftest import sample_layer

NBSP = "\u00a0"
XSS = "<script>alert(1)</script>"


def algorithm(alg_id):
    """The registered algorithm, or a fresh instance when no live provider holds it.

    (An earlier test module may leave the registry with an unloaded provider under our id.)
    """
    from ville_numerique.processing.provider import ALGORITHMS

    found = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    if found is not None:
        return found
    name = alg_id.split(":", 1)[1]
    for kind in ALGORITHMS:
        if kind.NAME == name:
            return kind().create()
    return None


def run(alg_id, params):
    from qgis import processing

    found = algorithm(alg_id)
    assert found is not None, "{} is not registered".format(alg_id)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(found, params, context=context, feedback=QgsProcessingFeedback())


@pytest.fixture(scope="module")
def coverage(qgis_app, qgis_processing, tmp_path_factory):
    """The coverage of the sample, computed here (the test does not depend on `make demo`)."""
    folder = tmp_path_factory.mktemp("coverage")
    result = run("ville_numerique:coverage", {
        "POPULATION": sample_layer("carreaux_200m"), "POPULATION_FIELD": "ind",
        "SERVICES": sample_layer("services"), "CATEGORY_FIELD": "categories",
        "OUTPUT": str(folder / "coverage.gpkg"), "SUMMARY": str(folder / "summary.json")})
    with open(result["SUMMARY"], encoding="utf-8") as stream:
        summary = json.load(stream)
    return {"layer": result["OUTPUT"], "summary_path": result["SUMMARY"], "summary": summary}


@pytest.fixture(scope="module")
def french(coverage, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report_fr")
    before = set(QgsProject.instance().mapLayers())
    result = run("ville_numerique:report", {
        "COVERAGE": coverage["layer"], "SUMMARY": coverage["summary_path"],
        "SERVICES": sample_layer("services"), "PERIMETER": sample_layer("communes"),
        "OUTPUT_HTML": str(folder / "rapport.html"), "OUTPUT_PDF": str(folder / "rapport.pdf")})
    after = set(QgsProject.instance().mapLayers())
    with open(result["OUTPUT_HTML"], encoding="utf-8") as stream:
        html = stream.read()
    return {"result": result, "html": html, "folder": folder, "project_changed": before != after}


def fr(value, decimals=1):
    text = "{:,.{d}f}".format(value, d=decimals)
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)


def test_registered(qgis_app, qgis_processing):
    from ville_numerique.processing.provider import ALGORITHMS
    from ville_numerique.processing.report import ReportAlgorithm

    assert ReportAlgorithm in ALGORITHMS
    report = algorithm("ville_numerique:report")
    assert report.name() == "report" and report.groupId() == "report"
    names = [p.name() for p in report.parameterDefinitions()]
    assert names == ["COVERAGE", "SUMMARY", "SCENARIO_SUMMARY", "SERVICES", "PERIMETER", "TITLE", "LANGUAGE",
                     "OUTPUT_HTML", "OUTPUT_PDF", "CONNECTIVITY", "CONNECTIVITY_SUMMARY", "INFRASTRUCTURE_COMMUNES"]
    assert "fragile" in report.shortHelpString().lower()  # fr and en help both say it


def test_html_has_the_figures_of_the_summary(french, coverage):
    html, summary = french["html"], coverage["summary"]
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "<h1>Couverture numérique — Saint-Omer</h1>" in html  # named after the services' commune
    assert fr(summary["population_total"]) in html  # 15 174,5
    assert fr(summary["score_mean"]) in html
    for code, figures in summary["categories"].items():
        assert fr(100 * figures["share_covered"]) + NBSP + "%" in html, code
        assert fr(figures["threshold_m"], 0) + NBSP + "m" in html
        assert 'data-category="{}"'.format(code) in html  # its coverage curve
    assert "à vol d'oiseau" in html and "EPSG:2154" in html
    assert "saint_omer.gpkg, couche carreaux_200m" in html
    assert "Licence Ouverte / Etalab 2.0" in html
    for source in ("INSEE", "Filosofi", "2021", "2023-05", "France Services", "2023-07", "ADMIN EXPRESS COG",
                   "2018", "SNCF Open Data"):
        assert source in html, source
    assert "<script" not in html.lower()
    assert not french["project_changed"], "the user's project must not receive the report's layers"


def test_html_embeds_the_map_as_a_png(french):
    match = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', french["html"])
    assert match, "no embedded map"
    image = QImage.fromData(base64.b64decode(match.group(1)), "PNG")
    assert not image.isNull() and image.width() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 40) for y in range(0, image.height(), 40)}
    assert len(colours) > 4, "the map looks blank"
    assert "src=\"http" not in french["html"] and "href=\"http" not in french["html"]  # self-contained


def test_pdf_is_written_with_its_pages(french):
    path = french["result"]["OUTPUT_PDF"]
    with open(path, "rb") as stream:
        assert stream.read(5) == b"%PDF-"
    assert os.path.getsize(path) > 20_000
    assert french["result"]["PDF_PAGES"] == 2  # no scenario: its page is dropped
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "20", "-png", path, str(french["folder"] / "page")], check=True,
                       timeout=120)
        pages = sorted(p for p in os.listdir(french["folder"]) if p.startswith("page"))
        assert len(pages) == 2
    leftovers = [p for p in os.listdir(french["folder"]) if p.startswith(".report-")]
    assert not leftovers


def test_english_report_without_pdf(coverage, tmp_path):
    result = run("ville_numerique:report", {
        "COVERAGE": coverage["layer"], "SUMMARY": coverage["summary_path"], "LANGUAGE": "en",
        "TITLE": "Saint-Omer station district", "OUTPUT_HTML": str(tmp_path / "report.html")})
    assert "OUTPUT_PDF" not in result or not result["OUTPUT_PDF"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "<h1>Saint-Omer station district</h1>" in html
    assert "15,174.5" in html and "Key figures" in html and "straight-line" in html
    assert os.listdir(tmp_path) == ["report.html"]


def perimeter_named(name):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "perimeter", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(647000, 7072000), QgsPointXY(649000, 7072000),
                                                     QgsPointXY(649000, 7074000), QgsPointXY(647000, 7072000)]]))
    feature.setAttributes([name])
    layer.dataProvider().addFeatures([feature])
    return layer


def test_names_from_datasets_stay_text(coverage, tmp_path):
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps({
        "name": XSS,
        "before": coverage["summary"],
        "after": dict(coverage["summary"], score_mean=90.0),
    }), encoding="utf-8")
    result = run("ville_numerique:report", {
        "COVERAGE": coverage["layer"], "SUMMARY": coverage["summary_path"], "PERIMETER": perimeter_named(XSS),
        "SCENARIO_SUMMARY": str(scenario), "OUTPUT_HTML": str(tmp_path / "r.html"),
        "OUTPUT_PDF": str(tmp_path / "r.pdf")})
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "<h1>Couverture numérique — &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "Scénario : &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "+11,4" in html  # mean score 78,6 → 90,0
    assert result["PDF_PAGES"] == 3  # the scenario page is kept


def test_report_of_the_station_project_scenario(coverage, tmp_path):
    """With the summary written by ville_numerique:scenario (the "projet gare" of the sample)."""
    scenario = run("ville_numerique:scenario", {
        "POPULATION": sample_layer("carreaux_200m"), "POPULATION_FIELD": "ind",
        "SERVICES": sample_layer("services"), "CATEGORY_FIELD": "categories",
        "PLANNED": sample_layer("projet_gare"), "OUTPUT": "memory:",
        "SUMMARY": str(tmp_path / "scenario.json")})
    with open(scenario["SUMMARY"], encoding="utf-8") as stream:
        data = json.load(stream)
    result = run("ville_numerique:report", {
        "COVERAGE": coverage["layer"], "SUMMARY": coverage["summary_path"],
        "SCENARIO_SUMMARY": scenario["SUMMARY"], "OUTPUT_HTML": str(tmp_path / "r.html"),
        "OUTPUT_PDF": str(tmp_path / "r.pdf")})
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Scénario : projet_gare" in html
    wifi = data["delta"]["categories"]["wifi"]
    assert fr(100 * data["before"]["categories"]["wifi"]["share_covered"]) + NBSP + "%" in html
    assert fr(100 * data["after"]["categories"]["wifi"]["share_covered"]) + NBSP + "%" in html
    assert fr(100 * wifi["share_covered_change"]) + NBSP + "pts" in html
    assert "Fab lab" in html  # a type that only the project brings
    assert result["PDF_PAGES"] == 3


def test_bad_summary_is_a_clear_error_and_writes_nothing(coverage, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        run("ville_numerique:report", {"COVERAGE": coverage["layer"], "SUMMARY": str(broken),
                                       "OUTPUT_HTML": str(tmp_path / "r.html")})
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"population_total": 3}), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="categories"):
        run("ville_numerique:report", {"COVERAGE": coverage["layer"], "SUMMARY": str(other),
                                       "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert sorted(os.listdir(tmp_path)) == ["broken.json", "other.json"]


def test_layer_that_is_not_a_coverage_is_refused(coverage, tmp_path):
    with pytest.raises(QgsProcessingException, match="dist_<category>"):
        run("ville_numerique:report", {"COVERAGE": sample_layer("carreaux_200m"),
                                       "SUMMARY": coverage["summary_path"],
                                       "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert not (tmp_path / "r.html").exists()
