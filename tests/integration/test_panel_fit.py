"""The dock fits its default width on a 1366×768 screen (issue 13 point 1), in English and in French.

For every page, after a real analysis of the sample (the results page full)
and with every collapsible group opened: the page needs no more width than
the viewport of its scroll area (no horizontal scroll bar), and no button or
one-line label is narrower than its text (nothing cut).
"""

from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtWidgets import QAbstractButton, QLabel, QMainWindow, QScrollArea, QWidget

from .test_panel import TIMEOUT_MS, dialogs, recent_settings, wait_idle  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1366, 768)


@pytest.fixture(params=["en", "fr"])
def language(request, qgis_app):
    translator = None
    if request.param != "en":
        translator = QTranslator()
        assert translator.load(str(ROOT / "i18n" / "ville_numerique_{}.qm".format(request.param))), "make i18n"
        QCoreApplication.installTranslator(translator)
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def docked(language, qgis_iface, qgis_new_project, provider, qtbot, recent_settings, dialogs):  # noqa: F811
    """The panel in the right dock area of a 1366×768 main window, at the dock's default width."""
    from ville_numerique.ui.panel import DEFAULT_WIDTH, VilleNumeriquePanel

    window = QMainWindow()
    window.setCentralWidget(QWidget(window))  # the map canvas's place
    window.resize(*SCREEN)
    panel = VilleNumeriquePanel(qgis_iface, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.show()
    window.resizeDocks([panel], [DEFAULT_WIDTH], Qt.Orientation.Horizontal)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield panel
    if panel.is_running():
        panel.cancel()
        qtbot.waitUntil(lambda: not panel.is_running(), timeout=TIMEOUT_MS)
    panel.unload()


def scroll_area_of(page):
    widget = page.parentWidget()
    while widget is not None and not isinstance(widget, QScrollArea):
        widget = widget.parentWidget()
    return widget


def clipped(page):
    """Buttons and one-line labels of ``page`` (shown) whose text needs more width than they have."""
    found = []
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if not widget.isVisibleTo(page) or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.sizeHint().width() > widget.width():
            found.append("{} {!r}: needs {} px, has {}".format(type(widget).__name__, widget.text(),
                                                               widget.sizeHint().width(), widget.width()))
    return found


def test_every_page_fits_the_default_dock_width(docked, qtbot, language):
    from qgis.gui import QgsCollapsibleGroupBox
    from ville_numerique.ui.panel import DEFAULT_WIDTH

    panel = docked
    assert abs(panel.width() - DEFAULT_WIDTH) <= 4, panel.width()
    panel.load_sample()
    with qtbot.waitSignal(panel.analysisFinished, timeout=TIMEOUT_MS) as finished:
        assert panel.run_analysis()
    assert finished.args == [True], panel.last_message
    wait_idle(qtbot, panel)
    assert panel.results_table.rowCount() == len(panel.summary["categories"]) > 0
    assert panel.chart.isVisibleTo(panel.results)
    pages = [panel.toolbox.widget(i) for i in range(panel.toolbox.count())]
    for index, page in enumerate(pages):
        panel.toolbox.setCurrentIndex(index)
        for box in page.findChildren(QgsCollapsibleGroupBox):
            box.setCollapsed(False)  # the advanced options must fit too
        qtbot.wait(50)
        scroll = scroll_area_of(page)
        assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        viewport = scroll.viewport().width()
        title = panel.toolbox.itemText(index)
        assert viewport >= DEFAULT_WIDTH - 40, (title, viewport)
        assert page.minimumSizeHint().width() <= viewport, (language, title, page.minimumSizeHint().width(),
                                                            viewport)
        assert page.width() <= viewport, (language, title)
        assert clipped(page) == [], (language, title)
    # the main action of the analysis page is on its first screen, advanced options collapsed or not
    panel.toolbox.setCurrentIndex(2)
    scroll = scroll_area_of(panel.analysis)
    bottom = panel.run_button.mapTo(panel.analysis, panel.run_button.rect().bottomLeft()).y()
    assert bottom < scroll.viewport().height(), (bottom, scroll.viewport().height())


def test_advanced_options_start_collapsed(docked):
    from qgis.gui import QgsCollapsibleGroupBox

    panel = docked
    collapsed = {box.objectName(): box.isCollapsed()
                 for page in (panel.data, panel.analysis) for box in page.findChildren(QgsCollapsibleGroupBox)}
    assert collapsed == {"categories_box": True, "fetch_box": False, "search_box": True,
                         "thresholds_box": True, "fragility_box": True, "method_box": True}
