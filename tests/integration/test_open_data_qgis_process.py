"""The open-data algorithms through ``qgis_process.bin --json run``, as batch users run them.

The local server standing in for data.gouv.fr and the Géoplateforme runs in
this test process (see test_open_data_algorithms.py for what it serves and
which replies are real or built); qgis_process runs in a subprocess with the
endpoints pointed at it by environment variables. Each algorithm gets one
successful run (the documented layer) and one failure (a clear message, no
traceback, no output file).
"""

import json
import re
import shutil

import pytest

from .conftest import qgis_process_json
from .test_open_data_algorithms import (  # noqa: F401 - fixtures used by name
    GRID_EXTENT,
    R_WIFI,
    SAINT_OMER,
    SAINT_OMER_STATION,
    fake,
    served_files,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def cli_env(qgis_process_env, fake, tmp_path):  # noqa: F811
    env = dict(qgis_process_env)
    env.update(
        VILLE_NUMERIQUE_DATAGOUV_URL=fake.base,
        VILLE_NUMERIQUE_GEOPF_URL=fake.base,
        VILLE_NUMERIQUE_CACHE_DIR=str(tmp_path / "cache"),
        VILLE_NUMERIQUE_READ_TIMEOUT="10",
    )
    env.pop("VILLE_NUMERIQUE_OFFLINE", None)
    return env


def points_file(tmp_path, points):
    path = tmp_path / "points.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": name},
                        "geometry": {"type": "Point", "coordinates": list(xy)},
                    }
                    for name, xy in points
                ],
            }
        ),
        encoding="utf-8",
    )
    return str(path)


def run_cli(env, name, parameters):
    arguments = []
    for key, value in parameters.items():
        for item in value if isinstance(value, list) else [value]:
            arguments.append("{}={}".format(key, item))
    return qgis_process_json(env, "run", "ville_numerique:" + name, "--", *arguments)


def read_layer(path):
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    rows = [feature.items() for feature in layer]
    return dataset, layer, rows


def parameters_for(name, tmp_path):
    output = str(tmp_path / "{}.gpkg".format(name))
    return output, {
        "datagouv_search": {"Q": "lieux médiation numérique", "TAG": "inclusion-numerique"},
        "datagouv_load": {"RESOURCE": R_WIFI},
        "fetch_services": {"COMMUNES": SAINT_OMER},
        "fetch_ign": {"LAYER": 0, "COMMUNES": "29158"},
        "fetch_population": {"EXTENT": GRID_EXTENT},
        "isochrone": {
            "INPUT": points_file(tmp_path, [("gare", SAINT_OMER_STATION), ("centre", (2.2522, 50.7494))]),
            "ID_FIELD": "name",
            "MINUTES": "5,10",
        },
        "geocode": {"QUERY": "Saint-Omer;Arques;Atlantide", "KIND": 1, "LIMIT": 1},
    }[name]


@pytest.mark.parametrize(
    "name",
    ["datagouv_search", "datagouv_load", "fetch_services", "fetch_ign", "fetch_population", "isochrone", "geocode"],
)
def test_success(cli_env, fake, tmp_path, name):  # noqa: F811
    output, parameters = parameters_for(name, tmp_path)
    code, data, log = run_cli(cli_env, name, dict(parameters, OUTPUT=output))
    assert code == 0, log
    results = data["results"]
    assert results["OUTPUT"] == output
    _dataset, layer, rows = read_layer(output)
    if name == "datagouv_search":
        assert (results["DATASETS"], results["RESOURCES"], len(rows)) == (3, 5, 5)
        assert {r["format"] for r in rows} == {"csv", "json", "geojson"}
    elif name == "datagouv_load":
        assert (results["KEPT"], results["REJECTED"], len(rows)) == (277, 0, 277)
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    elif name == "fetch_services":
        assert results["COUNT"] == len(rows) == 10
        fs = [r for r in rows if r["id"] == "france-services:2640"][0]
        assert fs["horaires"] == "Mo-Fr 08:30-12:00,13:30-17:00" and fs["code_insee"] == SAINT_OMER
    elif name == "fetch_ign":
        assert len(rows) == 1 and (rows[0]["code_insee"], rows[0]["nom"], rows[0]["population"]) == (
            "29158",
            "Penmarch",
            5320,
        )
    elif name == "fetch_population":
        assert len(rows) == 125 and results["POPULATION_TOTAL"] == pytest.approx(15174.5)
        assert sum(r["ind"] for r in rows) == pytest.approx(15174.5)
    elif name == "isochrone":
        assert (results["COUNT"], results["NOT_ROUTABLE"], len(rows)) == (4, 0, 4)
        assert [r["minutes"] for r in rows] == [10, 10, 5, 5] and rows[0]["source_id"] == "gare"
    elif name == "geocode":
        assert (results["COUNT"], results["NOT_FOUND"], len(rows)) == (2, 1, 2)
        assert [(r["query"], r["citycode"], r["rank"]) for r in rows] == [
            ("Saint-Omer", "62765", 1),
            ("Arques", "62040", 1),
        ]


