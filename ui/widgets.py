"""Small widgets and formatting shared by the panel and the settings page."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QLocale, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ..core.i18n import tr


def format_number(value, decimals=0):
    """A number in the user's locale (QGIS sets the default QLocale)."""
    if value is None:
        return "—"
    return QLocale().toString(float(value), "f", decimals)


def format_minutes(minutes):
    """``15`` or ``4.5`` (minutes, in the user's locale)."""
    minutes = round(float(minutes), 1)
    return format_number(minutes, 0 if minutes.is_integer() else 1)


class MinutesSpinBox(QDoubleSpinBox):
    """Minutes of walk, half-minute steps, shown as ``15 min`` or ``4.5 min``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRange(0.5, 120.0)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setSuffix(tr(" min"))

    def textFromValue(self, value):  # noqa: N802 (Qt API)
        return format_minutes(value)


def compact(combo, characters=14):
    """Let a combo box shrink with the dock instead of widening it to its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def hint(label):
    """A word-wrapped, discreet explanation (a QLabel of a page)."""
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(dark);")
    return label


class WrappedCheckBox(QWidget):
    """A check box whose text wraps (a QCheckBox's text never does, and widens the dock).

    The same API as a QCheckBox for what the panel uses: ``isChecked``,
    ``setChecked``, ``text``, ``setText``, ``toggled``; a click on the text
    toggles the box.
    """

    toggled = pyqtSignal(bool)

    def __init__(self, text="", parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.box = QCheckBox(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setBuddy(self.box)
        self.label.mousePressEvent = lambda _event: self.box.isEnabled() and self.box.toggle()
        self.box.toggled.connect(self.toggled)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def isChecked(self):  # noqa: N802 (Qt API)
        return self.box.isChecked()

    def setChecked(self, checked):  # noqa: N802 (Qt API)
        self.box.setChecked(checked)

    def text(self):
        return self.label.text()

    def setText(self, text):  # noqa: N802 (Qt API)
        self.label.setText(text)


class InlineMessage(QFrame):
    """A message strip for the panel: wrapped text (never clipped), QGIS's level icons
    and colours, a close button; informational messages hide after a while."""

    STYLES = {
        "info": ("/mIconInfo.svg", "#e6f0fa", "#6a9fd3"),
        "warning": ("/mIconWarning.svg", "#fff5d6", "#d9a400"),
        "critical": ("/mIconCritical.svg", "#fbe3e1", "#cc3b2e"),
        "success": ("/mIconSuccess.svg", "#e4f4e0", "#5ba04a"),
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("VilleNumeriqueMessage")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(QgsApplication.getThemeIcon("/mIconClose.svg"))
        close.setToolTip(tr("Close"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text, kind="info", duration=0):
        icon, background, border = self.STYLES.get(kind, self.STYLES["info"])
        self.setStyleSheet("#VilleNumeriqueMessage {{ background: {}; border: 1px solid {}; "
                           "border-radius: 3px; }} QLabel {{ color: #202020; }}".format(background, border))
        self.icon.setPixmap(QgsApplication.getThemeIcon(icon).pixmap(20, 20))
        self.text.setText(text)
        self.show()
        self.timer.stop()
        if duration > 0:
            self.timer.start(int(duration * 1000))
