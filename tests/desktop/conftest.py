"""Say where the desktop test left its screenshots, whether it passed or not."""

import time
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / ".build" / "test-artifacts" / "desktop"
STARTED = time.time()


def pytest_terminal_summary(terminalreporter):
    result = ARTIFACTS / "result.json"
    if result.is_file() and result.stat().st_mtime >= STARTED:
        terminalreporter.write_line("desktop test: screenshots, report and QGIS output in {}".format(ARTIFACTS))
