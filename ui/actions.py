"""Menu and toolbar actions. Each launches a Processing algorithm or loads data."""

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QAction

from ..core import about
from ..core.i18n import tr

#: Layers of the sample GeoPackage, in the order they are stacked (top first).
SAMPLE_LAYERS = ("services", "projet_gare", "gare", "carreaux_200m", "communes")
#: Map style (resources/styles/<name>.qml) of each sample layer.
SAMPLE_STYLES = {
    "services": "services",
    "projet_gare": "services_project",
    "gare": "station",
    "carreaux_200m": "population",
    "communes": "communes",
}


def sample_path():
    return about.resource_path("sample", "saint_omer", "saint_omer.gpkg")


def layer_title(name):
    return {
        "communes": tr("Communes"),
        "carreaux_200m": tr("Population (INSEE 200 m grid)"),
        "services": tr("Digital services"),
        "projet_gare": tr("Station project (scenario)"),
        "gare": tr("Station"),
    }[name]


def load_sample(iface):
    """Add the Saint-Omer sample layers to the current project, in a group, styled.

    Returns ``{sample layer name: QgsVectorLayer}`` of the layers added.
    """
    from ..processing.styles import load_style

    root = QgsProject.instance().layerTreeRoot()
    group = root.insertGroup(0, tr("Saint-Omer sample"))
    layers = {}
    for name in SAMPLE_LAYERS:
        layer = QgsVectorLayer("{}|layername={}".format(sample_path(), name), layer_title(name), "ogr")
        if not layer.isValid():
            if iface is not None:
                iface.messageBar().pushWarning(
                    tr("Ville numérique"), tr("Sample layer {name} could not be read.").format(name=name)
                )
            continue
        load_style(layer, SAMPLE_STYLES[name])
        QgsProject.instance().addMapLayer(layer, False)
        group.addLayer(layer)
        layers[name] = layer
    return layers


def documentation_url():
    """The user documentation: the guide in docs/ or the README shipped with the plugin,
    else the project's home page."""
    for relative in (("docs", "index.md"), ("docs", "guide.md"), ("README.md",)):
        path = about.PLUGIN_DIR.joinpath(*relative)
        if path.is_file():
            return QUrl.fromLocalFile(str(path))
    return QUrl(about.metadata().get("homepage", ""))


def open_documentation():
    """The guide in the web browser, rendered from its Markdown (``ui/help.py``)."""
    from .help import rendered_url

    return QDesktopServices.openUrl(rendered_url(documentation_url()))


def open_algorithm(algorithm_id):
    from qgis import processing

    processing.execAlgorithmDialog(algorithm_id)


def build_actions(iface, parent):
    from qgis.core import QgsApplication

    # the plugin icon is the panel's (plugin.py); this action opens a Processing dialog
    coverage = QAction(QgsApplication.getThemeIcon("/processingAlgorithm.svg"),
                       tr("Digital services coverage…"), parent)
    coverage.setObjectName("VilleNumeriqueCoverageAction")
    coverage.setToolTip(tr("Who lives within walking reach of each kind of digital service?"))
    coverage.triggered.connect(lambda: open_algorithm("ville_numerique:coverage"))
    coverage.setProperty("vn_toolbar", True)

    sample = QAction(tr("Load the Saint-Omer sample"), parent)
    sample.setObjectName("VilleNumeriqueSampleAction")
    sample.triggered.connect(lambda: load_sample(iface))

    help_action = QAction(tr("Help"), parent)
    help_action.setObjectName("VilleNumeriqueHelpAction")
    help_action.triggered.connect(open_documentation)
    return [coverage, sample, help_action]
