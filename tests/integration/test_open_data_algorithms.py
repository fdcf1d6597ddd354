"""The open-data algorithms run in-process against one local server standing in
for data.gouv.fr and the IGN Géoplateforme.

What the server answers:

* data.gouv.fr API (catalogue search, dataset, organisation, resource,
  permanent link ``/api/1/datasets/r/{rid}`` redirecting to the file): no
  recorded reply exists (../shared/data/api_samples/PROVENANCE.md), so the
  replies are BUILT from the shapes of DATA_SOURCES.md §1.2–1.5 and §2.4
  (titles made by the national pipeline). The files downloaded through it
  are the REAL files of ../shared/data (copied in tests/data/real, found
  through ``SHARED_DATA`` of conftest.py): the Paris Wi-Fi CSV and the
  Pas-de-Calais lieux GeoJSON byte for byte, the INSEE grid GeoPackage; the
  "national lieux CSV" is the real Pas-de-Calais lieux file written as the
  pipeline's CSV (same fields and values, ``,`` delimiter); the France
  Services CSV is the real file written with the ANCT ``;`` delimiter.
* WFS: the REAL GetFeature replies of ../shared/data/api_samples (Penmarch,
  current and legacy attribute names) verbatim; the 891 real Pas-de-Calais
  communes (ADMIN EXPRESS geometries) and the 125 real INSEE 200 m cells in
  the envelope of the real reply, with the WFS attribute names (``code_insee``
  / ``nom_officiel``; ``id_inspire`` for the cell id); a few BD TOPO road
  sections and IRIS BUILT from the documented fields (DATA_SOURCES.md §4.2).
  The fake WFS applies the ``code_insee IN (…)`` and bounding-box filters and
  pages with STARTINDEX/COUNT; other CQL clauses are recorded, not applied.
* Isochrones: replies BUILT from the road2 shape (DATA_SOURCES.md §4.3),
  ``{"error": {"message": "No data found"}}`` for points at sea.
* Geocoder: GeocodeJSON replies BUILT from the shape of DATA_SOURCES.md §4.4:
  communes (``type=municipality``) are the real communes served by the WFS,
  placed at the centre of their bounding box; no recorded reply exists.
* BD TOPO stations: one ``equipement_de_transport`` feature BUILT from the
  documented fields around the real position of Saint-Omer station (SNCF).

Faults are injected per path (see ``FakeOpenData.fault``).
"""

import csv
import io
import json
import re
import threading
import time
import unicodedata
from urllib.parse import urlencode

import pytest
import requests
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from werkzeug.wrappers import Response

from .conftest import SHARED_DATA

LIEUX_GEOJSON = SHARED_DATA / "mediation-numerique" / "lieux_mediation_numerique_dep62_2023-05.geojson"
FS_CSV = SHARED_DATA / "mediation-numerique" / "france_services_dep62_2023-07.csv"
TIERS_GEOJSON = SHARED_DATA / "tiers-lieux" / "tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson"
WIFI_CSV = SHARED_DATA / "wifi-public" / "paris_sites-disposant-du-service-paris-wi-fi.csv"
GARES_CSV = SHARED_DATA / "sncf-gares" / "liste-des-gares_dep62.csv"
IFN_CSV = SHARED_DATA / "indice-fragilite-numerique" / "ifn_mednum_tableau_iris_dep62.csv"
COMMUNES_62 = SHARED_DATA / "france-geojson" / "communes-62-pas-de-calais.geojson"
FILOSOFI_GEOJSON = SHARED_DATA / "insee-filosofi" / "filosofi2021_carreaux200m_saint-omer-gare_4326.geojson"
FILOSOFI_GPKG = SHARED_DATA / "insee-filosofi" / "filosofi2021_carreaux200m_saint-omer-gare_3035.gpkg"
SAMPLES = SHARED_DATA / "api_samples"
WFS_CURRENT = SAMPLES / (
    "ign_geoplateforme_wfs_getfeature_LIMITES_ADMINISTRATIVES_EXPRESS.LATEST-commune_penmarch_2025-06-25.json"
)
WFS_LEGACY = SAMPLES / "ign_geoportail_wxs_wfs_getfeature_commune_penmarch_2022-12.json"

assert SAMPLES.is_dir(), "the real extracts are committed in tests/data/real"

COMMUNES_TYPENAME = "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune"
GRID_TYPENAME = "INSEE.FILOSOFI.INDICATORS:carreaux_200m"
ROADS_TYPENAME = "BDTOPO_V3:troncon_de_route"
IRIS_TYPENAME = "STATISTICALUNITS.IRIS:contours_iris"
STATIONS_TYPENAME = "BDTOPO_V3:equipement_de_transport"
SAINT_OMER = "62765"
SAINT_OMER_STATION = (2.26637, 50.753254)
PARIS_EXTENT = "2.2,2.55,48.7,48.95 [EPSG:4326]"
GRID_EXTENT = "2.2,2.3,50.72,50.78 [EPSG:4326]"

# identifiers of the built catalogue (UUIDs for resources, ObjectIds for the rest)
ORG_MEDNUM = {
    "id": "6400aa0000000000000000aa",
    "name": "Cartographie Nationale des lieux de médiation numérique",
    "slug": "cartographie-nationale-des-lieux-de-mediation-numerique",
}
ORG_ANCT = {
    "id": "5a0c0000000000000000a0c7",
    "name": "Agence nationale de la cohésion des territoires",
    "slug": "agence-nationale-de-la-cohesion-des-territoires",
}
ORG_PARIS = {"id": "5a0c00000000000000009a75", "name": "Ville de Paris", "slug": "ville-de-paris"}
R_LIEUX_CSV = "a1b2c3d4-0000-4000-8000-000000000001"
R_LIEUX_JSON = "a1b2c3d4-0000-4000-8000-000000000002"
R_LIEUX_FS_CSV = "a1b2c3d4-0000-4000-8000-000000000003"
R_FS_CSV = "a1b2c3d4-0000-4000-8000-000000000004"
R_WIFI = "a1b2c3d4-0000-4000-8000-000000000005"
R_GRID = "a1b2c3d4-0000-4000-8000-000000000006"
R_LIEUX_GEOJSON = "a1b2c3d4-0000-4000-8000-000000000007"
R_BAD_ROWS = "a1b2c3d4-0000-4000-8000-000000000008"
D_LIEUX = "640000000000000000000001"
D_LIEUX_FS = "640000000000000000000002"
D_FS = "640000000000000000000003"
D_WIFI = "640000000000000000000004"
D_GRID = "640000000000000000000005"
D_LIEUX_62 = "640000000000000000000006"
LIEUX_SCHEMA = "LaMednum/standard-mediation-num"


def plain(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# --------------------------------------------------------------------------
# Files served as downloads
# --------------------------------------------------------------------------
def lieux_csv_bytes():
    """The real Pas-de-Calais lieux (schema v0) as the national pipeline's CSV."""
    features = json.loads(LIEUX_GEOJSON.read_text(encoding="utf-8"))["features"]
    columns = list(features[0]["properties"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for feature in features:
        writer.writerow(
            ["" if feature["properties"].get(c) is None else feature["properties"][c] for c in columns]
        )
    return out.getvalue().encode("utf-8")


def fs_rows():
    with open(FS_CSV, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def semicolon_csv(rows):
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def fs_bad_rows_bytes():
    """The real France Services CSV (;) with two rows spoilt: no latitude, a text longitude."""
    rows = fs_rows()
    header = rows[0]
    lat, lon = header.index("latitude"), header.index("longitude")
    rows[1][lat] = ""
    rows[2][lon] = "non renseigné"
    return semicolon_csv(rows)


@pytest.fixture(scope="session")
def served_files():
    """{name: (bytes, content type)} of the files behind the resources."""
    return {
        "lieux-national.csv": (lieux_csv_bytes(), "text/csv"),
        "liste-france-services.csv": (semicolon_csv(fs_rows()), "text/csv; charset=utf-8"),
        "sites-paris-wi-fi.csv": (WIFI_CSV.read_bytes(), "text/csv"),
        "carreaux.gpkg": (FILOSOFI_GPKG.read_bytes(), "application/geopackage+sqlite3"),
        "lieux-dep62.geojson": (LIEUX_GEOJSON.read_bytes(), "application/geo+json"),
        "france-services-lignes-abimees.csv": (fs_bad_rows_bytes(), "text/csv"),
        "gares-62.csv": (GARES_CSV.read_bytes(), "text/csv"),
        "ifn-iris-62.csv": (IFN_CSV.read_bytes(), "text/csv"),
    }


# --------------------------------------------------------------------------
# Layers served by the WFS
# --------------------------------------------------------------------------
def _envelope():
    reply = json.loads(WFS_CURRENT.read_text(encoding="utf-8"))
    return {k: v for k, v in reply.items() if k not in ("features", "bbox")}


def _commune_features():
    """The real Penmarch feature verbatim, then the 891 communes of Pas-de-Calais
    (real geometries) with the current WFS names."""
    features = list(json.loads(WFS_CURRENT.read_text(encoding="utf-8"))["features"])
    for index, feature in enumerate(json.loads(COMMUNES_62.read_text(encoding="utf-8"))["features"]):
        props = feature["properties"]
        features.append(
            {
                "type": "Feature",
                "id": "commune.{}".format(20000 + index),
                "geometry": feature["geometry"],
                "geometry_name": "geometrie",
                "properties": {
                    "cleabs": "COMMUNE_00000000000{}".format(props["code"]),
                    "nom_officiel": props["nom"],
                    "code_insee": props["code"],
                    "code_insee_du_departement": "62",
                    "code_insee_de_la_region": "32",
                },
            }
        )
    return features


def _grid_features():
    """The 125 real INSEE cells with the WFS names (id_inspire, i_car_est), counts unchanged."""
    features = []
    for index, feature in enumerate(json.loads(FILOSOFI_GEOJSON.read_text(encoding="utf-8"))["features"]):
        props = dict(feature["properties"])
        cell = {"id_inspire": props.pop("idcar_200m"), "i_car_est": props.pop("imputed")}
        for name in ("x_ll", "y_ll", "lon_c", "lat_c"):
            props.pop(name)
        cell.update(props)
        features.append(
            {
                "type": "Feature",
                "id": "carreaux_200m.{}".format(index + 1),
                "geometry": feature["geometry"],
                "geometry_name": "geom",
                "properties": cell,
            }
        )
    return features


def _square(lon, lat, half):
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [lon - half, lat - half],
                [lon + half, lat - half],
                [lon + half, lat + half],
                [lon - half, lat + half],
                [lon - half, lat - half],
            ]
        ],
    }


def _road_features():
    """Two BD TOPO road sections by Saint-Omer station, built from the documented fields."""
    lon, lat = SAINT_OMER_STATION
    rows = [
        ("TRONROUT0000000000000001", "Route à 1 chaussée", "Place du 8 Mai 1945", None),
        ("TRONROUT0000000000000002", "Chemin", "Chemin de halage", "Libre"),
    ]
    return [
        {
            "type": "Feature",
            "id": "troncon_de_route.{}".format(i + 1),
            "geometry_name": "geometrie",
            "geometry": {
                "type": "LineString",
                "coordinates": [[lon + i * 0.001, lat], [lon + i * 0.001 + 0.002, lat + 0.001]],
            },
            "properties": {
                "cleabs": cleabs,
                "nature": nature,
                "nom_collaboratif_gauche": name,
                "importance": "4",
                "etat_de_l_objet": "En service",
                "acces_pieton": access,
                "insee_commune_gauche": SAINT_OMER,
            },
        }
        for i, (cleabs, nature, name, access) in enumerate(rows)
    ]


def _iris_features():
    """Two IRIS of Saint-Omer, built from the documented fields (geometry: squares)."""
    lon, lat = SAINT_OMER_STATION
    return [
        {
            "type": "Feature",
            "id": "contours_iris.{}".format(i + 1),
            "geometry_name": "geometrie",
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [_square(lon - 0.01 * i, lat, 0.004)["coordinates"]],
            },
            "properties": {
                "cleabs": "IRIS____0000000627650{}0{}".format(i, i),
                "code_insee": SAINT_OMER,
                "nom_commune": "Saint-Omer",
                "iris": "010{}".format(i),
                "code_iris": "62765010{}".format(i),
                "nom_iris": name,
                "type_iris": "H",
            },
        }
        for i, name in enumerate(("Gare", "Centre"))
    ]


