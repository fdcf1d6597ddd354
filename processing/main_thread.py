"""Run one piece of an algorithm in the main thread, from its Processing task, and wait for it.

Print layouts are ``QGraphicsScene`` objects that QGIS builds and exports in
the main thread (its own ``native:printlayouttopdf`` has ``FlagNoThreading``
in 3.22 as in 3.40). An algorithm that does everything else in its task
thread hands just that part to the main thread with :func:`run_in_main_thread`:
the function runs there at the next turn of the event loop, its result or
exception comes back to the task, so errors stop the run like any other (a
``postProcessAlgorithm`` error would only be logged) and the output
transaction (``processing/outputs.py``) still commits the file.

Called from the main thread itself (``qgis_process``, ``processing.run`` in
the console), the function simply runs.
"""

import threading

from qgis.PyQt.QtCore import Q_ARG, QCoreApplication, QMetaObject, QObject, Qt, QThread, pyqtSlot

from ..core.errors import CanceledError, DataError
from ..core.i18n import tr

#: How long the task waits for the main thread at most (seconds): a blocked main thread must not
#: hang the task for ever.
WAIT_SECONDS = 600.0


class _Dispatcher(QObject):
    """Lives in the main thread; its slot runs the jobs posted from a task."""

    @pyqtSlot("PyQt_PyObject")
    def run(self, job):
        job()


_DISPATCHER = []
_DISPATCHER_LOCK = threading.Lock()


def _dispatcher():
    """The one dispatcher, moved to the main thread when first needed; kept for the session."""
    with _DISPATCHER_LOCK:
        if not _DISPATCHER:
            dispatcher = _Dispatcher()
            dispatcher.moveToThread(QCoreApplication.instance().thread())
            _DISPATCHER.append(dispatcher)
        return _DISPATCHER[0]


def in_main_thread():
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


def run_in_main_thread(function, feedback=None, wait_seconds=WAIT_SECONDS):
    """``function()`` run in the main thread; its result, or its exception raised here."""
    if in_main_thread():
        return function()
    done, box, lock, state = threading.Event(), {}, threading.Lock(), {"started": False, "abandoned": False}

    def job():
        with lock:
            if state["abandoned"]:
                done.set()
                return
            state["started"] = True
        try:
            box["result"] = function()
        except BaseException as error:  # noqa: BLE001 - handed back to the task, raised there
            box["error"] = error
        finally:
            done.set()

    QMetaObject.invokeMethod(_dispatcher(), "run", Qt.ConnectionType.QueuedConnection, Q_ARG("PyQt_PyObject", job))
    waited = 0.0
    while not done.wait(0.05):
        waited += 0.05
        canceled = feedback is not None and feedback.isCanceled()
        if canceled or waited >= wait_seconds:
            with lock:
                if not state["started"]:  # not begun: it never will; begun: it ends soon, wait for it
                    state["abandoned"] = True
            if state["abandoned"]:
                if canceled:
                    raise CanceledError(tr("Canceled."))
                raise DataError(tr("QGIS did not answer within {seconds} s (its main thread is busy): "
                                   "run the algorithm again.").format(seconds=int(wait_seconds)))
    if "error" in box:
        raise box["error"]
    return box.get("result")
