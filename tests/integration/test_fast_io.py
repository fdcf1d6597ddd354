"""The bulk GDAL paths (processing/fast_io.py) give what the per-feature reference paths give (issue 14).

Reading: ``fast_io.read_points_bulk`` against ``layers.read_points`` without
``bulk`` (the ``QgsFeatureIterator`` loop) on the real Saint-Omer sample and
on generated layers (hypothesis: NULL and empty geometries, points,
multipoints, polygons with holes, multipolygons, NULL attributes, several
CRSs and formats). Writing: the coverage algorithm run with the bulk
GeoPackage writer and with ``VILLE_NUMERIQUE_NO_FAST_IO=1`` (the
``QgsFeatureSink`` path) gives the same table, field for field.
"""

import math
import shutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from .conftest import SAMPLE

pytestmark = pytest.mark.filterwarnings("ignore")


def _modules():
    from ville_numerique.processing import fast_io, layers

    return fast_io, layers


def plain_rows(values):
    from ville_numerique.processing.layers import plain

    return [tuple(plain(v) for v in row) for row in values]


def both(layer, crs, attributes, explode=False, kinds=None):
    """(reference, bulk) results of reading ``layer``; the bulk path must not fall back."""
    fast_io, layers = _modules()
    context = QgsProcessingContext()
    spec = fast_io.spec_for_layer(layer)
    assert spec is not None, "the layer should be read in bulk"
    label = "layer"
    from ville_numerique.core.errors import InputError

    try:
        reference = layers.read_points(layer, crs, context, None, attributes, explode=explode, kinds=kinds,
                                       label=label)
    except InputError as error:  # refused: the bulk path refuses with the same sentence
        with pytest.raises(InputError) as again:
            layers.read_points(layer, crs, context, None, attributes, explode=explode, kinds=kinds, label=label,
                               bulk=spec)
        assert str(again.value) == str(error)
        return None, None
    check = bool(kinds) and layers.QgsWkbTypes.geometryType(layer.wkbType()) not in kinds
    bulk = fast_io.read_points_bulk(spec, layer, crs, context, None, list(attributes), 0, 100, explode, kinds,
                                    label, check)
    return reference, bulk


def assert_same(reference, bulk, tolerance=1e-6):
    if reference is None:
        return
    xy_r, values_r, ids_r, skipped_r = reference
    xy_b, values_b, ids_b, skipped_b = bulk
    assert ids_b == ids_r
    assert skipped_b == skipped_r
    assert plain_rows(values_b) == plain_rows(values_r)
    assert xy_b.shape == xy_r.shape
    np.testing.assert_allclose(xy_b, xy_r, rtol=0, atol=tolerance)


# --------------------------------------------------------------------------- the real sample
@pytest.mark.parametrize("target", ["EPSG:2154", "EPSG:32631"])
def test_sample_population_and_services(qgis_app, target):
    from ville_numerique.processing.layers import POINTS, POLYGONS

    crs = QgsCoordinateReferenceSystem(target)
    cells = QgsVectorLayer("{}|layername=carreaux_200m".format(SAMPLE), "cells", "ogr")
    assert cells.isValid() and cells.featureCount() == 125
    indexes = [cells.fields().lookupField(n) for n in ("fid", "ind", "men_pauv", "idcar_200m")]
    assert min(indexes) >= 0
    reference, bulk = both(cells, crs, indexes, kinds=(POINTS, POLYGONS))
    assert len(reference[2]) == 125 and reference[3] == []
    assert_same(reference, bulk)

    services = QgsVectorLayer("{}|layername=services".format(SAMPLE), "services", "ogr")
    index = services.fields().lookupField("categories")
    reference, bulk = both(services, crs, [index], explode=True, kinds=(POINTS,))
    assert len(reference[2]) == services.featureCount()
    assert_same(reference, bulk)


# --------------------------------------------------------------------------- generated layers
CRSS = {  # an origin in each CRS, and the size of a "200 m" step in its units
    "EPSG:2154": ((648000.0, 7073000.0), 200.0),
    "EPSG:4326": ((2.25, 50.75), 0.003),
    "EPSG:3857": ((250000.0, 6570000.0), 300.0),
    "EPSG:27572": ((600000.0, 2630000.0), 200.0),  # Lambert II étendu (old French grid)
    "EPSG:3035": ((3800000.0, 3100000.0), 200.0),  # ETRS89-LAEA, northing first in the EPSG axis order
}


def _ring(x, y, w, h):
    return "({x} {y},{x2} {y},{x2} {y2},{x} {y2},{x} {y})".format(x=x, y=y, x2=x + w, y2=y + h)


