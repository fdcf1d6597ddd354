"""ARCEP fixed broadband (core/arcep.py, core/arcep_sources.py) on files constructed
to the ARCEP format (tests/arcep_format.py: invented buildings, never real data)."""

import gzip
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pytest_httpserver import HTTPServer  # noqa: F401 - the httpserver fixture
from ville_numerique.core import arcep
from ville_numerique.core.arcep import (
    FLAG_BHD8,
    FLAG_FTTH,
    FLAG_ROW,
    FLAG_THD,
    FLAG_WIRED_30,
    area_indicators,
    buildings_within,
    departement_of,
    parse_departements,
    read_buildings,
    read_eligibility,
    row_flags,
    unit_indicators,
)
from ville_numerique.core.arcep_sources import (
    ArcepClient,
    commune_table,
    extract_7z,
    have_py7zr,
    local_source,
    read_commune_stats,
    seven_zip_tool,
)
from ville_numerique.core.errors import DataError, InputError
from ville_numerique.core.http import HttpClient, OfflineError, RetryPolicy
from ville_numerique.core.settings import load_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from arcep_format import (  # noqa: E402
    write_buildings,
    write_commune_stats,
    write_eligibility,
    write_synthetic_department,
)

ROOT = Path(__file__).resolve().parents[2]

# Two 200 m-ish cells side by side (lon/lat rectangles) and an empty third one.
CELLS = {
    "A": (2.250, 50.750, 2.253, 50.752),
    "B": (2.253, 50.750, 2.256, 50.752),
    "EMPTY": (2.256, 50.750, 2.259, 50.752),
}
BUILDINGS = [
    # id, lon, lat, commune, premises
    ("IMB/TEST/1", 2.2510, 50.7510, "62765", 10),  # A: FO THD1G + CU HD3
    ("IMB/TEST/2", 2.2515, 50.7505, "62765", 5),  # A: only satellite
    ("IMB/TEST/3", 2.2520, 50.7515, "62765", 5),  # A: fixed 4G THD30
    ("IMB/TEST/4", 2.2540, 50.7510, "62765", 4),  # B: CU BHD8 + SAT THD100 (the satellite trap)
    ("IMB/TEST/5", 2.4000, 50.9000, "62001", 7),  # far away: outside the study bbox
]
ROWS = [
    ("IMB/TEST/1", "FRTE", "FO", "THD1G"),
    ("IMB/TEST/1", "FRTE", "CU", "HD3"),
    ("IMB/TEST/2", "STAK", "SAT", "THD100"),
    ("IMB/TEST/3", "BOUY", "4GF", "THD30"),
    ("IMB/TEST/4", "FRTE", "CU", "BHD8"),
    ("IMB/TEST/4", "STAK", "SAT", "THD100"),
    ("IMB/TEST/5", "FRTE", "FO", "THD1G"),
    ("IMB/TEST/9", "FRTE", "FO", "THD1G"),  # a building absent from base_imb
]
STUDY_BBOX = (2.249, 50.749, 2.260, 50.753)


@pytest.fixture
def files(tmp_path):
    b = write_buildings(tmp_path / "base_imb_62.csv.gz", BUILDINGS)
    e = write_eligibility(tmp_path / "actuel_62.csv.gz", ROWS)
    return b, e


def cell_pairs(buildings):
    lon, lat = buildings.lonlat()
    units, members = [], []
    for u, (x0, y0, x1, y1) in enumerate(CELLS.values()):
        inside = np.flatnonzero((lon >= x0) & (lon < x1) & (lat >= y0) & (lat < y1))
        units += [u] * inside.size
        members += inside.tolist()
    return np.array(units), np.array(members)


