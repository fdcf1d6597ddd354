"""``ville_numerique:connectivity`` on files CONSTRUCTED to the ARCEP formats
(tests/arcep_format.py: invented buildings, rows and coverage, never real data)."""

import json
import sys
from pathlib import Path

import pytest

from .conftest import qgis_process_json, sample_layer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from arcep_format import write_buildings, write_eligibility, write_mrm  # noqa: E402

# three cells as WGS 84 rectangles; the layer is written in Lambert-93
CELLS = {"A": (2.250, 50.750, 2.253, 50.752), "B": (2.253, 50.750, 2.256, 50.752),
         "EMPTY": (2.256, 50.750, 2.259, 50.752)}
BUILDINGS = [
    ("IMB/TEST/1", 2.2510, 50.7510, "62765", 10),  # A: FO THD1G + CU HD3
    ("IMB/TEST/2", 2.2515, 50.7505, "62765", 5),  # A: only satellite
    ("IMB/TEST/3", 2.2520, 50.7515, "62765", 5),  # A: fixed 4G THD30
    ("IMB/TEST/4", 2.2540, 50.7510, "62765", 4),  # B: CU BHD8 + SAT THD100
    ("IMB/TEST/5", 2.4000, 50.9000, "62001", 7),  # far away
]
ROWS = [
    ("IMB/TEST/1", "FRTE", "FO", "THD1G"), ("IMB/TEST/1", "FRTE", "CU", "HD3"),
    ("IMB/TEST/2", "STAK", "SAT", "THD100"), ("IMB/TEST/3", "BOUY", "4GF", "THD30"),
    ("IMB/TEST/4", "FRTE", "CU", "BHD8"), ("IMB/TEST/4", "STAK", "SAT", "THD100"),
    ("IMB/TEST/5", "FRTE", "FO", "THD1G"),
]


def to_l93(points):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    return [transform.transform(QgsPointXY(x, y)) for x, y in points]


