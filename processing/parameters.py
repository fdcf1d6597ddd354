"""Parameter kinds shared by the algorithms: enumerations with stable codes,
and the layers a dialog proposes by default.

**Enumerations** (``CodeEnumParameter``): the dialog shows translated labels,
the value is the option's index in a tuple of stable codes kept as a class
constant of the algorithm (e.g. ``CoverageAlgorithm.METHODS``). ``qgis_process``
and Python also accept the code itself (``METHOD=e2sfca``); ``enum_code``
reads either.

**Default layers** (``LayerHint``, ``FieldHint``): QGIS proposes the first
layer of the right geometry type, e.g. the communes as the population. An
algorithm lists in ``GUI_DEFAULTS`` which layer fits each input — by geometry
type *and* field names — and ``BaseAlgorithm.addParameter`` sets it as the
parameter's dialog default (``setGuiDefaultValueOverride``: the dialogs
only, ``qgis_process`` and Python runs keep the plain defaults). When no layer
of the project fits, no default is set.
"""

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsMapLayer, QgsProcessingParameterEnum, QgsProject, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.coverage import format_mapping
from ..core.fragility import indicator_key
from ..core.i18n import tr

POINTS = QgsWkbTypes.GeometryType.PointGeometry
POLYGONS = QgsWkbTypes.GeometryType.PolygonGeometry

#: Numeric fields that hold a number of inhabitants, most specific first (INSEE grid: ind).
POPULATION_FIELD_NAMES = ("ind", "population", "pop", "p_pop")
#: Fields that hold the category codes of a service (fetch_services writes ``categories``).
CATEGORY_FIELD_NAMES = ("categories",)


class CodeEnumParameter(QgsProcessingParameterEnum):
    """An enumeration shown with translated ``labels`` whose value is the index in ``codes``.

    The code itself (``"e2sfca"``) is accepted too, for ``qgis_process`` and scripts.
    """

    def __init__(self, name, description, codes, labels, default=0, optional=False):
        super().__init__(name, description, options=list(labels), allowMultiple=False,
                         defaultValue=default, optional=optional)
        self.codes = tuple(codes)

    def checkValueIsAcceptable(self, value, context=None):  # noqa: N802 (QGIS API)
        if isinstance(value, str) and value.strip().lower() in self.codes:
            return True
        return super().checkValueIsAcceptable(value, context)


def enum_code(algorithm, parameters, name, codes, context):
    """The stable code of enumeration ``name``: given as a code, or as an index in ``codes``."""
    value = parameters.get(name)
    if isinstance(value, str) and value.strip().lower() in codes:
        return value.strip().lower()
    index = algorithm.parameterAsEnum(parameters, name, context)
    return codes[index] if 0 <= index < len(codes) else codes[0]


# --------------------------------------------------------------------------
# the coverage options: labels and values
# --------------------------------------------------------------------------
def method_label(code):
    """The translated label of an access method (``CoverageParameters.METHODS``)."""
    return {
        "nearest": tr("Nearest service (walking distance)"),
        "cumulative": tr("Cumulative opportunities (services within reach)"),
        "2sfca": tr("2SFCA (services per inhabitant)"),
        "e2sfca": tr("Enhanced 2SFCA (with distance decay)"),
    }[code]


def decay_label(code):
    """The translated label of a distance decay (``CoverageParameters.DECAYS``)."""
    return {
        "step": tr("Step (within the threshold or not)"),
        "linear": tr("Linear"),
        "gaussian": tr("Gaussian"),
        "gravity": tr("Gravity"),
    }[code]


def thresholds_text(minutes_by_code):
    """``{code: minutes}`` as a THRESHOLDS value, ``epn=15min;wifi=4.5min``."""
    return ";".join("{}={:g}min".format(code, minutes) for code, minutes in minutes_by_code.items())


def fragility_weights_text(weights, language="en"):
    """``{indicator: weight}`` as a FRAGILITY_WEIGHTS value, with the keys of ``language``."""
    return format_mapping({indicator_key(name, language): value for name, value in weights.items()})