geometry_kinds = st.sampled_from(["null", "empty_point", "point", "multipoint", "polygon", "triangle",
                                  "holed", "multipolygon", "empty_polygon"])
feature = st.tuples(
    geometry_kinds,
    st.floats(-20, 20), st.floats(-20, 20),  # position, in steps
    st.floats(0.05, 3), st.floats(0.05, 3),  # size, in steps
    st.integers(1, 3),  # parts
    st.one_of(st.none(), st.integers(-1000, 100000)),
    st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)),
    st.one_of(st.none(), st.text(alphabet="abcé|;_ 0", max_size=12)),
)


def _wkt(kind, fx, fy, fw, fh, parts, origin, step):
    x, y = origin[0] + fx * step, origin[1] + fy * step
    w, h = fw * step, fh * step
    if kind == "null":
        return None
    if kind == "empty_point":
        return "POINT EMPTY"
    if kind == "empty_polygon":
        return "POLYGON EMPTY"
    if kind == "point":
        return "POINT ({} {})".format(x, y)
    if kind == "multipoint":
        return "MULTIPOINT ({})".format(",".join("({} {})".format(x + i * w, y - i * h) for i in range(parts)))
    if kind == "polygon":
        return "POLYGON ({})".format(_ring(x, y, w, h))
    if kind == "triangle":
        return "POLYGON (({x} {y},{x2} {y},{x} {y2},{x} {y}))".format(x=x, y=y, x2=x + w, y2=y + h)
    if kind == "holed":
        return "POLYGON ({},{})".format(_ring(x, y, w, h), _ring(x + w / 4, y + h / 4, w / 3, h / 3))
    return "MULTIPOLYGON ({})".format(",".join("({})".format(_ring(x + i * 2 * w, y, w, h)) for i in range(parts)))


def write_layer(path, driver, crs, rows, geometry_type=ogr.wkbUnknown):
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    # GDAL >= 3.8 refuses a NULL geometry in a FlatGeobuf with a spatial index (QGIS 3.40)
    options = ["SPATIAL_INDEX=NO"] if driver == "FlatGeobuf" else []
    layer = dataset.CreateLayer("units", srs, geometry_type, options=options)
    for name, kind in (("n", ogr.OFTInteger), ("x", ogr.OFTReal), ("label", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    origin, step = CRSS[crs]
    for kind, fx, fy, fw, fh, parts, n, x, label in rows:
        out = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("n", n), ("x", x), ("label", label)):
            if value is None:
                out.SetFieldNull(name)
            else:
                out.SetField(name, value)
        wkt = _wkt(kind, fx, fy, fw, fh, parts, origin, step)
        if wkt is not None:
            out.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(out)
    dataset = None


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(feature, min_size=1, max_size=25), crs=st.sampled_from(sorted(CRSS)),
       target=st.sampled_from(["EPSG:2154", "EPSG:32631"]), explode=st.booleans())
def test_generated_geopackages(qgis_app, tmp_path_factory, rows, crs, target, explode):
    from ville_numerique.processing.layers import POINTS, POLYGONS

    path = tmp_path_factory.mktemp("gen") / "units.gpkg"
    write_layer(path, "GPKG", crs, rows)
    layer = QgsVectorLayer(str(path), "units", "ogr")
    assert layer.isValid()
    attributes = [layer.fields().lookupField(n) for n in ("fid", "n", "x", "label")]
    reference, bulk = both(layer, QgsCoordinateReferenceSystem(target), attributes, explode=explode,
                           kinds=(POINTS, POLYGONS))
    assert_same(reference, bulk, tolerance=1e-5)
    if reference is not None:
        expected_skipped = sum(1 for r in rows if r[0] in ("null", "empty_point", "empty_polygon"))
        assert len(reference[3]) == expected_skipped


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(feature.filter(lambda f: f[0] in ("point", "null")), min_size=1, max_size=20),
       crs=st.sampled_from(sorted(CRSS)),
       driver=st.sampled_from([("ESRI Shapefile", "shp"), ("GeoJSON", "geojson")]))
def test_generated_point_files(qgis_app, tmp_path_factory, rows, crs, driver):
    from ville_numerique.processing.layers import POINTS

    name, ext = driver
    if name == "GeoJSON":
        crs = "EPSG:4326"  # the format's own CRS
    path = tmp_path_factory.mktemp("gen") / ("services." + ext)
    write_layer(path, name, crs, rows, ogr.wkbPoint)
    layer = QgsVectorLayer(str(path), "services", "ogr")
    assert layer.isValid()
    # text of a shapefile: QGIS decodes the DBF with its own encoding setting, so it is read one by one
    names = ("n", "x") if name == "ESRI Shapefile" else ("n", "x", "label")
    attributes = [layer.fields().lookupField(n) for n in names]
    reference, bulk = both(layer, QgsCoordinateReferenceSystem("EPSG:2154"), attributes, explode=True,
                           kinds=(POINTS,))
    assert_same(reference, bulk, tolerance=1e-5)