def cells_layer(path):
    """The three cells in a GeoPackage (Lambert-93), field ``name``."""
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=name:string", "cells", "memory")
    features = []
    for name, (x0, y0, x1, y1) in CELLS.items():
        corners = to_l93([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolygonXY([corners + corners[:1]]))
        feature.setAttributes([name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(), options)
    return str(path)


def mrm_files(folder):
    """Operator 20801 very good (TBC) over cell A only, limited (CL) over A+B;
    operator 20810 good (BC) over B. Squares in Lambert-93 around the cells."""
    a = to_l93([(2.2500, 50.7500), (2.2530, 50.7520)])
    ab = to_l93([(2.2495, 50.7495), (2.2560, 50.7525)])
    b = to_l93([(2.2530, 50.7500), (2.2560, 50.7520)])

    def ring(p, q):
        return [(p.x(), p.y()), (q.x(), p.y()), (q.x(), q.y()), (p.x(), q.y()), (p.x(), p.y())]

    orange = write_mrm(folder / "couv_20801_4G_data.gpkg", [
        ("20801", "4G", "data", "TBC", [ring(*a)]),
        ("20801", "4G", "data", "CL", [ring(*ab), ring(*a)]),
    ])
    sfr = write_mrm(folder / "couv_20810_4G_data.gpkg", [("20810", "4G", "data", "BC", [ring(*b)])])
    return [str(orange), str(sfr)]


@pytest.fixture
def arcep_files(tmp_path):
    return (str(write_buildings(tmp_path / "base_imb_62.csv.gz", BUILDINGS)),
            str(write_eligibility(tmp_path / "actuel_62.csv.gz", ROWS)))


def read_output(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return {f["name"]: {n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()}


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def test_hand_computed_cells_with_mobile(run_alg, tmp_path, arcep_files, monkeypatch):
    monkeypatch.setenv("VILLE_NUMERIQUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "1")  # everything is local: nothing may be fetched
    result = run_alg("ville_numerique:connectivity", {
        "POPULATION": cells_layer(tmp_path / "cells.gpkg"),
        "BUILDINGS": [arcep_files[0]], "ELIGIBILITY": [arcep_files[1]],
        "MOBILE": mrm_files(tmp_path),
        "OUTPUT": str(tmp_path / "out.gpkg"), "SUMMARY": str(tmp_path / "summary.json"),
    })
    cells = read_output(result["OUTPUT"])
    a, b, empty = cells["A"], cells["B"], cells["EMPTY"]
    assert a["premises"] == 20
    assert (a["share_ftth"], a["share_wired_30"], a["share_no_thd"], a["share_below_8"]) == (0.5, 0.5, 0.25, 0.25)
    assert b["premises"] == 4
    assert (b["share_ftth"], b["share_wired_30"], b["share_no_thd"], b["share_below_8"]) == (0.0, 0.0, 1.0, 0.0)
    assert all(is_null(empty[n]) for n in ("premises", "share_ftth", "share_no_thd", "share_below_8"))
    # centroids: A under 20801 TBC (and nothing of 20810); B under 20801 CL and 20810 BC;
    # EMPTY outside every polygon
    assert (a["mobile_ops_tbc"], a["mobile_ops_any"]) == (1, 1)
    assert (b["mobile_ops_tbc"], b["mobile_ops_any"]) == (0, 2)
    assert (empty["mobile_ops_tbc"], empty["mobile_ops_any"]) == (0, 0)
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["premises_total"] == 24 and result["PREMISES_TOTAL"] == 24
    assert summary["share_no_thd"] == pytest.approx(9 / 24, abs=1e-6)
    assert summary["share_ftth"] == pytest.approx(10 / 24, abs=1e-6)
    assert summary["mobile"]["operators"] == ["20801", "20810"]
    assert summary["mobile"]["units_without_good_4g"] == 2
    licences = {s["licence"] for s in summary["sources"]}
    assert licences == {"Licence Ouverte 2.0 (Etalab)", "Licence Ouverte 1.0 (Etalab)"}
    assert summary["buildings"]["in_bbox"] == 4
    # not loaded into a project: the map style is written next to the file, graduated on share_no_thd
    from qgis.core import QgsGraduatedSymbolRenderer, QgsVectorLayer

    assert (tmp_path / "out.qml").is_file()
    reopened = QgsVectorLayer(str(tmp_path / "out.gpkg"), "reopened", "ogr")
    assert isinstance(reopened.renderer(), QgsGraduatedSymbolRenderer)
    assert reopened.renderer().classAttribute() == "share_no_thd"
    assert reopened.renderer().rangeForValue(0.25).label() == "20 to 50 %"


def test_points_with_a_radius_and_no_mobile(run_alg, tmp_path, arcep_files):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "points", "memory")
    features = []
    for name, (x, y) in {"near_1": (2.2510, 50.7511), "far": (2.2700, 50.7700)}.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    result = run_alg("ville_numerique:connectivity", {
        "POPULATION": layer, "RADIUS": 50, "BUILDINGS": [arcep_files[0]], "ELIGIBILITY": [arcep_files[1]],
        "OUTPUT": str(tmp_path / "points.gpkg"), "SUMMARY": str(tmp_path / "s.json"),
    })
    points = read_output(result["OUTPUT"])
    # within 50 m of (2.2510, 50.7511): building 1 (11 m) and building 3 (~77 m E, 44 m N → ~80 m) not;
    # building 2 (~36 m W, ~67 m S → 76 m) not: only building 1, fibre
    assert points["near_1"]["premises"] == 10 and points["near_1"]["share_ftth"] == 1.0
    assert is_null(points["far"]["premises"])
    assert is_null(points["near_1"]["mobile_ops_tbc"]) and is_null(points["far"]["mobile_ops_any"])


def test_files_are_downloaded_for_the_departement(run_alg, tmp_path, arcep_files, httpserver, monkeypatch):
    base = "/fixe/maconnexioninternet/{}/last/departement/{}"
    httpserver.expect_request(base.format("base_imb", "base_imb_62.csv.gz")).respond_with_data(
        Path(arcep_files[0]).read_bytes(), content_type="application/gzip")
    httpserver.expect_request(base.format("eligibilite", "actuel_62.csv.gz")).respond_with_data(
        Path(arcep_files[1]).read_bytes(), content_type="application/gzip",
        headers={"Last-Modified": "Tue, 30 Jun 2026 08:00:00 GMT"})
    # the département is found from the commune under the cells (IGN WFS, ADMIN EXPRESS shape)
    httpserver.expect_request("/wfs/ows").respond_with_json({
        "type": "FeatureCollection", "numberMatched": 1, "numberReturned": 1,
        "features": [{"type": "Feature", "id": "commune.1", "geometry": None,
                      "properties": {"code_insee": "62765", "nom_officiel": "Saint-Omer"}}]},
        content_type="application/geo+json")
    monkeypatch.setenv("VILLE_NUMERIQUE_ARCEP_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("VILLE_NUMERIQUE_GEOPF_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("VILLE_NUMERIQUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "0")
    result = run_alg("ville_numerique:connectivity", {
        "POPULATION": cells_layer(tmp_path / "cells.gpkg"),
        "OUTPUT": str(tmp_path / "out.gpkg"), "SUMMARY": str(tmp_path / "summary.json"),
    })
    assert result["PREMISES_TOTAL"] == 24
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    eligibility = [s for s in summary["sources"] if s["file"] == "actuel_62.csv.gz"][0]
    assert eligibility["last_modified"] == "Tue, 30 Jun 2026 08:00:00 GMT"
    # offline, the same run is served from the cache
    httpserver.clear()
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "1")
    again = run_alg("ville_numerique:connectivity", {
        "POPULATION": cells_layer(tmp_path / "cells2.gpkg"), "DEPARTMENTS": "62",
        "OUTPUT": str(tmp_path / "out2.gpkg"), "SUMMARY": str(tmp_path / "summary2.json"),
    })
    assert again["PREMISES_TOTAL"] == 24


@pytest.mark.slow
def test_qgis_process_on_the_saint_omer_grid(qgis_process_env, tmp_path):
    """Constructed buildings placed at the centroids of the first three cells of the
    Saint-Omer sample grid (the grid is real INSEE data; the buildings are not)."""
    from osgeo import ogr, osr

    grid = ogr.Open(sample_layer("carreaux_200m").split("|")[0])
    layer = grid.GetLayerByName("carreaux_200m")
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(layer.GetSpatialRef(), target)
    centres = []
    for feature in layer:
        centroid = feature.GetGeometryRef().Centroid()
        centroid.Transform(transform)
        centres.append((feature.GetField("idcar_200m"), centroid.GetX(), centroid.GetY()))
        if len(centres) == 3:
            break
    buildings = [("IMB/TEST/{}".format(k), lon, lat, "62765", 10 * (k + 1)) for k, (_i, lon, lat) in enumerate(centres)]
    rows = [("IMB/TEST/0", "FRTE", "FO", "THD1G"), ("IMB/TEST/1", "STAK", "SAT", "THD100"),
            ("IMB/TEST/2", "FRTE", "CU", "BHD8")]
    b = write_buildings(tmp_path / "base_imb_62.csv.gz", buildings)
    e = write_eligibility(tmp_path / "actuel_62.csv.gz", rows)
    env = dict(qgis_process_env, VILLE_NUMERIQUE_OFFLINE="1", VILLE_NUMERIQUE_CACHE_DIR=str(tmp_path / "cache"))
    code, data, output = qgis_process_json(
        env, "run", "ville_numerique:connectivity", "--",
        "POPULATION=" + sample_layer("carreaux_200m"), "BUILDINGS=" + str(b), "ELIGIBILITY=" + str(e),
        "OUTPUT=" + str(tmp_path / "connectivity.gpkg"), "SUMMARY=" + str(tmp_path / "summary.json"))
    assert code == 0, output
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    # 10 premises with fibre, 20 with satellite only, 30 with copper at BHD8
    assert summary["premises_total"] == 60
    assert summary["share_ftth"] == pytest.approx(10 / 60, abs=1e-6)
    assert summary["share_no_thd"] == pytest.approx(50 / 60, abs=1e-6)
    assert summary["share_below_8"] == pytest.approx(20 / 60, abs=1e-6)
    assert summary["units"] == 125 and summary["units_with_premises"] == 3
    dataset = ogr.Open(str(tmp_path / "connectivity.gpkg"))  # kept: the layer dies with it
    out = dataset.GetLayer(0)
    assert out.GetFeatureCount() == 125
    values = {f.GetField("idcar_200m"): (f.GetField("premises"), f.GetField("share_no_thd")) for f in out}
    assert values[centres[1][0]] == (20, 1.0)
    assert values[centres[0][0]] == (10, 0.0)


def test_mobile_coverage_from_an_address_is_downloaded_once(run_alg, tmp_path, arcep_files, httpserver,
                                                            monkeypatch):
    orange, sfr = mrm_files(tmp_path)
    for path in (orange, sfr):
        httpserver.expect_request("/mobile/couvertures_theoriques/" + Path(path).name).respond_with_data(
            Path(path).read_bytes(), content_type="application/octet-stream")
    urls = [httpserver.url_for("/mobile/couvertures_theoriques/" + Path(p).name) for p in (orange, sfr)]
    monkeypatch.setenv("VILLE_NUMERIQUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "0")
    params = {"BUILDINGS": [arcep_files[0]], "ELIGIBILITY": [arcep_files[1]], "MOBILE": urls}
    first = run_alg("ville_numerique:connectivity", dict(
        params, POPULATION=cells_layer(tmp_path / "c1.gpkg"), OUTPUT=str(tmp_path / "o1.gpkg")))
    assert len(httpserver.log) == 2
    # offline, with the server gone: the clips kept in the cache answer
    httpserver.clear()
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "1")
    second = run_alg("ville_numerique:connectivity", dict(
        params, POPULATION=cells_layer(tmp_path / "c2.gpkg"), OUTPUT=str(tmp_path / "o2.gpkg")))
    assert len(httpserver.log) == 0
    for result in (first, second):
        cells = read_output(result["OUTPUT"])
        assert [(cells[c]["mobile_ops_tbc"], cells[c]["mobile_ops_any"]) for c in ("A", "B", "EMPTY")] == [
            (1, 1), (0, 2), (0, 0)]


def test_cancel_stops_the_reading(provider, tmp_path, arcep_files):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="canceled"):
        processing.run("ville_numerique:connectivity", {
            "POPULATION": cells_layer(tmp_path / "cells.gpkg"), "BUILDINGS": [arcep_files[0]],
            "ELIGIBILITY": [arcep_files[1]], "OUTPUT": str(tmp_path / "out.gpkg")},
            context=QgsProcessingContext(), feedback=feedback)
    assert not (tmp_path / "out.gpkg").exists()