# --------------------------------------------------------------------------
# default layers of the dialogs
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class LayerHint:
    """A vector layer of one of ``geometries`` (any, tables too, when empty) with one of
    ``fields`` (numeric if ``numeric``).

    ``not_same_as``: the name of an input whose chosen layer is skipped (the
    planned services are not the existing ones).
    """

    geometries: tuple
    fields: tuple
    numeric: bool = False
    not_same_as: str = ""
    avoid_fields: tuple = ()  # layers with one of these come last (a result already scored)

    def field_of(self, layer):
        """The first of ``fields`` that ``layer`` has (case-insensitive), or None."""
        names = {f.name().lower(): f for f in layer.fields()}
        for wanted in self.fields:
            found = names.get(wanted.lower())
            if found is not None and (found.isNumeric() or not self.numeric):
                return found.name()
        return None

    def fits(self, layer):
        return (layer.type() == QgsMapLayer.LayerType.VectorLayer and layer.isValid()
                and (not self.geometries or layer.geometryType() in self.geometries)
                and self.field_of(layer) is not None)


#: Population units: polygons or points with a number of inhabitants, results already scored last.
POPULATION_HINT = LayerHint((POLYGONS, POINTS), POPULATION_FIELD_NAMES, numeric=True, avoid_fields=("score",))
#: Digital services: points with their category codes.
SERVICES_HINT = LayerHint((POINTS,), CATEGORY_FIELD_NAMES)
#: A coverage result: the population units with their ``score``.
COVERAGE_HINT = LayerHint((POLYGONS, POINTS), ("score",), numeric=True)


@dataclass(frozen=True)
class FieldHint:
    """The field of the layer chosen for ``parent`` named after its ``LayerHint``."""

    parent: str


@dataclass(frozen=True)
class SiblingFileHint:
    """The file next to the file of the layer chosen for ``parent``, with ``suffix``
    (the coverage's ``.json`` summary, written beside its GeoPackage)."""

    parent: str
    suffix: str


def project_layers(project=None):
    """The project's layers in the order of the layers panel (top first), then the others."""
    project = project or QgsProject.instance()
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers() if node.layer() is not None]
    seen = {layer.id() for layer in ordered}
    return ordered + [layer for layer in project.mapLayers().values() if layer.id() not in seen]


def in_main_thread():
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


class GuiDefaults:
    """The dialog defaults of one algorithm instance, chosen as its parameters are added."""

    def __init__(self, hints, project=None):
        self.hints = hints or {}
        self.project = project
        self.layers = {}  # parameter name -> chosen layer
        self._candidates = None

    def candidates(self):
        if self._candidates is None:
            self._candidates = project_layers(self.project) if in_main_thread() else []
        return self._candidates

    def value_for(self, name):
        """The dialog default of parameter ``name``, or None."""
        hint = self.hints.get(name)
        if isinstance(hint, LayerHint):
            taken = self.layers.get(hint.not_same_as)
            avoided = {field.lower() for field in hint.avoid_fields}
            fitting = [layer for layer in self.candidates() if hint.fits(layer) and layer is not taken]
            fitting.sort(key=lambda layer: any(f.name().lower() in avoided for f in layer.fields()))
            if not fitting:
                return None
            self.layers[name] = fitting[0]
            return fitting[0].id()
        if isinstance(hint, FieldHint):
            layer = self.layers.get(hint.parent)
            parent_hint = self.hints.get(hint.parent)
            return parent_hint.field_of(layer) if layer is not None else None
        if isinstance(hint, SiblingFileHint):
            layer = self.layers.get(hint.parent)
            if layer is None:
                return None
            path = Path(layer.source().split("|")[0])
            sibling = path.with_suffix(hint.suffix)
            return str(sibling) if path.is_file() and sibling.is_file() else None
        return None

    def apply(self, param):
        value = self.value_for(param.name())
        if value is not None:
            param.setGuiDefaultValueOverride(value)
        return param
