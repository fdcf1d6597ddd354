"""Run inside the real QGIS desktop (``qgis.bin --code``) by ``bench/bench_panel.py``.

What a planner waits for in the panel (issue 14): the time from *Run the analysis* to the
results on the Saint-Omer sample once QGIS is warm (the second of two runs), and, for a large
generated grid, how long the interface stays frozen at a time while the analysis runs. A
10 ms heartbeat timer of the main thread measures the freezes: each gap between two ticks
beyond 10 ms is time the interface could not answer.

Environment: ``VN_BENCH_RESULT`` (JSON written here), ``VN_BENCH_CELLS`` and
``VN_BENCH_SERVICES`` (GeoPackages of ``bench_end_to_end.generate``), ``VN_BENCH_ROUNDS``.
"""

import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

RESULT = Path(os.environ["VN_BENCH_RESULT"])
CELLS = os.environ.get("VN_BENCH_CELLS", "")
SERVICES = os.environ.get("VN_BENCH_SERVICES", "")
ROUNDS = int(os.environ.get("VN_BENCH_ROUNDS", "2"))
TIMEOUT_S = float(os.environ.get("VN_BENCH_TIMEOUT", "900"))
result = {"sample_s": [], "large": None, "errors": []}


class Heartbeat:
    """Gaps of the main thread's event loop: ``max_ms`` and the gaps over 200 ms."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.last, self.gaps = None, []

    def start(self):
        self.gaps, self.last = [], time.perf_counter()
        self.timer.start()

    def tick(self):
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000.0)
        self.last = now

    def stop(self):
        self.timer.stop()
        gaps = sorted(self.gaps)
        return {"ticks": len(gaps), "max_ms": round(gaps[-1], 1) if gaps else None,
                "p99_ms": round(gaps[int(0.99 * (len(gaps) - 1))], 1) if gaps else None,
                "over_200ms": sum(1 for gap in gaps if gap > 200.0)}


def finish(error=None):
    if error:
        result["errors"].append(error)
    RESULT.write_text(json.dumps(result, indent=2), encoding="utf-8")
    QTimer.singleShot(10000, lambda: os._exit(3))
    QApplication.instance().exit(0)


def analyse(panel, then):
    """Run the panel's analysis; ``then(seconds, ok)`` when its task ends."""
    started = time.perf_counter()

    def done(ok):
        panel.analysisFinished.disconnect(done)
        QTimer.singleShot(0, lambda: then(time.perf_counter() - started, ok))

    panel.analysisFinished.connect(done)
    if not panel.run_analysis():
        panel.analysisFinished.disconnect(done)
        finish("run_analysis refused: {}".format(getattr(panel, "last_message", "")))


def main():
    plugin = plugins.get("ville_numerique")
    if plugin is None or getattr(plugin, "panel", None) is None:
        QTimer.singleShot(500, main)
        return
    panel = plugin.panel
    if not panel.isVisible():
        plugin.panel_action.trigger()
    iface.mainWindow().setGeometry(0, 0, 1366, 768)
    panel.load_sample()
    rounds = []

    def sample_round(seconds=None, ok=True):
        if seconds is not None:
            if not ok:
                return finish("the sample analysis failed: {}".format(getattr(panel, "last_message", "")))
            rounds.append(round(seconds, 3))
        if len(rounds) < ROUNDS:
            QTimer.singleShot(500, lambda: analyse(panel, sample_round))
        else:
            result["sample_s"] = rounds
            QTimer.singleShot(500, large)

    def large():
        if not CELLS:
            return finish()
        project = QgsProject.instance()
        cells = QgsVectorLayer("{}|layername=cells".format(CELLS), "cells", "ogr")
        services = QgsVectorLayer("{}|layername=services".format(SERVICES), "services", "ogr")
        if not (cells.isValid() and services.isValid()):
            return finish("the generated layers do not open")
        project.addMapLayers([cells, services])
        panel.population_combo.setLayer(cells)
        panel.population_field_combo.setField("ind")
        panel.services_combo.setLayer(services)
        panel.category_field_combo.setField("categories")
        heartbeat = Heartbeat()

        def large_done(seconds, ok):
            freezes = heartbeat.stop()
            result["large"] = dict(freezes, seconds=round(seconds, 2), ok=ok, cells=cells.featureCount(),
                                   message=getattr(panel, "last_message", ""))
            finish(None if ok else "the large analysis failed")

        QTimer.singleShot(500, lambda: (heartbeat.start(), analyse(panel, large_done)))

    try:
        sample_round()
    except Exception:  # noqa: BLE001 - reported in the result, QGIS always exits
        finish(traceback.format_exc())


QTimer.singleShot(int(TIMEOUT_S * 1000), lambda: finish("timed out after {} s".format(TIMEOUT_S)))
QTimer.singleShot(1500, main)
