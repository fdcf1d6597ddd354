"""Driver of the desktop test, run inside the real QGIS (``qgis.bin --code tests/desktop/driver.py``).

``tests/desktop/test_desktop.py`` starts QGIS under Xvfb in French at 1366×768 with a throwaway
profile; this script then does what a student of the workshop does, through the panel's public
methods only (load_sample, run_analysis, open_follow_up, has_results…) and generic Qt
introspection (the dock's page container, its QAbstractScrollArea / QAbstractButton / QLabel
children), so that it survives a redesign of the panel's pages:

1. every page of the dock at its default width: horizontal scroll bars and clipped texts;
2. sample → analysis (background task) → scenario → report → recommendation, each follow-up
   through the algorithm's real Processing dialog, whose *Run* button is pressed;
3. save the project, close it, open it again: the results layer and the results page are back;
4. the message log (Python errors, critical messages) and any Python error dialog.

It writes everything it saw to the JSON file ``$VN_DESKTOP_RESULT`` (the test asserts on it),
screenshots to ``$VN_DESKTOP_ARTIFACTS`` and always exits QGIS, also on failure or timeout.
"""

import json
import os
import re
import sys
import time
import traceback
import unicodedata
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBox,
    QToolButton,
)
from qgis.utils import iface, plugins

PLUGIN = "ville_numerique"
RESULT = Path(os.environ["VN_DESKTOP_RESULT"])
ARTIFACTS = Path(os.environ["VN_DESKTOP_ARTIFACTS"])
WORK = Path(os.environ["VN_DESKTOP_WORK"])
TIMEOUT_S = float(os.environ.get("VN_DESKTOP_TIMEOUT", "200"))
STEP_TIMEOUT_S = 90
WIDTH, HEIGHT = 1366, 768
PYTHON_ERROR_TAGS = {"Python error", QApplication.translate("Python", "Python error")}
PLUGIN_TAGS = {PLUGIN, "Ville numérique", "Processing", "Traitement"}

result = {"steps": [], "pages": [], "log": [], "errors": [], "error_dialogs": [], "screenshots": [],
          "follow_ups": {}, "finished": False}
started = time.monotonic()


def log(text):
    print("[desktop] {}".format(text), flush=True)


def write_result():
    result["seconds"] = round(time.monotonic() - started, 1)
    RESULT.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


def finish(error=None):
    """Write the result and leave QGIS, whatever happens."""
    if result.get("exiting"):
        return
    result["exiting"] = True
    if error:
        result["errors"].append(error)
        log("FAILED: {}".format(error))
    check_error_dialogs()
    write_result()
    log("result written to {}".format(RESULT))
    QTimer.singleShot(10000, lambda: os._exit(3))  # a QGIS that does not quit (a dialog asking to save…)
    QApplication.instance().exit(0)


def spaces(text):
    """Non-breaking and narrow spaces as plain spaces (French numbers: 15 174,5)."""
    return re.sub(r"[\u00a0\u202f\u2009]", " ", text or "")


# -- the message log and Python error dialogs --------------------------------------------------------
def message_received(message, tag, level):
    entry = {"tag": tag, "level": int(level), "message": message[:2000]}
    result["log"].append(entry)
    if tag in PYTHON_ERROR_TAGS or (level == Qgis.MessageLevel.Critical and tag in PLUGIN_TAGS):
        entry["fatal"] = True


QgsApplication.messageLog().messageReceived.connect(message_received)


def check_error_dialogs():
    """Python error dialogs (qgis.utils.open_stack_dialog shows a QgsMessageOutput) still open."""
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() or widget is iface.mainWindow():
            continue
        title = widget.windowTitle()
        if "Python" in title or "MessageViewer" in type(widget).__name__:
            entry = {"title": title, "class": type(widget).__name__}
            if entry not in result["error_dialogs"]:
                result["error_dialogs"].append(entry)


# -- the steps, as a generator driven by timers --------------------------------------------------------
class Wait:
    """Yielded by a step: resume when ``condition()`` is true (or fail after ``timeout`` s)."""

    def __init__(self, condition, what, timeout=STEP_TIMEOUT_S):
        self.condition, self.what, self.deadline = condition, what, time.monotonic() + timeout


def pause(seconds):
    end = time.monotonic() + seconds
    return Wait(lambda: time.monotonic() >= end, "a pause", seconds + 5)


