"""ville_numerique:coverage run in-process on hand-built layers (values computed by hand)."""

import json
import math

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

# Lambert-93 coordinates around Saint-Omer (metres). Same hand case as tests/unit/test_coverage.py:
#   units at +0/+0 (10 inh.), +300/+400 (20 inh.), +1000/+0 (30 inh.)
#   service A at +0/+0: epn|wifi ; service B at +1000/+0: france_services
X0, Y0 = 648000.0, 7073000.0


def memory_layer(uri, rows):
    layer = QgsVectorLayer(uri, "layer", "memory")
    assert layer.isValid()
    features = []
    for geometry, attributes in rows:
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes(attributes)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def point(dx, dy, crs=None):
    geometry = QgsGeometry.fromPointXY(QgsPointXY(X0 + dx, Y0 + dy))
    if crs is not None:
        geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                                  QgsCoordinateReferenceSystem(crs), QgsProject.instance()))
    return geometry


def population(crs="EPSG:2154", extra=()):
    rows = [(point(0, 0, crs), [10.0, "a"]), (point(300, 400, crs), [20.0, "b"]),
            (point(1000, 0, crs), [30.0, "c"])] + list(extra)
    return memory_layer("Point?crs={}&field=ind:double&field=name:string".format(crs), rows)


def services(crs="EPSG:2154", cats=("epn|wifi", "france_services")):
    rows = [(point(0, 0, crs), [cats[0]]), (point(1000, 0, crs), [cats[1]])]
    return memory_layer("Point?crs={}&field=categories:string".format(crs), rows)


def run_coverage(run_alg, tmp_path, pop, svc, **extra):
    params = {"POPULATION": pop, "SERVICES": svc, "THRESHOLDS": "epn=600;wifi=300",
              "OUTPUT": "memory:", "SUMMARY": str(tmp_path / "summary.json")}
    params.update(extra)
    result = run_alg("ville_numerique:coverage", params)
    with open(result["SUMMARY"], encoding="utf-8") as stream:
        summary = json.load(stream)
    return result["OUTPUT"], summary


def by_name(layer):
    return {f["name"]: f for f in layer.getFeatures()}


def test_fields_and_values(run_alg, tmp_path):
    layer, summary = run_coverage(run_alg, tmp_path, population(), services())
    names = layer.fields().names()
    assert names == ["ind", "name", "dist_epn", "cov_epn", "acc_epn", "dist_france_services",
                     "cov_france_services", "acc_france_services", "dist_wifi", "cov_wifi", "acc_wifi", "score"]
    rows = by_name(layer)
    assert rows["b"]["dist_epn"] == pytest.approx(500.0)
    assert rows["b"]["dist_france_services"] == pytest.approx(math.sqrt(650_000), abs=0.01)
    assert [rows[k]["cov_epn"] for k in "abc"] == [1, 1, 0]
    assert [rows[k]["cov_wifi"] for k in "abc"] == [1, 0, 0]
    assert [rows[k]["score"] for k in "abc"] == pytest.approx([100.0, 500 / 6, 200 / 6], abs=1e-4)


def test_summary(run_alg, tmp_path):
    _, summary = run_coverage(run_alg, tmp_path, population(), services())
    assert summary["population_total"] == 60
    assert summary["score_mean"] == pytest.approx(61.111111, abs=1e-5)
    epn = summary["categories"]["epn"]
    assert epn["threshold_m"] == 600 and epn["population_covered"] == 30
    assert epn["share_covered"] == pytest.approx(0.5) and epn["median_distance_m"] == 500
    assert summary["categories"]["wifi"]["share_covered"] == pytest.approx(1 / 6)
    assert summary["distance_crs"]["authid"] == "EPSG:2154"
    assert summary["plugin"]["name"] == "ville_numerique" and summary["plugin"]["version"]
    assert summary["inputs"]["thresholds_m"]["france_services"] == 1500
    assert summary["generated_at"]


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:3035", "EPSG:3857"])
def test_any_input_crs_gives_the_same_distances(run_alg, tmp_path, crs):
    layer, summary = run_coverage(run_alg, tmp_path, population(crs), services(crs))
    assert summary["distance_crs"]["authid"] == "EPSG:2154"
    assert by_name(layer)["b"]["dist_epn"] == pytest.approx(500.0, abs=0.05)
    assert layer.crs().authid() == crs  # the output keeps the population's CRS


