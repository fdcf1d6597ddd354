"""`pytest` run by hand without a display: scripts/headless.pth (copied into the venv by `make deps`)
chooses Qt's offscreen platform before pytest-qgis starts QGIS (else Qt aborts, exit 134)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PTH = Path(__file__).resolve().parents[2] / "scripts" / "headless.pth"


def platform_after_site(tmp_path, **environ):
    (tmp_path / PTH.name).write_text(PTH.read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(environ)
    code = "import site, os; site.addsitedir({!r}); print(os.environ.get('QT_QPA_PLATFORM'))".format(str(tmp_path))
    done = subprocess.run([sys.executable, "-S", "-c", code], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("environ, expected", [
    ({}, "offscreen"),
    ({"QT_QPA_PLATFORM": ""}, "offscreen"),  # `QT_QPA_PLATFORM= pytest` used to abort
    ({"QT_QPA_PLATFORM": "minimal"}, "minimal"),  # a choice is kept
    ({"DISPLAY": ":0"}, "None"),  # a display: Qt's own default
    ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": ""}, ""),
])
def test_offscreen_only_without_display_or_choice(tmp_path, environ, expected):
    assert platform_after_site(tmp_path, **environ) == expected
