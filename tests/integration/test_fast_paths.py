"""Fast paths of scenario, recommend_sites and fragility_ifn equal the per-feature reference (issue 14).

Each algorithm is run twice on the same inputs: with the bulk GDAL paths
(``processing/fast_io.py``, ``processing/fragility_fast.py``) and with
``VILLE_NUMERIQUE_NO_FAST_IO=1`` (the ``QgsFeatureIterator`` / ``QgsFeatureSink``
reference); the outputs must hold the same rows, fields and values. The
inputs are the real Saint-Omer sample (cells, services, the planned
services, the communes' contours), the real INSEE grid extract in
EPSG:3035 against the real commune contours of the Pas-de-Calais in WGS 84
(two CRS transforms), and generated cells and zones (hypothesis). The IFN
values given to the communes are made up for the test (the real IFN is per
IRIS, and the contours here are communes): only the overlay is compared.

Also: progress moves during the bulk read and the bulk overlay, and a
cancel during reading, computing or writing leaves no output file.
"""

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from .conftest import SAMPLE, SHARED_DATA, sample_layer
from .test_coverage_algorithm import memory_layer
from .test_fast_io import _table, assert_same_values

pytestmark = pytest.mark.filterwarnings("ignore")

COMMUNES_62 = SHARED_DATA / "france-geojson" / "communes-62-pas-de-calais.geojson"
GRID_3035 = SHARED_DATA / "insee-filosofi" / "filosofi2021_carreaux200m_saint-omer-gare_3035.gpkg"


def _modules():
    from ville_numerique.processing import fast_io, fragility_fast

    return fast_io, fragility_fast


class Recording(QgsProcessingFeedback):
    """Keeps every progress value; cancels itself once progress passes ``cancel_above``."""

    def __init__(self, cancel_above=None):
        super().__init__()
        self.values, self.cancel_above = [], cancel_above
        self.progressChanged.connect(self._seen)

    def _seen(self, value):
        self.values.append(value)
        if self.cancel_above is not None and value > self.cancel_above:
            self.cancel()


def _spy(monkeypatch, module, name):
    """Counts the calls of ``module.name`` that return (not those that fall back)."""
    calls = []
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        calls.append(name)
        return result

    monkeypatch.setattr(module, name, wrapper)
    return calls


def _fast(monkeypatch, fast):
    fast_io, _ = _modules()
    if fast:
        monkeypatch.delenv(fast_io.DISABLE, raising=False)
    else:
        monkeypatch.setenv(fast_io.DISABLE, "1")


def _same_tables(fast_path, slow_path, n_rows):
    fast_fields, fast_rows, fast_type, fast_crs = _table(fast_path)
    slow_fields, slow_rows, slow_type, slow_crs = _table(slow_path)
    assert fast_fields == slow_fields
    assert (fast_type, fast_crs) == (slow_type, slow_crs)
    assert sorted(fast_rows) == sorted(slow_rows) and len(fast_rows) == n_rows
    for fid, (geometry, values) in slow_rows.items():
        assert fast_rows[fid][0] == geometry
        assert_same_values(fast_rows[fid][1], values)
    return fast_fields, fast_rows


# --------------------------------------------------------------------------- scenario / recommend_sites
def test_scenario_fast_equals_reference(run_alg, tmp_path, monkeypatch):
    fast_io, _ = _modules()
    reads = _spy(monkeypatch, fast_io, "read_points_bulk")
    writes = _spy(monkeypatch, fast_io, "fill_geopackage")
    outputs = {}
    for fast in (True, False):
        _fast(monkeypatch, fast)
        result = run_alg("ville_numerique:scenario", dict(
            POPULATION=sample_layer("carreaux_200m"), POPULATION_FIELD="ind", SERVICES=sample_layer("services"),
            PLANNED=sample_layer("projet_gare"), CATEGORY_FIELD="categories", METHOD="e2sfca",
            OUTPUT=str(tmp_path / "scenario_{}.gpkg".format(fast)), SUMMARY=str(tmp_path / "s_{}.json".format(fast))))
        outputs[fast] = result["OUTPUT"].split("|")[0]
    # population, services and planned services read in bulk; the output written in bulk (fast run only)
    assert reads == ["read_points_bulk"] * 3 and writes == ["fill_geopackage"]
    fields, rows = _same_tables(outputs[True], outputs[False], 125)
    names = [n for n, _ in fields]
    assert {"dist_epn_before", "dist_epn_after", "new_epn", "score_delta"} <= set(names)
    assert any(v[names.index("score_delta")] > 0 for _, v in rows.values())  # the project changes something


