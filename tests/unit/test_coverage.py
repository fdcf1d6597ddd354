"""core.coverage on cases computed by hand."""

import math

import numpy as np
import pytest
from ville_numerique.core.access import nearest_distance
from ville_numerique.core.coverage import (
    compare_scenarios,
    compute_coverage,
    parse_mapping,
    weighted_median,
)
from ville_numerique.core.crs import metric_crs_for_extent
from ville_numerique.core.errors import InputError

# Three households and two services (metres, one metric CRS):
#   unit 0 at (0, 0)      10 inhabitants
#   unit 1 at (300, 400)  20 inhabitants  -> 500 m from (0, 0)
#   unit 2 at (1000, 0)   30 inhabitants
#   service A at (0, 0): epn + wifi ; service B at (1000, 0): france_services
POP_XY = [(0, 0), (300, 400), (1000, 0)]
POP = [10, 20, 30]
SVC_XY = [(0, 0), (1000, 0)]
SVC_CATS = [["epn", "wifi"], ["france_services"]]


@pytest.fixture
def result():
    return compute_coverage(POP_XY, POP, SVC_XY, SVC_CATS, thresholds={"epn": 600, "wifi": 300})


def test_distances_are_exact(result):
    assert result.categories["epn"].distance.tolist() == [0.0, 500.0, 1000.0]
    # unit 1 to B: sqrt(700² + 400²) = sqrt(650 000) = 806.2258 m
    fs = result.categories["france_services"].distance
    assert fs[1] == pytest.approx(math.sqrt(650_000))
    assert fs[0] == 1000.0 and fs[2] == 0.0


def test_coverage_and_shares(result):
    epn = result.categories["epn"]
    assert epn.covered.tolist() == [1, 1, 0]  # 0 and 500 m <= 600 m
    assert epn.population_covered == 30 and epn.share_covered == pytest.approx(0.5)
    wifi = result.categories["wifi"]
    assert wifi.covered.tolist() == [1, 0, 0] and wifi.share_covered == pytest.approx(10 / 60)
    fs = result.categories["france_services"]  # default threshold 1 500 m
    assert fs.threshold_m == 1500 and fs.share_covered == 1.0


def test_threshold_is_inclusive():
    r = compute_coverage([(0, 0)], [1], [(300, 0)], [["wifi"]], thresholds={"wifi": 300})
    assert r.categories["wifi"].covered.tolist() == [1]


def test_population_weighted_median(result):
    # epn distances 0 (10 inh.), 500 (20), 1000 (30): the 30th of 60 inhabitants is at 500 m
    assert result.categories["epn"].median_distance_m == 500.0
    # france_services: 0 (30 inh.) holds half the population already
    assert result.categories["france_services"].median_distance_m == 0.0


def test_score_uses_documented_weights(result):
    # weights epn 3, wifi 1, france_services 2 (sum 6)
    assert result.score.tolist() == pytest.approx([100.0, 500 / 6, 200 / 6])
    expected_mean = (10 * 100 + 20 * 500 / 6 + 30 * 200 / 6) / 60
    assert result.score_mean == pytest.approx(expected_mean)
    assert result.summary()["score_mean"] == pytest.approx(61.111111, abs=1e-6)


def test_custom_weights_change_the_score():
    r = compute_coverage(POP_XY, POP, SVC_XY, SVC_CATS, thresholds={"epn": 600, "wifi": 300},
                         weights={"epn": 1, "wifi": 0, "france_services": 0})
    assert r.score.tolist() == [100.0, 100.0, 0.0]


def test_categories_in_model_order(result):
    assert list(result.categories) == ["epn", "france_services", "wifi"]


def test_summary_shape(result):
    s = result.summary()
    assert s["population_total"] == 60
    assert set(s["categories"]["epn"]) >= {"threshold_m", "population_covered", "share_covered",
                                           "median_distance_m"}


def test_category_without_service_is_infinitely_far():
    d, _ = nearest_distance([(0, 0)], np.empty((0, 2)))
    assert d.tolist() == [math.inf]
    assert weighted_median(d, [5]) is None


def test_services_without_category_raise():
    with pytest.raises(InputError):
        compute_coverage([(0, 0)], [1], [(0, 0)], [[]])


