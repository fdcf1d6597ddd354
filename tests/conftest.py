"""Make the repository importable as the package ``ville_numerique``.

The repository root is the plugin folder, whose name in a checkout is not
``ville_numerique``; a link ``.build/plugins/ville_numerique`` -> root is
created (idempotently) and its parent put first on ``sys.path``. The same
folder serves as ``QGIS_PLUGINPATH`` for ``qgis_process.bin`` runs.
"""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _plugin_path():
    """``scripts/plugin_path.py``, the one place that links and imports the plugin (loaded by
    path: ``scripts/`` is not a package and stays off ``sys.path``)."""
    spec = importlib.util.spec_from_file_location("vn_plugin_path", ROOT / "scripts" / "plugin_path.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The repository root must not be on sys.path (its processing/ folder would shadow QGIS's own
# ``processing`` package; ``python -m pytest`` adds the cwd); .build/plugins goes first instead.
_plugin_path().import_plugin()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Real open-data extracts used as test fixtures: a copy of the team's shared/data
#: (provenance and licences in each folder's PROVENANCE.md), committed so that a
#: clean clone tests against real data without anything beside it.
REAL_DATA = ROOT / "tests" / "data" / "real"
os.environ.setdefault("VILLE_NUMERIQUE_SHARED_DATA", str(REAL_DATA))


def _forget_root_on_sys_path():
    """Undo pytest putting the repository root on ``sys.path``.

    pytest imports the root's ``__init__.py`` (the plugin's) when it sets up the
    root folder as a package. When the folder's name is not a Python identifier
    (a clone named ``ville-numerique``), pytest puts the folder itself on
    ``sys.path``, and the plugin's ``processing/`` then shadows QGIS's own
    ``processing`` package (``No module named 'processing.core'``). Remove the
    folder again, and forget any module imported from it under a top-level name.
    """
    kept = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
    if len(kept) == len(sys.path):
        return
    sys.path[:] = kept
    # only the plugin's own top-level packages and modules (never .venv's: hypothesis lives there)
    own = {path.stem for path in ROOT.iterdir()
           if (path.suffix == ".py" or (path / "__init__.py").is_file()) and path.name != "tests"}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in own:
            continue
        origin = getattr(module, "__file__", None) or ""
        if origin and Path(origin).resolve().is_relative_to(ROOT):
            del sys.modules[name]


@pytest.fixture(scope="session", autouse=True)
def _qgis_processing_not_shadowed():
    """Runs before every other session fixture (pytest-qgis's ``qgis_processing`` included)."""
    _forget_root_on_sys_path()


@pytest.fixture(autouse=True)
def _root_not_on_sys_path():
    _forget_root_on_sys_path()
