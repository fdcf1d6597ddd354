"""Chart of the coverage share against walking time, one curve per category.

Plotting only: the curves are read from the coverage layer's ``dist_<cat>``
fields (the distances the algorithm wrote) and population field; nothing is
measured here. A point (t, s) says "a share s of the population lives within
t minutes of walk of a service of this category".
"""

import math

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..core import categories
from ..core.i18n import tr
from ..core.services import category_label
from .defaults import METRES_PER_MINUTE

#: Curve colours: the colours of the categories (``core/categories.py``, as the icons).
COLOURS = {category.code: category.colour for category in categories.CATEGORIES}
#: Dash patterns, so that curves differ without colour too.
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
    Qt.PenStyle.SolidLine,
)


def curves_from_layer(layer, population_field, fields_by_code):
    """``{code: [(minutes, population), ...]}`` read from the coverage layer.

    ``fields_by_code`` maps a category code to its ``dist_<cat>`` field.
    Units without a distance (no service at all) count in the total only.
    """
    names = [population_field] + list(fields_by_code.values())
    indices = {name: layer.fields().lookupField(name) for name in names}
    if any(index < 0 for index in indices.values()):
        return {}, 0.0
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([indices[name] for name in names])
    curves = {code: [] for code in fields_by_code}
    total = 0.0
    for feature in layer.getFeatures(request):
        population = _number(feature.attribute(indices[population_field]))
        if population is None or population <= 0:
            continue
        total += population
        for code, field in fields_by_code.items():
            distance = _number(feature.attribute(indices[field]))
            if distance is not None:
                curves[code].append((distance / METRES_PER_MINUTE, population))
    for code in curves:
        curves[code].sort()
    return curves, total


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class CoverageChart(QWidget):
    """Cumulative share of the population against walking minutes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("VilleNumeriqueCoverageChart")
        self.setMinimumHeight(230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.curves = {}
        self.total = 0.0
        self.thresholds = {}
        self.max_minutes = 30.0

    def sizeHint(self):  # noqa: N802 (Qt API)
        return QSize(360, 270)

    def set_data(self, curves, total, thresholds_minutes):
        """Curves as given by :func:`curves_from_layer`; thresholds in minutes per code."""
        self.curves = {code: points for code, points in curves.items()}
        self.total = float(total)
        self.thresholds = dict(thresholds_minutes)
        longest = max(list(self.thresholds.values()) + [20.0])
        self.max_minutes = float(5 * math.ceil(longest * 1.5 / 5))
        self.update()

    def clear(self):
        self.set_data({}, 0.0, {})

    def share_at(self, code, minutes):
        """Share (0–1) of the population within ``minutes`` for ``code``."""
        if self.total <= 0:
            return 0.0
        return sum(p for t, p in self.curves.get(code, ()) if t <= minutes + 1e-9) / self.total

    # -- painting ------------------------------------------------------------
    def paintEvent(self, event):  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        codes = [code for code in self.curves if self.curves[code] or code in self.thresholds]
        legend_rows = math.ceil(len(codes) / 2) if codes else 0
        left, top, right = metrics.horizontalAdvance(tr("{value}%").format(value=100)) + 10, line + 4, 10
        bottom = 2 * line + 10 + legend_rows * (line + 2)
        plot = QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))
        text_pen = QPen(self.palette().text().color())

        painter.setPen(text_pen)
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignCenter,
                         tr("Share of the population within walking time"))
        if not codes or self.total <= 0:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, tr("Run an analysis to see the curves."))
            painter.end()
            return

        def x_of(minutes):
            return plot.left() + plot.width() * min(minutes, self.max_minutes) / self.max_minutes

        def y_of(share):
            return plot.bottom() - plot.height() * share

        grid = QPen(QColor(160, 160, 160, 110))
        grid.setWidthF(0.8)
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y_of(share)), QPointF(plot.right(), y_of(share)))
            painter.setPen(text_pen)
            painter.drawText(QRectF(0, y_of(share) - line / 2, left - 4, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             tr("{value}%").format(value=int(share * 100)))
        step = 5 if self.max_minutes <= 45 else 10
        minute = 0
        while minute <= self.max_minutes + 1e-9:
            painter.setPen(grid)
            painter.drawLine(QPointF(x_of(minute), plot.top()), QPointF(x_of(minute), plot.bottom()))
            painter.setPen(text_pen)
            painter.drawText(QRectF(x_of(minute) - 20, plot.bottom() + 2, 40, line),
                             Qt.AlignmentFlag.AlignCenter, "{:d}".format(minute))
            minute += step
        painter.drawText(QRectF(plot.left(), plot.bottom() + line + 2, plot.width(), line),
                         Qt.AlignmentFlag.AlignCenter, tr("Walking time (minutes at 4 km/h)"))

        for index, code in enumerate(codes):
            colour = QColor(categories.colour(code))
            pen = QPen(colour)
            pen.setWidthF(2.2)
            pen.setStyle(DASHES[index % len(DASHES)])
            painter.setPen(pen)
            path = QPainterPath(QPointF(x_of(0), y_of(0)))
            cumulative = 0.0
            for minutes, population in self.curves[code]:
                if minutes > self.max_minutes:
                    break
                path.lineTo(QPointF(x_of(minutes), y_of(cumulative / self.total)))
                cumulative += population
                path.lineTo(QPointF(x_of(minutes), y_of(cumulative / self.total)))
            path.lineTo(QPointF(plot.right(), y_of(self.share_at(code, self.max_minutes))))
            painter.drawPath(path)
            threshold = self.thresholds.get(code)
            if threshold is not None and threshold <= self.max_minutes:
                painter.setPen(QPen(Qt.GlobalColor.white, 1.2))
                painter.setBrush(colour)
                painter.drawEllipse(QPointF(x_of(threshold), y_of(self.share_at(code, threshold))), 4.0, 4.0)
                painter.setBrush(Qt.BrushStyle.NoBrush)

        legend_top = plot.bottom() + 2 * line + 8
        column = plot.width() / 2
        for index, code in enumerate(codes):
            x = plot.left() + (index % 2) * column
            y = legend_top + (index // 2) * (line + 2)
            pen = QPen(QColor(categories.colour(code)))
            pen.setWidthF(2.2)
            pen.setStyle(DASHES[index % len(DASHES)])
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y + line / 2), QPointF(x + 18, y + line / 2))
            painter.setPen(text_pen)
            label = metrics.elidedText(category_label(code) if code in COLOURS else code,
                                       Qt.TextElideMode.ElideRight, int(column - 24))
            painter.drawText(QRectF(x + 22, y, column - 24, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
