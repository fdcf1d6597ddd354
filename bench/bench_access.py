"""Benchmarks of the coverage-science core (``core.access``, ``core.network``).

B1  national scale, straight line: 2,000,000 population points × 20,000
    services in 6 categories (seeded, clustered like French towns):
    per category nearest distance + cumulative opportunities + E2SFCA.
B3  E2SFCA against PySAL ``access``: 50,000 demand × 2,000 supply, the
    same cost pairs given to both; results identical to 1e-9 (relative);
    timing ratio PySAL / ours.
N1  (extra) walking network: ~200,000-edge synthetic street grid, 100,000
    points: snapping, nearest service (multi-source Dijkstra) and FCA pairs.

Every timing is the median of ``--repeats`` runs (>= 3). ``--scale``
shrinks the point and service counts (0.01 = 1/100, a smoke test).

    python bench/bench_access.py b1 --scale 0.01
    python bench/bench_access.py b3 --scale 0.01
    python bench/bench_access.py all --scale 1 --repeats 3
"""

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PLUGINS = ROOT / ".build" / "plugins"
_LINK = _PLUGINS / "ville_numerique"
if not _LINK.exists():  # same link as tests/conftest.py
    _PLUGINS.mkdir(parents=True, exist_ok=True)
    try:
        _LINK.symlink_to(ROOT, target_is_directory=True)
    except FileExistsError:
        pass
if str(_PLUGINS) not in sys.path:
    sys.path.insert(0, str(_PLUGINS))

import numpy as np  # noqa: E402
from ville_numerique.core import access as ac  # noqa: E402

#: the 6 categories and their share of the services (B1)
CATEGORIES = {
    "epn": 0.25,
    "france_services": 0.08,
    "conseillers_numeriques": 0.30,
    "tiers_lieux": 0.10,
    "fablabs": 0.05,
    "wifi_public": 0.22,
}


def timed(fn, repeats=3):
    """Median wall time of ``repeats`` runs of ``fn()`` (>= 3) and the last result."""
    repeats = max(3, int(repeats))
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def synthetic_towns(n_points, n_services, seed=1, extent=600_000.0, n_towns=None):
    """Clustered synthetic population and services, in metres (Lambert-93-like).

    Towns have log-normal sizes (a few big cities, many villages); population
    points are scattered around each centre with a spread growing with the
    town's size (sqrt), on a 200 m grid like INSEE cells; services are drawn
    near population points (probability ∝ population weight), with 10 %
    placed anywhere (rural services). Returns ``(demand_xy, population,
    supply_xy, category)`` where ``category`` indexes :data:`CATEGORIES`.
    """
    rng = np.random.default_rng(seed)
    if n_towns is None:
        n_towns = max(5, int(n_points / 2_000))
    centres = rng.uniform(0, extent, (n_towns, 2))
    size = rng.lognormal(mean=0.0, sigma=1.2, size=n_towns)
    share = size / size.sum()
    town = rng.choice(n_towns, size=n_points, p=share)
    spread = 800.0 + 4000.0 * np.sqrt(share / share.max())
    demand = centres[town] + rng.normal(0.0, 1.0, (n_points, 2)) * spread[town, None]
    demand = np.floor(demand / 200.0) * 200.0 + 100.0  # 200 m cell centres
    population = rng.gamma(shape=1.5, scale=20.0, size=n_points)
    n_near = int(round(n_services * 0.9))
    pick = rng.choice(n_points, size=n_near, p=population / population.sum())
    near = demand[pick] + rng.normal(0.0, 300.0, (n_near, 2))
    far = rng.uniform(0, extent, (n_services - n_near, 2))
    supply = np.vstack([near, far])
    names = list(CATEGORIES)
    probs = np.array([CATEGORIES[k] for k in names])
    category = rng.choice(len(names), size=n_services, p=probs / probs.sum())
    return demand, population, supply, category


