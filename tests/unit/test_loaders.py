"""Loading open-data files into records, without QGIS.

Every real file of ../shared/data is loaded with its documented feature count
and one known coordinate (from its PROVENANCE.md); small hand-written files
cover the malformed cases (encodings, delimiters, bad rows, zip-slip).
"""

import json
import os
import zipfile
from pathlib import Path

import pytest
from ville_numerique.core import loaders
from ville_numerique.core.errors import DataError

SHARED = Path(
    os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
)
needs_shared = pytest.mark.usefixtures()  # the real extracts are committed: a missing file fails
STATION = (2.26637, 50.753254)  # "La Station", Saint-Omer railway station


def find(records, **wanted):
    return next(r for r in records if all(r.get(k) == v for k, v in wanted.items()))


def inside_bbox(geometry, lon, lat):
    """Whether (lon, lat) is inside the bounding box of a (Multi)Polygon."""
    rings = (
        geometry["coordinates"]
        if geometry["type"] == "Polygon"
        else [r for p in geometry["coordinates"] for r in p]
    )
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs) <= lon <= max(xs) and min(ys) <= lat <= max(ys)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# --------------------------------------------------------------------------
# Every real file
# --------------------------------------------------------------------------
@needs_shared
def test_lieux_de_mediation_geojson():
    result = loaders.load(SHARED / "mediation-numerique" / "lieux_mediation_numerique_dep62_2023-05.geojson")
    assert result.counts == {"read": 642, "kept": 642, "rejected": 0} and result.crs == 4326
    record = find(result.records, nom="France services de Saint-Omer", source="france-services")
    assert record["geometry"] == {"type": "Point", "coordinates": [2.254056, 50.752131]}


@needs_shared
def test_tiers_lieux_geojson():
    result = loaders.load(SHARED / "tiers-lieux" / "tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson")
    assert result.counts["kept"] == 68 and result.crs == 4326
    assert find(result.records, nom="La Station")["geometry"]["coordinates"] == [2.266917, 50.753543]


@needs_shared
def test_france_services_csv():
    result = loaders.load(SHARED / "mediation-numerique" / "france_services_dep62_2023-07.csv")
    assert result.counts == {"read": 50, "kept": 50, "rejected": 0}
    assert (result.delimiter, result.geometry_fields, result.crs) == (",", ("longitude", "latitude"), 4326)
    record = find(result.records, lib_fs="France services de Saint-Omer")
    assert record["geometry"]["coordinates"] == [2.254056, 50.752131]
    assert record["adresse"] == "Mairie 16 Rue du Saint-Sépulcre"


@needs_shared
def test_communes_geojson():
    result = loaders.load(SHARED / "france-geojson" / "communes-62-pas-de-calais.geojson")
    assert result.kept == 891 and result.crs == 4326
    saint_omer = find(result.records, code="62765")
    assert saint_omer["nom"] == "Saint-Omer" and inside_bbox(saint_omer["geometry"], *STATION)


@needs_shared
def test_departement_bare_feature():
    result = loaders.load(SHARED / "france-geojson" / "departement-62-pas-de-calais.geojson")
    assert result.counts == {"read": 1, "kept": 1, "rejected": 0}
    record = result.records[0]
    assert (record["code"], record["nom"]) == ("62", "Pas-de-Calais") and inside_bbox(
        record["geometry"], *STATION
    )


@needs_shared
def test_sncf_liste_des_gares_prefers_wgs84_columns():
    path = SHARED / "sncf-gares" / "liste-des-gares_dep62.csv"
    result = loaders.load(path)
    assert result.counts == {"read": 97, "kept": 97, "rejected": 0}
    assert (result.delimiter, result.geometry_fields, result.crs) == (";", ("x_wgs84", "y_wgs84"), 4326)
    st_omer = find(result.records, code_uic="87281444")
    assert st_omer["libelle"] == "St-Omer"
    assert st_omer["geometry"]["coordinates"] == [2.267119256493968, 50.753963943321615]
    # the same station from the other columns: GeoJSON cell, "lat, lon" text, Lambert-93
    from_shape = find(loaders.load(path, geojson_field="geo_shape").records, code_uic="87281444")
    from_text = find(loaders.load(path, point_field="c_geo").records, code_uic="87281444")
    assert from_shape["geometry"]["coordinates"] == pytest.approx([2.267119256493968, 50.753963943321615])
    assert from_text["geometry"]["coordinates"] == pytest.approx([2.267119256493968, 50.753963943321615])
    l93 = loaders.load(path, lon_field="x_l93", lat_field="y_l93", crs=2154)
    assert l93.crs == 2154
    assert find(l93.records, code_uic="87281444")["geometry"]["coordinates"] == pytest.approx(
        [648186.754, 7073279.1741]
    )


