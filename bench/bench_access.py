"""Benchmarks B1 and B3 of issue 4 (straight-line access metrics).

B1  region/nation scale, straight line: 2,000,000 population cells × 20,000
    services in 6 categories (:func:`synthetic.synthetic_towns`).
    *Our full run* = ``core.coverage.compute_coverage`` three times over all
    categories, as the product runs it: ``nearest`` (step), ``cumulative``
    (step) and ``e2sfca`` (gaussian, σ = threshold / 2), default
    thresholds. Compared with

    * the QGIS-native route ``qgis:distancetonearesthubpoints`` once per
      category, run on a random subset of the points (``--native-points``,
      200,000 by default) and scaled linearly to all points;
    * a bare ``cKDTree(services).query(points, k=1)`` per category (tree
      build included, same ``workers=-1`` as ours), against our
      ``compute_coverage(method="nearest")`` of that category.

    Also measured: the peak memory of our full run, the "core route"
    (``core.access`` functions with the pairs shared between cumulative
    and E2SFCA), and the product end to end on QGIS layers
    (``ville_numerique:coverage``) against the native route on the same
    subset.
B3  E2SFCA against PySAL ``access`` 1.1 on the same inputs: 50,000 demand ×
    2,000 supply, the straight-line pairs within the catchment; gaussian and
    gravity decays; results identical to 1e-9 (relative), timing ratio.

Every timing is the median of ``--repeats`` rounds (>= 3); the peers of a
ratio are measured in the same rounds, one after the other.

    python bench/bench_access.py b1 --scale 0.01
    python bench/bench_access.py b3
    python bench/bench_access.py all --json out.json
"""

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402  (sets sys.path for ville_numerique)
import numpy as np  # noqa: E402
from common import median, once, peak_memory, profile_top  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402
from synthetic import CATEGORIES, category_names, synthetic_towns  # noqa: E402
from ville_numerique.core import access as ac  # noqa: E402
from ville_numerique.core.coverage import DEFAULT_THRESHOLDS, compute_coverage  # noqa: E402

#: the three product runs of "our full run": (method, decay)
FULL_RUN = (("nearest", "step"), ("cumulative", "step"), ("e2sfca", "gaussian"))


# --------------------------------------------------------------------------
# B1


def full_run(demand, population, supply, categories):
    """Our full run: three ``compute_coverage`` calls (every category each)."""
    return {
        method: compute_coverage(demand, population, supply, categories, method=method, decay=decay)
        for method, decay in FULL_RUN
    }


def core_route(demand, population, supply, category):
    """The same metrics with ``core.access`` directly, pairs shared by cumulative and E2SFCA."""
    out = {}
    for k, code in enumerate(CATEGORIES):
        sup = supply[category == k]
        threshold = DEFAULT_THRESHOLDS[code]
        distance, _ = ac.nearest_distance(demand, sup)
        pairs = ac.euclidean_pairs(demand, sup, threshold)
        cumulative = ac.cumulative_opportunities(pairs)
        e2 = ac.enhanced_two_step_fca(pairs, population, None, ac.make_decay("gaussian", threshold),
                                      per=1000.0)
        out[code] = (distance, cumulative, e2.access)
    return out


def bare_kdtree(demand, sup):
    """A bare KD-tree nearest query (tree built on the services, ``k=1``)."""
    return cKDTree(sup).query(demand, k=1, workers=-1)[0]


def _native_layers(demand, population, supply, category, subset, qn):
    names = list(CATEGORIES)
    points = qn.point_layer(demand[subset], "population", fields={
        "pop": ("double", population[subset]),
    })
    hubs = {code: qn.point_layer(supply[category == k], code) for k, code in enumerate(names)}
    services = qn.point_layer(supply, "services", fields={
        "categories": ("string", [names[int(k)] for k in category]),
    })
    return points, hubs, services


def _register_plugin_provider():
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    if registry.providerById("ville_numerique") is None:
        from ville_numerique.processing.provider import VilleNumeriqueProvider

        provider = VilleNumeriqueProvider()
        if not registry.addProvider(provider):
            raise RuntimeError("the ville_numerique provider could not be registered")
        _register_plugin_provider.keep = provider  # keep the Python object alive