def test_negative_population_raises():
    with pytest.raises(InputError, match="negative"):
        compute_coverage([(0, 0)], [-1], [(0, 0)], [["epn"]])


def test_nan_population_counts_as_zero():
    r = compute_coverage([(0, 0), (10, 0)], [float("nan"), 4], [(0, 0)], [["epn"]])
    assert r.population_total == 4


@pytest.mark.parametrize("text,expected", [
    ("epn=1000;wifi=300", {"epn": 1000.0, "wifi": 300.0}),
    (" EPN : 800 , wifi=250 ", {"epn": 800.0, "wifi": 250.0}),
    ("", {}),
])
def test_parse_mapping(text, expected):
    assert parse_mapping(text, "Thresholds") == expected


@pytest.mark.parametrize("text", ["epn", "epn=abc", "wifi=-3", "=4"])
def test_parse_mapping_rejects_bad_items(text):
    with pytest.raises(InputError, match="Thresholds"):
        parse_mapping(text, "Thresholds")


@pytest.mark.parametrize("bbox,epsg", [
    ((2.2, 50.7, 2.3, 50.8), 2154),        # Saint-Omer
    ((9.3, 41.9, 9.5, 42.1), 2154),        # Corsica
    ((-61.8, 16.0, -61.5, 16.3), 5490),    # Guadeloupe
    ((55.4, -21.0, 55.5, -20.9), 2975),    # La Réunion
    ((13.3, 52.4, 13.5, 52.6), 32633),     # Berlin: UTM 33N
    ((-70.7, -33.5, -70.6, -33.4), 32719), # Santiago: UTM 19S
])
def test_metric_crs(bbox, epsg):
    assert metric_crs_for_extent(*bbox)[0] == epsg


# --- methods other than nearest/step, on the same three units -------------------------


def run(method, decay="step", **extra):
    return compute_coverage(POP_XY, POP, SVC_XY, SVC_CATS, thresholds={"epn": 600, "wifi": 300},
                            method=method, decay=decay, **extra)


def test_nearest_with_step_decay_is_the_coverage(result):
    assert result.categories["epn"].access.tolist() == [1.0, 1.0, 0.0]


def test_nearest_with_linear_decay():
    # W(d) = 1 - d/600: unit 1 at 500 m -> 1/6
    r = run("nearest", "linear")
    assert r.categories["epn"].access.tolist() == pytest.approx([1.0, 1 / 6, 0.0])
    # france_services (1 500 m): 1 - 806.23/1500 = 0.46251; wifi: 500 m > 300 m -> 0
    fs = 1 - math.sqrt(650_000) / 1500
    assert r.score[1] == pytest.approx(100 * (3 * (1 / 6) + 2 * fs + 1 * 0) / 6)


def test_cumulative_counts_services_in_reach():
    r = run("cumulative")
    assert r.categories["epn"].access.tolist() == [1.0, 1.0, 0.0]
    assert r.categories["france_services"].access.tolist() == [1.0, 1.0, 1.0]


def test_cumulative_with_supply_weights():
    # A weighs 30 (hours a week), B 10: unit 0 reaches A only for epn
    r = run("cumulative", supply=[30, 10])
    assert r.categories["epn"].access.tolist() == [30.0, 30.0, 0.0]
    assert r.categories["epn"].subscore.tolist() == [1.0, 1.0, 0.0]


def test_two_step_fca_by_hand():
    r = run("2sfca")
    # epn: A serves units 0 and 1 (0 m, 500 m <= 600): R_A = 1/(10+20) -> 1000/30 per 1 000 inh.
    assert r.categories["epn"].access.tolist() == pytest.approx([1000 / 30, 1000 / 30, 0.0])
    # france_services: B serves all 60 inhabitants -> 1000/60 each
    assert r.categories["france_services"].access.tolist() == pytest.approx([1000 / 60] * 3)
    # wifi: A serves unit 0 only (300 m): R = 1/10 -> 100
    assert r.categories["wifi"].access.tolist() == pytest.approx([100.0, 0.0, 0.0])
    # sub-score = min(1, A / (1000 * supply / population)) = min(1, A / 16.67)
    assert r.categories["epn"].subscore.tolist() == pytest.approx([1.0, 1.0, 0.0])


