"""One bad or hostile server must cost bounded time and memory, and end with a sentence.

Each test talks to :class:`HostileServer` (127.0.0.1) and is bounded by
``finishes_within``: before issue 10 the drips, endless pages and endless
bodies never returned (the test then fails instead of hanging), the big
answers were read whole, the redirect to a local address was followed.
"""

import json
import time

import pytest
from ville_numerique.core.datagouv import DataGouvClient
from ville_numerique.core.errors import VilleNumeriqueError
from ville_numerique.core.http import (
    DeadlineExceededError,
    HttpClient,
    MalformedResponseError,
    PagingError,
    RedirectRefusedError,
    ResponseTooLargeError,
    RetryPolicy,
)
from ville_numerique.core.http_limits import check_redirect, is_local_host
from ville_numerique.core.ign import IgnClient, WfsLayer
from ville_numerique.core.settings import load_settings
from ville_numerique.tests.fake_servers import BIG_JSON_BYTES, HostileServer, finishes_within

RID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.fixture
def server():
    fake = HostileServer()
    yield fake
    fake.close()


def client(server, tmp_path, *, base=None, proxies=None, **limits):
    base = base or server.base
    settings = load_settings(
        environ={}, qgis={}, datagouv_url=base, geopf_url=base, cache_dir=tmp_path / "cache", **limits
    )
    return HttpClient(settings, proxies=proxies or {}, retry=RetryPolicy(max_retries=2, backoff=0.01))


def says(error, *words):
    """The error is a user sentence (VilleNumeriqueError) containing ``words``."""
    assert isinstance(error, VilleNumeriqueError)
    text = str(error)
    assert "Traceback" not in text and text.endswith(".")
    for word in words:
        assert word in text, text
    return text


# --------------------------------------------------------------------------
# Overall deadline
# --------------------------------------------------------------------------
def test_a_body_dripping_one_byte_every_2_s_ends_at_the_deadline(server, tmp_path):
    http = client(server, tmp_path, request_deadline=3, read_timeout=10)
    started = time.monotonic()
    with pytest.raises(DeadlineExceededError) as info:
        finishes_within(15, http.get_json, server.base + "/drip")
    assert 2.5 <= time.monotonic() - started < 8  # the idle time-out (10 s) never fires: the deadline did
    says(info.value, "127.0.0.1", "within 3 s")


def test_headers_dripping_one_byte_at_a_time_end_at_the_deadline(server, tmp_path):
    server.drip_every = 0.5
    http = client(server, tmp_path, download_deadline=2, read_timeout=10)
    with pytest.raises(DeadlineExceededError) as info:
        finishes_within(15, http.download, server.base + "/drip-headers", tmp_path / "out.json")
    says(info.value, "within 2 s")
    assert list(tmp_path.glob("out.json*")) == [] and list(tmp_path.glob(".out.json*")) == []


def test_the_deadline_is_not_a_time_out_per_read(server, tmp_path):
    """The WFS client gets a clear sentence from a dripping server instead of hanging (fetch_ign)."""
    http = client(server, tmp_path, request_deadline=2, read_timeout=10)
    ign = IgnClient(http, base_url=server.base)
    server.handle = _always(server, "/drip")  # every path drips
    with pytest.raises(DeadlineExceededError):
        finishes_within(15, ign.get_features, WfsLayer("BDTOPO_V3:batiment"))


def _always(server, path):
    original = type(server).handle

    def handle(h, _path, query):
        return original(server, h, path, query)

    return handle


# --------------------------------------------------------------------------
# Body size
# --------------------------------------------------------------------------
def test_an_endless_download_stops_at_the_download_limit(server, tmp_path):
    http = client(server, tmp_path, download_max_mb=2)
    with pytest.raises(ResponseTooLargeError) as info:
        finishes_within(20, http.download, server.base + "/endless", tmp_path / "data.csv")
    says(info.value, "larger than 2 MB", "download limit")
    assert list(tmp_path.glob("*data.csv*")) == []  # no partial file
    assert server.sent["/endless"] < 50 * 1024 * 1024


def test_an_announced_300_mb_json_answer_is_refused_before_reading(server, tmp_path):
    http = client(server, tmp_path, json_max_mb=5)
    with pytest.raises(ResponseTooLargeError) as info:
        finishes_within(10, http.get_json, server.base + "/big-json")
    says(info.value, "larger than 5 MB")
    assert server.sent.get("/big-json", 0) < BIG_JSON_BYTES // 10


def test_an_unannounced_big_json_answer_is_cut_at_the_limit(server, tmp_path):
    import tracemalloc

    http = client(server, tmp_path, json_max_mb=5)
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            finishes_within(20, http.get_json, server.base + "/big-json-chunked")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024  # was: the whole answer, then its parse
    assert list((tmp_path / "cache").glob("*.body")) == []  # nothing cached


