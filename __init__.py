"""Ville numérique — QGIS plugin entry point.

Nothing here imports QGIS or builds a widget at import time: ``classFactory`` is
called by QGIS desktop *and* by ``qgis_process`` (with ``iface=None``), and the
pure-Python ``core`` package must stay importable without QGIS.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import VilleNumeriquePlugin

    return VilleNumeriquePlugin(iface)
