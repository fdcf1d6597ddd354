"""Import the repository as the package ``ville_numerique`` from a maintenance script.

QGIS finds the plugin by its folder name; the scripts do the same through a link
``.build/plugins/ville_numerique`` to the repository root. The root itself must not be on
``sys.path``: its ``processing/`` would shadow QGIS's own ``processing`` package. A script
calls :func:`import_plugin` before ``from ville_numerique… import …``::

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from plugin_path import ROOT, import_plugin  # noqa: E402

    import_plugin()
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS_DIR = ROOT / ".build" / "plugins"
LINK = PLUGINS_DIR / "ville_numerique"


def import_plugin():
    """Put ``.build/plugins`` (holding the link ``ville_numerique``) on ``sys.path``, not the root."""
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
    PLUGINS_DIR.mkdir(parents=True, exist_ok=True)
    if not LINK.exists():
        try:
            LINK.symlink_to(ROOT, target_is_directory=True)
        except FileExistsError:  # another process made it meanwhile
            pass
    if str(PLUGINS_DIR) not in sys.path:
        sys.path.insert(0, str(PLUGINS_DIR))
