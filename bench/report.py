"""Turn the JSON of the benchmarks into ``bench/RESULTS.md`` (used by ``run_all.py``)."""

import json
from pathlib import Path

import report_e2e

GB = 1e9  # the "3 GB"


def _f(value, digits=2):
    return "—" if value is None else "{:,.{}f}".format(value, digits)


def _gib(n_bytes):
    return "{:.2f} GiB ({:.2f} GB)".format(n_bytes / 2**30, n_bytes / GB)


def goals(results):
    """The issues' goals with the measured value: a list of dicts (goal, measured, met)."""
    rows = report_e2e.goals(results["e2e"]) if "e2e" in results else []
    b1 = results.get("b1")
    if b1 and "failed" not in b1:
        r = b1["ratios"]
        if "native_over_full" in r:
            rows.append({"id": "B1", "goal": "B1 native nearest hub / our full run >= 20x",
                         "measured": "{:.1f}x".format(r["native_over_full"]),
                         "met": r["native_over_full"] >= 20})
        rows.append({"id": "B1", "goal": "B1 compute core / bare KD-tree <= 3x (every category)",
                     "measured": "worst {:.2f}x".format(r["nearest_over_bare_max"]),
                     "met": r["nearest_over_bare_max"] <= 3})
        peak = b1["memory"]["peak"]
        rows.append({"id": "B1", "goal": "B1 peak memory < 3 GB",
                     "measured": "{:.2f} GB".format(peak / GB), "met": peak < 3 * GB})
    b2 = results.get("b2")
    if b2 and "failed" not in b2 and "native_over_ours" in b2["ratios"]:
        r = b2["ratios"]
        rows.append({"id": "B2", "goal": "B2 native network / ours >= 50x",
                     "measured": "{:,.0f}x (bound {:,.0f}x)".format(
                         r["native_over_ours"], r["native_lower_bound_over_ours"]),
                     "met": r["native_lower_bound_over_ours"] >= 50})
    b3 = results.get("b3")
    if b3 and "failed" not in b3:
        worst_rel = max(d["max_relative_difference"] for d in b3["decays"].values())
        rows.append({"id": "B3", "goal": "B3 E2SFCA equal to PySAL (relative 1e-9)",
                     "measured": "max {:.1e}".format(worst_rel), "met": worst_rel <= 1e-9})
        worst = min(d["ratio"] for d in b3["decays"].values())
        rows.append({"id": "B3", "goal": "B3 PySAL / ours >= 10x",
                     "measured": "min {:,.0f}x".format(worst), "met": worst >= 10})
    for name in ("b1", "b2", "b3"):
        if name in results and "failed" in results[name]:
            rows.append({"id": name.upper(), "goal": name.upper() + " ran",
                         "measured": "failed (exit {})".format(results[name]["failed"]),
                         "met": False})
    return rows


def _load(data):
    load = data.get("load")
    text = "load average (1 min) during the run: min {:.2f}, median {:.2f}, max {:.2f}".format(
        load["min"], load["median"], load["max"]) if load else "load average: not sampled"
    busy = data.get("busy_at_start") or []
    text += ("; other processes using the CPU at the start (lifetime average): " + ", ".join(busy)
             if busy else "; no other process above 5 % CPU at the start")
    text += (" — the benchmark itself keeps the load near 1, so a median near 1 means the "
             "machine was otherwise idle") if data.get("load") else ""
    return text


def _load_summary(results):
    medians = ["{} {:.2f}".format(name.upper(), r["load"]["median"])
               for name, r in sorted(results.items()) if r.get("load")]
    return "median 1-minute load average: " + ", ".join(medians) if medians else "not sampled"


def _profile(title, text):
    return ["<details><summary>{}</summary>".format(title), "", "```", text.strip(), "```",
            "", "</details>", ""]


