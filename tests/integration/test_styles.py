"""Map styles: the ``.qml`` files load on the algorithms' outputs, each service
category has its own icon, and styles apply by themselves to algorithm outputs.

This file also holds the builder of ``resources/styles/*.qml`` (QGIS's own API
writes them). The styles are committed; run it again after changing an icon of
``resources/icons/categories/`` or a colour below::

    .venv/bin/python -P tests/integration/test_styles.py

The category icons are embedded in the ``.qml`` (``base64:`` SVG, QGIS >= 3.16)
so that a style, and a project saved with it, draw the same icons on any
machine; ``test_committed_styles_embed_the_current_icons`` fails when a style
is stale.
"""


import base64
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STYLES = ROOT / "resources" / "styles"
ICONS = ROOT / "resources" / "icons" / "categories"

#: Main icon of a place: its most specific category, in this order.
ICON_PRIORITY = ("france_services", "conseiller_numerique", "fablab", "tiers_lieu", "epn", "wifi")
#: A place offering one of these besides its main category gets a small badge.
BADGES = ("wifi",)
#: English legend labels (localised when the style is loaded, see processing/styles.py).
LABELS = {
    "epn": "Digital mediation place",
    "france_services": "France Services",
    "conseiller_numerique": "Digital adviser (conseiller numérique)",
    "tiers_lieu": "Third place (tiers-lieu, coworking)",
    "fablab": "Fab lab",
    "wifi": "Public internet access",
}
#: Colour-blind-safe 5-class ramps (ColorBrewer).
SCORE_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6")  # RdYlBu, low score red
PRIORITY_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")  # YlOrRd
POPULATION_COLOURS = ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")  # Purples
ICON_SIZE = "CASE WHEN @map_scale > 12000 THEN 5 ELSE 6.5 END"
BADGE_SIZE = "CASE WHEN @map_scale > 12000 THEN 2.6 ELSE 3.2 END"


def embedded_svg(code):
    return "base64:" + base64.b64encode((ICONS / "{}.svg".format(code)).read_bytes()).decode("ascii")


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
    from qgis.PyQt.QtGui import QColor

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
    svg = _mm(QgsSvgMarkerSymbolLayer(embedded_svg(code), 3.2 if badge else 6.5))
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


def _labeling(field, max_scale_denominator, size=8, italic=False, bold=False, placement=None):
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    font = QFont()
    font.setItalic(italic)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 220))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(text)
    if placement is None:
        placement = QgsPalLayerSettings.Placement.OrderedPositionsAroundPoint
    settings.placement = placement
    settings.dist = 0.8
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
    from qgis.PyQt.QtGui import QColor

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
    from qgis.PyQt.QtGui import QColor

    symbol = QgsMarkerSymbol.createSimple({"name": "square", "color": "#ffffff", "outline_color": "#1a1a1a",
                                           "outline_width": "0.5", "size": "6.5"})
    icon = _mm(QgsSvgMarkerSymbolLayer("transport/transport_train_station2.svg", 4.8))
    icon.setFillColor(QColor("#1a1a1a"))
    symbol.appendSymbolLayer(icon)
    return QgsSingleSymbolRenderer(symbol)


def _layer(spec):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(spec, "style", "memory")
    assert layer.isValid(), spec
    return layer


def build(target=STYLES):
    from qgis.core import QgsClassificationJenks, QgsPalLayerSettings

    target.mkdir(parents=True, exist_ok=True)
    point = "Point?crs=EPSG:2154&field=categories:string&field=nom:string"
    polygon = ("Polygon?crs=EPSG:2154&field=score:double&field=priority:double&field=ind:double"
               "&field=nom:string")
    written = []

    def save(layer, name):
        path = target / "{}.qml".format(name)
        message, ok = layer.saveNamedStyle(str(path))
        assert ok, message
        written.append(path)

    for name, project in (("services", False), ("services_project", True)):
        layer = _layer(point)
        layer.setRenderer(services_renderer(project))
        layer.renderer().setUsingSymbolLevels(True)
        layer.setLabeling(_labeling("nom", 10000, italic=project))
        layer.setLabelsEnabled(True)
        save(layer, name)

    layer = _layer(polygon)
    layer.setRenderer(graduated("score", SCORE_COLOURS, (0, 20, 40, 60, 80, 100)))
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


# ---------------------------------------------------------------------------
# tests
# ---------------------------------------------------------------------------

SAMPLE = ROOT / "resources" / "sample" / "saint_omer" / "saint_omer.gpkg"