def test_recommend_sites_fast_equals_reference(run_alg, tmp_path, monkeypatch):
    fast_io, _ = _modules()
    reads = _spy(monkeypatch, fast_io, "read_points_bulk")
    outputs = {}
    for fast in (True, False):
        _fast(monkeypatch, fast)
        result = run_alg("ville_numerique:recommend_sites", dict(
            POPULATION=sample_layer("carreaux_200m"), POPULATION_FIELD="ind", SERVICES=sample_layer("services"),
            CATEGORY_FIELD="categories", CATEGORY="epn", CANDIDATES=sample_layer("gare"), K=1,
            OUTPUT=str(tmp_path / "sites_{}.gpkg".format(fast)), SUMMARY=str(tmp_path / "r_{}.json".format(fast))))
        outputs[fast] = result["OUTPUT"].split("|")[0]
    assert reads == ["read_points_bulk"] * 3  # population, services, candidates
    _same_tables(outputs[True], outputs[False], 1)


# --------------------------------------------------------------------------- fragility_ifn
def _table_layer(codes, values):
    return memory_layer("None?field=code:string&field=score:double",
                        [(None, [c, v]) for c, v in zip(codes, values)])


def _fragility_both(run_alg, monkeypatch, population, zones, table, zone_field="code"):
    _, fragility_fast = _modules()
    overlays = _spy(monkeypatch, fragility_fast, "overlay_bulk")
    exact = _spy(monkeypatch, fragility_fast, "overlay_cell")  # cells the bulk path leaves to the reference code
    results = {}
    for fast in (True, False):
        _fast(monkeypatch, fast)
        exact.clear()
        result = run_alg("ville_numerique:fragility_ifn", dict(
            POPULATION=population, ZONES=zones, ZONE_CODE_FIELD=zone_field, TABLE=table,
            TABLE_CODE_FIELD="code", TABLE_VALUE_FIELD="score", OUTPUT="memory:"))
        layer = result["OUTPUT"]
        from ville_numerique.processing.layers import plain

        results[fast] = ({f.id(): (plain(f["fragility"]), plain(f["fragility_known_share"]))
                          for f in layer.getFeatures()},
                         result["UNITS_WITHOUT_SCORE"])
        if fast:
            n_exact = len(exact)
    assert overlays == ["overlay_bulk"], "the bulk overlay ran (fast run) without falling back"
    (fast_rows, fast_unknown), (slow_rows, slow_unknown) = results[True], results[False]
    assert fast_unknown == slow_unknown
    assert sorted(fast_rows) == sorted(slow_rows)
    for fid, (value, share) in slow_rows.items():
        got_value, got_share = fast_rows[fid]
        if value is None:
            assert got_value is None
        else:
            assert got_value == pytest.approx(value, rel=1e-9, abs=1e-9)
        if share is None:
            assert got_share is None
        else:
            assert got_share == pytest.approx(share, rel=1e-9, abs=1e-9)
    return slow_rows, n_exact


def _communes(path, layer=None):
    uri = "{}|layername={}".format(path, layer) if layer else str(path)
    zones = QgsVectorLayer(uri, "communes", "ogr")
    assert zones.isValid()
    codes = sorted({f["code"] for f in zones.getFeatures()})
    # made-up scores (the real IFN is per IRIS), one code left out of the table
    return zones, _table_layer(codes[1:], [80.0 + 7.0 * (k % 9) for k in range(len(codes) - 1)])


def test_fragility_sample_communes(run_alg, monkeypatch):
    zones, table = _communes(SAMPLE, "communes")
    rows, n_exact = _fragility_both(run_alg, monkeypatch, sample_layer("carreaux_200m"), zones, table)
    assert len(rows) == 125
    assert 0 < n_exact < 100  # most cells overlaid in bulk, those near a commune's edge by the reference code
    shares = sorted(share for _, share in rows.values())
    assert shares[0] < 1.0 and shares[-1] == pytest.approx(1.0)  # cells on and inside a commune's edge


def test_fragility_transforms_cells_and_zones(run_alg, monkeypatch):
    """Cells in EPSG:3035 (transformed in bulk), contours in WGS 84, distances in Lambert-93."""
    zones, table = _communes(COMMUNES_62)
    rows, n_exact = _fragility_both(run_alg, monkeypatch, "{}|layername=carreaux200m".format(GRID_3035), zones,
                                    table)
    assert len(rows) == 125 and 0 < n_exact < 100 and any(v is not None for v, _ in rows.values())