def panel_markdown(path=None):
    """The panel's figures (``make bench-panel``, ``bench/RESULTS_panel.json``), when measured."""
    path = Path(path or Path(__file__).resolve().parent / "RESULTS_panel.json")
    if not path.is_file():
        return []
    panel = json.loads(path.read_text(encoding="utf-8"))
    large, m = panel.get("large") or {}, panel["machine"]
    warm = panel["sample_s"][-1] if panel.get("sample_s") else None
    rows = [
        "## The panel in the real desktop (issue 14, `make bench-panel`)",
        "",
        "`bench/bench_panel.py` on {} ({} cores, {} GiB, {}, QGIS {}), {}, load average {} before and {} "
        "after. The real `qgis.bin` under Xvfb (1366×768, French), the panel driven by "
        "`bench/panel_driver.py`: a 10 ms heartbeat timer of the main thread measures how long the "
        "interface stays frozen at a time while the analysis runs.".format(
            m["cpu"], m["cores"], m["ram_gib"], m["os"], m["versions"].get("QGIS"), panel["date"],
            panel["load_before"], panel["load_after"]),
        "",
        "| goal | measured | |",
        "|---|---|---|",
    ]
    if warm is not None:
        rows.append("| Saint-Omer analysis from the panel, QGIS warm (run to results) < 1 s | {:.2f} s "
                    "(runs: {}) | {} |".format(warm, ", ".join("{:.2f} s".format(s) for s in panel["sample_s"]),
                                               "met" if warm < 1 else "**NOT MET**"))
    if large:
        rows.append("| {:,} cells analysed from the panel: longest freeze of the interface <= 200 ms | "
                    "{} ms (99th percentile {} ms; {} gaps over 200 ms; whole analysis {} s) | {} |".format(
                        large["cells"], large["max_ms"], large["p99_ms"], large["over_200ms"], large["seconds"],
                        "met" if large["ok"] and large["max_ms"] <= 200 else "**NOT MET**"))
    return rows + [""]


def markdown(meta, results, goal_rows):
    m = meta["machine"]
    v = m["versions"]
    lines = [
        "# Benchmarks — end to end (issue 14), then the coverage science (issue 4, item 8)",
        "",
        "Generated by `{}` (what `make bench` runs) on {}; {} scale; every time is the **median of {} "
        "rounds**, and the peers of each ratio are measured in the same rounds, one after the "
        "other, in the same process. Git `{}`. Raw numbers (every round): `bench/RESULTS.json`."
        .format(meta["command"], meta["date_utc"], meta["scale"], meta["repeats"], meta["git"]),
        "",
        "| machine | |",
        "|---|---|",
        "| CPU | {} ({} cores) |".format(m["cpu"], m["cores"]),
        "| RAM | {} GiB |".format(m["ram_gib"]),
        "| OS | {} (kernel {}) |".format(m["os"], m["kernel"]),
        "| software | QGIS {}, Python {}, numpy {}, scipy {}, pandas {}, PySAL access {} |".format(
            v.get("QGIS"), v.get("python"), v.get("numpy"), v.get("scipy"), v.get("pandas", "—"),
            v.get("access (PySAL)", "—")),
        "| total time | {:.0f} min |".format(meta["elapsed_s"] / 60),
        "",
        "**Load.** The machine is shared: other developers may run test suites on the same 2 "
        "cores at any time, which makes single timings noisy (a load average well above 1 "
        "means the benchmark did not have the CPU to itself). Medians of rounds reduce the "
        "noise; each ratio is measured within the same rounds, so that load affects both peers "
        "alike. The load measured during each benchmark of this run is written in its section "
        "({}).".format(_load_summary(results)),
        "",
        "## Goals",
        "",
        "| goal | measured | |",
        "|---|---|---|",
    ]
    for g in goal_rows:
        lines.append("| {} | {} | {} |".format(g["goal"], g["measured"],
                                               "met" if g["met"] else "**NOT MET**"))
    lines.append("")
    lines += panel_markdown()
    if "e2e" in results:
        lines += report_e2e.markdown(results["e2e"], meta)
    core = [results[n] for n in ("b1", "b2", "b3") if n in results]
    if core:
        dates = sorted({r.get("measured") or meta["date_utc"] for r in core})
        lines += [
            "## Compute core (issue 4): the science alone, against its native anchors",
            "",
            "Measured on {} (git {}). These figures time the compute core in one Python process, "
            "not what a user waits for (that is the table above). B1's native anchor is "
            "`qgis:distancetonearesthubpoints`, the slowest of QGIS's routes to a nearest distance; the "
            "faster `native:joinbynearest` is the anchor of the end-to-end table.".format(
                ", ".join(dates), ", ".join(sorted({str(r.get("git") or meta["git"]) for r in core}))),
            "",
        ]
    if "b1" in results:
        lines += _b1(results["b1"])
    if "b2" in results:
        lines += _b2(results["b2"])
    if "b3" in results:
        lines += _b3(results["b3"])
    lines += NOTES
    return "\n".join(lines) + "\n"