FAILURES = {
    # name: (how the service or the input fails, extra parameters, what the user reads)
    "datagouv_search": (
        lambda f, env: f.fault("/api/1/datasets/", "status", status=404, message="Not found"),
        {},
        r"has no resource at .* \(HTTP 404: Not found\)",
    ),
    "datagouv_load": (lambda f, env: f.fault("/files/", "html"), {}, "answered with text/html instead of"),
    "fetch_services": (
        lambda f, env: env.update(VILLE_NUMERIQUE_OFFLINE="1"),
        {},
        "Offline mode is on and .* is not in the cache",
    ),
    "fetch_ign": (lambda f, env: f.fault("/wfs/ows", "malformed"), {}, "not valid JSON"),
    "fetch_population": (
        lambda f, env: f.fault(
            "/wfs/ows", "status", status=429, message="Too many requests", headers={"Retry-After": "120"}
        ),
        {},
        r"too many requests \(HTTP 429: Too many requests\)\. Wait 120 s",
    ),
    "isochrone": (
        lambda f, env: None,
        {"ID_FIELD": "", "INPUT": "at sea"},
        "None of the 1 point.* could be reached on the IGN walking network",
    ),
    "geocode": (lambda f, env: None, {"CITYCODE": "6276"}, "'6276' is not an INSEE commune code"),
}


@pytest.mark.parametrize("name", list(FAILURES))
def test_failure_is_a_clear_message(cli_env, fake, tmp_path, name):  # noqa: F811
    break_it, extra, message = FAILURES[name]
    break_it(fake, cli_env)
    output, parameters = parameters_for(name, tmp_path)
    parameters.update(extra)
    if parameters.get("INPUT") == "at sea":
        parameters["INPUT"] = points_file(tmp_path, [("en mer", (-4.6, 47.7))])
    code, _data, log = run_cli(cli_env, name, dict(parameters, OUTPUT=output))
    assert code != 0
    assert re.search(message, log), log
    assert "Traceback" not in log
    assert not (tmp_path / "{}.gpkg".format(name)).exists()


def test_qgis_process_uses_the_proxy_of_the_qgis_settings(qgis_process_env, cli_env, fake, tmp_path):  # noqa: F811
    """The proxy written in the QGIS profile (Settings > Options > Network) carries the requests:
    the Géoplateforme address does not resolve, only the proxy reaches it."""
    home = tmp_path / "home"
    shutil.copytree(qgis_process_env["HOME"], home, symlinks=True)
    ini = home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    with open(ini, "a", encoding="utf-8") as stream:
        stream.write(
            "\n[proxy]\nproxyEnabled=true\nproxyType=HttpProxy\nproxyHost=127.0.0.1\nproxyPort={}\n".format(
                fake.base.rsplit(":", 1)[1]
            )
        )
    env = dict(
        cli_env,
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
        VILLE_NUMERIQUE_GEOPF_URL="http://geoplateforme.invalid",
    )
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        env.pop(name, None)
    output = str(tmp_path / "grid.gpkg")
    code, data, log = run_cli(env, "fetch_population", {"EXTENT": GRID_EXTENT, "OUTPUT": output})
    assert code == 0, log
    assert data["results"]["COUNT"] == 125
    assert fake.hosts and set(fake.hosts) == {"geoplateforme.invalid"}
