"""The GeoPackage writer's two routes (processing/fast_write.py, issue 14).

SQLite copies the population's rows joined with their results when both
tables allow it (``_sql_copy_plan``); otherwise GDAL copies the rows and an
``UPDATE`` per row fills the results. Both routes must give the table the
``QgsFeatureSink`` reference gives (``test_fast_io.py`` compares the default
route; here the GDAL route is forced too), a GeoPackage whose metadata are
right (feature count, extent, triggers), and a cancel during the copy leaves
the table empty.
"""

import sqlite3

import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingFeedback

from .conftest import SAMPLE, sample_layer
from .test_fast_io import _run_both, _table, assert_same_values

pytestmark = pytest.mark.filterwarnings("ignore")


def _fast_write():
    from ville_numerique.processing import fast_io, fast_write

    return fast_io, fast_write


def _spy_routes(monkeypatch, fast_write):
    routes = []
    for name in ("_fill_by_sql", "_fill_by_gdal"):
        original = getattr(fast_write, name)

        def wrapper(*args, _original=original, _name=name, **kwargs):
            routes.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(fast_write, name, wrapper)
    return routes


@pytest.mark.parametrize("route", ["sql", "gdal"])
def test_both_routes_equal_the_feature_sink(run_alg, tmp_path, monkeypatch, route):
    _, fast_write = _fast_write()
    if route == "gdal":
        monkeypatch.setattr(fast_write, "_sql_copy_plan", lambda *args: None)
    routes = _spy_routes(monkeypatch, fast_write)
    outputs = _run_both(run_alg, tmp_path, monkeypatch,
                        lambda fast: (str(tmp_path / "out_{}.gpkg".format(fast)), None))
    assert routes == ["_fill_by_{}".format(route)]
    (fast_id, _), (slow_id, _) = outputs
    fast, slow = _table(fast_id.split("|")[0]), _table(slow_id.split("|")[0])
    assert fast[0] == slow[0] and fast[2:] == slow[2:]
    assert sorted(fast[1]) == sorted(slow[1]) and len(fast[1]) == 126
    for fid, (geometry, values) in slow[1].items():
        if geometry not in (None, "POLYGON EMPTY"):
            assert fast[1][fid][0] == geometry
        assert_same_values(fast[1][fid][1], values)


def test_sql_route_leaves_a_consistent_geopackage(run_alg, tmp_path):
    target = tmp_path / "coverage.gpkg"
    run_alg("ville_numerique:coverage", dict(
        POPULATION=sample_layer("carreaux_200m"), POPULATION_FIELD="ind", SERVICES=sample_layer("services"),
        CATEGORY_FIELD="categories", OUTPUT=str(target)))
    connection = sqlite3.connect(str(target))
    table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    rows = connection.execute('SELECT count(*) FROM "{}"'.format(table)).fetchone()[0]
    assert rows == 125
    # the feature count GDAL keeps, right, and its triggers back (one more row counts)
    assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                              (table,)).fetchone() == (125,)
    triggers = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"trigger_insert_feature_count_" + table, "trigger_delete_feature_count_" + table} <= triggers
    # the extent recorded is the extent of the geometries (the population's own)
    recorded = connection.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents").fetchone()
    connection.close()
    sample = ogr.Open(str(SAMPLE))  # kept: a layer outlived by its dataset crashes GDAL
    xmin, xmax, ymin, ymax = sample.GetLayerByName("carreaux_200m").GetExtent(force=1)
    sample = None
    assert recorded == pytest.approx((xmin, ymin, xmax, ymax), abs=1e-6)
    dataset = ogr.Open(str(target), update=1)
    layer = dataset.GetLayer(0)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("ind", 1.0)
    layer.CreateFeature(feature)
    dataset = None
    connection = sqlite3.connect(str(target))
    assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                              (table,)).fetchone() == (126,)
    connection.close()


# --------------------------------------------------------------------------- when SQLite may copy
def _gpkg(path, name, epsg=2154, geometry=ogr.wkbPolygon, fields=(("ind", ogr.OFTReal),), rows=3):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset = ogr.Open(str(path), update=1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(
        str(path))
    layer = dataset.CreateLayer(name, srs, geometry)
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    for k in range(rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            "POLYGON(({0} 0, {1} 0, {1} 1, {0} 1, {0} 0))".format(k, k + 1)))
        layer.CreateFeature(feature)
    dataset = None


