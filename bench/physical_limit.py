"""The "physical limit" of bench_end_to_end.py: the least work that writes the coverage fields.

GDAL Arrow read of the cells and services, centroids of the square cells in
numpy, one cKDTree per category, then GDAL copies the cells into the output
GeoPackage (C++) and one SQLite transaction adds and fills the same fields
as ``ville_numerique:coverage`` (``dist_``/``cov_``/``acc_`` per category,
``score``); the output's R-tree is the cells' own, copied (as
ville_numerique does). No QGIS, no checks, no messages: a floor, not a product.

    /usr/bin/python3 -P bench/physical_limit.py cells.gpkg services.gpkg out.gpkg [--planned]

With ``--planned`` (the floor of ``ville_numerique:scenario``): the distances
before (layer ``services``) and after (``services`` + ``planned``), per
category, and the fields ``dist_<c>_before``, ``dist_<c>_after``,
``new_<c>``, ``score_before``, ``score_after``, ``score_delta``.
"""

import sqlite3
import sys

import numpy as np
from osgeo import gdal, ogr
from scipy.spatial import cKDTree

THRESHOLD = 1000.0


def _read(path, layer_name, fields):
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(layer_name)
    definition = layer.GetLayerDefn()
    layer.SetIgnoredFields([definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())
                            if definition.GetFieldDefn(i).GetName() not in fields])
    batches = list(layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=100000"]))
    return {key: [b[key] for b in batches] for key in batches[0]} if batches else {}


def _xy(blobs, polygon):
    xs, ys = [], []
    for column in blobs:
        data = np.ma.getdata(column)
        if data.dtype.kind == "V":  # one size: a fixed-size array of WKB
            raw = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=np.uint8).reshape(len(data), -1)
        else:
            raw = np.array([np.frombuffer(bytes(b), dtype=np.uint8) for b in data])
        if polygon:  # 1 ring of 5 points: the centre of a square is the mean of its 4 corners
            coords = raw[:, 13:13 + 64].copy().view("<f8").reshape(len(raw), 4, 2)
            xs.append(coords[:, :, 0].mean(axis=1))
            ys.append(coords[:, :, 1].mean(axis=1))
        else:
            coords = raw[:, 5:21].copy().view("<f8")
            xs.append(coords[:, 0])
            ys.append(coords[:, 1])
    return np.column_stack([np.concatenate(xs), np.concatenate(ys)])


def _coverage(xy, svc_xy, codes, categories):
    """Per category: distance, covered, access; and the score."""
    out, score = {}, np.zeros(len(xy))
    for code in categories:
        distance, _ = cKDTree(svc_xy[codes == code]).query(xy)
        covered = distance <= THRESHOLD
        access = np.clip(1 - distance / (2 * THRESHOLD), 0, 1)
        score += access * 100 / len(categories)
        out[code] = (distance, covered.astype(np.int64), access)
    return out, score


def _services(path, layer):
    services = _read(path, layer, ["categories"])
    return _xy(services["geom"], False), np.concatenate(
        [np.ma.getdata(c) for c in services["categories"]]).astype(str)


def main(cells_path, services_path, out_path, planned=False, gdal_write=False):
    gdal.UseExceptions()
    cells = _read(cells_path, "cells", ["ind"])
    fid = np.concatenate(cells["fid"])
    ind = np.concatenate([np.ma.getdata(c) for c in cells["ind"]])
    xy = _xy(cells["geom"], True)
    svc_xy, codes = _services(services_path, "services")
    categories = sorted(set(codes.tolist()))
    before, score = _coverage(xy, svc_xy, codes, categories)
    columns = []
    if planned:
        new_xy, new_codes = _services(services_path, "planned")
        after, score_after = _coverage(xy, np.vstack([svc_xy, new_xy]), np.concatenate([codes, new_codes]),
                                       categories)
        for code in categories:
            columns += [("dist_{}_before".format(code), "REAL", before[code][0]),
                        ("dist_{}_after".format(code), "REAL", after[code][0]),
                        ("new_" + code, "MEDIUMINT", after[code][1] & (1 - before[code][1]))]
        columns += [("score_before", "REAL", score), ("score_after", "REAL", score_after),
                    ("score_delta", "REAL", score_after - score)]
    else:
        for code in categories:
            distance, covered, access = before[code]
            columns += [("dist_" + code, "REAL", distance), ("cov_" + code, "MEDIUMINT", covered),
                        ("acc_" + code, "REAL", access)]
        columns.append(("score", "REAL", score))
    del ind
    (write_gdal if gdal_write else write)(cells_path, out_path, fid, columns)


