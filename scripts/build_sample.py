#!/usr/bin/env python3
"""Build the offline sample ``resources/sample/saint_omer/saint_omer.gpkg``.

Run with the system Python that has GDAL (``/usr/bin/python3 scripts/build_sample.py``).
Reads the real extracts of ``/work/shared/data`` (or ``--data``), writes one
GeoPackage in Lambert-93 (EPSG:2154) with the layers described in
``resources/sample/saint_omer/PROVENANCE.md``. Deterministic: same inputs, same
bytes (fixed ``gpkg_contents.last_change`` through ``OGR_CURRENT_DATE``, input
order kept, coordinates rounded to the millimetre, VACUUM at the end).
"""

import argparse
import csv
import gzip
import json
import math
import os
import sys
from pathlib import Path

from osgeo import gdal, ogr, osr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import ROOT, import_plugin  # noqa: E402


def _import_services():
    """Import the plugin's ``core.services`` the way tests/conftest.py does."""
    import_plugin()
    from ville_numerique.core import services

    return services


services = _import_services()
from ville_numerique.core.files import atomic_write  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data")
OUTPUT = ROOT / "resources" / "sample" / "saint_omer" / "saint_omer.gpkg"

STATION_UIC = "87281444"
SAINT_OMER_INSEE = "62765"
COMMUNES_BUFFER_M = 4000.0
PLACES_RADIUS_M = 8000.0
#: Timestamp written in gpkg_contents.last_change (date of the newest input extract).
FIXED_DATE = "2023-07-07T00:00:00.000Z"
#: Forecourt (Place du 8 Mai 1945): geocoded position that Les Assembleurs give
#: for the address of "La Station" (lieux file, id 1819-mediation-numerique-assembleurs).
FORECOURT_SOURCE_ID = "1819-mediation-numerique-assembleurs"

FILOSOFI_INTEGER_FIELDS = ("x_ll", "y_ll", "imputed")
FILOSOFI_STRING_FIELDS = ("idcar_200m",)
FILOSOFI_SKIP_FIELDS = ("wkt_3035",)


def srs(epsg):
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(epsg)
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


L93 = srs(2154)
WGS84 = srs(4326)
LAEA = srs(3035)
TO_L93_FROM_WGS84 = osr.CoordinateTransformation(WGS84, L93)
TO_L93_FROM_LAEA = osr.CoordinateTransformation(LAEA, L93)


def round_geometry(geometry, digits=3):
    """Round every vertex to ``digits`` decimals (millimetres in Lambert-93)."""
    if geometry.GetGeometryCount():
        for index in range(geometry.GetGeometryCount()):
            round_geometry(geometry.GetGeometryRef(index), digits)
    else:
        for index in range(geometry.GetPointCount()):
            x, y = round(geometry.GetX(index), digits), round(geometry.GetY(index), digits)
            geometry.SetPoint_2D(index, x, y)
    return geometry


def point_l93_from_wgs84(lon, lat):
    x, y, _ = TO_L93_FROM_WGS84.TransformPoint(float(lon), float(lat))
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(round(x, 3), round(y, 3))
    return point


def point_l93(x, y):
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(round(float(x), 3), round(float(y), 3))
    return point


def read_csv(path, delimiter=None):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        if delimiter is None:
            header = handle.readline()
            handle.seek(0)
            delimiter = ";" if header.count(";") > header.count(",") else ","
        return list(csv.DictReader(handle, delimiter=delimiter))


