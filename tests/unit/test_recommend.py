"""Site recommendation: greedy maximal covering against the exhaustive optimum."""

import math

import numpy as np
import pytest
from ville_numerique.core import recommend as rc
from ville_numerique.core.access import CostPairs, euclidean_pairs
from ville_numerique.core.errors import InputError

# Demand units on a line (y = 0) with integer weights, coverage threshold 150 m:
#   x     :    0    100   200   1000  1100  2000
#   weight:    5     5     5     8     8     3
# Candidates: c0 at x=100 covers units 0,1,2 (15) ; c1 at x=1050 covers 3,4 (16) ;
#             c2 at x=2000 covers 5 (3) ;          c3 at x=150 covers 1,2 (10)
DEMAND = np.array([[0, 0], [100, 0], [200, 0], [1000, 0], [1100, 0], [2000, 0]], float)
WEIGHTS = np.array([5, 5, 5, 8, 8, 3], float)
CANDIDATES = np.array([[100, 0], [1050, 0], [2000, 0], [150, 0]], float)


@pytest.fixture
def line_pairs():
    return euclidean_pairs(DEMAND, CANDIDATES, 150.0)


def test_greedy_hand_case_equals_optimum(line_pairs):
    # k=2: c1 first (16), then c0 (15): 31, which is the optimum
    rec = rc.greedy_max_cover(line_pairs, WEIGHTS, 2)
    assert rec.sites.tolist() == [1, 0]
    assert rec.marginal_gain.tolist() == [16.0, 15.0]
    assert rec.cumulative_gain.tolist() == [16.0, 31.0]
    assert rec.newly_covered.tolist() == [1, 1, 1, 0, 0, -1]
    best, value = rc.exhaustive_max_cover(line_pairs, WEIGHTS, 2)
    assert value == 31.0 and sorted(best.tolist()) == [0, 1]
    assert rec.total_gain == value
    # k=4: the 4th candidate adds nothing once c0 is chosen -> greedy stops at 3 sites
    rec = rc.greedy_max_cover(line_pairs, WEIGHTS, 4)
    assert rec.sites.tolist() == [1, 0, 2] and rec.total_gain == 34.0
    assert rec.total_weight == 34.0


def test_existing_services_count_zero(line_pairs):
    # an existing service at x=1000 covers units 3 and 4 (within 150 m)
    covered = rc.covered_by_existing(DEMAND, [[1000, 0]], 150.0)
    assert covered.tolist() == [False, False, False, True, True, False]
    rec = rc.greedy_max_cover(line_pairs, WEIGHTS, 2, already_covered=covered)
    # c1 now adds 0: c0 (15) then c2 (3)
    assert rec.sites.tolist() == [0, 2] and rec.cumulative_gain.tolist() == [15.0, 18.0]
    assert rec.already_covered.tolist() == covered.tolist()
    best, value = rc.exhaustive_max_cover(line_pairs, WEIGHTS, 2, already_covered=covered)
    assert value == 18.0 and best.tolist() == [0, 2]
    # the straight-line convenience gives the same answer
    rec2 = rc.recommend_sites(DEMAND, WEIGHTS, CANDIDATES, 2, 150.0, existing_xy=[[1000, 0]])
    assert rec2.sites.tolist() == [0, 2]


def test_threshold_narrows_pairs(line_pairs):
    # within 60 m: c0 covers unit 1 only (5), c1 covers 3 and 4 at 50 m (16), c2 unit 5 (3),
    # c3 at x=150 covers units 1 and 2 at 50 m (10) -> c1 (16) then c3 (10)
    rec = rc.greedy_max_cover(line_pairs, WEIGHTS, 2, threshold=60)
    assert rec.sites.tolist() == [1, 3] and rec.cumulative_gain.tolist() == [16.0, 26.0]
    _, value = rc.exhaustive_max_cover(line_pairs, WEIGHTS, 2, threshold=60)
    assert value == 26.0


