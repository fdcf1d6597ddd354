#!/usr/bin/env python3
"""Build every map style of ``resources/styles/`` with QGIS's own API.

Categories (labels, icons, colours) and score classes come from
``core/categories.py``; the category icons are embedded in the ``.qml``
(``base64:`` SVG, QGIS >= 3.16) so that a style, and a project saved with it,
draw the same icons on any machine. ``tests/integration/test_styles.py`` fails
when a committed style is stale. Styles built here:

* ``services``/``services_project`` (one icon per category), ``coverage``
  (score classes), ``priority``, ``population``, ``perimeter``, ``communes``,
  ``station``;
* ``resources/styles/scenario.qml`` — the scenario layer, graduated on
  ``score_delta`` (points of score gained by each unit when the planned
  services open): grey where nothing changes, greens where the score rises,
  red where it falls (possible with floating-catchment methods only);
* ``resources/styles/recommended.qml`` — recommended sites: a star numbered
  with its ``rank``;
* ``resources/styles/connectivity.qml`` — the connectivity output, graduated on
  ``share_no_thd`` (share of premises without a 30 Mbit/s line, satellite not
  counted): greens where almost every premise has one, reds where most have not.

The files are committed; run again after editing this script, an icon or a
category::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -P scripts/build_styles.py

Legend labels are written in English; ``processing/styles.py`` localises them
when it loads the style.
"""

import base64
import os
import sys
from pathlib import Path

# a fixed hash seed, set before Qt is loaded: the XML attributes come out in the same order at
# each run (stable diffs)
os.environ.setdefault("QT_HASH_SEED", "0")

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import ROOT, import_plugin  # noqa: E402

STYLES = ROOT / "resources" / "styles"
ICONS = ROOT / "resources" / "icons" / "categories"

import_plugin()
from ville_numerique.core import categories  # noqa: E402

#: (lower, upper, colour, English label) of the scenario classes, in points of score.
SCENARIO_CLASSES = (
    (-100.0, -0.05, "#d7301f", "score lower"),
    (-0.05, 0.05, "#e0e0e0", "no change"),
    (0.05, 5.0, "#c7e9c0", "+0 to 5 points"),
    (5.0, 10.0, "#74c476", "+5 to 10 points"),
    (10.0, 20.0, "#31a354", "+10 to 20 points"),
    (20.0, 100.0, "#006d2c", "more than +20 points"),
)


#: Main icon of a place: its most specific category, in this order.
ICON_PRIORITY = ("france_services", "conseiller_numerique", "fablab", "tiers_lieu", "epn", "wifi")
#: A place offering one of these besides its main category gets a small badge.
BADGES = ("wifi",)
#: English legend labels (localised when the style is loaded, see processing/styles.py).
LABELS = {category.code: category.label for category in categories.CATEGORIES}
#: A category added to core/categories.py comes last among the main icons.
ICON_PRIORITY += tuple(code for code in categories.CODES if code not in ICON_PRIORITY)
#: The score classes of every map (core/categories.py).
SCORE_COLOURS = tuple(klass.colour for klass in categories.SCORE_CLASSES)
SCORE_BREAKS = (categories.SCORE_CLASSES[0].lower,) + tuple(klass.upper for klass in categories.SCORE_CLASSES)
#: Colour-blind-safe 5-class ramps (ColorBrewer).
PRIORITY_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")  # YlOrRd
POPULATION_COLOURS = ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")  # Purples
ICON_SIZE = "CASE WHEN @map_scale > 12000 THEN 5 ELSE 6.5 END"
BADGE_SIZE = "CASE WHEN @map_scale > 12000 THEN 2.6 ELSE 3.2 END"


def embedded_svg(code):
    """The category's icon (``resources/icons/categories/<code>.svg``), or ``None`` when it has none yet."""
    path = ICONS / categories.BY_CODE[code].icon
    if not path.is_file():
        return None
    return "base64:" + base64.b64encode(path.read_bytes()).decode("ascii")


def has(code):
    return "lower(coalesce(\"categories\", '')) LIKE '%{}%'".format(code)


def _mm(layer):
    from qgis.core import QgsUnitTypes

    layer.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    return layer


