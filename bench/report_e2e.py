"""The end-to-end part of ``bench/RESULTS.md`` (issue 14), from ``bench_end_to_end.py``'s JSON."""

GB = 1e9
#: Above this 1-minute load average (2 cores, our run counts for ~1) another process shared the CPU.
LOADED = 1.6

#: (family, title, ours, native, physical limit, native route named, what the physical limit does)
FAMILIES = (
    ("coverage", "`ville_numerique:coverage`", ("coverage_nearest", "coverage_e2sfca"),
     ("native_joinbynearest_model", "native_joinbynearest"), "physical_limit",
     "`native:joinbynearest` (NEIGHBORS=1) once per category on the services of that category, chained (the "
     "output of one the input of the next), tried two ways: as **one graphical model** of the 6 steps "
     "(`bench/native_model.py`, what the Graphical Modeler saves: one `qgis_process` run, temporary layers "
     "between the steps) and as **6 `qgis_process` runs** writing a GeoPackage each. The ratio takes the "
     "faster measured at that size (the model; the 6 runs only up to 100,000 cells). "
     "`qgis:distancetonearesthubpoints` is slower (it is the anchor of the compute-core table below) and was "
     "not timed here.",
     "`bench/physical_limit.py`: GDAL Arrow read, centroids in numpy, one cKDTree per category, then the same "
     "write as ours: an empty copy of the cells' table, one SQLite `INSERT … SELECT` joining the cells with "
     "their 19 result fields (geometry blobs copied), the cells' R-tree copied. (`--gdal-write`: GDAL copies "
     "the cells, one `UPDATE` per row, the floor the issue first described; slower.)"),
    ("scenario", "`ville_numerique:scenario` (two coverages: before, after the planned services)", ("scenario",),
     ("native_scenario_model", "native_scenario"), "physical_scenario",
     "the coverage native route twice: `native:joinbynearest` × 6 categories on the existing services, then × 6 "
     "on existing + planned services (one layer per category), all chained: one model of 12 steps, or 12 "
     "`qgis_process` runs (up to 100,000 cells); it gives the 12 distances only (no newly-covered flags, no "
     "scores).",
     "`bench/physical_limit.py --planned`: as above, two cKDTree queries per category, the same 21 fields "
     "as the scenario (distances before/after, newly covered, scores)."),
    ("fragility", "`ville_numerique:fragility_ifn` (area overlay of the zones' scores on the cells)",
     ("fragility",), ("native_fragility_model", "native_fragility"), "physical_fragility",
     "the shortest chain of QGIS tools we found that computes the same area-weighted score from the command "
     "line: `native:joinattributestable` (score onto the zones) → `native:intersection` (cells × zones) → "
     "`native:fieldcalculator` ×2 (area × score, area) → `qgis:statisticsbycategories` ×2 (sums per cell) → "
     "`native:joinattributestable` ×2 (back onto the cells) → `native:fieldcalculator` (the mean), as one "
     "graphical model of the 9 steps (`bench/native_model.py`) and as 9 `qgis_process` runs (up to 100,000 "
     "cells); the ratio takes the faster. Tried and left out: `native:joinbylocationsummary` (fast, but its "
     "mean is not weighted by area: not the same result); `native:aggregate` with area-weighted sums (its "
     "AGGREGATES parameter cannot be given to `qgis_process` 3.22 on the command line).",
     "`bench/physical_limit_fragility.py`: GDAL Arrow read of the square cells, cells far from every zone "
     "border take their area in the zone holding their centre (vectorised point-in-polygon), the others cut "
     "by GEOS (shapely), the same write as above with the two fields."),
)
LABEL = {"coverage_nearest": "ours, nearest", "coverage_e2sfca": "ours, e2sfca", "scenario": "ours, nearest",
         "fragility": "ours", "native_joinbynearest_model": "native, one model",
         "native_joinbynearest": "native, 6 runs", "native_scenario_model": "native, one model",
         "native_scenario": "native, 12 runs", "native_fragility_model": "native, one model",
         "native_fragility": "native, 9 runs"}


def _floor(entry, limit):
    """The least time of any algorithm run through ``qgis_process`` doing the physical limit's work: QGIS's
    start-up (without our plugin) plus the limit script less its own Python start-up and imports."""
    startup = _route(entry, "startup").get("median_s")
    imports = _route(entry, "limit_imports").get("median_s")
    if not (limit and startup and imports is not None):
        return None
    return startup + max(limit - imports, 0.0)