def test_row_rules_and_the_satellite_trap():
    assert row_flags("FO", "THD1G") == FLAG_ROW | FLAG_FTTH | FLAG_WIRED_30 | FLAG_THD | FLAG_BHD8
    assert row_flags("CU", "HD3") == FLAG_ROW
    assert row_flags("CU", "BHD8") == FLAG_ROW | FLAG_BHD8
    assert row_flags("COAX", "THD100") == FLAG_ROW | FLAG_WIRED_30 | FLAG_THD | FLAG_BHD8
    assert row_flags("4GF", "THD30") == FLAG_ROW | FLAG_THD | FLAG_BHD8
    assert row_flags("THDR", "BHD8") == FLAG_ROW | FLAG_BHD8
    # satellite at 100 Mbit/s gives nothing: it is offered everywhere
    assert row_flags("SAT", "THD100") == FLAG_ROW
    assert row_flags("fo", " thd30 ") & FLAG_FTTH  # case and spaces of hand-made files
    assert row_flags("FO", "UNKNOWN") == FLAG_ROW | FLAG_FTTH


def test_hand_computed_cells(files):
    buildings = read_buildings(files[0], bbox=STUDY_BBOX)
    assert list(buildings.ids) == ["IMB/TEST/1", "IMB/TEST/2", "IMB/TEST/3", "IMB/TEST/4"]
    assert buildings.n_outside == 1 and buildings.n_read == 5
    eligibility = read_eligibility(files[1], buildings)
    assert eligibility.n_rows == 8 and eligibility.n_matched == 6  # TEST/5 outside, TEST/9 unknown
    units, members = cell_pairs(buildings)
    result = unit_indicators(3, units, members, buildings.premises, eligibility.flags)
    # cell A: 10 + 5 + 5 = 20 premises; FTTH 10; wired ≥30 10; no THD = the satellite-only 5;
    # below 8 Mbit/s = the same 5 (fixed 4G at THD30 is above both thresholds)
    assert result["premises"][0] == 20
    assert result["share_ftth"][0] == pytest.approx(0.5)
    assert result["share_wired_30"][0] == pytest.approx(0.5)
    assert result["share_no_thd"][0] == pytest.approx(0.25)
    assert result["share_below_8"][0] == pytest.approx(0.25)
    # cell B: copper at BHD8 + satellite at THD100 → no very-high speed at all
    assert result["premises"][1] == 4
    assert result["share_no_thd"][1] == 1.0
    assert result["share_below_8"][1] == 0.0
    assert result["share_ftth"][1] == 0.0
    # the empty cell: NULL everywhere, not 0
    assert all(np.isnan(result[name][2]) for name in arcep.UNIT_FIELDS)
    area = area_indicators(buildings.premises, eligibility.flags)
    assert area["premises_total"] == 24
    assert area["share_no_thd"] == pytest.approx(9 / 24, abs=1e-6)
    assert eligibility.operator_summary() == {"4GF": ["BOUY"], "CU": ["FRTE"], "FO": ["FRTE"], "SAT": ["STAK"]}


def test_coordinates_are_read_as_epsg_3857(files):
    from osgeo import osr

    buildings = read_buildings(files[0])
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(3857)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    lon, lat = buildings.lonlat()
    for k, (_id, lon0, lat0, _c, _p) in enumerate(BUILDINGS):
        gdal_lon, gdal_lat, _ = transform.TransformPoint(float(buildings.x[k]), float(buildings.y[k]))
        assert (lon[k], lat[k]) == pytest.approx((lon0, lat0), abs=1e-9)
        assert (gdal_lon, gdal_lat) == pytest.approx((lon0, lat0), abs=1e-9)
    # Saint-Omer is ~250 km east and ~6.57e6 m north of the Web Mercator origin
    assert 250_000 < buildings.x[0] < 251_000 and 6_577_000 < buildings.y[0] < 6_578_000


def test_buildings_within_a_radius():
    unit_xy = [(0.0, 0.0), (1000.0, 0.0)]
    building_xy = [(0.0, 99.0), (0.0, 101.0), (60.0, 80.0), (1000.0, 0.0)]
    units, members = buildings_within(unit_xy, building_xy, 100.0)
    assert sorted(zip(units.tolist(), members.tolist())) == [(0, 0), (0, 2), (1, 3)]