@needs_shared
def test_referentiel_gares_longitude_latitude_and_wgs84_column_agree():
    path = SHARED / "sncf-gares" / "referentiel-gares-voyageurs_dep62.csv"
    result = loaders.load(path)
    assert result.counts == {"read": 79, "kept": 79, "rejected": 0}
    assert result.geometry_fields == ("Longitude", "Latitude")
    st_omer = find(result.records, **{"Code UIC": "0087281444"})
    assert st_omer["geometry"]["coordinates"] == [2.2667624, 50.7536204]
    assert st_omer["WGS 84"] == "50.7536204,2.2667624"
    from_wgs84 = loaders.load(path, point_field="WGS 84")
    assert from_wgs84.kept == 79
    assert find(from_wgs84.records, **{"Code UIC": "0087281444"})["geometry"]["coordinates"] == [
        2.2667624,
        50.7536204,
    ]


@needs_shared
def test_filosofi_csv_geojson_and_geopackage():
    folder = SHARED / "insee-filosofi"
    station_cell = "CRS3035RES200mN3100000E3776200"
    csv_result = loaders.load(folder / "filosofi2021_carreaux200m_saint-omer-gare.csv")
    assert csv_result.kept == 125 and csv_result.geometry_fields == ("lon_c", "lat_c")
    assert sum(float(r["ind"]) for r in csv_result.records) == pytest.approx(15174.5)
    cell = find(csv_result.records, idcar_200m=station_cell)
    assert cell["ind"] == "44.5" and cell["geometry"]["coordinates"][0] == pytest.approx(
        STATION[0], abs=0.003
    )

    geojson = loaders.load(folder / "filosofi2021_carreaux200m_saint-omer-gare_4326.geojson")
    assert geojson.kept == 125 and geojson.crs == 4326
    assert inside_bbox(find(geojson.records, idcar_200m=station_cell)["geometry"], *STATION)

    gpkg = loaders.load(folder / "filosofi2021_carreaux200m_saint-omer-gare_3035.gpkg")
    assert gpkg.kept == 125 and gpkg.crs == 3035
    cell = find(gpkg.records, idcar_200m=station_cell)
    xs = [x for x, _ in cell["geometry"]["coordinates"][0]]
    ys = [y for _, y in cell["geometry"]["coordinates"][0]]
    assert (min(xs), min(ys), max(xs), max(ys)) == (3776200, 3100000, 3776400, 3100200)


@needs_shared
def test_paris_wifi_csv_with_geojson_cells():
    result = loaders.load(SHARED / "wifi-public" / "paris_sites-disposant-du-service-paris-wi-fi.csv")
    assert result.counts == {"read": 277, "kept": 277, "rejected": 0}
    assert result.encoding == "utf-8-sig" and result.delimiter == ";"
    site = find(result.records, **{"Code Site": "PW0158"})
    assert site["geometry"]["coordinates"] == [2.346563042652778, 48.85751278386862]
    assert sum(r["Etat du site"] == "Opérationnel" for r in result.records) == 271


@needs_shared
def test_maisons_laffitte_walk_network():
    result = loaders.load(SHARED / "osm-maisons-laffitte" / "maisons-laffitte_highways_2022-12-22.geojson")
    assert result.kept == 1409 and {r["geometry"]["type"] for r in result.records} == {"LineString"}
    bridge = find(result.records, osm_id=16288609)
    assert bridge["name"] == "Pont de la 2e Division Blindée"
    assert bridge["geometry"]["coordinates"][0] == [2.1573322, 48.9453049]


@needs_shared
def test_attribute_table_without_coordinates():
    path = SHARED / "indice-fragilite-numerique" / "ifn_iris_dep62.csv"
    with pytest.raises(DataError, match="No coordinates found"):
        loaders.load(path)
    result = loaders.load(path, require_geometry=False)
    assert result.kept == 1165 and result.crs is None
    assert find(result.records, **{"Code Iris": "627650302"})["Libiris"] == "Centre Ville"


