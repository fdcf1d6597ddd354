"""Page 4. Results: the summary, the indicator table, the chart and the follow-ups (``results.ui``).

The chart is the report's: ``core.report.coverage_chart_svg`` draws it (the
same curve, colours and axis as the HTML and PDF report) and a
:class:`QSvgWidget` shows it, one category at a time to fit the dock.
"""

import math

from qgis.core import QgsApplication, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QByteArray, Qt
from qgis.PyQt.QtSvg import QSvgWidget
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidgetItem

from ...core import categories
from ...core import report as core_report
from ...core.i18n import tr
from ...core.services import CATEGORIES
from ...processing.coverage import field_suffix
from ...processing.defaults import METRES_PER_MINUTE, metres_to_minutes
from .. import follow_ups
from ..widgets import compact, format_minutes, format_number
from . import Page
from .data import category_icon

COLUMNS = ("category", "walk", "covered_population", "share", "median", "fragile", "access")


def fragile_key(category_summary):
    """The key of "fragile population not covered" in a category summary, if any."""
    for key in sorted(category_summary):
        if "fragil" in key and ("not_covered" in key or "uncovered" in key):
            return key
    return None


def report_language():
    """The report's language closest to the interface's (the chart's texts come from the report)."""
    language = (QgsApplication.locale() or "en")[:2].lower()
    return language if language in core_report.LANGUAGES else "en"


def units_from_layer(layer, population_field, codes):
    """The population units of a coverage layer, as the report reads them (population, distances)."""
    fields = layer.fields()
    population_index = fields.lookupField(population_field)
    indices = {code: fields.lookupField("dist_{}".format(field_suffix(code))) for code in codes}
    indices = {code: index for code, index in indices.items() if index >= 0}
    if population_index < 0 or not indices:
        return []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([population_index, *indices.values()])
    units = []
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        units.append(core_report.Unit(
            fid=feature.id(), population=_number(attributes[population_index]) or 0.0,
            distances={code: _number(attributes[index]) for code, index in indices.items()}))
    return units


