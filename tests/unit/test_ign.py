"""IGN Géoplateforme clients against a local server.

WFS: the real GetFeature replies of ../shared/data/api_samples (current and
legacy attribute names) are served verbatim; the paging test serves the real
891 Pas-de-Calais communes (france-geojson) in the WFS envelope of those
replies. Geocoding, isochrone and GeoServer exception replies are built from
DATA_SOURCES.md shapes (§4.2–4.4).
"""

import json
import os
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from ville_numerique.core import ign
from ville_numerique.core.errors import InputError
from ville_numerique.core.http import HttpClient, HttpStatusError, MalformedResponseError
from ville_numerique.core.settings import load_settings
from werkzeug.wrappers import Response

SHARED = Path(
    os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
)
SAMPLES = SHARED / "api_samples"
CURRENT = SAMPLES / (
    "ign_geoplateforme_wfs_getfeature_LIMITES_ADMINISTRATIVES_EXPRESS.LATEST-commune_penmarch_2025-06-25.json"
)
LEGACY = SAMPLES / "ign_geoportail_wxs_wfs_getfeature_commune_penmarch_2022-12.json"
CAPABILITIES = SAMPLES / "ign_geoplateforme_wfs_GetCapabilities_2024-06.xml"
COMMUNES_62 = SHARED / "france-geojson" / "communes-62-pas-de-calais.geojson"
assert SAMPLES.is_dir(), "the real extracts are committed in tests/data/real"

SAINT_OMER_STATION = (2.26637, 50.753254)