def sample(name):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("{}|layername={}".format(SAMPLE, name), name, "ogr")
    assert layer.isValid()
    return layer


def expression_value(text, scale):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope

    context = QgsExpressionContext()
    scope = QgsExpressionContextScope()
    scope.setVariable("map_scale", scale)
    context.appendScope(scope)
    return QgsExpression(text).evaluate(context)


def rules_by_kind(renderer):
    rules = {}
    for rule in renderer.rootRule().children():
        kind, _, code = (rule.description() or "").partition(":")
        rules[(kind, code)] = rule
    return rules


@pytest.fixture
def coverage_layer(run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    path = tmp_path / "coverage.gpkg"
    run_alg("ville_numerique:coverage", {
        "POPULATION": "{}|layername=carreaux_200m".format(SAMPLE), "POPULATION_FIELD": "ind",
        "SERVICES": "{}|layername=services".format(SAMPLE), "CATEGORY_FIELD": "categories",
        "OUTPUT": str(path), "SUMMARY": str(tmp_path / "summary.json"),
    })
    layer = QgsVectorLayer(str(path), "coverage", "ogr")
    assert layer.isValid()
    return layer


def test_every_style_file_exists(qgis_app):
    from ville_numerique.processing.styles import STYLE_NAMES, default_layer_name, style_path

    for name in STYLE_NAMES:
        assert Path(style_path(name)).is_file(), name
        assert default_layer_name(name)
    with pytest.raises(ValueError):
        style_path("nope")


def test_coverage_style_on_the_output_layer(coverage_layer):
    from qgis.core import QgsGraduatedSymbolRenderer
    from ville_numerique.processing.styles import load_style

    assert load_style(coverage_layer, "coverage")
    renderer = coverage_layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "score"
    ranges = renderer.ranges()
    bounds = [(r.lowerValue(), r.upperValue()) for r in ranges]
    assert bounds == [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100)]
    assert [r.symbol().color().name() for r in ranges] == list(SCORE_COLOURS)
    assert "least served" in ranges[0].label() and "best served" in ranges[-1].label()
    scores = [f["score"] for f in coverage_layer.getFeatures()]
    assert all(renderer.rangeForValue(score) is not None for score in scores)


def test_coverage_layer_offers_the_priority_style(coverage_layer):
    from ville_numerique.processing.styles import load_style

    if coverage_layer.fields().lookupField("priority") < 0:
        pytest.skip("this coverage algorithm writes no priority field")
    assert load_style(coverage_layer, "coverage")
    manager = coverage_layer.styleManager()
    assert manager.styles() == ["Coverage score", "Priority areas"]
    assert manager.currentStyle() == "Coverage score"
    assert coverage_layer.renderer().classAttribute() == "score"
    manager.setCurrentStyle("Priority areas")
    renderer = coverage_layer.renderer()
    assert renderer.classAttribute() == "priority" and len(renderer.ranges()) == 5
    top = max(f["priority"] for f in coverage_layer.getFeatures())
    assert renderer.ranges()[-1].upperValue() == pytest.approx(top)
    assert load_style(coverage_layer, "coverage")  # again: no duplicate style
    assert manager.styles() == ["Coverage score", "Priority areas"]


def test_priority_classes_follow_the_data(coverage_layer):
    from qgis.core import QgsExpression, QgsField, QgsGraduatedSymbolRenderer
    from qgis.PyQt.QtCore import QVariant
    from ville_numerique.processing.styles import load_style

    layer = coverage_layer
    assert layer.startEditing()
    layer.addAttribute(QgsField("priority", QVariant.Type.Double))
    index = layer.fields().lookupField("priority")
    expression = QgsExpression("\"ind\" * (100 - \"score\") / 100")
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils

    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    for feature in layer.getFeatures():
        context.setFeature(feature)
        layer.changeAttributeValue(feature.id(), index, expression.evaluate(context))
    assert layer.commitChanges()
    assert load_style(layer, "priority")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "priority"
    values = [f["priority"] for f in layer.getFeatures()]
    assert renderer.ranges()[-1].upperValue() == pytest.approx(max(values))
    assert renderer.ranges()[0].symbol().color().name() == PRIORITY_COLOURS[0]