def test_greedy_is_not_always_optimal_but_bounded():
    # units a b c d (weight 1) and e f (1.5); c0 covers a-d (4), c1 covers a b e (3.5),
    # c2 covers c d f (3.5). Greedy: c0 (4) then c1 (+1.5) = 5.5 ; optimum c1 + c2 = 7.
    i = [0, 1, 2, 3, 0, 1, 4, 2, 3, 5]
    j = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]
    pairs = CostPairs(i, j, np.zeros(10), n_demand=6, n_supply=3)
    w = [1, 1, 1, 1, 1.5, 1.5]
    rec = rc.greedy_max_cover(pairs, w, 2)
    assert rec.sites.tolist() == [0, 1] and rec.total_gain == 5.5
    best, value = rc.exhaustive_max_cover(pairs, w, 2)
    assert best.tolist() == [1, 2] and value == 7.0
    assert rec.total_gain >= (1 - 1 / math.e) * value


def test_greedy_bound_on_random_cases():
    rng = np.random.default_rng(42)
    worse = 0
    for _ in range(40):
        demand = rng.uniform(0, 1000, (25, 2))
        cand = rng.uniform(0, 1000, (8, 2))
        w = rng.integers(0, 10, 25).astype(float)
        pairs = euclidean_pairs(demand, cand, 300.0)
        covered = rng.random(25) < 0.2
        k = int(rng.integers(1, 5))
        rec = rc.greedy_max_cover(pairs, w, k, already_covered=covered)
        _, opt = rc.exhaustive_max_cover(pairs, w, k, already_covered=covered)
        assert rec.total_gain <= opt + 1e-9
        assert rec.total_gain >= (1 - 1 / math.e) * opt - 1e-9
        worse += rec.total_gain < opt - 1e-9
        # marginal gains never increase (submodularity)
        assert (np.diff(rec.marginal_gain) <= 1e-9).all()
        # the reported gains are the weights of the units newly covered
        assert rec.total_gain == pytest.approx(w[rec.newly_covered >= 0].sum())
    assert worse < 40


def test_priority_weights():
    w = rc.priority_weights([100, 200, 50, 10], [5, 10, np.nan, 12])
    # P * F / 10, NaN -> 0, F capped at 10
    assert w.tolist() == [50.0, 200.0, 0.0, 10.0]
    assert rc.priority_weights([1, 2]).tolist() == [1.0, 2.0]
    with pytest.raises(InputError):
        rc.priority_weights([-1])
    with pytest.raises(InputError):
        rc.priority_weights([1, 2], [1])


def test_candidate_grid():
    g = rc.candidate_grid(0, 0, 1000, 500, 250)
    # 4 columns x 2 rows, centres from (125, 125)
    assert g.shape == (8, 2)
    assert g[0].tolist() == [125.0, 125.0] and g[-1].tolist() == [875.0, 375.0]
    assert g[:4, 1].tolist() == [125.0] * 4
    assert rc.candidate_grid(0, 0, 100, 100, 250).shape == (0, 2)
    with pytest.raises(InputError):
        rc.candidate_grid(0, 0, 1000, 1000, 0)
    with pytest.raises(InputError):
        rc.candidate_grid(10, 0, 0, 1000, 10)
    with pytest.raises(InputError):
        rc.candidate_grid(0, 0, 1e6, 1e6, 1)


def test_edge_cases(line_pairs):
    assert len(rc.greedy_max_cover(line_pairs, WEIGHTS, 0)) == 0
    with pytest.raises(InputError):
        rc.greedy_max_cover(line_pairs, WEIGHTS, -1)
    with pytest.raises(InputError):
        rc.greedy_max_cover(line_pairs, WEIGHTS[:3], 1)
    with pytest.raises(InputError):
        rc.greedy_max_cover(line_pairs, WEIGHTS, 1, already_covered=[True])
    big = CostPairs.empty(5, 60)
    with pytest.raises(InputError):
        rc.exhaustive_max_cover(big, np.ones(5), 10)
    # nobody to cover: no site recommended
    rec = rc.greedy_max_cover(line_pairs, np.zeros(6), 2)
    assert len(rec) == 0 and rec.total_gain == 0.0
