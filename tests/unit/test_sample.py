"""Checks of the embedded offline sample resources/sample/saint_omer/saint_omer.gpkg.

Reads the GeoPackage with GDAL's ``ogr`` (no QGIS application). The last test
rebuilds the sample from the shared data with scripts/build_sample.py and
compares the content with the committed file.
"""

import importlib.util
import math
import os
from pathlib import Path

import pytest
from osgeo import ogr
from ville_numerique.core import services

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "saint_omer" / "saint_omer.gpkg"
SHARED_DATA = Path(os.environ["VILLE_NUMERIQUE_SHARED_DATA"])  # tests/data/real, set by tests/conftest.py

LAYERS = ("communes", "carreaux_200m", "gare", "lieux_mediation_numerique", "france_services",
          "tiers_lieux", "services", "projet_gare")
STATION_L93 = (648186.754, 7073279.174)


def read_sample(path):
    """Every layer of a GeoPackage as plain Python data (GDAL objects closed on return).

    ``{layer: {"srs": "EPSG:2154", "description": str, "types": {field: ogr type},
    "rows": [(attributes dict, geometry WKT)]}}``. No GDAL object outlives
    this call: pytest-qgis aborts at teardown when a fixture still holds one.
    """
    dataset = ogr.Open(str(path))
    assert dataset is not None, "missing sample: run /usr/bin/python3 scripts/build_sample.py"
    layers = {}
    try:
        for index in range(dataset.GetLayerCount()):
            layer = dataset.GetLayerByIndex(index)
            ref = layer.GetSpatialRef()
            definition = layer.GetLayerDefn()
            layers[layer.GetName()] = {
                "srs": "{}:{}".format(ref.GetAuthorityName(None), ref.GetAuthorityCode(None)),
                "description": layer.GetMetadataItem("DESCRIPTION") or "",
                "types": {definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType()
                          for i in range(definition.GetFieldCount())},
                "rows": [(feature.items(), feature.GetGeometryRef().ExportToWkt()) for feature in layer],
            }
            ref = definition = layer = None
    finally:
        dataset = None
    return layers


@pytest.fixture(scope="module")
def sample():
    return read_sample(SAMPLE)


def features(sample, name):
    return sample[name]["rows"]


def xy(wkt):
    geometry = ogr.CreateGeometryFromWkt(wkt)
    return geometry.GetX(), geometry.GetY()


def test_layers_and_crs(sample):
    assert list(sample) == list(LAYERS)
    for name in LAYERS:
        assert sample[name]["srs"] == "EPSG:2154", name
        assert sample[name]["description"], name


def test_feature_counts(sample):
    counts = {name: len(features(sample, name)) for name in LAYERS}
    assert counts == {"communes": 9, "carreaux_200m": 125, "gare": 1, "lieux_mediation_numerique": 28,
                      "france_services": 2, "tiers_lieux": 1, "services": 24, "projet_gare": 3}


def test_communes(sample):
    rows = features(sample, "communes")
    assert [(r["code"], r["nom"]) for r, _ in rows] == [
        ("62040", "Arques"), ("62139", "Blendecques"), ("62225", "Clairmarais"), ("62525", "Longuenesse"),
        ("62757", "Saint-Martin-lez-Tatinghem"), ("62765", "Saint-Omer"), ("62772", "Salperwick"),
        ("62819", "Tilques"), ("62902", "Wizernes")]
    station = ogr.Geometry(ogr.wkbPoint)
    station.AddPoint_2D(*STATION_L93)
    saint_omer = ogr.CreateGeometryFromWkt([g for r, g in rows if r["code"] == "62765"][0])
    assert saint_omer.Contains(station)


