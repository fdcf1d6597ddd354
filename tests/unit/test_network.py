"""Walking network: graph building, pedestrian filter, snapping, shortest paths.

The real-network tests use the OSM highways of Maisons-Laffitte (1409
LineStrings, WGS 84) projected with a local equirectangular projection (the
comparison is between two shortest-path computations on the same projected
coordinates, so the projection's own accuracy does not matter), and compare
scipy's Dijkstra inside ``WalkNetwork`` with an independent heapq Dijkstra.
"""

import heapq
import json
import math
import os
from pathlib import Path

import numpy as np
import pytest
from ville_numerique.core import access as ac
from ville_numerique.core.errors import InputError
from ville_numerique.core.network import (
    WalkNetwork,
    is_walkable,
    walking_metres,
    walking_minutes,
)

DATA = Path(os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", "/work/shared/data"))
GEOJSON = DATA / "osm-maisons-laffitte" / "maisons-laffitte_highways_2022-12-22.geojson"


# ---------------------------------------------------------------------------
# A hand-built 200 m x 200 m grid of 100 m blocks
#
#   (0,200)---(100,200)---(200,200)
#      |          |           |
#   (0,100)---(100,100)---(200,100)
#      |          |           |
#   (0,0)-----(100,0)-----(200,0)


@pytest.fixture(scope="module")
def grid():
    lines = []
    for k in range(3):
        lines.append(np.array([[0, k * 100], [100, k * 100], [200, k * 100]], float))
        lines.append(np.array([[k * 100, 0], [k * 100, 100], [k * 100, 200]], float))
    return WalkNetwork(lines)


def test_grid_graph(grid):
    assert grid.n_nodes == 9 and grid.n_edges == 12
    assert grid.edge_length.tolist() == [100.0] * 12
    corner = _node(grid, 0, 0)
    far = _node(grid, 200, 200)
    assert grid.node_distances([corner], [far])[0, 0] == 400.0
    assert grid.node_distances([corner], [far], limit=399)[0, 0] == math.inf


def _node(net, x, y):
    return int(np.flatnonzero((net.node_xy == [x, y]).all(axis=1))[0])


def test_grid_snapping(grid):
    s = grid.snap([[50, 10], [150, -5], [500, 500], [100, 100], [100.004, 100]], max_snap=50)
    assert s.distance[:2].tolist() == [10.0, 5.0]
    assert s.xy[:2].tolist() == [[50.0, 0.0], [150.0, 0.0]]
    assert s.too_far.tolist() == [False, False, True, False, False]
    assert s.n_too_far == 1
    assert s.distance[2] == pytest.approx(math.hypot(300, 300))  # exact, even when too far
    # on a node (within the 1 cm tolerance) -> that node
    assert s.node[3] == _node(grid, 100, 100) and s.node[4] == _node(grid, 100, 100)
    assert s.node[0] == -1 and s.position[0] == 50.0


def test_grid_cost_pairs_hand_computed(grid):
    demand = [[50, 10], [190, 185], [500, 500], [60, 2]]
    supply = [[0, 150], [30, -3]]
    res = grid.cost_pairs(demand, supply, cutoff=400, max_snap=50)
    p = res.pairs.sorted()
    # demand 0 snaps to (50,0) (10 m); service 0 is on the network at (0,150); service 1
    # snaps to (30,0) (3 m).  d(0,0) = 10 + 50 + 150 = 210 ; d(0,1) = 10 + 20 + 3 = 33
    # demand 1 snaps to (200,185) (10 m): d(1,0) = 10 + 15 + 200 + 50 = 275 (up, left, down) ;
    #   d(1,1) = 10 + 185 + 170 + 3 = 368 (down, left)
    # demand 2 is 424 m from the network: flagged, no pair
    # demand 3 snaps to (60,0) (2 m), same street as demand 0 and service 1:
    #   d(3,0) = 2 + 60 + 150 = 212 ; d(3,1) = 2 + 30 + 3 = 35
    assert p.i.tolist() == [0, 0, 1, 1, 3, 3]
    assert p.j.tolist() == [0, 1, 0, 1, 0, 1]
    assert p.cost == pytest.approx([210, 33, 275, 368, 212, 35], abs=1e-9)
    assert res.demand_snap.too_far.tolist() == [False, False, True, False]
    assert res.supply_snap.n_too_far == 0
    # the cut-off applies to the total, inclusive
    p2 = grid.cost_pairs(demand, supply, cutoff=275, max_snap=50).pairs.sorted()
    assert p2.cost == pytest.approx([210, 33, 275, 212, 35], abs=1e-9)

    nearest = grid.nearest_service(demand, supply, max_snap=50)
    assert nearest.distance == pytest.approx([33, 275, math.inf, 35])
    assert nearest.index.tolist() == [1, 0, -1, 1]
    assert nearest.demand_snap.n_too_far == 1
    nearest = grid.nearest_service(demand, supply, cutoff=274, max_snap=50)
    assert nearest.distance == pytest.approx([33, math.inf, math.inf, 35])


def test_same_position_and_on_node_services(grid):
    # a service exactly on a node and a demand point at the same place: 0 m
    res = grid.cost_pairs([[100, 100], [100, 50]], [[100, 100]], cutoff=1000)
    assert res.pairs.sorted().cost.tolist() == [0.0, 50.0]
    # two services at the same spot off the network: the lowest index is reported
    near = grid.nearest_service([[0, 0]], [[150, 7], [150, 7]])
    assert near.distance.tolist() == [157.0] and near.index.tolist() == [0]


def test_unreachable_component_and_flags():
    lines = [np.array([[0, 0], [100, 0]], float), np.array([[1000, 0], [1100, 0]], float)]
    net = WalkNetwork(lines)
    near = net.nearest_service([[10, 5], [1010, 5]], [[90, 0]])
    assert near.distance.tolist() == [85.0, math.inf] and near.index.tolist() == [0, -1]
    # dropping the small component: the second point now snaps 900 m away -> too far
    net = WalkNetwork(lines + [np.array([[100, 0], [200, 0]], float)], min_component_nodes=3)
    assert net.n_edges == 2 and net.n_edges_small_components == 1
    s = net.snap([[1010, 5]], max_snap=200)
    assert s.too_far.tolist() == [True] and s.distance[0] == pytest.approx(math.hypot(810, 5))


def test_pedestrian_filter():
    assert is_walkable({})
    assert is_walkable(None)
    assert not is_walkable({"highway": "motorway"})
    assert not is_walkable({"highway": "trunk_link"})
    assert is_walkable({"highway": "trunk", "foot": "yes"})
    assert not is_walkable({"highway": "residential", "foot": "no"})
    assert not is_walkable({"highway": "service", "access": "private"})
    assert is_walkable({"highway": "service", "access": "private", "foot": "designated"})
    assert is_walkable({"highway": "footway", "access": "permissive"})
    assert not is_walkable({"nature": "Type autoroutier"})
    assert not is_walkable({"NATURE": "Route à 2 chaussées", "ACCES_PIETON": "Interdit"})
    assert is_walkable({"nature": "Chemin", "acces_pieton": "Libre"})
    lines = [np.array([[0, 0], [100, 0]], float), np.array([[100, 0], [200, 0]], float),
             np.array([[0, 0]], float), np.array([[0, 0], [np.nan, 1]], float)]
    net = WalkNetwork(lines, [{"highway": "footway"}, {"highway": "motorway"}, {}, {}])
    assert net.n_lines_not_walkable == 1 and net.n_lines_invalid == 2
    assert net.line_used.tolist() == [True, False, False, False]
    assert net.n_edges == 1
    with pytest.raises(InputError):
        WalkNetwork(lines, [{}])


def test_walking_time():
    assert walking_minutes(1000) == 15.0  # 4 km/h
    assert walking_minutes(1000, speed_kmh=5) == 12.0
    assert walking_metres(15) == 1000.0
    with pytest.raises(InputError):
        walking_minutes(1, speed_kmh=0)


def test_invalid_queries(grid):
    with pytest.raises(InputError):
        grid.cost_pairs([[0, 0]], [[0, 0]], cutoff=float("inf"))
    with pytest.raises(InputError):
        grid.nearest_service([[0, 0]], [[0, 0]], cutoff=-1)
    with pytest.raises(InputError):
        grid.snap([[0, 0]], max_snap=-5)
    empty = WalkNetwork([])
    s = empty.snap([[0, 0]])
    assert s.too_far.tolist() == [True] and s.distance[0] == math.inf
    assert empty.nearest_service([[0, 0]], [[1, 1]]).distance.tolist() == [math.inf]


# ---------------------------------------------------------------------------
# The real Maisons-Laffitte network


def _project(lon, lat, lon0, lat0):
    r = 6371008.8
    x = np.radians(np.asarray(lon) - lon0) * r * math.cos(math.radians(lat0))
    y = np.radians(np.asarray(lat) - lat0) * r
    return x, y


@pytest.fixture(scope="module")
def maisons_laffitte():
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    lon0, lat0 = 2.146, 48.947
    lines, attrs, raw = [], [], []
    for f in features:
        coords = np.asarray(f["geometry"]["coordinates"], dtype=float)
        x, y = _project(coords[:, 0], coords[:, 1], lon0, lat0)
        lines.append(np.column_stack([x, y]))
        attrs.append(f["properties"])
        raw.append([tuple(c) for c in f["geometry"]["coordinates"]])
    net = WalkNetwork(lines, attrs)
    return net, lines, attrs, raw


def _independent_graph(lines, attrs, raw):
    """Adjacency from the raw lon/lat vertices (exact OSM node identity), own filter."""
    no_foot = {"motorway", "motorway_link", "trunk", "trunk_link", "construction",
               "proposed", "raceway", "bus_guideway"}
    adj = {}
    xy = {}
    for line, a, verts in zip(lines, attrs, raw):
        foot = a.get("foot")
        if foot in ("no", "private", "use_sidepath"):
            continue
        if foot not in ("yes", "designated", "permissive") and (
            a.get("highway") in no_foot or a.get("access") in ("no", "private")
        ):
            continue
        for k in range(len(verts) - 1):
            u, v = verts[k], verts[k + 1]
            if u == v:
                continue
            w = math.dist(line[k], line[k + 1])
            xy[u], xy[v] = line[k], line[k + 1]
            for p, q in ((u, v), (v, u)):
                nbrs = adj.setdefault(p, {})
                if w < nbrs.get(q, math.inf):
                    nbrs[q] = w
    return adj, xy


def _heap_dijkstra(adj, source):
    dist = {source: 0.0}
    heap = [(0.0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u].items():
            nd = d + w
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def test_real_network_built(maisons_laffitte):
    net, lines, attrs, raw = maisons_laffitte
    assert net.n_lines == 1409
    # foot=no (19) + access private/no without an explicit foot=yes/designated/permissive
    expected_dropped = sum(1 for a in attrs if not is_walkable(a))
    assert net.n_lines_not_walkable == expected_dropped
    assert 0 < expected_dropped < 140
    adj, xy = _independent_graph(lines, attrs, raw)
    assert net.n_nodes == len(xy)
    assert net.n_edges == sum(len(v) for v in adj.values()) // 2


def test_real_network_distances_match_independent_dijkstra(maisons_laffitte):
    net, lines, attrs, raw = maisons_laffitte
    adj, xy = _independent_graph(lines, attrs, raw)
    keys = sorted(adj)
    rng = np.random.default_rng(7)
    sources = [keys[k] for k in rng.choice(len(keys), 12, replace=False)]
    targets = [keys[k] for k in rng.choice(len(keys), 12, replace=False)]

    def node_id(key):
        p = xy[key]
        d = np.hypot(*(net.node_xy - p).T)
        k = int(np.argmin(d))
        assert d[k] < 1e-6
        return k

    ours = net.node_distances([node_id(s) for s in sources], [node_id(t) for t in targets])
    n_reached = 0
    for a, s in enumerate(sources):
        ref = _heap_dijkstra(adj, s)
        for b, t in enumerate(targets):
            expected = ref.get(t, math.inf)
            if math.isinf(expected):
                assert math.isinf(ours[a, b])
            else:
                n_reached += 1
                assert ours[a, b] == pytest.approx(expected, rel=1e-9, abs=1e-6)
                # a walk is never shorter than the straight line
                assert ours[a, b] >= math.dist(xy[s], xy[t]) - 1e-6
    assert n_reached >= 100  # most pairs are connected: a real test


def test_real_network_snapping_is_exact(maisons_laffitte):
    net = maisons_laffitte[0]
    rng = np.random.default_rng(11)
    lo, hi = net.node_xy.min(axis=0), net.node_xy.max(axis=0)
    pts = rng.uniform(lo, hi, (300, 2))
    s = net.snap(pts, max_snap=60)
    # brute force: distance to every segment
    a = net.node_xy[net.edge_u]
    ab = net.node_xy[net.edge_v] - a
    ap = pts[:, None, :] - a[None]
    t = np.clip((ap * ab).sum(-1) / (ab * ab).sum(-1), 0, 1)
    d = np.hypot(*(ap - t[..., None] * ab).transpose(2, 0, 1))
    np.testing.assert_allclose(s.distance, d.min(axis=1), rtol=1e-12, atol=1e-9)
    assert s.n_too_far == int((d.min(axis=1) > 60).sum())
    assert 0 < s.n_too_far < 300


def test_real_network_pairs_and_nearest_agree(maisons_laffitte):
    net = maisons_laffitte[0]
    rng = np.random.default_rng(5)
    lo, hi = net.node_xy.min(axis=0), net.node_xy.max(axis=0)
    demand = rng.uniform(lo, hi, (400, 2))
    supply = rng.uniform(lo, hi, (15, 2))
    res = net.cost_pairs(demand, supply, cutoff=1200, max_snap=80, max_matrix_elements=50_000)
    near = net.nearest_service(demand, supply, cutoff=1200, max_snap=80)
    d_pairs, k_pairs = ac.nearest_cost(res.pairs)
    np.testing.assert_allclose(near.distance, d_pairs, rtol=1e-12)
    assert np.array_equal(np.isinf(near.distance), np.isinf(d_pairs))
    reached = np.isfinite(d_pairs)
    assert reached.sum() > 100
    # the nearest service found by both has the same cost (the index may differ on ties)
    cost_of = {(int(i), int(j)): c for i, j, c in zip(res.pairs.i, res.pairs.j, res.pairs.cost)}
    for i in np.flatnonzero(reached):
        assert cost_of[(i, int(near.index[i]))] == pytest.approx(d_pairs[i], rel=1e-12)
    # every network cost >= straight line; flagged points have no pair
    straight = np.hypot(*(demand[res.pairs.i] - supply[res.pairs.j]).T)
    assert (res.pairs.cost >= straight - 1e-6).all()
    assert not np.isin(res.pairs.i, np.flatnonzero(res.demand_snap.too_far)).any()
    # 2SFCA runs on network pairs
    fca = ac.two_step_fca(res.pairs, np.ones(400), np.ones(15))
    assert fca.access[res.demand_snap.too_far].sum() == 0.0


def test_real_network_point_distances_match_independent(maisons_laffitte):
    """Off-network points: snap + network + snap, against heapq on a split graph."""
    net, lines, attrs, raw = maisons_laffitte
    rng = np.random.default_rng(2)
    lo, hi = net.node_xy.min(axis=0), net.node_xy.max(axis=0)
    demand = rng.uniform(lo, hi, (6, 2))
    supply = rng.uniform(lo, hi, (2, 2))
    res = net.cost_pairs(demand, supply, cutoff=5000, max_snap=500)
    ds, ss = res.demand_snap, res.supply_snap
    # independent: adjacency of the base graph + a node per snapped point on its edge
    adj = {u: {} for u in range(net.n_nodes)}
    for u, v, w in zip(net.edge_u, net.edge_v, net.edge_length):
        adj[u][v] = adj[v][u] = w
    pts = []
    for snap in (ds, ss):
        for k in range(len(snap)):
            pts.append((int(snap.edge[k]), float(snap.position[k])))
    by_edge = {}
    for idx, (e, pos) in enumerate(pts):
        by_edge.setdefault(e, []).append((pos, ("p", idx)))
    for e, items in by_edge.items():
        u, v, w = int(net.edge_u[e]), int(net.edge_v[e]), float(net.edge_length[e])
        del adj[u][v], adj[v][u]
        chain = [(0.0, u)] + sorted(items) + [(w, v)]
        for (p1, n1), (p2, n2) in zip(chain[:-1], chain[1:]):
            adj.setdefault(n1, {})
            adj.setdefault(n2, {})
            adj[n1][n2] = adj[n2][n1] = p2 - p1  # may be 0 for coincident points
    cost = {(int(i), int(j)): c for i, j, c in zip(res.pairs.i, res.pairs.j, res.pairs.cost)}
    checked = 0
    for j in range(2):
        ref = _heap_dijkstra(adj, ("p", 6 + j))
        for i in range(6):
            expected = ds.distance[i] + ref.get(("p", i), math.inf) + ss.distance[j]
            if expected <= 5000:
                checked += 1
                assert cost[(i, j)] == pytest.approx(expected, rel=1e-9)
            else:
                assert (i, j) not in cost
    assert checked >= 6


def test_real_network_permutation_invariant(maisons_laffitte):
    net = maisons_laffitte[0]
    rng = np.random.default_rng(9)
    lo, hi = net.node_xy.min(axis=0), net.node_xy.max(axis=0)
    demand = rng.uniform(lo, hi, (200, 2))
    supply = rng.uniform(lo, hi, (10, 2))
    pd_, ps = rng.permutation(200), rng.permutation(10)
    a = net.nearest_service(demand, supply, cutoff=2500, max_snap=150)
    b = net.nearest_service(demand[pd_], supply[ps], cutoff=2500, max_snap=150)
    np.testing.assert_allclose(b.distance, a.distance[pd_], rtol=1e-12)
    assert np.array_equal(b.demand_snap.too_far, a.demand_snap.too_far[pd_])
    pa = net.cost_pairs(demand, supply, cutoff=2500, max_snap=150).pairs
    pb = net.cost_pairs(demand[pd_], supply[ps], cutoff=2500, max_snap=150).pairs
    inv_d, inv_s = np.argsort(pd_), np.argsort(ps)
    ka = {(int(i), int(j)): c for i, j, c in zip(pa.i, pa.j, pa.cost)}
    kb = {(int(pd_[i]), int(ps[j])): c for i, j, c in zip(pb.i, pb.j, pb.cost)}
    assert ka.keys() == kb.keys() and len(ka) > 100
    for key, c in ka.items():
        assert kb[key] == pytest.approx(c, rel=1e-12)
    assert inv_d.size == 200 and inv_s.size == 10
