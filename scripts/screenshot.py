"""Smoke run of the real QGIS desktop: the station-district workflow from the panel alone.

Run by ``scripts/screenshot.sh`` (``qgis.bin --code scripts/screenshot.py``
under Xvfb, throwaway HOME with the plugin enabled). In the running QGIS it:
opens the Ville numérique panel, loads the Saint-Omer sample, makes the
15-minute walking perimeter around the station, runs the coverage analysis,
waits for it, frames the map on the perimeter and saves a screenshot of the
1366×768 main window for each page of the panel, the dock at the default width
QGIS gives it (never widened): ``<output>_<page>.png`` and ``$VN_SCREENSHOT``
itself (default ``docs/img/panel.png``) for the results page. Every step is
logged to stdout; any failure exits QGIS with status 1.
"""

import os
import sys
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins

PLUGIN = "ville_numerique"
OUTPUT = os.environ.get("VN_SCREENSHOT") or os.path.join(os.getcwd(), "docs", "img", "panel.png")
TIMEOUT_S = int(os.environ.get("VN_SCREENSHOT_TIMEOUT", "240"))
PAGES = ("territory", "data", "analysis", "results", "presets")  # the order of the panel's toolbox
SCREEN = (1366, 768)
state = {"tries": 0, "panel": None}


def log(message):
    print("[screenshot] {}".format(message), flush=True)


def finish(code):
    log("done" if code == 0 else "FAILED")
    QApplication.instance().exit(code)
    if code:
        os._exit(code)  # noqa: SLF001 - make sure a failed run never hangs


def guarded(step):
    def run(*args):
        try:
            step(*args)
        except Exception:  # noqa: BLE001 - report and stop, whatever went wrong
            traceback.print_exc()
            finish(1)

    return run


@guarded
def wait_for_plugin():
    plugin = plugins.get(PLUGIN)
    if plugin is None or getattr(plugin, "panel", None) is None:
        state["tries"] += 1
        if state["tries"] > 60:
            raise RuntimeError("the plugin {} was not loaded (enabled? QGIS_PLUGINPATH?)".format(PLUGIN))
        QTimer.singleShot(500, wait_for_plugin)
        return
    log("plugin loaded")
    window = iface.mainWindow()
    window.showMaximized()
    window.setGeometry(0, 0, *SCREEN)  # Xvfb has no window manager to maximise it
    for dock in window.findChildren(QDockWidget):
        if dock.objectName() in ("Browser", "Browser2", "ProcessingToolbox"):
            dock.hide()  # the Layers panel stays: it shows the styled legend
    panel = plugin.panel
    state["panel"] = panel
    plugin.panel_action.trigger()  # what a user does: the toolbar button
    assert panel.isVisible(), "the panel did not open"
    log("panel open, {} px wide".format(panel.width()))
    panel.toolbox.setCurrentIndex(1)
    layers = panel.load_sample()
    log("sample loaded: {}".format(", ".join(sorted(layers))))
    panel.toolbox.setCurrentIndex(0)
    panel.walk_spin.setValue(15)
    if not panel.make_station_perimeter():
        raise RuntimeError("the perimeter could not start: {}".format(panel.last_message))
    QTimer.singleShot(500, wait_for_perimeter)


@guarded
def wait_for_perimeter():
    panel = state["panel"]
    if panel.is_running():
        QTimer.singleShot(500, wait_for_perimeter)
        return
    if panel.perimeter_layer() is None:
        raise RuntimeError("no perimeter: {}".format(panel.last_message))
    log("perimeter: {}".format(panel.perimeter_layer().name()))
    panel.toolbox.setCurrentIndex(2)
    panel.analysisFinished.connect(analysis_finished)
    if not panel.run_analysis():
        raise RuntimeError("the analysis could not start: {}".format(panel.last_message))
    log("analysis running in the task manager")


@guarded
def analysis_finished(ok):
    panel = state["panel"]
    if not ok:
        raise RuntimeError("the analysis failed: {}".format(panel.last_message))
    log(panel.summary_label.text())
    canvas = iface.mapCanvas()
    extent = canvas.mapSettings().layerExtentToOutputExtent(panel.perimeter_layer(),
                                                            panel.perimeter_layer().extent())
    extent.scale(1.9)
    canvas.setExtent(extent)
    panel.toolbox.setCurrentIndex(3)
    log("{} layers in the project".format(len(QgsProject.instance().mapLayers())))
    # legend: the result's classes rather than every service icon twice
    root = QgsProject.instance().layerTreeRoot()
    for layer in QgsProject.instance().mapLayers().values():
        node = root.findLayer(layer.id())
        if node is not None:
            node.setExpanded(False)  # toggled so that the view follows
            node.setExpanded(layer.id() == panel.output_layer_id)
    canvas.mapCanvasRefreshed.connect(lambda: QTimer.singleShot(1500, lambda: show_page(0)))
    canvas.refreshAllLayers()


@guarded
def show_page(index):
    if state.get("shown", -1) >= index:
        return  # the canvas refreshes more than once
    state["shown"] = index
    panel = state["panel"]
    panel.message_bar.hide()  # the analysis's message fades after 10 s: the page itself is shown
    panel.toolbox.setCurrentIndex(index)
    QTimer.singleShot(1200, lambda: save(index))


@guarded
def save(index):
    panel = state["panel"]
    directory = os.path.dirname(OUTPUT)
    if directory:
        os.makedirs(directory, exist_ok=True)
    image = iface.mainWindow().grab()
    page = PAGES[index]
    outputs = ["{}_{}.png".format(os.path.splitext(OUTPUT)[0], page)]
    if page == "results":
        outputs.append(OUTPUT)
    for output in outputs:
        if not image.save(output):
            raise RuntimeError("could not write {}".format(output))
        log("saved {} ({}x{}, panel {} px wide)".format(output, image.width(), image.height(), panel.width()))
    if page == "results" and not state.get("chart"):
        state["chart"] = True  # the same page scrolled down to the chart
        scroll = panel.results.parentWidget().parentWidget()
        scroll.ensureWidgetVisible(panel.chart)
        QTimer.singleShot(800, lambda: save_chart(index))
        return
    if index + 1 < len(PAGES):
        show_page(index + 1)
    else:
        finish(0)


@guarded
def save_chart(index):
    output = "{}_results_chart.png".format(os.path.splitext(OUTPUT)[0])
    image = iface.mainWindow().grab()
    if not image.save(output):
        raise RuntimeError("could not write {}".format(output))
    log("saved {}".format(output))
    show_page(index + 1)


@guarded
def timeout():
    raise RuntimeError("timed out after {} s".format(TIMEOUT_S))


log("starting; output {}".format(OUTPUT))
QTimer.singleShot(TIMEOUT_S * 1000, timeout)
QTimer.singleShot(2000, wait_for_plugin)
sys.stdout.flush()