def test_mixed_types_layer_same_on_both_paths(qgis_app, tmp_path):
    """A GeoPackage table of type GEOMETRY holding a point then a polygon: QGIS 3.22 calls it a
    point layer (no per-feature check), 3.40 may check each feature: both paths agree either way."""
    from ville_numerique.processing.layers import POINTS

    path = tmp_path / "mixed.gpkg"
    write_layer(path, "GPKG", "EPSG:2154", [("point", 0, 0, 1, 1, 1, 1, 1.0, "a"),
                                            ("polygon", 1, 1, 1, 1, 1, 2, 2.0, "b")])
    layer = QgsVectorLayer(str(path), "mixed", "ogr")
    reference, bulk = both(layer, QgsCoordinateReferenceSystem("EPSG:2154"), [1], explode=True, kinds=(POINTS,))
    assert_same(reference, bulk)


# --------------------------------------------------------------------------- which layers go the bulk way
def test_only_whole_file_layers_are_read_in_bulk(qgis_app, provider, tmp_path):
    fast_io, _ = _modules()
    copy = tmp_path / "sample.gpkg"  # QGIS may write into a GeoPackage it filters: never the committed sample
    shutil.copyfile(SAMPLE, copy)
    cells = "{}|layername=carreaux_200m".format(copy)
    layer = QgsVectorLayer(cells, "cells", "ogr")
    assert fast_io.spec_for_layer(layer) is not None
    filtered = QgsVectorLayer(cells, "cells", "ogr")
    filtered.setSubsetString('"ind" > 100')
    assert fast_io.spec_for_layer(filtered) is None
    memory = QgsVectorLayer("Point?crs=EPSG:2154", "m", "memory")
    assert fast_io.spec_for_layer(memory) is None
    # FlatGeobuf: GDAL 3.6's Arrow stream loops on features without geometry; read one by one
    write_layer(tmp_path / "s.fgb", "FlatGeobuf", "EPSG:2154", [("null", 0, 0, 1, 1, 1, 1, 1.0, "a")], ogr.wkbPoint)
    assert fast_io.spec_for_layer(QgsVectorLayer(str(tmp_path / "s.fgb"), "s", "ogr")) is None
    QgsProject.instance().addMapLayer(layer)
    try:
        algorithm = provider.algorithm("coverage")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        assert fast_io.layer_spec(algorithm, {"POPULATION": selected}, "POPULATION", context) is None
        whole = QgsProcessingFeatureSourceDefinition(layer.id(), False)
        assert fast_io.layer_spec(algorithm, {"POPULATION": whole}, "POPULATION", context) is not None
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_cancel_during_bulk_read(qgis_app):
    from ville_numerique.core.errors import CanceledError

    fast_io, _ = _modules()
    layer = QgsVectorLayer("{}|layername=carreaux_200m".format(SAMPLE), "cells", "ogr")
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(CanceledError):
        fast_io.read_points_bulk(fast_io.spec_for_layer(layer), layer, QgsCoordinateReferenceSystem("EPSG:2154"),
                                 QgsProcessingContext(), feedback, [1], 0, 30, False, None, "cells", False)


# --------------------------------------------------------------------------- writing
def _table(path, table=None):
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(table) if table else dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    fields = [(definition.GetFieldDefn(i).GetName(), definition.GetFieldDefn(i).GetTypeName())
              for i in range(definition.GetFieldCount())]
    rows = {}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows[feature.GetFID()] = (geometry.ExportToWkt() if geometry else None,
                                  [feature.GetField(i) for i in range(definition.GetFieldCount())])
    return fields, rows, layer.GetGeomType(), layer.GetSpatialRef().GetAuthorityCode(None)


def assert_same_values(fast, reference):
    assert len(fast) == len(reference)
    for a, b in zip(fast, reference):
        if isinstance(b, float):
            assert a == pytest.approx(b, rel=1e-9, abs=1e-9)
        else:
            assert a == b