@st.composite
def overlays(draw):
    """Square cells (some missing, one two-part) and convex zones, one with a hole, around Saint-Omer."""
    side = draw(st.sampled_from([50.0, 200.0, 350.0]))
    nx, ny = draw(st.integers(2, 9)), draw(st.integers(2, 9))
    x0 = 649000.0 + draw(st.floats(-300, 300))
    y0 = 7070000.0 + draw(st.floats(-300, 300))
    missing = draw(st.sets(st.integers(0, nx * ny - 1), max_size=3))
    zones = []
    for k in range(draw(st.integers(1, 5))):
        points = draw(st.lists(st.tuples(st.floats(-200, nx * side + 200), st.floats(-200, ny * side + 200)),
                               min_size=3, max_size=8))
        hull = QgsGeometry.fromMultiPointXY([QgsPointXY(x0 + a, y0 + b) for a, b in points]).convexHull()
        if hull.area() <= 1.0:
            continue
        if k == 0 and draw(st.booleans()):
            centre = hull.centroid().asPoint()
            hole = QgsGeometry.fromPointXY(centre).buffer(min(60.0, hull.area() ** 0.5 / 6), 8)
            if hull.contains(hole):
                hull = hull.difference(hole)
        zones.append((hull, ["Z{}".format(k)]))
    crs = draw(st.sampled_from(["EPSG:2154", "EPSG:3035"]))
    two_parts = draw(st.booleans())
    return side, nx, ny, x0, y0, missing, zones, crs, two_parts


