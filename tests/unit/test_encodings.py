"""core/encodings.py and its hook in core/loaders.load_ogr: Shapefiles without a .cpg file.

The Shapefiles are written at run time (names of real Pas-de-Calais communes, bytes written in
the chosen encoding), without a .cpg file. Read without detection, GDAL 3.6 gives 'B\\udce9thune'
for the cp1252 file; "Œ" (0x8C in cp1252) is not latin-1 either, so the test fails whatever GDAL
assumes by default."""

import pytest
from osgeo import ogr, osr
from ville_numerique.core import encodings, loaders

NAMES = ("Béthune", "Hénin-Beaumont", "Œuf-en-Ternois")
WIDTH = 40
PLACEHOLDER = "placeholder-{}"


def write_shapefile(path, encoding, keep_cpg=False):
    """A point Shapefile whose ``nom`` texts are ``NAMES`` encoded in ``encoding``, byte for byte.

    GDAL writes ASCII placeholders of the field's full width, then the .dbf bytes are replaced:
    what GDAL (or QGIS's SHAPE_ENCODING setting) would do with the encoding plays no part."""
    driver = ogr.GetDriverByName("ESRI Shapefile")
    dataset = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer(path.stem, srs, ogr.wkbPoint)
    definition = ogr.FieldDefn("nom", ogr.OFTString)
    definition.SetWidth(WIDTH)
    layer.CreateField(definition)
    for index in range(len(NAMES)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["nom"] = PLACEHOLDER.format(index)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (2.6 {})".format(50.5 + index / 100)))
        layer.CreateFeature(feature)
        feature = None
    layer = dataset = None
    dbf = path.with_suffix(".dbf")
    raw = dbf.read_bytes()
    for index, name in enumerate(NAMES):
        placeholder = PLACEHOLDER.format(index).encode("ascii").ljust(WIDTH)
        assert raw.count(placeholder) == 1
        raw = raw.replace(placeholder, name.encode(encoding).ljust(WIDTH))
    dbf.write_bytes(raw)
    cpg = path.with_suffix(".cpg")
    if keep_cpg:
        cpg.write_text({"CP1252": "1252", "UTF-8": "UTF-8"}[encoding], encoding="ascii")
    elif cpg.exists():
        cpg.unlink()
    return path


@pytest.mark.parametrize("encoding", ["CP1252", "UTF-8"])
def test_shapefile_without_cpg_is_decoded_by_detection(tmp_path, encoding):
    path = write_shapefile(tmp_path / "communes.shp", encoding)
    result = loaders.load(path)
    assert [r["nom"] for r in result.records] == list(NAMES)
    assert result.encoding == encoding
    assert len(result.warnings) == 1 and "has no .cpg file" in result.warnings[0]
    assert encoding in result.warnings[0]


@pytest.mark.parametrize("encoding", ["CP1252", "UTF-8"])
def test_shapefile_with_cpg_is_read_in_its_encoding_without_warning(tmp_path, encoding):
    # under QGIS (SHAPE_ENCODING="") GDAL alone would not recode even with the .cpg
    path = write_shapefile(tmp_path / "avec_cpg.shp", encoding, keep_cpg=True)
    assert encodings.shapefile_encoding(path) == (encoding, None)
    result = loaders.load(path)
    assert [r["nom"] for r in result.records] == list(NAMES) and result.warnings == []


def test_cpg_values_and_ascii():
    assert [encodings.cpg_encoding(v) for v in ("UTF-8", "utf8", "1252", "ANSI 1252", "ISO 8859-1", " ")] == [
        "UTF-8", "UTF-8", "CP1252", "CP1252", "ISO-8859-1", None]
    assert encodings.guess_text_encoding(b"Bethune") is None
    assert encodings.guess_text_encoding("Béthune".encode("cp1252")) == encodings.CP1252
    assert encodings.guess_text_encoding("Béthune".encode()) == encodings.UTF8