def _population_with_odd_rows(tmp_path):
    """The sample's cells plus a cell without geometry and a field named like a result (``score``)."""
    path = tmp_path / "cells.gpkg"
    source = ogr.Open(str(SAMPLE))
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    copied = dataset.CopyLayer(source.GetLayerByName("carreaux_200m"), "cells")
    copied.CreateField(ogr.FieldDefn("score", ogr.OFTString))
    for feature in copied:
        feature.SetField("score", "old")
        copied.SetFeature(feature)
    blank = ogr.Feature(copied.GetLayerDefn())
    blank.SetField("ind", 12.5)
    copied.CreateFeature(blank)
    dataset = None
    return path


def _run_both(run_alg, tmp_path, monkeypatch, output_of, method="nearest"):
    fast_io, _ = _modules()
    population = _population_with_odd_rows(tmp_path)
    services = "{}|layername=services".format(SAMPLE)
    calls = []
    original = fast_io.fill_geopackage
    monkeypatch.setattr(fast_io, "fill_geopackage", lambda *a, **k: calls.append(1) or original(*a, **k))
    outputs = []
    for fast in (True, False):
        if fast:
            monkeypatch.delenv(fast_io.DISABLE, raising=False)
        else:
            monkeypatch.setenv(fast_io.DISABLE, "1")
        destination, table = output_of(fast)
        result = run_alg("ville_numerique:coverage", dict(
            POPULATION=str(population), POPULATION_FIELD="ind", SERVICES=services, CATEGORY_FIELD="categories",
            METHOD=method, OUTPUT=destination))
        outputs.append((result["OUTPUT"], table))
    assert len(calls) == 1, "the bulk writer ran once (fast run), not for the reference run"
    return outputs


@pytest.mark.parametrize("method", ["nearest", "e2sfca"])
def test_bulk_geopackage_equals_feature_sink(run_alg, tmp_path, monkeypatch, method):
    outputs = _run_both(run_alg, tmp_path, monkeypatch,
                        lambda fast: (str(tmp_path / "out_{}.gpkg".format(fast)), None), method)
    (fast_id, _), (slow_id, _) = outputs
    fast_fields, fast_rows, fast_type, fast_crs = _table(fast_id.split("|")[0])
    slow_fields, slow_rows, slow_type, slow_crs = _table(slow_id.split("|")[0])
    assert fast_fields == slow_fields
    assert (fast_type, fast_crs) == (slow_type, slow_crs)
    assert sorted(fast_rows) == sorted(slow_rows) and len(fast_rows) == 126
    names = [n for n, _ in fast_fields]
    blank = max(slow_rows)
    for fid, (geometry, values) in slow_rows.items():
        if fid == blank:
            # a NULL geometry stays NULL in bulk; QGIS 3.22's file writer turns it into an empty polygon
            assert fast_rows[fid][0] is None and geometry in (None, "POLYGON EMPTY")
        else:
            assert fast_rows[fid][0] == geometry
        assert_same_values(fast_rows[fid][1], values)
    # the cell without geometry is kept with empty results; the old 'score' text is replaced
    assert slow_rows[blank][1][names.index("score")] is None
    assert fast_rows[blank][1][names.index("score")] is None
    assert all(isinstance(v[names.index("score")], float) for f, (_, v) in fast_rows.items() if f != blank)
    # full precision: distances are not rounded to 4 digits
    distances = [v[names.index("dist_epn")] for f, (_, v) in fast_rows.items() if f != blank]
    assert any(not math.isclose(d, round(d, 4), rel_tol=0, abs_tol=1e-12) for d in distances)
    assert (tmp_path / "out_True.qml").exists() and (tmp_path / "out_False.qml").exists()


def test_bulk_table_in_an_existing_geopackage(run_alg, tmp_path, monkeypatch):
    existing = tmp_path / "atlas.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(existing))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    keep = dataset.CreateLayer("keep_me", srs, ogr.wkbPoint)
    keep.CreateField(ogr.FieldDefn("note", ogr.OFTString))
    feature = ogr.Feature(keep.GetLayerDefn())
    feature.SetField("note", "untouched")
    keep.CreateFeature(feature)
    dataset = None

    def output_of(fast):
        table = "coverage_{}".format("fast" if fast else "slow")
        return "ogr:dbname='{}' table=\"{}\" (geom)".format(existing, table), table

    outputs = _run_both(run_alg, tmp_path, monkeypatch, output_of)
    fast = _table(existing, outputs[0][1])
    slow = _table(existing, outputs[1][1])
    assert fast[0] == slow[0] and sorted(fast[1]) == sorted(slow[1])
    for fid in slow[1]:
        if slow[1][fid][0] != "POLYGON EMPTY":
            assert fast[1][fid][0] == slow[1][fid][0]
        assert_same_values(fast[1][fid][1], slow[1][fid][1])
    assert _table(existing, "keep_me")[1][1][1] == ["untouched"]