def _write_cells(path, side, nx, ny, x0, y0, missing, crs, two_parts):
    target = osr.SpatialReference()
    target.ImportFromEPSG(int(crs.split(":")[1]))
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    for srs in (target, lambert):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(lambert, target)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("cells", target, ogr.wkbUnknown if two_parts else ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ind", ogr.OFTReal))
    for k in range(nx * ny):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("ind", float(k))
        if k not in missing:
            a, b = x0 + (k % nx) * side, y0 + (k // nx) * side
            wkt = "POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))".format(a=a, b=b, c=a + side, d=b + side)
            if two_parts and k == 0:
                wkt = "MULTIPOLYGON((({a} {b},{c} {b},{c} {d},{a} {d},{a} {b})),(({e} {b},{f} {b},{f} {d},{e} {d},"\
                      "{e} {b})))".format(a=a, b=b, c=a + side / 3, d=b + side, e=a + side / 2, f=a + side)
            geometry = ogr.CreateGeometryFromWkt(wkt)
            geometry.Transform(transform)
            feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    dataset = None


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=overlays())
def test_fragility_generated_overlays(run_alg, monkeypatch, tmp_path_factory, case):
    side, nx, ny, x0, y0, missing, zones, crs, two_parts = case
    if not zones:
        return
    path = tmp_path_factory.mktemp("overlay") / "cells.gpkg"
    _write_cells(path, side, nx, ny, x0, y0, missing, crs, two_parts)
    zone_layer = memory_layer("Polygon?crs=EPSG:2154&field=code:string", zones)
    codes = ["Z{}".format(k) for k in range(len(zones))]
    table = _table_layer(codes, [100.0 + 10 * k for k in range(len(codes))])
    with monkeypatch.context() as patch:
        try:
            rows, _ = _fragility_both(run_alg, patch, "{}|layername=cells".format(path), zone_layer, table)
        except QgsProcessingException as error:  # no cell meets a zone: both paths say so
            assert "No population unit overlaps" in str(error)
            patch.setenv(_modules()[0].DISABLE, "1")
            with pytest.raises(QgsProcessingException, match="No population unit overlaps"):
                run_alg("ville_numerique:fragility_ifn", dict(
                    POPULATION="{}|layername=cells".format(path), ZONES=zone_layer, ZONE_CODE_FIELD="code",
                    TABLE=table, TABLE_CODE_FIELD="code", TABLE_VALUE_FIELD="score", OUTPUT="memory:"))
            return
    assert len(rows) == nx * ny


def test_spread_to_cells_codes_once_per_distinct_code():
    from ville_numerique.core.fragility import spread_to_cells

    # the same code given as text, as an integer and as a float read from a CSV: one IRIS
    result = spread_to_cells(2, [0, 0, 1], ["012340101", 12340101, 12340101.0], [1.0, 3.0, 2.0],
                             ["12340101"], [120.0], rescale=False, cell_area=[4.0, 2.0])
    np.testing.assert_allclose(result.value, [120.0, 120.0])
    np.testing.assert_allclose(result.known_share, [1.0, 1.0])
    assert result.unmatched_codes == []


# --------------------------------------------------------------------------- progress and cancel
def test_progress_moves_during_bulk_read(qgis_app, monkeypatch):
    fast_io, _ = _modules()
    monkeypatch.setattr(fast_io, "BATCH", 16)
    layer = QgsVectorLayer(sample_layer("carreaux_200m"), "cells", "ogr")
    feedback = Recording()
    xy, *_ = fast_io.read_points_bulk(fast_io.spec_for_layer(layer), layer,
                                      QgsCoordinateReferenceSystem("EPSG:2154"), QgsProcessingContext(), feedback,
                                      [], 0, 30, False, None, "cells", False)
    assert len(xy) == 125
    # 125 features in batches of 16: 8 steps, each higher than the last, ending at the end of the span
    assert len(feedback.values) == 8
    assert all(b > a for a, b in zip(feedback.values, feedback.values[1:]))
    assert feedback.values[0] == pytest.approx(30 * 16 / 125) and feedback.values[-1] == pytest.approx(30)


def test_progress_moves_during_bulk_overlay(run_alg, monkeypatch):
    fast_io, _ = _modules()
    monkeypatch.setattr(fast_io, "BATCH", 16)
    zones, table = _communes(SAMPLE, "communes")
    feedback = Recording()
    run_alg("ville_numerique:fragility_ifn", dict(
        POPULATION=sample_layer("carreaux_200m"), ZONES=zones, ZONE_CODE_FIELD="code", TABLE=table,
        TABLE_CODE_FIELD="code", TABLE_VALUE_FIELD="score", OUTPUT="memory:"), feedback=feedback)
    overlay = [v for v in feedback.values if 20 < v <= 80]
    assert len(overlay) >= 8 and all(b > a for a, b in zip(overlay, overlay[1:]))


@pytest.mark.parametrize("cancel_above, phase", [(5, "reading"), (60, "computing"), (72, "writing")])
def test_cancel_in_each_phase_leaves_no_output(run_alg, tmp_path, monkeypatch, cancel_above, phase):
    from ville_numerique.processing import fast_write

    fast_io, _ = _modules()
    monkeypatch.setattr(fast_io, "BATCH", 16)
    monkeypatch.setattr(fast_write, "CHUNK", 16)
    writes = _spy(monkeypatch, fast_io, "fill_geopackage")
    target = tmp_path / "coverage.gpkg"
    feedback = Recording(cancel_above)
    with pytest.raises(QgsProcessingException):
        run_alg("ville_numerique:coverage", dict(
            POPULATION=sample_layer("carreaux_200m"), POPULATION_FIELD="ind", SERVICES=sample_layer("services"),
            CATEGORY_FIELD="categories", OUTPUT=str(target), SUMMARY=str(tmp_path / "summary.json")),
            feedback=feedback)
    assert feedback.isCanceled()
    assert max(feedback.values) < {"reading": 30, "computing": 70, "writing": 95}[phase]
    assert writes == []  # the bulk writer never finished
    assert sorted(os.listdir(tmp_path)) == []  # no output, no temporary file left behind


# --------------------------------------------------------------------------- the output's spatial index
@pytest.mark.parametrize("source_index", [True, False])
def test_bulk_output_spatial_index(run_alg, tmp_path, monkeypatch, source_index):
    """The output's R-tree is the population's, copied (when it has one), else built: valid either way."""
    import sqlite3

    from ville_numerique.processing import fast_write

    fast_io, _ = _modules()
    population = tmp_path / "cells.gpkg"
    source = ogr.Open(str(SAMPLE))
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(population))
    dataset.CopyLayer(source.GetLayerByName("carreaux_200m"), "cells",
                      ["SPATIAL_INDEX={}".format("YES" if source_index else "NO")])
    dataset = source = None
    copies = []
    original = fast_write._attach_rtree
    monkeypatch.setattr(fast_write, "_attach_rtree", lambda *a: copies.append(original(*a)) or copies[-1])
    target = tmp_path / "out.gpkg"
    run_alg("ville_numerique:coverage", dict(
        POPULATION="{}|layername=cells".format(population), POPULATION_FIELD="ind", SERVICES=sample_layer("services"),
        CATEGORY_FIELD="categories", OUTPUT=str(target)))
    assert copies == ([True] if source_index else [])
    connection = sqlite3.connect(str(target))
    table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    assert connection.execute("SELECT rtreecheck(?)", ("rtree_{}_geom".format(table),)).fetchone() == ("ok",)
    triggers = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"rtree_{}_geom_insert".format(table), "rtree_{}_geom_delete".format(table)} <= triggers
    connection.close()
    # a spatial filter (answered by the R-tree) finds what a scan of every geometry finds
    output = ogr.Open(str(target))  # kept: a layer outlived by its dataset crashes GDAL
    layer = output.GetLayer(0)
    xmin, xmax, ymin, ymax = layer.GetExtent()
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    box = (cx - 300.0, cy - 300.0, cx + 300.0, cy + 300.0)
    expected = set()
    for feature in layer:
        xmin, xmax, ymin, ymax = feature.GetGeometryRef().GetEnvelope()
        if xmin <= box[2] and xmax >= box[0] and ymin <= box[3] and ymax >= box[1]:
            expected.add(feature.GetFID())
    layer.SetSpatialFilterRect(*box)
    assert {f.GetFID() for f in layer} == expected and expected
