"""Map styles: the ``.qml`` files load on the algorithms' outputs, each service
category has its own icon, and styles apply by themselves to algorithm outputs.

The styles are built by ``scripts/build_styles.py`` from ``core/categories.py``;
``test_committed_styles_embed_the_current_icons`` fails when a style is stale.
"""


import base64
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_styles", ROOT / "scripts" / "build_styles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_BUILDER = _builder()
STYLES = _BUILDER.STYLES
ICON_PRIORITY, LABELS, PRIORITY_COLOURS = _BUILDER.ICON_PRIORITY, _BUILDER.LABELS, _BUILDER.PRIORITY_COLOURS
SCORE_COLOURS, embedded_svg = _BUILDER.SCORE_COLOURS, _BUILDER.embedded_svg

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

    assert coverage_layer.fields().lookupField("priority") >= 0, "the coverage writes a priority field"
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