def _fastest(entry, names):
    """The fastest native route measured at this size, or None."""
    times = [_route(entry, n).get("median_s") for n in names]
    times = [t for t in times if t]
    return min(times) if times else None


def _route(entry, name):
    return entry["routes"].get(name, {})


def _loads(route):
    """(load at the start of the first round, load at the end of the last), 1-minute averages."""
    rounds = route.get("load") or []
    start = next((x["before"][0] for x in rounds if x.get("before")), None)
    end = next((x["after"][0] for x in reversed(rounds) if x.get("after")), None)
    return start, end


def _load_text(route):
    start, end = _loads(route)
    if start is None or end is None:
        return "load —"
    mark = " ⚠" if max(start, end) > LOADED else ""
    return "load {:.1f}→{:.1f}{}".format(start, end, mark)


def _cell(route):
    if "median_s" not in route:
        return route.get("skipped", "—")
    return "{:.1f} s, {:.0f} MB ({})".format(route["median_s"], route["peak_rss"] / 1e6, _load_text(route))


def goals(e2e):
    rows = []
    if not e2e or "failed" in e2e:
        return [{"id": "E2E", "goal": "end-to-end benchmark ran", "measured": "failed", "met": False}]
    for family, _, ours_names, native_names, limit_name, _, _ in FAMILIES:
        for size, entry in sorted(e2e["sizes"].items(), key=lambda kv: int(kv[0])):
            n = int(size)
            limit = _route(entry, limit_name).get("median_s")
            native = _fastest(entry, native_names)
            for name in ours_names:
                ours = _route(entry, name).get("median_s")
                if ours is None:
                    continue
                label = "{} ({})".format(family, LABEL[name]) if len(ours_names) > 1 else family
                floor = _floor(entry, limit)
                if n >= 100000 and limit:
                    startup = _route(entry, "startup").get("median_s")
                    bare = "; {:.2f}x without QGIS start-up".format((ours - startup) / limit) \
                        if startup and startup < ours else ""
                    bound = "; floor of any qgis_process run: {:.2f}x".format(floor / limit) if floor else ""
                    rows.append({"id": "E2E", "goal": "{:,} cells: {} within 2x of the physical limit".format(
                        n, label), "measured": "{:.2f}x{}{}".format(ours / limit, bare, bound),
                        "met": ours <= 2 * limit})
                if native and n >= 100000:  # the sizes; at 10,000 cells start-ups are all (see text)
                    bound = "; ceiling of any qgis_process run: {:.1f}x".format(native / floor) if floor else ""
                    rows.append({"id": "E2E", "goal": "{:,} cells: fastest native route / {} >= 10x".format(
                        n, label), "measured": "{:.2f}x{}".format(native / ours, bound), "met": native >= 10 * ours})
                if n >= 2000000:
                    peak = _route(entry, name).get("peak_rss")
                    if peak:
                        rows.append({"id": "E2E", "goal": "2 M cells: {} peak memory < 1.5 GB".format(label),
                                     "measured": "{:.2f} GB".format(peak / GB), "met": peak < 1.5 * GB})
        exponent = e2e.get("growth_exponent_largest", {}).get(ours_names[0])
        if exponent is not None:
            rows.append({"id": "E2E", "goal": "growth exponent of {} time, two largest sizes, <= 1.15".format(
                family), "measured": "{:.2f}".format(exponent), "met": exponent <= 1.15})
    return rows


def _exponents(e2e, names):
    every, largest = e2e.get("growth_exponent", {}), e2e.get("growth_exponent_largest", {})
    parts = []
    for name in names:
        if every.get(name) is None:
            continue
        parts.append("{} {:.2f} (two largest sizes {})".format(
            name.replace("_", " "), every[name], "—" if largest.get(name) is None else "{:.2f}".format(largest[name])))
    return "; ".join(parts)


