"""End-to-end benchmark (issue 14): whole ``qgis_process.bin`` runs, as a user waits for them.

For each size (10 k, 100 k, 500 k cells; 2 M with ``BENCH_FULL=1``) it
generates — synthetic data built to the INSEE 200 m grid's shape, not real
data — a GeoPackage of 200 m square cells (polygons, Lambert-93, field
``ind`` inhabitants) and a GeoPackage of services in proportion (one per 50
cells, six categories, field ``categories``), then times, as separate
processes, each measured with its peak resident memory (``os.wait4``):

- ``ville_numerique:coverage`` METHOD=nearest, and METHOD=e2sfca, output GeoPackage;
- the fastest native route a QGIS expert would chain for the same nearest
  distances: ``native:joinbynearest`` (NEIGHBORS=1), one ``qgis_process``
  run per category (services of that category in their own layer), chained
  so that the last output holds the six distances;
- the "physical limit": ``bench/physical_limit.py`` (GDAL Arrow read,
  centroids in numpy, one cKDTree per category, GDAL copy + one SQLite
  transaction writing the same fields as ``coverage``).

    /usr/bin/python3 -P bench/bench_end_to_end.py --json out.json [--sizes 10000 100000] [--repeats 3]
"""

import argparse
import json
import math
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CATEGORIES = ("epn", "france_services", "conseiller_numerique", "tiers_lieu", "wifi", "mediatheque")
CELL = 200.0
ORIGIN = (600000.0, 6800000.0)  # Lambert-93, northern France
CELLS_PER_SERVICE = 50


# --------------------------------------------------------------------------- data
def _gpkg_blob_header(srs_id, envelope):
    """GeoPackage geometry header: magic, version 0, flags (little endian, xy envelope), srs id."""
    return b"GP" + bytes([0, 0b00000011]) + struct.pack("<i", srs_id) + struct.pack("<4d", *envelope)