def bench_b1(scale=1.0, repeats=3, threshold=1000.0, seed=1, workers=-1):
    """B1: per category nearest + cumulative opportunities + E2SFCA (gaussian)."""
    n_points = max(1000, int(2_000_000 * scale))
    n_services = max(60, int(20_000 * scale))
    t0 = time.perf_counter()
    demand, pop, supply, cat = synthetic_towns(n_points, n_services, seed)
    print("B1 data: {:,} points x {:,} services, {} categories, made in {:.2f} s".format(
        n_points, n_services, len(CATEGORIES), time.perf_counter() - t0))
    decay = ac.make_decay("gaussian", threshold)
    rows = []
    totals = {"nearest": 0.0, "pairs": 0.0, "cumulative": 0.0, "e2sfca": 0.0}
    for k, name in enumerate(CATEGORIES):
        sup = supply[cat == k]
        t_near, _ = timed(lambda s=sup: ac.nearest_distance(demand, s, workers=workers), repeats)
        t_pairs, pairs = timed(lambda s=sup: ac.euclidean_pairs(demand, s, threshold), repeats)
        t_cum, _ = timed(lambda p=pairs: ac.cumulative_opportunities(p), repeats)
        t_e2, _ = timed(lambda p=pairs: ac.enhanced_two_step_fca(p, pop, None, decay), repeats)
        covered = float((ac.nearest_cost(pairs)[0] <= threshold).mean())
        rows.append((name, sup.shape[0], len(pairs), t_near, t_pairs, t_cum, t_e2, covered))
        totals["nearest"] += t_near
        totals["pairs"] += t_pairs
        totals["cumulative"] += t_cum
        totals["e2sfca"] += t_e2
    print("{:<24}{:>9}{:>13}{:>10}{:>10}{:>10}{:>10}{:>9}".format(
        "category", "services", "pairs", "nearest", "pairs", "cumul", "E2SFCA", "covered"))
    for name, m, p, a, b, c, d, cov in rows:
        print("{:<24}{:>9,}{:>13,}{:>9.3f}s{:>9.3f}s{:>9.3f}s{:>9.3f}s{:>8.1%}".format(
            name, m, p, a, b, c, d, cov))
    total = sum(totals.values())
    print("B1 total (medians of {} runs, 6 categories): {:.2f} s  ({})".format(
        max(3, repeats), total, ", ".join("{} {:.2f} s".format(k, v) for k, v in totals.items())))
    return {"n_points": n_points, "n_services": n_services, "rows": rows, "totals": totals}