# --------------------------------------------------------------------------
# CSV edge cases
# --------------------------------------------------------------------------
def test_cp1252_file_with_accents(tmp_path):
    path = write(
        tmp_path / "lieux.csv", "nom;latitude;longitude\nMédiathèque de l'Œuvre;50,7521;2,2540\n", "cp1252"
    )
    result = loaders.load(path)
    assert result.encoding == "cp1252" and result.records[0]["nom"] == "Médiathèque de l'Œuvre"
    assert result.records[0]["geometry"]["coordinates"] == [2.254, 50.7521]  # decimal comma
    with pytest.raises(DataError, match="lieux.csv is not encoded in utf-8"):
        loaders.load(path, encoding="utf-8")


@pytest.mark.parametrize("delimiter", ["|", "\t", ";", ","])
def test_delimiters_are_detected(tmp_path, delimiter):
    lines = (
        ["id", "nom", "lat", "lon"],
        ["1", "EPN Arques", "50.735", "2.30"],
        ["2", "BIB Aire", "50.64", "2.40"],
    )
    path = write(tmp_path / "x.csv", "\n".join(delimiter.join(line) for line in lines) + "\n")
    result = loaders.load(path)
    assert result.delimiter == delimiter and result.kept == 2
    assert result.records[1]["geometry"]["coordinates"] == [2.40, 50.64]


def test_malformed_rows_are_counted_with_line_and_reason(tmp_path):
    text = (
        "nom,latitude,longitude\n"
        "ok,50.75,2.25\n"
        "missing coordinates,,\n"
        "not a number,abc,2.25\n"
        "out of range,95,2.25\n"
        "null island,0,0\n"
        "too,many,fields,here\n"
        '"multi\nline name",50.70,2.20\n'
        "\n"
        "last ok,50.76,2.26\n"
    )
    result = loaders.load(write(tmp_path / "bad.csv", text))
    assert result.counts == {"read": 8, "kept": 3, "rejected": 5}
    reasons = {r.row: r.reason for r in result.rejected}
    assert reasons == {
        3: "no coordinates",
        4: "'abc' is not a number (column latitude)",
        5: "coordinates out of range: longitude 2.25, latitude 95.0",
        6: "coordinates 0, 0 (position missing)",
        7: "4 fields instead of 3",
    }
    assert [r["nom"] for r in result.records] == ["ok", "multi\nline name", "last ok"]
    assert "line 3: no coordinates" in result.summary()


def test_lambert93_columns(tmp_path):
    path = write(tmp_path / "l93.csv", "nom;x_l93;y_l93\nGare;648186.754;7073279.1741\n")
    result = loaders.load(path)
    assert result.crs == 2154 and result.records[0]["geometry"]["coordinates"] == [648186.754, 7073279.1741]


@pytest.mark.parametrize(("x", "y", "crs"), [("648186.7", "7073279.2", 2154), ("2.2671", "50.7539", 4326)])
def test_plain_x_y_columns_are_judged_from_their_values(tmp_path, x, y, crs):
    result = loaders.load(write(tmp_path / "xy.csv", "id,x,y\n1,{},{}\n".format(x, y)))
    assert result.crs == crs and result.kept == 1


def test_wrong_coordinate_column_names_are_reported(tmp_path):
    path = write(tmp_path / "x.csv", "nom;lat;lon\nA;50.7;2.2\n")
    with pytest.raises(DataError, match=r"The column latitude is not in x.csv \(columns: nom, lat, lon\)"):
        loaders.load(path, lon_field="lon", lat_field="latitude")
    with pytest.raises(DataError, match="both the longitude and the latitude"):
        loaders.load(path, lon_field="lon")


def test_unknown_projection_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="give its EPSG code"):
        loaders.load(write(tmp_path / "xy.csv", "id,x,y\n1,3776200,3100000\n"))


def test_geojson_cell_in_a_csv(tmp_path):
    text = (
        'nom;geo_shape\nBorne;"{""type"": ""Point"", ""coordinates"": [2.3465, 48.8575]}"\n'
        'Cassée;"{pas du json"\n'
    )
    result = loaders.load(write(tmp_path / "wifi.csv", text))
    assert result.records[0]["geometry"]["coordinates"] == [2.3465, 48.8575]
    assert result.rejected[0].reason == "invalid GeoJSON in column geo_shape"


