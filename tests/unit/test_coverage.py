"""core.coverage on cases computed by hand."""

import math

import numpy as np
import pytest

from ville_numerique.core.coverage import (
    compute_coverage,
    nearest_distances,
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
    d = nearest_distances([(0, 0)], np.empty((0, 2)))
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
