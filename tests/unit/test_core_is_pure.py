"""core/ runs without QGIS: import every module with `qgis` made unimportable."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "qgis" or name.startswith(("qgis.", "PyQt5", "PyQt6")):
            raise ImportError("blocked for this test: " + name)
sys.meta_path.insert(0, Block())
sys.path.insert(0, {plugins!r})
import pkgutil, importlib
import ville_numerique.core as core
names = [m.name for m in pkgutil.iter_modules(core.__path__)]
for name in names:
    importlib.import_module("ville_numerique.core." + name)
from ville_numerique.core.i18n import tr
assert tr("Hello") == "Hello"
print(len(names))
"""


def test_core_imports_without_qgis():
    code = BLOCKER.format(plugins=str(ROOT / ".build" / "plugins"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 5
