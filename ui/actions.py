"""Menu and toolbar actions. Each launches a Processing algorithm or loads data."""

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction

from ..core import about
from ..core.i18n import tr

#: Layers of the sample GeoPackage, in the order they are stacked (top first).
SAMPLE_LAYERS = ("services", "projet_gare", "gare", "carreaux_200m", "communes")


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
    """Add the Saint-Omer sample layers to the current project, in a group."""
    root = QgsProject.instance().layerTreeRoot()
    group = root.insertGroup(0, tr("Saint-Omer sample"))
    for name in SAMPLE_LAYERS:
        layer = QgsVectorLayer("{}|layername={}".format(sample_path(), name), layer_title(name), "ogr")
        if not layer.isValid():
            iface.messageBar().pushWarning(
                tr("Ville numérique"), tr("Sample layer {name} could not be read.").format(name=name)
            )
            continue
        QgsProject.instance().addMapLayer(layer, False)
        group.addLayer(layer)


def open_algorithm(algorithm_id):
    from qgis import processing

    processing.execAlgorithmDialog(algorithm_id)


def build_actions(iface, parent):
    icon = QIcon(about.icon_path())
    coverage = QAction(icon, tr("Digital services coverage…"), parent)
    coverage.setObjectName("VilleNumeriqueCoverageAction")
    coverage.setToolTip(tr("Who lives within walking reach of each kind of digital service?"))
    coverage.triggered.connect(lambda: open_algorithm("ville_numerique:coverage"))
    coverage.setProperty("vn_toolbar", True)

    sample = QAction(tr("Load the Saint-Omer sample"), parent)
    sample.setObjectName("VilleNumeriqueSampleAction")
    sample.triggered.connect(lambda: load_sample(iface))

    help_action = QAction(tr("Help"), parent)
    help_action.setObjectName("VilleNumeriqueHelpAction")
    help_action.triggered.connect(
        lambda: QDesktopServices.openUrl(QUrl(about.metadata().get("homepage", "")))
    )
    return [coverage, sample, help_action]
