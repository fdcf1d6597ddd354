"""End-to-end benchmark (issue 14): whole ``qgis_process.bin`` runs, as a user waits for them.

For each size (10 k, 100 k, 500 k cells; 2 M with ``BENCH_FULL=1``) it
generates — synthetic data built to the INSEE 200 m grid's shape, not real
data — a GeoPackage of 200 m square cells (polygons, Lambert-93, field
``ind`` inhabitants) and a GeoPackage of services in proportion (one per 50
cells, six categories, field ``categories``), then times, as separate
processes, each measured with its peak resident memory (``os.wait4``):

- ``ville_numerique:coverage`` METHOD=nearest, and METHOD=e2sfca, output GeoPackage;
- the native routes a QGIS expert would chain for the same nearest
  distances: ``native:joinbynearest`` (NEIGHBORS=1) once per category
  (services of that category in their own layer), chained so that the last
  output holds the six distances — as separate ``qgis_process`` runs, and
  as one graphical model (``bench/native_model.py``: one start-up, temporary
  layers between the steps); the report takes the faster as the anchor;
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
CELLS_PER_PLANNED = 500  # planned services of the scenario
ZONE_CELLS = 500  # cells per IRIS-like zone (an IRIS holds ~2,000 inhabitants)
ZONE_WIGGLE = 250.0  # metres, amplitude of the zones' borders


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
    planned = max(len(CATEGORIES), n_cells // CELLS_PER_PLANNED)
    px = ORIGIN[0] + rng.uniform(0, side * CELL, planned)
    py = ORIGIN[1] + rng.uniform(0, (n_cells / side) * CELL, planned)
    planned_category = np.arange(planned) % len(CATEGORIES)
    layers = [("planned", px, py, planned_category)] + [
        ("after_" + code, np.concatenate([sx[category == k], px[planned_category == k]]),
         np.concatenate([sy[category == k], py[planned_category == k]]), np.full(
            int((category == k).sum() + (planned_category == k).sum()), k)) for k, code in enumerate(CATEGORIES)]
    for name, xs, ys, cats in layers:
        _empty_layer(services, name, ogr.wkbPoint, [("categories", ogr.OFTString)])
        connection = sqlite3.connect(str(services))
        connection.executemany(
            "INSERT INTO {} (geom, categories) VALUES (?, ?)".format(name),
            [(_gpkg_blob_header(2154, (float(x), float(x), float(y), float(y))) + struct.pack("<BIdd", 1, 1, x, y),
              CATEGORIES[c]) for x, y, c in zip(xs, ys, cats)])
        connection.commit()
        connection.close()
        _finish(services, name, float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
    zones = folder / "zones.gpkg"
    n_zones = generate_zones(zones, side * CELL, math.ceil(n_cells / side) * CELL, rng)
    return cells, services, n_services, zones, n_zones


def _wiggle(rng, count):
    """``count`` smooth random curves of amplitude ZONE_WIGGLE (sums of three sines)."""
    amplitude = rng.uniform(0.2, 0.5, (count, 3)) * ZONE_WIGGLE
    wavelength = rng.uniform(1500.0, 4000.0, (count, 3))
    phase = rng.uniform(0, 2 * np.pi, (count, 3))
    return lambda i, t: (amplitude[i] * np.sin(2 * np.pi * np.asarray(t)[..., None] / wavelength[i]
                                               + phase[i])).sum(axis=-1)


def generate_zones(path, width, height, rng):
    """IRIS-like zones (synthetic): a partition of the cells' extent (+1 km) into blocks of about
    ZONE_CELLS cells with wiggly shared borders, one vertex every 50 m, and the table ``ifn``
    (``code_iris``, ``score``; one zone in 20 left out of the table)."""
    from osgeo import ogr

    size = math.sqrt(ZONE_CELLS) * CELL
    x_min, y_min = ORIGIN[0] - 1000.0, ORIGIN[1] - 1000.0
    nx, ny = max(1, round((width + 2000.0) / size)), max(1, round((height + 2000.0) / size))
    bx, by = (width + 2000.0) / nx, (height + 2000.0) / ny
    vertical, horizontal = _wiggle(rng, nx + 1), _wiggle(rng, ny + 1)

    def vx(i, y):  # vertical border i (the outer ones straight)
        return x_min + i * bx + (0 if i in (0, nx) else vertical(i, y))

    def hy(j, x):
        return y_min + j * by + (0 if j in (0, ny) else horizontal(j, x))

    corner = {}
    for i in range(nx + 1):
        for j in range(ny + 1):
            x, y = x_min + i * bx, y_min + j * by
            for _ in range(30):  # fixed point: the crossing of border i and border j
                x, y = vx(i, y), hy(j, x)
            corner[i, j] = (float(x), float(y))

    def edge_v(i, j):  # border i from corner (i, j) to (i, j + 1)
        (_, y0), (_, y1) = corner[i, j], corner[i, j + 1]
        ys = np.concatenate([[y0], np.arange(math.ceil(y0 / 50) * 50, y1, 50.0)[1:], [y1]])
        xs = np.array([vx(i, y) for y in ys])
        xs[0], xs[-1] = corner[i, j][0], corner[i, j + 1][0]
        return list(zip(xs.tolist(), ys.tolist()))

    def edge_h(i, j):  # border j from corner (i, j) to (i + 1, j)
        (x0, _), (x1, _) = corner[i, j], corner[i + 1, j]
        xs = np.concatenate([[x0], np.arange(math.ceil(x0 / 50) * 50, x1, 50.0)[1:], [x1]])
        ys = np.array([hy(j, x) for x in xs])
        ys[0], ys[-1] = corner[i, j][1], corner[i + 1, j][1]
        return list(zip(xs.tolist(), ys.tolist()))

    _empty_layer(path, "zones", ogr.wkbPolygon, [("code_iris", ogr.OFTString)])
    dataset = ogr.Open(str(path), update=1)
    layer = dataset.GetLayerByName("zones")
    table = dataset.CreateLayer("ifn", None, ogr.wkbNone)
    table.CreateField(ogr.FieldDefn("code_iris", ogr.OFTString))
    table.CreateField(ogr.FieldDefn("score", ogr.OFTReal))
    dataset.StartTransaction()
    count = 0
    for i in range(nx):
        for j in range(ny):
            ring = edge_h(i, j)[:-1] + edge_v(i + 1, j)[:-1] + edge_h(i, j + 1)[::-1][:-1] + edge_v(i, j)[::-1]
            wkt = "POLYGON(({}))".format(",".join("{!r} {!r}".format(x, y) for x, y in ring))
            code = "62{:03d}{:04d}".format(i % 1000, j % 10000)
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("code_iris", code)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
            count += 1
            if count % 20:
                row = ogr.Feature(table.GetLayerDefn())
                row.SetField("code_iris", code)
                row.SetField("score", float(rng.uniform(60, 160)))
                table.CreateFeature(row)
    dataset.CommitTransaction()
    dataset = None
    return count


# --------------------------------------------------------------------------- runs
def qgis_env(home, plugin=True):
    """Environment of the ``qgis_process.bin`` runs: a throwaway profile in ``home``, with our plugin
    enabled (``plugin``) or not (the native routes and the bare start-up: a QGIS without it)."""
    env = dict(os.environ)
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(name, None)
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(ROOT / ".build" / "plugins"), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(home), VILLE_NUMERIQUE_LANG="en")
    link = ROOT / ".build" / "plugins" / "ville_numerique"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    subprocess.run(["qgis_process.bin", "plugins", "enable" if plugin else "disable", "ville_numerique"], env=env,
                   capture_output=True, timeout=300)
    return env


#: Runs a command and writes its peak resident set (kB) to a file. Launched by a small process, so the
#: figure is the command's own: Linux carries a parent's resident set over fork into the child's
#: ``ru_maxrss``, and this benchmark holds the generated data (1 GB at 2 M cells) when it starts a route.
LAUNCHER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.execvp(sys.argv[2], sys.argv[2:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def timed_process(commands, env):
    """Run ``commands`` one after the other; (seconds, peak RSS bytes of the largest process)."""
    started = time.perf_counter()
    peak = 0
    for command in commands:
        with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as rss:
            code = subprocess.call(["/usr/bin/python3", "-S", "-c", LAUNCHER, rss.name] + command, env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors)
            if code != 0:
                errors.seek(0)
                raise RuntimeError("{} failed ({}): {}".format(command[:4], code, errors.read().decode()[-2000:]))
            peak = max(peak, int(rss.read() or 0) * 1024)
    return time.perf_counter() - started, peak


def write_models(folder):
    """The native routes as graphical models (``bench/native_model.py``): ``{kind: path}``."""
    models = {}
    for kind in ("coverage", "scenario", "fragility"):
        path = Path(folder) / "native_{}.model3".format(kind)
        subprocess.run([sys.executable, "-P", str(BENCH / "native_model.py"), str(path), kind] + list(CATEGORIES),
                       check=True, capture_output=True, timeout=300)
        models[kind] = path
    return models


def routes(cells, services, zones, out, models=None):
    population = "{}|layername=cells".format(cells)
    svc = "{}|layername=services".format(services)

    def qgis(algorithm, *parameters):
        return ["qgis_process.bin", "run", algorithm, "--"] + list(parameters)

    def coverage(method):
        target = out / "coverage_{}.gpkg".format(method)
        return [qgis("ville_numerique:coverage", "POPULATION=" + population, "POPULATION_FIELD=ind", "SERVICES=" + svc,
                     "CATEGORY_FIELD=categories", "METHOD=" + method, "OUTPUT=" + str(target),
                     "SUMMARY=" + str(out / "summary_{}.json".format(method)))]

    def joinbynearest(layers, tag):
        """``native:joinbynearest`` once per category, chained: the last output holds every distance."""
        commands, previous = [], population
        for k, code in enumerate(CATEGORIES):
            target = out / "native_{}_{}.gpkg".format(tag, k)
            commands.append(qgis("native:joinbynearest", "INPUT=" + previous,
                                 "INPUT_2={}|layername={}_{}".format(services, layers, code),
                                 "FIELDS_TO_COPY=categories", "DISCARD_NONMATCHING=false",
                                 "PREFIX={}_{}_".format(tag, code[:3]), "NEIGHBORS=1", "OUTPUT=" + str(target)))
            previous = str(target)
        return commands, previous

    def model(kind):
        """The same chain as one graphical model: one ``qgis_process`` run, temporary layers between."""
        if str(BENCH) not in sys.path:
            sys.path.insert(0, str(BENCH))
        from native_model import inputs_of, output_name, steps_of

        steps = steps_of(kind, CATEGORIES)
        layers = {"POPULATION": population, "ZONES": "{}|layername=zones".format(zones),
                  "TABLE": "{}|layername=ifn".format(zones)}
        for code in CATEGORIES:
            layers["SERVICES_" + code] = "{}|layername=services_{}".format(services, code)
            layers["AFTER_" + code] = "{}|layername=after_{}".format(services, code)
        return [qgis(str(models[kind]), *["{}={}".format(n, layers[n]) for n in inputs_of(steps)],
                     "{}={}".format(output_name(steps), out / "native_model_{}.gpkg".format(kind)))]

    native, _ = joinbynearest("services", "b")
    before, last = joinbynearest("services", "b")
    after, _ = joinbynearest("after", "a")
    after[0] = [p.replace("INPUT=" + population, "INPUT=" + last) if p.startswith("INPUT=") else p
                for p in after[0]]
    scenario = [qgis("ville_numerique:scenario", "POPULATION=" + population, "POPULATION_FIELD=ind",
                     "SERVICES=" + svc, "PLANNED={}|layername=planned".format(services), "CATEGORY_FIELD=categories",
                     "METHOD=nearest", "OUTPUT=" + str(out / "scenario.gpkg"),
                     "SUMMARY=" + str(out / "scenario.json"))]
    fragility = [qgis("ville_numerique:fragility_ifn", "POPULATION=" + population,
                      "ZONES={}|layername=zones".format(zones), "ZONE_CODE_FIELD=code_iris",
                      "TABLE={}|layername=ifn".format(zones), "TABLE_CODE_FIELD=code_iris",
                      "TABLE_VALUE_FIELD=score", "OUTPUT=" + str(out / "fragility.gpkg"))]
    f = {name: str(out / "nf_{}.gpkg".format(name)) for name in
         ("zones", "pieces", "w", "a", "sum_w", "sum_a", "join_w", "join_a", "out")}
    native_fragility = [
        # the score of each zone (attribute join), the cell x zone pieces (C++ overlay)
        qgis("native:joinattributestable", "INPUT={}|layername=zones".format(zones), "FIELD=code_iris",
             "INPUT_2={}|layername=ifn".format(zones), "FIELD_2=code_iris", "FIELDS_TO_COPY=score",
             "METHOD=1", "DISCARD_NONMATCHING=true", "OUTPUT=" + f["zones"]),
        qgis("native:intersection", "INPUT=" + population, "OVERLAY=" + f["zones"], "INPUT_FIELDS=idcar_200m",
             "OVERLAY_FIELDS=score", "OUTPUT=" + f["pieces"]),
        # per piece: area x score and area; summed per cell; joined back; the weighted mean
        qgis("native:fieldcalculator", "INPUT=" + f["pieces"], "FIELD_NAME=w", "FIELD_TYPE=0",
             "FORMULA=$area * \"score\"", "OUTPUT=" + f["w"]),
        qgis("native:fieldcalculator", "INPUT=" + f["w"], "FIELD_NAME=a", "FIELD_TYPE=0", "FORMULA=$area",
             "OUTPUT=" + f["a"]),
        qgis("qgis:statisticsbycategories", "INPUT=" + f["a"], "VALUES_FIELD_NAME=w",
             "CATEGORIES_FIELD_NAME=idcar_200m", "OUTPUT=" + f["sum_w"]),
        qgis("qgis:statisticsbycategories", "INPUT=" + f["a"], "VALUES_FIELD_NAME=a",
             "CATEGORIES_FIELD_NAME=idcar_200m", "OUTPUT=" + f["sum_a"]),
        qgis("native:joinattributestable", "INPUT=" + population, "FIELD=idcar_200m", "INPUT_2=" + f["sum_w"],
             "FIELD_2=idcar_200m", "FIELDS_TO_COPY=sum", "METHOD=1", "PREFIX=w_", "OUTPUT=" + f["join_w"]),
        qgis("native:joinattributestable", "INPUT=" + f["join_w"], "FIELD=idcar_200m", "INPUT_2=" + f["sum_a"],
             "FIELD_2=idcar_200m", "FIELDS_TO_COPY=sum", "METHOD=1", "PREFIX=a_", "OUTPUT=" + f["join_a"]),
        qgis("native:fieldcalculator", "INPUT=" + f["join_a"], "FIELD_NAME=fragility", "FIELD_TYPE=0",
             "FORMULA=\"w_sum\" / \"a_sum\" * 5 / 100", "OUTPUT=" + f["out"]),
    ]
    limit = [sys.executable, "-P", str(BENCH / "physical_limit.py"), str(cells), str(services)]
    return {
        "startup": [qgis("native:fieldcalculator", "INPUT={}|layername=zones".format(zones), "FIELD_NAME=x",
                         "FIELD_TYPE=1", "FORMULA=1", "OUTPUT=" + str(out / "startup.gpkg"))],
        "limit_imports": [[sys.executable, "-P", "-c", "import numpy, sqlite3, scipy.spatial, osgeo.gdal, osgeo.ogr"]],
        "startup_plugin": [qgis("native:fieldcalculator", "INPUT={}|layername=zones".format(zones), "FIELD_NAME=x",
                                "FIELD_TYPE=1", "FORMULA=1", "OUTPUT=" + str(out / "startup_plugin.gpkg"))],
        "coverage_nearest": coverage("nearest"), "coverage_e2sfca": coverage("e2sfca"),
        "native_joinbynearest": native, "native_joinbynearest_model": model("coverage") if models else None,
        "physical_limit": [limit + [str(out / "physical.gpkg")]],
        "scenario": scenario, "native_scenario": before + after,
        "native_scenario_model": model("scenario") if models else None,
        "physical_scenario": [limit + [str(out / "physical_scenario.gpkg"), "--planned"]],
        "fragility": fragility, "native_fragility": native_fragility,
        "native_fragility_model": model("fragility") if models else None,
        "physical_fragility": [[sys.executable, "-P", str(BENCH / "physical_limit_fragility.py"), str(cells),
                                str(zones), str(out / "physical_fragility.gpkg")]],
    }

NATIVE = ("native_joinbynearest", "native_joinbynearest_model", "native_scenario", "native_scenario_model",
          "native_fragility", "native_fragility_model")
#: Routes run in a QGIS profile where our plugin is not enabled (QGIS as an expert without it has it).
WITHOUT_PLUGIN = NATIVE + ("startup",)
NATIVE_NEW_MAX = int(os.environ.get("BENCH_NATIVE_NEW_MAX", "100000"))
ROUTE_NAMES = ("startup", "startup_plugin", "limit_imports", "coverage_nearest", "coverage_e2sfca",
               "native_joinbynearest", "native_joinbynearest_model", "physical_limit", "scenario", "native_scenario",
               "native_scenario_model", "physical_scenario", "fragility", "native_fragility", "native_fragility_model",
               "physical_fragility")


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


def run(sizes, repeats, native_max, workdir, only=None):
    env = qgis_env(Path(tempfile.mkdtemp(prefix="vn-e2e-home-")))
    env_native = qgis_env(Path(tempfile.mkdtemp(prefix="vn-e2e-home-native-")), plugin=False)
    results = {"sizes": {}, "categories": list(CATEGORIES), "cells_per_service": CELLS_PER_SERVICE,
               "cells_per_planned": CELLS_PER_PLANNED, "zone_cells": ZONE_CELLS}
    models = write_models(workdir)
    for n in sizes:
        folder = Path(tempfile.mkdtemp(prefix="vn-e2e-{}-".format(n), dir=workdir))
        started = time.perf_counter()
        cells, services, n_services, zones, n_zones = generate(n, folder)
        entry = {"cells": n, "services": n_services, "zones": n_zones, "generate_s": time.perf_counter() - started,
                 "routes": {}}
        print("{:,} cells, {:,} services, {:,} zones (generated in {:.1f} s)".format(
            n, n_services, n_zones, entry["generate_s"]),
              flush=True)
        for name, commands in routes(cells, services, zones, folder, models).items():
            if only and name not in only:
                continue
            rounds = repeats if n <= 100000 else 1
            if name in NATIVE:
                # the native routes take minutes: all rounds at 10,000 cells, one above; the chains of runs
                # (6, 12 and 9 start-ups) up to 100,000 cells only, the models (faster) up to native_max
                rounds = repeats if n <= 10000 else 1
                limit = native_max if name.endswith("_model") else min(native_max, NATIVE_NEW_MAX)
                if n > limit:
                    entry["routes"][name] = {"skipped": "not run above {:,} cells".format(limit)}
                    continue
            times, peaks, loads = [], [], []
            for _ in range(rounds):
                before = load()
                seconds, peak = timed_process(commands, env_native if name in WITHOUT_PLUGIN else env)
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
    for name in ROUTE_NAMES:
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
    parser.add_argument("--routes", nargs="+", choices=ROUTE_NAMES, help="only these routes")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10000, 100000, 500000] + ([2000000] if os.environ.get("BENCH_FULL") else []))
    native_max = int(os.environ.get("BENCH_NATIVE_MAX", "500000"))
    with tempfile.TemporaryDirectory(prefix="vn-e2e-") as workdir:
        results = run(sizes, args.repeats, native_max, workdir, args.routes)
    results["repeats"] = args.repeats
    Path(args.json).write_text(json.dumps({"e2e": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