def test_missing_premises_and_bad_coordinates_are_counted(tmp_path):
    path = write_buildings(tmp_path / "b.csv", [("IMB/TEST/1", 2.25, 50.75, "62765", None)])
    with open(path, "a", encoding="utf-8") as out:
        out.write("IMB/TEST/2;abc;;IMB/TEST/2;62765;3;fo;IM;;;;;;;;;;\n")
    buildings = read_buildings(path)
    assert len(buildings) == 1 and buildings.premises[0] == 0
    assert buildings.n_no_premises == 1 and buildings.n_outside == 1


def test_a_file_that_is_not_arcep_says_which_columns_miss(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id;x;y\n1;2;3\n", encoding="utf-8")
    with pytest.raises(DataError, match="imb_id, imb_x, imb_y, imb_code_insee, imb_nbr_logloc"):
        read_buildings(path)
    damaged = tmp_path / "damaged.csv.gz"
    damaged.write_bytes(gzip.compress(b"imb_id;code_operateur;code_techno;classe_debit_descendant\n" * 50)[:60])
    buildings = read_buildings(write_buildings(tmp_path / "b.csv", BUILDINGS[:1]))
    with pytest.raises(DataError, match="damaged"):
        read_eligibility(damaged, buildings)


def test_departements_and_leading_zeros():
    assert departement_of("01001") == "01"
    assert departement_of(1001) == "01"  # read as a number by a spreadsheet
    assert departement_of("2A004") == "2A"
    assert departement_of("97411") == "974"
    assert parse_departements("62, 59;2a 974 1") == ["62", "59", "2A", "974", "01"]
    with pytest.raises(InputError, match="not a département code"):
        parse_departements("620")


@pytest.fixture
def commune_files(tmp_path):
    return write_commune_stats(tmp_path)


def test_commune_statistics_keep_codes_as_text(commune_files):
    rows = read_commune_stats(commune_files["commune_techno"])
    assert [r["code_insee"] for r in rows] == ["01001", "62765"]  # only the type=all rows
    assert rows[0]["elig_4gf"] == 20  # the pre-2021 name elig_4fg is read as elig_4gf
    table, columns, dates = commune_table(commune_files, codes=["1001"])
    assert [r["code_insee"] for r in table] == ["01001"]
    row = table[0]
    assert row["code_dep"] == "01" and row["premises"] == 200
    assert row["best_elig_ftth"] == 0.75 and row["best_elig_sat"] == 0.1
    best = [c for c in columns if c.startswith("best_")]
    assert sum(row[c] for c in best) == pytest.approx(1.0)  # the only table whose columns partition nbr
    assert row["wired_elig_thd30"] == 0.75 and row["wired_inel_hd"] == 0.05
    assert row["techno_elig_sat"] == 1.0
    assert dates["commune_debit_filaire"] == "2026-06-30"
    table, _, _ = commune_table(commune_files, departements=["62"])
    assert [r["code_insee"] for r in table] == ["62765"]


def test_gzip_is_streamed_with_bounded_memory(tmp_path):
    """A 1.5 M-row eligibility file (~100 MB once decompressed) read with a peak
    resident memory far below its size: it is never held whole."""
    buildings_path, rows_path = tmp_path / "base_imb_62.csv.gz", tmp_path / "actuel_62.csv.gz"
    n_rows = write_synthetic_department(buildings_path, rows_path, 136_000, rows_per_building=11)
    with gzip.open(rows_path, "rb") as handle:
        size = sum(len(block) for block in iter(lambda: handle.read(1 << 20), b""))
    assert n_rows > 1_400_000 and size > 90e6
    script = """
import resource, sys
sys.path.insert(0, {plugins!r})
from ville_numerique.core.arcep import read_buildings, read_eligibility, area_indicators
b = read_buildings({b!r})
import pandas, numpy
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
e = read_eligibility({e!r}, b, chunk_rows=100000)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(e.n_rows, (after - before) * 1024, area_indicators(b.premises, e.flags)["share_ftth"])
""".format(plugins=str(ROOT / ".build" / "plugins"), b=str(buildings_path), e=str(rows_path))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows, grown, share_ftth = proc.stdout.split()
    assert int(rows) == n_rows
    assert int(grown) < size / 3, "peak memory grew by {} bytes for a {} byte file".format(grown, size)
    assert 0.6 < float(share_ftth) < 0.72  # ~2 buildings in 3 have fibre in the synthetic file


def test_7z_archives_are_extracted(tmp_path, files):
    assert seven_zip_tool(), "no 7-Zip command: make deps installs the 7zip package"
    archive = tmp_path / "base_imb_62.7z"
    proc = subprocess.run([seven_zip_tool(), "a", "-bd", str(archive), str(files[0])], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    data = local_source(archive, tmp_path / "work")
    assert data.name == "base_imb_62.csv.gz" and data.parent != files[0].parent
    assert len(read_buildings(data)) == 5


def test_7z_archives_are_extracted_by_py7zr_without_a_command(tmp_path, files):
    assert seven_zip_tool() and have_py7zr(), "make deps installs the 7zip and python3-py7zr packages"
    archive = tmp_path / "actuel_62.7z"
    proc = subprocess.run([seven_zip_tool(), "a", "-bd", str(archive), str(files[1])], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    extracted = extract_7z(archive, tmp_path / "out", commands=())  # as if no 7z command were installed
    assert [p.name for p in extracted] == ["actuel_62.csv.gz"]
    assert extracted[0].read_bytes() == files[1].read_bytes()


def test_without_any_7z_tool_the_message_says_what_to_install(tmp_path):
    archive = tmp_path / "couverture.gpkg.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c")
    with pytest.raises(DataError) as error:
        extract_7z(archive, tmp_path / "out", commands=(), use_py7zr=False)
    message = str(error.value)
    assert "couverture.gpkg.7z" in message and "7zip" in message and "p7zip-full" in message


def test_download_cache_and_offline(httpserver, tmp_path, files):
    body = files[0].read_bytes()
    httpserver.expect_request("/fixe/maconnexioninternet/base_imb/last/departement/base_imb_62.csv.gz").respond_with_data(
        body, content_type="application/gzip", headers={"Last-Modified": "Tue, 30 Jun 2026 08:00:00 GMT"})
    base = httpserver.url_for("").rstrip("/")
    assert arcep.base_url(environ={"VILLE_NUMERIQUE_ARCEP_URL": base + "/"}) == base
    settings = load_settings(environ={"VILLE_NUMERIQUE_ARCEP_URL": base}, qgis={}, cache_dir=tmp_path / "cache")
    assert settings.arcep_url == base
    online = HttpClient(settings, proxies={}, retry=RetryPolicy(max_retries=0))
    client = ArcepClient(online)
    path, edition = client.download(client.buildings_url("62"), tmp_path / "dl")
    assert path.read_bytes() == body
    assert edition["last_modified"] == "Tue, 30 Jun 2026 08:00:00 GMT"
    assert edition["licence"] == "Licence Ouverte 2.0 (Etalab)"
    assert len(read_buildings(path)) == 5
    httpserver.clear()  # the server now answers nothing: the cache must serve
    offline = ArcepClient(HttpClient(settings, offline=True, proxies={}))
    again, _ = offline.download(offline.buildings_url("62"), tmp_path / "dl2")
    assert again.read_bytes() == body
    with pytest.raises(OfflineError, match="Offline mode"):
        offline.download(offline.eligibility_url("62"), tmp_path / "dl3")
