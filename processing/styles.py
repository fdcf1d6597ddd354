"""Map styles of the plugin's layers, applied automatically to algorithm outputs.

The styles are ``.qml`` files in ``resources/styles/`` (English legend labels,
localised here when a style is loaded). An algorithm styles its output with
one call, after ``parameterAsSink``::

    from .styles import apply_style
    apply_style(context, dest_id, "coverage", tr("Digital services coverage"))

* when the output is loaded into a project (QGIS desktop, the panel,
  ``processing.runAndLoadResults``, any caller honouring
  ``context.layersToLoadOnCompletion()``), a layer post-processor
  (:class:`StylePostProcessor`) loads the style and names the layer;
* when it is not (``qgis_process``, ``processing.run`` without loading) and the
  output is a file, the style is written next to it as ``<file>.qml``, the
  sidecar QGIS reads by default when that file is opened later.

QGIS takes each post-processor over and deletes it once the layer is loaded:
every output gets a new instance, whose Python wrapper is kept in the bounded
queue ``_POST_PROCESSORS`` so that it is not collected before QGIS calls it.
"""

import collections
import shutil
import threading
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsGraduatedSymbolRenderer,
    QgsMessageLog,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from ..core import about
from ..core.i18n import tr
from ..core.services import CATEGORIES, category_label

#: Every style shipped in ``resources/styles/`` (file ``<name>.qml``).
STYLE_NAMES = (
    "services",  # digital services, one SVG icon per category (field ``categories``)
    "services_project",  # planned services (scenario): same icons, dashed ring
    "coverage",  # graduated ``score`` 0–100, 5 classes
    "priority",  # graduated ``priority``, 5 quantile classes computed on the data
    "perimeter",  # project perimeter, outline only
    "station",  # railway station
    "communes",  # commune boundaries with their names
    "population",  # INSEE grid, graduated ``ind``, classes computed on the data
    "scenario",  # scenario output, graduated ``score_delta`` (scripts/build_styles.py)
    "recommended",  # recommended sites, a star numbered with ``rank`` (scripts/build_styles.py)
    "connectivity",  # connectivity output, graduated ``share_no_thd`` (scripts/build_styles.py)
)

#: Number of classes of the graduated styles whose breaks depend on the data.
DATA_CLASSES = {"priority": ("priority", 5, 1), "population": ("ind", 5, 0)}  # field, classes, decimals

#: Styles offered as alternatives (layer › Styles) when the layer has their field.
COMPANIONS = {"coverage": (("priority", "priority"),)}

_POST_PROCESSORS = collections.deque(maxlen=256)
_LOCK = threading.Lock()


def style_path(style_name):
    """Absolute path of ``resources/styles/<style_name>.qml``."""
    if style_name not in STYLE_NAMES:
        raise ValueError("unknown style: {}".format(style_name))
    return about.resource_path("styles", "{}.qml".format(style_name))


def default_layer_name(style_name):
    """Translated default name of a layer drawn with ``style_name``."""
    return {
        "services": tr("Digital services"),
        "services_project": tr("Planned services (scenario)"),
        "coverage": tr("Digital services coverage"),
        "priority": tr("Priority areas"),
        "perimeter": tr("Project perimeter"),
        "station": tr("Station"),
        "communes": tr("Communes"),
        "population": tr("Population (INSEE 200 m grid)"),
        "scenario": tr("Scenario: score gained"),
        "recommended": tr("Recommended sites"),
        "connectivity": tr("Premises without 30 Mbit/s (ARCEP)"),
    }[style_name]


def _log(message):
    QgsMessageLog.logMessage(message, about.PLUGIN_ID, Qgis.MessageLevel.Warning)


def _localise_rules(renderer):
    """Legend labels of the category rules in the user's language.

    A rule's description holds ``category:<code>``, ``badge:<code>`` or ``other``.
    """
    for rule in renderer.rootRule().descendants():
        if rule.description() == "other":  # the ELSE rule of scripts/build_styles.py
            rule.setLabel(tr("Other or uncategorised place"))
            continue
        kind, _, code = (rule.description() or "").partition(":")
        if code not in CATEGORIES:
            continue
        if kind == "category":
            rule.setLabel(category_label(code))
        elif kind == "badge":
            rule.setLabel(tr("… also offers {category}").format(category=category_label(code).lower()))


def _short(value, decimals):
    text = "{:.{}f}".format(value, decimals)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _localise_score(renderer):
    ranges = renderer.ranges()
    if len(ranges) < 2:
        return
    first, last = 0, len(ranges) - 1
    renderer.updateRangeLabel(
        first, tr("{low:g}–{high:g} · least served").format(
            low=ranges[first].lowerValue(), high=ranges[first].upperValue())
    )
    renderer.updateRangeLabel(
        last, tr("{low:g}–{high:g} · best served").format(
            low=ranges[last].lowerValue(), high=ranges[last].upperValue())
    )


def scenario_labels():
    """Legend labels of the classes of ``scenario.qml``, in their order."""
    return (
        tr("score lower"),
        tr("no change"),
        tr("+0 to 5 points"),
        tr("+5 to 10 points"),
        tr("+10 to 20 points"),
        tr("more than +20 points"),
    )


def connectivity_labels():
    """Legend labels of the classes of ``connectivity.qml``, in their order."""
    return (
        tr("under 5 % of premises without 30 Mbit/s"),
        tr("5 to 20 %"),
        tr("20 to 50 %"),
        tr("50 % or more"),
    )


