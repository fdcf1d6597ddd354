"""Translation helper usable from pure-Python code.

``tr()`` goes through Qt's translation system when Qt is importable (inside
QGIS, ``qgis_process`` or the tests) so that every message of ``core`` is
listed in ``i18n/ville_numerique_fr.ts``; without Qt it returns the English
source text unchanged (notebooks, plain Python).

Only literal strings may be passed to ``tr()``; format *after* translating::

    tr("No feature in layer {name}.").format(name=layer_name)
"""

# pylupdate5 files a bare ``tr("...")`` call under the "@default" context,
# wherever it stands: use this one function everywhere (core, processing, ui).
CONTEXT = "@default"

try:  # pragma: no cover - depends on the environment
    from qgis.PyQt.QtCore import QCoreApplication as _QCoreApplication
except ImportError:  # plain Python, no QGIS
    _QCoreApplication = None


def tr(message):
    """Translate ``message`` (an English literal) into the user's language."""
    if _QCoreApplication is None:
        return message
    return _QCoreApplication.translate(CONTEXT, message)
