"""Benchmark B2 of issue 4: walking-network distance to the nearest service.

Inputs (:mod:`synthetic`): an irregular synthetic street grid of at least
200,000 graph edges cut into OSM-like ways (``highway`` attribute, two
motorways left out by the pedestrian filter), 100,000 address points,
2,000 services in the 6 categories of B1.

*Ours* = what ``ville_numerique:coverage`` with ``NETWORK`` does once the
layers are read: build :class:`core.network.WalkNetwork` from the lines and
their attributes, then ``compute_coverage(method="nearest")`` with a
:class:`core.coverage.NetworkEngine` (max snap 200 m): per category, one
``WalkNetwork.nearest_service`` (snapping + multi-source Dijkstra).

*Native* = ``native:shortestpathpointtolayer`` (shortest, both directions):
from one service to every population point, the network cost to each of
them. The nearest service of each point needs one run per service — 2,000
runs, each rebuilding the graph — and the minimum per category. Measured
on a sample of services (one per round) with two subsets of end points
(``--native-points``, 1,000 and 4,000 by default), then extrapolated:
``2,000 × (a + b × 100,000)`` with ``a`` and ``b`` the fixed and per-point
costs of the two subsets (a straight line through them); and a lower bound
that needs no extrapolation: ``2,000 × T(smaller subset)`` (a run with all
100,000 end points cannot be faster than one with 1,000). The native
algorithm gets the walkable lines only (it has no pedestrian filter).

    python bench/bench_network.py --scale 0.05
    python bench/bench_network.py --json out.json
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402  (sets sys.path for ville_numerique)
import numpy as np  # noqa: E402
from common import median, once, peak_memory, profile_top  # noqa: E402
from synthetic import (  # noqa: E402
    CATEGORIES,
    category_names,
    synthetic_addresses,
    synthetic_street_network,
)
from ville_numerique.core.coverage import NetworkEngine, compute_coverage  # noqa: E402
from ville_numerique.core.network import WalkNetwork, is_walkable  # noqa: E402

MAX_SNAP = 200.0


def ours(lines, attributes, demand, population, supply, categories):
    """Build the network and compute the nearest-service distances of every category."""
    network = WalkNetwork(lines, attributes)
    engine = NetworkEngine(network, max_snap=MAX_SNAP)
    return compute_coverage(demand, population, supply, categories, method="nearest",
                            engine=engine)


def bench_b2(scale=1.0, repeats=3, seed=5, native=True, native_points=(1_000, 4_000),
             profile=True):
    n_edges = max(2_000, int(round(200_000 * scale)))
    n_points = max(1_000, int(round(100_000 * scale)))
    n_services = max(60, int(round(2_000 * scale)))
    codes = list(CATEGORIES)
    t_data, (lines, attributes, size) = once(lambda: synthetic_street_network(n_edges, seed=seed))
    demand, population, supply, category = synthetic_addresses(n_points, n_services, size,
                                                                seed=seed + 2)
    cats = category_names(category)
    network = WalkNetwork(lines, attributes)
    print("B2 data: synthetic street grid {:.1f} km wide, {:,} ways -> {:,} nodes, {:,} edges "
          "({} ways not walkable); {:,} points, {:,} services; made in {:.1f} s".format(
              size / 1000, len(lines), network.n_nodes, network.n_edges,
              network.n_lines_not_walkable, n_points, n_services, t_data), flush=True)
    out = {"n_edges": network.n_edges, "n_nodes": network.n_nodes, "n_lines": len(lines),
           "n_lines_not_walkable": network.n_lines_not_walkable, "size_m": size,
           "n_points": n_points, "n_services": n_services, "repeats": max(3, repeats),
           "seed": seed}

    result, memory = peak_memory(lambda: ours(lines, attributes, demand, population, supply, cats))
    out["memory"] = memory
    out["categories"] = {
        code: {"n_services": r.n_services, "threshold_m": r.threshold_m,
               "share_covered": r.share_covered, "median_distance_m": r.median_distance_m}
        for code, r in result.categories.items()
    }
    out["diagnostics"] = result.diagnostics
    del result

    qn = None
    rng = np.random.default_rng(seed + 100)
    sizes = sorted(min(int(n), n_points) for n in native_points)
    order = rng.permutation(n_points)
    sample_services = rng.choice(n_services, size=max(3, repeats), replace=False)
    if native:
        import qgis_native as qn

        qn.start_qgis()
        if not qn.algorithm_exists("native:shortestpathpointtolayer"):
            raise RuntimeError("native:shortestpathpointtolayer is not available in this QGIS")
        walkable = [k for k, a in enumerate(attributes) if is_walkable(a)]
        t_layers, network_layer = once(lambda: qn.line_layer(
            [lines[k] for k in walkable], [attributes[k] for k in walkable]))
        end_layers = [qn.point_layer(demand[order[:n]], "ends_{}".format(n)) for n in sizes]
        print("B2 QGIS memory layers made in {:.1f} s (network {:,} walkable lines; end points "
              "{})".format(t_layers, len(walkable), ", ".join("{:,}".format(n) for n in sizes)),
              flush=True)

    times = {"ours": [], "build": [], "nearest": []}
    for n in sizes:
        times["native_{}".format(n)] = []
    for code in codes:
        times["nearest_" + code] = []
    checks = []
    for r in range(max(3, repeats)):
        times["ours"].append(once(lambda: ours(lines, attributes, demand, population, supply,
                                              cats))[0])
        seconds, net = once(lambda: WalkNetwork(lines, attributes))
        times["build"].append(seconds)
        total = 0.0
        for k, code in enumerate(codes):
            seconds, _ = once(lambda k=k, net=net: net.nearest_service(
                demand, supply[category == k], max_snap=MAX_SNAP))
            times["nearest_" + code].append(seconds)
            total += seconds
        times["nearest"].append(total)
        if native:
            j = int(sample_services[r])
            for n, layer in zip(sizes, end_layers):
                seconds, cost = qn.shortest_path_point_to_layer(network_layer, supply[j], layer)
                times["native_{}".format(n)].append(seconds)
            # the same distances by our engine (network part only: QGIS adds no snapping)
            sub = demand[order[:sizes[-1]]]
            single = net.nearest_service(sub, supply[j:j + 1], max_snap=MAX_SNAP)
            ours_net = single.distance - single.demand_snap.distance - single.supply_snap.distance[0]
            ok = np.isfinite(ours_net) & np.isfinite(cost) & (cost > 0)
            rel = np.abs(ours_net[ok] - cost[ok]) / cost[ok]
            checks.append({"service": j, "compared": int(ok.sum()),
                           "max_relative_difference": float(rel.max()) if rel.size else None,
                           "median_relative_difference": float(np.median(rel)) if rel.size else None,
                           "qgis_without_route": int(np.isnan(cost).sum())})
        print("B2 round {}: ours {:.2f} s (build {:.2f} s + nearest {:.2f} s){}".format(
            r + 1, times["ours"][-1], times["build"][-1], times["nearest"][-1],
            "; native, one service: " + ", ".join(
                "{:.1f} s for {:,} points".format(times["native_{}".format(n)][-1], n)
                for n in sizes) if native else ""), flush=True)

    med = {k: median(v) for k, v in times.items() if v}
    out["times"] = {k: v for k, v in times.items() if v}
    out["medians"] = med
    ratios = {}
    if native:
        n1, n2 = sizes[0], sizes[-1]
        t1, t2 = med["native_{}".format(n1)], med["native_{}".format(n2)]
        slope = max(0.0, (t2 - t1) / (n2 - n1)) if n2 > n1 else 0.0
        fixed = max(0.0, t1 - slope * n1)
        per_run = fixed + slope * n_points
        out["native"] = {
            "end_point_subsets": sizes, "fixed_s": fixed, "per_point_ms": slope * 1e3,
            "per_run_estimate_s": per_run, "runs_needed": n_services,
            "estimate_s": per_run * n_services, "lower_bound_s": t1 * n_services,
            "checks": checks,
        }
        ratios["native_over_ours"] = per_run * n_services / med["ours"]
        ratios["native_lower_bound_over_ours"] = t1 * n_services / med["ours"]
    out["ratios"] = ratios
    print_b2(out)
    if profile:
        out["profile_ours"] = profile_top(
            lambda: ours(lines, attributes, demand, population, supply, cats), 14)
    return out


def print_b2(out):
    med = out["medians"]
    print("B2 ours (build {:,}-edge network + nearest service, 6 categories, {:,} points): "
          "{:.2f} s (build {:.2f} s; nearest_service {:.2f} s: {})".format(
              out["n_edges"], out["n_points"], med["ours"], med["build"], med["nearest"],
              ", ".join("{} {:.2f}".format(c, med["nearest_" + c]) for c in CATEGORIES)))
    if "native" in out:
        n = out["native"]
        print("B2 native shortestpathpointtolayer: {:.1f} s per run fixed + {:.3f} ms per end "
              "point -> {:.0f} s per run with {:,} points x {:,} runs = {:.0f} s ({:.1f} h); "
              "ratio {:.0f}x (goal >= 50x); lower bound {:.0f} s: {:.0f}x".format(
                  n["fixed_s"], n["per_point_ms"], n["per_run_estimate_s"], out["n_points"],
                  n["runs_needed"], n["estimate_s"], n["estimate_s"] / 3600,
                  out["ratios"]["native_over_ours"], n["lower_bound_s"],
                  out["ratios"]["native_lower_bound_over_ours"]))
        worst = max((c["max_relative_difference"] or 0.0) for c in n["checks"])
        print("B2 check: QGIS cost vs our network distance (snapping removed), max relative "
              "difference {:.1e}".format(worst))
    print("B2 peak memory {:.2f} GiB".format(common.gib(out["memory"]["peak"])), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--native-points", type=int, nargs=2, default=(1_000, 4_000),
                        help="the two subsets of end points of the native runs")
    parser.add_argument("--no-native", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    result = {"b2": bench_b2(args.scale, args.repeats, native=not args.no_native,
                             native_points=args.native_points, profile=not args.no_profile)}
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, default=float), encoding="utf-8")
    return result


if __name__ == "__main__":
    started = time.time()
    main()
    print("done in {:.0f} s".format(time.time() - started))
