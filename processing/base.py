"""Base class of the Ville numérique Processing algorithms."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication, QThread
from qgis.PyQt.QtGui import QIcon

from ..core.about import icon_path
from ..core.errors import VilleNumeriqueError
from ..core.i18n import tr
from .outputs import OutputTransaction
from .parameters import GuiDefaults
from .utils import help_html


def in_background():
    """Running in a worker thread (a QgsTask), not in the application's main thread."""
    application = QCoreApplication.instance()
    return application is not None and QThread.currentThread() is not application.thread()


class BaseAlgorithm(QgsProcessingAlgorithm):
    """Common plumbing: ids, icon, translated help from ``resources/help``.

    Subclasses define ``NAME`` (stable lowercase id), ``GROUP_ID`` and
    implement ``displayName``, ``initAlgorithm`` and ``run_algorithm`` (the
    body of ``processAlgorithm``). Errors of ``core`` become
    ``QgsProcessingException`` carrying their user sentence.
    """

    NAME = ""
    GROUP_ID = "analysis"
    #: ``{parameter name: LayerHint | FieldHint | SiblingFileHint}`` (``processing/parameters.py``):
    #: the layer, field or file the dialog proposes by default, chosen in the project.
    GUI_DEFAULTS = {}

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

    def addParameter(self, definition, createOutput=True):  # noqa: N802, N803 (QGIS API)
        """``QgsProcessingAlgorithm.addParameter`` with the dialog default of ``GUI_DEFAULTS``.

        The algorithm is created anew (``initAlgorithm``) for each dialog, so the
        defaults follow the layers of the project at that moment.
        """
        if self.GUI_DEFAULTS:
            defaults = self.__dict__.get("_gui_defaults")
            if defaults is None:
                defaults = self._gui_defaults = GuiDefaults(self.GUI_DEFAULTS)
            defaults.apply(definition)
        return super().addParameter(definition, createOutput)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """``run_algorithm`` inside an output transaction (``processing/outputs.py``).

        Outputs that would overwrite an input, or unwritable output folders, are
        refused before any work; file outputs are written to temporary files and
        moved into place only when the run has succeeded and was not canceled.
        """
        transaction = self._transaction = OutputTransaction(self, parameters, context)
        try:
            transaction.collect().check()
            results = self.run_algorithm(transaction.stage(), context, feedback)
            return transaction.commit(results or {}, feedback)
        except Exception as error:
            if feedback is not None and feedback.isCanceled() and in_background():
                # Canceled by the user in a background task (the panel, the Processing dialog): end
                # quietly as QGIS's own algorithms do (nothing written, the task reports a cancel),
                # rather than as an error the task logs Critical, with the traceback of whatever was
                # interrupted. Run directly (processing.run, scripts), a cancel still raises.
                feedback.pushInfo(tr("Canceled: nothing was written."))
                return {}
            if isinstance(error, VilleNumeriqueError):
                raise QgsProcessingException(str(error)) from None
            raise
        finally:
            transaction.discard()
            transaction.release()  # no reference to the context outlives the run
            self._transaction = None

    def run_algorithm(self, parameters, context, feedback):
        raise NotImplementedError

    def final_path(self, path):
        """Where a file output written at ``path`` (its temporary file) will end up, for messages."""
        transaction = getattr(self, "_transaction", None)
        return transaction.final_path(path) if transaction is not None else path

    @staticmethod
    def group_name(group_id):
        return {
            "analysis": tr("Coverage analysis"),
            "data": tr("Open data"),
            "report": tr("Reports"),
        }.get(group_id, group_id)

    def group(self):
        return self.group_name(self.GROUP_ID)
