"""QGIS 3.22 → QGIS 4 (Qt6) compatibility points, in one place.

QGIS ≥ 3.38 types fields with ``QMetaType.Type``; older versions with
``QVariant.Type`` (absent from Qt6).
"""

from qgis.core import Qgis, QgsField

if Qgis.versionInt() >= 33800:  # pragma: no cover - newer QGIS only
    from qgis.PyQt.QtCore import QMetaType

    _TYPES = {
        "double": QMetaType.Type.Double,
        "int": QMetaType.Type.Int,
        "longlong": QMetaType.Type.LongLong,
        "string": QMetaType.Type.QString,
    }
else:
    from qgis.PyQt.QtCore import QVariant

    _TYPES = {
        "double": QVariant.Type.Double,
        "int": QVariant.Type.Int,
        "longlong": QVariant.Type.LongLong,
        "string": QVariant.Type.String,
    }


def make_field(name, kind, length=0, precision=0):
    """A ``QgsField`` of ``kind`` ``double``, ``int``, ``longlong`` or ``string``."""
    return QgsField(name, _TYPES[kind], len=length, prec=precision)