def test_each_category_has_its_own_icon(qgis_app):
    from qgis.core import QgsRuleBasedRenderer
    from qgis.PyQt.QtCore import QByteArray
    from qgis.PyQt.QtSvg import QSvgRenderer
    from ville_numerique.core.services import CATEGORIES, category_label
    from ville_numerique.processing.styles import load_style

    layer = sample("services")
    assert load_style(layer, "services")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    rules = rules_by_kind(renderer)
    paths = {}
    for code in CATEGORIES:
        rule = rules[("category", code)]
        assert rule.label() == category_label(code)
        svg = [sl for sl in rule.symbol().symbolLayers() if sl.layerType() == "SvgMarker"][0]
        paths[code] = svg.path()
        data = QByteArray(base64.b64decode(svg.path()[len("base64:"):]))
        assert QSvgRenderer(data).isValid(), code
        # legible at 1:5 000 and at 1:25 000 (millimetres on screen)
        size = svg.dataDefinedProperties().property(svg.PropertySize).expressionString()
        assert expression_value(size, 5000) == 6.5 and expression_value(size, 25000) == 5
    assert len(set(paths.values())) == len(CATEGORIES)
    assert ("badge", "wifi") in rules and ("other", "") in rules


def test_every_service_gets_exactly_one_main_icon(qgis_app):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils
    from ville_numerique.processing.styles import load_style

    for name in ("services", "projet_gare"):
        layer = sample(name)
        assert load_style(layer, "services")
        rules = [rule for (kind, _code), rule in rules_by_kind(layer.renderer()).items()
                 if kind == "category"]
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        for feature in layer.getFeatures():
            context.setFeature(feature)
            matching = [r.description() for r in rules
                        if QgsExpression(r.filterExpression()).evaluate(context)]
            assert len(matching) == 1, (feature["categories"], matching)
            first_rank = min(ICON_PRIORITY.index(c) for c in feature["categories"].split("|"))
            assert matching == ["category:" + ICON_PRIORITY[first_rank]]


def test_committed_styles_embed_the_current_icons():
    """Run this file as a script to rebuild the styles after changing an icon."""
    for name in ("services", "services_project"):
        text = (STYLES / "{}.qml".format(name)).read_text(encoding="utf-8")
        for code in LABELS:
            assert embedded_svg(code) in text, "{}.qml is stale for {}: rebuild it".format(name, code)


def test_other_styles_load_on_the_sample(qgis_app):
    from qgis.core import QgsGraduatedSymbolRenderer
    from ville_numerique.processing.styles import load_style

    for layer_name, style in (("communes", "communes"), ("gare", "station"), ("carreaux_200m", "population"),
                              ("projet_gare", "services_project")):
        layer = sample(layer_name)
        assert load_style(layer, style), style
        assert layer.renderer() is not None
    layer = sample("carreaux_200m")
    load_style(layer, "population")
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().ranges()[-1].upperValue() == pytest.approx(
        max(f["ind"] for f in layer.getFeatures()))


def test_perimeter_style_is_an_outline(qgis_app):
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import Qt
    from ville_numerique.processing.styles import load_style

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "perimeter", "memory")
    assert load_style(layer, "perimeter")
    layers = layer.renderer().symbol().symbolLayers()
    assert all(sl.brushStyle() == Qt.BrushStyle.NoBrush for sl in layers)
    assert layers[-1].strokeStyle() == Qt.PenStyle.DashLine


def test_each_output_gets_its_own_post_processor_kept_alive(qgis_app):
    # QGIS deletes a post-processor after use: reusing one would crash the second run
    from ville_numerique.processing import styles

    first = styles.post_processor("coverage", "A")
    second = styles.post_processor("coverage", "A")
    assert second is not first
    assert styles._POST_PROCESSORS[-1] is second and styles._POST_PROCESSORS[-2] is first


def coverage_parameters(output, summary):
    return {
        "POPULATION": "{}|layername=carreaux_200m".format(SAMPLE), "POPULATION_FIELD": "ind",
        "SERVICES": "{}|layername=services".format(SAMPLE), "CATEGORY_FIELD": "categories",
        "OUTPUT": output, "SUMMARY": summary,
    }


class FrenchNames:
    """A translator giving the layer name in French, as the .qm will."""

    def __init__(self):
        from qgis.PyQt.QtCore import QTranslator

        class Translator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                return {"Digital services coverage": "Couverture en services numériques"}.get(source)

            def isEmpty(self):
                return False

        self.translator = Translator()

    def __enter__(self):
        from qgis.PyQt.QtCore import QCoreApplication

        QCoreApplication.installTranslator(self.translator)
        return self

    def __exit__(self, *exc):
        from qgis.PyQt.QtCore import QCoreApplication

        QCoreApplication.removeTranslator(self.translator)