def test_enhanced_two_step_fca_by_hand():
    r = run("e2sfca", "linear")
    # epn: W(0) = 1, W(500) = 1/6; catchment = 10*1 + 20/6 = 13.333; R = 0.075
    epn = r.categories["epn"].access
    assert epn.tolist() == pytest.approx([75.0, 12.5, 0.0])
    # sub-score of unit 1: 12.5 / 16.667 = 0.75
    assert r.categories["epn"].subscore[1] == pytest.approx(0.75)


def test_fragility_and_priority():
    r = run("nearest", fragility=[10.0, 5.0, 0.0])
    # fragility-weighted population P*F/10 = 10, 10, 0
    assert r.fragile_population_total == 20
    assert r.categories["wifi"].fragile_population_not_covered == 10  # unit 1 only
    assert r.categories["epn"].fragile_population_not_covered == 0   # unit 2 has F = 0
    # priority = F * (100 - score) / 10
    assert r.priority.tolist() == pytest.approx([0.0, 5 * (100 - 500 / 6) / 10, 0.0])
    summary = r.summary()
    assert summary["fragile_population_total"] == 20
    assert summary["categories"]["wifi"]["fragile_population_not_covered"] == 10


def test_compare_scenarios_by_hand():
    before = run("nearest", fragility=[10.0, 5.0, 0.0])
    after = compute_coverage(POP_XY, POP, SVC_XY + [(1000, 0)], SVC_CATS + [["wifi"]],
                             thresholds={"epn": 600, "wifi": 300}, fragility=[10.0, 5.0, 0.0])
    per_unit, delta = compare_scenarios(before, after, fragility=[10.0, 5.0, 0.0])
    assert per_unit["newly_covered"]["wifi"].tolist() == [0, 0, 1]
    assert delta["categories"]["wifi"]["population_newly_covered"] == 30
    assert delta["categories"]["wifi"]["fragile_population_newly_covered"] == 0
    assert delta["categories"]["epn"]["population_newly_covered"] == 0
    # unit 2 gains the wifi weight (1 of 6): +16.67 points; 30 of 60 inhabitants
    assert per_unit["score_delta"].tolist() == pytest.approx([0.0, 0.0, 100 / 6])
    assert delta["score_mean_change"] == pytest.approx(100 / 12, abs=1e-6)
    assert delta["population_newly_covered_any"] == 30


@pytest.mark.parametrize("kwargs,match", [
    ({"method": "3sfca"}, "Method"),
    ({"decay": "cubic"}, "Distance decay"),
    ({"supply": [1.0]}, "differ in number"),
    ({"supply": [-1.0, 1.0]}, "0 or more"),
    ({"fragility": [1.0]}, "differ in number"),
])
def test_bad_options(kwargs, match):
    with pytest.raises(InputError, match=match):
        compute_coverage(POP_XY, POP, SVC_XY, SVC_CATS, **kwargs)


def _sorted_weighted_median(values, weights):
    """The definition, by a full sort: first value whose cumulative weight reaches half."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    half, running = sum(weights) / 2.0, 0.0
    for i in order:
        running += weights[i]
        if running >= half:
            return None if math.isinf(values[i]) else values[i]
    return None


@pytest.mark.parametrize("seed", range(6))
def test_weighted_median_of_large_inputs_equals_the_full_sort(seed):
    """Above 65,536 values the median narrows down over bins; the value must not change."""
    rng = np.random.default_rng(seed)
    n = 70_000 + 1_000 * seed
    values = np.round(rng.lognormal(6.5, 1.0, n), 1)  # many ties, like distances in metres
    weights = rng.integers(0, 40, n).astype(float)  # empty cells weigh 0
    if seed % 2:
        values[rng.random(n) < 0.3] = math.inf  # people with no service at all
    if seed == 4:
        values[:] = 250.0  # one value
    if seed == 5:
        values[rng.random(n) < 0.6] = math.inf  # more than half out of reach: no median
    expected = _sorted_weighted_median(values.tolist(), weights.tolist())
    assert weighted_median(values, weights) == expected
    if seed == 5:
        assert expected is None