def test_polygons_are_taken_by_centroid(run_alg, tmp_path):
    square = QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        X0 + 200, Y0 + 300, X0 + 400, Y0 + 500))  # centroid (+300, +400)
    pop = memory_layer("Polygon?crs=EPSG:2154&field=ind:double&field=name:string", [(square, [5.0, "sq"])])
    layer, _ = run_coverage(run_alg, tmp_path, pop, services())
    assert by_name(layer)["sq"]["dist_epn"] == pytest.approx(500.0)


def test_null_geometries_are_skipped_and_counted(run_alg, tmp_path):
    pop = population(extra=[(None, [99.0, "nogeom"])])
    layer, summary = run_coverage(run_alg, tmp_path, pop, services())
    assert summary["counts"]["population_units_skipped_null_geometry"] == 1
    assert summary["population_total"] == 60  # the unit without geometry is not counted
    rows = by_name(layer)
    assert len(rows) == 4
    assert rows["nogeom"]["score"] == NULL and rows["nogeom"]["dist_epn"] == NULL


def test_category_lists_and_unknown_codes(run_alg, tmp_path):
    layer, summary = run_coverage(run_alg, tmp_path, population(), services(cats=("epn", "epn|piscine")))
    assert "dist_piscine" in layer.fields().names()
    assert summary["categories"]["piscine"]["threshold_m"] == 1000  # fallback threshold


def expect_error(run_alg, tmp_path, pop, svc, match, **extra):
    with pytest.raises(QgsProcessingException, match=match):
        run_coverage(run_alg, tmp_path, pop, svc, **extra)
    assert not (tmp_path / "summary.json").exists()  # nothing half-written


def test_empty_population_layer(run_alg, tmp_path):
    empty = memory_layer("Point?crs=EPSG:2154&field=ind:double", [])
    expect_error(run_alg, tmp_path, empty, services(), "has no feature")


def test_missing_population_field(run_alg, tmp_path):
    expect_error(run_alg, tmp_path, population(), services(), "no field 'pop'", POPULATION_FIELD="pop")


def test_non_numeric_population_field(run_alg, tmp_path):
    expect_error(run_alg, tmp_path, population(), services(), "not numeric", POPULATION_FIELD="name")


def test_services_without_category(run_alg, tmp_path):
    expect_error(run_alg, tmp_path, population(), services(cats=("", "")), "No service has a category")


def test_bad_thresholds(run_alg, tmp_path):
    expect_error(run_alg, tmp_path, population(), services(), "not a distance or a walking time", THRESHOLDS="epn=far")


def test_layer_without_crs(run_alg, tmp_path):
    pop = memory_layer("Point?field=ind:double&field=name:string", [(point(0, 0), [1.0, "a"])])
    pop.setCrs(QgsCoordinateReferenceSystem())  # e.g. a shapefile without .prj
    expect_error(run_alg, tmp_path, pop, services(), "no coordinate reference system")


def test_coordinates_that_do_not_match_the_crs(run_alg, tmp_path):
    # Lambert-93 metres declared as degrees: nothing can be placed on the map
    pop = memory_layer("Point?crs=EPSG:4326&field=ind:double&field=name:string", [(point(0, 0), [1.0, "a"])])
    expect_error(run_alg, tmp_path, pop, services(), "Check the CRS of the layer")


