"""Mon réseau mobile coverage (core/arcep_mobile.py) on GeoPackages CONSTRUCTED to
the MRM format (fields operateur, date, techno, usage, niveau; EPSG:2154):
invented polygons, not real coverage."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from ville_numerique.core.arcep_mobile import operators_at, points_in_rings, read_coverage
from ville_numerique.core.arcep_sources import local_source, seven_zip_tool

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from arcep_format import write_mrm  # noqa: E402

# Lambert-93 squares near Saint-Omer: operator 20801 has TBC in S1, BC around it
# (a polygon with a hole) and CL around that; operator 20810 has TBC in S2.
S1 = (650000, 7068000, 652000, 7070000)
BC_OUTER = (649000, 7067000, 653000, 7071000)
CL_OUTER = (648000, 7066000, 654000, 7072000)
S2 = (651000, 7068000, 655000, 7070000)
POINTS_L93 = {
    "both_tbc": (651500, 7069000),  # 20801 TBC + 20810 TBC
    "bc_only": (649500, 7069000),  # 20801 BC
    "bc_and_tbc": (652500, 7069000),  # 20801 BC + 20810 TBC
    "cl_only": (648500, 7069000),  # 20801 CL
    "nowhere": (660000, 7069000),
}


def ring(box):
    x0, y0, x1, y1 = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


@pytest.fixture
def mrm_files(tmp_path):
    a = write_mrm(tmp_path / "2026_T2_couv_metro_20801_4G_data.gpkg", [
        ("20801", "4G", "data", "TBC", [ring(S1)]),
        ("20801", "4G", "data", "BC", [ring(BC_OUTER), ring(S1)]),
        ("20801", "4G", "data", "CL", [ring(CL_OUTER), ring(BC_OUTER)]),
    ])
    b = write_mrm(tmp_path / "2026_T2_couv_metro_20810_4G_data.gpkg", [
        ("20810", "4G", "data", "TBC", [ring(S2)]),
        ("20820", "3G", "data", "TBC", [ring(CL_OUTER)]),  # not 4G: left out
        ("20820", "4G", "voix", "TBC", [ring(CL_OUTER)]),  # voice, not data: left out
    ])
    return a, b


def lonlat(points):
    from osgeo import osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(2154)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    result = [transform.TransformPoint(float(x), float(y))[:2] for x, y in points]
    return np.array([r[0] for r in result]), np.array([r[1] for r in result])


def test_points_in_a_polygon_with_a_hole():
    outer = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)]
    island = [(20, 20), (21, 20), (21, 21), (20, 21)]
    inside = points_in_rings([1, 5, 11, 20.5, 9.99], [1, 5, 5, 20.5, 9.99], [outer, hole, island])
    assert inside.tolist() == [True, False, False, True, True]


def test_three_levels_two_operators(mrm_files, tmp_path):
    lon, lat = lonlat(POINTS_L93.values())
    bbox = (lon.min(), lat.min(), lon.max(), lat.max())
    features, skipped = [], {}
    for path in mrm_files:
        coverage = read_coverage(path, bbox, cache_dir=tmp_path / "cache")
        assert not coverage.from_cache
        features += coverage.features
        skipped.update(coverage.skipped)
    assert sorted((f.operator, f.level) for f in features) == [
        ("20801", "BC"), ("20801", "CL"), ("20801", "TBC"), ("20810", "TBC")]
    assert skipped == {"techno_3G": 1, "usage_voix": 1}
    tbc, anywhere = operators_at(lon, lat, features)
    assert dict(zip(POINTS_L93, tbc.tolist())) == {
        "both_tbc": 2, "bc_only": 0, "bc_and_tbc": 1, "cl_only": 0, "nowhere": 0}
    assert dict(zip(POINTS_L93, anywhere.tolist())) == {
        "both_tbc": 2, "bc_only": 1, "bc_and_tbc": 2, "cl_only": 1, "nowhere": 0}
    # the clip is cached: the second reading does not open the GeoPackage
    again = read_coverage(mrm_files[0], bbox, cache_dir=tmp_path / "cache")
    assert again.from_cache
    tbc2, any2 = operators_at(lon, lat, again.features + features[3:])
    assert tbc2.tolist() == tbc.tolist() and any2.tolist() == anywhere.tolist()
    assert again.edition()["licence"] == "Licence Ouverte 1.0 (Etalab)"
    assert again.edition()["dates"] == ["2026-06-30"]


def test_clip_keeps_only_the_study_area(mrm_files):
    lon, lat = lonlat([POINTS_L93["both_tbc"]])
    bbox = (lon[0] - 0.001, lat[0] - 0.001, lon[0] + 0.001, lat[0] + 0.001)
    coverage = read_coverage(mrm_files[0], bbox)
    box = [np.concatenate([r for p in f.polygons for r in p]) for f in coverage.features]
    for points in box:  # every vertex within the bbox plus the clip margin (0.01°)
        assert points[:, 0].min() >= bbox[0] - 0.0101 and points[:, 0].max() <= bbox[2] + 0.0101


def test_a_7z_geopackage_is_extracted_then_read(mrm_files, tmp_path):
    assert seven_zip_tool(), "no 7-Zip command: make deps installs the 7zip package"
    archive = tmp_path / "couv_20801.gpkg.7z"
    proc = subprocess.run([seven_zip_tool(), "a", "-bd", str(archive), str(mrm_files[0])], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    data = local_source(archive, tmp_path / "work")
    assert data.suffix == ".gpkg"
    lon, lat = lonlat(POINTS_L93.values())
    coverage = read_coverage(data, (lon.min(), lat.min(), lon.max(), lat.max()))
    assert len(coverage.features) == 3