def markdown(e2e, meta):
    if not e2e or "failed" in e2e:
        return ["## End to end (issue 14)", "", "**The benchmark failed**; see the console output.", ""]
    m = meta["machine"]
    machine = "{} ({} cores), {} GiB RAM, {}, QGIS {}".format(
        m["cpu"], m["cores"], m["ram_gib"], m["os"], m["versions"].get("QGIS"))
    lines = [
        "## End to end: what a user waits for (issue 14)",
        "",
        "**Machine**: {}. **When**: {} (`{}`), git `{}`.".format(machine, meta["date_utc"], meta["command"],
                                                                 meta["git"]),
        "",
        "Whole `qgis_process.bin` processes, timed from launch to exit (QGIS start-up, reading the "
        "layers, computing, writing the GeoPackage, and the style sidecar for ours). Median of {} rounds up "
        "to 100,000 cells, **one round** above; the native routes (minutes each): all rounds at 10,000 cells, "
        "one round above. Peak memory is the largest resident set of one process "
        "(`os.wait4`). Beside each time: the 1-minute load average at the start of its first round and at the "
        "end of its last (2 cores shared with other developers; ⚠ = above {}, i.e. another process shared "
        "the CPU: that time is slower than on an idle machine).".format(e2e.get("repeats", 3), LOADED),
        "",
        "**Data** (generated by `bench/bench_end_to_end.py`, synthetic, not real data): 200 m square "
        "cells as polygons in a GeoPackage (Lambert-93, fields `idcar_200m`, `ind`, `men_pauv`); "
        "services in proportion (one per {} cells, six categories); planned services for the scenario (one "
        "per {} cells); IRIS-like zones (about {} cells each, wiggly shared borders, a vertex every 50 m) "
        "and their score table (one zone in 20 without a score).".format(
            e2e.get("cells_per_service", 50), e2e.get("cells_per_planned", 500), e2e.get("zone_cells", 500)),
        "",
    ]
    startup = [(int(size), _route(entry, "startup"), _route(entry, "startup_plugin"))
               for size, entry in e2e["sizes"].items()]
    startup = [(n, r, p) for n, r, p in sorted(startup) if "median_s" in r]
    if startup:
        def timing(bare, loaded):
            text = "{:.2f} s ({})".format(bare["median_s"], _load_text(bare))
            if "median_s" in loaded:
                text += "; {:.2f} s with our plugin loaded ({})".format(loaded["median_s"], _load_text(loaded))
            return text

        lines += ["**QGIS start-up**: a `qgis_process.bin` run of `native:fieldcalculator` on the zones (a few "
                  "hundred features) takes " + ", ".join(timing(r, p) for _, r, p in startup) +
                  ". Every `qgis_process` run pays it once (ours 1×, the native routes 6×, 12× or 9×). The native "
                  "routes and this bare start-up run in a QGIS profile where our plugin is not enabled (loading it "
                  "would add its own start-up to each of their runs); ours in a profile where it is. The column "
                  "\"ours without QGIS start-up\" subtracts the bare start-up: our plugin's loading stays in ours.",
                  "",
                  "**Why no goal at 10,000 cells against the native route**: there, a native run is almost all "
                  "start-up, and so is ours: six runs against one cannot be 10× apart (the ratio is bounded by about "
                  "6× the start-up / ours). The issue sets the goals at 100,000, 500,000 and 2,000,000 cells; the "
                  "10,000-cell ratio is shown in the tables.", ""]
    for _, title, ours_names, native_names, limit_name, native_text, limit_text in FAMILIES:
        measured = [n for n in native_names if any(n in e["routes"] for e in e2e["sizes"].values())]
        names = list(ours_names) + (measured or list(native_names[:1])) + [limit_name]
        present = [n for n in names if any(n in e["routes"] for e in e2e["sizes"].values())]
        if not any(n in present for n in ours_names):
            continue
        headers = [LABEL[n] for n in names[:-1]] + ["physical limit"]
        lines += ["### " + title, "", "Native route: " + native_text, "", "Physical limit: " + limit_text, "",
                  "| cells | " + " | ".join(headers) + " | native / ours | ours / limit | same, ours without "
                  "QGIS start-up |",
                  "|---:|" + "---:|" * (len(headers) + 3)]
        for size, entry in sorted(e2e["sizes"].items(), key=lambda kv: int(kv[0])):
            ours = _route(entry, ours_names[0]).get("median_s")
            native = _fastest(entry, native_names)
            limit = _route(entry, limit_name).get("median_s")
            startup = _route(entry, "startup").get("median_s")
            lines.append("| {:,} | {} | {} | {} | {} |".format(
                int(size), " | ".join(_cell(_route(entry, n)) for n in names),
                "{:.1f}×".format(native / ours) if native and ours else "—",
                "{:.2f}×".format(ours / limit) if limit and ours else "—",
                "{:.2f}×".format((ours - startup) / limit) if limit and ours and startup and startup < ours else "—"))
        lines += ["", "Growth exponent (slope of log time on log cells, all sizes; start-up weighs on the small "
                  "sizes, so it is below 1 when the work is linear): " + (_exponents(e2e, names) or "—") + ".", ""]
    return lines