@pytest.fixture
def client(httpserver, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    settings = load_settings(environ={}, qgis={}, geopf_url=base, cache_dir=tmp_path / "cache")
    return ign.IgnClient(HttpClient(settings, rules=[], default_rate=1e9, proxies={}))


def query(entry):
    """Query parameters of a logged request, one value each."""
    return {k: v[0] for k, v in parse_qs(entry[0].query_string.decode()).items()}


# --------------------------------------------------------------------------
# WFS
# --------------------------------------------------------------------------
def test_layer_names_exist_in_the_real_capabilities():
    capabilities = CAPABILITIES.read_text(encoding="utf-8")
    for layer in ign.LAYERS.values():
        assert "<Name>{}</Name>".format(layer.typename) in capabilities


def test_current_reply_is_normalised(httpserver, client):
    httpserver.expect_request("/wfs/ows").respond_with_data(
        CURRENT.read_bytes(), content_type="application/json"
    )
    communes = client.communes(bbox=(-4.39, 47.79, -4.29, 47.84))
    assert len(communes) == 1
    props = communes[0]["properties"]
    assert (props["code_insee"], props["nom"], props["population"]) == ("29158", "Penmarch", 5320)
    assert (props["code_departement"], props["siren_epci"]) == ("29", "242900702")
    assert communes[0]["geometry"]["type"] == "MultiPolygon"
    sent = query(httpserver.log[0])
    assert sent["TYPENAMES"] == "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune"
    assert (sent["SERVICE"], sent["VERSION"], sent["REQUEST"]) == ("WFS", "2.0.0", "GetFeature")
    assert (sent["OUTPUTFORMAT"], sent["SRSNAME"], sent["SORTBY"]) == (
        "application/json",
        "EPSG:4326",
        "cleabs",
    )
    assert (sent["STARTINDEX"], sent["COUNT"]) == ("0", "1000")
    # WFS 2.0 + EPSG:4326 URN: latitude first
    assert sent["BBOX"] == "47.79,-4.39,47.84,-4.29,urn:ogc:def:crs:EPSG::4326"


def test_legacy_reply_gives_the_same_attributes(httpserver, client):
    httpserver.expect_request("/wfs/ows").respond_with_data(
        LEGACY.read_bytes(), content_type="application/json"
    )
    props = client.communes(layer=ign.COMMUNES_LEGACY)[0]["properties"]
    assert (props["code_insee"], props["nom"], props["population"], props["code_departement"]) == (
        "29158",
        "Penmarch",
        5149,
        "29",
    )
    assert query(httpserver.log[0])["TYPENAMES"] == "ADMINEXPRESS-COG.LATEST:commune"


def serve_paged_communes(httpserver):
    """GeoServer-like paging over the 891 real communes of Pas-de-Calais."""
    features = json.loads(COMMUNES_62.read_text(encoding="utf-8"))["features"]
    envelope = json.loads(CURRENT.read_text(encoding="utf-8"))

    def handler(request):
        assert request.args.get("SORTBY"), "paging without SORTBY is unstable"
        start, count = int(request.args["STARTINDEX"]), int(request.args["COUNT"])
        page = features[start : start + count]
        body = dict(
            envelope,
            features=page,
            numberMatched=len(features),
            numberReturned=len(page),
            totalFeatures=len(features),
        )
        return Response(json.dumps(body), content_type="application/json;charset=UTF-8")

    httpserver.expect_request("/wfs/ows").respond_with_handler(handler)
    return features


def test_wfs_paging_with_startindex_collects_every_feature(httpserver, client):
    features = serve_paged_communes(httpserver)
    progress = []
    got = client.get_features(
        ign.COMMUNES, page_size=300, progress=lambda done, total: progress.append((done, total))
    )
    assert len(got) == 891 and got[-1] == features[-1]
    assert [query(e)["STARTINDEX"] for e in httpserver.log] == ["0", "300", "600"]
    assert progress == [(300, 891), (600, 891), (891, 891)]
    saint_omer = next(f for f in got if f["properties"]["code"] == "62765")
    assert saint_omer["properties"]["nom"] == "Saint-Omer"


def test_max_features_limits_the_last_page(httpserver, client):
    serve_paged_communes(httpserver)
    assert len(client.get_features(ign.COMMUNES, page_size=300, max_features=450)) == 450
    assert [query(e)["COUNT"] for e in httpserver.log] == ["300", "150"]


def test_page_size_is_capped_at_the_service_limit(httpserver, client):
    serve_paged_communes(httpserver)
    client.get_features(ign.COMMUNES, page_size=20000)
    assert query(httpserver.log[0])["COUNT"] == "5000"


def test_empty_result(httpserver, client):
    httpserver.expect_request("/wfs/ows").respond_with_json(
        {"type": "FeatureCollection", "features": [], "numberMatched": 0, "numberReturned": 0}
    )
    assert client.get_features(ign.TRANSPORT_EQUIPMENT, cql_filter=ign.PASSENGER_STATIONS_FILTER) == []
    assert len(httpserver.log) == 1


def test_bbox_and_filter_are_combined_in_cql(httpserver, client):
    httpserver.expect_request("/wfs/ows").respond_with_json({"type": "FeatureCollection", "features": []})
    client.get_features(
        ign.ROAD_SECTIONS, bbox=(2.24, 50.74, 2.28, 50.76), cql_filter=ign.WALKABLE_ROADS_FILTER
    )
    sent = query(httpserver.log[0])
    assert "BBOX" not in sent  # GeoServer refuses BBOX together with CQL_FILTER
    assert sent["CQL_FILTER"].startswith("(etat_de_l_objet = 'En service'")
    assert sent["CQL_FILTER"].endswith("BBOX(geometrie,2.24,50.74,2.28,50.76,'EPSG:4326')")
    assert "acces_pieton" in sent["CQL_FILTER"] and "Type autoroutier" in sent["CQL_FILTER"]


def test_filosofi_layer_pages_on_its_own_key(httpserver, client):
    httpserver.expect_request("/wfs/ows").respond_with_json({"type": "FeatureCollection", "features": []})
    client.get_features(
        ign.FILOSOFI_200M, bbox=(3775000, 3098800, 3777600, 3101600), bbox_crs=3035, srs_name="EPSG:3035"
    )
    sent = query(httpserver.log[0])
    assert sent["SORTBY"] == "id_inspire"
    assert sent["BBOX"] == "3775000,3098800,3777600,3101600,EPSG:3035"


def test_long_filters_are_posted(httpserver, client):
    ids = ",".join("'BATIMENT{:016d}'".format(i) for i in range(100))
    cql = "cleabs IN ({})".format(ids)

    def handler(request):
        assert request.method == "POST" and request.form["CQL_FILTER"] == cql
        return Response(
            json.dumps({"type": "FeatureCollection", "features": []}), content_type="application/json"
        )

    httpserver.expect_request("/wfs/ows", method="POST").respond_with_handler(handler)
    assert client.get_features(ign.BUILDINGS, cql_filter=cql) == []
    assert len(httpserver.log) == 1 and httpserver.log[0][1].status_code == 200


def test_geoserver_exception_is_shown_to_the_user(httpserver, client):
    body = {
        "version": "2.0.0",
        "exceptions": [
            {
                "code": "InvalidParameterValue",
                "locator": "typeName",
                "text": "Feature type BDTOPO_V3:batimen unknown",
            }
        ],
    }
    httpserver.expect_request("/wfs/ows").respond_with_json(body, status=400)
    with pytest.raises(HttpStatusError, match="Feature type BDTOPO_V3:batimen unknown") as info:
        client.get_features("BDTOPO_V3:batimen")
    assert info.value.status == 400


def test_exception_with_status_200_is_not_taken_for_data(httpserver, client):
    body = {"exceptions": [{"code": "NoApplicableCode", "text": "Could not parse CQL filter"}]}
    httpserver.expect_request("/wfs/ows").respond_with_json(body)
    with pytest.raises(MalformedResponseError, match="Could not parse CQL filter"):
        client.get_features(ign.BUILDINGS, cql_filter="nombre_de_logements >")


# --------------------------------------------------------------------------
# Geocoding
# --------------------------------------------------------------------------
GEOCODE_REPLY = {  # GeocodeJSON, DATA_SOURCES.md §4.4 shape
    "type": "FeatureCollection",
    "version": "draft",
    "features": [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": list(SAINT_OMER_STATION)},
            "properties": {
                "label": "Place du 8 Mai 1945 62500 Saint-Omer",
                "score": 0.93,
                "id": "62765_0420",
                "type": "street",
                "name": "Place du 8 Mai 1945",
                "postcode": "62500",
                "citycode": "62765",
                "x": 648150.2,
                "y": 7073240.8,
                "city": "Saint-Omer",
                "context": "62, Pas-de-Calais, Hauts-de-France",
                "importance": 0.61,
                "_type": "address",
            },
        }
    ],
    "attribution": "BAN",
    "licence": "ETALAB-2.0",
    "query": "place du 8 mai 1945 saint-omer",
    "limit": 1,
}