def test_cancel(provider, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("ville_numerique:coverage",
                       {"POPULATION": population(), "SERVICES": services(), "OUTPUT": "memory:",
                        "SUMMARY": str(tmp_path / "s.json")},
                       context=QgsProcessingContext(), feedback=feedback)
    assert not (tmp_path / "s.json").exists()


def _wgs84_point(lon, lat):
    return QgsGeometry.fromPointXY(QgsPointXY(lon, lat))


def test_a_far_service_changes_neither_the_projection_nor_the_figures(run_alg, tmp_path):
    """Issue 15: one service in La Réunion used to switch Saint-Omer to a UTM zone (+3 % distances)."""
    _, reference = run_coverage(run_alg, tmp_path, population(), services())
    svc = services()
    far = QgsFeature(svc.fields())
    far.setGeometry(_wgs84_point(55.45, -20.88))  # Saint-Denis (La Réunion), in the layer's Lambert-93
    far.geometry().transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                                    QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance()))
    far.setAttributes(["epn"])
    assert svc.dataProvider().addFeatures([far])
    layer, summary = run_coverage(run_alg, tmp_path, population(), svc)
    assert summary["distance_crs"]["authid"] == "EPSG:2154"
    assert summary["counts"]["services_far_excluded"] == 1 and summary["counts"]["services"] == 2
    assert summary["categories"] == reference["categories"]
    assert summary["inputs"]["distance_crs_is_legal"] is True and summary["inputs"]["distance_crs_warning"] is None
    # with a distance large enough the far service is kept (and changes nothing within 600 m)
    _, kept = run_coverage(run_alg, tmp_path, population(), svc, MAX_SERVICE_DISTANCE=20_000_000)
    assert kept["counts"]["services_far_excluded"] == 0 and kept["counts"]["services"] == 3


def test_a_population_outside_france_is_warned(run_alg, tmp_path):
    # two points in Amsterdam (WGS 84): UTM 31N, not a French legal projection
    pop = memory_layer("Point?crs=EPSG:4326&field=ind:double&field=name:string",
                       [(_wgs84_point(4.90, 52.37), [10.0, "a"]), (_wgs84_point(4.91, 52.37), [5.0, "b"])])
    svc = memory_layer("Point?crs=EPSG:4326&field=categories:string", [(_wgs84_point(4.90, 52.37), ["epn"])])
    _, summary = run_coverage(run_alg, tmp_path, pop, svc)
    assert summary["distance_crs"] == {"authid": "EPSG:32631", "name": "UTM 31N"}
    assert summary["inputs"]["distance_crs_is_legal"] is False
    assert "not in the legal projection" in summary["inputs"]["distance_crs_warning"]


def test_itinerant_stops_are_left_out_by_default(run_alg, tmp_path):
    svc = memory_layer("Point?crs=EPSG:2154&field=categories:string&field=itinerance:string&field=nom:string",
                       [(point(0, 0), ["epn|wifi", "Fixe", "Médiathèque"]),
                        (point(1000, 0), ["france_services", "Itinérant", "Camion bleu France Services Arques"]),
                        (point(300, 400), ["france_services", "", "France Services Saint-Omer"])])
    layer, summary = run_coverage(run_alg, tmp_path, population(), svc)
    assert summary["counts"]["services_itinerant_excluded"] == 1 and summary["counts"]["services"] == 2
    assert summary["itinerant_stops"] == ["Camion bleu France Services Arques"]  # where the bus stops
    rows = by_name(layer)
    # the nearest France Services of "c" (+1000/+0) is the fixed one at +300/+400, not the bus at its door
    assert rows["c"]["dist_france_services"] == pytest.approx(math.hypot(700, 400), abs=0.01)
    layer, summary = run_coverage(run_alg, tmp_path, population(), svc, INCLUDE_ITINERANT=True)
    assert summary["counts"]["services_itinerant_excluded"] == 0 and "itinerant_stops" not in summary
    assert by_name(layer)["c"]["dist_france_services"] == pytest.approx(0.0)


def test_the_kind_weight_of_fetch_services_is_the_default_supply(run_alg, tmp_path):
    """Rule K: a permanence hosted in a school (poids 0.5) offers half the supply of a place (poids 1)."""
    svc = memory_layer("Point?crs=EPSG:2154&field=categories:string&field=poids:double",
                       [(point(0, 0), ["epn", 1.0]), (point(1000, 0), ["epn", 0.5])])
    layer, summary = run_coverage(run_alg, tmp_path, population(), svc, METHOD="cumulative",
                                  THRESHOLDS="epn=2000")
    assert summary["inputs"]["supply_field"] == "poids"
    # every unit is within 2 km of both: cumulative supply 1 + 0.5 (binary decay)
    assert [f["acc_epn"] for f in layer.getFeatures()] == pytest.approx([1.5, 1.5, 1.5])
    layer, summary = run_coverage(run_alg, tmp_path, population(), svc, METHOD="cumulative",
                                  THRESHOLDS="epn=2000", SUPPLY_FIELD="categories")
    assert summary["inputs"]["supply_field"] == "categories"