def write(cells_path, out_path, fid, columns):
    """The cells and their ``columns`` in a new GeoPackage layer ``coverage``: an empty copy of the cells'
    table made by GDAL, then one SQLite ``INSERT … SELECT`` joining the cells with the results (the
    geometry blobs copied as they are), and the cells' R-tree copied."""
    gdal.VectorTranslate(out_path, cells_path, options=gdal.VectorTranslateOptions(
        options=["-preserve_fid"], layers=["cells"], layerName="coverage", format="GPKG", where="0",
        layerCreationOptions=["SPATIAL_INDEX=NO"]))
    connection = sqlite3.connect(out_path)
    connection.execute("ATTACH DATABASE ? AS src", (cells_path,))
    connection.execute("PRAGMA temp_store = MEMORY")
    for name, kind, _ in columns:
        connection.execute('ALTER TABLE coverage ADD COLUMN "{}" {}'.format(name, kind))
    source = [r[1] for r in connection.execute("PRAGMA src.table_info(cells)")]
    connection.execute("CREATE TEMP TABLE results (id INTEGER PRIMARY KEY{})".format(
        "".join(", c{}".format(i) for i in range(len(columns)))))
    connection.execute("BEGIN")
    for name, in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute('DROP TRIGGER "{}"'.format(name))  # the feature count's: set once below
    connection.executemany("INSERT INTO temp.results VALUES (?{})".format(", ?" * len(columns)),
                           zip(fid.tolist(), *(values.tolist() for _, _, values in columns)))
    targets = ", ".join('"{}"'.format(n) for n in source + [n for n, _, _ in columns])
    values = ", ".join(['c."{}"'.format(n) for n in source] + ["r.c{}".format(i) for i in range(len(columns))])
    connection.execute("INSERT INTO coverage ({}) SELECT {} FROM src.cells AS c LEFT JOIN temp.results AS r "
                       "ON r.id = c.fid".format(targets, values))
    connection.execute("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM coverage) "
                       "WHERE table_name = 'coverage'")
    connection.execute("UPDATE gpkg_contents SET (min_x, min_y, max_x, max_y) = (SELECT min_x, min_y, max_x, max_y "
                       "FROM src.gpkg_contents WHERE table_name = 'cells') WHERE table_name = 'coverage'")
    connection.execute("CREATE VIRTUAL TABLE rtree_coverage_geom USING rtree(id, minx, maxx, miny, maxy)")
    for suffix in ("_node", "_parent", "_rowid"):
        connection.execute("DELETE FROM rtree_coverage_geom" + suffix)
        connection.execute("INSERT INTO rtree_coverage_geom{0} SELECT * FROM src.rtree_cells_geom{0}".format(suffix))
    connection.execute("INSERT OR REPLACE INTO gpkg_extensions VALUES ('coverage', 'geom', 'gpkg_rtree_index', "
                       "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")
    connection.commit()
    connection.close()


def write_gdal(cells_path, out_path, fid, columns):
    """The floor as issue 14 first wrote it: GDAL copies the cells, one SQLite ``UPDATE`` per row."""
    """GDAL copies the cells (layer ``coverage``), one SQLite transaction adds and fills ``columns``."""
    # the R-tree: the cells' own, copied (same fids, same geometries), as ville_numerique does
    gdal.VectorTranslate(out_path, cells_path, options=gdal.VectorTranslateOptions(
        options=["-preserve_fid"], layers=["cells"], layerName="coverage", format="GPKG",
        layerCreationOptions=["SPATIAL_INDEX=NO"]))
    connection = sqlite3.connect(out_path)
    connection.execute("ATTACH DATABASE ? AS src", (cells_path,))
    connection.execute("BEGIN")
    connection.execute("CREATE VIRTUAL TABLE rtree_coverage_geom USING rtree(id, minx, maxx, miny, maxy)")
    for suffix in ("_node", "_parent", "_rowid"):
        connection.execute("DELETE FROM rtree_coverage_geom" + suffix)
        connection.execute("INSERT INTO rtree_coverage_geom{0} SELECT * FROM src.rtree_cells_geom{0}".format(suffix))
    connection.execute("INSERT OR REPLACE INTO gpkg_extensions VALUES ('coverage', 'geom', 'gpkg_rtree_index', "
                       "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")
    connection.commit()
    connection.execute("DETACH DATABASE src")
    for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):  # named by R-tree triggers
        connection.create_function(function, 1, lambda _blob: 0)
    connection.execute("BEGIN")
    for name, kind, _ in columns:
        connection.execute('ALTER TABLE coverage ADD COLUMN "{}" {}'.format(name, kind))
    statement = "UPDATE coverage SET {} WHERE fid = ?".format(", ".join('"{}" = ?'.format(n) for n, _, _ in columns))
    connection.executemany(statement, zip(*(values.tolist() for _, _, values in columns), fid.tolist()))
    connection.commit()
    connection.close()


if __name__ == "__main__":
    main(*sys.argv[1:4], planned="--planned" in sys.argv[4:], gdal_write="--gdal-write" in sys.argv[4:])
