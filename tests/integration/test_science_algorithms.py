"""coverage options (METHOD, DECAY, SUPPLY_FIELD, NETWORK, fragility), scenario and
recommend_sites, run in-process on hand-built layers (values computed by hand)."""

import json
import math

import pytest
from qgis.core import NULL, QgsGeometry, QgsProcessingException
from ville_numerique.core.access import euclidean_pairs
from ville_numerique.core.recommend import exhaustive_max_cover, priority_weights

from .conftest import sample_layer
from .test_coverage_algorithm import X0, by_name, memory_layer, point, population, services


def line(*coords):
    return QgsGeometry.fromPolylineXY([point(dx, dy).asPoint() for dx, dy in coords])


def network(extra=()):
    # a street along y = 0 from A (0, 0) to B (1000, 0) and a side street up to unit b,
    # joined at a shared vertex (300, 0) as in OSM ways and BD TOPO sections
    rows = [(line((0, 0), (300, 0), (1000, 0)), ["residential"]), (line((300, 0), (300, 400)), ["footway"])]
    return memory_layer("LineString?crs=EPSG:2154&field=highway:string", rows + list(extra))


def run(run_alg, tmp_path, alg="ville_numerique:coverage", **params):
    params.setdefault("OUTPUT", "memory:")
    params.setdefault("SUMMARY", str(tmp_path / "summary.json"))
    result = run_alg(alg, params)
    with open(result["SUMMARY"], encoding="utf-8") as stream:
        return result, json.load(stream)


def coverage(run_alg, tmp_path, pop=None, svc=None, **params):
    params.setdefault("THRESHOLDS", "epn=600;wifi=300")
    result, summary = run(run_alg, tmp_path, POPULATION=pop or population(), SERVICES=svc or services(),
                          **params)
    return by_name(result["OUTPUT"]), summary


def test_e2sfca_linear(run_alg, tmp_path):
    rows, summary = coverage(run_alg, tmp_path, METHOD="e2sfca", DECAY="linear")
    # epn: W = 1 - d/600 -> 1 and 1/6; catchment 10 + 20/6; R = 0.075 -> A = 75, 12.5, 0 per 1 000 inh.
    assert [rows[k]["acc_epn"] for k in "abc"] == pytest.approx([75.0, 12.5, 0.0], abs=1e-4)
    assert summary["method"] == "e2sfca" and summary["decay"] == "linear"
    assert summary["categories"]["epn"]["access_mean"] == pytest.approx((10 * 75 + 20 * 12.5) / 60)


def test_two_step_fca(run_alg, tmp_path):
    rows, _ = coverage(run_alg, tmp_path, METHOD="2sfca")
    assert [rows[k]["acc_epn"] for k in "abc"] == pytest.approx([1000 / 30, 1000 / 30, 0.0], abs=1e-4)


def test_unknown_method_is_refused(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException):
        coverage(run_alg, tmp_path, METHOD="3sfca")


def test_supply_field_numeric_and_opening_hours(run_alg, tmp_path):
    rows = [(point(0, 0), ["epn", 30.0, "Mo-Fr 09:00-12:00"]), (point(1000, 0), ["epn", 10.0, "Sa 10:00-12:00"])]
    svc = memory_layer("Point?crs=EPSG:2154&field=categories:string&field=weight:double&field=horaires:string",
                       rows)
    numeric, _ = coverage(run_alg, tmp_path, svc=svc, METHOD="cumulative", SUPPLY_FIELD="weight",
                          THRESHOLDS="epn=1500")
    # unit b reaches both (500 m, 806 m): 30 + 10
    assert numeric["b"]["acc_epn"] == pytest.approx(40.0)
    hours, _ = coverage(run_alg, tmp_path, svc=svc, METHOD="cumulative", SUPPLY_FIELD="horaires",
                        THRESHOLDS="epn=1500")
    # 5 × 3 h = 15 h and 2 h a week
    assert hours["b"]["acc_epn"] == pytest.approx(17.0)


def test_walking_network_distances(run_alg, tmp_path):
    far = (point(500, 1000), [5.0, "d"])  # 600 m from the nearest street
    rows, summary = coverage(run_alg, tmp_path, pop=population(extra=[far]), NETWORK=network())
    # b walks 400 m down the side street then 300 m to A: 700 m (> 600 m: not covered)
    assert rows["b"]["dist_epn"] == pytest.approx(700.0, abs=0.01)
    assert rows["b"]["cov_epn"] == 0
    assert rows["b"]["dist_france_services"] == pytest.approx(1100.0, abs=0.01)
    assert rows["c"]["dist_epn"] == pytest.approx(1000.0, abs=0.01)
    # d is farther than 200 m from the network: flagged and counted, never silently dropped
    assert rows["d"]["dist_epn"] == NULL and rows["d"]["cov_epn"] == 0
    assert summary["distance_method"] == "network"
    assert summary["distance_diagnostics"]["population_too_far_from_network"] == 1
    assert summary["population_total"] == 65


def test_network_with_a_motorway_only_is_refused(run_alg, tmp_path):
    motorway = memory_layer("LineString?crs=EPSG:2154&field=highway:string",
                            [(line((0, 0), (1000, 0)), ["motorway"])])
    with pytest.raises(QgsProcessingException, match="no walkable line"):
        coverage(run_alg, tmp_path, NETWORK=motorway)


def insee_population():
    # two cells: "old" (half aged 65-79, all poor) and "young" (nobody in the indicators)
    uri = ("Point?crs=EPSG:2154&field=name:string&field=ind:double&field=ind_65_79:double&field=ind_80p:double"
           "&field=men:double&field=men_pauv:double&field=men_1ind:double&field=men_fmp:double")
    return memory_layer(uri, [
        (point(0, 0), ["old", 100.0, 50.0, 0.0, 50.0, 50.0, 0.0, 0.0]),
        (point(1000, 0), ["young", 100.0, 0.0, 0.0, 50.0, 0.0, 0.0, 0.0]),
    ])


