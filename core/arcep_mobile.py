"""ARCEP "Mon réseau mobile" (MRM) theoretical coverage, without QGIS.

One GeoPackage per operator × technology (``.gpkg.7z`` on data.arcep.fr),
MultiPolygons in EPSG:2154 (metropole) with ``operateur``, ``date``,
``techno``, ``usage`` (voix|data) and ``niveau``: ``TBC`` very good, ``BC``
good, ``CL`` limited coverage (operators' simulations, not measurements).

:func:`read_coverage` reads a file through GDAL (``osgeo.ogr``, present
wherever QGIS is), keeps the 4G data features, clips them to the study
area's bounding box, reprojects them to WGS 84 and caches the clip as JSON:
the national file is read once per study area. :func:`operators_at`
counts, for each point, the distinct operators whose coverage at level TBC
(``mobile_ops_tbc``) and at any level (``mobile_ops_any``) contains it.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .arcep import LICENCE_MRM, SOURCE_MRM
from .errors import DataError
from .files import write_text_atomically
from .http import cancel_check, raise_if_canceled
from .i18n import tr

LEVELS = ("TBC", "BC", "CL")
LEVEL_NAMES = {
    "TBC": "TBC", "TRES BONNE COUVERTURE": "TBC", "TRÈS BONNE COUVERTURE": "TBC",
    "BC": "BC", "BONNE COUVERTURE": "BC",
    "CL": "CL", "COUVERTURE LIMITEE": "CL", "COUVERTURE LIMITÉE": "CL",
}
TECHNO = "4G"
USAGE = "data"
CLIP_MARGIN_DEG = 0.01
CACHE_FORMAT = 1


@dataclass
class CoverageFeature:
    """One coverage polygon set: operator, level and polygons (lists of WGS 84 rings)."""

    operator: str
    level: str
    polygons: list
    techno: str = ""
    usage: str = ""
    date: str = ""
    operator_name: str = ""

    def to_json(self):
        return {
            "operator": self.operator, "level": self.level, "techno": self.techno, "usage": self.usage,
            "date": self.date, "operator_name": self.operator_name,
            "polygons": [[ring.tolist() for ring in polygon] for polygon in self.polygons],
        }

    @classmethod
    def from_json(cls, data):
        polygons = [[np.asarray(ring, dtype=float).reshape(-1, 2) for ring in polygon] for polygon in data["polygons"]]
        return cls(data["operator"], data["level"], polygons, data.get("techno", ""), data.get("usage", ""),
                   data.get("date", ""), data.get("operator_name", ""))


@dataclass
class Coverage:
    """The coverage features read from one file, with what was left out."""

    features: list
    source: str
    skipped: dict = field(default_factory=dict)  # reason -> count
    from_cache: bool = False

    def edition(self):
        dates = sorted({f.date for f in self.features if f.date})
        operators = sorted({f.operator_name or f.operator for f in self.features})
        return {"file": Path(self.source).name, "source": SOURCE_MRM, "licence": LICENCE_MRM,
                "dates": dates, "operators": operators}


# --------------------------------------------------------------------------
# Point in polygon (even-odd rule, vectorised; rings tested inside their box)
# --------------------------------------------------------------------------
def points_in_rings(x, y, rings, block=4096):
    """Even-odd inside test of points against a set of rings (a polygon with holes,
    or several polygons that do not overlap). ``rings``: (n, 2) arrays."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    inside = np.zeros(x.size, dtype=bool)
    for ring in rings:
        ring = np.asarray(ring, dtype=float).reshape(-1, 2)
        if len(ring) < 3:
            continue
        candidates = np.flatnonzero(
            (x >= ring[:, 0].min()) & (x <= ring[:, 0].max()) & (y >= ring[:, 1].min()) & (y <= ring[:, 1].max())
        )
        if not candidates.size:
            continue
        px, py = x[candidates][:, None], y[candidates][:, None]
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        crossings = np.zeros(candidates.size, dtype=np.int64)
        for start in range(0, len(x1), block):
            s = slice(start, start + block)
            ax, ay, bx, by = x1[s], y1[s], x2[s], y2[s]
            straddle = (ay > py) != (by > py)
            with np.errstate(divide="ignore", invalid="ignore"):
                cross_x = ax + (py - ay) * (bx - ax) / (by - ay)
            crossings += np.count_nonzero(straddle & (px < cross_x), axis=1)
        inside[candidates] ^= (crossings % 2).astype(bool)
    return inside


def operators_at(lon, lat, features):
    """``(ops_tbc, ops_any)``: distinct operators covering each point at TBC / at any level."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    tbc, anywhere = {}, {}
    for feature in features:
        rings = [ring for polygon in feature.polygons for ring in polygon]
        hit = points_in_rings(lon, lat, rings)
        target = anywhere.setdefault(feature.operator, np.zeros(lon.size, dtype=bool))
        target |= hit
        if feature.level == "TBC":
            tbc.setdefault(feature.operator, np.zeros(lon.size, dtype=bool))
            tbc[feature.operator] |= hit
    count_tbc = sum((v.astype(np.int64) for v in tbc.values()), np.zeros(lon.size, dtype=np.int64))
    count_any = sum((v.astype(np.int64) for v in anywhere.values()), np.zeros(lon.size, dtype=np.int64))
    return count_tbc, count_any


# --------------------------------------------------------------------------
# Reading (GDAL) and caching the clip
# --------------------------------------------------------------------------
def _text(feature, names):
    for name in names:
        index = feature.GetFieldIndex(name)
        if index >= 0 and feature.IsFieldSet(index):
            value = feature.GetField(index)
            if value not in (None, ""):
                return str(value).strip()
    return ""


def _rings_of(geometry):
    """Polygons (lists of (n, 2) rings) of an OGR geometry (any of Polygon, Multi*, collection)."""
    from osgeo import ogr

    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        return [[np.asarray(geometry.GetGeometryRef(i).GetPoints() or [], dtype=float)[:, :2]
                 for i in range(geometry.GetGeometryCount())
                 if geometry.GetGeometryRef(i).GetPointCount() >= 3]]
    if kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        return [p for i in range(geometry.GetGeometryCount()) for p in _rings_of(geometry.GetGeometryRef(i))]
    return []


def file_identity(path):
    """What identifies a local file's content for the clip cache: path, size, date."""
    stat = Path(path).stat()
    return "{}|{}|{}".format(Path(path).resolve(), stat.st_size, int(stat.st_mtime))


