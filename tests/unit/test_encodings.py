"""core/encodings.py and its hook in core/loaders.load_ogr: Shapefiles without a .cpg file.

The Shapefiles are written at run time with GDAL (names of real Pas-de-Calais communes), then their
.cpg is removed. Read without detection, GDAL 3.6 gives 'B\\udce9thune' for the cp1252 file; "Œ"
(0x8C in cp1252) is not latin-1 either, so the test fails whatever GDAL assumes by default."""

import pytest
from ville_numerique.core import encodings, loaders

ogr = pytest.importorskip("osgeo.ogr")
osr = pytest.importorskip("osgeo.osr")

NAMES = ("Béthune", "Hénin-Beaumont", "Œuf-en-Ternois")


def write_shapefile(path, encoding, keep_cpg=False):
    driver = ogr.GetDriverByName("ESRI Shapefile")
    dataset = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer(path.stem, srs, ogr.wkbPoint, options=["ENCODING=" + encoding])
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    for index, name in enumerate(NAMES):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["nom"] = name
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (2.6 {})".format(50.5 + index / 100)))
        layer.CreateFeature(feature)
        feature = None
    layer = dataset = None
    if not keep_cpg:
        path.with_suffix(".cpg").unlink()
    return path


@pytest.mark.parametrize("encoding", ["CP1252", "UTF-8"])
def test_shapefile_without_cpg_is_decoded_by_detection(tmp_path, encoding):
    path = write_shapefile(tmp_path / "communes.shp", encoding)
    result = loaders.load(path)
    assert [r["nom"] for r in result.records] == list(NAMES)
    assert result.encoding == encoding
    assert len(result.warnings) == 1 and "has no .cpg file" in result.warnings[0]
    assert encoding in result.warnings[0]


def test_shapefile_with_cpg_or_ascii_is_left_alone(tmp_path):
    path = write_shapefile(tmp_path / "avec_cpg.shp", "CP1252", keep_cpg=True)
    assert encodings.shapefile_encoding(path) == (None, None)
    result = loaders.load(path)
    assert [r["nom"] for r in result.records] == list(NAMES) and result.warnings == []
    assert encodings.guess_text_encoding(b"Bethune") is None
    assert encodings.guess_text_encoding("Béthune".encode("cp1252")) == encodings.CP1252
    assert encodings.guess_text_encoding("Béthune".encode()) == encodings.UTF8