def test_fragility_from_the_insee_fields(run_alg, tmp_path):
    rows, summary = coverage(run_alg, tmp_path, pop=insee_population(), POPULATION_FIELD="ind",
                             FRAGILITY_WEIGHTS="age_65_plus=1;poor_households=1")
    # reference method: min(10, 5 x / r); 65+: 5 * 0.5 / 0.205 -> 10 (capped); poor: 5 * 1 / 0.145 -> 10
    assert rows["old"]["fragility"] == pytest.approx(10.0)
    assert rows["young"]["fragility"] == pytest.approx(0.0)
    # old is next to A (epn, wifi) but 1 000 m from France Services (covered, 1 500 m): score 100
    assert rows["old"]["priority"] == pytest.approx(0.0)
    # young: epn 1 000 m > 600, wifi > 300, france_services 0 m -> score 2/6; fragility 0 -> priority 0
    assert rows["young"]["score"] == pytest.approx(100 / 3, abs=1e-3)
    assert summary["fragile_population_total"] == pytest.approx(100.0)
    assert summary["inputs"]["fragility"] == "insee_grid"


def test_fragility_field_out_of_range(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="from 0 to 10"):
        coverage(run_alg, tmp_path, FRAGILITY_FIELD="ind")  # 10, 20, 30 inhabitants are no index


def test_scenario_by_hand(run_alg, tmp_path):
    planned = memory_layer("Point?crs=EPSG:2154&field=categories:string", [(point(1000, 0), ["wifi"])])
    result, summary = run(run_alg, tmp_path, "ville_numerique:scenario", POPULATION=population(),
                          SERVICES=services(), PLANNED=planned, THRESHOLDS="epn=600;wifi=300")
    rows = by_name(result["OUTPUT"])
    assert [rows[k]["new_wifi"] for k in "abc"] == [0, 0, 1]
    assert rows["c"]["score_delta"] == pytest.approx(100 / 6, abs=1e-3)
    assert summary["delta"]["categories"]["wifi"]["population_newly_covered"] == 30
    assert summary["delta"]["score_mean_change"] == pytest.approx(100 / 12, abs=1e-5)
    assert summary["before"]["categories"]["wifi"]["share_covered"] == pytest.approx(10 / 60)
    assert summary["after"]["categories"]["wifi"]["share_covered"] == pytest.approx(40 / 60)


def test_recommend_equals_the_exhaustive_optimum_on_a_small_case(run_alg, tmp_path):
    # five units on a line, candidates every 250 m; threshold 300 m; no existing service
    units = [(0, 0, 10), (500, 0, 40), (1000, 0, 10), (1500, 0, 30), (2000, 0, 10)]
    pop = memory_layer("Point?crs=EPSG:2154&field=ind:double&field=name:string",
                       [(point(x, y), [float(p), str(x)]) for x, y, p in units])
    cands = [(x, 0) for x in range(0, 2001, 250)]
    cand_layer = memory_layer("Point?crs=EPSG:2154&field=id:integer",
                              [(point(x, y), [n]) for n, (x, y) in enumerate(cands)])
    result, summary = run(run_alg, tmp_path, "ville_numerique:recommend_sites", POPULATION=pop,
                          CANDIDATES=cand_layer, K=2, THRESHOLD=300, USE_FRAGILITY=False)
    sites = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    chosen = [round(f.geometry().asPoint().x() - X0) for f in sites]
    pairs = euclidean_pairs([(x, y) for x, y, _ in units], cands, 300)
    best, value = exhaustive_max_cover(pairs, priority_weights([p for *_, p in units]), 2)
    assert summary["total_gain"] == pytest.approx(value)
    # best single site: 250 m covers units 0 and 500 (10 + 40 = 50; 750 m ties, the lower index wins);
    # then 1 250 m covers 1 000 and 1 500 (10 + 30 = 40): 90, the optimum
    assert summary["total_gain"] == 90
    assert chosen == [250, 1250]
    assert [f["rank"] for f in sites] == [1, 2] and [f["gain"] for f in sites] == [50, 40]


def test_recommend_on_the_sample_counts_existing_services(run_alg, tmp_path):
    result, summary = run(run_alg, tmp_path, "ville_numerique:recommend_sites",
                          POPULATION=sample_layer("carreaux_200m"), SERVICES=sample_layer("services"),
                          CATEGORY="wifi", K=2)
    assert summary["existing_services"] == 13 and summary["threshold_m"] == 300
    assert summary["weighting"] == "population_x_fragility"
    assert 0 < summary["total_gain"] <= summary["total_weight"] - summary["weight_already_covered"] + 1e-6
    gains = [s["gain"] for s in summary["sites"]]
    assert gains == sorted(gains, reverse=True)  # greedy: each site adds less than the one before
    assert not math.isnan(summary["sites"][0]["population_gain"])


def test_scenario_on_the_station_project(run_alg, tmp_path):
    _, summary = run(run_alg, tmp_path, "ville_numerique:scenario",
                     POPULATION=sample_layer("carreaux_200m"), SERVICES=sample_layer("services"),
                     PLANNED=sample_layer("projet_gare"))
    delta = summary["delta"]
    assert set(delta["categories"]) >= {"wifi", "tiers_lieu", "fablab"}
    assert summary["before"]["population_total"] == pytest.approx(15174.5)
    assert delta["categories"]["wifi"]["population_newly_covered"] >= 0
    assert delta["score_mean_change"] >= 0  # adding services never lowers the score
