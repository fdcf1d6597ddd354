"""Issue 16 point 1 (end): ``last/`` resolves to the edition quarter it redirects to, also offline.

A local server redirects ``.../base_imb/last/...`` to ``.../base_imb/2026T3/...`` as data.arcep.fr
does; the download's final address (``HttpClient.download(final_url=…)``) gives the edition.
"""

import gzip

import pytest
from pytest_httpserver import HTTPServer  # noqa: F401 - the httpserver fixture
from ville_numerique.core.arcep_sources import ArcepClient, edition_of
from ville_numerique.core.http import HttpClient, RetryPolicy
from ville_numerique.core.settings import load_settings

LAST = "/fixe/maconnexioninternet/base_imb/last/departement/base_imb_62.csv.gz"
QUARTER = "/fixe/maconnexioninternet/base_imb/2026T3/departement/base_imb_62.csv.gz"
BODY = gzip.compress(b"imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc\n", mtime=0)


def test_edition_of_an_address():
    assert edition_of("https://data.arcep.fr/fixe/maconnexioninternet/base_imb/2026T3/departement/x.csv.gz") == \
        "2026T3"
    assert edition_of("https://data.arcep.fr/fixe/maconnexioninternet/statistiques/2026_T2/commune/x.csv") == \
        "2026_T2"
    assert edition_of("https://data.arcep.fr/fixe/maconnexioninternet/base_imb/last/departement/x.csv.gz") is None
    assert edition_of("https://example.org/T3/2026/x.csv") is None


@pytest.fixture
def client_for(httpserver, tmp_path):
    base = httpserver.url_for("").rstrip("/")

    def make(offline=False):
        settings = load_settings(environ={"VILLE_NUMERIQUE_ARCEP_URL": base}, qgis={}, cache_dir=tmp_path / "cache")
        return ArcepClient(HttpClient(settings, offline=offline, proxies={}, retry=RetryPolicy(max_retries=0)))

    return make


def test_last_resolves_to_the_quarter_it_redirects_to(httpserver, client_for, tmp_path):
    httpserver.expect_request(LAST).respond_with_data("", status=302, headers={"Location": QUARTER})
    httpserver.expect_request(QUARTER).respond_with_data(
        BODY, content_type="application/gzip", headers={"Last-Modified": "Wed, 30 Sep 2026 08:00:00 GMT"})
    client = client_for()
    url = client.buildings_url("62")
    assert url.endswith(LAST)
    path, edition = client.download(url, tmp_path / "dl")
    assert path.read_bytes() == BODY
    assert edition["edition"] == "2026T3"
    assert edition["final_url"] == httpserver.url_for(QUARTER)
    assert edition["url"] == url  # the address asked for stays what it was
    # offline, from the cache: the same file and the same edition, without the server
    httpserver.clear()
    offline = client_for(offline=True)
    again, cached = offline.download(url, tmp_path / "dl2")
    assert again.read_bytes() == BODY
    assert cached["edition"] == "2026T3" and cached["last_modified"] == "Wed, 30 Sep 2026 08:00:00 GMT"


def test_no_redirect_no_edition(httpserver, client_for, tmp_path):
    httpserver.expect_request(LAST).respond_with_data(BODY, content_type="application/gzip")
    client = client_for()
    _, edition = client.download(client.buildings_url("62"), tmp_path / "dl")
    assert "edition" not in edition and "final_url" not in edition


def test_http_download_reports_the_final_address(httpserver, tmp_path):
    httpserver.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data(b"x", content_type="application/octet-stream")
    settings = load_settings(environ={}, qgis={}, cache_dir=tmp_path / "cache")
    seen = []
    HttpClient(settings, proxies={}, retry=RetryPolicy(max_retries=0)).download(
        httpserver.url_for("/a"), tmp_path / "out.bin", final_url=seen.append)
    assert seen == [httpserver.url_for("/b")]
    assert (tmp_path / "out.bin").read_bytes() == b"x"