def drive(steps):
    def advance():
        try:
            wait = next(steps)
        except StopIteration:
            result["finished"] = True
            finish()
            return
        except Exception:  # noqa: BLE001 - any failure is reported in the result, never hangs QGIS
            finish(traceback.format_exc())
            return
        poll(wait)

    def poll(wait):
        try:
            done = wait.condition()
        except Exception:  # noqa: BLE001
            finish(traceback.format_exc())
            return
        if done:
            advance()
        elif time.monotonic() > wait.deadline:
            finish("timed out waiting for {}".format(wait.what))
        else:
            QTimer.singleShot(100, lambda: poll(wait))

    advance()


def step(name):
    result["steps"].append("{} (at {:.1f} s)".format(name, time.monotonic() - started))
    log(name)


# -- generic introspection of the dock ------------------------------------------------------------------
def page_container(panel):
    """The widget holding the dock's pages: a QToolBox, a QTabWidget or a QStackedWidget."""
    for kind in (QToolBox, QTabWidget, QStackedWidget):
        candidates = [w for w in panel.findChildren(kind) if w.count() > 1]
        if kind is QStackedWidget:  # not the stacked widget of a tab widget or of a combo box
            candidates = [w for w in candidates if not isinstance(w.parent(), QTabWidget)]
        if candidates:
            return max(candidates, key=lambda w: w.count())
    raise AssertionError("no page container (QToolBox, QTabWidget or QStackedWidget) in the dock")


def page_title(container, index):
    if isinstance(container, QToolBox):
        return container.itemText(index)
    if isinstance(container, QTabWidget):
        return container.tabText(index)
    widget = container.widget(index)
    return widget.windowTitle() or widget.objectName() or "page {}".format(index + 1)


def needed_width(button):
    """What a button's text (and icon, check box…) needs, from its font metrics and style."""
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    metrics = button.fontMetrics()
    width = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
    style = button.style()
    if not button.icon().isNull():
        width += button.iconSize().width() + 4
    if isinstance(button, (QCheckBox, QRadioButton)):
        indicator = QStyle.PixelMetric.PM_IndicatorWidth if isinstance(button, QCheckBox) \
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        width += style.pixelMetric(indicator, None, button)
        width += style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
    elif isinstance(button, QPushButton):  # as QCommonStyle sizes a push button (CT_PushButton)
        width += style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        width += 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
    return width


def visible_width(widget):
    """The width of ``widget`` left visible by the scroll areas holding it (cut by the dock's edge)."""
    left = widget.mapToGlobal(widget.rect().topLeft()).x()
    right = left + widget.width()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            viewport_left = parent.mapToGlobal(parent.rect().topLeft()).x()
            left, right = max(left, viewport_left), min(right, viewport_left + parent.width())
        parent = parent.parentWidget()
    return max(0, right - left)


def layout_problems(panel):
    """Horizontal scroll bars, clipped buttons and clipped labels among the dock's visible widgets."""
    scrolling, buttons, labels = [], [], []
    for area in panel.findChildren(QAbstractScrollArea):
        if not area.isVisible():
            continue
        bar = area.horizontalScrollBar()
        if bar.isVisible() or bar.maximum() > 0:
            scrolling.append({"widget": type(area).__name__, "name": area.objectName(),
                              "overflow_px": bar.maximum(), "viewport_px": area.viewport().width()})
    for button in panel.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        if isinstance(button, QToolButton) and not button.icon().isNull() and \
                button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            continue  # its text is not shown (it is the tooltip's or the accessible name's)
        need = needed_width(button)
        shown = visible_width(button)
        if need > shown:
            buttons.append({"text": button.text(), "needs_px": need, "width_px": shown})
    for label in panel.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue  # an image, or a text that wraps
        need = label.minimumSizeHint().width()  # a label without word wrap: its whole text
        shown = visible_width(label)
        if need > shown + 1:
            labels.append({"text": label.text(), "needs_px": need, "width_px": shown})
    return scrolling, buttons, labels


def label_texts(panel):
    return [spaces(label.text()) for label in panel.findChildren(QLabel) if label.isVisible() and label.text()]