def _pysal_e2sfca(pop, val, pairs, decay_sigma, threshold):
    import pandas as pd
    from access import Access
    from access import weights as pw

    demand_df = pd.DataFrame({"geoid": np.arange(pop.size), "pop": pop})
    supply_df = pd.DataFrame({"geoid": np.arange(val.size), "supply": val})
    cost_df = pd.DataFrame({"origin": pairs.i.astype(np.int64),
                            "dest": pairs.j.astype(np.int64), "cost": pairs.cost})
    fn = pw.gaussian(decay_sigma)

    def run():
        acc = Access(demand_df=demand_df, demand_index="geoid", demand_value="pop",
                     supply_df=supply_df, supply_index="geoid", supply_value="supply",
                     cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost")
        out = acc.enhanced_two_stage_fca(name="e2", max_cost=threshold, weight_fn=fn)
        return out["e2_supply"].reindex(np.arange(pop.size)).fillna(0.0).to_numpy()

    return run


def bench_b3(scale=1.0, repeats=3, threshold=1500.0, sigma=750.0, seed=3):
    """B3: E2SFCA vs PySAL access on the same cost pairs (equal to 1e-9, timing ratio)."""
    n_dem = max(500, int(50_000 * scale))
    n_sup = max(20, int(2_000 * scale))
    extent = 60_000.0 * math.sqrt(max(scale, 1e-4))  # same density at every scale
    demand, pop, supply, _ = synthetic_towns(n_dem, n_sup, seed, extent=extent,
                                             n_towns=max(5, n_dem // 2_000))
    val = np.random.default_rng(seed).integers(1, 5, n_sup).astype(float)
    t_pairs, pairs = timed(lambda: ac.euclidean_pairs(demand, supply, threshold), repeats)
    decay = ac.make_decay("gaussian", threshold, sigma=sigma)
    t_ours, ours = timed(
        lambda: ac.enhanced_two_step_fca(
            ac.CostPairs(pairs.i, pairs.j, pairs.cost, n_dem, n_sup), pop, val, decay
        ).access,
        repeats,
    )
    t_pysal, ref = timed(_pysal_e2sfca(pop, val, pairs, sigma, threshold), repeats)
    scale_ref = np.abs(ref).max()
    rel = np.abs(ours - ref) / np.where(ref != 0, np.abs(ref), scale_ref)
    max_rel = float(rel.max()) if rel.size else 0.0
    print("B3 data: {:,} demand x {:,} supply, {:,} pairs within {:.0f} m (made in {:.3f} s)".format(
        n_dem, n_sup, len(pairs), threshold, t_pairs))
    print("B3 E2SFCA ours {:.4f} s, PySAL access {:.4f} s, ratio PySAL/ours {:.1f}x, "
          "max relative difference {:.2e} ({})".format(
              t_ours, t_pysal, t_pysal / t_ours, max_rel,
              "identical to 1e-9" if max_rel <= 1e-9 else "DIFFERENT"))
    return {"n_demand": n_dem, "n_supply": n_sup, "pairs": len(pairs), "ours": t_ours,
            "pysal": t_pysal, "ratio": t_pysal / t_ours, "max_rel": max_rel}


def synthetic_street_grid(n_edges, block=100.0, seed=5, jitter=15.0):
    """A square street grid with about ``n_edges`` edges, vertices jittered."""
    side = int(math.sqrt(n_edges / 2.0)) + 1
    rng = np.random.default_rng(seed)
    xs = np.arange(side) * block
    nodes = np.stack(np.meshgrid(xs, xs), axis=-1) + rng.normal(0, jitter, (side, side, 2))
    lines = [nodes[r, :, :] for r in range(side)] + [nodes[:, c, :] for c in range(side)]
    return lines, side * block


def bench_network(scale=1.0, repeats=3, cutoff=1000.0, seed=5):
    """N1 (extra): walking network build, snapping, nearest service and FCA pairs."""
    from ville_numerique.core.network import WalkNetwork

    n_edges = max(2_000, int(200_000 * scale))
    n_points = max(1_000, int(100_000 * scale))
    n_sup = max(10, int(500 * scale))
    lines, size = synthetic_street_grid(n_edges, seed=seed)
    rng = np.random.default_rng(seed)
    demand = rng.uniform(0, size, (n_points, 2))
    supply = rng.uniform(0, size, (n_sup, 2))
    t_build, net = timed(lambda: WalkNetwork(lines), repeats)
    t_snap, _ = timed(lambda: WalkNetwork(lines).snap(demand), repeats)
    t_near, near = timed(lambda: net.nearest_service(demand, supply, cutoff=cutoff), repeats)
    t_pairs, res = timed(lambda: net.cost_pairs(demand, supply, cutoff=cutoff), repeats)
    print("N1 network {:,} nodes, {:,} edges; {:,} points, {:,} services".format(
        net.n_nodes, net.n_edges, n_points, n_sup))
    print("N1 build {:.3f} s, build+snap {:.3f} s, nearest (Dijkstra min_only) {:.3f} s, "
          "FCA pairs within {:.0f} m {:.3f} s ({:,} pairs), reached {:.1%}".format(
              t_build, t_snap, t_near, cutoff, t_pairs, len(res.pairs),
              float(np.isfinite(near.distance).mean())))
    return {"build": t_build, "snap": t_snap, "nearest": t_near, "pairs": t_pairs}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["b1", "b3", "n1", "all"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if args.which in ("b1", "all"):
        bench_b1(args.scale, args.repeats)
    if args.which in ("b3", "all"):
        bench_b3(args.scale, args.repeats)
    if args.which in ("n1", "all"):
        bench_network(args.scale, args.repeats)


if __name__ == "__main__":
    main()