def _e2e_run(qn, points, services, workdir):
    return qn.run("ville_numerique:coverage", {
        "POPULATION": points, "POPULATION_FIELD": "pop", "SERVICES": services,
        "CATEGORY_FIELD": "categories", "METHOD": "nearest", "DECAY": "step",
        "OUTPUT": "memory:", "SUMMARY": str(Path(workdir) / "summary.json"),
    })[0]


def bench_b1(scale=1.0, repeats=3, seed=1, native_points=200_000, native=True, e2e=True,
             profile=True):
    """B1; returns a JSON-able dict (times in seconds, memory in bytes)."""
    n_points = max(2_000, int(round(2_000_000 * scale)))
    n_services = max(120, int(round(20_000 * scale)))
    codes = list(CATEGORIES)
    t_data, (demand, population, supply, category) = once(
        lambda: synthetic_towns(n_points, n_services, seed))
    cats = category_names(category)
    print("B1 data: {:,} population cells ({:,.0f} inhabitants) x {:,} services in {} categories, "
          "made in {:.1f} s".format(n_points, population.sum(), n_services, len(codes), t_data),
          flush=True)
    out = {"n_points": n_points, "n_services": n_services, "seed": seed,
           "inhabitants": float(population.sum()), "repeats": max(3, repeats)}

    # 1. peak memory of our full run, in a process without QGIS loaded yet
    results, memory = peak_memory(lambda: full_run(demand, population, supply, cats))
    out["memory"] = memory
    per_cat = {}
    for code in codes:
        near = results["nearest"].categories[code]
        per_cat[code] = {
            "n_services": near.n_services,
            "threshold_m": near.threshold_m,
            "share_covered": near.share_covered,
            "median_distance_m": near.median_distance_m,
        }
    del results
    print("B1 peak memory of our full run: {:.2f} GiB resident ({:.2f} GiB above the "
          "{:.2f} GiB before it)".format(common.gib(memory["peak"]), common.gib(memory["increase"]),
                                          common.gib(memory["baseline"])), flush=True)
    for k, code in enumerate(codes):
        threshold = DEFAULT_THRESHOLDS[code]
        per_cat[code]["pairs_within_threshold"] = len(
            ac.euclidean_pairs(demand, supply[category == k], threshold))
    out["categories"] = per_cat

    # 2. QGIS layers for the native route (not timed)
    qn = None
    rng = np.random.default_rng(seed + 100)
    n_sub = min(n_points, int(native_points))
    subset = np.sort(rng.choice(n_points, size=n_sub, replace=False))
    small = subset[np.sort(rng.choice(n_sub, size=max(1, n_sub // 4), replace=False))]
    if native:
        import qgis_native as qn

        qn.start_qgis()
        if not qn.algorithm_exists("qgis:distancetonearesthubpoints"):
            raise RuntimeError("qgis:distancetonearesthubpoints is not available in this QGIS")
        t_layers, (points, hubs, services) = once(
            lambda: _native_layers(demand, population, supply, category, subset, qn))
        small_points = qn.point_layer(demand[small], "population_small")
        print("B1 QGIS memory layers ({:,} points subset) made in {:.1f} s".format(n_sub, t_layers),
              flush=True)
        workdir = tempfile.mkdtemp(prefix="vn-bench-b1-")
        if e2e:
            try:
                _register_plugin_provider()
            except Exception as error:  # noqa: BLE001 - reported, the rest goes on
                print("B1 end-to-end skipped: {}".format(error), flush=True)
                e2e = False
    out["native_points"] = n_sub if native else 0

    # 3. rounds: every peer of a ratio in the same round
    t = {key: [] for key in ("full", "core", "sub_ours", "e2e", "native_small")}
    for method, _ in FULL_RUN:
        t["full_" + method] = []
    for code in codes:
        for key in ("ours_nearest_", "bare_", "native_"):
            t[key + code] = []
    native_check = 0.0
    sub_demand = demand[subset]
    biggest = max(range(len(codes)), key=lambda k: int((category == k).sum()))
    for r in range(max(3, repeats)):
        total = 0.0
        for method, decay in FULL_RUN:
            seconds, _ = once(lambda m=method, d=decay: compute_coverage(
                demand, population, supply, cats, method=m, decay=d))
            t["full_" + method].append(seconds)
            total += seconds
        t["full"].append(total)
        t["core"].append(once(lambda: core_route(demand, population, supply, category))[0])
        for k, code in enumerate(codes):
            sup = supply[category == k]
            t["ours_nearest_" + code].append(once(lambda c=code: compute_coverage(
                demand, population, supply, cats, categories=[c], method="nearest"))[0])
            t["bare_" + code].append(once(lambda s=sup: bare_kdtree(demand, s))[0])
        seconds, sub_result = once(lambda: compute_coverage(
            sub_demand, population[subset], supply, cats, method="nearest"))
        t["sub_ours"].append(seconds)
        if native:
            for code in codes:
                seconds, values = qn.nearest_hub(points, hubs[code])
                t["native_" + code].append(seconds)
                ours = sub_result.categories[code].distance
                native_check = max(native_check, float(np.max(np.abs(values - ours))))
            t["native_small"].append(qn.nearest_hub(small_points, hubs[codes[biggest]])[0])
            if e2e:
                t["e2e"].append(_e2e_run(qn, points, services, workdir))
        print("B1 round {}: full run {:.2f} s, core route {:.2f} s{}".format(
            r + 1, total, t["core"][-1],
            ", native on the subset {:.1f} s (6 categories)".format(
                sum(t["native_" + c][-1] for c in codes)) if native else ""), flush=True)

    med = {key: median(values) for key, values in t.items() if values}
    out["times"] = {key: values for key, values in t.items() if values}
    out["medians"] = med
    full = med["full"]
    ratios = {"full_over_bare_all": full / sum(med["bare_" + c] for c in codes),
              "core_over_bare_all": med["core"] / sum(med["bare_" + c] for c in codes)}
    for code in codes:
        ratios["nearest_over_bare_" + code] = med["ours_nearest_" + code] / med["bare_" + code]
    ratios["nearest_over_bare_max"] = max(ratios["nearest_over_bare_" + c] for c in codes)
    ratios["nearest_over_bare_all"] = (sum(med["ours_nearest_" + c] for c in codes)
                                       / sum(med["bare_" + c] for c in codes))
    if native:
        native_subset = sum(med["native_" + c] for c in codes)
        factor = n_points / n_sub
        out["native_subset_total"] = native_subset
        out["native_scale_factor"] = factor
        out["native_estimate"] = native_subset * factor
        out["native_max_abs_diff_m"] = native_check
        per_point_big = med["native_" + codes[biggest]] / n_sub
        per_point_small = med["native_small"] / len(small)
        out["native_per_point_us"] = {"category": codes[biggest], "subset": n_sub,
                                      "subset_us": per_point_big * 1e6,
                                      "quarter": len(small), "quarter_us": per_point_small * 1e6}
        ratios["native_over_full"] = out["native_estimate"] / full
        ratios["native_over_core"] = out["native_estimate"] / med["core"]
        ratios["native_over_ours_same_subset"] = native_subset / med["sub_ours"]
        if e2e and t["e2e"]:
            ratios["native_over_e2e_same_subset"] = native_subset / med["e2e"]
    out["ratios"] = ratios
    print_b1(out)
    if profile:
        out["profile_full"] = profile_top(lambda: full_run(demand, population, supply, cats), 14)
        out["profile_nearest"] = profile_top(lambda: compute_coverage(
            demand, population, supply, cats, method="nearest"), 10)
    return out


def print_b1(out):
    med, ratios, codes = out["medians"], out["ratios"], list(CATEGORIES)
    print("{:<22}{:>9}{:>11}{:>9}{:>12}{:>10}{:>10}{:>8}{:>12}".format(
        "category", "services", "pairs", "covered", "ours near.", "bare KD", "ratio",
        "", "native sub."))
    for code in codes:
        c = out["categories"][code]
        print("{:<22}{:>9,}{:>11,}{:>8.1%}{:>11.3f}s{:>9.3f}s{:>9.2f}x{:>8}{:>11}".format(
            code, c["n_services"], c["pairs_within_threshold"], c["share_covered"],
            med["ours_nearest_" + code], med["bare_" + code], ratios["nearest_over_bare_" + code], "",
            "{:.2f}s".format(med["native_" + code]) if "native_" + code in med else "-"))
    print("B1 our full run (nearest + cumulative + e2sfca, 6 categories, {:,} points): {:.2f} s "
          "(nearest {:.2f}, cumulative {:.2f}, e2sfca {:.2f}); core route {:.2f} s".format(
              out["n_points"], med["full"], med["full_nearest"], med["full_cumulative"],
              med["full_e2sfca"], med["core"]))
    print("B1 compute core (compute_coverage nearest) / bare KD-tree: {:.2f}x overall, "
          "worst category {:.2f}x (goal <= 3x)".format(
              ratios["nearest_over_bare_all"], ratios["nearest_over_bare_max"]))
    if "native_estimate" in out:
        print("B1 native nearest hub: {:.1f} s on {:,} points x 6 categories -> {:.0f} s "
              "estimated for {:,} points (x{:.0f}); ratio native / our full run {:.1f}x "
              "(goal >= 20x); same subset: native / ours {:.1f}x".format(
                  out["native_subset_total"], out["native_points"], out["native_estimate"],
                  out["n_points"], out["native_scale_factor"], ratios["native_over_full"],
                  ratios["native_over_ours_same_subset"]))
        if "native_over_e2e_same_subset" in ratios:
            print("B1 end to end on QGIS layers ({:,} points): ville_numerique:coverage {:.1f} s, "
                  "native 6 categories {:.1f} s: {:.1f}x".format(
                      out["native_points"], med["e2e"], out["native_subset_total"],
                      ratios["native_over_e2e_same_subset"]))
    print("B1 peak memory {:.2f} GiB (goal < 3 GB)".format(common.gib(out["memory"]["peak"])),
          flush=True)


# --------------------------------------------------------------------------
# B3


def _pysal_frames(population, supply_weights, i, j, cost):
    import pandas as pd

    demand_df = pd.DataFrame({"geoid": np.arange(population.size), "pop": population})
    supply_df = pd.DataFrame({"geoid": np.arange(supply_weights.size), "supply": supply_weights})
    cost_df = pd.DataFrame({"origin": i, "dest": j, "cost": cost})
    return demand_df, supply_df, cost_df


def _pysal_e2sfca(frames, n_demand, weight_fn, threshold):
    from access import Access

    demand_df, supply_df, cost_df = frames
    acc = Access(demand_df=demand_df, demand_index="geoid", demand_value="pop",
                 supply_df=supply_df, supply_index="geoid", supply_value="supply",
                 cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost")
    result = acc.enhanced_two_stage_fca(name="e2", max_cost=threshold, weight_fn=weight_fn)
    # PySAL leaves the demand points without supply in reach NaN; ours gives 0
    return result["e2_supply"].reindex(np.arange(n_demand)).fillna(0.0).to_numpy()


def _relative_difference(ours, ref):
    scale = np.abs(ref).max() if ref.size else 0.0
    denominator = np.where(ref != 0, np.abs(ref), scale if scale > 0 else 1.0)
    return float((np.abs(ours - ref) / denominator).max()) if ref.size else 0.0


def bench_b3(scale=1.0, repeats=3, threshold=1500.0, seed=3, profile=True):
    """B3: E2SFCA ours vs PySAL access on the same pairs; gaussian and gravity decays."""
    from access import weights as pw

    n_dem = max(500, int(round(50_000 * scale)))
    n_sup = max(20, int(round(2_000 * scale)))
    # a département-sized square (100 km for 50,000 cells, ~ the density of a
    # populated département), so that each demand cell has several services
    extent = 100_000.0 * math.sqrt(n_dem / 50_000)
    demand, population, supply, _ = synthetic_towns(n_dem, n_sup, seed, extent=extent)
    hours = np.random.default_rng(seed).uniform(4.0, 60.0, n_sup).round(1)  # hours a week
    t_pairs, pairs = once(lambda: ac.euclidean_pairs(demand, supply, threshold))
    i = pairs.i.astype(np.int64)
    j = pairs.j.astype(np.int64)
    cost = pairs.cost.copy()
    print("B3 data: {:,} demand x {:,} supply, {:,} pairs within {:.0f} m (pairs made in "
          "{:.3f} s, not timed below)".format(n_dem, n_sup, len(pairs), threshold, t_pairs),
          flush=True)
    out = {"n_demand": n_dem, "n_supply": n_sup, "threshold_m": threshold, "pairs": len(pairs),
           "pairs_seconds": t_pairs, "repeats": max(3, repeats), "decays": {}}
    sigma = threshold / 2.0
    min_distance = threshold / 10.0
    decays = {
        "gaussian": (ac.make_decay("gaussian", threshold, sigma=sigma), pw.gaussian(sigma),
                     "gaussian sigma = {:g} m".format(sigma)),
        "gravity": (ac.make_decay("gravity", threshold, beta=1.0, min_distance=min_distance),
                    pw.gravity(min_distance, -1.0, min_distance),
                    "gravity beta = 1, min distance = scale = {:g} m".format(min_distance)),
    }
    for name, (decay, weight_fn, label) in decays.items():
        frames = _pysal_frames(population, hours, i, j, cost)

        def ours(decay=decay):
            return ac.enhanced_two_step_fca(ac.CostPairs(i, j, cost, n_dem, n_sup),
                                            population, hours, decay).access

        def pysal_prepared(frames=frames, weight_fn=weight_fn):
            return _pysal_e2sfca(frames, n_dem, weight_fn, threshold)

        def pysal_from_arrays(weight_fn=weight_fn):
            return _pysal_e2sfca(_pysal_frames(population, hours, i, j, cost), n_dem, weight_fn,
                                 threshold)

        times = {"ours": [], "pysal": [], "pysal_with_frames": []}
        result_ours = result_pysal = None
        for _ in range(max(3, repeats)):
            seconds, result_ours = once(ours)
            times["ours"].append(seconds)
            seconds, result_pysal = once(pysal_prepared)
            times["pysal"].append(seconds)
            times["pysal_with_frames"].append(once(pysal_from_arrays)[0])
        med = {k: median(v) for k, v in times.items()}
        max_rel = _relative_difference(result_ours, result_pysal)
        entry = {
            "label": label, "times": times, "medians": med, "max_relative_difference": max_rel,
            "identical": max_rel <= 1e-9,
            "ratio": med["pysal"] / med["ours"],
            "ratio_with_frames": med["pysal_with_frames"] / med["ours"],
            "demand_with_access": int((result_ours > 0).sum()),
        }
        out["decays"][name] = entry
        print("B3 {}: ours {:.4f} s, PySAL {:.3f} s ({:.3f} s with its DataFrames built): "
              "{:.0f}x ({:.0f}x); max relative difference {:.1e} ({})".format(
                  label, med["ours"], med["pysal"], med["pysal_with_frames"], entry["ratio"],
                  entry["ratio_with_frames"], max_rel,
                  "identical to 1e-9" if entry["identical"] else "DIFFERENT"), flush=True)
    if profile:
        decay, weight_fn, _ = decays["gaussian"]
        frames = _pysal_frames(population, hours, i, j, cost)
        out["profile_pysal"] = profile_top(
            lambda: _pysal_e2sfca(frames, n_dem, weight_fn, threshold), 8)
        out["profile_ours"] = profile_top(lambda: ac.enhanced_two_step_fca(
            ac.CostPairs(i, j, cost, n_dem, n_sup), population, hours, decay), 8)
    return out


# --------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["b1", "b3", "all"])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="shrink the point and service counts (0.01 = 1/100)")
    parser.add_argument("--repeats", type=int, default=3, help="rounds (at least 3)")
    parser.add_argument("--native-points", type=int, default=200_000,
                        help="B1: points of the subset given to the QGIS-native algorithm")
    parser.add_argument("--no-native", action="store_true", help="B1: skip the QGIS runs")
    parser.add_argument("--no-e2e", action="store_true",
                        help="B1: skip ville_numerique:coverage on QGIS layers")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--json", help="write the results to this JSON file")
    args = parser.parse_args(argv)
    results = {}
    if args.which in ("b1", "all"):
        results["b1"] = bench_b1(args.scale, args.repeats, native_points=args.native_points,
                                 native=not args.no_native, e2e=not args.no_e2e,
                                 profile=not args.no_profile)
    if args.which in ("b3", "all"):
        results["b3"] = bench_b3(args.scale, args.repeats, profile=not args.no_profile)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=float), encoding="utf-8")
    return results


if __name__ == "__main__":
    started = time.time()
    main()
    print("done in {:.0f} s".format(time.time() - started))
