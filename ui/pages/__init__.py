"""The five pages of the Ville numérique dock, each a Qt Designer ``.ui`` file and a small class.

A page loads its ``.ui`` (``qgis.PyQt.uic.loadUi``: its texts are in the
``@default`` translation context, the one of ``core.i18n.tr``), fills what
depends on data (category lists, icons), and writes what the user chooses
into the dock's :class:`ui.state.PanelState`. Operations (Processing runs,
messages) go through the dock, ``self.host``.
"""

from pathlib import Path

from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QWidget

FOLDER = Path(__file__).resolve().parent


class Page(QWidget):
    """A page of the dock built from ``<UI>.ui``."""

    UI = None

    def __init__(self, host, state, parent=None):
        super().__init__(parent)
        uic.loadUi(str(FOLDER / "{}.ui".format(self.UI)), self)
        self.host = host
        self.state = state
        self.project = state.project
