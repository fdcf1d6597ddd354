"""Hostile servers and files through ``qgis_process.bin``, as a batch user meets them (issue 10).

The misbehaving server (tests/fake_servers.py) runs in this test process;
qgis_process runs in a subprocess pointed at it by environment variables.
Each case must end well under two minutes with a clear sentence, no
traceback, no output file, and a peak memory under 2 GB.
"""

import re
import resource
import time

import pytest
from ville_numerique.tests.fake_servers import HostileServer, zip_bomb

from .conftest import qgis_process_json

pytestmark = pytest.mark.slow

GB = 1024**3


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.close()


@pytest.fixture
def cli_env(qgis_process_env, hostile, tmp_path):
    env = dict(qgis_process_env)
    env.update(
        VILLE_NUMERIQUE_DATAGOUV_URL=hostile.base,
        VILLE_NUMERIQUE_GEOPF_URL=hostile.base,
        VILLE_NUMERIQUE_CACHE_DIR=str(tmp_path / "cache"),
        VILLE_NUMERIQUE_READ_TIMEOUT="10",
        VILLE_NUMERIQUE_LANG="en",
    )
    env.pop("VILLE_NUMERIQUE_OFFLINE", None)
    return env


def _drip_everything(server):
    original = type(server).handle
    server.handle = lambda h, path, query: original(server, h, "/drip", query)


CASES = {
    # name: (how the server misbehaves, extra environment, algorithm, parameters, what the user reads)
    "zip bomb": (
        lambda server, tmp_path: server.files.update(
            {"/bornes.zip": (zip_bomb(tmp_path / "bornes.zip").read_bytes(), "application/zip")}
        ),
        {},
        "datagouv_load",
        lambda server: {"RESOURCE": server.base + "/bornes.zip"},
        r"its member 'bornes.csv' would expand \d+ times .* zip bombs",
    ),
    "drip": (
        lambda server, tmp_path: _drip_everything(server),
        {"VILLE_NUMERIQUE_REQUEST_DEADLINE": "4"},
        "fetch_ign",
        lambda server: {"LAYER": 0, "COMMUNES": "29158"},
        r"did not send its whole answer within 4 s",
    ),
    "endless WFS pages": (
        lambda server, tmp_path: None,
        {"VILLE_NUMERIQUE_MAX_PAGES": "5"},
        "fetch_ign",
        lambda server: {"LAYER": 0, "COMMUNES": "29158"},
        r"sent more than 5 pages of features of",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_server_ends_in_a_sentence(cli_env, hostile, tmp_path, case):
    misbehave, extra_env, name, parameters, message = CASES[case]
    misbehave(hostile, tmp_path)
    env = dict(cli_env, **extra_env)
    output = tmp_path / "out.gpkg"
    arguments = ["{}={}".format(k, v) for k, v in dict(parameters(hostile), OUTPUT=str(output)).items()]
    started = time.monotonic()
    code, _data, log = qgis_process_json(env, "run", "ville_numerique:" + name, "--", *arguments, timeout=120)
    elapsed = time.monotonic() - started
    assert code != 0
    assert re.search(message, log), log
    assert "Traceback" not in log
    assert not output.exists()
    assert elapsed < 60
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 < 2 * GB
