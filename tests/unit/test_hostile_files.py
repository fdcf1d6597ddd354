"""Downloaded files that real or hostile sources contain must end in a sentence or a
correct, bounded result: zip bombs, huge CSVs, UTF-16, absurd JSON, XML entities.

Before issue 10: a 2 MB zip expanding to a 1 GiB CSV grew the process to
24 GB; JSON nested 200,000 deep and coordinates given as strings gave
tracebacks; a UTF-16 CSV said "no coordinates found". Large fixtures are
generated here, at run time (synthetic rows, not real data).
"""

import json
import struct
import time
import tracemalloc
import zipfile

import pytest
from ville_numerique.core import loaders
from ville_numerique.core.errors import DataError
from ville_numerique.core.http import ContentTypeError, HttpClient, RetryPolicy, server_message
from ville_numerique.core.ign import IgnClient, WfsLayer
from ville_numerique.core.settings import load_settings
from ville_numerique.tests.fake_servers import GIB, MB, HostileServer, zip_bomb

ROWS = b"borne,50.75,2.25\n" * (MB // 17 + 1)


def limits(**values):
    return load_settings(environ={}, qgis={}, **values)


# --------------------------------------------------------------------------
# Archives
# --------------------------------------------------------------------------
def test_a_2_mb_zip_expanding_to_1_gib_is_refused_at_once(tmp_path):
    bomb = zip_bomb(tmp_path / "bornes.zip")
    assert bomb.stat().st_size < 3 * MB
    with zipfile.ZipFile(bomb) as archive:  # a well-formed archive, as a server would send it
        assert archive.infolist()[0].file_size > GIB - MB
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(DataError) as info:
            loaders.load(bomb, limits=limits())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5 and peak < 20 * MB
    assert "bornes.csv" in str(info.value) and "zip bombs" in str(info.value)
    assert list(tmp_path.iterdir()) == [bomb]


def test_a_bomb_within_the_ratio_is_stopped_by_the_size_to_read(tmp_path):
    """A member expanding less than the ratio limit but too large to read in memory."""
    bomb = zip_bomb(tmp_path / "bornes.zip", size=64 * MB)
    with pytest.raises(DataError) as info:
        loaders.load(bomb, limits=limits(zip_max_ratio=100000, table_max_mb=20))
    text = str(info.value)
    assert "bornes.zip!bornes.csv is 64 MB, more than the 20 MB the plugin reads in memory" in text
    assert "Layer > Add Layer" in text


def test_an_archive_larger_than_the_extraction_limit_is_refused(tmp_path):
    bomb = zip_bomb(tmp_path / "bornes.zip", size=64 * MB)
    with pytest.raises(DataError, match=r"would take 64 MB once extracted, more than the limit of 32 MB"):
        loaders.safe_extract(bomb, tmp_path / "out", limits=limits(unzip_max_mb=32, zip_max_ratio=100000))
    assert not (tmp_path / "out" / "bornes.csv").exists()


def test_a_member_larger_than_it_declares_stops_the_extraction(tmp_path):
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", b"nom,lat,lon\n" + b"x,50,2\n" * 10000)
    data = bytearray(archive.read_bytes())
    # declare 100 bytes in the central directory (what zipfile trusts) and in the local header
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.index(signature) + offset
        data[at : at + 4] = struct.pack("<I", 100)
    archive.write_bytes(bytes(data))
    with pytest.raises(DataError) as info:
        loaders.safe_extract(archive, tmp_path / "out", limits=limits())
    assert "liar.zip" in str(info.value)


# --------------------------------------------------------------------------
# Big CSV: streamed, bounded
# --------------------------------------------------------------------------
def test_a_big_csv_is_read_as_a_stream(tmp_path):
    """19 MB of rows without usable position: memory stays far below the file's size."""
    path = tmp_path / "bornes.csv"
    row = b"borne;0;0;" + b"x" * 990 + b"\n"
    rows = 20_000
    with open(path, "wb") as out:
        out.write(b"nom;lat;lon;note\n")
        for _ in range(10):
            out.write(row * (rows // 10))
    assert path.stat().st_size > 19 * MB
    tracemalloc.start()
    try:
        result = loaders.load(path, limits=limits())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.read == rows and result.kept == 0 and len(result.rejected) == rows
    assert result.counts == {"read": rows, "kept": 0, "rejected": rows}
    assert result.rejected[0].row == 2 and "coordinates 0, 0" in result.rejected[0].reason
    assert peak < 6 * MB  # was: the bytes, the text, every row and every rejection


def test_a_csv_larger_than_the_memory_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as out:
        out.write(b"nom,lat,lon\n")
        out.write(ROWS * 3)
    with pytest.raises(DataError, match=r"big.csv is 3 MB, more than the 2 MB the plugin reads in memory"):
        loaders.load(path, limits=limits(table_max_mb=2))


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("utf-32-le", b"\xff\xfe\x00\x00")],
    ids=["UTF-16 LE with BOM", "UTF-16 BE with BOM", "UTF-16 LE without BOM", "UTF-32 with BOM"],
)
def test_a_utf16_csv_loads(tmp_path, encoding, prefix):
    text = "nom;latitude;longitude\nMédiathèque Saint-Éloi;50,7503;2,2519\nÉcole;50,76;2,26\n"
    path = tmp_path / "lieux.csv"
    path.write_bytes(prefix + text.encode(encoding))
    result = loaders.load(path, limits=limits())
    assert result.kept == 2 and result.rejected == []
    assert result.records[0]["nom"] == "Médiathèque Saint-Éloi"
    assert result.records[0]["geometry"]["coordinates"] == [2.2519, 50.7503]
    assert result.encoding.startswith("utf-")


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------
def test_json_nested_200000_deep_is_a_sentence(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 200_000 + "]" * 200_000 + "}")
    with pytest.raises(DataError, match="deep.geojson is JSON nested too deeply"):
        loaders.load(path, limits=limits())


def test_coordinates_nested_200000_deep_reject_the_feature(tmp_path):
    features = [
        {"type": "Feature", "properties": {"nom": "ok"}, "geometry": {"type": "Point", "coordinates": [2.25, 50.75]}},
        {"type": "Feature", "properties": {"nom": "deep"}, "geometry": {"type": "Polygon", "coordinates": None}},
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features})
    text = text.replace('"coordinates": null', '"coordinates": ' + "[" * 900 + "]" * 900)
    path = tmp_path / "deep.geojson"
    path.write_text(text)
    result = loaders.load(path, limits=limits())
    assert [r["nom"] for r in result.records] == ["ok"]
    assert result.rejected[0].reason == "invalid geometry"


