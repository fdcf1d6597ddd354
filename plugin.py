"""The Ville numérique plugin class.

Headless-safe: ``qgis_process`` builds it with ``iface=None`` and calls only
``initProcessing()``; nothing here creates a widget before ``initGui()``.
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .core import about
from .core.i18n import tr
from .processing.utils import user_locale


class VilleNumeriquePlugin:

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.menu_title = ""
        self.translator = None
        self.panel = None
        self.panel_action = None
        self.options_factory = None
        self._install_translator()

    # -- translations -------------------------------------------------------
    def _install_translator(self):
        locale = user_locale() or ""
        for name in (locale, locale[:2]):
            if not name:
                continue
            path = about.PLUGIN_DIR / "i18n" / "ville_numerique_{}.qm".format(name)
            if path.exists():
                translator = QTranslator()
                if translator.load(str(path)):
                    QCoreApplication.installTranslator(translator)
                    self.translator = translator
                return

    # -- Processing ---------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API)
        """Register the provider once, however often QGIS calls this."""
        if self.provider is not None:
            return
        from .processing.provider import VilleNumeriqueProvider

        self.provider = VilleNumeriqueProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI ----------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        if self.iface is None:
            return
        from .ui.actions import build_actions

        self.menu_title = tr("&Ville numérique")
        self.toolbar = self.iface.addToolBar(tr("Ville numérique"))
        self.toolbar.setObjectName("VilleNumeriqueToolbar")
        for action in build_actions(self.iface, self.iface.mainWindow()):
            self.iface.addPluginToMenu(self.menu_title, action)
            if action.property("vn_toolbar"):
                self.toolbar.addAction(action)
            self.actions.append(action)
        self._init_panel()

    def _init_panel(self):
        """The dock (closed by default, toggled from the menu and the toolbar) and the options page."""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QIcon

        from .ui.panel import VilleNumeriquePanel
        from .ui.settings_page import VilleNumeriqueOptionsFactory

        self.panel = VilleNumeriquePanel(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.panel_action = self.panel.toggleViewAction()
        self.panel_action.setIcon(QIcon(about.icon_path()))
        self.panel_action.setText(tr("Ville numérique panel"))
        self.panel_action.setToolTip(tr("Show or hide the Ville numérique panel"))
        self.panel_action.setObjectName("VilleNumeriquePanelAction")
        self.iface.addPluginToMenu(self.menu_title, self.panel_action)
        first = self.toolbar.actions()[0] if self.toolbar.actions() else None
        self.toolbar.insertAction(first, self.panel_action)
        self.options_factory = VilleNumeriqueOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def unload(self):
        if self.panel is not None:
            self.iface.removePluginMenu(self.menu_title, self.panel_action)
            self.panel.unload()
            self.iface.removeDockWidget(self.panel)
            self.panel.deleteLater()
            self.panel = self.panel_action = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu_title, action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