def _with_margin(bbox):
    return (bbox[0] - CLIP_MARGIN_DEG, bbox[1] - CLIP_MARGIN_DEG, bbox[2] + CLIP_MARGIN_DEG, bbox[3] + CLIP_MARGIN_DEG)


def clip_cache_path(cache_dir, identity, bbox):
    """The cached clip of the source ``identity`` (a URL or :func:`file_identity`) to ``bbox``."""
    key = "{}|{}|{}".format(CACHE_FORMAT, identity, ",".join("{:.3f}".format(v) for v in _with_margin(bbox)))
    return Path(cache_dir) / "arcep_mrm" / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".json")


def cached_coverage(cache_dir, identity, bbox, source=None):
    """The cached clip, or None (a damaged cache file is removed)."""
    cached = clip_cache_path(cache_dir, identity, bbox)
    if not cached.exists():
        return None
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        return Coverage([CoverageFeature.from_json(f) for f in data["features"]], source or data.get("source", ""),
                        data.get("skipped", {}), from_cache=True)
    except (ValueError, KeyError, TypeError):
        cached.unlink()
        return None


def read_coverage(path, bbox, cache_dir=None, is_canceled=None, identity=None):
    """The 4G data coverage of ``path`` (GeoPackage or any GDAL vector file) in ``bbox``.

    ``bbox``: (lon_min, lat_min, lon_max, lat_max) WGS 84; the clip keeps a
    small margin. With ``cache_dir`` the clip is stored there and reused
    while the source is unchanged (``identity``: what identifies the source,
    e.g. its URL or the ``.7z`` it was extracted from; by default the file).
    """
    check = cancel_check(is_canceled)
    identity = identity or file_identity(path)
    if cache_dir is not None:
        cached = cached_coverage(cache_dir, identity, bbox, str(path))
        if cached is not None:
            return cached
    coverage = _read_with_ogr(Path(path), _with_margin(bbox), check)
    if cache_dir is not None:
        target = clip_cache_path(cache_dir, identity, bbox)
        write_text_atomically(target, json.dumps({"features": [f.to_json() for f in coverage.features],
                                                  "source": str(path), "skipped": coverage.skipped}))
    return coverage


def _read_with_ogr(path, bbox, check):
    from osgeo import ogr, osr

    from .loaders import open_vector

    source = open_vector(path)
    if source is None:
        raise DataError(
            tr("GDAL cannot open {name}: the file is damaged or not a vector file.").format(name=path.name)
        )
    layer = source.GetLayer(0)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer_srs = layer.GetSpatialRef()
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[2], bbox[3]), (bbox[0], bbox[3]), (bbox[0], bbox[1])):
        ring.AddPoint_2D(x, y)
    box = ogr.Geometry(ogr.wkbPolygon)
    box.AddGeometry(ring)
    to_wgs84 = None
    if layer_srs is not None:
        layer_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not layer_srs.IsSame(wgs84):
            to_layer = osr.CoordinateTransformation(wgs84, layer_srs)
            to_wgs84 = osr.CoordinateTransformation(layer_srs, wgs84)
            box.Transform(to_layer)
    layer.SetSpatialFilter(box)
    features, skipped = [], {}
    fallback_operator = path.stem.split(".")[0]
    for feature in layer:
        raise_if_canceled(check)
        techno = _text(feature, ("techno", "technologie")).upper()
        usage = _text(feature, ("usage",)).lower()
        level = LEVEL_NAMES.get(_text(feature, ("niveau", "level")).upper())
        reason = None
        if techno and techno != TECHNO:
            reason = "techno_{}".format(techno)
        elif usage and usage != USAGE:
            reason = "usage_{}".format(usage)
        elif level is None:
            reason = "level_unknown"
        geometry = feature.GetGeometryRef()
        if reason is None and (geometry is None or geometry.IsEmpty()):
            reason = "no_geometry"
        if reason is not None:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        clipped = geometry.Intersection(box)
        if clipped is None or clipped.IsEmpty():
            continue
        if to_wgs84 is not None:
            clipped.Transform(to_wgs84)
        polygons = _rings_of(clipped)
        if not polygons:
            continue
        operator = _text(feature, ("operateur", "operator", "code_operateur")) or fallback_operator
        features.append(CoverageFeature(
            operator, level, polygons, techno or TECHNO, usage or USAGE,
            _text(feature, ("date", "date_maj")),
            _text(feature, ("operateur_commercial", "nom_operateur")) or operator,
        ))
    return Coverage(features, str(path), skipped)