def _station_features():
    """Saint-Omer station as BD TOPO ``equipement_de_transport`` (BUILT, §4.2 fields):
    a small multipolygon around the real SNCF position."""
    lon, lat = SAINT_OMER_STATION
    square = _square(lon, lat, 0.0004)
    return [
        {
            "type": "Feature",
            "id": "equipement_de_transport.1",
            "geometry": {"type": "MultiPolygon", "coordinates": [square["coordinates"]]},
            "geometry_name": "geometrie",
            "properties": {
                "cleabs": "EQTRANSP0000000000000001",
                "nature": "Gare voyageurs et fret",
                "toponyme": "Gare de Saint-Omer",
                "statut_du_toponyme": "Validé",
                "insee_commune": "62765",
                "commune": "Saint-Omer",
                "etat_de_l_objet": "En service",
            },
        }
    ]


def geocode_reply(fake, args):
    """GeocodeJSON (DATA_SOURCES.md §4.4 shape): the communes whose name holds every
    word of ``q`` (``index=address``; every ``type`` but ``street``/``housenumber``)."""
    words = plain(args.get("q", "")).replace("-", " ").split()
    limit = int(args.get("limit", 5))
    features = []
    if args.get("index", "address") == "address" and args.get("type") in (None, "municipality"):
        for commune in fake.layers[COMMUNES_TYPENAME]:
            props = commune["properties"]
            name = props.get("nom_officiel") or props.get("nom")
            code = props.get("code_insee")
            if not name or not all(w in plain(name).replace("-", " ").split() for w in words):
                continue
            if args.get("citycode") and args["citycode"] != code:
                continue
            x1, y1, x2, y2 = _bbox_of(commune["geometry"])
            exact = plain(name).replace("-", " ").split() == words
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [round((x1 + x2) / 2, 6), round((y1 + y2) / 2, 6)]},
                    "properties": {
                        "label": name,
                        "score": 0.96 if exact else 0.6,
                        "id": code,
                        "type": "municipality",
                        "name": name,
                        "postcode": "",
                        "citycode": code,
                        "city": name,
                        "context": "62, Pas-de-Calais, Hauts-de-France",
                        "importance": 0.5,
                        "_type": "address",
                    },
                }
            )
    features.sort(key=lambda f: -f["properties"]["score"])
    return {
        "type": "FeatureCollection",
        "version": "draft",
        "features": features[:limit],
        "attribution": "BAN",
        "licence": "ETALAB-2.0",
        "query": args.get("q", ""),
        "limit": limit,
    }


def _bbox_of(geometry):
    xs, ys = [], []

    def walk(coords):
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords:
                walk(c)

    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def isochrone_reply(lon, lat, minutes):
    """Flat isochrone object, DATA_SOURCES.md §4.3 shape (road2 ``isochrone`` schema)."""
    return {
        "point": "{},{}".format(lon, lat),
        "resource": "bdtopo-valhalla",
        "resourceVersion": "2026-05-18",
        "costType": "time",
        "costValue": minutes,
        "timeUnit": "minute",
        "profile": "pedestrian",
        "direction": "departure",
        "crs": "EPSG:4326",
        "geometry": _square(lon, lat, 0.0008 * minutes),
        "constraints": [],
        "alerts": [],
    }


# --------------------------------------------------------------------------
# The fake services
# --------------------------------------------------------------------------
def json_response(data, status=200, **headers):
    return Response(json.dumps(data), status=status, content_type="application/json", headers=headers)