def _failed(name, data):
    return ["## {}".format(name), "", "**The benchmark failed** (exit code {}); see the console "
            "output of `make bench`.".format(data["failed"]), ""]


def _b1(b1):
    if "failed" in b1:
        return _failed("B1", b1)
    med, r = b1["medians"], b1["ratios"]
    codes = list(b1["categories"])
    lines = [
        "## B1 — region/nation scale, straight line",
        "",
        "**Data** (`bench/synthetic.py`, `synthetic_towns`, seed {}): {:,} distinct 200 m cells "
        "(like the INSEE grid) holding {:,.0f} inhabitants, in ~{:,} towns whose sizes follow "
        "Zipf's law over a 1,000 km square placed on metropolitan France in Lambert-93; dense "
        "town centres; {:,} services in 6 categories, placed near town centres in proportion to "
        "the towns' population (20 % in villages; France Services 50 %). Default thresholds of "
        "the product. Share of the population covered (nearest distance <= threshold):".format(
            b1["seed"], b1["n_points"], b1["inhabitants"], b1["n_points"] // 80, b1["n_services"]),
        "",
        "| category | services | threshold | population covered | median distance | pairs within threshold |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for code in codes:
        c = b1["categories"][code]
        lines.append("| {} | {:,} | {:,.0f} m | {:.1%} | {} m | {:,} |".format(
            code, c["n_services"], c["threshold_m"], c["share_covered"],
            _f(c["median_distance_m"], 0), c["pairs_within_threshold"]))
    lines += [
        "",
        "**What is timed** (inputs already in memory as numpy arrays, in every case):",
        "",
        "* *our full run*: `core.coverage.compute_coverage` three times over the 6 categories, as "
        "the product runs it — `nearest` (step), `cumulative` (step) and `e2sfca` (gaussian, "
        "σ = threshold/2); each call does everything the algorithm computes (nearest distance, "
        "coverage, access, sub-scores, score, weighted medians, summary figures);",
        "* *core route*: the same metrics through `core.access` directly, one nearest query and "
        "one pair list per category shared by cumulative and E2SFCA;",
        "* *compute core vs bare KD-tree*: per category, `compute_coverage(categories=[c], "
        "method=\"nearest\")` against `cKDTree(services).query(points, k=1, workers=-1)` "
        "(tree build included; same threads as ours);",
        "* *native*: `qgis:distancetonearesthubpoints` (QGIS 3.22 name, checked in the "
        "registry), in-process with `processing.run`, memory layers in and out, no ellipsoid "
        "(planimetric: its cheaper path), once per category — nearest distance only. It is run on "
        "a random subset of {:,} of the {:,} points and **scaled linearly** (× {:.0f}); building "
        "the memory layers is not timed.".format(b1["native_points"], b1["n_points"],
                                                 b1.get("native_scale_factor", 0)),
        "",
        "| category | ours: compute_coverage nearest | bare KD-tree | ratio | native, {:,} points |"
        .format(b1["native_points"]),
        "|---|---:|---:|---:|---:|",
    ]
    for code in codes:
        lines.append("| {} | {:.3f} s | {:.3f} s | {:.2f}× | {} |".format(
            code, med["ours_nearest_" + code], med["bare_" + code], r["nearest_over_bare_" + code],
            "{:.2f} s".format(med["native_" + code]) if "native_" + code in med else "—"))
    lines += [
        "| **all** | {:.2f} s | {:.2f} s | {:.2f}× | {} |".format(
            sum(med["ours_nearest_" + c] for c in codes), sum(med["bare_" + c] for c in codes),
            r["nearest_over_bare_all"],
            "{:.1f} s".format(b1["native_subset_total"]) if "native_subset_total" in b1 else "—"),
        "",
        "| {:,} points, 6 categories | median |".format(b1["n_points"]),
        "|---|---:|",
        "| our full run (nearest + cumulative + E2SFCA) | **{:.2f} s** (nearest {:.2f} s, "
        "cumulative {:.2f} s, e2sfca {:.2f} s) |".format(
            med["full"], med["full_nearest"], med["full_cumulative"], med["full_e2sfca"]),
        "| core route (pairs shared) | {:.2f} s |".format(med["core"]),
        "| bare KD-tree nearest query, 6 categories | {:.2f} s |".format(
            sum(med["bare_" + c] for c in codes)),
    ]
    if "native_estimate" in b1:
        pp = b1["native_per_point_us"]
        lines += [
            "| native nearest hub, estimated (subset × {:.0f}) | **{:,.0f} s** ({:.1f} min) |".format(
                b1["native_scale_factor"], b1["native_estimate"], b1["native_estimate"] / 60),
            "",
            "* **ratio native / our full run: {:.1f}×** (goal ≥ 20×); native / core route: "
            "{:.1f}×. Our full run computes three metrics, the native route only the nearest "
            "distance.".format(r["native_over_full"], r["native_over_core"]),
            "* without any extrapolation, on the same {:,}-point subset: native {:.1f} s, "
            "`compute_coverage` nearest {:.2f} s: **{:.0f}×**.".format(
                b1["native_points"], b1["native_subset_total"], med["sub_ours"],
                r["native_over_ours_same_subset"]),
            "* is linear scaling fair to QGIS? Its cost per point, category `{}`: {:.0f} µs on "
            "{:,} points, {:.0f} µs on {:,} points (median of the rounds). It does not fall "
            "with size (the algorithm loops over points in Python, one spatial-index query and "
            "one feature request each), so scaling the subset linearly does not overstate the "
            "native time.".format(pp["category"], pp["subset_us"], pp["subset"],
                                   pp["quarter_us"], pp["quarter"]),
            "* correctness: on the subset, the native distances equal ours (largest difference "
            "{:.1e} m).".format(b1["native_max_abs_diff_m"]),
        ]
        if "native_over_e2e_same_subset" in r:
            lines.append(
                "* end to end on QGIS layers (not a goal of the issue): `ville_numerique:coverage`"
                " (METHOD=nearest, all categories, reading the memory layers and writing the "
                "output layer and JSON summary) takes {:.1f} s on the {:,}-point subset, the native"
                " route {:.1f} s for the 6 categories: **{:.1f}×**. Reading and writing features "
                "in Python dominates our time there.".format(
                    med["e2e"], b1["native_points"], b1["native_subset_total"],
                    r["native_over_e2e_same_subset"]))
    mem = b1["memory"]
    lines += [
        "",
        "**Memory** of our full run (the three results kept until the end): peak resident set "
        "{} — {} above the {} resident before it (data, numpy, scipy; QGIS not loaded yet). "
        "Measured as the process's VmHWM after resetting it (`{}`), so cKDTree's C++ buffers "
        "count too. Goal < 3 GB: **{}**.".format(
            _gib(mem["peak"]), _gib(mem["increase"]), _gib(mem["baseline"]), mem["method"],
            "met" if mem["peak"] < 3 * GB else "NOT MET"),
        "",
        _load(b1),
        "",
    ]
    if "profile_full" in b1:
        lines += _profile("cProfile of our full run (top functions by own time)",
                          b1["profile_full"])
        lines += _profile("cProfile of compute_coverage(method=\"nearest\")",
                          b1["profile_nearest"])
    return lines


def _b2(b2):
    if "failed" in b2:
        return _failed("B2", b2)
    med, r = b2["medians"], b2["ratios"]
    d = b2.get("diagnostics", {})
    lines = [
        "## B2 — walking network",
        "",
        "**Data** (`bench/synthetic.py`, seed {}): a **synthetic** street grid (not the real "
        "Maisons-Laffitte network tiled): crossings every 100 m moved by a 15 m normal jitter, 8 % "
        "of the block sides dropped, 30 % bent by an extra vertex, 3 % of the blocks with a "
        "diagonal footway, cut into {:,} OSM-like ways with a `highway` tag; two motorways are "
        "left out by the pedestrian filter ({} ways). Built graph: **{:,} edges**, {:,} nodes, "
        "{:.1f} km wide, placed near Paris in Lambert-93. {:,} address points (12 neighbourhoods "
        "+ 20 % uniform), {:,} services in the 6 categories of B1. Snapping: mean {} m, max {} m; "
        "{} points beyond the 200 m max snap.".format(
            b2["seed"], b2["n_lines"], b2["n_lines_not_walkable"], b2["n_edges"], b2["n_nodes"],
            b2["size_m"] / 1000, b2["n_points"], b2["n_services"],
            d.get("population_snap_distance_mean_m"), d.get("population_snap_distance_max_m"),
            d.get("population_too_far_from_network", "?")),
        "",
        "**Ours** (timed from the line arrays and their attributes): `WalkNetwork(lines, "
        "attributes)` + `compute_coverage(method=\"nearest\", engine=NetworkEngine(network, "
        "max_snap=200))` for the 6 categories (per category one `nearest_service`: snapping of "
        "the points and services, then one multi-source Dijkstra without cut-off).",
        "",
        "| | median |",
        "|---|---:|",
        "| ours, total | **{:.2f} s** |".format(med["ours"]),
        "| of which network build | {:.2f} s |".format(med["build"]),
        "| `nearest_service`, 6 categories | {:.2f} s ({}) |".format(
            med["nearest"], ", ".join("{} {:.2f}".format(c, med["nearest_" + c])
                                      for c in b2["categories"])),
    ]
    if "native" in b2:
        n = b2["native"]
        subsets = n["end_point_subsets"]
        lines += [
            "| native `shortestpathpointtolayer`, one service → {:,} points | {:.2f} s |".format(
                subsets[0], med["native_{}".format(subsets[0])]),
            "| native, one service → {:,} points | {:.2f} s |".format(
                subsets[-1], med["native_{}".format(subsets[-1])]),
            "",
            "**Native route.** QGIS 3.22 has no multi-source nearest-facility algorithm; "
            "`native:shortestpathpointtolayer` (shortest, both directions, tolerance 0, "
            "in-process, memory layers, walkable lines only) gives the network cost from one "
            "start point to every end point. The nearest service of each of the {:,} points "
            "thus needs **{:,} runs** (one per service; the minimum per category is then free), "
            "each rebuilding the graph from the layer. Measured on one service per round "
            "(a different one each round) with {:,} and {:,} end points; fitted as "
            "{:.2f} s per run + {:.3f} ms per end point, a run with all {:,} points is "
            "estimated at {:.0f} s, so the route at **{:,.0f} s ({:.1f} h)**. Lower bound "
            "without extrapolation in the number of points: {:,} runs × {:.2f} s (the "
            "{:,}-point run) = {:,.0f} s.".format(
                b2["n_points"], n["runs_needed"], subsets[0], subsets[-1], n["fixed_s"],
                n["per_point_ms"], b2["n_points"], n["per_run_estimate_s"], n["estimate_s"],
                n["estimate_s"] / 3600, n["runs_needed"], med["native_{}".format(subsets[0])],
                subsets[0], n["lower_bound_s"]),
            "",
            "* **ratio native / ours: {:,.0f}×** on the estimate, **{:,.0f}×** on the lower "
            "bound (goal ≥ 50×; the goal is judged on the lower bound).".format(
                r["native_over_ours"], r["native_lower_bound_over_ours"]),
            "* correctness: QGIS's costs (between its tie points, no snapping distance) against "
            "our distance minus the two snapping distances, same service, {:,} points: relative "
            "difference median {}, max {}, of the order of the Lambert-93 scale error there "
            "(scale factor 0.99991: QGIS measures edge lengths on the ellipsoid, ours in the "
            "plane); points without a route in QGIS: {}.".format(
                n["checks"][0]["compared"] if n["checks"] else 0,
                ", ".join("{:.1e}".format(c["median_relative_difference"] or 0)
                          for c in n["checks"]),
                ", ".join("{:.1e}".format(c["max_relative_difference"] or 0) for c in n["checks"]),
                ", ".join(str(c["qgis_without_route"]) for c in n["checks"])),
        ]
    mem = b2["memory"]
    lines += [
        "",
        "**Memory** of ours: peak resident {}, {} above the baseline.".format(
            _gib(mem["peak"]), _gib(mem["increase"])),
        "",
        _load(b2),
        "",
    ]
    if "profile_ours" in b2:
        lines += _profile("cProfile of ours (build + nearest, 6 categories)", b2["profile_ours"])
    return lines


def _b3(b3):
    if "failed" in b3:
        return _failed("B3", b3)
    lines = [
        "## B3 — E2SFCA against PySAL `access`",
        "",
        "**Data**: `synthetic_towns` with {:,} demand cells and {:,} services in a 100 km square "
        "(a populated département), supply weights = hours open a week (uniform 4–60); the "
        "**same** {:,} straight-line pairs within {:,.0f} m (made once by `euclidean_pairs` in "
        "{:.3f} s, outside every timing) given to both tools as arrays `i, j, cost`.".format(
            b3["n_demand"], b3["n_supply"], b3["pairs"], b3["threshold_m"], b3["pairs_seconds"]),
        "",
        "**What is timed**: *ours* = `CostPairs(i, j, cost)` (with its input checks) + "
        "`enhanced_two_step_fca(pairs, population, hours, decay)`; *PySAL* = "
        "`Access(demand_df, supply_df, cost_df)` + `enhanced_two_stage_fca(max_cost, weight_fn)` "
        "from DataFrames built beforehand (the figure the goal is judged on, the most "
        "favourable to PySAL); *PySAL with frames* = the same plus building its three DataFrames "
        "from the same numpy arrays. PySAL leaves demand without supply in reach NaN, ours 0: "
        "NaN is read as 0 before comparing.",
        "",
        "| decay | ours | PySAL | PySAL with frames | ratio | ratio with frames | max relative difference |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for d in b3["decays"].values():
        med = d["medians"]
        lines.append("| {} | {:.4f} s | {:.3f} s | {:.3f} s | **{:,.0f}×** | {:,.0f}× | {:.1e} |"
                     .format(d["label"], med["ours"], med["pysal"], med["pysal_with_frames"],
                             d["ratio"], d["ratio_with_frames"], d["max_relative_difference"]))
    gaussian = b3["decays"].get("gaussian")
    if gaussian:
        ours_all = gaussian["medians"]["ours"] + b3["pairs_seconds"]
        lines += ["", "Even counting the making of the pairs from the coordinates on our side "
                  "(PySAL is given them), gaussian: ours {:.3f} s, PySAL {:.3f} s: {:,.0f}×."
                  .format(ours_all, gaussian["medians"]["pysal"],
                          gaussian["medians"]["pysal"] / ours_all)]
    lines += ["", _load(b3), ""]
    if "profile_pysal" in b3:
        lines += _profile("cProfile of PySAL (gaussian)", b3["profile_pysal"])
        lines += _profile("cProfile of ours (gaussian)", b3["profile_ours"])
    return lines


NOTES = [
    "## Where the time goes (reading the profiles)",
    "",
    "* B1, `compute_coverage(method=\"nearest\")`: the KD-tree query itself (shown as "
    "`acquire` of `_thread.lock`: scipy's worker threads) and `weighted_median`'s "
    "`argsort(kind=\"stable\")` of the 2 M distances, once per category, for the summary's "
    "median distance. The sort is the main overhead over a bare KD-tree query.",
    "* B1, `cumulative` / `e2sfca`: `euclidean_pairs` rebuilds a KD-tree on each 200,000-point "
    "chunk of the population and re-sorts the points by x, for every category and every call; "
    "each `compute_coverage` call also repeats the nearest query. The three product runs thus "
    "build 3 × 6 nearest trees and 2 × 6 × 10 chunk trees over the same points.",
    "* B2: per category, `nearest_service` snaps all population points again (KD-tree of the "
    "edge samples, `_project` on 8 candidate edges) and rebuilds the augmented graph before "
    "its single Dijkstra; the Dijkstra itself is about a third of the time.",
    "* B3: PySAL applies the weight function to each pair through `Series.apply` (one Python "
    "call per pair) and merges DataFrames; ours is a few vectorised `bincount`.",
    "",
]