def test_geocode_returns_labelled_points(httpserver, client):
    httpserver.expect_request("/geocodage/search").respond_with_json(GEOCODE_REPLY)
    results = client.geocode("place du 8 mai 1945 saint-omer", limit=1, citycode="62765")
    assert len(results) == 1
    best = results[0]
    assert (best.label, best.citycode, best.postcode) == (
        "Place du 8 Mai 1945 62500 Saint-Omer",
        "62765",
        "62500",
    )
    assert (best.lon, best.lat) == SAINT_OMER_STATION and best.score == 0.93
    sent = query(httpserver.log[0])
    assert sent == {
        "q": "place du 8 mai 1945 saint-omer",
        "limit": "1",
        "index": "address",
        "citycode": "62765",
    }


def test_geocode_without_result(httpserver, client):
    httpserver.expect_request("/geocodage/search").respond_with_json(dict(GEOCODE_REPLY, features=[]))
    assert client.geocode("zzzz") == []


# --------------------------------------------------------------------------
# Isochrone
# --------------------------------------------------------------------------
def isochrone_reply(lon, lat):
    """Flat isochrone object, DATA_SOURCES.md §4.3 shape (road2 ``isochrone`` schema)."""
    ring = [
        [lon - 0.01, lat - 0.007],
        [lon + 0.01, lat - 0.007],
        [lon + 0.01, lat + 0.007],
        [lon - 0.01, lat + 0.007],
        [lon - 0.01, lat - 0.007],
    ]
    return {
        "point": "{},{}".format(lon, lat),
        "resource": "bdtopo-valhalla",
        "resourceVersion": "2026-05-18",
        "costType": "time",
        "costValue": 15,
        "timeUnit": "minute",
        "profile": "pedestrian",
        "direction": "departure",
        "crs": "EPSG:4326",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "constraints": [],
        "alerts": [],
    }


