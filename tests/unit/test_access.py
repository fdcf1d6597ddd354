"""Access metrics: hand-computed 2SFCA/E2SFCA, equality with PySAL access, properties."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ville_numerique.core import access as ac
from ville_numerique.core.access import CostPairs, make_decay
from ville_numerique.core.errors import InputError

# ---------------------------------------------------------------------------
# The hand-computed case: 3 population points and 2 services on a line (y=0)
#
#   demand 1 (P=200)  service A (S=2)  demand 0 (P=100)   service B (S=1)  demand 2 (P=300)
#   x = -600          x = 0            x = 200            x = 1000         x = 1400
#
#   distances: d(0,A)=200  d(0,B)=800  d(1,A)=600  d(1,B)=1600  d(2,A)=1400  d(2,B)=400
#   threshold 1000 m -> pairs (0,A) (0,B) (1,A) (2,B)

DEMAND_XY = np.array([[200.0, 0.0], [-600.0, 0.0], [1400.0, 0.0]])
SUPPLY_XY = np.array([[0.0, 0.0], [1000.0, 0.0]])
P = np.array([100.0, 200.0, 300.0])
S = np.array([2.0, 1.0])


@pytest.fixture
def hand_pairs():
    return ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, 1000.0)


def test_hand_pairs(hand_pairs):
    p = hand_pairs.sorted()
    assert p.i.tolist() == [0, 0, 1, 2]
    assert p.j.tolist() == [0, 1, 0, 1]
    assert p.cost.tolist() == [200.0, 800.0, 600.0, 400.0]


def test_hand_2sfca(hand_pairs):
    # step 1: R_A = S_A / (P_0 + P_1) = 2 / 300 ; R_B = S_B / (P_0 + P_2) = 1 / 400
    # step 2: A_0 = R_A + R_B = 2/300 + 1/400 ; A_1 = R_A = 2/300 ; A_2 = R_B = 1/400
    r = ac.two_step_fca(hand_pairs, P, S, threshold=1000)
    assert r.catchment_demand.tolist() == [300.0, 400.0]
    assert r.ratio == pytest.approx([2 / 300, 1 / 400], rel=1e-15)
    assert r.access == pytest.approx([2 / 300 + 1 / 400, 2 / 300, 1 / 400], rel=1e-15)
    # supply is conserved: sum_i P_i A_i = 100*(2/300+1/400) + 200*2/300 + 300/400 = 3
    assert float(P @ r.access) == pytest.approx(3.0, rel=1e-15)
    # per 1,000 inhabitants
    r1000 = ac.two_step_fca(hand_pairs, P, S, threshold=1000, per=1000)
    assert r1000.access == pytest.approx(1000 * r.access, rel=1e-15)


def test_hand_2sfca_narrower_threshold(hand_pairs):
    # threshold 600 (inclusive): pairs (0,A)=200, (1,A)=600, (2,B)=400; (0,B)=800 is out
    # R_A = 2 / (100 + 200) ; R_B = 1 / 300 ; A = [2/300, 2/300, 1/300]
    r = ac.two_step_fca(hand_pairs, P, S, threshold=600)
    assert r.access == pytest.approx([2 / 300, 2 / 300, 1 / 300], rel=1e-15)


def test_hand_e2sfca_linear(hand_pairs):
    # W = 1 - d/1000: W(0,A)=0.8 W(0,B)=0.2 W(1,A)=0.4 W(2,B)=0.6
    # R_A = 2 / (100*0.8 + 200*0.4) = 2/160 = 0.0125
    # R_B = 1 / (100*0.2 + 300*0.6) = 1/200 = 0.005
    # A_0 = 0.8*0.0125 + 0.2*0.005 = 0.011 ; A_1 = 0.4*0.0125 = 0.005 ; A_2 = 0.6*0.005 = 0.003
    r = ac.enhanced_two_step_fca(hand_pairs, P, S, make_decay("linear", 1000))
    assert r.ratio == pytest.approx([0.0125, 0.005], rel=1e-14)
    assert r.access == pytest.approx([0.011, 0.005, 0.003], rel=1e-14)
    assert float(P @ r.access) == pytest.approx(3.0, rel=1e-14)


def test_hand_e2sfca_zones(hand_pairs):
    # zones {300: 1, 700: 0.5, 1000: 0.25}: W(0,A)=1 (200) W(0,B)=0.25 (800) W(1,A)=0.5 (600) W(2,B)=0.5 (400)
    # R_A = 2 / (100*1 + 200*0.5) = 0.01 ; R_B = 1 / (100*0.25 + 300*0.5) = 1/175
    # A_0 = 0.01 + 0.25/175 ; A_1 = 0.5*0.01 = 0.005 ; A_2 = 0.5/175
    decay = make_decay("zones", zones={300: 1, 700: 0.5, 1000: 0.25})
    assert decay.threshold == 1000
    r = ac.enhanced_two_step_fca(hand_pairs, P, S, decay)
    assert r.access == pytest.approx([0.01 + 0.25 / 175, 0.005, 0.5 / 175], rel=1e-14)


def test_hand_nearest_and_cumulative(hand_pairs):
    d, k = ac.nearest_distance(DEMAND_XY, SUPPLY_XY)
    assert d.tolist() == [200.0, 600.0, 400.0] and k.tolist() == [0, 0, 1]
    d, k = ac.nearest_distance(DEMAND_XY, SUPPLY_XY, max_distance=400)  # inclusive
    assert d.tolist() == [200.0, math.inf, 400.0] and k.tolist() == [0, -1, 1]
    c, k = ac.nearest_cost(hand_pairs)
    assert c.tolist() == [200.0, 600.0, 400.0] and k.tolist() == [0, 0, 1]
    # within 1000 m: demand 0 reaches A and B, demand 1 A, demand 2 B
    assert ac.cumulative_opportunities(hand_pairs).tolist() == [2.0, 1.0, 1.0]
    # weighted by hours per week: A open 41 h, B 35 h
    hours = [41.0, 35.0]
    assert ac.cumulative_opportunities(hand_pairs, hours).tolist() == [76.0, 41.0, 35.0]
    assert ac.cumulative_opportunities(hand_pairs, hours, threshold=500).tolist() == [41.0, 0.0, 35.0]
    # linear decay: 41*0.8 + 35*0.2 = 39.8 ; 41*0.4 = 16.4 ; 35*0.6 = 21
    got = ac.cumulative_opportunities(hand_pairs, hours, decay=make_decay("linear", 1000))
    assert got == pytest.approx([39.8, 16.4, 21.0], rel=1e-14)


def test_threshold_is_inclusive():
    pairs = ac.euclidean_pairs([[0.0, 0.0]], [[300.0, 400.0]], 500.0)
    assert len(pairs) == 1 and pairs.cost[0] == 500.0
    d, _ = ac.nearest_distance([[0.0, 0.0]], [[300.0, 400.0]], max_distance=500.0)
    assert d[0] == 500.0
    assert make_decay("step", 500)(500.0) == 1.0
    assert make_decay("linear", 500)(500.0) == 0.0
    assert make_decay("linear", 500)(np.nextafter(500.0, 1e9)) == 0.0


def test_unserved_supply_and_unreached_demand():
    # a service with no demand in reach gets R = 0; a demand with no service A = 0
    pairs = CostPairs([0], [0], [10.0], n_demand=2, n_supply=2)
    r = ac.two_step_fca(pairs, [10.0, 5.0], [1.0, 1.0])
    assert r.ratio.tolist() == [0.1, 0.0]
    assert r.access.tolist() == [0.1, 0.0]
    assert r.unserved_supply.tolist() == [False, True]
    # zero population in a catchment: R = 0, not inf
    r = ac.two_step_fca(pairs, [0.0, 5.0], [1.0, 1.0])
    assert r.ratio.tolist() == [0.0, 0.0] and r.access.tolist() == [0.0, 0.0]


def test_empty_inputs():
    pairs = ac.euclidean_pairs(np.empty((0, 2)), SUPPLY_XY, 100)
    assert len(pairs) == 0 and pairs.n_supply == 2
    d, k = ac.nearest_distance(DEMAND_XY, np.empty((0, 2)))
    assert np.isinf(d).all() and (k == -1).all()
    pairs = ac.euclidean_pairs(DEMAND_XY, np.empty((0, 2)), 100)
    assert ac.two_step_fca(pairs, P, np.empty(0)).access.tolist() == [0.0, 0.0, 0.0]


def test_decay_shapes_and_pysal_weights():
    from access import weights as pw

    d = np.array([0.0, 10.0, 50.0, 99.9, 100.0, 300.0, 999.0, 1000.0, 1000.5])
    g = make_decay("gaussian", 1000, sigma=300)
    ref = pw.gaussian(300)
    assert g(d)[:-1].tolist() == [ref(x) for x in d[:-1]]
    assert g(d)[-1] == 0.0  # beyond the threshold
    assert make_decay("gaussian", 1000).params["sigma"] == 500.0  # default threshold/2
    grav = make_decay("gravity", 2000, beta=2, min_distance=100)
    ref = pw.gravity(scale=100, alpha=-2, min_dist=100)
    assert grav(d) == pytest.approx([ref(x) for x in d], rel=1e-15)
    assert grav(0.0) == 1.0 and grav(200.0) == 0.25
    z = make_decay("zones", zones={100: 1.0, 300: 0.68, 1000: 0.22})
    ref = pw.step_fn({100: 1.0, 300: 0.68, 1000: 0.22})
    assert z(d).tolist() == [ref(x) for x in d]
    lin = make_decay("linear", 1000)
    assert lin([0.0, 250.0, 1000.0, 2000.0]).tolist() == [1.0, 0.75, 0.0, 0.0]
    st_ = make_decay("step", 100)
    assert st_([99.0, 100.0, 101.0]).tolist() == [1.0, 1.0, 0.0]


@pytest.mark.parametrize(
    "args,kwargs",
    [
        (("cubic", 100), {}),
        (("step", -1), {}),
        (("step", None), {}),
        (("linear", float("inf")), {}),
        (("gaussian", 100), {"sigma": 0}),
        (("gravity", 100), {"beta": -1}),
        (("gravity", 100), {"min_distance": 0}),
        (("step", 100), {"sigma": 3}),
        (("zones", None), {}),
        (("zones", 500), {"zones": {100: 1, 300: 0.5}}),
    ],
)
def test_make_decay_rejects(args, kwargs):
    with pytest.raises(InputError):
        make_decay(*args, **kwargs)


@pytest.mark.parametrize(
    "call",
    [
        lambda: ac.euclidean_pairs([[0, np.nan]], SUPPLY_XY, 100),
        lambda: ac.euclidean_pairs([[0, 1, 2]], SUPPLY_XY, 100),
        lambda: ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, 0),
        lambda: ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, float("inf")),
        lambda: ac.two_step_fca(ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, 900), [1, 2], S),
        lambda: ac.two_step_fca(ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, 900), P, [-1, 1]),
        lambda: ac.two_step_fca(ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, 900), P, [np.nan, 1]),
        lambda: ac.enhanced_two_step_fca(ac.euclidean_pairs(DEMAND_XY, SUPPLY_XY, 900), P, S),
        lambda: CostPairs([0], [5], [1.0], 1, 2),
        lambda: CostPairs([0], [0], [-1.0], 1, 2),
    ],
)
def test_invalid_inputs_raise_input_error(call):
    with pytest.raises(InputError) as info:
        call()
    assert str(info.value).endswith(".")  # a sentence for the user


def test_chunked_pairs_equal_brute_force():
    rng = np.random.default_rng(3)
    demand = rng.uniform(0, 5000, (400, 2))
    supply = rng.uniform(0, 5000, (30, 2))
    full = ac.euclidean_pairs(demand, supply, 800.0).sorted()
    chunked = ac.euclidean_pairs(demand, supply, 800.0, chunk_size=37).sorted()
    assert np.array_equal(full.i, chunked.i) and np.array_equal(full.j, chunked.j)
    assert np.array_equal(full.cost, chunked.cost)
    dist = np.hypot(*(demand[:, None, :] - supply[None, :, :]).transpose(2, 0, 1))
    ii, jj = np.nonzero(dist <= 800.0)
    assert np.array_equal(full.i, ii) and np.array_equal(full.j, jj)
    assert full.cost == pytest.approx(dist[ii, jj], rel=1e-12)
    # nearest from the pairs equals the cKDTree query within the cut-off
    d1, k1 = ac.nearest_cost(full)
    d2, k2 = ac.nearest_distance(demand, supply, max_distance=800.0)
    assert np.array_equal(np.isinf(d1), np.isinf(d2))
    assert d1[np.isfinite(d1)] == pytest.approx(d2[np.isfinite(d2)], rel=1e-12)


# ---------------------------------------------------------------------------
# Equality with PySAL access


def _pysal_access(demand_pop, supply_val, pairs):
    from access import Access

    demand_df = pd.DataFrame(
        {"geoid": ["d{}".format(k) for k in range(len(demand_pop))], "pop": demand_pop}
    )
    supply_df = pd.DataFrame(
        {"geoid": ["s{}".format(k) for k in range(len(supply_val))], "places": supply_val}
    )
    cost_df = pd.DataFrame(
        {
            "origin": ["d{}".format(k) for k in pairs.i],
            "dest": ["s{}".format(k) for k in pairs.j],
            "cost": pairs.cost,
        }
    )
    return Access(
        demand_df=demand_df, demand_index="geoid", demand_value="pop",
        supply_df=supply_df, supply_index="geoid", supply_value="places",
        cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost",
    )


def _series(df, column, n):
    s = df[column].reindex(["d{}".format(k) for k in range(n)])
    return s.fillna(0.0).to_numpy()  # PySAL: NaN where no service is in reach; ours: 0


@pytest.fixture(scope="module")
def random_case():
    rng = np.random.default_rng(20240611)
    n, m = 400, 60
    # clustered demand around 4 "towns", services near them
    centres = rng.uniform(0, 8000, (4, 2))
    demand = centres[rng.integers(0, 4, n)] + rng.normal(0, 700, (n, 2))
    supply = centres[rng.integers(0, 4, m)] + rng.normal(0, 900, (m, 2))
    pop = rng.integers(1, 200, n).astype(float)
    places = rng.integers(1, 5, m).astype(float)
    pairs = ac.euclidean_pairs(demand, supply, 1500.0)
    return pop, places, pairs


def test_2sfca_equals_pysal(random_case):
    pop, places, pairs = random_case
    acc = _pysal_access(pop, places, pairs)
    ref = _series(acc.two_stage_fca(name="fca", max_cost=1000), "fca_places", len(pop))
    ours = ac.two_step_fca(pairs, pop, places, threshold=1000).access
    assert (ref > 0).sum() > 300  # a meaningful case
    np.testing.assert_allclose(ours, ref, rtol=1e-9, atol=0)


@pytest.mark.parametrize(
    "decay,pysal_fn",
    [
        (make_decay("gaussian", 1500, sigma=600), ("gaussian", (600,), {})),
        (make_decay("gravity", 1500, beta=1.5, min_distance=100),
         ("gravity", (), {"scale": 100, "alpha": -1.5, "min_dist": 100})),
        (make_decay("zones", zones={400: 1.0, 900: 0.68, 1500: 0.22}),
         ("step_fn", ({400: 1.0, 900: 0.68, 1500: 0.22},), {})),
    ],
    ids=["gaussian", "gravity", "zones"],
)
def test_e2sfca_equals_pysal(random_case, decay, pysal_fn):
    from access import weights as pw

    pop, places, pairs = random_case
    name, args, kwargs = pysal_fn
    weight_fn = getattr(pw, name)(*args, **kwargs)
    acc = _pysal_access(pop, places, pairs)
    ref = acc.enhanced_two_stage_fca(name="e2", max_cost=decay.threshold, weight_fn=weight_fn)
    ref = _series(ref, "e2_places", len(pop))
    ours = ac.enhanced_two_step_fca(pairs, pop, places, decay).access
    np.testing.assert_allclose(ours, ref, rtol=1e-9, atol=0)


# ---------------------------------------------------------------------------
# Properties

coords = st.floats(min_value=0, max_value=3000, allow_nan=False, allow_infinity=False)
point = st.tuples(coords, coords)


@settings(max_examples=60, deadline=None)
@given(
    demand=st.lists(point, min_size=1, max_size=25),
    supply=st.lists(point, min_size=0, max_size=8),
    extra=point,
    threshold=st.floats(min_value=1, max_value=2000),
)
def test_adding_a_service_never_lowers_coverage(demand, supply, extra, threshold):
    d0, _ = ac.nearest_distance(demand, np.array(supply).reshape(-1, 2))
    d1, _ = ac.nearest_distance(demand, np.array(supply + [extra]).reshape(-1, 2))
    assert (d1 <= d0).all()
    assert (d1 <= threshold).sum() >= (d0 <= threshold).sum()
    p0 = ac.euclidean_pairs(demand, np.array(supply).reshape(-1, 2), threshold)
    p1 = ac.euclidean_pairs(demand, np.array(supply + [extra]).reshape(-1, 2), threshold)
    assert (ac.cumulative_opportunities(p1) >= ac.cumulative_opportunities(p0)).all()


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    n=st.integers(min_value=1, max_value=20),
    m=st.integers(min_value=1, max_value=6),
)
def test_permuting_features_changes_nothing(data, n, m):
    demand = np.array(data.draw(st.lists(point, min_size=n, max_size=n)))
    supply = np.array(data.draw(st.lists(point, min_size=m, max_size=m)))
    pop = np.array(data.draw(st.lists(st.integers(0, 500), min_size=n, max_size=n)), float)
    val = np.array(data.draw(st.lists(st.integers(1, 9), min_size=m, max_size=m)), float)
    pd_ = np.array(data.draw(st.permutations(range(n))))
    ps = np.array(data.draw(st.permutations(range(m))))
    decay = make_decay("gaussian", 1200)

    def run(dem, sup, p, v):
        pairs = ac.euclidean_pairs(dem, sup, 1200.0, chunk_size=7)
        return (
            ac.nearest_distance(dem, sup)[0],
            ac.cumulative_opportunities(pairs, v),
            ac.two_step_fca(pairs, p, v).access,
            ac.enhanced_two_step_fca(pairs, p, v, decay).access,
        )

    base = run(demand, supply, pop, val)
    perm = run(demand[pd_], supply[ps], pop[pd_], val[ps])
    for a, b in zip(base, perm):
        np.testing.assert_allclose(b, a[pd_], rtol=1e-12, atol=1e-15)


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    n=st.integers(min_value=1, max_value=20),
    m=st.integers(min_value=1, max_value=6),
)
def test_fca_conserves_served_supply(data, n, m):
    # sum_i P_i A_i = sum of S_j over the services with demand in their catchment
    demand = np.array(data.draw(st.lists(point, min_size=n, max_size=n)))
    supply = np.array(data.draw(st.lists(point, min_size=m, max_size=m)))
    pop = np.array(data.draw(st.lists(st.integers(0, 500), min_size=n, max_size=n)), float)
    val = np.array(data.draw(st.lists(st.integers(1, 9), min_size=m, max_size=m)), float)
    pairs = ac.euclidean_pairs(demand, supply, 1000.0)
    for r in (
        ac.two_step_fca(pairs, pop, val),
        ac.enhanced_two_step_fca(pairs, pop, val, make_decay("linear", 1000)),
    ):
        served = val[r.catchment_demand > 0].sum()
        assert float(pop @ r.access) == pytest.approx(served, rel=1e-9, abs=1e-9)
