"""Bulk area overlay of zones (IRIS) on population cells for ``fragility_ifn`` (issue 14).

The per-feature loop of ``fragility_ifn`` (one ``QgsGeometry`` per cell, a
spatial-index query and one GEOS intersection per overlapping zone) is the
reference. This path gives the same overlaps:

- the cells of a file-backed layer read whole (``fast_io.layer_spec``) are
  read with GDAL's Arrow stream; single-ring polygons are decoded in numpy
  (vertices, transformed in bulk, area and centroid by the shoelace formula);
- a cell that no zone boundary comes near lies wholly inside the zones that
  contain its centroid (or outside every zone): its overlap with each is its
  own area. "Near" is decided conservatively: the zone boundaries are sampled
  every ``d`` metres and a cell is near when a sample lies within
  ``h`` + ``d``/2 of the centre of its bounding box in the maximum norm, ``h``
  the larger half-side of the box (any boundary crossing the cell has a
  sample that close). Containment is one vectorised point-in-polygon test per
  zone (shapely: ``contains_xy`` in shapely 2, ``vectorized.contains`` in 1.8);
- every other cell (near a boundary, multi-part, curved, big-endian…) goes
  through the reference code, one cell at a time, on the same geometry.

Without shapely, with invalid zones, or with a layer GDAL does not read as
QGIS does, :class:`fast_io.FallbackError` sends the whole overlay to the
reference path.
"""

import numpy as np
from qgis.core import QgsCsException, QgsGeometry

from ..core.errors import CanceledError
from ..core.i18n import tr
from . import fast_io

#: Most boundary samples kept (bounds memory for tiny cells against long boundaries).
MAX_SAMPLES = 5_000_000
_POLYGON = 3


def _shapely():
    try:
        import shapely
        import shapely.wkb
    except ImportError:  # pragma: no cover - shapely is a dependency of QGIS on Debian
        raise fast_io.FallbackError("no shapely") from None
    contains_xy = getattr(shapely, "contains_xy", None)
    if contains_xy is None:  # shapely 1.8
        from shapely import vectorized

        contains_xy = vectorized.contains
    return shapely, contains_xy


def overlay_cell(geometry, transform, index, zone_geometries, zone_codes, row, cells, codes, areas):
    """The reference overlay of one cell (already checked non-empty): appends its overlaps.

    Returns the cell's area, or None when the cell cannot be placed in the metric CRS.
    """
    try:
        geometry.transform(transform)
    except QgsCsException:
        return None
    for zone_id in index.intersects(geometry.boundingBox()):
        overlap = geometry.intersection(zone_geometries[zone_id]).area()
        if overlap > 0:
            cells.append(row)
            codes.append(zone_codes[zone_id])
            areas.append(overlap)
    return geometry.area()


class _Zones:
    """The zones as shapely geometries, their boundary samples and a KD-tree of them."""

    def __init__(self, zone_geometries, zone_codes, cell_half):
        shapely, self.contains_xy = _shapely()
        from scipy.spatial import cKDTree

        self.ids, self.shapes, self.boxes = [], [], []
        rings = []
        for zone_id, geometry in zone_geometries.items():
            try:
                shape = shapely.wkb.loads(bytes(geometry.asWkb()))
            except Exception:  # noqa: BLE001 - curved or odd geometries: the reference path
                raise fast_io.FallbackError("a zone shapely cannot read") from None
            if not shape.is_valid:
                raise fast_io.FallbackError("an invalid zone: GEOS intersections of it are not areas")
            prepare = getattr(shapely, "prepare", None)
            if prepare is not None:
                prepare(shape)
            self.ids.append(zone_id)
            self.shapes.append(shape)
            self.boxes.append(shape.bounds)
            for polygon in getattr(shape, "geoms", [shape]):
                for ring in [polygon.exterior, *polygon.interiors]:
                    rings.append(np.asarray(ring.coords, dtype=float)[:, :2])
        self.codes = [zone_codes[i] for i in self.ids]
        starts = np.concatenate([r[:-1] for r in rings]) if rings else np.empty((0, 2))
        ends = np.concatenate([r[1:] for r in rings]) if rings else np.empty((0, 2))
        lengths = np.hypot(*(ends - starts).T)
        spacing = max(float(cell_half) / 4, float(lengths.sum()) / MAX_SAMPLES, 1e-6)
        steps = np.maximum(np.ceil(lengths / spacing).astype(np.int64), 1)
        segment = np.repeat(np.arange(len(starts)), steps)
        first = np.zeros(len(steps), dtype=np.int64)
        if len(steps) > 1:
            np.cumsum(steps[:-1], out=first[1:])
        t = (np.arange(len(segment)) - first[segment]) / steps[segment]
        samples = starts[segment] + (ends[segment] - starts[segment]) * t[:, None]
        samples = np.vstack([samples, ends]) if len(ends) else samples
        self.spacing = spacing
        self.tree = cKDTree(samples) if len(samples) else None

    def near(self, centres, half):
        """Whether a boundary sample lies within ``half`` + spacing/2 of each box centre (maximum norm)."""
        if self.tree is None:
            return np.zeros(len(centres), dtype=bool)
        counts = self.tree.query_ball_point(centres, half + self.spacing / 2 + 1e-6, p=np.inf, return_length=True)
        return np.asarray(counts) > 0

    def containing(self, centres):
        """``(row, zone position)`` of every centre inside a zone."""
        order = np.argsort(centres[:, 0], kind="stable")
        xs = centres[order, 0]
        rows, zones = [], []
        for k, (shape, (xmin, ymin, xmax, ymax)) in enumerate(zip(self.shapes, self.boxes)):
            lo, hi = np.searchsorted(xs, xmin, "left"), np.searchsorted(xs, xmax, "right")
            candidates = order[lo:hi]
            y = centres[candidates, 1]
            candidates = candidates[(y >= ymin) & (y <= ymax)]
            if not len(candidates):
                continue
            inside = np.asarray(self.contains_xy(shape, centres[candidates, 0], centres[candidates, 1]),
                                dtype=bool)
            rows.append(candidates[inside])
            zones.append(np.full(int(inside.sum()), k, dtype=np.int64))
        if not rows:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        return np.concatenate(rows), np.concatenate(zones)