def test_walking_isochrone(httpserver, client):
    httpserver.expect_request("/navigation/isochrone").respond_with_json(isochrone_reply(*SAINT_OMER_STATION))
    result = client.isochrone(*SAINT_OMER_STATION, 15)
    assert result.geometry["type"] == "Polygon" and result.cost_value == 15 and result.time_unit == "minute"
    assert (result.profile, result.resource, result.resource_version) == (
        "pedestrian",
        "bdtopo-valhalla",
        "2026-05-18",
    )
    feature = result.as_feature()
    assert feature["type"] == "Feature" and feature["properties"]["point"] == "2.26637,50.753254"
    sent = query(httpserver.log[0])
    assert sent == {
        "resource": "bdtopo-valhalla",
        "profile": "pedestrian",
        "costType": "time",
        "costValue": "15",
        "timeUnit": "minute",
        "point": "2.26637,50.753254",
        "direction": "departure",
        "geometryFormat": "geojson",
        "crs": "EPSG:4326",
    }


@pytest.mark.parametrize("status", [404, 200])
def test_point_off_the_network_gives_an_actionable_message(httpserver, client, status):
    # the reply reported on forum.data.gouv.fr (DATA_SOURCES.md §4.3), with an error or an OK status
    httpserver.expect_request("/navigation/isochrone").respond_with_json(
        {"error": {"errorType": "NotFound", "message": "No data found"}}, status=status
    )
    with pytest.raises(ign.PointNotRoutableError, match="Move the point onto a street") as info:
        client.isochrone(1.5, 50.9, 15)
    assert isinstance(info.value, InputError)
    assert "1.5, 50.9" in str(info.value)


def test_isochrone_without_polygon_is_reported(httpserver, client):
    httpserver.expect_request("/navigation/isochrone").respond_with_json(
        dict(isochrone_reply(2, 50), geometry="abc")
    )
    with pytest.raises(MalformedResponseError, match="did not return a polygon"):
        client.isochrone(2, 50, 10)


def test_normalize_properties_prefers_current_names_and_keeps_others():
    props = ign.normalize_properties(
        {"nom_officiel": "Saint-Omer", "nom": "ST OMER", "insee_com": "62765", "x": 1}, ign.COMMUNE_FIELDS
    )
    assert (props["nom"], props["code_insee"], props["x"], props["population"]) == (
        "Saint-Omer",
        "62765",
        1,
        None,
    )


def test_an_error_answer_is_not_served_again_from_the_cache(httpserver, client):
    body = {"exceptions": [{"code": "NoApplicableCode", "text": "Service temporarily overloaded"}]}
    httpserver.expect_oneshot_request("/wfs/ows").respond_with_json(body)
    httpserver.expect_request("/wfs/ows").respond_with_data(
        CURRENT.read_bytes(), content_type="application/json"
    )
    with pytest.raises(MalformedResponseError):
        client.get_features(ign.COMMUNES)
    assert len(client.get_features(ign.COMMUNES)) == 1


def test_a_server_ignoring_startindex_does_not_loop_forever(httpserver, client):
    page = json.loads(CURRENT.read_text(encoding="utf-8"))
    page["numberMatched"] = None  # unknown total: only the repeated page gives it away
    httpserver.expect_request("/wfs/ows").respond_with_json(page)
    with pytest.raises(MalformedResponseError, match="same page twice"):
        client.get_features(ign.COMMUNES, page_size=1)
    assert len(httpserver.log) == 2