def _icon_symbol(code, ring=False, badge=False):
    from qgis.core import (
        QgsMarkerSymbol,
        QgsProperty,
        QgsSimpleMarkerSymbolLayer,
        QgsSvgMarkerSymbolLayer,
        QgsSymbolLayer,
    )
    from qgis.PyQt.QtCore import QPointF, Qt

    layers = []
    if ring:
        halo = QgsSimpleMarkerSymbolLayer()
        halo.setSize(8.5)
        halo.setColor(QColor(255, 255, 255, 170))
        halo.setStrokeColor(QColor("#3f007d"))
        halo.setStrokeWidth(0.5)
        halo.setStrokeStyle(Qt.PenStyle.DashLine)
        halo.setDataDefinedProperty(QgsSymbolLayer.Property.PropertySize, QgsProperty.fromExpression(
            "CASE WHEN @map_scale > 12000 THEN 7 ELSE 8.5 END"))
        layers.append(_mm(halo))
    icon = embedded_svg(code)
    if icon is None:  # a category added without its icon: a disc of its colour
        svg = _mm(QgsSimpleMarkerSymbolLayer())
        svg.setColor(QColor(categories.colour(code)))
        svg.setStrokeColor(QColor("#ffffff"))
        svg.setStrokeWidth(0.4)
    else:
        svg = _mm(QgsSvgMarkerSymbolLayer(icon, 3.2 if badge else 6.5))
    svg.setDataDefinedProperty(QgsSymbolLayer.Property.PropertySize,
                               QgsProperty.fromExpression(BADGE_SIZE if badge else ICON_SIZE))
    if badge:
        svg.setOffset(QPointF(2.4, -2.4))
        svg.setOffsetUnit(svg.sizeUnit())
        svg.setRenderingPass(1)
    layers.append(svg)
    symbol = QgsMarkerSymbol()  # QgsMarkerSymbol(list) does not take ownership in QGIS 3.22
    symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def _labeling(field, max_scale_denominator=None, size=8, italic=False, bold=False, placement=None,
              colour="#202020", halo_colour="#dcffffff", halo_size=0.8, dist=0.8):
    """Labels of ``field`` with a halo; shown from ``max_scale_denominator`` inwards when given."""
    from qgis.core import (
        QgsPalLayerSettings,
    )
    from qgis.PyQt.QtGui import QColor

    font = QFont()
    font.setItalic(italic)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(halo_size)
    buffer.setColor(QColor(halo_colour))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(text)
    if placement is None:
        placement = QgsPalLayerSettings.Placement.OrderedPositionsAroundPoint
    settings.placement = placement
    settings.dist = dist
    if max_scale_denominator is not None:
        settings.scaleVisibility = True
        settings.minimumScale = max_scale_denominator  # labels shown from this scale inwards
        settings.maximumScale = 1
    return QgsVectorLayerSimpleLabeling(settings)


def services_renderer(project=False):
    from qgis.core import QgsMarkerSymbol, QgsRuleBasedRenderer

    root = QgsRuleBasedRenderer.Rule(None)
    for rank, code in enumerate(ICON_PRIORITY):
        conditions = [has(code)] + ["NOT ({})".format(has(other)) for other in ICON_PRIORITY[:rank]]
        rule = QgsRuleBasedRenderer.Rule(_icon_symbol(code, ring=project), 0, 0, " AND ".join(conditions),
                                         LABELS[code], "category:{}".format(code))
        root.appendChild(rule)
    for code in BADGES:
        main = [c for c in ICON_PRIORITY if c != code]
        expression = "{} AND ({})".format(has(code), " OR ".join(has(c) for c in main))
        rule = QgsRuleBasedRenderer.Rule(_icon_symbol(code, badge=True), 0, 0, expression,
                                         "… also offers public internet access", "badge:{}".format(code))
        root.appendChild(rule)
    other = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#9e9e9e", "outline_color": "#ffffff",
                                          "outline_width": "0.4", "size": "3.5"})
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", "Other or uncategorised place", "other"))
    return QgsRuleBasedRenderer(root)


def graduated(field, colours, breaks, method=None, precision=1):
    from qgis.core import (
        QgsFillSymbol,
        QgsGradientColorRamp,
        QgsGradientStop,
        QgsGraduatedSymbolRenderer,
        QgsRendererRange,
    )

    ranges = []
    for index, colour in enumerate(colours):
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "110,110,110,70", "outline_width": "0.1"})
        low, high = breaks[index], breaks[index + 1]
        ranges.append(QgsRendererRange(low, high, symbol, "{:g}–{:g}".format(low, high)))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    ramp = QgsGradientColorRamp(QColor(colours[0]), QColor(colours[-1]))
    ramp.setStops([QgsGradientStop(i / (len(colours) - 1), QColor(c))
                   for i, c in enumerate(colours[1:-1], 1)])
    renderer.setSourceColorRamp(ramp)
    if method is not None:
        method.setLabelPrecision(precision)
        method.setLabelTrimTrailingZeroes(True)
        method.setLabelFormat("%1 – %2")
        renderer.setClassificationMethod(method)
    return renderer


def perimeter_renderer():
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "255,255,255,230", "outline_width": "1.6"})
    dashed = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#3f007d", "outline_width": "0.7",
                                         "outline_style": "dash"})
    symbol.appendSymbolLayer(dashed.symbolLayer(0).clone())
    return QgsSingleSymbolRenderer(symbol)


def communes_renderer():
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    return QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#6e6e6e", "outline_width": "0.45", "outline_style": "dash dot"}))