def _spec(path, name):
    class Spec:
        pass

    spec = Spec()
    spec.path, spec.layer, spec.fid_column = str(path), name, "fid"
    return spec


@pytest.mark.parametrize("change, copied", [
    ({}, True),
    ({"epsg": 3857}, False),  # another CRS: the blobs name another srs_id
    ({"geometry": ogr.wkbMultiPolygon}, False),
    ({"fields": (("ind", ogr.OFTString),)}, False),  # TEXT where the population holds REAL
    ({"fields": (("ind", ogr.OFTInteger64),)}, False),  # INTEGER where the population holds REAL
])
def test_sql_copy_plan(tmp_path, change, copied):
    _, fast_write = _fast_write()
    _gpkg(tmp_path / "cells.gpkg", "cells")
    _gpkg(tmp_path / "out.gpkg", "out", **dict(change, rows=0))
    plan = fast_write._sql_copy_plan(str(tmp_path / "out.gpkg"), "out", _spec(tmp_path / "cells.gpkg", "cells"),
                                     ["fid", "ind"], [1, 2, 3])
    assert (plan is not None) == copied
    if copied:
        assert plan.pairs == [("fid", "fid"), ("geom", "geom"), ("ind", "ind")]


def test_sql_copy_plan_refuses_repeated_ids_and_foreign_triggers(tmp_path):
    _, fast_write = _fast_write()
    _gpkg(tmp_path / "cells.gpkg", "cells")
    _gpkg(tmp_path / "out.gpkg", "out", rows=0)
    spec = _spec(tmp_path / "cells.gpkg", "cells")
    out = str(tmp_path / "out.gpkg")
    assert fast_write._sql_copy_plan(out, "out", spec, ["ind"], [1, 1, 2]) is None
    connection = sqlite3.connect(out)
    connection.execute("CREATE TABLE log (fid INTEGER)")
    connection.execute("CREATE TRIGGER audit AFTER INSERT ON out BEGIN INSERT INTO log VALUES (new.fid); END")
    connection.commit()
    connection.close()
    assert fast_write._sql_copy_plan(out, "out", spec, ["ind"], [1, 2, 3]) is None


class CancelDuring(QgsProcessingFeedback):
    """Cancels itself the ``after``-th time it is asked (SQLite's progress handler asks it)."""

    def __init__(self, after):
        super().__init__()
        self.asked, self.after = 0, after

    def isCanceled(self):  # noqa: N802 - QGIS API name
        self.asked += 1
        return self.asked >= self.after


def test_a_cancel_inside_the_copy_leaves_the_table_empty(tmp_path):
    from ville_numerique.core.errors import CanceledError

    _, fast_write = _fast_write()
    _gpkg(tmp_path / "cells.gpkg", "cells", rows=3000)
    _gpkg(tmp_path / "out.gpkg", "out", rows=0)
    out = str(tmp_path / "out.gpkg")
    connection = sqlite3.connect(out)
    connection.execute('ALTER TABLE out ADD COLUMN "score" REAL')
    connection.commit()
    connection.close()
    spec = _spec(tmp_path / "cells.gpkg", "cells")
    ids = np.arange(1, 3001)
    columns = [("score", "double", np.linspace(0, 100, 3000))]
    feedback = CancelDuring(3)  # asked by SQLite's progress handler, from inside the statements
    with pytest.raises(CanceledError):
        fast_write.fill_geopackage(out, "out", spec, ["fid", "ind"], columns, ids, feedback, 70, 25)
    assert feedback.asked >= 3
    connection = sqlite3.connect(out)
    assert connection.execute("SELECT count(*) FROM out").fetchone() == (0,)
    connection.close()
    # and without a cancel, the same call fills it
    fast_write.fill_geopackage(out, "out", spec, ["fid", "ind"], columns, ids, QgsProcessingFeedback(), 70, 25)
    connection = sqlite3.connect(out)
    assert connection.execute("SELECT count(*), max(score) FROM out").fetchone() == (3000, 100.0)
    connection.close()
