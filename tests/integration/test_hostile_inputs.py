"""Inputs that real open data contains (issue 10, point 4), through the algorithms.

In-process runs on hand-built layers (the three units and two services of
test_coverage_algorithm, Lambert-93 around Saint-Omer), then a few of the
same cases through ``qgis_process.bin`` with GeoPackages written at run time,
as the reviewer reran them. Every expected value is worked out by hand.

    unit a at +0/+0 (10 inh.), b at +300/+400 (20 inh.), c at +1000/+0 (30 inh.)
    a–b 500 m, b–c 806 m, a–c 1000 m
"""

import json
import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
)

from .conftest import qgis_process_json
from .test_coverage_algorithm import X0, Y0, by_name, memory_layer, point, population, services
from .test_science_algorithms import line, network


class Recorder(QgsProcessingFeedback):
    """A feedback that keeps the messages pushed by the algorithm."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)
        super().pushWarning(warning)

    def log(self):
        return "\n".join(self.infos + self.warnings)


def run(provider, alg, params, feedback=None):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = dict(params)
    params.setdefault("OUTPUT", "memory:")
    return processing.run(alg, params, context=context, feedback=feedback or QgsProcessingFeedback())


def coverage(provider, tmp_path, pop=None, svc=None, feedback=None, **params):
    params.setdefault("THRESHOLDS", "epn=600;wifi=300")
    result = run(provider, "ville_numerique:coverage",
                 dict(POPULATION=pop or population(), SERVICES=svc or services(),
                      SUMMARY=str(tmp_path / "summary.json"), **params), feedback)
    with open(result["SUMMARY"], encoding="utf-8") as stream:
        return result, by_name(result["OUTPUT"]), json.load(stream)


def refused(provider, tmp_path, match, alg="ville_numerique:coverage", **params):
    """The run fails with a QgsProcessingException (a sentence, not a Python error) and writes nothing."""
    if alg == "ville_numerique:coverage":
        params.setdefault("POPULATION", population())
        params.setdefault("SERVICES", services())
    params.setdefault("SUMMARY", str(tmp_path / "summary.json"))
    with pytest.raises(QgsProcessingException, match=match):
        run(provider, alg, params)
    assert not (tmp_path / "summary.json").exists()


def categories_layer(*rows):
    return memory_layer("Point?crs=EPSG:2154&field=categories:string",
                        [(point(dx, dy), [value]) for (dx, dy), value in rows])


# --------------------------------------------------------------------------- NULL / empty categories

def test_null_category_is_ignored_and_counted_in_coverage(provider, tmp_path):
    # before: TypeError: 'QVariant' object is not iterable
    svc = categories_layer(((0, 0), "epn|wifi"), ((1000, 0), None), ((300, 400), "  "))
    feedback = Recorder()
    _, rows, summary = coverage(provider, tmp_path, svc=svc, feedback=feedback)
    assert "2 service(s) with an empty category (NULL or blank) in field 'categories' ignored." in feedback.warnings
    assert summary["counts"]["services_without_category"] == 2
    assert set(summary["categories"]) == {"epn", "wifi"}
    # only A (0, 0) counts: epn within 600 m for a (0) and b (500), not c (1000)
    assert [rows[k]["cov_epn"] for k in "abc"] == [1, 1, 0]


def test_null_category_in_scenario_and_recommend_sites(provider, tmp_path):
    svc = categories_layer(((0, 0), "epn"), ((300, 400), None))
    planned = categories_layer(((1000, 0), "epn"), ((0, 0), None))
    result = run(provider, "ville_numerique:scenario", {
        "POPULATION": population(), "SERVICES": svc, "PLANNED": planned, "THRESHOLDS": "epn=600",
        "SUMMARY": str(tmp_path / "scenario.json")})
    scenario = json.loads((tmp_path / "scenario.json").read_text(encoding="utf-8"))
    # the planned epn at c covers c (30 inh.): a and b were already within 600 m of A
    assert scenario["delta"]["categories"]["epn"]["population_newly_covered"] == 30
    assert scenario["counts"]["services_without_category"] == 2
    assert result["POPULATION_NEWLY_COVERED"] == 30

    result = run(provider, "ville_numerique:recommend_sites", {
        "POPULATION": population(), "SERVICES": svc, "CATEGORY": "epn", "K": 1, "THRESHOLD": 600,
        "USE_FRAGILITY": False, "SUMMARY": str(tmp_path / "sites.json")})
    sites = json.loads((tmp_path / "sites.json").read_text(encoding="utf-8"))
    # a and b are covered by A; only c (30 inh.) is left to gain
    assert sites["existing_services"] == 1 and sites["total_gain"] == 30


# --------------------------------------------------------------------------- codes that collide

def test_codes_written_differently_are_one_category(provider, tmp_path):
    # before: dist_wifi twice, QGIS dropped one field, values shifted and score reached 1,633
    svc = categories_layer(((0, 0), "epn|wifi"), ((1000, 0), "Wifì|épn"))
    feedback = Recorder()
    result, rows, summary = coverage(provider, tmp_path, svc=svc, feedback=feedback, THRESHOLDS="epn=600;wifi=300")
    names = result["OUTPUT"].fields().names()
    assert names == ["ind", "name", "dist_epn", "cov_epn", "acc_epn", "dist_wifi", "cov_wifi", "acc_wifi", "score"]
    assert set(summary["categories"]) == {"epn", "wifi"}
    assert summary["categories"]["wifi"]["n_services"] == 2
    assert "Category codes 'Wifì', 'wifi' read as one category: wifi." in feedback.infos
    # wifi within 300 m: a (0 m from A) and c (0 m from B); b is 500 m from A
    assert [rows[k]["cov_wifi"] for k in "abc"] == [1, 0, 1]
    assert [rows[k]["cov_epn"] for k in "abc"] == [1, 1, 1]
    # score = 100 × (3 cov_epn + 1 cov_wifi) / 4
    assert [rows[k]["score"] for k in "abc"] == pytest.approx([100.0, 75.0, 100.0])


# --------------------------------------------------------------------------- THRESHOLDS / WEIGHTS keys

@pytest.mark.parametrize("key,text,match", [
    ("THRESHOLDS", "epn=600;EPN=300", "Thresholds: 'epn' is given more than once"),
    ("THRESHOLDS", "epn=600;wfi=300", "Thresholds: unknown category 'wfi'"),
    ("WEIGHTS", "epn=3;wifi=1;wiif=2", "Weights: unknown category 'wiif'"),
])
def test_duplicate_or_unknown_keys_are_refused(provider, tmp_path, key, text, match):
    refused(provider, tmp_path, match, **{key: text})


def test_a_custom_code_of_the_services_may_be_given_a_threshold(provider, tmp_path):
    svc = categories_layer(((0, 0), "epn"), ((1000, 0), "Piscine"))
    _, rows, summary = coverage(provider, tmp_path, svc=svc, THRESHOLDS="epn=600;piscine=100")
    assert summary["categories"]["piscine"]["threshold_m"] == 100
    assert [rows[k]["cov_piscine"] for k in "abc"] == [0, 0, 1]


def test_recommend_refuses_an_unknown_category(provider, tmp_path):
    refused(provider, tmp_path, "Category: unknown category 'epm'", alg="ville_numerique:recommend_sites",
            POPULATION=population(), SERVICES=services(), CATEGORY="epm")


# --------------------------------------------------------------------------- populations

def population_with(value):
    return memory_layer("Point?crs=EPSG:2154&field=ind:double&field=name:string",
                        [(point(0, 0), [10.0, "a"]), (point(300, 400), [value, "b"]), (point(1000, 0), [30.0, "c"])])


@pytest.mark.parametrize("value", [math.inf, -20.0, float("nan")])
def test_a_population_that_is_not_a_finite_count_is_left_out(provider, tmp_path, value):
    # before, +inf: 100 % of the population covered in every category
    feedback = Recorder()
    _, rows, summary = coverage(provider, tmp_path, pop=population_with(value), feedback=feedback)
    assert summary["counts"]["population_units_invalid_population"] == 1
    assert any("1 population unit(s) whose 'ind' is not a finite number" in w for w in feedback.warnings)
    # b left out: 40 inhabitants; epn within 600 m: a (10), b (left out), not c
    assert summary["population_total"] == 40
    assert summary["categories"]["epn"]["share_covered"] == pytest.approx(0.25)
    assert rows["b"]["dist_epn"] == pytest.approx(500.0)  # the unit is still in the output


# --------------------------------------------------------------------------- CRS

MOON = "IAU_2015:30100"


def moon_layer(layer):
    layer.setCrs(QgsCoordinateReferenceSystem(MOON))
    return layer


def test_a_crs_without_transformation_is_refused(provider, tmp_path):
    # before: the points were taken as they are (no transformation exists), 0 % with rc 0
    assert QgsCoordinateReferenceSystem(MOON).isValid()
    refused(provider, tmp_path, "'Population' is in IAU_2015:30100, which cannot be converted to EPSG:4326",
            POPULATION=moon_layer(population()))
    refused(provider, tmp_path, "'Digital services' is in IAU_2015:30100, which cannot be converted",
            SERVICES=moon_layer(services()))


# --------------------------------------------------------------------------- MultiPoint services

def multipoint_services():
    wkt = "MULTIPOINT(({} {}),({} {}))".format(X0, Y0, X0 + 1000, Y0)
    return memory_layer("MultiPoint?crs=EPSG:2154&field=categories:string", [(QgsGeometry.fromWkt(wkt), ["epn"])])


def test_multipoint_services_are_split_into_their_parts(provider, tmp_path):
    # one feature, two places: A (0, 0) and B (1000, 0). Before: their centroid (500, 0),
    # 500 m from a and c and 447 m from b, so nobody within 300 m
    feedback = Recorder()
    _, rows, summary = coverage(provider, tmp_path, svc=multipoint_services(), feedback=feedback,
                                THRESHOLDS="epn=300")
    assert [rows[k]["dist_epn"] for k in "abc"] == pytest.approx([0.0, 500.0, 0.0])
    assert [rows[k]["cov_epn"] for k in "abc"] == [1, 0, 1]
    assert summary["categories"]["epn"]["share_covered"] == pytest.approx(40 / 60)
    assert summary["categories"]["epn"]["n_services"] == 2
    assert summary["counts"]["services_multipoint_parts_added"] == 1
    assert "Multi-point services split into their parts: 1 more place(s)." in feedback.infos


# --------------------------------------------------------------------------- geometry types

def lines_layer():
    return memory_layer("LineString?crs=EPSG:2154&field=categories:string&field=ind:double&field=highway:string",
                        [(line((0, 0), (1000, 0)), ["epn", 5.0, "footway"])])


def test_a_line_layer_is_refused_as_services(provider, tmp_path):
    refused(provider, tmp_path, "'Digital services' holds lines; it must hold points", SERVICES=lines_layer())


def test_a_line_layer_is_refused_as_population(provider, tmp_path):
    refused(provider, tmp_path, "'Population' holds lines; it must hold points or polygons",
            POPULATION=lines_layer())


def test_a_point_layer_is_refused_as_network(provider, tmp_path):
    # before: TypeError "Point geometry cannot be converted to a polyline"
    refused(provider, tmp_path, "'Walking network' holds points; it must hold lines", NETWORK=services())


def test_a_polygon_layer_is_refused_as_candidates(provider, tmp_path):
    square = QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        X0, Y0, X0 + 10, Y0 + 10))
    candidates = memory_layer("Polygon?crs=EPSG:2154&field=id:integer", [(square, [1])])
    refused(provider, tmp_path, "'Candidate sites' holds polygons; it must hold points",
            alg="ville_numerique:recommend_sites", POPULATION=population(), CANDIDATES=candidates)


# --------------------------------------------------------------------------- snapping to the network

def far_network():
    # a street 5 km north of every unit and service
    return memory_layer("LineString?crs=EPSG:2154&field=highway:string",
                        [(line((0, 5000), (1000, 5000)), ["residential"])])


def test_a_run_where_nothing_can_be_snapped_fails(provider, tmp_path):
    # before: 0 % everywhere, no warning, rc 0
    refused(provider, tmp_path, "No population unit lies within 200 m of the walking network", NETWORK=far_network())


def test_units_that_cannot_be_snapped_are_in_the_log_and_the_summary(provider, tmp_path):
    far = (point(500, 1000), [5.0, "d"])  # 600 m from the nearest street
    feedback = Recorder()
    _, rows, summary = coverage(provider, tmp_path, pop=population(extra=[far]), feedback=feedback,
                                NETWORK=network())
    assert ("1 population unit(s) farther than 200 m from the walking network: no walking distance, "
            "counted as not covered.") in feedback.warnings
    assert summary["counts"]["population_units_too_far_from_network"] == 1
    assert summary["counts"]["services_too_far_from_network"] == 0
    assert rows["d"]["cov_epn"] == 0


# --------------------------------------------------------------------------- report

def test_report_refuses_a_non_numeric_threshold(provider, tmp_path):
    result = run(provider, "ville_numerique:coverage", {
        "POPULATION": population(), "SERVICES": services(), "OUTPUT": str(tmp_path / "coverage.gpkg"),
        "SUMMARY": str(tmp_path / "summary.json")})
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    summary["categories"]["epn"]["threshold_m"] = "loin"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(summary), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="threshold_m of category 'epn' is 'loin', not a number"):
        run(provider, "ville_numerique:report", {"COVERAGE": result["OUTPUT"], "SUMMARY": str(bad),
                                                 "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert not (tmp_path / "r.html").exists()


# --------------------------------------------------------------------------- fragility_ifn

def ifn_inputs():
    cell = QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        X0, Y0, X0 + 200, Y0 + 200))
    cells = memory_layer("Polygon?crs=EPSG:2154&field=ind:double", [(cell, [10.0])])
    zone = QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        X0 - 1000, Y0 - 1000, X0 + 1000, Y0 + 1000))
    zones = memory_layer("Polygon?crs=EPSG:2154&field=code_iris:string", [(zone, ["627650301"])])
    table = memory_layer("None?field=Code Iris:string&field=SCORE GLOBAL:double",
                         [(None, ["627650301", 120.0]), (None, ["627650302", math.inf])])
    return cells, zones, table


def test_fragility_ifn_checks_types_crs_and_scores(provider, tmp_path):
    cells, zones, table = ifn_inputs()
    feedback = Recorder()
    result = run(provider, "ville_numerique:fragility_ifn", {"POPULATION": cells, "ZONES": zones, "TABLE": table},
                 feedback)
    # 5 × 120 / 100 = 6; the +inf row is no score, and said so
    assert [f["fragility"] for f in result["OUTPUT"].getFeatures()] == [pytest.approx(6.0)]
    assert any(w.startswith("1 row(s) of the IFN table have a score that is empty, not a finite number")
               for w in feedback.warnings)
    refused(provider, tmp_path, "'IRIS contours' is in IAU_2015:30100, which cannot be converted",
            alg="ville_numerique:fragility_ifn", POPULATION=cells, ZONES=moon_layer(zones), TABLE=table)
    refused(provider, tmp_path, "'Population' holds points; it must hold polygons",
            alg="ville_numerique:fragility_ifn", POPULATION=population(), ZONES=zones, TABLE=table)


# --------------------------------------------------------------------------- through qgis_process.bin

def save_gpkg(layer, path, name):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    if path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return "{}|layername={}".format(path, name)


@pytest.fixture
def hostile_gpkg(provider, tmp_path):
    """A GeoPackage with the layers of the cases above, written at run time."""
    path = tmp_path / "hostile.gpkg"
    return {
        "population": save_gpkg(population(), path, "population"),
        "null_categories": save_gpkg(categories_layer(((0, 0), "epn|wifi"), ((1000, 0), None)), path, "null_cat"),
        "collisions": save_gpkg(categories_layer(((0, 0), "epn|wifi"), ((1000, 0), "Wifì|épn")), path, "collide"),
        "multipoint": save_gpkg(multipoint_services(), path, "multipoint"),
        "points": save_gpkg(services(), path, "services"),
    }


@pytest.mark.slow
def test_hostile_inputs_through_qgis_process(qgis_process_env, hostile_gpkg, tmp_path):
    layers = hostile_gpkg

    def coverage_run(services, name, *extra):
        return qgis_process_json(
            qgis_process_env, "run", "ville_numerique:coverage", "--", "POPULATION=" + layers["population"],
            "SERVICES=" + services, "THRESHOLDS=epn=300;wifi=300", "OUTPUT=" + str(tmp_path / (name + ".gpkg")),
            "SUMMARY=" + str(tmp_path / (name + ".json")), *extra)

    # NULL category: a result, the service counted
    code, _, output = coverage_run(layers["null_categories"], "null")
    assert code == 0, output
    summary = json.loads((tmp_path / "null.json").read_text(encoding="utf-8"))
    assert summary["counts"]["services_without_category"] == 1
    assert "1 service(s) with an empty category" in output

    # wifi / Wifì, epn / épn: one field per category, scores within 0–100
    code, _, output = coverage_run(layers["collisions"], "collide")
    assert code == 0, output
    summary = json.loads((tmp_path / "collide.json").read_text(encoding="utf-8"))
    assert set(summary["categories"]) == {"epn", "wifi"}
    assert 0 <= summary["score_mean"] <= 100
    from osgeo import ogr

    dataset = ogr.Open(str(tmp_path / "collide.gpkg"))  # kept: its layer dies with it
    layer = dataset.GetLayer(0)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert [n for n in names if n.startswith("dist_")] == ["dist_epn", "dist_wifi"]

    # MultiPoint: its two places, so a and c are within 300 m (40 of 60 inhabitants)
    code, _, output = coverage_run(layers["multipoint"], "multi")
    assert code == 0, output
    summary = json.loads((tmp_path / "multi.json").read_text(encoding="utf-8"))
    assert summary["categories"]["epn"]["share_covered"] == pytest.approx(40 / 60)

    # a point layer as NETWORK: a sentence, no traceback, nothing written
    code, _, output = coverage_run(layers["points"], "net", "NETWORK=" + layers["points"])
    assert code != 0
    assert "holds points; it must hold lines" in output
    assert "Traceback" not in output
    assert not (tmp_path / "net.json").exists()