def _number(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


class ReportChart(QSvgWidget):
    """The report's coverage chart of one category, scaled to the width of the dock."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("VilleNumeriqueChart")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.summary, self.units, self.svg = None, [], ""
        self.clear()

    def clear(self):
        self.set_data(None, [])

    def set_data(self, summary, units):
        self.summary, self.units = summary, list(units)

    def show_category(self, code):
        """Draw ``code``'s chart (the report's SVG with this category only)."""
        categories_ = (self.summary or {}).get("categories") or {}
        self.svg = ""
        if code in categories_:
            one = dict(self.summary, categories={code: categories_[code]})
            self.svg = core_report.coverage_chart_svg(one, self.units, report_language(), columns=1)
        self.load(QByteArray(self.svg.encode("utf-8")))
        self.setVisible(bool(self.svg))
        self._fit()

    def share_at(self, code, minutes):
        """Share of the population within ``minutes`` of walk of a ``code`` service (what the curve shows)."""
        distances = [unit.distances.get(code) for unit in self.units]
        if not any(d is not None for d in distances):
            return 0.0
        curve = core_report.CumulativeCoverage(distances, [unit.population for unit in self.units])
        return curve.share(minutes * METRES_PER_MINUTE)

    def _fit(self):
        size = self.renderer().defaultSize()
        if size.width() > 0 and self.width() > 0:
            self.setFixedHeight(int(self.width() * size.height() / size.width()))

    def resizeEvent(self, event):  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()


class ResultsPage(Page):
    UI = "results"

    def __init__(self, host, state, parent=None):
        super().__init__(host, state, parent)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.summary_label.setObjectName("VilleNumeriqueSummary")
        self.scenario_label.setObjectName("VilleNumeriqueScenarioSummary")
        self.scenario_label.setVisible(False)
        self._build_table()
        self.chart = ReportChart(self)
        self.chart_layout.addWidget(self.chart)
        compact(self.chart_category_combo, 10)
        self.chart_category_combo.currentIndexChanged.connect(
            lambda _index: self.chart.show_category(self.chart_category_combo.currentData()))
        compact(self.recommend_category_combo, 10)
        self.recommend_category_combo.setObjectName("VilleNumeriqueRecommendCategory")
        self.recommend_category_combo.setToolTip(tr(
            "Category of the new services “Recommend sites” looks for. Proposed: the category whose "
            "uncovered inhabitants (weighted by their fragility) weigh most in the score."))
        self._set_chart_visible(False)

    def _build_table(self):
        table = self.results_table
        table.setObjectName("VilleNumeriqueResultsTable")
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels([tr("Category"), tr("Walk"), tr("Inhabitants"), tr("Covered"), tr("Median"),
                                         tr("Fragile"), tr("Access")])
        tips = (
            tr("Kind of digital service"),
            tr("Walking time within which a service counts as within reach"),
            tr("Inhabitants within that walking time of a service of this kind"),
            tr("Share of the population within that walking time"),
            tr("Half of the population lives closer than this (straight line)"),
            tr("Fragile inhabitants (elderly, poor, living alone) not within reach"),
            tr("Mean access of the population, in the unit of the method (services within reach, or "
               "services per 1,000 inhabitants)"),
        )
        for column, tip in enumerate(tips):
            table.horizontalHeaderItem(column).setToolTip(tip)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(20)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # in the dock: the share covered (fragile, access when they say something); the walking
        # time, the inhabitants covered and the median in each row's tooltip (and in the report)
        for column in (1, 2, 4, 5, 6):
            table.setColumnHidden(column, True)
        header.sectionResized.connect(lambda *_args: self._fit_table())  # rows as high as their wrapped text
        table.setWordWrap(True)
        table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustIgnored)
        table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _set_chart_visible(self, visible):
        for widget in (self.chart_label, self.chart_category_combo, self.chart):
            widget.setVisible(visible)

    def clear(self):
        self.results_table.setRowCount(0)
        self._fit_table()
        self.summary_label.setText(tr("No analysis yet: run one from “3. Analysis”."))
        self.chart.clear()
        self.chart_category_combo.clear()
        self._set_chart_visible(False)
        self.recommend_category_combo.clear()
        self.show_scenario(None)

    def show_scenario(self, scenario):
        text = follow_ups.scenario_text(scenario) if scenario is not None else ""
        self.scenario_label.setText(text)
        self.scenario_label.setVisible(bool(text))

    def _fill_category_combos(self, summary):
        recommended = follow_ups.recommended_category(summary)
        for combo in (self.recommend_category_combo, self.chart_category_combo):
            combo.blockSignals(True)
            combo.clear()
            for code in summary.get("categories", {}):
                combo.addItem(category_icon(code), categories.label(code), code)
            index = combo.findData(recommended)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def show_results(self, summary, layer=None):
        """Fill the summary, the indicator table and the chart from a coverage summary (and its layer)."""
        text = tr("Population: {population} inhabitants · mean score: {score} / 100").format(
            population=format_number(summary.get("population_total"), 1),
            score=format_number(summary.get("score_mean"), 1))
        if summary.get("fragile_population_total") is not None:
            text += "\n" + tr("Fragile inhabitants: {fragile} (mean fragility {index} / 10)").format(
                fragile=format_number(summary["fragile_population_total"]),
                index=format_number(summary.get("fragility_mean"), 1))
        self.summary_label.setText(text)
        self._fill_table(summary)
        self._fill_category_combos(summary)
        self.update_chart(summary, layer)

    def _fill_table(self, summary):
        table = self.results_table
        categories_ = summary.get("categories", {})
        table.setRowCount(len(categories_))
        for row, (code, values) in enumerate(categories_.items()):
            threshold = values.get("threshold_m")
            share = values.get("share_covered")
            median = values.get("median_distance_m")
            key = fragile_key(values)
            walk = tr("{minutes} min").format(minutes=format_minutes(metres_to_minutes(threshold))) \
                if threshold is not None else "—"
            cells = (
                (categories.label(code, short=True), code),
                (walk, threshold),
                (format_number(values.get("population_covered")), values.get("population_covered")),
                (tr("{value}%").format(value=format_number(100.0 * share, 1)) if share is not None else "—", share),
                (tr("{metres} m").format(metres=format_number(median)) if median is not None else "—", median),
                (format_number(values.get(key)) if key else "—", values.get(key) if key else None),
                (format_number(values.get("access_mean"), 2) if values.get("access_mean") is not None else "—",
                 values.get("access_mean")),
            )
            tip = "\n".join([categories.label(code) if code in CATEGORIES else code] + [
                "{}: {}".format(table.horizontalHeaderItem(column).text(), cells[column][0])
                for column in range(1, len(cells)) if cells[column][0] != "—"])
            for column, (value_text, value) in enumerate(cells):
                item = QTableWidgetItem(value_text)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setToolTip(tip)
                if column == 0 and code in CATEGORIES:
                    item.setIcon(category_icon(code))
                if column > 0:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                table.setItem(row, column, item)
        table.setColumnHidden(5, not any(fragile_key(values) for values in categories_.values()))
        table.setColumnHidden(6, summary.get("method", "nearest") == "nearest")
        table.resizeColumnsToContents()
        self._fit_table()

    def _fit_table(self):
        """The table as high as its rows (no scroll bar)."""
        table = self.results_table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + 2)

    def update_chart(self, summary, layer):
        units = []
        if isinstance(layer, QgsVectorLayer):
            population_field = (summary.get("inputs") or {}).get("population_field") or "ind"
            units = units_from_layer(layer, population_field, list(summary.get("categories", {})))
        self.chart.set_data(summary, units)
        self._set_chart_visible(bool(units))
        self.chart.show_category(self.chart_category_combo.currentData())
