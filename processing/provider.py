"""The Ville numérique Processing provider (id ``ville_numerique``)."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core import about
from ..core.i18n import tr
from .connectivity import ConnectivityAlgorithm
from .coverage import CoverageAlgorithm
from .datagouv import DataGouvLoadAlgorithm, DataGouvSearchAlgorithm
from .fetch import FetchIgnAlgorithm, FetchPopulationAlgorithm
from .fetch_services import FetchServicesAlgorithm
from .fragility_ifn import FragilityIfnAlgorithm
from .geocode import GeocodeAlgorithm
from .infrastructure import FetchInfrastructureAlgorithm
from .isochrone import IsochroneAlgorithm
from .recommend import RecommendSitesAlgorithm
from .report import ReportAlgorithm
from .scenario import ScenarioAlgorithm

#: Every algorithm of the provider; add new ones here.
ALGORITHMS = (
    CoverageAlgorithm,
    ScenarioAlgorithm,
    RecommendSitesAlgorithm,
    FragilityIfnAlgorithm,
    ConnectivityAlgorithm,
    ReportAlgorithm,
    DataGouvSearchAlgorithm,
    DataGouvLoadAlgorithm,
    FetchServicesAlgorithm,
    FetchIgnAlgorithm,
    FetchPopulationAlgorithm,
    FetchInfrastructureAlgorithm,
    IsochroneAlgorithm,
    GeocodeAlgorithm,
)


class VilleNumeriqueProvider(QgsProcessingProvider):
    def id(self):
        return about.PLUGIN_ID

    def name(self):
        return tr("Ville numérique")

    def longName(self):  # noqa: N802
        return tr("Ville numérique {version} — digital inclusion coverage").format(
            version=about.version()
        )

    def versionInfo(self):  # noqa: N802
        return about.version()

    def icon(self):
        return QIcon(about.icon_path())

    def svgIconPath(self):  # noqa: N802
        return about.icon_path()

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())


def refresh_algorithms():
    """Re-create the provider's algorithms (their defaults read the settings when created)."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(about.PLUGIN_ID) if registry is not None else None
    if provider is not None:
        provider.refreshAlgorithms()
