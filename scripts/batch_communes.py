#!/usr/bin/env python3
"""Run the Ville numérique pipeline over a list of INSEE commune codes.

One task per commune, each step through ``qgis_process.bin``, spread over a
Dask cluster (``dask.distributed``): a local cluster of ``--workers`` workers
by default, or an existing scheduler (``--scheduler tcp://host:8786``) whose
workers — on other machines — see the same paths and have QGIS installed.

For each commune the pipeline is:

1. the population units whose centroid lies in the commune
   (``native:extractbyexpression`` on ``--population``),
2. ``ville_numerique:coverage`` of those units by ``--services``,
3. ``ville_numerique:report`` (HTML, and PDF with ``--pdf``) when the
   algorithm is available.

It resumes after an interruption: a commune is finished when
``<out>/<code>/done.json`` exists (written last, atomically); finished
communes are not redone, half-done ones are started again from scratch.
At the end ``<out>/summary.csv`` holds one row per commune.

The default inputs are the offline Saint-Omer sample; network data fetched
earlier by the ``fetch_*`` algorithms are read from their output files or
from the plugin's cache, so the batch runs offline too.

Example (the sample communes, two workers)::

    /usr/bin/python3 scripts/batch_communes.py 62765 62525 62757 --out out/batch --workers 2
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import ROOT, import_plugin  # noqa: E402

import_plugin()
from ville_numerique.core.files import atomic_write, write_text_atomically  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "saint_omer" / "saint_omer.gpkg"
DEFAULTS = {
    "population": "{}|layername=carreaux_200m".format(SAMPLE),
    "services": "{}|layername=services".format(SAMPLE),
    "communes": "{}|layername=communes".format(SAMPLE),
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("codes", nargs="*", help="INSEE commune codes")
    parser.add_argument("--codes-file", help="a text file with one INSEE code per line")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--population", default=DEFAULTS["population"], help="population layer (URI)")
    parser.add_argument("--population-field", default="ind")
    parser.add_argument("--services", default=DEFAULTS["services"], help="services layer (URI)")
    parser.add_argument("--communes", default=DEFAULTS["communes"], help="commune polygons (URI)")
    parser.add_argument("--code-field", default="code", help="INSEE code field of the communes layer")
    parser.add_argument("--name-field", default="nom")
    parser.add_argument("--thresholds", default="", help="THRESHOLDS of the coverage algorithm")
    parser.add_argument("--workers", type=int, default=2, help="local Dask workers (default 2)")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    parser.add_argument("--no-report", action="store_true", help="skip the HTML/PDF reports")
    parser.add_argument("--pdf", action="store_true", help="also write the PDF report")
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    args = parser.parse_args(argv)
    codes = list(args.codes)
    if args.codes_file:
        codes += [line.strip() for line in Path(args.codes_file).read_text().splitlines() if line.strip()]
    args.codes = list(dict.fromkeys(codes))
    if not args.codes:
        parser.error("give at least one INSEE commune code")
    return args


# --------------------------------------------------------------------------- one commune


def qgis_env(home):
    """Environment for qgis_process: a private profile with the plugin enabled."""
    env = dict(os.environ)
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(name, None)
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(home))
    env.setdefault("QGIS_PLUGINPATH", str(ROOT / ".build" / "plugins"))
    return env


def qgis_process(env, *args):
    proc = subprocess.run(["qgis_process.bin", "--json", *args], env=env, capture_output=True, text=True,
                          timeout=3600)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        data = None
    if proc.returncode != 0 or data is None:
        message = [line for line in (proc.stdout + proc.stderr).splitlines()
                   if line.strip() and "DeprecationWarning" not in line and "setapi" not in line]
        raise RuntimeError(" ".join(message[-3:]) or "qgis_process failed")
    return data


def commune_geometry(communes_uri, code_field, name_field, code):
    """WKT and name of a commune (read with OGR: no QGIS application needed)."""
    from osgeo import ogr

    path, _, rest = communes_uri.partition("|layername=")
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(rest.split("|")[0]) if rest else dataset.GetLayer(0)
    layer.SetAttributeFilter("{} = '{}'".format(code_field, code.replace("'", "''")))
    feature = layer.GetNextFeature()
    if feature is None:
        return None, None
    return feature.GetGeometryRef().ExportToWkt(), feature.GetField(name_field)


def count_features(path):
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    return dataset.GetLayer(0).GetFeatureCount() if dataset else 0


def write_json(path, data):
    write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2))


def run_commune(code, config):
    """The pipeline for one commune; returns its summary row. Idempotent."""
    out = Path(config["out"]) / code
    done = out / "done.json"
    if done.exists():
        return dict(json.loads(done.read_text(encoding="utf-8")), resumed=True)
    started = time.time()
    part = Path(config["out"]) / (code + ".part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    home = Path(tempfile.mkdtemp(prefix="vn-batch-"))
    try:
        env = qgis_env(home)
        subprocess.run(["qgis_process.bin", "plugins", "enable", "ville_numerique"], env=env,
                       capture_output=True, text=True, timeout=300)
        wkt, name = commune_geometry(config["communes"], config["code_field"], config["name_field"], code)
        row = {"code": code, "nom": name or "", "status": "ok"}
        if wkt is None:
            row["status"] = "unknown_commune"
        else:
            cells = part / "population.gpkg"
            qgis_process(env, "run", "native:extractbyexpression", "--",
                         "INPUT=" + config["population"],
                         "EXPRESSION=within(centroid($geometry), geom_from_wkt('{}'))".format(wkt),
                         "OUTPUT=" + str(cells))
            row["units"] = count_features(cells)
            if row["units"] == 0:
                row["status"] = "no_population"
            else:
                row.update(run_coverage_and_report(env, part, cells, config))
        row["seconds"] = round(time.time() - started, 1)
        write_json(part / "done.json", row)
        shutil.rmtree(out, ignore_errors=True)
        os.replace(part, out)  # the commune appears finished, or not at all
        return row
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run_coverage_and_report(env, part, cells, config):
    summary_path = part / "summary.json"
    args = ["run", "ville_numerique:coverage", "--", "POPULATION=" + str(cells),
            "POPULATION_FIELD=" + config["population_field"], "SERVICES=" + config["services"],
            "OUTPUT=" + str(part / "coverage.gpkg"), "SUMMARY=" + str(summary_path)]
    if config["thresholds"]:
        args.append("THRESHOLDS=" + config["thresholds"])
    qgis_process(env, *args)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    row = {"population_total": summary["population_total"], "score_mean": summary["score_mean"]}
    for cat, values in summary["categories"].items():
        row["share_" + cat] = values["share_covered"]
    if config["report"]:
        report = ["run", "ville_numerique:report", "--", "COVERAGE=" + str(part / "coverage.gpkg"),
                  "SUMMARY=" + str(summary_path), "SERVICES=" + config["services"],
                  "LANGUAGE=" + config["lang"], "OUTPUT_HTML=" + str(part / "report.html")]
        if config["pdf"]:
            report.append("OUTPUT_PDF=" + str(part / "report.pdf"))
        qgis_process(env, *report)
        row["report"] = "report.html"
    return row


# --------------------------------------------------------------------------- the batch


def write_summary_csv(out, rows):
    columns = ["code", "nom", "status", "units", "population_total", "score_mean"]
    columns += sorted({k for row in rows for k in row if k.startswith("share_")})
    columns += ["report", "seconds", "error"]

    def write(tmp):
        with open(tmp, "w", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow(row)

    atomic_write(Path(out) / "summary.csv", write, suffix=".csv")


def make_client(args):
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=False,
                           dashboard_address=None)
    return Client(cluster), cluster


def main(argv=None):
    args = parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    config = {
        "out": str(out),
        "population": args.population,
        "population_field": args.population_field,
        "services": args.services,
        "communes": args.communes,
        "code_field": args.code_field,
        "name_field": args.name_field,
        "thresholds": args.thresholds,
        "report": not args.no_report,
        "pdf": args.pdf,
        "lang": args.lang,
    }
    client, cluster = make_client(args)
    rows = {}
    try:
        from dask.distributed import as_completed

        futures = {client.submit(run_commune, code, config, key="commune-" + code, pure=False): code
                   for code in args.codes}
        for future in as_completed(futures):
            code = futures[future]
            try:
                row = future.result()
            except Exception as error:  # one commune failing does not stop the others
                row = {"code": code, "status": "error", "error": str(error)}
            rows[code] = row
            print("{code}  {status:<14} {extra}".format(
                code=code, status=row.get("status", "?") + (" (resumed)" if row.get("resumed") else ""),
                extra="" if row.get("score_mean") is None else "score {:.1f}".format(row["score_mean"])),
                flush=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    ordered = [rows[code] for code in args.codes if code in rows]
    write_summary_csv(out, ordered)
    print("Summary: {}".format(out / "summary.csv"))
    return 0 if all(r.get("status") != "error" for r in ordered) else 1


if __name__ == "__main__":
    sys.exit(main())
