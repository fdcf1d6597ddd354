"""Pure-Python logic of Ville numérique.

No Qt widget and no QGIS GUI here: every module runs in a notebook, in tests
without QGIS, and under ``qgis_process``. Processing algorithms and the user
interface are thin layers over these functions.
"""
