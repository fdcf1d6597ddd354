"""processing/main_thread.py: a task hands a function to the main thread and gets its result or error."""

import threading

from qgis.core import QgsApplication, QgsProcessingFeedback
from ville_numerique.core.errors import CanceledError, InputError
from ville_numerique.processing.main_thread import run_in_main_thread


def in_a_task(function):
    """Run ``function`` in a worker thread while the main thread's event loop turns (as in QGIS)."""
    box = {}

    def work():
        try:
            box["result"] = function()
        except Exception as error:  # noqa: BLE001 - checked by the test
            box["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    while thread.is_alive():
        QgsApplication.processEvents()
        thread.join(0.01)
    return box


def test_the_function_runs_in_the_main_thread_and_returns(qgis_app):
    box = in_a_task(lambda: run_in_main_thread(lambda: (threading.current_thread() is threading.main_thread(), 42)))
    assert box == {"result": (True, 42)}


def test_its_error_is_raised_in_the_task(qgis_app):
    def fails():
        raise InputError("The print layout template is missing: x.qpt")

    box = in_a_task(lambda: run_in_main_thread(fails))
    assert isinstance(box["error"], InputError) and "template is missing" in str(box["error"])


def test_from_the_main_thread_it_simply_runs(qgis_app):
    assert run_in_main_thread(lambda: threading.current_thread() is threading.main_thread()) is True


def test_a_task_canceled_before_the_main_thread_answers_stops_and_the_job_never_runs(qgis_app):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    ran = []
    box = {}

    def work():  # the main thread's loop does not turn: the job cannot start before the cancel is seen
        try:
            run_in_main_thread(lambda: ran.append(1), feedback)
        except CanceledError as error:
            box["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert not thread.is_alive() and isinstance(box.get("error"), CanceledError)
    QgsApplication.processEvents()  # the posted job now runs, sees it was abandoned, does nothing
    assert ran == []


def test_a_busy_main_thread_gives_a_clear_error_not_a_hang(qgis_app):
    box = {}

    def work():
        try:
            run_in_main_thread(lambda: None, wait_seconds=0.2)
        except Exception as error:  # noqa: BLE001 - checked below
            box["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)  # the main thread is "busy" here: it does not process events
    assert not thread.is_alive()
    assert "QGIS did not answer within 0 s (its main thread is busy)" in str(box["error"])
    QgsApplication.processEvents()


