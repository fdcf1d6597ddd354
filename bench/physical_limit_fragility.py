"""The "physical limit" of ``fragility_ifn`` in bench_end_to_end.py: the least work of the area overlay.

GDAL Arrow read of the square cells (vertices in numpy) and of the zones;
cells that no zone border comes near (maximum norm) take their area in the zone holding
their centre (shapely's vectorised point-in-polygon); the others are cut by
GEOS (shapely, one intersection per cell and zone met, STRtree); the
area-weighted score and known share per cell; GDAL copies the cells and one
SQLite transaction adds ``fragility`` and ``fragility_known_share``. No
QGIS, no checks, no messages: a floor, not a product.

    /usr/bin/python3 -P bench/physical_limit_fragility.py cells.gpkg zones.gpkg out.gpkg
"""

import sys
from pathlib import Path

import numpy as np
import shapely.wkb
from osgeo import gdal, ogr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from physical_limit import _read, write  # noqa: E402
from scipy.spatial import cKDTree
from shapely.geometry import Polygon
from shapely.strtree import STRtree

try:
    from shapely import contains_xy
except ImportError:  # shapely 1.8
    from shapely.vectorized import contains as contains_xy


def main(cells_path, zones_path, out_path):
    gdal.UseExceptions()
    cells = _read(cells_path, "cells", [])
    fid = np.concatenate(cells["fid"])
    corners = []
    for column in cells["geom"]:
        data = np.ma.getdata(column)
        raw = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=np.uint8).reshape(len(data), -1)
        corners.append(raw[:, 13:13 + 80].copy().view("<f8").reshape(len(raw), 5, 2))
    corners = np.concatenate(corners)
    centre = corners[:, :4].mean(axis=1)
    area = np.abs(np.cross(corners[:, 1] - corners[:, 0], corners[:, 3] - corners[:, 0]))
    half = np.abs(corners[:, 2] - corners[:, 0]).max(axis=1) / 2  # squares: half a side

    dataset = ogr.Open(zones_path)
    shapes, codes = [], []
    for feature in dataset.GetLayerByName("zones"):
        shapes.append(shapely.wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())))
        codes.append(feature.GetField("code_iris"))
    scores = {f.GetField("code_iris"): f.GetField("score") for f in dataset.GetLayerByName("ifn")}
    zone_score = np.array([scores.get(c, np.nan) for c in codes])
    rings = [np.asarray(s.exterior.coords) for s in shapes]
    starts = np.concatenate([r[:-1] for r in rings])
    ends = np.concatenate([r[1:] for r in rings])
    spacing = float(np.median(half)) / 4
    steps = np.maximum(np.ceil(np.hypot(*(ends - starts).T) / spacing).astype(np.int64), 1)
    segment = np.repeat(np.arange(len(starts)), steps)
    first = np.concatenate([[0], np.cumsum(steps)[:-1]])
    t = (np.arange(len(segment)) - first[segment]) / steps[segment]
    samples = np.vstack([starts[segment] + (ends[segment] - starts[segment]) * t[:, None], ends])
    near = cKDTree(samples).query_ball_point(centre, half + spacing / 2 + 1e-6, p=np.inf, return_length=True) > 0

    weighted = np.zeros(len(fid))
    known = np.zeros(len(fid))
    clean = np.flatnonzero(~near)
    for k, shape in enumerate(shapes):
        xmin, ymin, xmax, ymax = shape.bounds
        c = clean[(centre[clean, 0] >= xmin) & (centre[clean, 0] <= xmax) & (centre[clean, 1] >= ymin)
                  & (centre[clean, 1] <= ymax)]
        inside = c[np.asarray(contains_xy(shape, centre[c, 0], centre[c, 1]), dtype=bool)]
        if np.isfinite(zone_score[k]):
            weighted[inside] += area[inside] * zone_score[k]
            known[inside] += area[inside]
    tree = STRtree(shapes)
    position = {id(s): k for k, s in enumerate(shapes)}
    for row in np.flatnonzero(near).tolist():
        cell = Polygon(corners[row])
        for zone in tree.query(cell):
            k = position[id(zone)] if not isinstance(zone, (int, np.integer)) else int(zone)
            if not np.isfinite(zone_score[k]):
                continue
            overlap = cell.intersection(shapes[k]).area
            weighted[row] += overlap * zone_score[k]
            known[row] += overlap
    with np.errstate(divide="ignore", invalid="ignore"):
        fragility = np.where(known > 0, weighted / known * 5.0 / 100.0, np.nan)
    columns = [("fragility", "REAL", fragility), ("fragility_known_share", "REAL", np.minimum(known / area, 1.0))]
    write(cells_path, out_path, fid, columns)


if __name__ == "__main__":
    main(*sys.argv[1:4])
