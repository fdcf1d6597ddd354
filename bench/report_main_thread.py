"""How long ``ville_numerique:report`` holds the main thread, run the way the QGIS GUI runs it.

The Processing dialog calls ``prepare()`` in the main thread, then
``runPrepared()`` in a task (a worker thread) unless the algorithm has
``FlagNoThreading``, then ``postProcess()`` in the main thread. This script
does the same on the Saint-Omer sample (coverage computed first) and prints
the seconds spent in the main thread and in the worker, median of N runs::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/report_main_thread.py [runs]
"""

import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import common  # noqa: F401 - makes the plugin importable as ville_numerique
from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)

#: (wall, CPU) seconds of each piece a task ran in the main thread (filled by ``watch_main_thread``).
DISPATCHED = []
SAMPLE = common.ROOT / "resources" / "sample" / "saint_omer" / "saint_omer.gpkg"


def layer(name):
    return "{}|layername={}".format(SAMPLE, name)


def watch_main_thread():
    """Time what the report hands to the main thread (its print layout export), when it does."""
    from ville_numerique.processing import report as report_module

    if not hasattr(report_module, "run_in_main_thread"):  # the former FlagNoThreading version: all in the main thread
        return
    original = report_module.ReportAlgorithm._export_pdf

    def timed(job, context):
        wall, used = time.perf_counter(), time.thread_time()
        try:
            return original(job, context)
        finally:
            DISPATCHED.append((time.perf_counter() - wall, time.thread_time() - used))

    report_module.ReportAlgorithm._export_pdf = staticmethod(timed)


def run_like_the_gui(alg, params):
    """(main-thread seconds, main-thread CPU seconds, worker seconds, results).

    The CPU time of the main thread (``time.thread_time``) is the figure to compare: the
    machine's other loads change the wall-clock times, not what the main thread itself does.
    """
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    main = cpu = 0.0
    start, start_cpu = time.perf_counter(), time.thread_time()
    ok = alg.prepare(params, context, feedback)
    main += time.perf_counter() - start
    cpu += time.thread_time() - start_cpu
    assert ok, "prepare failed"
    no_threading = (Qgis.ProcessingAlgorithmFlag.NoThreading if hasattr(Qgis, "ProcessingAlgorithmFlag")
                    else QgsProcessingAlgorithm.Flag.FlagNoThreading)
    threaded = not (alg.flags() & no_threading)
    box = {}

    def work():
        box["results"] = alg.runPrepared(params, context, feedback)
        box["ok"] = True

    start = time.perf_counter()
    if threaded:
        del DISPATCHED[:]
        thread = threading.Thread(target=work)
        thread.start()
        while thread.is_alive():  # the GUI's event loop keeps turning meanwhile
            QgsApplication.processEvents()
            thread.join(0.005)
        worker = time.perf_counter() - start
        # what the task handed to the main thread (the print layout) is main-thread time too
        main += sum(wall for wall, _ in DISPATCHED)
        cpu += sum(used for _, used in DISPATCHED)
        worker -= sum(wall for wall, _ in DISPATCHED)
    else:
        start_cpu = time.thread_time()
        work()
        main += time.perf_counter() - start
        cpu += time.thread_time() - start_cpu
        worker = 0.0
    assert box.get("ok"), "runPrepared failed"
    start, start_cpu = time.perf_counter(), time.thread_time()
    results = alg.postProcess(context, feedback)
    main += time.perf_counter() - start
    cpu += time.thread_time() - start_cpu
    return main, cpu, worker, results or box["results"]


def main(runs=5):
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis import processing
    from ville_numerique.processing.provider import VilleNumeriqueProvider

    watch_main_thread()
    provider = VilleNumeriqueProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = Path(tempfile.mkdtemp(prefix="bench_report_"))
    coverage = processing.run("ville_numerique:coverage", {
        "POPULATION": layer("carreaux_200m"), "POPULATION_FIELD": "ind", "SERVICES": layer("services"),
        "CATEGORY_FIELD": "categories", "OUTPUT": str(folder / "coverage.gpkg"),
        "SUMMARY": str(folder / "summary.json")})
    params = {"COVERAGE": coverage["OUTPUT"], "SUMMARY": coverage["SUMMARY"], "SERVICES": layer("services"),
              "PERIMETER": layer("communes"), "OUTPUT_HTML": str(folder / "r.html"),
              "OUTPUT_PDF": str(folder / "r.pdf")}
    mains, cpus, workers = [], [], []
    for _ in range(runs):
        alg = QgsApplication.processingRegistry().createAlgorithmById("ville_numerique:report")
        m, c, w, _results = run_like_the_gui(alg, params)
        mains.append(m)
        cpus.append(c)
        workers.append(w)
    result = {"runs": runs, "main_thread_s": round(statistics.median(mains), 3),
              "main_thread_cpu_s": round(statistics.median(cpus), 3),
              "worker_s": round(statistics.median(workers), 3),
              "main_thread_all_s": [round(v, 3) for v in mains]}
    print(json.dumps(result))
    QgsApplication.processingRegistry().removeProvider(provider)
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
