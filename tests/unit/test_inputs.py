"""Inputs that real open data contains (issue 10, point 4), checked in ``core`` without QGIS.

Category codes, THRESHOLDS/WEIGHTS keys, populations, summaries given to the
report, snapping to a walking network, and cancel honoured inside the
compute loops. Every expected value is worked out by hand in the comments.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ville_numerique.core import access as ac
from ville_numerique.core.coverage import NetworkEngine, compute_coverage, parse_mapping
from ville_numerique.core.errors import CanceledError, InputError
from ville_numerique.core.fragility import ifn_values_unusable, spread_to_cells
from ville_numerique.core.inputs import (
    check_category_keys,
    check_coverage_summary,
    check_unique_names,
    clean_population,
    normalise_code,
    read_categories,
    split_codes,
)
from ville_numerique.core.network import WalkNetwork
from ville_numerique.core.recommend import exhaustive_max_cover, greedy_max_cover

# --------------------------------------------------------------------------- categories

@pytest.mark.parametrize("raw,code", [
    ("wifi", "wifi"), ("Wifì", "wifi"), ("WIFI ", "wifi"), ("épn", "epn"), ("EPN", "epn"),
    ("France Services", "france_services"), ("france-services", "france_services"),
    ("Tiers-Lieu", "tiers_lieu"), ("cœur", "coeur"), ("  ", ""), ("???", ""), (None, ""),
])
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


def test_split_codes_ignores_null_and_blanks():
    assert split_codes(None) == []
    assert split_codes("") == []
    assert split_codes(" épn | Wifì ;wifi,, ") == ["epn", "wifi"]


def test_read_categories_counts_empty_values_and_merges_spellings():
    reading = read_categories(["wifi", "Wifì", None, "   ", "epn|épn", "???", "piscine"])
    assert reading.codes == [["wifi"], ["wifi"], [], [], ["epn"], [], ["piscine"]]
    assert reading.n_empty == 2          # None and blanks
    assert reading.n_unreadable == 1     # "???": text without a letter or digit
    assert reading.n_without_category == 3
    assert reading.spellings == {"wifi": ["Wifì", "wifi"], "epn": ["epn", "épn"]}
    assert reading.present() == {"wifi", "epn", "piscine"}


def test_check_unique_names():
    check_unique_names(["dist_wifi", "cov_wifi", "score"])
    with pytest.raises(InputError, match="Two output fields would be named 'DIST_WIFI'"):
        check_unique_names(["dist_wifi", "cov_wifi", "DIST_WIFI"])


# --------------------------------------------------------------------------- THRESHOLDS / WEIGHTS

def test_parse_mapping_normalises_keys_like_category_codes():
    assert parse_mapping("Wifì=250; France Services=900", "Thresholds") == {"wifi": 250.0,
                                                                           "france_services": 900.0}


@pytest.mark.parametrize("text", ["epn=1000;epn=500", "wifi=300;WIFI=200", "epn=1000;épn=800"])
def test_parse_mapping_refuses_a_key_given_twice(text):
    with pytest.raises(InputError, match="given more than once"):
        parse_mapping(text, "Thresholds")


def test_unknown_category_keys_are_refused():
    with pytest.raises(InputError, match="Thresholds: unknown category 'wfi'"):
        check_category_keys({"epn": 1000.0, "wfi": 300.0}, {"epn"}, "Thresholds")
    # a custom code carried by the services is allowed, and is named among the choices
    assert check_category_keys({"piscine": 800.0}, {"piscine", "epn"}, "Thresholds") == {"piscine": 800.0}
    with pytest.raises(InputError, match="fablab, wifi, piscine"):
        check_category_keys({"piscne": 800.0}, {"piscine"}, "Weights")


# --------------------------------------------------------------------------- population

def test_clean_population_excludes_non_finite_and_negative_values():
    values = clean_population([10.0, None, math.inf, float("nan"), -5.0, 3, -math.inf, "7"])
    # NULL counts 0 (n_null); inf, NaN, negative and -inf are excluded (0) and listed; "7" is 7
    assert values.values.tolist() == [10.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 7.0]
    assert values.n_null == 1
    assert values.excluded == [2, 3, 4, 6]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(),
                          st.integers(min_value=10 ** 308, max_value=10 ** 400), st.booleans(),
                          st.sampled_from(["7", " 3.5 ", "abc", "", "nan", "-1", "1e400"])), max_size=30))
def test_clean_population_in_bulk_equals_one_by_one(values):
    from ville_numerique.core.inputs import _clean_one_by_one

    bulk, reference = clean_population(values), _clean_one_by_one(values)
    assert bulk.values.tolist() == reference.values.tolist()
    assert (bulk.n_null, bulk.excluded) == (reference.n_null, reference.excluded)


def test_compute_coverage_refuses_an_infinite_population():
    # before: np.nan_to_num turned +inf into 1.8e308 and every share became 100 %
    with pytest.raises(InputError, match="infinite"):
        compute_coverage([(0, 0), (5000, 0)], [math.inf, 10], [(0, 0)], [["epn"]])


def test_an_excluded_unit_does_not_make_everyone_covered():
    # unit 0 next to the epn, unit 1 5 km away; unit 0's population was +inf -> excluded (0)
    population = clean_population([math.inf, 10.0]).values
    result = compute_coverage([(0, 0), (5000, 0)], population, [(0, 0)], [["epn"]])
    assert result.categories["epn"].share_covered == 0.0
    assert result.population_total == 10.0


# --------------------------------------------------------------------------- summaries for the report

def summary(**category):
    entry = {"threshold_m": 1000, "weight": 3.0, "n_services": 2, "population_covered": 10.0,
             "share_covered": 0.5, "median_distance_m": None, "access_mean": 0.5}
    entry.update(category)
    return {"population_total": 20.0, "score_mean": 50.0, "categories": {"epn": entry},
            "inputs": {"thresholds_m": {"epn": 1000}}}


def test_a_summary_as_coverage_writes_it_passes():
    data = summary()
    assert check_coverage_summary(data, "Coverage summary") is data


@pytest.mark.parametrize("key,value", [
    ("threshold_m", "far"), ("threshold_m", "1000"), ("share_covered", True), ("weight", [3]),
    ("population_covered", math.inf),
])
def test_a_category_figure_that_is_not_a_number_is_refused(key, value):
    with pytest.raises(InputError, match="{} of category 'epn' is .*not a number".format(key)):
        check_coverage_summary(summary(**{key: value}), "Coverage summary")


def test_other_malformed_summaries_are_refused():
    with pytest.raises(InputError, match="no 'categories'"):
        check_coverage_summary({"categories": []}, "Coverage summary")
    with pytest.raises(InputError, match="category 'epn' is not a JSON object"):
        check_coverage_summary({"categories": {"epn": 3}}, "Coverage summary")
    with pytest.raises(InputError, match="score_mean of the summary is 'high'"):
        check_coverage_summary(dict(summary(), score_mean="high"), "Coverage summary")
    with pytest.raises(InputError, match="epn of inputs.thresholds_m is 'x'"):
        check_coverage_summary(dict(summary(), inputs={"thresholds_m": {"epn": "x"}}), "Coverage summary")


# --------------------------------------------------------------------------- IFN values

def test_ifn_values_unusable_and_infinite_scores_give_no_value():
    assert ifn_values_unusable([121.0, math.inf, float("nan"), 0.0, -3.0, 126.0]) == 4
    assert ifn_values_unusable([5.0, math.inf, 0.0], rescale=False) == 1
    # one cell half over zone A (score +inf) and half over B (score 4, not rescaled): A gives no value
    result = spread_to_cells(1, [0, 0], ["A", "B"], [50.0, 50.0], ["A", "B"], [math.inf, 4.0], rescale=False)
    assert result.value.tolist() == [4.0] and result.known_share.tolist() == [0.5]


# --------------------------------------------------------------------------- walking network snapping

def street():
    # one street along y = 0 from (0, 0) to (1000, 0)
    return WalkNetwork([np.array([(0.0, 0.0), (1000.0, 0.0)])])


def test_units_too_far_from_the_network_are_counted():
    engine = NetworkEngine(street(), max_snap=200)
    # units at 50 m and 500 m from the street; services at 0 m and 300 m
    far = engine.check_snapping([(100, 50), (100, 500)], [(0, 0), (900, 300)])
    assert far == (1, 1)
    report = engine.diagnostics()
    assert report["population_too_far_from_network"] == 1
    assert report["services_too_far_from_network"] == 1


def test_nothing_snapped_fails_clearly():
    engine = NetworkEngine(street(), max_snap=200)
    with pytest.raises(InputError, match="No population unit lies within 200 m of the walking network"):
        engine.check_snapping([(0, 5000), (900, -400)], [(0, 0)])
    with pytest.raises(InputError, match="No service lies within 200 m"):
        engine.check_snapping([(0, 0)], [(0, 5000)])
    # services optional (recommend_sites): their absence from the network is not fatal
    assert engine.check_snapping([(0, 0)], [(0, 5000)], services_required=False) == (0, 1)


# --------------------------------------------------------------------------- cancel inside the loops

class CancelAfter:
    """``is_canceled`` returning True from its ``n``-th call on; counts its calls."""

    def __init__(self, n):
        self.n = n
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls >= self.n


def test_nearest_distance_checks_cancel_between_chunks():
    demand = np.column_stack([np.arange(10.0), np.zeros(10)])
    cancel = CancelAfter(3)
    with pytest.raises(CanceledError):
        ac.nearest_distance(demand, [(0, 0)], is_canceled=cancel, chunk_size=2)
    assert cancel.calls == 3  # stopped at the third of five chunks
    # the chunked query gives the same distances as one query
    d, k = ac.nearest_distance(demand, [(0, 0), (9, 0)], chunk_size=3)
    assert d.tolist() == [0, 1, 2, 3, 4, 4, 3, 2, 1, 0] and k.tolist() == [0] * 5 + [1] * 5


def test_euclidean_pairs_checks_cancel_between_chunks():
    demand = np.column_stack([np.arange(10.0), np.zeros(10)])
    cancel = CancelAfter(2)
    with pytest.raises(CanceledError):
        ac.euclidean_pairs(demand, [(0, 0)], 100, chunk_size=4, is_canceled=cancel)
    assert cancel.calls == 2


def test_compute_coverage_cancels_inside_a_category():
    # one category only: the old per-category check ran once, before any work
    demand = np.column_stack([np.arange(10.0), np.zeros(10)])
    cancel = CancelAfter(2)
    with pytest.raises(CanceledError):
        compute_coverage(demand, np.ones(10), [(0, 0)], [["epn"]], is_canceled=cancel)
    assert cancel.calls == 2


def test_network_queries_check_cancel():
    net = street()
    demand = np.column_stack([np.arange(0.0, 1000.0, 100.0), np.full(10, 10.0)])
    for call in (lambda c: net.nearest_service(demand, [(0, 0)], is_canceled=c),
                 lambda c: net.cost_pairs(demand, [(0, 0)], 500, is_canceled=c),
                 lambda c: net.snap(demand, is_canceled=c, chunk_size=3)):
        cancel = CancelAfter(2)
        with pytest.raises(CanceledError):
            call(cancel)
        assert cancel.calls == 2
    # chunked snapping gives the same result as one chunk
    one, chunked = net.snap(demand), net.snap(demand, chunk_size=3)
    assert np.array_equal(one.distance, chunked.distance) and np.array_equal(one.edge, chunked.edge)


def test_greedy_checks_cancel_before_every_site():
    # 3 units, 3 candidates each covering one unit: 3 sites chosen one by one
    pairs = ac.CostPairs([0, 1, 2], [0, 1, 2], [0.0, 0.0, 0.0], 3, 3)
    cancel = CancelAfter(3)
    with pytest.raises(CanceledError):
        greedy_max_cover(pairs, [1.0, 2.0, 3.0], 3, is_canceled=cancel)
    assert cancel.calls == 3
    rec = greedy_max_cover(pairs, [1.0, 2.0, 3.0], 3, is_canceled=lambda: False)
    assert rec.sites.tolist() == [2, 1, 0]
    with pytest.raises(CanceledError):
        exhaustive_max_cover(pairs, [1.0, 2.0, 3.0], 2, is_canceled=lambda: True)