class FakeOpenData:
    """data.gouv.fr + Géoplateforme on one local server, with injectable faults."""

    PAGE_CAP = 2  # datasets per catalogue page: searches go through next_page

    def __init__(self, server, files):
        self.server = server
        self.base = server.url_for("").rstrip("/")
        self.files = dict(files)
        self.faults = []
        self.requests = []
        self.hosts = []  # Host header of each request (the endpoint's, when a proxy forwards it)
        self.release = threading.Event()
        self.layers = {
            COMMUNES_TYPENAME: _commune_features(),
            GRID_TYPENAME: _grid_features(),
            ROADS_TYPENAME: _road_features(),
            IRIS_TYPENAME: _iris_features(),
            STATIONS_TYPENAME: _station_features(),
        }
        self.datasets = self._catalogue()
        server.expect_request(re.compile(r"^/.*")).respond_with_handler(self.handle)

    # -- catalogue (DATA_SOURCES.md §1.4, §1.5, §2.4 shapes) -------------------
    def _resource(self, rid, title, fmt, name, modified, schema=None):
        size = len(self.files[name][0]) if name in self.files else 1234
        return {
            "id": rid,
            "title": title,
            "description": "",
            "filetype": "file",
            "type": "main",
            "format": fmt,
            "url": "{}/files/{}".format(self.base, name),
            "latest": "{}/api/1/datasets/r/{}".format(self.base, rid),
            "checksum": {"type": "sha1", "value": "0" * 40},
            "filesize": size,
            "mime": None,
            "created_at": modified,
            "last_modified": modified,
            "schema": {"name": schema, "version": "0.1.0", "url": None} if schema else {},
            "extras": {},
        }

    def _dataset(self, did, title, org, last_update, tags, resources):
        return {
            "id": did,
            "title": title,
            "slug": re.sub(r"[^a-z0-9]+", "-", plain(title)).strip("-"),
            "acronym": None,
            "description": "…",
            "created_at": "2022-01-01T00:00:00+00:00",
            "last_modified": last_update,
            "last_update": last_update,
            "deleted": None,
            "archived": None,
            "private": False,
            "tags": tags,
            "frequency": "daily",
            "license": "lov2",
            "organization": org,
            "owner": None,
            "page": "https://www.data.gouv.fr/fr/datasets/{}/".format(did),
            "resources": resources,
        }

    def _catalogue(self):
        inclusion = ["inclusion", "inclusion-numerique", "mediation-numerique"]
        return [
            self._dataset(
                D_LIEUX,
                "Lieux de médiation numérique sur le territoire National fournis par "
                "La Cartographie Nationale",
                ORG_MEDNUM,
                "2026-11-20T22:48:00+00:00",
                inclusion,
                [
                    self._resource(
                        R_LIEUX_CSV,
                        "20261120-lieux-de-mediation-numeriques-national.csv",
                        "csv",
                        "lieux-national.csv",
                        "2026-11-20T22:48:00+00:00",
                        LIEUX_SCHEMA,
                    ),
                    self._resource(
                        R_LIEUX_JSON,
                        "20261120-lieux-de-mediation-numeriques-national.json",
                        "json",
                        "absent.json",
                        "2026-11-20T22:48:00+00:00",
                        LIEUX_SCHEMA,
                    ),
                ],
            ),
            self._dataset(
                D_LIEUX_FS,
                "Lieux de médiation numérique sur le territoire National fournis par France Services",
                ORG_MEDNUM,
                "2026-11-20T22:50:00+00:00",
                inclusion,
                [
                    self._resource(
                        R_LIEUX_FS_CSV,
                        "20261120-france-services-lieux.csv",
                        "csv",
                        "absent.csv",
                        "2026-11-20T22:50:00+00:00",
                        LIEUX_SCHEMA,
                    )
                ],
            ),
            self._dataset(
                D_FS,
                "Liste des structures France Services",
                ORG_ANCT,
                "2026-10-01T08:00:00+00:00",
                ["france-services", "services-publics"],
                [
                    self._resource(
                        R_FS_CSV,
                        "liste-fs-20261001.csv",
                        "csv",
                        "liste-france-services.csv",
                        "2026-10-01T08:00:00+00:00",
                    )
                ],
            ),
            self._dataset(
                D_WIFI,
                "Sites disposant du service Paris Wi-Fi",
                ORG_PARIS,
                "2026-03-01T00:00:00+00:00",
                ["wifi", "inclusion-numerique"],
                [
                    self._resource(
                        R_WIFI,
                        "Sites Paris Wi-Fi (CSV)",
                        "csv",
                        "sites-paris-wi-fi.csv",
                        "2026-03-01T00:00:00+00:00",
                    )
                ],
            ),
            self._dataset(
                D_GRID,
                "Carreaux Filosofi 200 m autour de la gare de Saint-Omer",
                ORG_ANCT,
                "2025-01-01T00:00:00+00:00",
                ["population"],
                [
                    self._resource(
                        R_GRID, "Carreaux (GeoPackage)", "gpkg", "carreaux.gpkg", "2025-01-01T00:00:00+00:00"
                    )
                ],
            ),
            self._dataset(
                D_LIEUX_62,
                "Lieux de médiation numérique du Pas-de-Calais",
                ORG_MEDNUM,
                "2023-05-18T00:00:00+00:00",
                ["inclusion-numerique"],
                [
                    self._resource(
                        R_LIEUX_GEOJSON,
                        "lieux-dep62.geojson",
                        "geojson",
                        "lieux-dep62.geojson",
                        "2023-05-18T00:00:00+00:00",
                    ),
                    self._resource(
                        R_BAD_ROWS,
                        "France Services (lignes abîmées)",
                        "csv",
                        "france-services-lignes-abimees.csv",
                        "2023-07-07T00:00:00+00:00",
                    ),
                ],
            ),
        ]

    def resource(self, rid):
        for dataset in self.datasets:
            for resource in dataset["resources"]:
                if resource["id"] == rid:
                    return dataset, resource
        return None, None

    # -- faults ----------------------------------------------------------------
    def fault(self, path, kind, times=None, **options):
        """Answer requests whose path starts with ``path`` with a fault.

        ``kind``: ``status`` (``status``, ``headers``), ``malformed`` (JSON cut
        short), ``html`` (a login page), ``slow`` (no answer until the test
        ends), ``cancel`` (calls ``options["action"]`` then answers normally).
        ``times``: how many requests get it (None: all).
        """
        self.faults.append({"path": path, "kind": kind, "times": times, **options})

    def _fault_response(self, request):
        for fault in self.faults:
            if not request.path.startswith(fault["path"]) or fault["times"] == 0:
                continue
            if fault["times"] is not None:
                fault["times"] -= 1
            kind = fault["kind"]
            if kind == "status":
                status = fault.get("status", 500)
                body = {"message": fault.get("message", "Internal server error")}
                return json_response(body, status=status, **fault.get("headers", {}))
            if kind == "malformed":
                return Response('{"data": [{"id": "64000000', content_type="application/json")
            if kind == "html":
                return Response(
                    "<html><body><h1>Authentification requise</h1></body></html>",
                    content_type="text/html; charset=utf-8",
                )
            if kind == "slow":
                self.release.wait(5)
                return Response("", status=504)
            if kind == "cancel":
                fault["action"]()
            return None
        return None

    # -- dispatch --------------------------------------------------------------
    def handle(self, request):
        if request.path == "/__drain__":
            return Response("")
        self.requests.append((request.method, request.path, request.args.to_dict(flat=False)))
        self.hosts.append(request.host)
        response = self._fault_response(request)
        if response is not None:
            return response
        path = request.path
        if path == "/api/1/datasets/":
            return self.search(request)
        match = re.fullmatch(r"/api/1/datasets/r/([0-9a-f-]{36})", path)
        if match:
            _, resource = self.resource(match.group(1))
            if resource is None:
                return json_response({"message": "Resource not found"}, status=404)
            return Response("", status=302, headers={"Location": resource["url"]})
        match = re.fullmatch(r"/api/2/datasets/resources/([0-9a-f-]{36})/", path)
        if match:
            dataset, resource = self.resource(match.group(1))
            if resource is None:
                return json_response({"message": "Resource not found"}, status=404)
            return json_response({"resource": resource, "dataset_id": dataset["id"]})
        match = re.fullmatch(r"/api/1/organizations/([^/]+)/", path)
        if match:
            for org in (ORG_MEDNUM, ORG_ANCT, ORG_PARIS):
                if match.group(1) in (org["id"], org["slug"]):
                    return json_response(
                        dict(org, page="https://www.data.gouv.fr/fr/organizations/{}/".format(org["slug"]))
                    )
            return json_response({"message": "Organization not found"}, status=404)
        match = re.fullmatch(r"/api/1/datasets/([^/]+)/", path)
        if match:
            for dataset in self.datasets:
                if match.group(1) in (dataset["id"], dataset["slug"]):
                    return json_response(dataset)
            return json_response({"message": "Dataset not found"}, status=404)
        match = re.fullmatch(r"/files/([^/]+)", path)
        if match and match.group(1) in self.files:
            body, content_type = self.files[match.group(1)]
            return Response(body, content_type=content_type)
        if path == "/wfs/ows":
            return self.wfs(request)
        if path == "/navigation/isochrone":
            return self.isochrone(request)
        if path == "/geocodage/search":
            return json_response(geocode_reply(self, request.args))
        return json_response({"message": "Not found"}, status=404)

    def search(self, request):
        args = request.args
        organization = args.get("organization")
        if organization and not re.fullmatch(r"[0-9a-f]{24}", organization):
            return json_response({"message": "organization: invalid ObjectId"}, status=400)
        words = plain(args.get("q", "")).split()
        tags = args.getlist("tag")
        schema = args.get("schema")
        matches = [
            d
            for d in self.datasets
            if all(w in plain(d["title"]) for w in words)
            and (not organization or d["organization"]["id"] == organization)
            and all(t in d["tags"] for t in tags)
            and (not schema or any((r["schema"] or {}).get("name") == schema for r in d["resources"]))
        ]
        page = int(args.get("page", 1))
        size = min(int(args.get("page_size", 20)), self.PAGE_CAP)
        data = matches[(page - 1) * size : page * size]
        query = args.to_dict(flat=False)
        query.update(page=[str(page + 1)], page_size=[str(size)])
        next_page = (
            "{}/api/1/datasets/?{}".format(self.base, urlencode(query, doseq=True))
            if page * size < len(matches)
            else None
        )
        return json_response(
            {
                "data": data,
                "page": page,
                "page_size": size,
                "total": len(matches),
                "next_page": next_page,
                "previous_page": None,
            }
        )

    def wfs(self, request):
        args = request.args if request.method == "GET" else request.form
        features = self.layers.get(args.get("TYPENAMES"))
        if features is None:
            return json_response(
                {"exceptions": [{"code": "InvalidParameterValue", "text": "Feature type unknown"}]},
                status=400,
            )
        cql = args.get("CQL_FILTER", "")
        codes = re.search(r"code_insee IN \(([^)]*)\)", cql)
        if codes:
            wanted = set(re.findall(r"'([^']*)'", codes.group(1)))
            features = [
                f
                for f in features
                if (f["properties"].get("code_insee") or f["properties"].get("insee_com")) in wanted
            ]
        box = None
        cql_box = re.search(r"BBOX\(\w+,([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+)", cql)
        if cql_box:
            box = [float(v) for v in cql_box.groups()]
        elif args.get("BBOX"):
            lat1, lon1, lat2, lon2 = [
                float(v) for v in args["BBOX"].split(",")[:4]
            ]  # EPSG:4326 URN: lat first
            box = [lon1, lat1, lon2, lat2]
        if box:

            def inside(feature):
                x1, y1, x2, y2 = _bbox_of(feature["geometry"])
                return x1 <= box[2] and x2 >= box[0] and y1 <= box[3] and y2 >= box[1]

            features = [f for f in features if inside(f)]
        start, count = int(args.get("STARTINDEX", 0)), int(args.get("COUNT", 10))
        page = features[start : start + count]
        body = dict(
            _envelope(),
            features=page,
            numberMatched=len(features),
            numberReturned=len(page),
            totalFeatures=len(features),
        )
        return Response(json.dumps(body), content_type="application/json;charset=UTF-8")

    def isochrone(self, request):
        lon, lat = (float(v) for v in request.args["point"].split(","))
        if lon < 0:  # at sea off Brittany: the reply reported on forum.data.gouv.fr (§4.3)
            return json_response({"error": {"errorType": "NotFound", "message": "No data found"}}, status=404)
        return json_response(isochrone_reply(lon, lat, float(request.args["costValue"])))

    def count(self, path_start):
        return sum(1 for _, path, _ in self.requests if path.startswith(path_start))


@pytest.fixture
def fake(httpserver, served_files):
    server = FakeOpenData(httpserver, served_files)
    yield server
    # let a "slow" handler finish, and the requests queued behind it, before the next test
    server.release.set()
    requests.get(server.base + "/__drain__", timeout=30)


