"""Where the panel writes an analysis: a GeoPackage per analysis, in the saved project's folder.

Results in files rather than memory layers come back when the project is reopened
(the panel's results page and chart with them, ``ui/presets.py``).
"""

from datetime import datetime
from pathlib import Path

from qgis.core import QgsProcessingUtils

RESULTS_FOLDER = "ville_numerique"  # results of a saved project: a GeoPackage per analysis in <project>/ville_numerique


def results_file(project, stem="couverture"):
    """A new GeoPackage ``<stem>_<time>.gpkg`` for an analysis (a scenario, sites…): in the folder
    of a saved ``project``, else a temporary one.

    One file per analysis (time-stamped): a result loaded in the project is never overwritten.
    A temporary GeoPackage rather than a memory layer: the report names it ("couverture.gpkg")
    where a memory layer's source is a long URI, and a reopened project says it is missing.
    """
    temporary = QgsProcessingUtils.generateTempFilename(stem + ".gpkg")
    home = project.absolutePath()
    if not home:
        return temporary
    folder = Path(home) / RESULTS_FOLDER
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return temporary  # a read-only project folder
    stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
    path, number = folder / "{}_{}.gpkg".format(stem, stamp), 1
    while path.exists() or path.with_suffix(".json").exists():
        number += 1
        path = folder / "{}_{}_{}.gpkg".format(stem, stamp, number)
    return str(path)


def is_temporary(source):
    """A layer in QGIS's Processing temporary folder (deleted when QGIS closes) or in memory."""
    folder = QgsProcessingUtils.tempFolder()
    return source.startswith(folder) or not Path(source.split("|")[0]).is_file()