def test_carreaux_population_and_fields(sample):
    types = sample["carreaux_200m"]["types"]
    for name in ("ind", "men", "men_pauv", "men_1ind", "men_fmp", "ind_65_79", "ind_80p", "men_surf"):
        assert types[name] == ogr.OFTReal, name
    assert types["idcar_200m"] == ogr.OFTString and types["imputed"] == ogr.OFTInteger
    rows = features(sample, "carreaux_200m")
    assert len({r["idcar_200m"] for r, _ in rows}) == 125
    assert sum(r["ind"] for r, _ in rows) == pytest.approx(15174.5, abs=1e-6)
    assert sum(r["men_pauv"] for r, _ in rows) == pytest.approx(2291.7, abs=1e-6)
    assert sum(r["imputed"] for r, _ in rows) == 38
    densest = [r for r, _ in rows if r["idcar_200m"] == "CRS3035RES200mN3100000E3775800"][0]
    assert densest["ind"] == 541.5
    # a 200 m LAEA cell is ~40 150 m2 in Lambert-93 (scale factor ~1.0018 at 50.75 N)
    for _, wkt in rows:
        assert ogr.CreateGeometryFromWkt(wkt).GetArea() == pytest.approx(40148, abs=15)


def test_gare(sample):
    [(row, wkt)] = features(sample, "gare")
    assert row == {"code_uic": "87281444", "libelle": "St-Omer", "commune": "SAINT-OMER", "voyageurs": "O"}
    assert xy(wkt) == STATION_L93


def _distance_to_station(wkt):
    x, y = xy(wkt)
    return math.hypot(x - STATION_L93[0], y - STATION_L93[1])


def test_raw_layers_keep_original_fields_within_8_km(sample):
    lieux = features(sample, "lieux_mediation_numerique")
    assert "labels_nationaux" in lieux[0][0] and "conditions_acces" in lieux[0][0]
    assert sorted(r["id"] for r, _ in lieux if r["nom"] == "La Station") == [
        "1819-mediation-numerique-assembleurs",
        "58d38c9740bb4e190de8e5f8-mediation-numerique-france-tiers-lieux"]
    fs = features(sample, "france_services")
    assert sorted(r["id_fs"] for r, _ in fs) == ["2638", "2640"]
    assert "h_lundi" in fs[0][0]
    [(tiers, _)] = features(sample, "tiers_lieux")
    assert tiers["nom"] == "La Station"
    for name in ("lieux_mediation_numerique", "france_services", "tiers_lieux", "services"):
        assert all(_distance_to_station(g) <= 8000.0 for _, g in features(sample, name)), name


def test_services_layer(sample):
    rows = features(sample, "services")
    for row, _ in rows:
        assert set(row) == set(services.RECORD_FIELDS)
        codes = services.split_categories(row["categories"], strict=True)
        assert codes and services.join_categories(codes) == row["categories"]
        assert row["n_sources"] == len(row["sources"].split("|"))
    stations = [(r, g) for r, g in rows if r["nom"] == "La Station"]
    assert len(stations) == 1
    station, geometry = stations[0]
    assert station["n_sources"] == 2 and station["sources"] == "assembleurs|france-tiers-lieux"
    assert station["categories"] == "epn|tiers_lieu|wifi"
    assert _distance_to_station(geometry) == pytest.approx(95.2, abs=0.5)
    [fs] = [r for r, _ in rows if r["id"] == "france-services:2640"]
    assert fs["horaires"] == "Mo-Fr 08:30-12:00,13:30-17:00"


def test_projet_gare_is_a_scenario(sample):
    assert sample["projet_gare"]["description"].startswith("SCÉNARIO (non observé)")
    rows = features(sample, "projet_gare")
    assert sorted(r["categories"] for r, _ in rows) == ["fablab", "tiers_lieu", "wifi"]
    for row, _ in rows:
        assert row["statut"] == "projet"
        assert row["nature"] == "scénario (non observé)"
        assert "hypothétique" in row["description"]
    by_category = {r["categories"]: g for r, g in rows}
    assert xy(by_category["fablab"]) == STATION_L93
    assert xy(by_category["tiers_lieu"]) == STATION_L93
    assert _distance_to_station(by_category["wifi"]) == pytest.approx(95.2, abs=0.5)


def test_committed_sample_matches_the_build_script(sample, tmp_path):
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "scripts" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt_path = tmp_path / "saint_omer.gpkg"
    module.build(SHARED_DATA, rebuilt_path)
    rebuilt = read_sample(rebuilt_path)
    for name in LAYERS:
        assert rebuilt[name] == sample[name], "{} differs: rebuild with scripts/build_sample.py".format(name)