@pytest.fixture
def env(fake, tmp_path, monkeypatch):
    """The endpoints point at the fake; a fresh cache; online."""
    values = {
        "VILLE_NUMERIQUE_DATAGOUV_URL": fake.base,
        "VILLE_NUMERIQUE_GEOPF_URL": fake.base,
        "VILLE_NUMERIQUE_CACHE_DIR": str(tmp_path / "cache"),
        "VILLE_NUMERIQUE_READ_TIMEOUT": "10",
        "VILLE_NUMERIQUE_LANG": "en",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("VILLE_NUMERIQUE_OFFLINE", raising=False)
    return values


@pytest.fixture
def fast_retries(monkeypatch):
    """Retries 20 times faster (time-out tests): the backoff policy itself is tested in tests/unit."""
    from ville_numerique.core.http import HttpClient, RetryPolicy
    from ville_numerique.core.settings import load_settings
    from ville_numerique.processing import open_data

    monkeypatch.setattr(
        open_data,
        "make_http_client",
        lambda: HttpClient(load_settings(), retry=RetryPolicy(backoff=0.02, backoff_max=0.1)),
    )


class Feedback(QgsProcessingFeedback):
    """Keeps the messages; can cancel itself after a number of progress reports."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings, self.errors = [], [], []

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)
        super().pushInfo(text)

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatalError=False):  # noqa: N802, N803
        self.errors.append(text)
        super().reportError(text, fatalError)

    @property
    def log(self):
        return "\n".join(self.infos + self.warnings + self.errors)


def features(layer):
    return list(layer.getFeatures())


def by(layer, name, value):
    return [f for f in layer.getFeatures() if f[name] == value]


def point_layer(points, crs="EPSG:4326"):
    layer = QgsVectorLayer("Point?crs={}&field=name:string".format(crs), "points", "memory")
    feats = []
    for name, (x, y) in points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([name])
        feats.append(feature)
    layer.dataProvider().addFeatures(feats)
    return layer


def saint_omer_polygon_layer():
    commune = next(
        f
        for f in json.loads(COMMUNES_62.read_text(encoding="utf-8"))["features"]
        if f["properties"]["code"] == SAINT_OMER
    )
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=code:string", "saint-omer", "memory")
    from ville_numerique.processing.open_data import geometry_from_geojson

    feature = QgsFeature(layer.fields())
    feature.setGeometry(geometry_from_geojson(commune["geometry"]))
    feature.setAttributes([SAINT_OMER])
    layer.dataProvider().addFeatures([feature])
    return layer


# --------------------------------------------------------------------------
# One successful run of each algorithm (reused by the fault matrix)
# --------------------------------------------------------------------------
SCENARIOS = {
    # algorithm: (parameters, path of its main data request, path answering JSON)
    "datagouv_search": (
        {"Q": "lieux médiation numérique", "TAG": "inclusion-numerique"},
        "/api/1/datasets/",
        "/api/1/datasets/",
    ),
    "datagouv_load": ({"RESOURCE": R_WIFI}, "/files/sites-paris-wi-fi.csv", "/api/2/datasets/resources/"),
    "fetch_services": ({"COMMUNES": SAINT_OMER}, "/files/lieux-national.csv", "/api/1/datasets/"),
    "fetch_ign": ({"LAYER": 0, "COMMUNES": "29158"}, "/wfs/ows", "/wfs/ows"),
    "fetch_population": ({"EXTENT": GRID_EXTENT}, "/wfs/ows", "/wfs/ows"),
    "isochrone": ({"INPUT": "station", "MINUTES": "5,10"}, "/navigation/isochrone", "/navigation/isochrone"),
    "geocode": ({"QUERY": "Saint-Omer", "KIND": 1, "LIMIT": 3}, "/geocodage/search", "/geocodage/search"),
}


def scenario_parameters(name, output):
    parameters = dict(SCENARIOS[name][0], OUTPUT=output)
    if parameters.get("INPUT") == "station":
        parameters["INPUT"] = point_layer([("gare", SAINT_OMER_STATION), ("centre", (2.2522, 50.7494))])
    return parameters


def check_scenario(name, result):
    """The documented layer of each scenario (counts, fields, a known value)."""
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, name, "ogr")
    assert layer.isValid()
    if name == "datagouv_search":
        assert (result["DATASETS"], result["RESOURCES"], layer.featureCount()) == (3, 5, 5)
    elif name == "datagouv_load":
        assert (layer.featureCount(), result["REJECTED"]) == (277, 0)
    elif name == "fetch_services":
        assert layer.featureCount() == result["COUNT"] == 10
    elif name == "fetch_ign":
        assert layer.featureCount() == 1 and next(layer.getFeatures())["population"] == 5320
    elif name == "fetch_population":
        assert layer.featureCount() == 125 and result["POPULATION_TOTAL"] == pytest.approx(15174.5)
    elif name == "isochrone":
        assert layer.featureCount() == result["COUNT"] == 4
    elif name == "geocode":
        # "Saint-Omer" and "Saint-Omer-Capelle" both hold the words; the exact name ranks first
        assert layer.featureCount() == result["COUNT"] == 2
        first = next(layer.getFeatures())
        assert (first["citycode"], first["rank"], first["type"]) == ("62765", 1, "municipality")
    return layer


def run(run_alg, name, parameters, feedback=None):
    return run_alg("ville_numerique:" + name, parameters, feedback)


# --------------------------------------------------------------------------
# ville_numerique:datagouv_search
# --------------------------------------------------------------------------
def test_search_pages_through_the_catalogue_one_row_per_resource(run_alg, fake, env):
    feedback = Feedback()
    result = run(run_alg, "datagouv_search", {"TAG": "inclusion-numerique", "OUTPUT": "memory:"}, feedback)
    layer = result["OUTPUT"]
    # 4 datasets tagged inclusion-numerique, 2 per page: 2 pages followed through next_page
    assert result["DATASETS"] == 4 and result["RESOURCES"] == layer.featureCount() == 6
    assert fake.count("/api/1/datasets/") == 2
    assert layer.wkbType() == 100  # NoGeometry: a table
    assert layer.fields().names() == [
        "id",
        "title",
        "organization",
        "last_update",
        "license",
        "page",
        "resource_id",
        "resource_title",
        "resource_type",
        "format",
        "url",
        "stable_url",
        "filesize",
        "last_modified",
        "schema",
    ]
    row = by(layer, "resource_id", R_LIEUX_CSV)[0]
    assert row["id"] == D_LIEUX and row["organization"] == ORG_MEDNUM["slug"]
    assert row["title"].endswith("fournis par La Cartographie Nationale")
    assert (row["format"], row["license"], row["schema"]) == ("csv", "lov2", LIEUX_SCHEMA)
    assert row["stable_url"] == "{}/api/1/datasets/r/{}".format(fake.base, R_LIEUX_CSV)
    assert row["filesize"] == len(lieux_csv_bytes())
    assert row["last_modified"] == "2026-11-20T22:48:00+00:00"


def test_search_by_organisation_slug_and_schema(run_alg, fake, env):
    result = run(
        run_alg,
        "datagouv_search",
        {"ORGANIZATION": ORG_MEDNUM["slug"], "SCHEMA": LIEUX_SCHEMA, "OUTPUT": "memory:"},
    )
    assert result["DATASETS"] == 2
    searches = [args for _, path, args in fake.requests if path == "/api/1/datasets/"]
    # the API wants the organisation's id: the slug was resolved first
    assert searches[0]["organization"] == [ORG_MEDNUM["id"]] and searches[0]["schema"] == [LIEUX_SCHEMA]


def test_search_needs_a_criterion(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="Give something to search for"):
        run(run_alg, "datagouv_search", {"OUTPUT": str(tmp_path / "out.gpkg")})
    assert not (tmp_path / "out.gpkg").exists() and fake.requests == []


def test_search_unknown_organisation(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match='No organisation "personne"'):
        run(run_alg, "datagouv_search", {"ORGANIZATION": "personne", "OUTPUT": str(tmp_path / "out.gpkg")})
    assert not (tmp_path / "out.gpkg").exists()


# --------------------------------------------------------------------------
# ville_numerique:datagouv_load
# --------------------------------------------------------------------------
def test_load_by_resource_id_goes_through_the_permanent_link(run_alg, fake, env):
    feedback = Feedback()
    result = run(run_alg, "datagouv_load", {"RESOURCE": R_WIFI, "OUTPUT": "memory:"}, feedback)
    layer = check_scenario("datagouv_load", result)
    assert (result["READ"], result["KEPT"]) == (277, 277)
    assert layer.crs().authid() == "EPSG:4326" and layer.wkbType() == 1  # Point
    assert layer.fields().names()[:6] == [
        "Nom du site",
        "Adresse",
        "Code postal",
        "Code Site",
        "Nombre de bornes",
        "Etat du site",
    ]
    assert layer.fields().field("Nombre de bornes").isNumeric()
    assert not layer.fields().field("Code postal").isNumeric()  # codes keep their text
    site = by(layer, "Code Site", "PW0158")[0]
    assert site["Nom du site"] == "BERGES RIVE DROITE - PONT AU CHANGE"
    point = site.geometry().asPoint()
    assert (point.x(), point.y()) == pytest.approx((2.346563042652778, 48.85751278386862))
    paths = [path for _, path, _ in fake.requests]
    assert paths == [
        "/api/2/datasets/resources/{}/".format(R_WIFI),
        "/api/1/datasets/r/{}".format(R_WIFI),
        "/files/sites-paris-wi-fi.csv",
    ]
    assert "Sites Paris Wi-Fi (CSV)" in feedback.log


@pytest.mark.parametrize("form", ["page", "api"])
def test_load_accepts_datagouv_addresses(run_alg, fake, env, form):
    reference = {
        "page": "https://www.data.gouv.fr/fr/datasets/r/" + R_LIEUX_GEOJSON,
        "api": "{}/api/1/datasets/{}/resources/{}/".format(fake.base, D_LIEUX_62, R_LIEUX_GEOJSON),
    }[form]
    result = run(run_alg, "datagouv_load", {"RESOURCE": reference, "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert layer.featureCount() == 642 and layer.crs().authid() == "EPSG:4326"
    station = [f for f in layer.getFeatures() if f["nom"] == "La Station"]
    assert len(station) == 2
    assert "/api/1/datasets/r/" + R_LIEUX_GEOJSON in [path for _, path, _ in fake.requests]


def test_load_a_direct_file_url_gpkg_in_its_crs(run_alg, fake, env):
    result = run(
        run_alg, "datagouv_load", {"RESOURCE": fake.base + "/files/carreaux.gpkg", "OUTPUT": "memory:"}
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 125 and layer.crs().authid() == "EPSG:3035"
    assert layer.geometryType() == 2  # polygons
    assert sum(f["ind"] for f in layer.getFeatures()) == pytest.approx(15174.5)


def test_load_a_zipped_shapefile_and_choose_its_member(run_alg, fake, env, tmp_path):
    """A ZIP like those of data.gouv.fr: the real Pas-de-Calais communes as a Shapefile, plus a CSV."""
    import zipfile

    from osgeo import gdal

    folder = tmp_path / "shp"
    folder.mkdir()
    gdal.VectorTranslate(str(folder / "communes.shp"), str(COMMUNES_62), format="ESRI Shapefile")
    archive = tmp_path / "communes.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in sorted(folder.iterdir()):
            zipped.write(part, "communes-62/" + part.name)
        zipped.write(FS_CSV, "communes-62/france_services.csv")
    fake.files["communes-62.zip"] = (archive.read_bytes(), "application/zip")
    result = run(
        run_alg, "datagouv_load", {"RESOURCE": fake.base + "/files/communes-62.zip", "OUTPUT": "memory:"}
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 891 and layer.geometryType() == 2 and layer.crs().authid() == "EPSG:4326"
    assert by(layer, "code", SAINT_OMER)[0]["nom"] == "Saint-Omer"
    result = run(
        run_alg,
        "datagouv_load",
        {
            "RESOURCE": fake.base + "/files/communes-62.zip",
            "LAYER": "france_services.csv",
            "OUTPUT": "memory:",
        },
    )
    assert result["OUTPUT"].featureCount() == 50 and result["OUTPUT"].geometryType() == 0


@pytest.mark.parametrize(("name", "count"), [("sites-paris-wi-fi.csv", 277), ("lieux-dep62.geojson", 642)])
def test_load_an_address_without_extension_by_its_content(run_alg, fake, env, name, count):
    body, _ = fake.files[name]
    fake.files["export"] = (body, "application/octet-stream")
    result = run(run_alg, "datagouv_load", {"RESOURCE": fake.base + "/files/export", "OUTPUT": "memory:"})
    assert result["OUTPUT"].featureCount() == count


def test_load_reports_a_missing_gpkg_layer(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="has no layer communes; its layers: carreaux200m"):
        run(
            run_alg,
            "datagouv_load",
            {"RESOURCE": R_GRID, "LAYER": "communes", "OUTPUT": str(tmp_path / "o.gpkg")},
        )
    assert not (tmp_path / "o.gpkg").exists()


def test_load_counts_and_reports_rejected_rows(run_alg, fake, env):
    feedback = Feedback()
    result = run(run_alg, "datagouv_load", {"RESOURCE": R_BAD_ROWS, "OUTPUT": "memory:"}, feedback)
    assert (result["READ"], result["KEPT"], result["REJECTED"]) == (50, 48, 2)
    assert result["OUTPUT"].featureCount() == 48
    warning = "\n".join(feedback.warnings)
    assert "50 records read, 48 kept, 2 rejected" in warning
    assert "line 2: no coordinates" in warning and "'non renseigné' is not a number" in warning


def test_load_with_explicit_coordinate_columns(run_alg, fake, env):
    result = run(
        run_alg,
        "datagouv_load",
        {"RESOURCE": R_FS_CSV, "LON_FIELD": "longitude", "LAT_FIELD": "latitude", "OUTPUT": "memory:"},
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 50
    row = by(layer, "lib_fs", "France services de Saint-Omer")[0]
    assert row["insee_com"] == SAINT_OMER and row.geometry().asPoint().y() == pytest.approx(50.752131)


@pytest.mark.parametrize("source_crs", [None, "EPSG:2154"])
def test_load_with_projected_coordinate_columns(run_alg, fake, env, source_crs):
    """Issue 15: LON_FIELD=x_l93 LAT_FIELD=y_l93 used to reject every row (read as degrees)."""
    parameters = {"RESOURCE": fake.base + "/files/gares-62.csv", "LON_FIELD": "x_l93", "LAT_FIELD": "y_l93",
                  "OUTPUT": "memory:"}
    if source_crs:
        parameters["SOURCE_CRS"] = source_crs
    result = run(run_alg, "datagouv_load", parameters)
    layer = result["OUTPUT"]
    assert (result["READ"], result["KEPT"], result["REJECTED"]) == (97, 97, 0)
    assert layer.crs().authid() == "EPSG:2154"
    [station] = [f for f in by(layer, "libelle", "St-Omer") if str(f["code_ligne"]) == "295000"]
    point = station.geometry().asPoint()
    assert (point.x(), point.y()) == pytest.approx((648186.754, 7073279.1741))


def test_load_a_table_without_coordinates(run_alg, fake, env):
    """Issue 15: the IFN CSV has no coordinates: it loads as a table, to be joined on Code Iris."""
    feedback = Feedback()
    result = run(run_alg, "datagouv_load", {"RESOURCE": fake.base + "/files/ifn-iris-62.csv", "OUTPUT": "memory:"},
                 feedback)
    layer = result["OUTPUT"]
    assert (result["READ"], result["KEPT"], layer.featureCount()) == (1166, 1166, 1166)
    assert layer.wkbType() == 100  # QgsWkbTypes.NoGeometry
    [centre] = by(layer, "Code Iris", "627650302")
    assert centre["Nom Iris"] == "Centre Ville" and centre["SCORE GLOBAL"] == pytest.approx(126)
    assert "has no coordinates: loaded as a table without geometry (1166 rows)" in "\n".join(feedback.warnings)


def test_load_refuses_what_is_not_a_resource(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="neither a data.gouv.fr resource identifier"):
        run(run_alg, "datagouv_load", {"RESOURCE": "lieux", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()


def test_load_refuses_a_spreadsheet_before_downloading_it(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"this format \(\.xlsx\) cannot be loaded"):
        run(
            run_alg,
            "datagouv_load",
            {"RESOURCE": fake.base + "/files/liste.xlsx", "OUTPUT": str(tmp_path / "o.gpkg")},
        )
    assert fake.requests == []


def test_load_unknown_resource(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="No resource a1b2c3d4-0000-4000-8000-0000000000ff"):
        run(
            run_alg,
            "datagouv_load",
            {"RESOURCE": "a1b2c3d4-0000-4000-8000-0000000000ff", "OUTPUT": str(tmp_path / "o.gpkg")},
        )


# --------------------------------------------------------------------------
# ville_numerique:fetch_services
# --------------------------------------------------------------------------
def test_services_of_saint_omer_from_datagouv(run_alg, fake, env):
    feedback = Feedback()
    result = run(run_alg, "fetch_services", scenario_parameters("fetch_services", "memory:"), feedback)
    layer = check_scenario("fetch_services", result)
    from ville_numerique.core.services import RECORD_FIELDS

    assert layer.fields().names() == list(RECORD_FIELDS) + ["nature", "poids", "anct"]
    assert layer.crs().authid() == "EPSG:4326" and layer.wkbType() == 1
    # resolved at run time: schema search for the lieux, text search for France Services
    searches = [args for _, path, args in fake.requests if path == "/api/1/datasets/"]
    assert searches[0]["schema"] == [LIEUX_SCHEMA]
    assert any(args.get("q") == ["France Services"] for args in searches)
    assert "/files/liste-france-services.csv" in [path for _, path, _ in fake.requests]
    # the three records of the France Services of Saint-Omer make one place (lieux + ANCT CSV)
    fs = by(layer, "id", "france-services:2640")[0]
    assert fs["nom"] == "France services de Saint-Omer" and fs["code_insee"] == SAINT_OMER
    assert fs["horaires"] == "Mo-Fr 08:30-12:00,13:30-17:00" and fs["n_sources"] == 2
    assert "france-services-csv:2640" in fs["source_ids"]
    station = [f for f in layer.getFeatures() if f["nom"] == "La Station"]
    assert len(station) == 1 and station[0]["categories"] == "epn|tiers_lieu|wifi"
    assert all(f["code_postal"].startswith("625") for f in layer.getFeatures())
    # 13 lieux in the Saint-Omer polygon (PROVENANCE.md) + 1 France Services row; 3 duplicates merged
    assert (
        "14 record(s) in the area" in feedback.log and "14 record(s) merged into 10 place(s)" in feedback.log
    )


def test_services_from_downloaded_files_and_a_polygon_layer(run_alg, fake, env):
    feedback = Feedback()
    result = run(
        run_alg,
        "fetch_services",
        {
            "AREA": saint_omer_polygon_layer(),
            "LIEUX": False,
            "FRANCE_SERVICES": False,
            "LOCAL_FILES": [str(LIEUX_GEOJSON), str(FS_CSV), str(TIERS_GEOJSON)],
            "OUTPUT": "memory:",
        },
        feedback,
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 10
    assert not any(path.startswith("/api/") for _, path, _ in fake.requests)  # no catalogue needed
    station = [f for f in layer.getFeatures() if f["nom"] == "La Station"][0]
    assert "tiers-lieux:" in station["source_ids"]  # the tiers-lieux file, recognised as such, merged in


def test_services_only_the_chosen_categories(run_alg, fake, env):
    result = run(run_alg, "fetch_services", {"COMMUNES": SAINT_OMER, "CATEGORIES": [1], "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert layer.featureCount() >= 1
    assert {f["categories"] for f in layer.getFeatures()} == {"france_services"}


def test_services_wifi_sites_not_operational_are_counted(run_alg, fake, env):
    feedback = Feedback()
    result = run(
        run_alg,
        "fetch_services",
        {
            "EXTENT": PARIS_EXTENT,
            "LIEUX": False,
            "FRANCE_SERVICES": False,
            "WIFI": R_WIFI,
            "CATEGORIES": [5],
            "MERGE_DISTANCE": 0,
            "OUTPUT": "memory:",
        },
        feedback,
    )
    layer = result["OUTPUT"]
    # 277 sites, 6 not operational (4 closed for works, 1 being deployed, 1 under study)
    assert (result["NOT_OPERATIONAL"], result["REJECTED"]) == (6, 6)
    assert layer.featureCount() == result["COUNT"] == 271
    site = by(layer, "id", "wifi:PW0158")[0]
    assert (site["categories"], site["nom"], site["code_postal"]) == (
        "wifi",
        "BERGES RIVE DROITE - PONT AU CHANGE",
        "75001",
    )
    assert "not_operational 6" in "\n".join(feedback.warnings)


def test_services_opendatafrance_wifi_fields(run_alg, fake, env, tmp_path):
    """A Wi-Fi list in the OpenDataFrance draft fields (DATA_SOURCES.md §3.5): no real file exists,
    these rows are BUILT from the documented field names, at real places of Saint-Omer."""
    path = tmp_path / "bornes-wifi.csv"
    path.write_text(
        "COLL_NOM;COLL_SIRET;WIFI_Id;WIFI_Nom;WIFI_SSID_1;WIFI_LAT;WIFI_LONG;WIFI_InOut\n"
        "Ville de Saint-Omer;21620765000011;W01;Médiathèque;SaintOmer-WiFi;50.747648;2.257477;Intérieur\n"
        "Ville de Saint-Omer;21620765000011;W02;;SaintOmer-Gare;50.753254;2.26637;Extérieur\n"
        "Ville de Saint-Omer;21620765000011;W03;Jardin public;SaintOmer-WiFi;;;Extérieur\n",
        encoding="utf-8",
    )
    feedback = Feedback()
    result = run(
        run_alg,
        "fetch_services",
        {
            "AREA": saint_omer_polygon_layer(),
            "LIEUX": False,
            "FRANCE_SERVICES": False,
            "LOCAL_FILES": [str(path)],
            "OUTPUT": "memory:",
        },
        feedback,
    )
    layer = result["OUTPUT"]
    assert (layer.featureCount(), result["REJECTED"], result["NOT_OPERATIONAL"]) == (2, 1, 0)
    assert {f["id"]: (f["nom"], f["categories"], f["sources"]) for f in layer.getFeatures()} == {
        "ville-de-saint-omer:W01": ("Médiathèque", "wifi", "ville-de-saint-omer"),
        "ville-de-saint-omer:W02": ("SaintOmer-Gare", "wifi", "ville-de-saint-omer"),  # named by its SSID
    }
    assert "bornes-wifi.csv: 3 record(s) read, 2 kept." in "\n".join(feedback.warnings)


def test_services_area_given_twice(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="one way only"):
        run(
            run_alg,
            "fetch_services",
            {"COMMUNES": SAINT_OMER, "EXTENT": GRID_EXTENT, "OUTPUT": str(tmp_path / "o.gpkg")},
        )


def test_services_postal_code_instead_of_insee_code(run_alg, fake, env, tmp_path):
    with pytest.raises(
        QgsProcessingException, match=r"no commune with the code\(s\) 62000.*not postal codes"
    ):
        run(run_alg, "fetch_services", {"COMMUNES": "62000", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()
    # 62500 is Saint-Omer's postal code but also the INSEE code of Lespesses: the log names it
    feedback = Feedback()
    with pytest.raises(QgsProcessingException, match=r"No place .* in the area \(communes 62500 Lespesses\)"):
        run(run_alg, "fetch_services", {"COMMUNES": "62500", "OUTPUT": str(tmp_path / "o.gpkg")}, feedback)
    assert "Area: communes 62500 Lespesses." in feedback.infos


def test_services_unrecognised_local_file(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="is not recognised as a list of digital services"):
        run(
            run_alg,
            "fetch_services",
            {
                "LIEUX": False,
                "FRANCE_SERVICES": False,
                "LOCAL_FILES": [str(FILOSOFI_GEOJSON)],
                "OUTPUT": str(tmp_path / "o.gpkg"),
            },
        )


def test_services_catalogue_without_the_national_dataset(run_alg, fake, env, tmp_path):
    fake.datasets = [d for d in fake.datasets if d["id"] not in (D_LIEUX, D_LIEUX_FS)]
    with pytest.raises(QgsProcessingException, match="No national dataset of lieux de médiation numérique"):
        run(run_alg, "fetch_services", {"COMMUNES": SAINT_OMER, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()


# --------------------------------------------------------------------------
# ville_numerique:fetch_ign
# --------------------------------------------------------------------------
def test_ign_commune_from_the_real_reply(run_alg, fake, env):
    result = run(run_alg, "fetch_ign", scenario_parameters("fetch_ign", "memory:"))
    layer = check_scenario("fetch_ign", result)
    names = layer.fields().names()
    assert names[:8] == [
        "code_insee",
        "nom",
        "population",
        "code_departement",
        "code_region",
        "siren_epci",
        "code_postal",
        "statut",
    ]
    assert "nom_officiel" not in names and "code_insee_du_departement" not in names
    feature = next(layer.getFeatures())
    assert (feature["code_insee"], feature["nom"], feature["siren_epci"]) == (
        "29158",
        "Penmarch",
        "242900702",
    )
    assert layer.wkbType() == 6 and layer.crs().authid() == "EPSG:4326"  # MultiPolygon
    wfs = [args for _, path, args in fake.requests if path == "/wfs/ows"]
    assert wfs[-1]["CQL_FILTER"] == ["code_insee IN ('29158')"] and wfs[-1]["TYPENAMES"] == [
        COMMUNES_TYPENAME
    ]


def test_ign_legacy_attribute_names_are_normalised(run_alg, fake, env):
    fake.layers[COMMUNES_TYPENAME] = json.loads(WFS_LEGACY.read_text(encoding="utf-8"))["features"]
    result = run(run_alg, "fetch_ign", {"LAYER": 0, "COMMUNES": "29158", "OUTPUT": "memory:"})
    feature = next(result["OUTPUT"].getFeatures())
    assert (feature["code_insee"], feature["nom"], feature["population"], feature["code_departement"]) == (
        "29158",
        "Penmarch",
        5149,
        "29",
    )
    assert "insee_com" not in result["OUTPUT"].fields().names()


def test_ign_paging_across_several_requests(run_alg, fake, env):
    feedback = Feedback()
    result = run(
        run_alg,
        "fetch_ign",
        {"LAYER": 0, "EXTENT": "2.15,2.35,50.70,50.80 [EPSG:4326]", "PAGE_SIZE": 5, "OUTPUT": "memory:"},
        feedback,
    )
    layer = result["OUTPUT"]
    wfs = [args for _, path, args in fake.requests if path == "/wfs/ows"]
    assert len(wfs) >= 3 and [a["STARTINDEX"][0] for a in wfs[:3]] == ["0", "5", "10"]
    assert all(a["SORTBY"] == ["cleabs"] for a in wfs)
    codes = {f["code_insee"] for f in layer.getFeatures()}
    assert {SAINT_OMER, "62525"} <= codes  # Saint-Omer, Longuenesse
    assert len(codes) == layer.featureCount() == result["COUNT"]


def test_ign_walkable_roads_filter_and_buffer(run_alg, fake, env):
    result = run(
        run_alg, "fetch_ign", {"LAYER": 3, "COMMUNES": SAINT_OMER, "BUFFER": 200, "OUTPUT": "memory:"}
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 2 and layer.wkbType() == 2  # LineString
    assert {f["nature"] for f in layer.getFeatures()} == {"Route à 1 chaussée", "Chemin"}
    cql = [args for _, path, args in fake.requests if path == "/wfs/ows"][-1]["CQL_FILTER"][0]
    assert "acces_pieton" in cql and "Type autoroutier" in cql and "BBOX(geometrie," in cql


def test_ign_iris_by_commune_code(run_alg, fake, env):
    result = run(run_alg, "fetch_ign", {"LAYER": 1, "COMMUNES": SAINT_OMER, "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert layer.featureCount() == 2
    assert layer.fields().names()[:5] == ["code_iris", "nom_iris", "type_iris", "code_insee", "nom_commune"]
    assert by(layer, "code_iris", "627650100")[0]["nom_iris"] == "Gare"


def test_ign_stations_of_a_commune(run_alg, fake, env):
    result = run(run_alg, "fetch_ign", {"LAYER": 4, "COMMUNES": SAINT_OMER, "OUTPUT": "memory:"})
    rows = features(result["OUTPUT"])
    assert [(f["toponyme"], f["nature"], f["insee_commune"]) for f in rows] == [
        ("Gare de Saint-Omer", "Gare voyageurs et fret", "62765")
    ]
    cql = [args for _, path, args in fake.requests if path == "/wfs/ows"][-1]["CQL_FILTER"][0]
    assert cql.startswith("(nature IN ('Gare voyageurs uniquement','Gare voyageurs et fret','Arrêt voyageurs'))")


def test_ign_empty_layer_is_a_clear_error(run_alg, fake, env, tmp_path):
    fake.layers[STATIONS_TYPENAME] = []
    with pytest.raises(QgsProcessingException, match="returned no Passenger stations"):
        run(run_alg, "fetch_ign", {"LAYER": 4, "COMMUNES": SAINT_OMER, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()


def test_ign_needs_an_area(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="Give the area"):
        run(run_alg, "fetch_ign", {"LAYER": 2, "OUTPUT": str(tmp_path / "o.gpkg")})


# --------------------------------------------------------------------------
# ville_numerique:fetch_population
# --------------------------------------------------------------------------
def test_population_grid_in_an_extent(run_alg, fake, env):
    result = run(run_alg, "fetch_population", scenario_parameters("fetch_population", "memory:"))
    layer = check_scenario("fetch_population", result)
    fields = layer.fields()
    for name in ("ind", "men", "men_pauv", "men_1ind", "men_fmp", "ind_65_79", "ind_80p"):
        assert fields.field(name).isNumeric(), name
    assert not fields.field("id_inspire").isNumeric()
    densest = by(layer, "id_inspire", "CRS3035RES200mN3100000E3775800")[0]
    assert densest["ind"] == pytest.approx(541.5)
    assert sum(f["men_pauv"] for f in layer.getFeatures()) == pytest.approx(2291.7, abs=0.05)
    assert layer.geometryType() == 2 and layer.crs().authid() == "EPSG:4326"
    wfs = [args for _, path, args in fake.requests if path == "/wfs/ows"][-1]
    assert wfs["TYPENAMES"] == [GRID_TYPENAME] and wfs["SORTBY"] == ["id_inspire"]
    assert wfs["BBOX"][0].endswith("urn:ogc:def:crs:EPSG::4326")


def test_population_of_a_commune_keeps_the_cells_touching_it(run_alg, fake, env):
    result = run(run_alg, "fetch_population", {"COMMUNES": SAINT_OMER, "OUTPUT": "memory:"})
    # the cells whose centre is in Saint-Omer hold 12 445 inhabitants (PROVENANCE.md); the
    # cells touching its boundary add some of Longuenesse's
    assert 12445 < result["POPULATION_TOTAL"] < 15174.5
    assert result["COUNT"] < 125


# --------------------------------------------------------------------------
# Map styles of the fetched layers
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, parameters, style",
    [
        ("fetch_services", {"COMMUNES": SAINT_OMER}, "services"),
        ("fetch_population", {"EXTENT": GRID_EXTENT}, "population"),
        ("fetch_ign", {"LAYER": 0, "COMMUNES": "29158"}, "communes"),
        ("isochrone", {"INPUT": "station", "MINUTES": "5"}, "perimeter"),
    ],
)
def test_fetched_layers_carry_the_plugin_style(run_alg, fake, env, tmp_path, name, parameters, style):
    from ville_numerique.processing.styles import style_path

    output = tmp_path / "{}.gpkg".format(name)
    run(run_alg, name, scenario_parameters("isochrone", str(output)) if name == "isochrone"
        else dict(parameters, OUTPUT=str(output)))
    sidecar = tmp_path / "{}.qml".format(name)  # what QGIS reads when the file is opened
    assert sidecar.read_bytes() == open(style_path(style), "rb").read()


# --------------------------------------------------------------------------
# ville_numerique:geocode
# --------------------------------------------------------------------------
def test_geocode_one_commune_among_namesakes_by_its_code(run_alg, fake, env):
    result = run(run_alg, "geocode", {"QUERY": "saint omer", "KIND": 1, "LIMIT": 5, "CITYCODE": "62766",
                                      "OUTPUT": "memory:"})
    rows = features(result["OUTPUT"])
    assert [(f["label"], f["citycode"], f["query"]) for f in rows] == [("Saint-Omer-Capelle", "62766", "saint omer")]
    sent = [args for _, path, args in fake.requests if path == "/geocodage/search"][0]
    assert (sent["citycode"], sent["type"], sent["index"], sent["limit"]) == (["62766"], ["municipality"],
                                                                              ["address"], ["5"])


def test_geocode_lines_and_semicolons_duplicates_once(run_alg, fake, env):
    feedback = Feedback()
    result = run(run_alg, "geocode", {"QUERY": "Saint-Omer\n Arques ;Saint-Omer\n\nAtlantide", "KIND": 1,
                                      "OUTPUT": "memory:"}, feedback)
    assert [f["query"] for f in features(result["OUTPUT"])] == ["Saint-Omer", "Arques"]
    assert (result["COUNT"], result["NOT_FOUND"]) == (2, 1)
    assert "1 query(ies) without an answer: Atlantide." in feedback.log
    assert fake.count("/geocodage/search") == 3


@pytest.mark.parametrize(
    "parameters, match",
    [
        ({"QUERY": " ;\n "}, "Give an address, a place or a commune"),
        ({"QUERY": "Saint-Omer", "CITYCODE": "Saint-Omer"}, "is not an INSEE commune code"),
    ],
)
def test_geocode_bad_input_sends_nothing(run_alg, fake, env, tmp_path, parameters, match):
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=match):
        run(run_alg, "geocode", dict(parameters, OUTPUT=str(output)))
    assert fake.requests == [] and not output.exists()


# --------------------------------------------------------------------------
# ville_numerique:isochrone
# --------------------------------------------------------------------------
def test_isochrones_of_two_points_and_two_times(run_alg, fake, env):
    parameters = scenario_parameters("isochrone", "memory:")
    parameters["ID_FIELD"] = "name"
    started = time.monotonic()
    result = run(run_alg, "isochrone", parameters)
    # 4 requests within the service's 5 requests per second: at least 3 waits of 0.2 s
    assert time.monotonic() - started >= 0.6
    layer = check_scenario("isochrone", result)
    assert layer.fields().names() == [
        "source_id",
        "minutes",
        "lon",
        "lat",
        "profile",
        "resource",
        "resource_version",
    ]
    rows = [(f["source_id"], f["minutes"]) for f in layer.getFeatures()]
    assert rows[:2] == [("gare", 10.0), ("centre", 10.0)] and sorted(rows[2:]) == [
        ("centre", 5.0),
        ("gare", 5.0),
    ]
    gare = [f for f in layer.getFeatures() if f["source_id"] == "gare" and f["minutes"] == 10][0]
    assert (gare["resource"], gare["profile"], gare["resource_version"]) == (
        "bdtopo-valhalla",
        "pedestrian",
        "2026-05-18",
    )
    assert gare.geometry().contains(QgsGeometry.fromPointXY(QgsPointXY(*SAINT_OMER_STATION)))
    assert layer.wkbType() == 6
    sent = [args for _, path, args in fake.requests if path == "/navigation/isochrone"][0]
    assert (sent["profile"], sent["costType"], sent["timeUnit"], sent["resource"]) == (
        ["pedestrian"],
        ["time"],
        ["minute"],
        ["bdtopo-valhalla"],
    )


def test_a_point_off_the_network_is_counted_not_fatal(run_alg, fake, env):
    feedback = Feedback()
    layer = point_layer([("gare", SAINT_OMER_STATION), ("en mer", (-4.6, 47.7))])
    result = run(
        run_alg,
        "isochrone",
        {"INPUT": layer, "ID_FIELD": "name", "MINUTES": "15", "OUTPUT": "memory:"},
        feedback,
    )
    assert (result["COUNT"], result["NOT_ROUTABLE"]) == (1, 1)
    assert "Point en mer: No walking network was found" in "\n".join(feedback.warnings)


def test_all_points_off_the_network_is_an_error(run_alg, fake, env, tmp_path):
    with pytest.raises(QgsProcessingException, match="None of the 1 point"):
        run(
            run_alg,
            "isochrone",
            {
                "INPUT": point_layer([("en mer", (-4.6, 47.7))]),
                "MINUTES": "15",
                "OUTPUT": str(tmp_path / "o.gpkg"),
            },
        )
    assert not (tmp_path / "o.gpkg").exists()


def test_isochrone_points_in_lambert93_and_bad_minutes(run_alg, fake, env, tmp_path):
    layer = point_layer([("gare", (650393.0, 7074178.0))], crs="EPSG:2154")
    result = run(run_alg, "isochrone", {"INPUT": layer, "MINUTES": "15", "OUTPUT": "memory:"})
    sent = [args for _, path, args in fake.requests if path == "/navigation/isochrone"][0]
    lon, lat = (float(v) for v in sent["point"][0].split(","))
    assert 2.2 < lon < 2.3 and 50.7 < lat < 50.8 and result["COUNT"] == 1
    with pytest.raises(QgsProcessingException, match="'quinze' is not a walking time"):
        run(run_alg, "isochrone", {"INPUT": layer, "MINUTES": "5,quinze", "OUTPUT": str(tmp_path / "o.gpkg")})


# --------------------------------------------------------------------------
# QGIS's proxy
# --------------------------------------------------------------------------
def test_requests_go_through_the_proxy_set_in_qgis(run_alg, fake, env, monkeypatch):
    """The proxy of Settings > Options > Network is used: the endpoint's host does not even
    resolve; only the proxy (the fake server, which answers absolute-form requests) reaches it.

    The QGIS settings of the test application live in a folder other test runs share, so the
    proxy keys are laid over them in memory (core.http reads them through
    core.settings.qgis_settings); test_open_data_qgis_process.py writes them for real in the
    profile of a qgis_process run.
    """
    from ville_numerique.core import http, settings

    for name in ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("VILLE_NUMERIQUE_GEOPF_URL", "http://geoplateforme.invalid")
    proxy = {
        "proxy/proxyEnabled": "true",
        "proxy/proxyType": "HttpProxy",
        "proxy/proxyHost": "127.0.0.1",
        "proxy/proxyPort": fake.base.rsplit(":", 1)[1],
    }
    real = settings.qgis_settings()
    assert real is not None  # the QGIS application of the tests

    class WithProxy:
        def get(self, key, default=None):
            return proxy[key] if key in proxy else real.get(key, default)

    monkeypatch.setattr(http, "qgis_settings", WithProxy)
    feedback = Feedback()
    result = run(run_alg, "fetch_population", scenario_parameters("fetch_population", "memory:"), feedback)
    check_scenario("fetch_population", result)
    assert fake.hosts == ["geoplateforme.invalid"]
    assert "Requests go through the proxy set in the QGIS network settings." in feedback.infos


# --------------------------------------------------------------------------
# Faults, for every algorithm
# --------------------------------------------------------------------------
ALGORITHMS = list(SCENARIOS)


@pytest.mark.parametrize("name", ALGORITHMS)
def test_429_with_retry_after_then_success(run_alg, fake, env, name):
    path = SCENARIOS[name][1]
    fake.fault(path, "status", times=1, status=429, message="Too many requests", headers={"Retry-After": "1"})
    started = time.monotonic()
    check_scenario(name, run(run_alg, name, scenario_parameters(name, "memory:")))
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured
    assert fake.count(path) >= 2


@pytest.mark.parametrize("name", ALGORITHMS)
def test_500_then_success(run_alg, fake, env, name):
    path = SCENARIOS[name][1]
    fake.fault(path, "status", times=1, status=500)
    check_scenario(name, run(run_alg, name, scenario_parameters(name, "memory:")))
    assert fake.count(path) >= 2


def _fails(run_alg, name, tmp_path, match, feedback=None):
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=match) as info:
        run(run_alg, name, scenario_parameters(name, str(output)), feedback)
    assert "Traceback" not in str(info.value)
    assert not output.exists(), "nothing may be written when the run fails"
    return str(info.value)


@pytest.mark.parametrize("name", ALGORITHMS)
def test_permanent_404(run_alg, fake, env, tmp_path, name):
    path = SCENARIOS[name][1]
    fake.fault(path, "status", status=404, message="Not found")
    message = _fails(run_alg, name, tmp_path, r"has no resource at .*HTTP 404")
    assert "Check the address" in message
    assert fake.count(path) == 1  # not retried


@pytest.mark.parametrize("name", ALGORITHMS)
def test_time_out(run_alg, fake, env, tmp_path, monkeypatch, fast_retries, name):
    monkeypatch.setenv("VILLE_NUMERIQUE_READ_TIMEOUT", "0.2")
    fake.fault(SCENARIOS[name][1], "slow")
    _fails(run_alg, name, tmp_path, r"did not answer within 0\.2 s")


@pytest.mark.parametrize("name", ALGORITHMS)
def test_malformed_json(run_alg, fake, env, tmp_path, name):
    fake.fault(SCENARIOS[name][2], "malformed")
    _fails(run_alg, name, tmp_path, "not valid JSON")


@pytest.mark.parametrize("name", ALGORITHMS)
def test_wrong_content_type(run_alg, fake, env, tmp_path, name):
    fake.fault(SCENARIOS[name][1], "html")
    _fails(run_alg, name, tmp_path, r"answered with text/html instead of")


EMPTY = {
    # how to make each scenario find nothing, and what the user reads then
    "datagouv_search": (lambda f: setattr(f, "datasets", []), "No dataset of .* matches the search"),
    "datagouv_load": (
        lambda f: f.files.update({"sites-paris-wi-fi.csv": (b"", "text/csv")}),
        "No coordinates found",
    ),
    "fetch_services": (
        lambda f: f.files.update(
            {
                "lieux-national.csv": (b"id,nom,latitude,longitude\n", "text/csv"),
                "liste-france-services.csv": (b"id_fs;lib_fs;latitude;longitude\n", "text/csv"),
            }
        ),
        r"No place of the chosen categories .* in the area \(communes 62765 Saint-Omer\)",
    ),
    "fetch_ign": (lambda f: f.layers.update({COMMUNES_TYPENAME: []}), "no commune with the code"),
    "fetch_population": (lambda f: f.layers.update({GRID_TYPENAME: []}), "returned no INSEE 200 m grid"),
    "isochrone": (
        lambda f: f.fault("/navigation/isochrone", "status", status=200, message="ignored") or None,
        "did not return a polygon",
    ),
    "geocode": (lambda f: f.layers.update({COMMUNES_TYPENAME: []}), "The geocoder found nothing for: Saint-Omer"),
}


@pytest.mark.parametrize("name", ALGORITHMS)
def test_empty_result(run_alg, fake, env, tmp_path, name):
    make_empty, match = EMPTY[name]
    make_empty(fake)
    _fails(run_alg, name, tmp_path, match)


@pytest.mark.parametrize("name", ALGORITHMS)
def test_offline_without_cache_names_what_is_missing(run_alg, fake, env, tmp_path, monkeypatch, name):
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "1")
    message = _fails(run_alg, name, tmp_path, "Offline mode is on and .* is not in the cache")
    assert fake.base in message
    assert fake.requests == []  # not one request went out


@pytest.mark.parametrize("name", ALGORITHMS)
def test_offline_with_cache_gives_the_same_layer(run_alg, fake, env, tmp_path, monkeypatch, name):
    first = check_scenario(name, run(run_alg, name, scenario_parameters(name, "memory:")))
    sent = len(fake.requests)
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "1")
    fake.fault("/", "status", status=500)  # the server is useless now
    second = check_scenario(name, run(run_alg, name, scenario_parameters(name, "memory:")))
    assert second.featureCount() == first.featureCount()
    assert len(fake.requests) == sent


@pytest.mark.parametrize("name", ALGORITHMS)
def test_cancellation(run_alg, fake, env, tmp_path, name):
    feedback = Feedback()
    fake.fault(SCENARIOS[name][1], "cancel", action=feedback.cancel)
    _fails(run_alg, name, tmp_path, "canceled", feedback)


# --------------------------------------------------------------------------
# fetch_services on the real Pas-de-Calais sources (issue 15)
# --------------------------------------------------------------------------
DEPARTEMENT_62 = SHARED_DATA / "france-geojson" / "departement-62-pas-de-calais.geojson"


def test_services_pas_de_calais_counts_the_anct_desks_once(run_alg, fake, env, tmp_path):
    """The five real sources of the Pas-de-Calais (ANCT list, lieux: assembleurs, CNFS, france-services,
    France Tiers-Lieux; tiers-lieux file): exactly the 50 France Services of the ANCT list, of which 5
    itinerant, written to their own layer with the 24 other itinerant stops (PIMMS Mobile…)."""
    from qgis.core import QgsVectorLayer

    area = QgsVectorLayer(str(DEPARTEMENT_62), "dep62", "ogr")
    feedback = Feedback()
    result = run(
        run_alg,
        "fetch_services",
        {
            "AREA": area,
            "LIEUX": False,
            "FRANCE_SERVICES": False,
            "LOCAL_FILES": [str(FS_CSV), str(LIEUX_GEOJSON), str(TIERS_GEOJSON)],
            "OUTPUT": "memory:",
            "OUTPUT_ITINERANT": "memory:",
            "SUMMARY": str(tmp_path / "counted.json"),
        },
        feedback,
    )
    layer, stops = result["OUTPUT"], result["OUTPUT_ITINERANT"]
    fs_fixed = [f for f in layer.getFeatures() if "france_services" in f["categories"]]
    fs_stops = [f for f in stops.getFeatures() if "france_services" in f["categories"]]
    assert (len(fs_fixed), len(fs_stops), result["FRANCE_SERVICES"]) == (45, 5, 50)
    # every France Services written is a desk of the ANCT list (merged copies keep its id)
    assert all(f["anct"] == "officiel" and f["id"].startswith("france-services:") for f in fs_fixed + fs_stops)
    assert {f["id"] for f in fs_stops} == {
        "france-services:372", "france-services:1796", "france-services:1939",
        "france-services:2302", "france-services:2303",
    }
    # the two records named France Services that match no desk (2.2 km and 1.9 km away) are listed
    assert result["FRANCE_SERVICES_UNMATCHED"] == 2
    log = "\n".join(feedback.warnings)
    assert "FRANCE SERVICES D’ARRAS 1 – MARIE-THÉRÈSE LENOIR (Arras, assembleurs:2255)" in log
    assert "nearest: France services d’Arras – Marie-Thérèse Lenoir, 2176 m" in log
    assert "France Services itinérant - Ternois itinérant (Herlin-le-Sec, assembleurs:2347)" in log
    [arras] = by(layer, "id", "assembleurs:2255")
    assert (arras["categories"], arras["anct"]) == ("epn", "non_apparie")
    # itinerant stops: a separate count and layer, none among the places
    assert result["ITINERANT"] == stops.featureCount() == 29
    assert not [f for f in layer.getFeatures() if f["itinerance"] == "Itinérant"]
    assert len([f for f in stops.getFeatures() if f["nom"].startswith("PIMMS Mobile")]) == 19
    # "L'atelier du 9 (Actuellement fermé)" (lieux and tiers-lieux files) and "Coworking Haute-Deûle -
    # En cours" (Nord, tiers-lieux file: refused before the area filter) are left out and counted
    assert result["NOT_OPEN"] == 3
    assert "not_open 1" in log and "Coworking Haute-Deûle - En cours" in log
    # 757 records kept, 51 outside the département (Nord tiers-lieux, one 62 record outside the simplified
    # polygon), 129 duplicates merged (38 copies into the ANCT list), 29 itinerant stops apart
    assert "706 record(s) merged into 577 place(s)" in feedback.log and result["MERGED"] == 129
    assert "38 France Services record(s) of other sources merged into the ANCT list." in feedback.log
    assert layer.featureCount() == result["COUNT"] == 577 - 29
    # the summary says what was counted, by source
    counted = json.loads((tmp_path / "counted.json").read_text(encoding="utf-8"))
    assert counted["fixed_places"]["count"] == 548 and counted["fixed_places"]["by_category"]["france_services"] == 45
    assert counted["itinerant_stops"]["count"] == 29 and counted["itinerant_stops"]["counted_as_places"] is False
    assert "Herlin-le-Sec" in counted["itinerant_stops"]["communes"]
    assert counted["excluded_records"] == {"by_reason": {"not_open": 3}, "outside_area": 51,
                                           "without_chosen_category": 0}
    assert counted["merged_duplicates"] == 129
    fs = counted["france_services"]
    assert (fs["desks"], fs["itinerant_desks"], fs["copies_merged_into_the_list"]) == (50, 5, 38)
    assert [(u["id"], u["distance_m"]) for u in fs["not_on_the_list"]] == [
        ("assembleurs:2255", 2175.6), ("assembleurs:2347", 1859.6)]
    assert [(s["name"], s["read"], s["kept"]) for s in counted["by_source"]] == [
        ("france_services_dep62_2023-07.csv", 50, 50),
        ("lieux_mediation_numerique_dep62_2023-05.geojson", 642, 641),
        ("tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson", 68, 66)]
    assert counted["places_by_producer"]["france-services"] == 50


def test_services_fablab_geojson_with_name_not_nom(run_alg, fake, env, tmp_path):
    """Issue 15: a fab-lab list with ``name`` instead of ``nom`` was refused. BUILT file (two real
    places of Saint-Omer from the lieux extract, renamed as a fab-lab export would name them)."""
    path = tmp_path / "fablabs.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.26637, 50.753254]},
         "properties": {"id": "fl1", "name": "Fab lab de La Station", "address": "Place du 8 Mai 1945"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.257477, 50.747648]},
         "properties": {"id": "fl2", "title": "FabLab de la médiathèque"}},
    ]}), encoding="utf-8")
    feedback = Feedback()
    result = run(run_alg, "fetch_services", {"AREA": saint_omer_polygon_layer(), "LIEUX": False,
                                             "FRANCE_SERVICES": False, "LOCAL_FILES": [str(path)],
                                             "OUTPUT": "memory:"}, feedback)
    layer = result["OUTPUT"]
    assert {f["nom"]: f["categories"] for f in layer.getFeatures()} == {
        "Fab lab de La Station": "fablab", "FabLab de la médiathèque": "epn|fablab"}


def test_services_itinerant_and_not_open_can_be_kept(run_alg, fake, env):
    """INCLUDE_ITINERANT: the 5 itinerant France Services of the ANCT list are counted as places (with a
    warning); INCLUDE_NOT_OPEN: "L'atelier du 9 (Actuellement fermé)" is kept."""
    from qgis.core import QgsVectorLayer

    feedback = Feedback()
    result = run(
        run_alg,
        "fetch_services",
        {"AREA": QgsVectorLayer(str(DEPARTEMENT_62), "dep62", "ogr"), "LIEUX": False, "FRANCE_SERVICES": False,
         "LOCAL_FILES": [str(FS_CSV), str(TIERS_GEOJSON)], "INCLUDE_ITINERANT": True, "INCLUDE_NOT_OPEN": True,
         "OUTPUT": "memory:"},
        feedback,
    )
    layer = result["OUTPUT"]
    assert (result["ITINERANT"], result["FRANCE_SERVICES"], result["NOT_OPEN"]) == (5, 50, 0)
    assert len([f for f in layer.getFeatures() if f["itinerance"] == "Itinérant"]) == 5
    assert by(layer, "nom", "L'atelier du 9 (Actuellement fermé)")
    assert "5 itinerant stop(s) (buses, mobile services) in" in "\n".join(feedback.warnings)
    assert "They are counted as places." in "\n".join(feedback.warnings)
