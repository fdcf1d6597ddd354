"""ville_numerique:fragility_ifn: the real IFN table spread over the sample's grid cells.

No IRIS contours are available offline: the test draws TWO SYNTHETIC rectangles
(west / east of x = 648 000 m in Lambert-93), labelled with the codes of two real
Saint-Omer IRIS, only to check the area weighting. The IFN values are the real
ones (tests/data/real/indice-fragilite-numerique): Vauban Canal 121, Centre Ville 126.
"""

import os

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

from .conftest import SHARED_DATA, sample_layer
from .test_coverage_algorithm import memory_layer

TABLE = SHARED_DATA / "indice-fragilite-numerique" / "ifn_mednum_tableau_iris_dep62.csv"
SPLIT_X = 648000.0


def ifn_table():
    uri = "file://{}?delimiter=,&detectTypes=yes&geomType=none".format(TABLE)
    layer = QgsVectorLayer(uri, "ifn", "delimitedtext")
    assert layer.isValid() and layer.featureCount() == 1166
    return layer


def zones(codes=("627650301", "627650302")):
    west = QgsGeometry.fromWkt("POLYGON((640000 7060000, {x} 7060000, {x} 7090000, 640000 7090000, "
                               "640000 7060000))".format(x=SPLIT_X))
    east = QgsGeometry.fromWkt("POLYGON(({x} 7060000, 660000 7060000, 660000 7090000, {x} 7090000, "
                               "{x} 7060000))".format(x=SPLIT_X))
    return memory_layer("Polygon?crs=EPSG:2154&field=code_iris:string", [(west, [codes[0]]), (east, [codes[1]])])


def cells():
    return QgsVectorLayer(sample_layer("carreaux_200m"), "cells", "ogr")


def test_cells_take_the_area_weighted_ifn(run_alg):
    result = run_alg("ville_numerique:fragility_ifn",
                     {"POPULATION": sample_layer("carreaux_200m"), "ZONES": zones(), "TABLE": ifn_table(),
                      "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert layer.featureCount() == 125 and result["UNITS_WITHOUT_SCORE"] == 0
    west = next(zones().getFeatures()).geometry()
    seen = set()
    for feature in layer.getFeatures():
        cell = feature.geometry()  # the cells are in Lambert-93 like the zones
        west_share = cell.intersection(west).area() / cell.area()
        # 5 × score / 100: Vauban Canal 121 -> 6.05, Centre Ville 126 -> 6.30
        expected = west_share * 6.05 + (1 - west_share) * 6.30
        assert feature["fragility"] == pytest.approx(expected, abs=1e-4)
        assert feature["fragility_known_share"] == pytest.approx(1.0)
        seen.add(round(west_share, 2))
    assert {0.0, 1.0} <= seen  # cells wholly on each side


def test_unknown_codes_leave_the_fragility_empty(run_alg):
    result = run_alg("ville_numerique:fragility_ifn",
                     {"POPULATION": sample_layer("carreaux_200m"), "ZONES": zones(("627650301", "999999999")),
                      "TABLE": ifn_table(), "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    east = [f for f in layer.getFeatures() if f.geometry().boundingBox().xMinimum() >= SPLIT_X]
    assert east and all(f["fragility_known_share"] == 0 for f in east)
    assert result["UNITS_WITHOUT_SCORE"] == len(east)


def test_no_overlap_at_all_is_an_error(run_alg):
    with pytest.raises(QgsProcessingException, match="overlaps an IRIS"):
        run_alg("ville_numerique:fragility_ifn",
                {"POPULATION": sample_layer("carreaux_200m"), "ZONES": zones(("1", "2")), "TABLE": ifn_table(),
                 "OUTPUT": "memory:"})


def test_the_result_feeds_the_coverage(run_alg, tmp_path):
    spread = run_alg("ville_numerique:fragility_ifn",
                     {"POPULATION": sample_layer("carreaux_200m"), "ZONES": zones(), "TABLE": ifn_table(),
                      "OUTPUT": str(tmp_path / "cells.gpkg")})
    result = run_alg("ville_numerique:coverage",
                     {"POPULATION": spread["OUTPUT"], "SERVICES": sample_layer("services"),
                      "FRAGILITY_FIELD": "fragility", "OUTPUT": "memory:",
                      "SUMMARY": str(tmp_path / "summary.json")})
    assert os.path.exists(result["SUMMARY"])
    values = [f["fragility"] for f in result["OUTPUT"].getFeatures()]
    assert min(values) >= 6.05 - 1e-9 and max(values) <= 6.30 + 1e-9


def test_edge_cells_have_the_known_share_of_their_area(run_alg):
    """Only the west rectangle is given: cells astride x = 648 000 lie partly outside the IRIS layer;
    their known share is the part of the CELL inside it (methodology § 5.2), not 1."""
    west_only = memory_layer("Polygon?crs=EPSG:2154&field=code_iris:string",
                             [(next(zones().getFeatures()).geometry(), ["627650301"])])
    result = run_alg("ville_numerique:fragility_ifn",
                     {"POPULATION": sample_layer("carreaux_200m"), "ZONES": west_only, "TABLE": ifn_table(),
                      "OUTPUT": "memory:"})
    west = next(zones().getFeatures()).geometry()
    edge = 0
    for feature in result["OUTPUT"].getFeatures():
        cell = feature.geometry()
        share = cell.intersection(west).area() / cell.area()
        assert feature["fragility_known_share"] == pytest.approx(share, abs=1e-4)  # written with 4 decimals
        if 0 < share < 1:
            edge += 1
            assert feature["fragility"] == pytest.approx(6.05)  # the mean of what is known
    assert edge > 0


def test_default_score_column_of_the_team48_file(run_alg):
    """The team-48 file has no SCORE GLOBAL column: SCORE GLOBAL region 1 is used (and said)."""
    path = SHARED_DATA / "indice-fragilite-numerique" / "ifn_iris_dep62.csv"
    uri = "file://{}?delimiter=;&detectTypes=yes&geomType=none".format(path)
    table = QgsVectorLayer(uri, "ifn", "delimitedtext")
    assert table.isValid() and "SCORE GLOBAL" not in table.fields().names()
    result = run_alg("ville_numerique:fragility_ifn",
                     {"POPULATION": sample_layer("carreaux_200m"), "ZONES": zones(), "TABLE": table,
                      "OUTPUT": "memory:"})
    values = [f["fragility"] for f in result["OUTPUT"].getFeatures()]
    # region-normalised scores: Vauban Canal 121.1502 -> 6.0575, Centre Ville 126.6250 -> 6.3313
    assert result["UNITS_WITHOUT_SCORE"] == 0
    assert min(values) == pytest.approx(6.0575, abs=1e-4) and max(values) == pytest.approx(6.3313, abs=1e-4)