def test_json_nested_200000_deep_is_a_sentence(server, tmp_path):
    server.files["/deep"] = (b"[" * 200_000 + b"]" * 200_000, "application/json")
    http = client(server, tmp_path)
    with pytest.raises(MalformedResponseError) as info:
        finishes_within(10, http.get_json, server.base + "/deep")
    says(info.value, "nested too deeply")


# --------------------------------------------------------------------------
# Paging
# --------------------------------------------------------------------------
def test_wfs_pages_with_new_ids_forever_stop_at_the_page_limit(server, tmp_path):
    http = client(server, tmp_path, max_pages=5)
    ign = IgnClient(http, base_url=server.base)
    with pytest.raises(PagingError) as info:
        finishes_within(20, ign.get_features, WfsLayer("BDTOPO_V3:batiment"), page_size=100)
    says(info.value, "more than 5 pages", "features of BDTOPO_V3:batiment")
    assert server.count("/wfs/ows") == 6


def test_wfs_pages_stop_at_the_feature_limit(server, tmp_path):
    http = client(server, tmp_path, max_features=250)
    ign = IgnClient(http, base_url=server.base)
    with pytest.raises(PagingError) as info:
        finishes_within(20, ign.get_features, WfsLayer("BDTOPO_V3:batiment"), page_size=100)
    says(info.value, "more than 250 features of BDTOPO_V3:batiment")


def test_a_wfs_announcing_more_features_than_the_limit_is_refused_at_the_first_page(server, tmp_path):
    body = {"type": "FeatureCollection", "numberMatched": 2_000_000, "features": [
        {"type": "Feature", "id": "b.1", "geometry": None, "properties": {}}]}
    server.files["/wfs/ows"] = (json.dumps(body).encode(), "application/json")
    ign = IgnClient(client(server, tmp_path, max_features=1000), base_url=server.base)
    with pytest.raises(PagingError, match="more than 1000 features of BDTOPO_V3:batiment"):
        ign.get_features(WfsLayer("BDTOPO_V3:batiment"), page_size=1)
    assert server.count("/wfs/ows") == 1
    assert len(ign.get_features(WfsLayer("BDTOPO_V3:batiment"), page_size=1, max_features=1)) == 1


def test_a_wfs_page_with_nothing_new_stops_the_paging(server, tmp_path):
    server.wfs_mode = "repeat"
    ign = IgnClient(client(server, tmp_path), base_url=server.base)
    with pytest.raises(PagingError) as info:
        finishes_within(20, ign.get_features, WfsLayer("BDTOPO_V3:batiment"), page_size=10)
    says(info.value, "nothing new")
    assert server.count("/wfs/ows") == 2


def test_a_catalogue_of_empty_pages_with_a_next_page_ends(server, tmp_path):
    catalogue = DataGouvClient(client(server, tmp_path), base_url=server.base)
    assert finishes_within(10, catalogue.search_datasets, "wifi", max_results=100) == []
    assert server.count("/api/1/datasets/") == 1


def test_a_catalogue_repeating_its_page_under_new_numbers_is_refused(server, tmp_path):
    server.catalogue_mode = "repeat"
    catalogue = DataGouvClient(client(server, tmp_path), base_url=server.base)
    with pytest.raises(PagingError) as info:
        finishes_within(10, catalogue.search_datasets, "wifi", max_results=100)
    says(info.value, "nothing new")


def test_an_endless_catalogue_stops_at_the_page_limit(server, tmp_path):
    server.catalogue_mode = "endless"
    catalogue = DataGouvClient(client(server, tmp_path, max_pages=4), base_url=server.base)
    with pytest.raises(PagingError) as info:
        finishes_within(10, catalogue.search_datasets, "wifi", max_results=None)
    says(info.value, "more than 4 pages")


# --------------------------------------------------------------------------
# Redirects
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/secret",
        "http://localhost:{port}/secret",
        "http://10.1.2.3/intranet.csv",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/secret",
        "file:///etc/passwd",
    ],
)
def test_a_datagouv_link_redirecting_to_a_local_address_is_not_followed(server, tmp_path, target):
    """data.gouv.fr (reached through a proxy: the fake) redirects a resource link elsewhere."""
    port = server.httpd.server_address[1]
    server.redirect_to = target.format(port=port)
    server.files["/secret"] = (b"nom,lat,lon\nsecret,50,2\n", "text/csv")
    proxies = {"http": server.base, "https": server.base}
    http = client(server, tmp_path, base="http://www.data.gouv.fr", proxies=proxies)
    catalogue = DataGouvClient(http)
    link = catalogue.resource_url(RID)
    with pytest.raises(RedirectRefusedError) as info:
        finishes_within(10, http.download, link, tmp_path / "r.csv")
    says(info.value, "www.data.gouv.fr", "local or private network")
    assert server.count("/secret") == 0 and not (tmp_path / "r.csv").exists()


