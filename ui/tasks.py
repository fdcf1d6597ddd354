"""Run a Processing algorithm in QGIS's task manager and load its outputs.

:class:`AlgorithmRun` wraps ``QgsProcessingAlgRunnerTask``: QGIS stays
responsive, the task shows in the task manager with its progress and can be
canceled. When it has finished (in the main thread) the outputs the context
marks "to load on completion" are added to the project, each run through its
post-processor (``processing/styles.py``) or, for algorithms that set none,
styled as the caller asked.
"""

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.i18n import tr
from ..processing.styles import load_style


class CollectingFeedback(QgsProcessingFeedback):
    """Feedback that keeps the algorithm's error and warning messages."""

    def __init__(self):
        super().__init__()
        self.errors = []
        self.warnings = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        # Kept for the panel's message, not logged again: QgsProcessingAlgRunnerTask logs the error
        # that stopped the algorithm itself, then reports it here (the log showed it twice).
        self.errors.append(error)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.warnings.append(warning)
        super().pushWarning(warning)


def output_definition(destination, name, project=None):
    """An output destination that the context will load into ``project`` under ``name``."""
    definition = QgsProcessingOutputLayerDefinition(destination or "TEMPORARY_OUTPUT",
                                                    project or QgsProject.instance())
    definition.destinationName = name
    return definition


class AlgorithmRun(QObject):
    """One run of a Processing algorithm in the task manager.

    ``styles`` maps output names to ``(style_name, layer_name)``, used when
    the algorithm sets no post-processor on that output. ``place`` is called
    with each loaded layer to put it in the layer tree (default: on top).
    Signals: ``progressChanged(float)`` and ``finished(ok, results, layers,
    message)``; a canceled run finishes with ``ok=False`` and loads nothing.
    """

    progressChanged = pyqtSignal(float)  # noqa: N815 (Qt signal)
    finished = pyqtSignal(bool, dict, list, str)

    def __init__(self, alg_id, parameters, styles=None, place=None, load=True, project=None, parent=None):
        super().__init__(parent)
        self.alg_id = alg_id
        self.parameters = dict(parameters)
        self.styles = styles or {}
        self.place = place
        self.load = load
        self.project = project or QgsProject.instance()
        self.context = None
        self.feedback = None
        self.task = None
        self.canceled = False
        self.done = False

    # -- running -------------------------------------------------------------
    def start(self):
        """Check the parameters and queue the task; False (and ``finished``) on bad input."""
        alg = QgsApplication.processingRegistry().algorithmById(self.alg_id)
        if alg is None:
            message = tr("The algorithm {id} is not installed.").format(id=self.alg_id)
            return self._finish(False, {}, [], message)
        self.context = QgsProcessingContext()
        self.context.setProject(self.project)
        self.feedback = CollectingFeedback()
        self.context.setFeedback(self.feedback)
        ok, message = alg.checkParameterValues(self.parameters, self.context)
        if not ok:
            return self._finish(False, {}, [], message)
        self.task = QgsProcessingAlgRunnerTask(alg, self.parameters, self.context, self.feedback)
        if self.task.isCanceled():  # prepare() failed
            message = "\n".join(self.feedback.errors) or tr("The algorithm could not start.")
            self.task = None
            return self._finish(False, {}, [], message)
        self.task.executed.connect(self._executed)
        self.task.progressChanged.connect(self.progressChanged)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def cancel(self):
        self.canceled = True
        if self.feedback is not None:
            self.feedback.cancel()
        if self.task is not None:
            self.task.cancel()

    def is_running(self):
        return self.task is not None and not self.done

    # -- completion ----------------------------------------------------------
    def _executed(self, successful, results):
        self.task = None
        if self.canceled or not successful:
            self.context.setLayersToLoadOnCompletion({})
            if self.canceled:
                message = tr("Canceled.")
            else:
                message = "\n".join(self.feedback.errors) or tr("The algorithm failed.")
            self._finish(False, {}, [], message)
            return
        try:
            layers = self._load_outputs(results) if self.load else []
        except Exception as error:  # noqa: BLE001 - the run must end, whatever happened
            self._finish(False, {}, [], tr("The results could not be loaded: {error}").format(error=error))
            raise
        self._finish(True, dict(results), layers, "")

    def _load_outputs(self, results):
        output_of = {str(value): name for name, value in results.items() if isinstance(value, str)}
        loaded = []
        for reference, details in self.context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(reference, self.context,
                                                          typeHint=details.layerTypeHint)
            if layer is None or not layer.isValid():
                self.feedback.errors.append(
                    tr("The result {name} could not be loaded.").format(name=reference))
                continue
            details.setOutputLayerName(layer)
            taken = self.context.temporaryLayerStore().takeMapLayer(layer)
            layer = taken or layer
            self.project.addMapLayer(layer, False)
            if self.place is not None:
                self.place(layer)
            else:
                self.project.layerTreeRoot().insertLayer(0, layer)
            processor = details.postProcessor()
            if processor is not None:
                processor.postProcessLayer(layer, self.context, self.feedback)
            else:
                style, name = self.styles.get(output_of.get(reference, ""), (None, None))
                if style:
                    load_style(layer, style)
                if name:
                    layer.setName(name)
            loaded.append(layer)
        self.context.setLayersToLoadOnCompletion({})
        return loaded

    def _finish(self, ok, results, layers, message):
        self.done = True
        self.finished.emit(ok, results, layers, message)
        return ok