def grab(name, widget=None):
    """A screenshot of the main window (or of ``widget``, a dialog) among the artefacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "{}.png".format(name)
    image = (widget or iface.mainWindow()).grab()
    image.save(str(path))
    result["screenshots"].append(str(path))


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")


def inspect_pages(panel, when):
    """Each page in turn: its layout problems, its visible labels, a screenshot."""
    container = page_container(panel)
    current = container.currentIndex()
    for index in range(container.count()):
        container.setCurrentIndex(index)
        yield pause(0.4)
        title = page_title(container, index)
        scrolling, buttons, labels = layout_problems(panel)
        name = "{}_page{}_{}".format(when, index + 1, slug(title))
        grab(name)
        result["pages"].append({"when": when, "index": index, "title": title, "horizontal_scroll": scrolling,
                                "clipped_buttons": buttons, "clipped_labels": labels,
                                "dock_width_px": panel.width(), "labels": label_texts(panel)})
    container.setCurrentIndex(current)


# -- Processing dialogs opened by the panel ---------------------------------------------------------
def algorithm_dialog():
    """The Processing algorithm dialog on screen, if any."""
    # not activeModalWidget(): without a window manager under Xvfb no window gets activated
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and hasattr(widget, "algorithm"):
            return widget
    return None


def press_run_in_dialog(key, when_done=None):
    """Drive the modal algorithm dialog the panel is about to open: press *Run*, wait, close.

    Runs on timers inside the dialog's own event loop (``exec_``); the parameters and results of
    the run are stored in ``result["follow_ups"][key]``.
    """
    record = {"opened": False, "ran": False}
    result["follow_ups"][key] = record
    deadline = time.monotonic() + STEP_TIMEOUT_S

    def wait_open():
        if "error" in record:
            return  # the panel opened no dialog
        dlg = algorithm_dialog()
        if dlg is None:
            if time.monotonic() > deadline:
                record["error"] = "no dialog opened"
                return
            QTimer.singleShot(200, wait_open)
            return
        record["opened"] = True
        record["algorithm"] = dlg.algorithm().id()
        record["title"] = dlg.windowTitle()
        QTimer.singleShot(500, lambda: run(dlg))

    def run(dlg):
        try:
            parameters = dlg.createProcessingParameters()
            record["parameters"] = {k: str(v) for k, v in parameters.items()}
            # layers chosen in the dialog, by their name and source rather than their id
            record["layers"] = {k: {"name": layer.name(), "source": layer.source()}
                                for k, layer in ((k, QgsProject.instance().mapLayer(str(v)))
                                                 for k, v in parameters.items()) if layer is not None}
        except Exception as error:  # noqa: BLE001 - the dialog refuses its own parameters
            record["parameters_error"] = str(error)
        grab("dialog_{}".format(key), dlg)
        button = dlg.runButton() if hasattr(dlg, "runButton") else None
        record["run_button"] = button.text() if button is not None else None
        if button is not None:
            button.click()
        else:
            dlg.runAlgorithm()
        QTimer.singleShot(300, lambda: wait_done(dlg))

    def wait_done(dlg):
        executed = dlg.wasExecuted() if hasattr(dlg, "wasExecuted") else bool(dlg.results())
        if not executed and time.monotonic() < deadline:
            QTimer.singleShot(200, lambda: wait_done(dlg))
            return
        record["ran"] = bool(executed)
        record["results"] = {k: str(v) for k, v in (dlg.results() or {}).items()}
        if not executed:
            record["error"] = "the algorithm did not finish in time"
            log_widgets = [w for w in dlg.findChildren(QAbstractScrollArea) if hasattr(w, "toPlainText")]
            record["dialog_log"] = "\n".join(w.toPlainText() for w in log_widgets)[-3000:]
        dlg.reject()  # closes it: execAlgorithmDialog returns the results of the run
        if when_done:
            when_done(record)

    QTimer.singleShot(200, wait_open)
    return record


# -- the workshop, step by step ---------------------------------------------------------------------
def workshop():
    step("waiting for the plugin")
    yield Wait(lambda: plugins.get(PLUGIN) is not None and getattr(plugins[PLUGIN], "panel", None) is not None,
               "the plugin to load (enabled? QGIS_PLUGINPATH?)", 60)
    plugin = plugins[PLUGIN]
    window = iface.mainWindow()
    window.setGeometry(0, 0, WIDTH, HEIGHT)  # Xvfb has no window manager to maximise it
    panel = plugin.panel
    if not panel.isVisible():
        plugin.panel_action.trigger()  # what a user does: the toolbar button
    yield pause(1.0)
    result["window_px"] = [window.width(), window.height()]
    result["dock_width_px"] = panel.width()
    result["locale"] = QgsApplication.locale()
    assert panel.isVisible(), "the panel did not open"
    yield from inspect_pages(panel, "start")

    step("help")
    opened = []
    original = QDesktopServices.openUrl
    QDesktopServices.openUrl = staticmethod(lambda url: opened.append(url.toString()) or True)  # no browser here
    try:
        help_actions = [action for action in getattr(plugin, "actions", []) if action.text() == "Aide"]
        assert help_actions, "no « Aide » entry among the plugin's actions"
        help_actions[0].trigger()
    finally:
        QDesktopServices.openUrl = original
    result["help_urls"] = opened

    step("a project saved in its folder, then the Saint-Omer sample")
    project = QgsProject.instance()
    project_path = WORK / "atelier" / "atelier.qgz"
    project_path.parent.mkdir(parents=True, exist_ok=True)
    assert project.write(str(project_path)), "could not save the project"
    layers = panel.load_sample()
    result["sample_layers"] = sorted(layers) if layers else []
    yield pause(1.0)

    step("analysis")
    before = set(project.mapLayers())
    assert panel.run_analysis(), "run_analysis refused: {}".format(getattr(panel, "last_message", ""))
    yield Wait(lambda: not panel.is_running(), "the analysis (background task)")
    yield pause(0.5)
    result["has_results"] = result["analysis_ok"] = panel.has_results()
    # the coverage layer: the layer the analysis added, with the score field
    added = [project.mapLayer(layer_id) for layer_id in set(project.mapLayers()) - before]
    coverage = [layer for layer in added if isinstance(layer, QgsVectorLayer) and "score" in layer.fields().names()]
    result["results_layer_source"] = coverage[0].source() if coverage else None
    yield pause(0.5)
    result["after_analysis_labels"] = label_texts(panel)
    grab("after_analysis")

    step("scenario")
    record = press_run_in_dialog("scenario")
    result["scenario_opened"] = panel.open_follow_up("ville_numerique:scenario")
    if not record["opened"] and algorithm_dialog() is None:
        record["error"] = "no dialog opened (open_follow_up returned {})".format(result["scenario_opened"])
    yield Wait(lambda: "results" in record or "error" in record, "the scenario dialog", STEP_TIMEOUT_S + 5)
    yield pause(0.5)
    result["after_scenario_labels"] = label_texts(panel)

    step("report")
    record = press_run_in_dialog("report")
    result["report_opened"] = panel.open_follow_up("ville_numerique:report")
    if not record["opened"] and algorithm_dialog() is None:
        record["error"] = "no dialog opened (open_follow_up returned {})".format(result["report_opened"])
    yield Wait(lambda: "results" in record or "error" in record, "the report dialog", STEP_TIMEOUT_S + 5)
    html = record.get("results", {}).get("OUTPUT_HTML")
    if html and Path(html).is_file():
        text = Path(html).read_text(encoding="utf-8")
        result["report_html"] = spaces(text)
        result["layer_ids_at_report"] = sorted(project.mapLayers())
        (ARTIFACTS / "rapport.html").write_text(text, encoding="utf-8")

    step("recommendation")
    record = press_run_in_dialog("recommend")
    result["recommend_opened"] = panel.open_follow_up("ville_numerique:recommend_sites")
    if not record["opened"] and algorithm_dialog() is None:
        record["error"] = "no dialog opened (open_follow_up returned {})".format(result["recommend_opened"])
    yield Wait(lambda: "results" in record or "error" in record, "the recommendation dialog",
               STEP_TIMEOUT_S + 5)
    summary = record.get("results", {}).get("SUMMARY")
    if summary and Path(summary).is_file():
        result["recommend_summary"] = json.loads(Path(summary).read_text(encoding="utf-8"))

    yield from inspect_pages(panel, "results")

    step("save, close and reopen the project")
    assert project.write(str(project_path)), "could not save the project"
    project.clear()
    yield pause(1.0)
    result["after_close_has_results"] = panel.has_results()
    assert project.read(str(project_path)), "could not reopen the project"
    yield pause(2.0)
    reopened = []
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer):
            reopened.append({"name": layer.name(), "source": layer.source(), "valid": layer.isValid(),
                             "features": layer.featureCount() if layer.isValid() else None,
                             "fields": layer.fields().names() if layer.isValid() else []})
    result["reopened_layers"] = reopened
    result["reopened_has_results"] = panel.has_results()
    container = page_container(panel)
    # the results page: the one whose labels hold the population once more
    texts = []
    for index in range(container.count()):
        container.setCurrentIndex(index)
        yield pause(0.3)
        texts.append(label_texts(panel))
    result["reopened_labels"] = texts
    grab("reopened")
    check_error_dialogs()


def timeout():
    finish("the whole run timed out after {} s (step: {})".format(
        TIMEOUT_S, result["steps"][-1] if result["steps"] else "start"))


log("starting; result {}".format(RESULT))
QTimer.singleShot(int(TIMEOUT_S * 1000), timeout)
QTimer.singleShot(1500, lambda: drive(workshop()))
sys.stdout.flush()
