"""Base class of the Ville numérique Processing algorithms."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.about import icon_path
from ..core.errors import VilleNumeriqueError
from ..core.i18n import tr
from .utils import help_html


class BaseAlgorithm(QgsProcessingAlgorithm):
    """Common plumbing: ids, icon, translated help from ``resources/help``.

    Subclasses define ``NAME`` (stable lowercase id), ``GROUP_ID`` and
    implement ``displayName``, ``initAlgorithm`` and ``run_algorithm`` (the
    body of ``processAlgorithm``). Errors of ``core`` become
    ``QgsProcessingException`` carrying their user sentence.
    """

    NAME = ""
    GROUP_ID = "analysis"

    def name(self):
        return self.NAME

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def icon(self):
        return QIcon(icon_path())

    def createInstance(self):  # noqa: N802
        return type(self)()

    def shortHelpString(self):  # noqa: N802
        return help_html(self.NAME)

    def helpUrl(self):  # noqa: N802
        return ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.run_algorithm(parameters, context, feedback)
        except VilleNumeriqueError as error:
            raise QgsProcessingException(str(error)) from error

    def run_algorithm(self, parameters, context, feedback):
        raise NotImplementedError

    @staticmethod
    def group_name(group_id):
        return {
            "analysis": tr("Coverage analysis"),
            "data": tr("Open data"),
            "report": tr("Reports"),
        }.get(group_id, group_id)

    def group(self):
        return self.group_name(self.GROUP_ID)
