"""Base class of the Ville numérique Processing algorithms."""

import os

from qgis.core import QgsMapLayer, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeatureSourceDefinition
from qgis.PyQt.QtCore import QCoreApplication, QThread
from qgis.PyQt.QtGui import QIcon

from ..core.about import icon_path
from ..core.errors import VilleNumeriqueError
from ..core.i18n import tr
from .fast_io import same_input as fast_io_same_input
from .outputs import OutputTransaction
from .parameters import GuiDefaults
from .utils import help_html


def input_record(value, context):
    """``value`` of a layer input as a readable, reproducible text (main thread).

    A project layer (given by id, name or object) becomes its source when it is a
    file, else its name; anything else is kept as text.
    """
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    layer = value if isinstance(value, QgsMapLayer) else None
    project = context.project() if context is not None else None
    if layer is None and isinstance(value, str) and project is not None:
        layer = project.mapLayer(value)
    if layer is None:
        return None if value is None else str(value)
    if layer.providerType() in ("ogr", "gdal") and os.path.exists(layer.source().partition("|")[0]):
        return layer.source()
    return layer.name()


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

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: which layer inputs are read in bulk (``processing/fast_io.py``).

        A project layer belongs to the main thread; it is looked at here, once,
        and the worker thread only reads files through the specs found.
        """
        from . import fast_io

        self._bulk_specs, self._input_records = {}, {}
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or not parameters.get(name) or not fast_io.is_layer_input(definition):
                continue
            self._bulk_specs[name] = (parameters.get(name), fast_io.layer_spec(self, parameters, name, context))
            self._input_records[name] = (parameters.get(name), input_record(parameters.get(name), context))
        return True

    def input_record(self, parameters, name):
        """Input ``name`` as the summary records it: a file layer's source, another layer's
        name, never a layer id of the project (the report shows it to elected officials)."""
        value = parameters.get(name)
        prepared = self.__dict__.get("_input_records", {}).get(name)
        if prepared is not None and fast_io_same_input(prepared[0], value):
            return prepared[1]
        return None if value is None else str(value)

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
