"""Loading the plugin stays light (issue 14).

QGIS loads the plugin at every start of the desktop and of every
``qgis_process`` run, also of runs that use none of its algorithms.
``requests`` (and ``urllib3``), ``jinja2`` and ``scipy`` are imported when an
algorithm first needs them, not when the provider lists its algorithms.
"""

import subprocess
import sys

from .conftest import ROOT

LOAD = """
import sys
sys.path.insert(0, {scripts!r})
from plugin_path import import_plugin
import_plugin()
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
import ville_numerique
plugin = ville_numerique.classFactory(None)
plugin.initProcessing()
provider = plugin.provider
assert len(provider.algorithms()) >= 10, provider.algorithms()
heavy = sorted(m for m in ("requests", "urllib3", "jinja2", "scipy") if m in sys.modules)
print("HEAVY", ",".join(heavy))
"""


def test_loading_the_plugin_imports_no_network_template_or_scipy_module():
    result = subprocess.run([sys.executable, "-c", LOAD.format(scripts=str(ROOT / "scripts"))],
                            capture_output=True, text=True, timeout=120, cwd="/")
    lines = [line for line in result.stdout.splitlines() if line.startswith("HEAVY")]
    assert result.returncode == 0 and lines, result.stderr[-3000:]
    assert lines[-1] == "HEAVY ", "imported when QGIS loads the plugin: " + lines[-1]
