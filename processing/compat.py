"""QGIS 3.22 → 3.40 LTR → QGIS 4 (Qt6) compatibility points, in one place.

* QGIS ≥ 3.38 types fields with ``QMetaType.Type``; older versions with
  ``QVariant.Type`` (absent from Qt6).
* The kinds of a model child's parameter source moved from
  ``QgsProcessingModelChildParameterSource.Source`` to
  ``Qgis.ProcessingModelChildParameterSource`` (QGIS 3.26).

docs/COMPATIBILITY.md lists the versions tested and what differs.
"""

from qgis.core import Qgis, QgsField

try:
    MODEL_SOURCE = Qgis.ProcessingModelChildParameterSource
except AttributeError:  # pragma: no cover - QGIS < 3.26
    from qgis.core import QgsProcessingModelChildParameterSource

    MODEL_SOURCE = QgsProcessingModelChildParameterSource.Source

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