def _simple_rings(buffer, raw, offsets, lengths):
    """Rows of single-ring little-endian polygons and their ring's start and vertex count."""
    rows = np.flatnonzero((raw[offsets] == 1) & (lengths >= 13))
    if len(rows):
        types = fast_io._read_u32(raw, offsets[rows] + 1)
        rows = rows[types == _POLYGON]
    if len(rows):
        rings = fast_io._read_u32(raw, offsets[rows] + 5)
        rows = rows[rings == 1]
    if not len(rows):
        return rows, rows, rows
    npoints = fast_io._read_u32(raw, offsets[rows] + 9).astype(np.int64)
    fits = (npoints >= 4) & (13 + npoints * 16 == lengths[rows])
    return rows[fits], offsets[rows[fits]] + 13, npoints[fits]


def _ring_vertices(buffer, start, npoints):
    ring = np.repeat(np.arange(len(start)), npoints)
    first = np.zeros(len(start), dtype=np.int64)
    if len(start) > 1:
        np.cumsum(npoints[:-1], out=first[1:])
    at = start[ring] + (np.arange(int(npoints.sum())) - first[ring]) * 16
    return np.column_stack([fast_io._read_f64(buffer, at), fast_io._read_f64(buffer, at + 8)]), ring, first


def _shoelace(xy, ring, first, npoints):
    """Area, centroid, bounding-box centre and larger half-side of the box of closed rings."""
    x0, y0 = xy[first, 0], xy[first, 1]
    dx, dy = xy[:, 0] - x0[ring], xy[:, 1] - y0[ring]
    nxt = np.arange(1, len(xy) + 1)
    nxt[first + npoints - 1] = first
    cross = dx * dy[nxt] - dx[nxt] * dy
    n = len(first)
    area2 = np.bincount(ring, cross, minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        cx = np.bincount(ring, (dx + dx[nxt]) * cross, minlength=n) / (3.0 * area2)
        cy = np.bincount(ring, (dy + dy[nxt]) * cross, minlength=n) / (3.0 * area2)
    low = [np.minimum.reduceat(xy[:, k], first) for k in (0, 1)]
    high = [np.maximum.reduceat(xy[:, k], first) for k in (0, 1)]
    box = np.column_stack([(low[0] + high[0]) / 2, (low[1] + high[1]) / 2])
    half = np.maximum(high[0] - low[0], high[1] - low[1]) / 2
    return np.abs(area2) / 2.0, np.column_stack([x0 + cx, y0 + cy]), box, half


def overlay_bulk(spec, population, crs, context, feedback, transform, index, zone_geometries, zone_codes,
                 start, span):
    """``(ids, cells, codes, areas, cell_areas)`` as the reference loop of ``fragility_ifn`` makes them."""
    gdal, _, _ = fast_io._ogr()
    if not spec.matches(population):
        raise fast_io.FallbackError("the layer is not the table GDAL reads")
    dataset = gdal.OpenEx(spec.path, gdal.OF_VECTOR | gdal.OF_READONLY)
    layer = dataset.GetLayerByName(spec.layer)
    definition = layer.GetLayerDefn()
    layer.SetIgnoredFields([definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
                           + ["OGR_STYLE"])
    geometry_name = layer.GetGeometryColumn() or "wkb_geometry"
    total = max(layer.GetFeatureCount(), 1)
    zones = None
    ids_parts, cell_parts, code_parts, area_parts, cell_area_parts = [], [], [], [], []
    len_ids = seen = 0
    stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES",
                                                  "MAX_FEATURES_IN_BATCH={}".format(fast_io.BATCH)])
    for batch in stream:
        if feedback is not None and feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        if seen > total:
            raise fast_io.FallbackError("more features in the Arrow stream than in the layer")
        fid = np.asarray(batch.get("OGC_FID", batch.get(spec.fid_column or "OGC_FID")), dtype=np.int64)
        geometry = batch.get(geometry_name)
        if geometry is None or fid.ndim != 1:
            raise fast_io.FallbackError("no geometry or fid column")
        present = np.flatnonzero(~np.ma.getmaskarray(geometry))
        buffer, offsets, lengths = fast_io._wkb_buffer(geometry, present)
        raw = np.frombuffer(buffer, dtype=np.uint8)
        simple, ring_start, npoints = _simple_rings(buffer, raw, offsets, lengths)
        inside_area = np.full(len(present), np.nan)  # area of a cell wholly inside or outside the zones
        pairs_row, pairs_zone = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        if len(simple):
            xy, ring, first = _ring_vertices(buffer, ring_start, npoints)
            xy = fast_io.bulk_transform(xy, spec.crs, crs, context)
            area, centre, box, half = _shoelace(xy, ring, first, npoints)
            placed = np.isfinite(xy).all(axis=1)
            ok = (np.bincount(ring, ~placed, minlength=len(first)) == 0) & np.isfinite(centre).all(axis=1) \
                & (area > 0)
            if zones is None:
                zones = _Zones(zone_geometries, zone_codes, np.median(half[ok]) if ok.any() else 0.0)
            ok[ok] = ~zones.near(box[ok], half[ok])
            clean = np.flatnonzero(ok)
            inside_area[simple[clean]] = area[clean]
            row_in, zone_in = zones.containing(centre[clean])
            pairs_row, pairs_zone = simple[clean[row_in]], zone_in
        # pairs_row: index in ``present`` of a clean cell; pairs_zone: its zone's position in ``zones``
        # the other cells by the reference code, one at a time, on the same geometry
        kept = np.isfinite(inside_area)
        exact_k, exact_codes, exact_areas, exact_area_of = [], [], [], {}
        for count, k in enumerate(np.flatnonzero(~kept).tolist()):
            if feedback is not None and count % 1000 == 0 and feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
            cell = QgsGeometry()
            cell.fromWkb(bytes(buffer[offsets[k]:offsets[k] + lengths[k]]))
            if cell.isNull() or cell.isEmpty():
                continue
            cell_area = overlay_cell(cell, transform, index, zone_geometries, zone_codes, k, exact_k, exact_codes,
                                     exact_areas)
            if cell_area is not None:
                exact_area_of[k] = cell_area
        if exact_area_of:
            exact_rows = np.fromiter(exact_area_of, dtype=np.int64, count=len(exact_area_of))
            kept[exact_rows] = True
            inside_area[exact_rows] = np.fromiter(exact_area_of.values(), dtype=float, count=len(exact_area_of))
        out_row = np.cumsum(kept) - 1 + len_ids
        kept_rows = np.flatnonzero(kept)
        ids_parts.append(fid[present[kept_rows]])
        cell_area_parts.append(inside_area[kept_rows])
        zone_codes_array = np.array(zones.codes + [None], dtype=object) if zones is not None else None
        if len(pairs_row):
            cell_parts.append(out_row[pairs_row])
            code_parts.append(zone_codes_array[pairs_zone])
            area_parts.append(inside_area[pairs_row])
        if exact_k:
            cell_parts.append(out_row[np.asarray(exact_k, dtype=np.int64)])
            codes_out = np.empty(len(exact_codes), dtype=object)
            codes_out[:] = exact_codes
            code_parts.append(codes_out)
            area_parts.append(np.asarray(exact_areas, dtype=float))
        len_ids += len(kept_rows)
        seen += len(fid)
        if feedback is not None:
            feedback.setProgress(start + span * min(seen / total, 1.0))
    ids = np.concatenate(ids_parts).tolist() if ids_parts else []
    cell_areas = np.concatenate(cell_area_parts) if cell_area_parts else np.empty(0)
    if not cell_parts:
        return ids, np.empty(0, dtype=np.int64), [], np.empty(0), cell_areas
    return ids, np.concatenate(cell_parts), np.concatenate(code_parts), np.concatenate(area_parts), cell_areas
