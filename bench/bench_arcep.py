"""Benchmark of the ARCEP readers on a synthetic full département (issue 16).

    .venv/bin/python bench/bench_arcep.py                 # ≈ 700,000 buildings, ≈ 8.4 M eligibility rows
    .venv/bin/python bench/bench_arcep.py --scale 0.05    # smoke run
    .venv/bin/python bench/bench_arcep.py --append        # also append the section to bench/RESULTS.md

The files are generated at run time in a temporary folder (``tests/arcep_format.py``:
CONSTRUCTED to the ARCEP format, invented buildings, never real data): ``base_imb``
(700,000 buildings, coordinates EPSG:3857 over ~50 × 33 km) and ``actuel`` (12 rows
per building: two satellite, fixed 4G, copper, fibre for ~2 buildings in 3, more copper).
The measured part runs in a child process (a clean memory peak): read every building
(no bbox: the whole département), stream every eligibility row into the per-building
flags, give each building a 200 m cell and compute the five unit fields, then the area
shares. Goals: under 60 s and under 1.5 GB (peak resident memory of the child).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

sys.path.insert(0, str(common.ROOT / "tests"))
from arcep_format import write_synthetic_department  # noqa: E402

BUILDINGS = 700_000
ROWS_PER_BUILDING = 12
GOAL_SECONDS = 60.0
GOAL_BYTES = 1.5e9

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {plugins!r})
import numpy as np
t0 = time.perf_counter()
from ville_numerique.core import arcep
t_import = time.perf_counter() - t0
t = time.perf_counter()
b = arcep.read_buildings({b!r}, bbox={bbox!r})
t_buildings = time.perf_counter() - t
t = time.perf_counter()
e = arcep.read_eligibility({e!r}, b)
t_rows = time.perf_counter() - t
t = time.perf_counter()
cell = np.floor(b.x / 200).astype(np.int64) * 1_000_000 + np.floor(b.y / 200).astype(np.int64)
cells, unit = np.unique(cell, return_inverse=True)
fields = arcep.unit_indicators(len(cells), unit, np.arange(len(b)), b.premises, e.flags)
area = arcep.area_indicators(b.premises, e.flags)
t_units = time.perf_counter() - t
print(json.dumps({{
    "import_s": t_import, "buildings_s": t_buildings, "eligibility_s": t_rows, "units_s": t_units,
    "total_s": time.perf_counter() - t0, "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "buildings": len(b), "rows": e.n_rows, "matched": e.n_matched, "cells": int(len(cells)),
    "cells_with_premises": int(np.isfinite(fields["premises"]).sum()), "area": area,
}}))
"""


def sample_load(stop, samples):
    while not stop.is_set():
        load = common.load_average()
        if load:
            samples.append(load[0])
        stop.wait(5)


def run_child(buildings, rows, bbox=None):
    code = CHILD.format(plugins=str(common.ROOT / ".build" / "plugins"), b=str(buildings), e=str(rows), bbox=bbox)
    stop, samples = threading.Event(), []
    thread = threading.Thread(target=sample_load, args=(stop, samples), daemon=True)
    thread.start()
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
    finally:
        stop.set()
        thread.join()
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    result = json.loads(proc.stdout)
    result["load"] = round(common.median(samples), 2) if samples else None
    return result


def markdown(full, town, gen, scale, info):
    ok_time = full["total_s"] < GOAL_SECONDS
    ok_memory = full["peak_rss"] < GOAL_BYTES
    v = info["versions"]
    lines = [
        "",
        "## ARCEP readers — a synthetic full département (issue 16, `bench/bench_arcep.py`)",
        "",
        "Run on {} UTC, git `{}`, scale {:g}; machine {} ({} cores, {} GiB), {}; Python {}, numpy {}, pandas {}."
        .format(datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"), git_head(), scale,
                info["cpu"], info["cores"], info["ram_gib"], info["os"], v.get("python"), v.get("numpy"),
                v.get("pandas")),
        "",
        "**Data** (constructed to the ARCEP format, generated at run time by `tests/arcep_format.py`, "
        "{:.0f} s): {:,} buildings (`base_imb`, EPSG:3857, {:.0f} MB gzip) and {:,} eligibility rows "
        "(`actuel`, {:.0f} MB gzip, {:.0f} MB once decompressed)."
        .format(gen["seconds"], full["buildings"], gen["buildings_mb"], full["rows"], gen["rows_mb"],
                gen["rows_raw_mb"]),
        "",
        "| run | buildings kept | rows read | buildings | eligibility | 200 m cells + shares | total (incl. imports) "
        "| peak memory | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in (("whole département (no bbox)", full), ("a 5 km × 5 km study area (bbox)", town)):
        lines.append("| {} | {:,} | {:,} | {:.1f} s | {:.1f} s | {:.2f} s | **{:.1f} s** | **{:.2f} GB** | {} |".format(
            label, r["buildings"], r["rows"], r["buildings_s"], r["eligibility_s"], r["units_s"], r["total_s"],
            r["peak_rss"] / 1e9, r["load"]))
    lines += [
        "",
        "Goals for the whole département: under {:.0f} s — {} ({:.1f} s); under {:.1f} GB — {} ({:.2f} GB, "
        "peak resident memory of the reading process, `ru_maxrss`). Area shares: {}."
        .format(GOAL_SECONDS, "met" if ok_time else "**not met**", full["total_s"], GOAL_BYTES / 1e9,
                "met" if ok_memory else "**not met**", full["peak_rss"] / 1e9, json.dumps(full["area"])),
        "The load column is the median 1-minute load average during the run (2 cores shared with other "
        "developers: above ~1, the timing did not have a core to itself).",
        "",
    ]
    return "\n".join(lines)


def gzip_size(path):
    """Decompressed size of a one-member gzip file under 4 GiB (its ISIZE trailer)."""
    with open(path, "rb") as handle:
        handle.seek(-4, os.SEEK_END)
        return int.from_bytes(handle.read(4), "little")


def git_head():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=common.ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--append", action="store_true", help="append the section to bench/RESULTS.md")
    args = parser.parse_args()
    n = max(1000, int(BUILDINGS * args.scale))
    with tempfile.TemporaryDirectory(prefix="bench_arcep_") as folder:
        buildings, rows = Path(folder) / "base_imb_62.csv.gz", Path(folder) / "actuel_62.csv.gz"
        t = time.perf_counter()
        n_rows = write_synthetic_department(buildings, rows, n, ROWS_PER_BUILDING, bbox=(1.9, 50.6, 2.6, 50.9))
        gen = {"seconds": time.perf_counter() - t, "rows": n_rows,
               "buildings_mb": buildings.stat().st_size / 1e6, "rows_mb": rows.stat().st_size / 1e6,
               "rows_raw_mb": gzip_size(rows) / 1e6}
        print("generated {:,} buildings and {:,} rows in {:.0f} s".format(n, n_rows, gen["seconds"]), flush=True)
        full = run_child(buildings, rows)
        print("whole département: {:.1f} s, {:.2f} GB".format(full["total_s"], full["peak_rss"] / 1e9), flush=True)
        town = run_child(buildings, rows, bbox=(2.20, 50.73, 2.27, 50.775))
        print("5 km study area: {:.1f} s, {:.2f} GB".format(town["total_s"], town["peak_rss"] / 1e9), flush=True)
    text = markdown(full, town, gen, args.scale, common.machine())
    print(text)
    if args.append:
        with open(common.BENCH / "RESULTS.md", "a", encoding="utf-8") as stream:
            stream.write(text)
    return 0 if full["total_s"] < GOAL_SECONDS and full["peak_rss"] < GOAL_BYTES else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
