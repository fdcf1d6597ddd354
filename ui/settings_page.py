"""The Ville numérique page of QGIS's Settings › Options.

It edits the options ``core/settings.py`` reads (``QgsSettings`` under
``ville_numerique/``: endpoints, cache folder and size, offline mode,
timeouts, the limits of :data:`~..core.settings.LIMIT_OPTIONS`) and the
panel's default walking times (``ui/defaults.py``).
``core/settings.py`` only reads, so values are written here with
``QgsSettings`` under the same prefix and keys (``QGIS_PREFIX + option``).
An option set by an environment variable (``VILLE_NUMERIQUE_<OPTION>``) wins
over QGIS settings: its field is shown read-only with the variable's name.
"""

import os

from qgis.core import QgsSettings
from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import about
from ..core.errors import InputError
from ..core.i18n import tr
from ..core.services import CATEGORIES, category_label
from ..core.settings import LIMIT_OPTIONS, QGIS_PREFIX, Settings, env_name, load_settings, user_cache_dir
from ..processing.defaults import (
    builtin_thresholds_minutes,
    default_thresholds_minutes,
    minutes_to_metres,
    store_default_thresholds_minutes,
)
from ..processing.provider import refresh_algorithms
from .actions import open_documentation
from .widgets import MinutesSpinBox, format_number

#: The options of core.settings edited on this page.
OPTIONS = ("datagouv_url", "geopf_url", "cache_dir", "cache_max_mb", "offline", "connect_timeout",
           "read_timeout") + LIMIT_OPTIONS

#: Label, unit suffix and range of each limit's spin box.
LIMIT_FIELDS = {
    "request_deadline": (lambda: tr("Longest time for one answer of a service"), lambda: tr(" s"), 5, 86400),
    "download_deadline": (lambda: tr("Longest time for one download"), lambda: tr(" s"), 10, 86400),
    "json_max_mb": (lambda: tr("Largest answer of a service"), lambda: tr(" MB"), 1, 10000),
    "download_max_mb": (lambda: tr("Largest downloaded file"), lambda: tr(" MB"), 1, 100000),
    "unzip_max_mb": (lambda: tr("Largest archive once extracted"), lambda: tr(" MB"), 1, 100000),
    "zip_max_ratio": (lambda: tr("Largest expansion of an archive member"), lambda: tr(" times"), 10, 100000),
    "table_max_mb": (lambda: tr("Largest file read in memory"), lambda: tr(" MB"), 1, 100000),
    "max_pages": (lambda: tr("Most pages of one listing"), lambda: "", 1, 1000000),
    "max_features": (lambda: tr("Most features of one WFS layer"), lambda: "", 1, 100000000),
}


def setting_key(option):
    return QGIS_PREFIX + option


def is_url(text):
    return text.startswith(("http://", "https://")) and len(text) > len("https://")


class VilleNumeriqueOptionsFactory(QgsOptionsWidgetFactory):
    """Registered by the plugin with ``iface.registerOptionsWidgetFactory``."""

    def __init__(self):
        super().__init__(tr("Ville numérique"), QIcon(about.icon_path()))

    def createWidget(self, parent):  # noqa: N802 (QGIS API)
        return VilleNumeriqueOptionsPage(parent)


class VilleNumeriqueOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None, environ=None):
        super().__init__(parent)
        self.setObjectName("VilleNumeriqueOptionsPage")
        self.environ = os.environ if environ is None else environ
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        content = QWidget(scroll)
        scroll.setWidget(content)
        layout = QVBoxLayout(content)

        box = QGroupBox(tr("Open data services"), self)
        form = QFormLayout(box)
        self.datagouv_edit = QLineEdit(box)
        self.datagouv_edit.setPlaceholderText(Settings.datagouv_url)
        self.geopf_edit = QLineEdit(box)
        self.geopf_edit.setPlaceholderText(Settings.geopf_url)
        self.offline_check = QCheckBox(tr("Offline: use only the cache and local files"), box)
        self.connect_spin = self._seconds_spin(box)
        self.read_spin = self._seconds_spin(box)
        form.addRow(tr("data.gouv.fr address"), self.datagouv_edit)
        form.addRow(tr("Géoplateforme (IGN) address"), self.geopf_edit)
        form.addRow(self.offline_check)
        form.addRow(tr("Connection timeout"), self.connect_spin)
        form.addRow(tr("Reading timeout"), self.read_spin)
        layout.addWidget(box)

        box = QGroupBox(tr("Cache of downloaded data"), self)
        form = QFormLayout(box)
        self.cache_widget = QgsFileWidget(box)
        self.cache_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.cache_widget.lineEdit().setPlaceholderText(str(user_cache_dir(self.environ)))
        self.cache_size_spin = QDoubleSpinBox(box)
        self.cache_size_spin.setRange(10, 100000)
        self.cache_size_spin.setDecimals(0)
        self.cache_size_spin.setSingleStep(100)
        self.cache_size_spin.setSuffix(tr(" MB"))
        form.addRow(tr("Folder"), self.cache_widget)
        form.addRow(tr("Maximum size"), self.cache_size_spin)
        layout.addWidget(box)

        box = QGroupBox(tr("Limits (a misbehaving server or file stops with a message)"), self)
        form = QFormLayout(box)
        self.limit_spins = {}
        for option in LIMIT_OPTIONS:
            label, suffix, low, high = LIMIT_FIELDS[option]
            spin = QSpinBox(box) if isinstance(getattr(Settings, option), int) else QDoubleSpinBox(box)
            spin.setRange(low, high)
            if isinstance(spin, QDoubleSpinBox):
                spin.setDecimals(0)
            spin.setSuffix(suffix())
            spin.setObjectName("VilleNumeriqueLimit_{}".format(option))
            spin.setToolTip(tr("Environment variable: {name}").format(name=env_name(option)))
            self.limit_spins[option] = spin
            form.addRow(label(), spin)
        layout.addWidget(box)

        box = QGroupBox(tr("Default walking times (minutes at 4 km/h)"), self)
        grid = QGridLayout(box)
        self.threshold_spins = {}
        for row, code in enumerate(CATEGORIES):
            spin = MinutesSpinBox(box)
            spin.setObjectName("VilleNumeriqueDefaultThreshold_{}".format(code))
            metres = QLabel(box)
            spin.valueChanged.connect(lambda value, label=metres: label.setText(
                tr("{metres} m").format(metres=format_number(minutes_to_metres(value)))))
            self.threshold_spins[code] = spin
            grid.addWidget(QLabel(category_label(code), box), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(metres, row, 2)
        grid.setColumnStretch(0, 1)
        where = QLabel(tr("These walking times are the defaults of the panel, of the algorithms' dialogs "
                          "and of qgis_process runs with this QGIS profile."), box)
        where.setWordWrap(True)
        grid.addWidget(where, len(CATEGORIES), 0, 1, 3)
        layout.addWidget(box)

        self.environment_label = QLabel(self)
        self.environment_label.setWordWrap(True)
        layout.addWidget(self.environment_label)
        buttons = QHBoxLayout()
        self.defaults_button = QPushButton(tr("Restore the defaults"), self)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.help_button = QPushButton(QIcon(about.icon_path()), tr("Documentation"), self)
        self.help_button.clicked.connect(open_documentation)
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        buttons.addWidget(self.help_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load()

    @staticmethod
    def _seconds_spin(parent):
        spin = QDoubleSpinBox(parent)
        spin.setRange(1, 600)
        spin.setDecimals(0)
        spin.setSuffix(tr(" s"))
        return spin

    def _widgets(self):
        return {
            "datagouv_url": self.datagouv_edit,
            "geopf_url": self.geopf_edit,
            "cache_dir": self.cache_widget,
            "cache_max_mb": self.cache_size_spin,
            "offline": self.offline_check,
            "connect_timeout": self.connect_spin,
            "read_timeout": self.read_spin,
            **self.limit_spins,
        }

    def load(self):
        """Show the QGIS settings (the environment's values, read-only, where it overrides them)."""
        try:
            current = load_settings(environ=self.environ)
        except InputError as error:
            current = load_settings(environ={}, qgis={})
            self.environment_label.setText(str(error))
        stored = QgsSettings()
        self.datagouv_edit.setText(current.datagouv_url)
        self.geopf_edit.setText(current.geopf_url)
        self.offline_check.setChecked(bool(current.offline))
        self.connect_spin.setValue(float(current.connect_timeout))
        self.read_spin.setValue(float(current.read_timeout))
        self.cache_size_spin.setValue(float(current.cache_max_mb))
        for option, spin in self.limit_spins.items():
            spin.setValue(getattr(current, option))
        has_cache_dir = stored.contains(setting_key("cache_dir")) or self.environ.get(env_name("cache_dir"))
        self.cache_widget.setFilePath(str(current.cache_dir) if has_cache_dir else "")
        overridden = []
        for option, widget in self._widgets().items():
            from_environment = self.environ.get(env_name(option), "") != ""
            widget.setEnabled(not from_environment)
            widget.setToolTip(tr("Set by the environment variable {name}.").format(name=env_name(option))
                              if from_environment else "")
            if from_environment:
                overridden.append(env_name(option))
        if overridden:
            self.environment_label.setText(tr("Set by environment variables, which win over these settings: "
                                              "{names}.").format(names=", ".join(overridden)))
        for code, minutes in default_thresholds_minutes().items():
            self.threshold_spins[code].setValue(minutes)

    def apply(self):
        """Write the settings (QGIS calls this when the Options dialog is accepted)."""
        settings = QgsSettings()
        values = {
            "datagouv_url": self.datagouv_edit.text().strip().rstrip("/"),
            "geopf_url": self.geopf_edit.text().strip().rstrip("/"),
            "cache_dir": self.cache_widget.filePath().strip(),
            "cache_max_mb": self.cache_size_spin.value(),
            "offline": self.offline_check.isChecked(),
            "connect_timeout": self.connect_spin.value(),
            "read_timeout": self.read_spin.value(),
        }
        values.update((option, spin.value()) for option, spin in self.limit_spins.items())
        for option, value in values.items():
            if self.environ.get(env_name(option), "") != "":
                continue  # shown read-only: the environment decides
            key = setting_key(option)
            if option in ("datagouv_url", "geopf_url") and not is_url(value):
                settings.remove(key)
            elif option == "cache_dir" and not value:
                settings.remove(key)
            elif option == "offline":
                settings.setValue(key, "true" if value else "false")
            else:
                settings.setValue(key, value)
        store_default_thresholds_minutes({code: spin.value() for code, spin in self.threshold_spins.items()},
                                         settings)
        refresh_algorithms()  # the toolbox's dialogs take the new defaults at once

    def restore_defaults(self):
        defaults = Settings()
        self.datagouv_edit.setText(defaults.datagouv_url)
        self.geopf_edit.setText(defaults.geopf_url)
        self.offline_check.setChecked(defaults.offline)
        self.connect_spin.setValue(defaults.connect_timeout)
        self.read_spin.setValue(defaults.read_timeout)
        self.cache_size_spin.setValue(defaults.cache_max_mb)
        for option, spin in self.limit_spins.items():
            spin.setValue(getattr(defaults, option))
        self.cache_widget.setFilePath("")
        for code, minutes in builtin_thresholds_minutes().items():
            self.threshold_spins[code].setValue(minutes)