# --------------------------------------------------------------------------
# GeoJSON / JSON edge cases
# --------------------------------------------------------------------------
def test_invalid_json_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="not valid JSON"):
        loaders.load(write(tmp_path / "broken.geojson", '{"type": "FeatureCollection", "features": ['))
    with pytest.raises(DataError, match="not GeoJSON"):
        loaders.load(write(tmp_path / "other.json", '{"hello": 1}'))


def test_features_without_geometry_are_rescued_or_rejected(tmp_path):
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"nom": "A", "latitude": "50.75", "longitude": "2.25"},
                "geometry": None,
            },
            {"type": "Feature", "properties": {"nom": "B"}, "geometry": None},
            {
                "type": "Feature",
                "properties": {"nom": "C"},
                "geometry": {"type": "Point", "coordinates": [250, 50]},
            },
        ],
    }
    result = loaders.load(write(tmp_path / "f.geojson", json.dumps(collection)))
    assert [r["nom"] for r in result.records] == ["A"]
    assert "feature 2: no geometry" in result.summary()
    assert [(r.row, r.reason) for r in result.rejected] == [
        (2, "no geometry"),
        (3, "coordinates out of range: longitude 250.0, latitude 50.0"),
    ]


def test_projected_geojson_keeps_its_crs(tmp_path):
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [648186.7, 7073279.2]},
            }
        ],
    }
    result = loaders.load(write(tmp_path / "l93.geojson", json.dumps(collection)))
    assert result.crs == 2154 and result.kept == 1


def test_json_array_of_lieux(tmp_path):
    rows = [
        {"nom": "EPN", "latitude": 50.75, "longitude": 2.25, "services": "Aide aux démarches administratives"}
    ]
    result = loaders.load(write(tmp_path / "lieux.json", json.dumps(rows)))
    assert result.records[0]["geometry"]["coordinates"] == [2.25, 50.75]


# --------------------------------------------------------------------------
# ZIP
# --------------------------------------------------------------------------
def _shapefile_zip(tmp_path):
    """A zipped Shapefile written by GDAL (2 points in Lambert-93)."""
    from osgeo import ogr, osr

    folder = tmp_path / "shp"
    folder.mkdir()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(folder / "gares.shp"))
    layer = source.CreateLayer("gares", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    for name, x, y in (("St-Omer", 648186.754, 7073279.174), ("Arques", 651000.0, 7070000.0)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("nom", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(x, y)))
        layer.CreateFeature(feature)
    source = None  # flush
    archive = tmp_path / "gares.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in sorted(folder.iterdir()):
            zf.write(part, "data/" + part.name)
    return archive


def test_zipped_shapefile(tmp_path):
    result = loaders.load(_shapefile_zip(tmp_path))
    assert result.crs == 2154 and result.kept == 2
    assert find(result.records, nom="St-Omer")["geometry"]["coordinates"] == pytest.approx(
        [648186.754, 7073279.174]
    )
    assert result.source.endswith("gares.zip!data/gares.shp")


@needs_shared
def test_zipped_geopackage(tmp_path):
    archive = tmp_path / "filosofi.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(
            SHARED / "insee-filosofi" / "filosofi2021_carreaux200m_saint-omer-gare_3035.gpkg", "carreaux.gpkg"
        )
    result = loaders.load(archive)
    assert result.kept == 125 and result.crs == 3035


@pytest.mark.parametrize("member", ["../evil.csv", "/tmp/evil.csv", "ok/../../evil.csv", "C:/evil.csv"])
def test_zip_slip_is_refused(tmp_path, member):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "hello")
        zf.writestr(member, "nom,lat,lon\nx,50,2\n")
    target = tmp_path / "extract"
    with pytest.raises(DataError, match="unsafe") as info:
        loaders.safe_extract(archive, target)
    assert member in str(info.value)
    assert not (tmp_path / "evil.csv").exists() and not (target / "readme.txt").exists()


def test_zip_with_a_symbolic_link_is_refused(tmp_path):
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("data.csv")
        info.external_attr = 0o120777 << 16  # a symlink entry
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(DataError, match="symbolic link"):
        loaders.load(archive)


def test_zip_without_data_file(tmp_path):
    archive = tmp_path / "doc.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("notice.pdf", b"%PDF")
    with pytest.raises(DataError, match="no data file"):
        loaders.load(archive)


def test_unsupported_format(tmp_path):
    with pytest.raises(DataError, match="not supported"):
        loaders.load(write(tmp_path / "x.xlsx", "PK"))