def test_a_geojson_cell_nested_too_deeply_rejects_its_row(tmp_path):
    path = tmp_path / "cells.csv"
    path.write_text('nom;geo_shape\nok;{"type": "Point", "coordinates": [2.25, 50.75]}\ndeep;' + "[" * 200_000 + "\n")
    result = loaders.load(path, limits=limits())
    assert [r["nom"] for r in result.records] == ["ok"]
    assert result.rejected[0].row == 3 and "invalid GeoJSON" in result.rejected[0].reason


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": ["2.25", "50.75"]},
        {"type": "Point", "coordinates": ["a", "b"]},
        {"type": "LineString", "coordinates": [[2.25, 50.75], ["2.26", 50.76]]},
        {"type": "Polygon", "coordinates": [[[2.25, 50.75], [2.26, 50.75], [2.26, True], [2.25, 50.75]]]},
        {"type": "MultiPoint", "coordinates": [[2.25, 50.75], [{"x": 1}, 2]]},
    ],
    ids=["numbers as text", "words", "one text in a line", "a boolean in a ring", "an object"],
)
def test_coordinates_that_are_not_numbers_reject_the_feature(tmp_path, geometry):
    good = {"type": "Feature", "properties": {"nom": "ok"}, "geometry": {"type": "Point", "coordinates": [2.25, 50.75]}}
    bad = {"type": "Feature", "properties": {"nom": "bad"}, "geometry": geometry}
    path = tmp_path / "lieux.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, bad]}))
    result = loaders.load(path, limits=limits())
    assert [r["nom"] for r in result.records] == ["ok"]
    assert result.rejected[0].row == 2 and result.rejected[0].reason.startswith("invalid geometry")