def style_title(style_name):
    """Translated name of a style in the layer's style list (layer › Styles)."""
    return {
        "coverage": tr("Coverage score"),
        "priority": tr("Priority areas"),
    }.get(style_name, default_layer_name(style_name))


def load_style(layer, style_name):
    """Load ``style_name`` on ``layer`` (a vector layer); True when it worked.

    Legend labels are localised; graduated styles whose classes depend on the
    data (``DATA_CLASSES``) are classified again on the layer's values. When
    the layer has the field of a companion style (``COMPANIONS``: the coverage
    layer's ``priority``), that style is added to the layer's style list so
    the user switches with one click (layer › Styles).
    """
    if not _load(layer, style_name):
        return False
    companions = [(name, field) for name, field in COMPANIONS.get(style_name, ())
                  if layer.fields().lookupField(field) >= 0]
    if companions:
        manager = layer.styleManager()
        main = style_title(style_name)
        if main not in manager.styles() and not manager.renameStyle(manager.currentStyle(), main):
            return True  # the main style stays, without companions
        for name, _field in companions:
            title = style_title(name)
            if title in manager.styles():
                manager.removeStyle(title)
            manager.addStyleFromLayer(title)
            manager.setCurrentStyle(title)
            _load(layer, name)
            manager.setCurrentStyle(main)
    return True


def _load(layer, style_name):
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    path = style_path(style_name)
    message, ok = layer.loadNamedStyle(path)
    if not ok:
        _log(tr("The style {name} could not be loaded: {message}").format(name=style_name, message=message))
        return False
    renderer = layer.renderer()
    if isinstance(renderer, (QgsRuleBasedRenderer, QgsGraduatedSymbolRenderer)):
        renderer = renderer.clone()  # changed, then set again: the legend follows
        if isinstance(renderer, QgsRuleBasedRenderer):
            _localise_rules(renderer)
        else:
            field, classes, decimals = DATA_CLASSES.get(style_name, (None, 0, 0))
            if field and layer.fields().lookupField(field) >= 0 and layer.featureCount() > 0:
                renderer.updateClasses(layer, classes)
                for index, item in enumerate(renderer.ranges()):
                    renderer.updateRangeLabel(index, "{} – {}".format(
                        _short(item.lowerValue(), decimals), _short(item.upperValue(), decimals)))
            if style_name == "coverage":
                _localise_score(renderer)
            elif style_name == "scenario" and len(renderer.ranges()) == len(scenario_labels()):
                for index, label in enumerate(scenario_labels()):
                    renderer.updateRangeLabel(index, label)
            elif style_name == "connectivity" and len(renderer.ranges()) == len(connectivity_labels()):
                for index, label in enumerate(connectivity_labels()):
                    renderer.updateRangeLabel(index, label)
        layer.setRenderer(renderer)
    layer.triggerRepaint()
    return True


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Loads a plugin style on an output layer once QGIS has loaded it."""

    def __init__(self, style_name, layer_name=""):
        super().__init__()
        self.style_name = style_name
        self.layer_name = layer_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if not load_style(layer, self.style_name) and feedback is not None:
            feedback.pushWarning(
                tr("The map style {name} could not be applied.").format(name=self.style_name))
        if self.layer_name:
            layer.setName(self.layer_name)


def post_processor(style_name, layer_name=""):
    """A new post-processor for ``style_name`` and ``layer_name``, kept alive.

    QGIS takes the post-processor over (``setPostProcessor`` transfers it) and
    deletes it with the layer details once used, so each output gets its own
    instance; the Python wrapper is kept in a bounded queue until then.
    """
    style_path(style_name)  # validates the name
    processor = StylePostProcessor(style_name, layer_name or "")
    with _LOCK:
        _POST_PROCESSORS.append(processor)
    return processor


def output_file(dest_id):
    """The file behind an output id, or None (memory layer, database…)."""
    if not dest_id or str(dest_id).startswith("memory:"):
        return None
    try:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", str(dest_id))
    except Exception:  # noqa: BLE001 - an unusual id must not break the algorithm
        return None
    path = parts.get("path") or ""
    return Path(path) if path and Path(path).is_file() else None


def write_sidecar_style(dest_id, style_name):
    """Copy the style next to a file output as ``<file>.qml``; its path, or None."""
    path = output_file(dest_id)
    if path is None:
        return None
    target = path.with_suffix(".qml")
    try:
        shutil.copyfile(style_path(style_name), target)
    except OSError as error:
        _log(tr("The style could not be written next to {path}: {error}").format(path=path, error=error))
        return None
    return target


def apply_style(context, dest_id, style_name, display_name=None):
    """Style the output ``dest_id`` of an algorithm (call it in ``processAlgorithm``).

    If the context loads the output on completion, attach the style's
    post-processor and the (translated) layer name ``display_name``; else, if
    the output is a file, write the style next to it (see module doc).
    Returns ``"post-processor"``, ``"sidecar"`` or None.
    """
    name = display_name or ""
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(post_processor(style_name, name))
        if name:
            details.name = name
            if hasattr(details, "forceName"):
                details.forceName = True
        return "post-processor"
    if write_sidecar_style(dest_id, style_name) is not None:
        return "sidecar"
    return None