def _empty_layer(path, name, geometry_type, fields):
    from osgeo import ogr, osr

    ogr.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.Open(str(path), update=1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(
        str(path))
    layer = dataset.CreateLayer(name, srs, geometry_type, options=["SPATIAL_INDEX=NO"])
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    dataset = None


def _finish(path, name, xmin, ymin, xmax, ymax):
    from osgeo import ogr

    connection = sqlite3.connect(str(path))
    connection.execute("UPDATE gpkg_contents SET min_x=?, min_y=?, max_x=?, max_y=? WHERE table_name=?",
                       (xmin, ymin, xmax, ymax, name))
    connection.commit()
    connection.close()
    dataset = ogr.Open(str(path), update=1)
    dataset.ExecuteSQL("SELECT CreateSpatialIndex('{}', 'geom')".format(name))
    dataset = None


def generate(n_cells, folder, seed=14):
    """``cells.gpkg`` (layer ``cells``) and ``services.gpkg`` (``services`` + one layer per category)."""
    from osgeo import ogr

    rng = np.random.default_rng(seed)
    side = int(math.ceil(math.sqrt(n_cells)))
    index = np.arange(n_cells)
    x0 = ORIGIN[0] + (index % side) * CELL
    y0 = ORIGIN[1] + (index // side) * CELL
    cells = folder / "cells.gpkg"
    _empty_layer(cells, "cells", ogr.wkbPolygon, [("idcar_200m", ogr.OFTString), ("ind", ogr.OFTReal),
                                                  ("men_pauv", ogr.OFTReal)])
    ind = np.round(rng.gamma(0.6, 40.0, n_cells), 1)
    poor = np.round(ind * rng.uniform(0, 0.2, n_cells), 1)
    wkb_head = struct.pack("<BIII", 1, 3, 1, 5)
    rows = []
    for i in range(n_cells):
        a, b = float(x0[i]), float(y0[i])
        envelope = (a, a + CELL, b, b + CELL)
        ring = struct.pack("<10d", a, b, a + CELL, b, a + CELL, b + CELL, a, b + CELL, a, b)
        rows.append((i + 1, _gpkg_blob_header(2154, envelope) + wkb_head + ring,
                     "CRS3035RES200mN{}E{}".format(int(b), int(a)), float(ind[i]), float(poor[i])))
    connection = sqlite3.connect(str(cells))
    connection.executemany("INSERT INTO cells (fid, geom, idcar_200m, ind, men_pauv) VALUES (?,?,?,?,?)", rows)
    connection.commit()
    connection.close()
    del rows
    _finish(cells, "cells", float(x0.min()), float(y0.min()), float(x0.max() + CELL), float(y0.max() + CELL))

    services = folder / "services.gpkg"
    n_services = max(len(CATEGORIES), n_cells // CELLS_PER_SERVICE)
    sx = ORIGIN[0] + rng.uniform(0, side * CELL, n_services)
    sy = ORIGIN[1] + rng.uniform(0, (n_cells / side) * CELL, n_services)
    category = np.arange(n_services) % len(CATEGORIES)
    layers = [("services", np.ones(n_services, dtype=bool))] + [
        ("services_" + code, category == k) for k, code in enumerate(CATEGORIES)]
    for name, mask in layers:
        _empty_layer(services, name, ogr.wkbPoint, [("categories", ogr.OFTString)])
        connection = sqlite3.connect(str(services))
        connection.executemany(
            "INSERT INTO {} (geom, categories) VALUES (?, ?)".format(name),
            [(_gpkg_blob_header(2154, (float(x), float(x), float(y), float(y))) + struct.pack("<BIdd", 1, 1, x, y),
              CATEGORIES[c]) for x, y, c in zip(sx[mask], sy[mask], category[mask])])
        connection.commit()
        connection.close()
        _finish(services, name, float(sx[mask].min()), float(sy[mask].min()), float(sx[mask].max()),
                float(sy[mask].max()))
    return cells, services, n_services


# --------------------------------------------------------------------------- runs
def qgis_env(home):
    env = dict(os.environ)
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(name, None)
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(ROOT / ".build" / "plugins"), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(home), VILLE_NUMERIQUE_LANG="en")
    link = ROOT / ".build" / "plugins" / "ville_numerique"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    subprocess.run(["qgis_process.bin", "plugins", "enable", "ville_numerique"], env=env, capture_output=True,
                   timeout=300)
    return env


def timed_process(commands, env):
    """Run ``commands`` one after the other; (seconds, peak RSS bytes of the largest process)."""
    started = time.perf_counter()
    peak = 0
    for command in commands:
        with tempfile.TemporaryFile() as errors:
            proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                errors.seek(0)
                raise RuntimeError("{} failed ({}): {}".format(command[:4], proc.returncode,
                                                               errors.read().decode()[-2000:]))
        peak = max(peak, usage.ru_maxrss * 1024)
    return time.perf_counter() - started, peak


def routes(cells, services, out):
    population = "{}|layername=cells".format(cells)
    svc = "{}|layername=services".format(services)

    def coverage(method):
        target = out / "coverage_{}.gpkg".format(method)
        return [["qgis_process.bin", "run", "ville_numerique:coverage", "--", "POPULATION=" + population,
                 "POPULATION_FIELD=ind", "SERVICES=" + svc, "CATEGORY_FIELD=categories", "METHOD=" + method,
                 "OUTPUT=" + str(target), "SUMMARY=" + str(out / "summary_{}.json".format(method))]]

    native = []
    previous = population
    for k, code in enumerate(CATEGORIES):
        target = out / "native_{}.gpkg".format(k)
        native.append(["qgis_process.bin", "run", "native:joinbynearest", "--", "INPUT=" + previous,
                       "INPUT_2={}|layername=services_{}".format(services, code), "FIELDS_TO_COPY=categories",
                       "DISCARD_NONMATCHING=false", "PREFIX={}_".format(code[:3]), "NEIGHBORS=1",
                       "OUTPUT=" + str(target)])
        previous = str(target)
    physical = [[sys.executable, "-P", str(BENCH / "physical_limit.py"), str(cells), str(services),
                 str(out / "physical.gpkg")]]
    return {"coverage_nearest": coverage("nearest"), "coverage_e2sfca": coverage("e2sfca"),
            "native_joinbynearest": native, "physical_limit": physical}


def growth_exponent(sizes, times):
    """Slope of log(time) against log(cells), least squares."""
    if len(sizes) < 2:
        return None
    slope, _ = np.polyfit(np.log(sizes), np.log(times), 1)
    return float(slope)


def load():
    try:
        return list(os.getloadavg())
    except OSError:
        return None


def run(sizes, repeats, native_max, workdir):
    home = Path(tempfile.mkdtemp(prefix="vn-e2e-home-"))
    env = qgis_env(home)
    results = {"sizes": {}, "categories": list(CATEGORIES), "cells_per_service": CELLS_PER_SERVICE}
    for n in sizes:
        folder = Path(tempfile.mkdtemp(prefix="vn-e2e-{}-".format(n), dir=workdir))
        started = time.perf_counter()
        cells, services, n_services = generate(n, folder)
        entry = {"cells": n, "services": n_services, "generate_s": time.perf_counter() - started, "routes": {}}
        print("{:,} cells, {:,} services (generated in {:.1f} s)".format(n, n_services, entry["generate_s"]),
              flush=True)
        for name, commands in routes(cells, services, folder).items():
            rounds = repeats if n <= 100000 else 1
            if name == "native_joinbynearest" and n > native_max:
                entry["routes"][name] = {"skipped": "above {:,} cells (BENCH_NATIVE_MAX)".format(native_max)}
                continue
            times, peaks, loads = [], [], []
            for _ in range(rounds):
                before = load()
                seconds, peak = timed_process(commands, env)
                times.append(seconds)
                peaks.append(peak)
                loads.append({"before": before, "after": load()})
            entry["routes"][name] = {"times_s": times, "median_s": float(np.median(times)), "peak_rss": max(peaks),
                                     "runs": len(commands), "load": loads}
            print("  {:<22} {:8.2f} s  {:7.0f} MB  load {}".format(
                name, float(np.median(times)), max(peaks) / 1e6, loads[-1]["after"]), flush=True)
        results["sizes"][str(n)] = entry
    ns = [int(k) for k in results["sizes"]]
    results["growth_exponent"] = {}
    for name in ("coverage_nearest", "coverage_e2sfca", "native_joinbynearest", "physical_limit"):
        points = [(n, results["sizes"][str(n)]["routes"][name]["median_s"]) for n in ns
                  if "median_s" in results["sizes"][str(n)]["routes"].get(name, {})]
        results["growth_exponent"][name] = growth_exponent([p[0] for p in points], [p[1] for p in points])
        results.setdefault("growth_exponent_largest", {})[name] = growth_exponent(
            [p[0] for p in points[-2:]], [p[1] for p in points[-2:]])
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", required=True)
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10000, 100000, 500000] + ([2000000] if os.environ.get("BENCH_FULL") else []))
    native_max = int(os.environ.get("BENCH_NATIVE_MAX", "500000"))
    with tempfile.TemporaryDirectory(prefix="vn-e2e-") as workdir:
        results = run(sizes, args.repeats, native_max, workdir)
    results["repeats"] = args.repeats
    Path(args.json).write_text(json.dumps({"e2e": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