def test_a_geojson_larger_than_the_memory_limit_is_refused(tmp_path):
    path = tmp_path / "big.geojson"
    path.write_bytes(b'{"type": "FeatureCollection", "features": [' + b" " * (3 * MB) + b"]}")
    with pytest.raises(DataError, match="more than the 2 MB the plugin reads in memory"):
        loaders.load(path, limits=limits(table_max_mb=2))


# --------------------------------------------------------------------------
# XML: external entities and billion laughs
# --------------------------------------------------------------------------
SECRET = "TOPSECRET-7f3a"
LAUGHS = '<!ENTITY lol "lol">' + "".join(
    '<!ENTITY lol{} "{}">'.format(i, ("&lol{};".format(i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10)
)
KML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE kml [{entities}]>\n'
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>{value}</name>'
    "<Point><coordinates>2.25,50.75</coordinates></Point></Placemark></Document></kml>\n"
)
GML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ogr:FeatureCollection [{entities}]>\n'
    '<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml">'
    '<gml:featureMember><ogr:p fid="p.0"><ogr:geometryProperty><gml:Point srsName="EPSG:4326">'
    "<gml:coordinates>2.25,50.75</gml:coordinates></gml:Point></ogr:geometryProperty>"
    "<ogr:name>{value}</ogr:name></ogr:p></gml:featureMember></ogr:FeatureCollection>\n"
)


def _xxe(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    return '<!ENTITY xxe SYSTEM "file://{}">'.format(secret), "&xxe;"


@pytest.mark.parametrize("template, suffix", [(KML, ".kml"), (GML, ".gml")], ids=["KML", "GML"])
@pytest.mark.parametrize("attack", ["external entity", "billion laughs"])
def test_xml_entities_are_never_expanded(tmp_path, template, suffix, attack):
    entities, value = _xxe(tmp_path) if attack == "external entity" else (LAUGHS, "&lol9;")
    path = tmp_path / ("attack" + suffix)
    path.write_text(template.format(entities=entities, value=value))
    started = time.monotonic()
    try:
        result = loaders.load(path, limits=limits())
    except DataError as error:  # GDAL refuses the document: a sentence
        assert SECRET not in str(error) and "lollollol" not in str(error)
    else:
        text = json.dumps(result.records, default=str)
        assert SECRET not in text and "lollollol" not in text
    assert time.monotonic() - started < 10


def test_a_wfs_answering_xml_with_entities_is_refused_by_type(tmp_path):
    server = HostileServer()
    try:
        entities, value = _xxe(tmp_path)
        body = '<?xml version="1.0"?><!DOCTYPE r [{}]><wfs:FeatureCollection>{}</wfs:FeatureCollection>'
        server.files["/wfs/ows"] = (body.format(entities, value).encode(), "text/xml")
        settings = load_settings(environ={}, qgis={}, geopf_url=server.base, cache_dir=tmp_path / "cache")
        ign = IgnClient(HttpClient(settings, proxies={}, retry=RetryPolicy(max_retries=0)))
        with pytest.raises(ContentTypeError) as info:
            ign.get_features(WfsLayer("BDTOPO_V3:batiment"))
        assert "text/xml instead of application/json" in str(info.value)
        assert SECRET not in str(info.value)
    finally:
        server.close()


def test_an_ows_exception_with_entities_is_read_as_text(tmp_path):
    entities, value = _xxe(tmp_path)
    body = (
        '<?xml version="1.0"?><!DOCTYPE r [{}{}]><ows:ExceptionReport><ows:Exception>'
        "<ows:ExceptionText>{} &lol9;</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"
    ).format(entities, LAUGHS, value)
    assert server_message(body.encode()) == "&xxe; &lol9;"  # no XML parser: nothing expanded
