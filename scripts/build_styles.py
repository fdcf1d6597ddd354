#!/usr/bin/env python3
"""Build the map styles of the scenario and site-recommendation outputs.

* ``resources/styles/scenario.qml`` — the scenario layer, graduated on
  ``score_delta`` (points of score gained by each unit when the planned
  services open): grey where nothing changes, greens where the score rises,
  red where it falls (possible with floating-catchment methods only);
* ``resources/styles/recommended.qml`` — recommended sites: a star numbered
  with its ``rank``;
* ``resources/styles/connectivity.qml`` — the connectivity output, graduated on
  ``share_no_thd`` (share of premises without a 30 Mbit/s line, satellite not
  counted): greens where almost every premise has one, reds where most have not.

The other styles of ``resources/styles/`` were drawn in QGIS and saved as
``.qml``; these two are generated so that their classes stay readable here.
The files are committed; run again after editing this script::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -P scripts/build_styles.py

Legend labels are written in English; ``processing/styles.py`` localises them
when it loads the style.
"""

import sys
from pathlib import Path

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

ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "resources" / "styles"

#: (lower, upper, colour, English label) of the scenario classes, in points of score.
SCENARIO_CLASSES = (
    (-100.0, -0.05, "#d7301f", "score lower"),
    (-0.05, 0.05, "#e0e0e0", "no change"),
    (0.05, 5.0, "#c7e9c0", "+0 to 5 points"),
    (5.0, 10.0, "#74c476", "+5 to 10 points"),
    (10.0, 20.0, "#31a354", "+10 to 20 points"),
    (20.0, 100.0, "#006d2c", "more than +20 points"),
)


#: (lower, upper, colour, English label) of the connectivity classes (share_no_thd, 0–1).
CONNECTIVITY_CLASSES = (
    (0.0, 0.05, "#1a9850", "under 5 % of premises without 30 Mbit/s"),
    (0.05, 0.2, "#a6d96a", "5 to 20 %"),
    (0.2, 0.5, "#fdae61", "20 to 50 %"),
    (0.5, 1.0, "#d7191c", "50 % or more"),
)


def connectivity_style(path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=share_no_thd:double", "connectivity", "memory")
    ranges = []
    for lower, upper, colour, label in CONNECTIVITY_CLASSES:
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "255,255,255,160", "outline_width": "0.1", "style": "solid"}
        )
        symbol.setOpacity(0.8)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("share_no_thd", ranges))
    return save(layer, path)


def scenario_style(path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=score_delta:double", "scenario", "memory")
    ranges = []
    for lower, upper, colour, label in SCENARIO_CLASSES:
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "255,255,255,160", "outline_width": "0.1", "style": "solid"}
        )
        symbol.setOpacity(0.8)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    renderer = QgsGraduatedSymbolRenderer("score_delta", ranges)
    layer.setRenderer(renderer)
    return save(layer, path)


def recommended_style(path):
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=rank:integer", "recommended", "memory")
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "star", "color": "#e6550d", "outline_color": "#ffffff", "outline_width": "0.4", "size": "7"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.dist = 0
    text = QgsTextFormat()
    font = QFont()
    font.setBold(True)
    text.setFont(font)
    text.setSize(8)
    text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text.setColor(QColor("#ffffff"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    buffer.setColor(QColor("#7f2704"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return save(layer, path)


def save(layer, path):
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise SystemExit("{}: {}".format(path, message))
    print("wrote", path.relative_to(ROOT))
    return path


def main():
    app = QgsApplication([], False)
    app.initQgis()
    scenario_style(STYLES / "scenario.qml")
    recommended_style(STYLES / "recommended.qml")
    connectivity_style(STYLES / "connectivity.qml")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