def read_geojson(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


# ---------------------------------------------------------------------------
# GeoPackage writing
# ---------------------------------------------------------------------------

def create_layer(dataset, name, geometry_type, fields, description):
    """``fields``: list of (name, ogr type). Returns the layer."""
    layer = dataset.CreateLayer(
        name, L93, geometry_type,
        options=["GEOMETRY_NAME=geom", "FID=fid", "DESCRIPTION=" + description, "SPATIAL_INDEX=YES"])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    return layer


def add_feature(layer, geometry, values):
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        if value is None or value == "" and layer.GetLayerDefn().GetFieldDefn(
                layer.GetLayerDefn().GetFieldIndex(key)).GetType() != ogr.OFTString:
            feature.SetFieldNull(key)
        else:
            feature.SetField(key, value)
    feature.SetGeometry(geometry)
    if layer.CreateFeature(feature) != 0:
        raise RuntimeError("cannot write a feature in layer {}".format(layer.GetName()))


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------

def find_station(data):
    rows = read_csv(data / "sncf-gares" / "liste-des-gares_dep62.csv", ";")
    rows = [row for row in rows if row["code_uic"] == STATION_UIC]
    if len(rows) != 1:
        raise SystemExit("expected one row for UIC {} in liste-des-gares_dep62.csv, got {}".format(
            STATION_UIC, len(rows)))
    return rows[0]


def build_communes(dataset, data, station_point):
    collection = read_geojson(data / "france-geojson" / "communes-62-pas-de-calais.geojson")
    buffer = station_point.Buffer(COMMUNES_BUFFER_M, 30)
    layer = create_layer(
        dataset, "communes", ogr.wkbMultiPolygon, [("code", ogr.OFTString), ("nom", ogr.OFTString)],
        "Saint-Omer (62765) et les communes du Pas-de-Calais qui coupent un tampon de 4 km autour de "
        "la gare. IGN ADMIN EXPRESS COG 2018 simplifié (france-geojson), Licence Ouverte.")
    kept = []
    for feature in collection["features"]:
        geometry = ogr.CreateGeometryFromJson(json.dumps(feature["geometry"]))
        geometry.AssignSpatialReference(WGS84)
        geometry.Transform(TO_L93_FROM_WGS84)
        geometry = ogr.ForceToMultiPolygon(round_geometry(geometry))
        props = feature["properties"]
        if props["code"] == SAINT_OMER_INSEE or geometry.Intersects(buffer):
            kept.append((props["code"], props["nom"], geometry))
    for code, nom, geometry in sorted(kept, key=lambda item: item[0]):
        add_feature(layer, geometry, {"code": code, "nom": nom})
    return [(code, nom) for code, nom, _ in sorted(kept)]


def build_carreaux(dataset, data):
    rows = read_csv(data / "insee-filosofi" / "filosofi2021_carreaux200m_saint-omer-gare.csv", ",")
    columns = [c for c in rows[0] if c not in FILOSOFI_SKIP_FIELDS]
    fields = []
    for column in columns:
        if column in FILOSOFI_STRING_FIELDS:
            fields.append((column, ogr.OFTString))
        elif column in FILOSOFI_INTEGER_FIELDS:
            fields.append((column, ogr.OFTInteger))
        else:
            fields.append((column, ogr.OFTReal))
    layer = create_layer(
        dataset, "carreaux_200m", ogr.wkbPolygon, fields,
        "Carreaux de 200 m INSEE Filosofi 2021 autour de la gare de Saint-Omer (125 carreaux habités, "
        "15 174,5 habitants). Source : Insee, Filosofi 2021 - données carroyées. Carreaux EPSG:3035 "
        "reprojetés en Lambert-93.")
    total = 0.0
    for row in rows:
        geometry = ogr.CreateGeometryFromWkt(row["wkt_3035"])
        geometry.AssignSpatialReference(LAEA)
        geometry.Transform(TO_L93_FROM_LAEA)
        values = {}
        for column, field_type in fields:
            if field_type == ogr.OFTString:
                values[column] = row[column]
            elif field_type == ogr.OFTInteger:
                values[column] = int(row[column])
            else:
                values[column] = float(row[column])
        total += values["ind"]
        add_feature(layer, round_geometry(geometry), values)
    return len(rows), total


def build_gare(dataset, station):
    layer = create_layer(
        dataset, "gare", ogr.wkbPoint,
        [("code_uic", ogr.OFTString), ("libelle", ogr.OFTString), ("commune", ogr.OFTString),
         ("voyageurs", ogr.OFTString)],
        "Gare de Saint-Omer (UIC 87281444), point x_l93/y_l93 de la liste des gares SNCF Réseau. "
        "Source : SNCF Open Data.")
    add_feature(layer, point_l93(station["x_l93"], station["y_l93"]),
                {key: station[key] for key in ("code_uic", "libelle", "commune", "voyageurs")})


def within(point, station_point):
    distance = math.hypot(point.GetX() - station_point.GetX(), point.GetY() - station_point.GetY())
    return distance <= PLACES_RADIUS_M


def add_places_within(layer, items, station_point, lon_lat, values):
    """Add the ``items`` within ``PLACES_RADIUS_M`` of the station; their number."""
    count = 0
    for item in items:
        point = point_l93_from_wgs84(*lon_lat(item))
        if within(point, station_point):
            add_feature(layer, point, values(item))
            count += 1
    return count


def build_raw_geojson_layer(dataset, name, features, station_point, description):
    columns = []
    for feature in features:
        for key in feature["properties"]:
            if key not in columns:
                columns.append(key)
    layer = create_layer(dataset, name, ogr.wkbPoint, [(c, ogr.OFTString) for c in columns], description)
    return add_places_within(
        layer, features, station_point, lambda feature: feature["geometry"]["coordinates"][:2],
        lambda feature: {c: (None if feature["properties"].get(c) is None else str(feature["properties"][c]))
                         for c in columns})


def build_raw_france_services(dataset, rows, station_point):
    columns = list(rows[0])
    layer = create_layer(
        dataset, "france_services", ogr.wkbPoint, [(c, ogr.OFTString) for c in columns],
        "France Services du Pas-de-Calais à moins de 8 km de la gare : lignes brutes de la liste ANCT "
        "(juillet 2023), champs d'origine. Licence Ouverte 2.0.")
    return add_places_within(layer, rows, station_point, lambda row: (row["longitude"], row["latitude"]), dict)


SERVICE_FIELD_TYPES = {"lon": ogr.OFTReal, "lat": ogr.OFTReal, "n_sources": ogr.OFTInteger}


def build_services(dataset, places, station_point):
    fields = [(name, SERVICE_FIELD_TYPES.get(name, ogr.OFTString)) for name in services.RECORD_FIELDS]
    layer = create_layer(
        dataset, "services", ogr.wkbPoint, fields,
        "Lieux de services numériques à moins de 8 km de la gare : fiches des lieux de médiation "
        "numérique, des France Services et des tiers-lieux normalisées et fusionnées "
        "(core/services.py, docs/categories.md). Catégories séparées par |.")
    return add_places_within(layer, places, station_point, lambda place: (place["lon"], place["lat"]),
                             lambda place: {name: place[name] for name in services.RECORD_FIELDS})


PROJET_DESCRIPTION = (
    "Scénario hypothétique préparé pour l'atelier « Ville numérique » : service envisagé dans le "
    "projet de la gare de Saint-Omer, non observé et non engagé. Ne pas confondre avec les lieux "
    "existants de la couche services.")


def build_projet_gare(dataset, station, forecourt_lonlat):
    layer = create_layer(
        dataset, "projet_gare", ogr.wkbPoint,
        [("id", ogr.OFTString), ("nom", ogr.OFTString), ("categories", ogr.OFTString),
         ("statut", ogr.OFTString), ("nature", ogr.OFTString), ("description", ogr.OFTString)],
        "SCÉNARIO (non observé) : services numériques envisagés dans le projet de la gare de Saint-Omer "
        "pour l'atelier. Données hypothétiques, pas des lieux existants.")
    building = point_l93(station["x_l93"], station["y_l93"])
    forecourt = point_l93_from_wgs84(*forecourt_lonlat)
    projects = [
        ("projet_gare:wifi", "Wi-Fi public du parvis de la gare (projet)", "wifi", forecourt,
         "Accès public à internet sans fil sur le parvis de la gare (place du 8 Mai 1945). "
         "Position : adresse « Place du 8 Mai 1945 » géocodée dans le fichier des Assembleurs."),
        ("projet_gare:tiers_lieu", "Tiers-lieu et coworking de la gare (projet)", "tiers_lieu", building,
         "Tiers-lieu avec espace de coworking dans le bâtiment voyageurs. Position : point de la gare "
         "dans la liste des gares SNCF (UIC 87281444). Un tiers-lieu, « La Station », figure déjà à la "
         "gare dans les données de 2023."),
        ("projet_gare:fablab", "Fab lab de la gare (projet)", "fablab", building,
         "Atelier de fabrication numérique (fab lab) dans le bâtiment voyageurs. Position : point de la "
         "gare dans la liste des gares SNCF (UIC 87281444)."),
    ]
    for project_id, nom, category, point, detail in projects:
        add_feature(layer, point.Clone(), {
            "id": project_id, "nom": nom, "categories": services.join_categories([category]),
            "statut": "projet", "nature": "scénario (non observé)",
            "description": PROJET_DESCRIPTION + " " + detail})
    return len(projects)


# ---------------------------------------------------------------------------

BUILD_CONFIG = {"OGR_CURRENT_DATE": FIXED_DATE, "OGR_SQLITE_JOURNAL": "OFF"}


def build(data, output):
    """Write the sample GeoPackage ``output`` from the shared ``data`` folder; return counts.

    GDAL's exception mode and the configuration options set here are
    restored on return (the tests call this inside a QGIS process).
    """
    previous_exceptions = (gdal.GetUseExceptions(), ogr.GetUseExceptions())
    previous_config = {key: gdal.GetConfigOption(key) for key in BUILD_CONFIG}
    gdal.UseExceptions()
    ogr.UseExceptions()
    for key, value in BUILD_CONFIG.items():
        gdal.SetConfigOption(key, value)
    try:
        return _build(data, output)
    finally:
        for key, value in previous_config.items():
            gdal.SetConfigOption(key, value)
        # error handlers form a stack: pop ogr's (pushed last) before gdal's
        if not previous_exceptions[1]:
            ogr.DontUseExceptions()
        if not previous_exceptions[0]:
            gdal.DontUseExceptions()


def _build(data, output):
    lieux_path = data / "mediation-numerique" / "lieux_mediation_numerique_dep62_2023-05.geojson"
    fs_path = data / "mediation-numerique" / "france_services_dep62_2023-07.csv"
    tl_path = data / "tiers-lieux" / "tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson"

    station = find_station(data)
    station_point = point_l93(station["x_l93"], station["y_l93"])
    lieux_features = read_geojson(lieux_path)["features"]
    tl_features = read_geojson(tl_path)["features"]
    fs_rows = services.read_france_services_csv(str(fs_path))

    normalised = [
        services.normalise_all(fs_rows, services.from_france_services_row),
        services.normalise_all(lieux_features, services.from_lieu),
        services.normalise_all(tl_features, services.from_tiers_lieu),
    ]
    # places that are not open (rule O, docs/categories.md) are left out like in fetch_services
    rejected = [item for result in normalised for item in result.rejected
                if item["reason"] != services.REASON_NOT_OPEN]
    if rejected:
        raise SystemExit("rejected records: {}".format(services.rejected_counts(rejected)))
    records = [record for result in normalised for record in result.records]
    places = services.merge_duplicates(records)

    forecourt = [f for f in lieux_features if f["properties"]["id"] == FORECOURT_SOURCE_ID]
    if len(forecourt) != 1:
        raise SystemExit("forecourt reference record {} not found".format(FORECOURT_SOURCE_ID))
    forecourt_lonlat = forecourt[0]["geometry"]["coordinates"][:2]

    summary = {}

    def write(tmp_name):
        os.unlink(tmp_name)  # GDAL creates the GeoPackage itself
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(tmp_name)
        dataset.StartTransaction()
        summary["communes"] = build_communes(dataset, data, station_point)
        summary["carreaux_200m"] = build_carreaux(dataset, data)
        build_gare(dataset, station)
        summary["lieux_mediation_numerique"] = build_raw_geojson_layer(
            dataset, "lieux_mediation_numerique", lieux_features, station_point,
            "Lieux de médiation numérique à moins de 8 km de la gare : fiches brutes (schéma v0, mai 2023, "
            "fichier des Assembleurs, doublons compris), champs d'origine. Licence Ouverte 2.0.")
        summary["france_services"] = build_raw_france_services(dataset, fs_rows, station_point)
        summary["tiers_lieux"] = build_raw_geojson_layer(
            dataset, "tiers_lieux", tl_features, station_point,
            "Tiers-lieux France Tiers-Lieux à moins de 8 km de la gare : fiches brutes (schéma v0, mai "
            "2023), champs d'origine.")
        summary["services"] = build_services(dataset, places, station_point)
        summary["projet_gare"] = build_projet_gare(dataset, station, forecourt_lonlat)
        dataset.CommitTransaction()
        dataset = None
        vacuum = ogr.Open(tmp_name, update=1)
        vacuum.ExecuteSQL("VACUUM")
        vacuum = None

    atomic_write(output, write, suffix=".gpkg")
    return summary


# --------------------------------------------------------------------------
# Infrastructure files CONSTRUCTED to the ARCEP format (issue 16 point 5)
# --------------------------------------------------------------------------
#: Folder of the constructed ARCEP files, beside the GeoPackage. Their names say "constructed":
#: they are not real ARCEP data (offline, the real files cannot be downloaded; the same code reads them).
ARCEP_FOLDER = OUTPUT.parent / "arcep_constructed"
ARCEP_BUILDINGS = "base_imb_62_constructed.csv.gz"
ARCEP_ELIGIBILITY = "actuel_62_constructed.csv.gz"
ARCEP_DATE = "constructed"
ARCEP_BUILDING_HEADER = (
    "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;"
    "addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source"
)
ARCEP_ELIGIBILITY_HEADER = (
    "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;"
    "limitation;saturation"
)
MERCATOR = srs(3857)
TO_MERCATOR_FROM_LAEA = osr.CoordinateTransformation(LAEA, MERCATOR)
#: The two buildings of a cell, at these offsets (m) from its lower-left corner in EPSG:3035.
BUILDING_OFFSETS = {"A": (60.0, 100.0), "B": (140.0, 100.0)}
#: Copper DSL down class by distance of the cell's centre to the station (m): (up to, class).
COPPER_CLASSES = ((1500.0, "BHD8"), (3000.0, "HD3"), (math.inf, "HD05"))
DOWN_ORDER = ("INEL", "HD05", "HD3", "BHD8", "THD30", "THD100", "THD1G")


def arcep_rows(k, copper):
    """Eligibility rows ``{"A": [(operator, techno, down)], "B": [...]}`` of the cell of rank ``k``.

    The rule (PROVENANCE.md): copper everywhere (class by distance to the station); fibre
    (two operators, 1 Gbit/s) in both buildings of ranks 0, 1, 2 mod 5; rank 3: building A
    copper only, B fixed 4G at 30 Mbit/s; rank 4: A fibre, B copper and satellite.
    """
    fibre = [("FRTE", "FO", "THD1G"), ("SFR0", "FO", "THD1G")]
    cu = [("FRTE", "CU", copper)]
    kind = k % 5
    if kind in (0, 1, 2):
        return {"A": fibre + cu, "B": fibre + cu}
    if kind == 3:
        return {"A": cu, "B": cu + [("BOUY", "4GF", "THD30")]}
    return {"A": fibre + cu, "B": cu + [("STAK", "SAT", "THD100")]}


def _gzip_text(path, text):
    """``text`` gzipped with fixed header fields (no name, no time): same text, same bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                compresslevel=9) as stream:
        stream.write(text.encode("utf-8"))


def _best(rows):
    """The commune_meilleure_techno_thd column of a building's rows (None: nothing at 8 Mbit/s)."""
    def rank(down):
        return DOWN_ORDER.index(down)
    technos = {(t, rank(d)) for _o, t, d in rows}
    if any(t == "FO" for t, _ in technos):
        return "elig_ftth"
    if any(t == "COAX" for t, _ in technos):
        return "elig_coax"
    if any(t == "CU" and r >= rank("THD30") for t, r in technos):
        return "elig_cu_30"
    if any(t == "THDR" for t, _ in technos):
        return "elig_thdr"
    if any(t == "CU" and r >= rank("BHD8") for t, r in technos):
        return "elig_cu_8"
    if any(t == "4GF" for t, _ in technos):
        return "elig_4gf"
    if any(t == "SAT" for t, _ in technos):
        return "elig_sat"
    return None


def build_arcep(gpkg, folder):
    """Write the ARCEP-format files of the sample's buildings into ``folder``; return the counts.

    Two buildings per inhabited 200 m cell (A and B, see :data:`BUILDING_OFFSETS`), holding the
    cell's households ``men`` rounded as premises (A: the larger half); coordinates in EPSG:3857
    as in ``base_imb``; eligibility rows by :func:`arcep_rows`; the three commune statistics
    files counted from these buildings. Constructed, not real ARCEP data.
    """
    dataset = ogr.Open(str(gpkg))
    feature = dataset.GetLayerByName("gare").GetNextFeature()  # kept: a geometry lives in its feature
    station = feature.GetGeometryRef().Clone()
    communes, cells = [], []
    for feature in dataset.GetLayerByName("communes"):
        communes.append((feature.GetField("code"), feature.GetField("nom"), feature.GetGeometryRef().Clone()))
    for feature in dataset.GetLayerByName("carreaux_200m"):
        cells.append((feature.GetField("idcar_200m"), feature.GetField("x_ll"), feature.GetField("y_ll"),
                      feature.GetField("men"), feature.GetGeometryRef().Centroid()))
    cells.sort(key=lambda c: c[0])
    feature = dataset = None
    buildings, eligibility, stats = [ARCEP_BUILDING_HEADER], [ARCEP_ELIGIBILITY_HEADER], {}
    for k, (_idcar, x_ll, y_ll, men, centre) in enumerate(cells):
        premises = int(round(men))
        split = {"A": (premises + 1) // 2, "B": premises // 2}
        distance = centre.Distance(station)
        copper = next(c for limit, c in COPPER_CLASSES if distance <= limit)
        rows = arcep_rows(k, copper)
        for name, (dx, dy) in BUILDING_OFFSETS.items():
            if split[name] <= 0:
                continue
            imb_id = "IMB/CONSTRUIT/{:03d}{}".format(k, name)
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x_ll + dx, y_ll + dy)
            point.AssignSpatialReference(LAEA)
            l93 = point.Clone()
            l93.Transform(TO_L93_FROM_LAEA)
            code, nom = next(((c, n) for c, n, g in communes if g.Contains(l93)), ("62765", "Saint-Omer"))
            point.Transform(TO_MERCATOR_FROM_LAEA)
            buildings.append("{};{:.2f};{:.2f};{};{};{};fo;{};{}_cons_{:04d};;;;;;{};{};;ban".format(
                imb_id, point.GetX(), point.GetY(), imb_id, code, split[name], "IM" if name == "A" else "PA",
                code, k, code, nom))
            for operator, techno, down in rows[name]:
                eligibility.append("{};{}_cons_{:04d};{};{};{};HD3;{};;".format(
                    imb_id, code, k, imb_id, operator, techno, down))
            commune = stats.setdefault(code, {"nom": nom, "premises": 0, "best": {}, "wired": {}, "techno": {}})
            commune["premises"] += split[name]
            best = _best(rows[name])
            if best:
                commune["best"][best] = commune["best"].get(best, 0) + split[name]
            wired = [DOWN_ORDER.index(d) for _o, t, d in rows[name] if t in ("FO", "COAX", "CU")]
            for column, at_least in (("elig_hd3", "HD3"), ("elig_bhd8", "BHD8"), ("elig_thd30", "THD30"),
                                     ("elig_thd100", "THD100"), ("elig_thd1g", "THD1G")):
                if wired and max(wired) >= DOWN_ORDER.index(at_least):
                    commune["wired"][column] = commune["wired"].get(column, 0) + split[name]
            if not wired or max(wired) < DOWN_ORDER.index("HD3"):
                commune["wired"]["inel_hd"] = commune["wired"].get("inel_hd", 0) + split[name]
            for techno in sorted({t for _o, t, _d in rows[name]}):
                column = {"FO": "elig_ftth", "COAX": "elig_coax", "CU": "elig_cu", "4GF": "elig_4gf",
                          "SAT": "elig_sat"}[techno]
                commune["techno"][column] = commune["techno"].get(column, 0) + split[name]
    folder.mkdir(parents=True, exist_ok=True)
    _gzip_text(folder / ARCEP_BUILDINGS, "\n".join(buildings) + "\n")
    _gzip_text(folder / ARCEP_ELIGIBILITY, "\n".join(eligibility) + "\n")
    tables = {
        "commune_meilleure_techno_thd": ("nbr_elig_8", "best", ("elig_ftth", "elig_coax", "elig_cu_30", "elig_thdr",
                                                                "elig_cu_8", "elig_4gf", "elig_hdr", "elig_sat")),
        "commune_debit_filaire": ("nbr", "wired", ("elig_hd3", "elig_bhd8", "elig_thd30", "elig_thd100",
                                                   "elig_thd1g", "inel_hd")),
        "commune_techno": ("nbr", "techno", ("elig_ftth", "elig_coax", "elig_cu", "elig_thdr", "elig_4gf",
                                             "elig_hdr", "elig_sat")),
    }
    for name, (total, key, columns) in tables.items():
        lines = [";".join(("code_insee", "nom_com", "code_dep", "code_reg", total) + columns + ("type", "date"))]
        for code in sorted(stats):
            commune = stats[code]
            counts = commune[key]
            nbr = sum(counts.values()) if key == "best" else commune["premises"]
            lines.append(";".join([code, commune["nom"], code[:2], "32", str(nbr)] +
                                  [str(counts.get(c, 0)) for c in columns] + ["all", ARCEP_DATE]))
        (folder / (name + ".csv")).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"buildings": len(buildings) - 1, "eligibility_rows": len(eligibility) - 1, "communes": len(stats)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="GeoPackage to write")
    parser.add_argument("--arcep", type=Path, default=ARCEP_FOLDER,
                        help="folder of the ARCEP-format files constructed for the sample's buildings")
    args = parser.parse_args(argv)
    summary = build(args.data, args.output)
    communes = summary.pop("communes")
    cells, population = summary.pop("carreaux_200m")
    print("{}: {} bytes".format(args.output, args.output.stat().st_size))
    print("communes: {} ({})".format(len(communes), ", ".join("{} {}".format(c, n) for c, n in communes)))
    print("carreaux_200m: {} cells, ind = {}".format(cells, population))
    for name, count in summary.items():
        print("{}: {}".format(name, count))
    arcep = build_arcep(args.output, args.arcep)
    print("ARCEP-format files (constructed, not real ARCEP data) in {}: {}".format(args.arcep, arcep))


if __name__ == "__main__":
    main()