def test_a_redirect_to_a_public_host_is_followed(server, tmp_path):
    server.redirect_to = "http://static.data.gouv.fr/resources/wifi.csv"
    server.files["/resources/wifi.csv"] = (b"nom,lat,lon\nborne,50.75,2.25\n", "text/csv")
    proxies = {"http": server.base}
    http = client(server, tmp_path, base="http://www.data.gouv.fr", proxies=proxies)
    path = finishes_within(10, http.download, DataGouvClient(http).resource_url(RID), tmp_path / "r.csv")
    assert path.read_bytes() == b"nom,lat,lon\nborne,50.75,2.25\n"
    assert server.hosts == ["www.data.gouv.fr", "static.data.gouv.fr"]


def test_a_local_service_may_redirect_locally(server, tmp_path):
    """The configured service is itself local (a test server, an intranet mirror): allowed."""
    server.redirect_to = server.base + "/secret"
    server.files["/secret"] = (b"ok", "text/csv")
    http = client(server, tmp_path)
    path = http.download(DataGouvClient(http).resource_url(RID), tmp_path / "r.csv")
    assert path.read_bytes() == b"ok"


def test_redirect_rules():
    assert is_local_host("127.0.0.1") and is_local_host("localhost") and is_local_host("10.0.0.8")
    assert is_local_host("fe80::1") and is_local_host("::ffff:192.168.0.1")
    assert not is_local_host("8.8.8.8") and not is_local_host("name.that.does.not.resolve.invalid")
    check_redirect("https://www.data.gouv.fr/a", "https://static.data.gouv.fr/b")  # public: followed
    check_redirect("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b")  # local service: followed
    with pytest.raises(RedirectRefusedError):
        check_redirect("https://www.data.gouv.fr/a", "http://127.0.0.1/b")
    with pytest.raises(RedirectRefusedError):
        check_redirect("https://www.data.gouv.fr/a", "ftp://static.data.gouv.fr/b")


def test_the_limits_come_from_the_environment():
    settings = load_settings(
        environ={
            "VILLE_NUMERIQUE_REQUEST_DEADLINE": "30",
            "VILLE_NUMERIQUE_JSON_MAX_MB": "12,5",
            "VILLE_NUMERIQUE_MAX_PAGES": "7",
        },
        qgis={"ville_numerique/download_max_mb": "100"},
    )
    assert settings.request_deadline == 30.0 and settings.json_max_mb == 12.5
    assert settings.max_pages == 7 and isinstance(settings.max_pages, int)
    assert settings.download_max_mb == 100.0
    with pytest.raises(VilleNumeriqueError, match="VILLE_NUMERIQUE_MAX_PAGES"):
        load_settings(environ={"VILLE_NUMERIQUE_MAX_PAGES": "2.5"}, qgis={})


def test_ids_that_are_not_text_do_not_break_the_paging_guard(server, tmp_path):
    body = {"type": "FeatureCollection", "features": [{"type": "Feature", "id": {"x": [1]}, "geometry": None}]}
    server.files["/wfs/ows"] = (json.dumps(body).encode(), "application/json")
    server.handle = _files_only(server)
    ign = IgnClient(client(server, tmp_path), base_url=server.base)
    assert len(ign.get_features(WfsLayer("x:y"), page_size=10)) == 1


def _files_only(server):
    def handle(h, path, query):
        body, content_type = server.files[path]
        return server._send(h, body, content_type)

    return handle


def test_catalogue_fields_of_the_wrong_type_are_left_empty(server, tmp_path):
    page = {
        "data": [
            {
                "id": "d1",
                "title": ["not", "text"],
                "organization": "an-organisation-as-text",
                "tags": 5,
                "last_update": {"when": "now"},
                "resources": [
                    "not an object",
                    {"id": 7, "format": None, "schema": "LaMednum", "url": ["x"], "filesize": "big"},
                ],
            }
        ],
        "next_page": None,
    }
    server.files["/api/1/datasets/"] = (json.dumps(page).encode(), "application/json")
    datasets = DataGouvClient(client(server, tmp_path), base_url=server.base).search_datasets("wifi")
    (dataset,) = datasets
    assert (dataset.id, dataset.title, dataset.organization, dataset.tags, dataset.last_update) == (
        "d1", "", None, [], None
    )
    (resource,) = dataset.resources
    assert (resource.id, resource.format, resource.schema, resource.url, resource.filesize) == ("7", "", None, "", None)


def test_geocoder_features_of_the_wrong_shape_are_skipped(server, tmp_path):
    good = {"geometry": {"coordinates": [2.25, 50.75]}, "properties": {"label": "Saint-Omer", "score": 0.9}}
    reply = {"features": [good, {"geometry": {"coordinates": ["a", 1]}}, {"geometry": None}, 3,
                          {"geometry": {"coordinates": [2, 50]}, "properties": ["x"]},
                          {"geometry": {"coordinates": [2, 50]}, "properties": {"score": "high"}}]}
    server.files["/geocodage/search"] = (json.dumps(reply).encode(), "application/json")
    results = IgnClient(client(server, tmp_path), base_url=server.base).geocode("Saint-Omer")
    assert [(r.label, r.score, r.lon, r.lat) for r in results] == [("Saint-Omer", 0.9, 2.25, 50.75)]