def test_post_processor_styles_outputs_loaded_by_qgis(provider, qgis_new_project, tmp_path):
    """processing.runAndLoadResults loads outputs like the Processing dialog does."""
    from qgis import processing
    from qgis.core import (
        QgsGraduatedSymbolRenderer,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )

    algorithm = "ville_numerique:coverage"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    output = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance())
    with FrenchNames():
        results = processing.runAndLoadResults(
            algorithm, coverage_parameters(output, str(tmp_path / "summary.json")), context=context,
            feedback=QgsProcessingFeedback())
    layer = QgsProject.instance().mapLayer(results["OUTPUT"])
    assert layer is not None, results
    assert layer.name() == "Couverture en services numériques"
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "score"


def test_post_processor_through_processing_run(provider, qgis_new_project, tmp_path):
    """processing.run with a context whose outputs load into the project: the post-processor is set."""
    from qgis import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )
    from ville_numerique.processing.styles import StylePostProcessor

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    output = QgsProcessingOutputLayerDefinition(str(tmp_path / "coverage.gpkg"), QgsProject.instance())
    results = processing.run("ville_numerique:coverage", coverage_parameters(output, str(tmp_path / "s.json")),
                             context=context, feedback=QgsProcessingFeedback(), onFinish=lambda *a: None)
    assert context.willLoadLayerOnCompletion(results["OUTPUT"])
    details = context.layerToLoadOnCompletionDetails(results["OUTPUT"])
    assert isinstance(details.postProcessor(), StylePostProcessor)
    assert details.postProcessor().style_name == "coverage"
    assert details.name == "Digital services coverage"
    assert not (tmp_path / "coverage.qml").exists()  # the project gets the style, not a sidecar


def test_outputs_not_loaded_get_a_sidecar_style(provider, run_alg, tmp_path):
    """qgis_process and processing.run without loading: <file>.qml next to the output."""
    from qgis import processing
    from qgis.core import QgsGraduatedSymbolRenderer, QgsProcessingContext, QgsVectorLayer

    output = tmp_path / "coverage.gpkg"
    processing.run("ville_numerique:coverage", coverage_parameters(str(output), str(tmp_path / "summary.json")),
                   context=QgsProcessingContext())
    assert (tmp_path / "coverage.qml").is_file()
    layer = QgsVectorLayer(str(output), "reopened", "ogr")  # how a user opens it later
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["population_total"] == 15174.5

#: Algorithms that run offline on the sample: parameters, style, layer name.
STYLED_OUTPUTS = {
    "scenario": (
        lambda tmp: dict(coverage_parameters(None, str(tmp / "scenario.json")),
                         PLANNED="{}|layername=projet_gare".format(SAMPLE)),
        "score_delta", "Scenario: score gained",
    ),
    "recommend_sites": (
        lambda tmp: dict(coverage_parameters(None, str(tmp / "sites.json")), CATEGORY="wifi", K=2),
        None, "Recommended sites",
    ),
}


@pytest.mark.parametrize("name", list(STYLED_OUTPUTS))
def test_outputs_are_styled_when_loaded_and_as_files(provider, qgis_new_project, tmp_path, name):
    from qgis import processing
    from qgis.core import (
        QgsGraduatedSymbolRenderer,
        QgsProcessingContext,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )

    make_parameters, field, title = STYLED_OUTPUTS[name]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = make_parameters(tmp_path)
    parameters["OUTPUT"] = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance())
    results = processing.runAndLoadResults("ville_numerique:" + name, parameters, context=context)
    layer = QgsProject.instance().mapLayer(results["OUTPUT"])
    assert layer is not None and layer.name() == title
    if field:  # the scenario: graduated on the score gained, legend in the user's language
        assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
        assert layer.renderer().classAttribute() == field
        labels = [r.label() for r in layer.renderer().ranges()]
        assert labels[1] == "no change" and labels[-1] == "more than +20 points"
        deltas = [f["score_delta"] for f in layer.getFeatures()]
        assert all(layer.renderer().rangeForValue(d) is not None for d in deltas)  # every unit drawn
    else:  # recommended sites: a numbered star
        assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
        assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "rank"
    # without loading (qgis_process): the style is written next to the file
    parameters = make_parameters(tmp_path)
    parameters["OUTPUT"] = str(tmp_path / "{}.gpkg".format(name))
    processing.run("ville_numerique:" + name, parameters, context=QgsProcessingContext())
    assert (tmp_path / "{}.qml".format(name)).is_file()
    reopened = QgsVectorLayer(str(tmp_path / "{}.gpkg".format(name)), "reopened", "ogr")
    assert type(reopened.renderer()) is type(layer.renderer())


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    for path in build():
        print(path.relative_to(ROOT))
    sys.exit(0)
