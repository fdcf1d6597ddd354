"""The plugin seen and run by qgis_process.bin, as batch users and `make demo` do."""

import json
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT, SAMPLE, enable_plugin, qgis_process_json, sample_layer

pytestmark = pytest.mark.slow


def test_provider_is_listed(qgis_process_env):
    code, data, output = qgis_process_json(qgis_process_env, "list")
    assert code == 0, output
    provider = data["providers"]["ville_numerique"]
    assert "ville_numerique:coverage" in provider["algorithms"]


def test_coverage_on_the_saint_omer_sample(qgis_process_env, tmp_path):
    summary_path = tmp_path / "summary.json"
    code, data, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:coverage", "--",
        "POPULATION=" + sample_layer("carreaux_200m"), "POPULATION_FIELD=ind",
        "SERVICES=" + sample_layer("services"), "CATEGORY_FIELD=categories",
        "OUTPUT=" + str(tmp_path / "coverage.gpkg"), "SUMMARY=" + str(summary_path))
    assert code == 0, output
    assert data["results"]["SUMMARY"] == str(summary_path)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    # the INSEE sum of the 125 cells (see resources/sample/saint_omer/PROVENANCE.md)
    assert summary["population_total"] == pytest.approx(15174.5)
    assert summary["counts"]["population_units"] == 125
    assert {"epn", "france_services", "conseiller_numerique", "tiers_lieu"} <= set(summary["categories"])
    for category in summary["categories"].values():
        assert 0.0 <= category["share_covered"] <= 1.0
        assert 0.0 <= category["population_covered"] <= summary["population_total"]
    assert 0.0 <= summary["score_mean"] <= 100.0
    from osgeo import ogr

    dataset = ogr.Open(str(tmp_path / "coverage.gpkg"))
    layer = dataset.GetLayer(0)
    assert layer.GetFeatureCount() == 125
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert {"ind", "dist_epn", "cov_epn", "score"} <= set(names)


def test_a_bad_parameter_gives_a_message_not_a_traceback(qgis_process_env, tmp_path):
    code, _, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:coverage", "--",
        "POPULATION=" + sample_layer("carreaux_200m"), "POPULATION_FIELD=idcar_200m",
        "SERVICES=" + sample_layer("services"), "OUTPUT=" + str(tmp_path / "out.gpkg"),
        "SUMMARY=" + str(tmp_path / "summary.json"))
    assert code != 0
    assert "is not numeric" in output
    assert "Traceback" not in output
    assert not (tmp_path / "summary.json").exists()


def test_zip_installs_into_an_empty_plugin_path(qgis_process_env, tmp_path):
    build = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_zip.py"), str(tmp_path / "vn.zip")],
                           capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr
    with zipfile.ZipFile(tmp_path / "vn.zip") as archive:
        names = archive.namelist()
        assert all(n.startswith("ville_numerique/") for n in names)
        assert "ville_numerique/metadata.txt" in names
        assert "ville_numerique/resources/sample/saint_omer/saint_omer.gpkg" in names
        assert not any(part in n for n in names for part in ("/tests/", "/.ci/", "/bench/", "/.venv/"))
        plugins = tmp_path / "plugins"
        archive.extractall(plugins)
    env = dict(qgis_process_env, HOME=str(tmp_path / "home"), QGIS_PLUGINPATH=str(plugins))
    (tmp_path / "home").mkdir()
    enable_plugin(env)
    code, data, output = qgis_process_json(env, "list")
    assert code == 0, output
    assert "ville_numerique:coverage" in data["providers"]["ville_numerique"]["algorithms"]
    # the provider really comes from the unzipped copy
    assert SAMPLE.exists()


def test_science_algorithms_through_qgis_process(qgis_process_env, tmp_path):
    """coverage with E2SFCA, scenario and recommend_sites, as a batch user runs them."""
    common = ["POPULATION=" + sample_layer("carreaux_200m"), "SERVICES=" + sample_layer("services")]
    code, data, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:coverage", "--", *common, "METHOD=e2sfca",
        "DECAY=gaussian", "OUTPUT=" + str(tmp_path / "e2sfca.gpkg"), "SUMMARY=" + str(tmp_path / "e2sfca.json"))
    assert code == 0, output
    summary = json.loads((tmp_path / "e2sfca.json").read_text(encoding="utf-8"))
    assert summary["method"] == "e2sfca" and summary["decay"] == "gaussian"
    assert summary["categories"]["epn"]["access_mean"] > 0
    assert summary["inputs"]["fragility"] == "insee_grid" and 0 <= summary["fragility_mean"] <= 10

    code, data, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:scenario", "--", *common,
        "PLANNED=" + sample_layer("projet_gare"), "OUTPUT=" + str(tmp_path / "scenario.gpkg"),
        "SUMMARY=" + str(tmp_path / "scenario.json"))
    assert code == 0, output
    scenario = json.loads((tmp_path / "scenario.json").read_text(encoding="utf-8"))
    assert scenario["delta"]["categories"]["fablab"]["n_services_added"] == 1
    assert scenario["after"]["score_mean"] >= scenario["before"]["score_mean"]

    code, data, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:recommend_sites", "--", *common, "CATEGORY=conseiller_numerique",
        "K=2", "OUTPUT=" + str(tmp_path / "sites.gpkg"), "SUMMARY=" + str(tmp_path / "sites.json"))
    assert code == 0, output
    sites = json.loads((tmp_path / "sites.json").read_text(encoding="utf-8"))
    assert [s["rank"] for s in sites["sites"]] == [1, 2]
    assert data["results"]["TOTAL_GAIN"] == pytest.approx(sites["total_gain"])
    # each output carries its map style for whoever opens it in QGIS later
    styles = ROOT / "resources" / "styles"
    for output, style in (("e2sfca", "coverage"), ("scenario", "scenario"), ("sites", "recommended")):
        assert (tmp_path / (output + ".qml")).read_bytes() == (styles / (style + ".qml")).read_bytes()