def station_renderer():
    from qgis.core import QgsMarkerSymbol, QgsSingleSymbolRenderer, QgsSvgMarkerSymbolLayer

    symbol = QgsMarkerSymbol.createSimple({"name": "square", "color": "#ffffff", "outline_color": "#1a1a1a",
                                           "outline_width": "0.5", "size": "6.5"})
    icon = _mm(QgsSvgMarkerSymbolLayer("transport/transport_train_station2.svg", 4.8))
    icon.setFillColor(QColor("#1a1a1a"))
    symbol.appendSymbolLayer(icon)
    return QgsSingleSymbolRenderer(symbol)


def _layer(spec):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(spec, "style", "memory")
    if not layer.isValid():
        raise SystemExit("invalid layer spec: " + spec)
    return layer


def build_services_and_maps(target=STYLES):
    from qgis.core import QgsClassificationJenks, QgsPalLayerSettings

    target.mkdir(parents=True, exist_ok=True)
    point = "Point?crs=EPSG:2154&field=categories:string&field=nom:string"
    polygon = ("Polygon?crs=EPSG:2154&field=score:double&field=priority:double&field=ind:double"
               "&field=nom:string")
    written = []

    def save(layer, name):
        path = target / "{}.qml".format(name)
        message, ok = layer.saveNamedStyle(str(path))
        if not ok:
            raise SystemExit("{}: {}".format(path, message))
        written.append(path)

    for name, project in (("services", False), ("services_project", True)):
        layer = _layer(point)
        layer.setRenderer(services_renderer(project))
        layer.renderer().setUsingSymbolLevels(True)
        layer.setLabeling(_labeling("nom", 10000, italic=project))
        layer.setLabelsEnabled(True)
        save(layer, name)

    layer = _layer(polygon)
    layer.setRenderer(graduated("score", SCORE_COLOURS, SCORE_BREAKS))
    layer.setOpacity(0.85)
    save(layer, "coverage")

    layer = _layer(polygon)
    layer.setRenderer(graduated("priority", PRIORITY_COLOURS, (0, 1, 2, 3, 4, 5), QgsClassificationJenks()))
    layer.setOpacity(0.85)
    save(layer, "priority")

    layer = _layer(polygon)
    layer.setRenderer(graduated("ind", POPULATION_COLOURS, (0, 1, 2, 3, 4, 5), QgsClassificationJenks(), 0))
    layer.setOpacity(0.7)
    save(layer, "population")

    layer = _layer(polygon)
    layer.setRenderer(perimeter_renderer())
    save(layer, "perimeter")

    layer = _layer(polygon)
    layer.setRenderer(communes_renderer())
    layer.setLabeling(_labeling("nom", 80000, size=9, italic=True,
                                placement=QgsPalLayerSettings.Placement.OverPoint))
    layer.setLabelsEnabled(True)
    save(layer, "communes")

    layer = _layer("Point?crs=EPSG:2154&field=libelle:string")
    layer.setRenderer(station_renderer())
    layer.setLabeling(_labeling("libelle", 50000, size=9, bold=True))
    layer.setLabelsEnabled(True)
    save(layer, "station")
    return written


#: (lower, upper, colour, English label) of the connectivity classes (share_no_thd, 0–1).
CONNECTIVITY_CLASSES = (
    (0.0, 0.05, "#1a9850", "under 5 % of premises without 30 Mbit/s"),
    (0.05, 0.2, "#a6d96a", "5 to 20 %"),
    (0.2, 0.5, "#fdae61", "20 to 50 %"),
    (0.5, 1.0, "#d7191c", "50 % or more"),
)


def classed_fill_style(path, field, classes):
    """A graduated fill on ``field`` from ``(lower, upper, colour, English label)`` classes."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field={}:double".format(field), field, "memory")
    ranges = []
    for lower, upper, colour, label in classes:
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "255,255,255,160", "outline_width": "0.1", "style": "solid"}
        )
        symbol.setOpacity(0.8)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    return save(layer, path)


def connectivity_style(path):
    return classed_fill_style(path, "share_no_thd", CONNECTIVITY_CLASSES)


def scenario_style(path):
    return classed_fill_style(path, "score_delta", SCENARIO_CLASSES)


def recommended_style(path):
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=rank:integer", "recommended", "memory")
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "star", "color": "#e6550d", "outline_color": "#ffffff", "outline_width": "0.4", "size": "7"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(_labeling("rank", bold=True, placement=QgsPalLayerSettings.Placement.OverPoint,
                                colour="#ffffff", halo_colour="#7f2704", halo_size=0.6, dist=0))
    layer.setLabelsEnabled(True)
    return save(layer, path)


def save(layer, path):
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise SystemExit("{}: {}".format(path, message))
    print("wrote", path.relative_to(ROOT))
    return path


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], True)
    app.initQgis()
    for path in build_services_and_maps():
        print("wrote", path.relative_to(ROOT))
    scenario_style(STYLES / "scenario.qml")
    recommended_style(STYLES / "recommended.qml")
    connectivity_style(STYLES / "connectivity.qml")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
