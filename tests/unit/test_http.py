"""The shared HTTP layer, against local servers only (no internet).

Replies are built from the shapes documented in DATA_SOURCES.md (data.gouv
error bodies ``{"message": ...}``, IGN ``Retry-After`` on 429) unless noted.
Waits go through a fake clock: no test sleeps for real.
"""

import base64
import email.utils
import http.server
import json
import threading

import pytest
from pytest_httpserver import HTTPServer
from ville_numerique.core import about
from ville_numerique.core.cache import DiskCache
from ville_numerique.core.errors import CanceledError, DataError, InputError, NetworkError
from ville_numerique.core.files import TEMP_PREFIX
from ville_numerique.core.http import (
    JSON_TYPES,
    ConnectionFailedError,
    ContentTypeError,
    HttpClient,
    HttpStatusError,
    MalformedResponseError,
    OfflineError,
    ProxyConfig,
    RateLimitedError,
    RateLimiter,
    RequestTimeoutError,
    RetryPolicy,
    ServiceRule,
    content_type_matches,
    parse_retry_after,
    read_proxy_config,
)
from ville_numerique.core.settings import load_settings, user_cache_dir
from werkzeug.wrappers import Response


class FakeClock:
    """Monotonic time that only moves when someone sleeps."""

    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds

    @property
    def total_slept(self):
        return sum(self.slept)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_client(httpserver, tmp_path, clock):
    """Client pointed at the local server, with a fake clock and no jitter."""

    def make(**options):
        base = httpserver.url_for("").rstrip("/")
        settings = load_settings(
            environ={}, qgis={}, datagouv_url=base, geopf_url=base, cache_dir=tmp_path / "cache"
        )
        options.setdefault("clock", clock)
        options.setdefault("jitter", lambda: 1.0)
        options.setdefault("proxies", {})
        options.setdefault("retry", RetryPolicy(max_retries=3, backoff=0.5, max_wait=30))
        return HttpClient(settings, **options)

    return make


@pytest.fixture
def client(make_client):
    return make_client()


# --------------------------------------------------------------------------
# Settings
# --------------------------------------------------------------------------
def test_settings_defaults_point_at_the_live_services(tmp_path):
    settings = load_settings(environ={"HOME": str(tmp_path)}, qgis={})
    assert settings.datagouv_url == "https://www.data.gouv.fr"
    assert settings.geopf_url == "https://data.geopf.fr"
    assert settings.offline is False
    assert settings.cache_dir == user_cache_dir({"HOME": str(tmp_path)})
    assert settings.cache_dir.name == "ville_numerique"


def test_environment_variables_override_qgis_settings(tmp_path):
    environ = {
        "VILLE_NUMERIQUE_DATAGOUV_URL": "http://127.0.0.1:9999/",
        "VILLE_NUMERIQUE_CACHE_DIR": str(tmp_path / "c"),
        "VILLE_NUMERIQUE_OFFLINE": "1",
    }
    qgis = {
        "ville_numerique/datagouv_url": "https://demo.data.gouv.fr",
        "ville_numerique/geopf_url": "http://ign.test",
    }
    settings = load_settings(environ=environ, qgis=qgis)
    assert settings.datagouv_url == "http://127.0.0.1:9999"  # env wins, trailing slash removed
    assert settings.geopf_url == "http://ign.test"  # from QGIS settings
    assert settings.cache_dir == tmp_path / "c"
    assert settings.offline is True


def test_a_wrong_setting_names_the_variable():
    with pytest.raises(InputError, match="VILLE_NUMERIQUE_READ_TIMEOUT"):
        load_settings(environ={"VILLE_NUMERIQUE_READ_TIMEOUT": "soon"}, qgis={})


# --------------------------------------------------------------------------
# Basics: User-Agent, JSON, typed errors
# --------------------------------------------------------------------------
def test_user_agent_names_the_plugin_and_its_version(httpserver, client):
    httpserver.expect_request("/api/1/site/", headers={"User-Agent": about.user_agent()}).respond_with_json(
        {"ok": 1}
    )
    assert client.get_json(httpserver.url_for("/api/1/site/")) == {"ok": 1}
    assert about.user_agent().startswith("ville_numerique/")


def test_permanent_404_is_not_retried_and_says_what_to_check(httpserver, client):
    # data.gouv error body: {"message": ...} (DATA_SOURCES.md §1.1)
    httpserver.expect_request("/api/1/datasets/nope/").respond_with_json(
        {"message": "Dataset not found"}, status=404
    )
    with pytest.raises(HttpStatusError) as info:
        client.get_json(httpserver.url_for("/api/1/datasets/nope/"))
    error = info.value
    assert error.status == 404 and error.server_message == "Dataset not found"
    assert "localhost" in str(error) and "HTTP 404: Dataset not found" in str(error)
    assert "Check the address" in str(error)
    assert len(httpserver.log) == 1
    assert isinstance(error, NetworkError)


def test_500_then_503_then_success_is_retried_with_exponential_backoff(httpserver, make_client, clock):
    client = make_client(rules=[], default_rate=1e9)  # no rate-limit wait: only the backoff is measured
    url = httpserver.url_for("/wfs/ows")
    httpserver.expect_oneshot_request("/wfs/ows").respond_with_data("boom", status=500)
    httpserver.expect_oneshot_request("/wfs/ows").respond_with_data("busy", status=503)
    httpserver.expect_request("/wfs/ows").respond_with_json({"type": "FeatureCollection", "features": []})
    assert client.get_json(url)["features"] == []
    assert len(httpserver.log) == 3
    # no Retry-After: 0.5 s then 1 s (jitter fixed at its maximum)
    assert clock.total_slept == pytest.approx(1.5)


def test_429_with_retry_after_seconds_waits_that_long_then_succeeds(httpserver, make_client, clock):
    client = make_client(jitter=lambda: 0.0)
    httpserver.expect_oneshot_request("/navigation/isochrone").respond_with_json(
        {"error": {"message": "Too many requests"}}, status=429, headers={"Retry-After": "2"}
    )
    httpserver.expect_request("/navigation/isochrone").respond_with_json({"geometry": None})
    assert client.get_json(httpserver.url_for("/navigation/isochrone")) == {"geometry": None}
    assert len(httpserver.log) == 2
    assert 2.0 - 1e-9 <= clock.total_slept <= 2.3  # Retry-After + the 5/s rate limit spacing (float sums)


def test_retry_after_as_http_date_is_understood():
    now = 1_700_000_000
    header = email.utils.formatdate(now + 7, usegmt=True)
    assert parse_retry_after(header, now=now) == pytest.approx(7)
    assert parse_retry_after("3") == 3
    assert parse_retry_after("not a date") is None
    assert parse_retry_after(email.utils.formatdate(now - 50, usegmt=True), now=now) == 0


def test_too_long_retry_after_fails_at_once_with_the_delay(httpserver, client, clock):
    httpserver.expect_request("/geocodage/search").respond_with_data(
        "", status=429, headers={"Retry-After": "120"}
    )
    with pytest.raises(RateLimitedError) as info:
        client.get_json(httpserver.url_for("/geocodage/search"))
    assert info.value.retry_after == 120
    assert "Wait 120 s" in str(info.value)
    assert len(httpserver.log) == 1
    assert clock.total_slept < 1


def test_persistent_503_gives_up_after_the_retries(httpserver, make_client):
    client = make_client(retry=RetryPolicy(max_retries=2, backoff=0.01))
    httpserver.expect_request("/api/1/datasets/").respond_with_json(
        {"message": "Service Unavailable"}, status=503
    )
    with pytest.raises(HttpStatusError, match="Try again later") as info:
        client.get_json(httpserver.url_for("/api/1/datasets/"))
    assert info.value.status == 503
    assert len(httpserver.log) == 3


def test_timeout_is_reported_with_the_host_and_the_delay(httpserver, make_client):
    release = threading.Event()

    def slow(request):
        release.wait(2)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    client = make_client(timeout=(1, 0.05), retry=RetryPolicy(max_retries=0))
    try:
        with pytest.raises(RequestTimeoutError, match=r"did not answer within 0\.05 s"):
            client.get_json(httpserver.url_for("/slow"))
    finally:
        release.set()


def test_unreachable_server_says_to_check_the_connection(tmp_path, clock):
    settings = load_settings(environ={}, qgis={}, cache_dir=tmp_path)
    client = HttpClient(settings, clock=clock, proxies={}, retry=RetryPolicy(max_retries=1, backoff=0.01))
    with pytest.raises(ConnectionFailedError, match="Cannot reach the server 127.0.0.1") as info:
        client.get_json("http://127.0.0.1:9/nothing")  # discard port: connection refused
    assert info.value.host == "127.0.0.1"
    assert len(clock.slept) >= 1  # retried once before giving up


def test_malformed_json_is_a_data_error(httpserver, client):
    httpserver.expect_request("/api/1/datasets/").respond_with_data(
        '{"data": [', content_type="application/json"
    )
    with pytest.raises(MalformedResponseError, match="not valid JSON") as info:
        client.get_json(httpserver.url_for("/api/1/datasets/"))
    assert isinstance(info.value, DataError) and isinstance(info.value, NetworkError)


def test_html_page_instead_of_json_is_refused_before_parsing(httpserver, client):
    page = "<html><body>Authentification requise (portail captif)</body></html>"
    httpserver.expect_request("/api/1/datasets/").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    with pytest.raises(ContentTypeError, match="text/html") as info:
        client.get_json(httpserver.url_for("/api/1/datasets/"))
    assert "proxy" in str(info.value)


def test_cancellation_between_retries(httpserver, client):
    httpserver.expect_request("/wfs/ows").respond_with_data("", status=503)
    calls = []

    def canceled():
        calls.append(1)
        return len(calls) > 1  # cancel once the first attempt is made

    with pytest.raises(CanceledError):
        client.get_json(httpserver.url_for("/wfs/ows"), is_canceled=canceled)
    assert len(httpserver.log) == 1


def test_feedback_objects_with_iscanceled_are_accepted(httpserver, client):
    class Feedback:
        def isCanceled(self):  # noqa: N802 - QGIS API name
            return True

    httpserver.expect_request("/x").respond_with_json({})
    with pytest.raises(CanceledError):
        client.get_json(httpserver.url_for("/x"), is_canceled=Feedback())
    assert httpserver.log == []


# --------------------------------------------------------------------------
# Rate limit (fake clock)
# --------------------------------------------------------------------------
def test_rate_limiter_spaces_requests_per_service(clock):
    rules = [
        ServiceRule("https://data.geopf.fr/navigation/isochrone", 5, 0),
        ServiceRule("https://data.geopf.fr/wfs", 30, 0),
    ]
    limiter = RateLimiter(rules, clock)
    times = []
    for _ in range(6):
        limiter.acquire("https://data.geopf.fr/navigation/isochrone?point=2,50")
        times.append(clock.now)
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert gaps == pytest.approx([0.2] * 5)  # 5 requests per second
    start = clock.now
    for _ in range(4):
        limiter.acquire("https://data.geopf.fr/wfs/ows")
    assert clock.now - start == pytest.approx(3 / 30)  # WFS bucket is separate and faster


def test_rate_limit_recovers_after_idle_time(clock):
    limiter = RateLimiter([ServiceRule("http://a", 5, 0)], clock)
    limiter.acquire("http://a/1")
    clock.now += 10  # idle
    assert limiter.acquire("http://a/2") == 0


def test_client_applies_the_isochrone_limit(httpserver, client, clock):
    httpserver.expect_request("/navigation/isochrone").respond_with_json({})
    start = clock.now
    for _ in range(3):
        client.request("GET", httpserver.url_for("/navigation/isochrone"), cache=False)
    assert clock.now - start == pytest.approx(0.4)


# --------------------------------------------------------------------------
# Cache through the client
# --------------------------------------------------------------------------
def test_cache_hit_works_with_the_server_stopped(tmp_path, clock):
    server = HTTPServer(port=0)
    server.start()
    try:
        server.expect_request("/api/1/datasets/abc/").respond_with_json({"id": "abc"})
        url = server.url_for("/api/1/datasets/abc/")
        settings = load_settings(environ={}, qgis={}, cache_dir=tmp_path)
        client = HttpClient(settings, clock=clock, proxies={}, retry=RetryPolicy(max_retries=0))
        assert client.get_json(url) == {"id": "abc"}
    finally:
        server.stop()
    response = client.request("GET", url)
    assert response.from_cache and not response.stale
    assert response.json() == {"id": "abc"}


def test_stale_entry_served_when_the_server_is_down(tmp_path, clock):
    server = HTTPServer(port=0)
    server.start()
    try:
        server.expect_request("/d").respond_with_json({"v": 1})
        url = server.url_for("/d")
        cache = DiskCache(tmp_path, now=lambda: 0.0)
        client = HttpClient(
            load_settings(environ={}, qgis={}),
            cache=cache,
            clock=clock,
            proxies={},
            retry=RetryPolicy(max_retries=0),
        )
        client.get_json(url, ttl=10)
    finally:
        server.stop()
    cache.now = lambda: 100.0  # entry now stale
    response = client.request("GET", url, ttl=10)
    assert response.stale and response.json() == {"v": 1}


def test_etag_revalidation_304_serves_the_cache_and_refreshes_it(httpserver, tmp_path, make_client):
    now = [0.0]
    cache = DiskCache(tmp_path / "c", now=lambda: now[0])
    client = make_client(cache=cache)
    body = {"data": [1, 2, 3]}
    httpserver.expect_oneshot_request("/api/1/datasets/").respond_with_json(body, headers={"ETag": '"v1"'})
    httpserver.expect_request("/api/1/datasets/", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304
    )
    url = httpserver.url_for("/api/1/datasets/")
    assert client.get_json(url, ttl=60) == body
    now[0] = 120.0  # stale: must be revalidated
    response = client.request("GET", url, ttl=60)
    assert response.json() == body and response.from_cache
    assert len(httpserver.log) == 2 and httpserver.log[1][1].status_code == 304
    entry = next(cache.get(k) for k in cache.keys())
    assert entry.is_fresh(121.0) and entry.stored_at == 120.0


def test_last_modified_revalidation_sends_if_modified_since(httpserver, tmp_path, make_client):
    now = [0.0]
    client = make_client(cache=DiskCache(tmp_path / "c", now=lambda: now[0]))
    stamp = "Wed, 21 Oct 2015 07:28:00 GMT"
    httpserver.expect_oneshot_request("/f.csv").respond_with_data(
        "a;b\n1;2\n", content_type="text/csv", headers={"Last-Modified": stamp}
    )
    httpserver.expect_request("/f.csv", headers={"If-Modified-Since": stamp}).respond_with_data(
        "", status=304
    )
    client.request("GET", httpserver.url_for("/f.csv"), ttl=1)
    now[0] = 10.0
    assert client.request("GET", httpserver.url_for("/f.csv"), ttl=1).content == b"a;b\n1;2\n"
    assert len(httpserver.log) == 2


def test_offline_mode_serves_the_cache_and_names_the_missing_url(httpserver, tmp_path, make_client):
    httpserver.expect_request("/api/1/datasets/").respond_with_json({"data": []})
    url = httpserver.url_for("/api/1/datasets/")
    make_client().get_json(url, params={"schema": "LaMednum/standard-mediation-num"}, ttl=0)
    offline = make_client(offline=True)
    assert offline.get_json(url, params={"schema": "LaMednum/standard-mediation-num"}) == {"data": []}
    with pytest.raises(OfflineError) as info:
        offline.get_json(url, params={"q": "wifi"})
    assert "q=wifi" in str(info.value) and "not in the cache" in str(info.value)
    assert len(httpserver.log) == 1


def test_clear_cache_forgets_everything(httpserver, client):
    httpserver.expect_request("/a").respond_with_json({})
    client.get_json(httpserver.url_for("/a"))
    assert client.clear_cache() == 1
    client.get_json(httpserver.url_for("/a"))
    assert len(httpserver.log) == 2


# --------------------------------------------------------------------------
# Downloads
# --------------------------------------------------------------------------
def test_download_streams_to_disk_with_progress(httpserver, client, tmp_path):
    payload = b"id;nom\n" + b"".join(b"%d;lieu %d\n" % (i, i) for i in range(5000))
    httpserver.expect_request("/api/1/datasets/r/rid").respond_with_data(payload, content_type="text/csv")
    seen = []
    dest = client.download(
        httpserver.url_for("/api/1/datasets/r/rid"),
        tmp_path / "out" / "lieux.csv",
        progress=lambda done, total: seen.append((done, total)),
        chunk_size=4096,
    )
    assert dest.read_bytes() == payload
    assert seen[-1] == (len(payload), len(payload)) and len(seen) > 1
    assert [p.name for p in dest.parent.iterdir()] == ["lieux.csv"]


def test_canceled_download_leaves_no_partial_file(httpserver, client, tmp_path):
    def stream(request):
        chunks = (b"x" * 1024 for _ in range(64))
        return Response(chunks, content_type="text/csv", headers={"Content-Length": str(64 * 1024)})

    httpserver.expect_request("/big.csv").respond_with_handler(stream)
    dest = tmp_path / "big.csv"
    dest.write_bytes(b"previous version")
    progress = []
    with pytest.raises(CanceledError):
        client.download(
            httpserver.url_for("/big.csv"),
            dest,
            chunk_size=1024,
            progress=lambda done, total: progress.append(done),
            is_canceled=lambda: len(progress) >= 3,
        )
    assert dest.read_bytes() == b"previous version"  # untouched
    assert not list(tmp_path.rglob("*.part")) and not list(tmp_path.rglob("*.tmp"))
    assert not list(tmp_path.rglob(TEMP_PREFIX + "*"))  # core.files.atomic_write removed its file
    assert len(progress) == 3


def test_download_refuses_an_html_page(httpserver, client, tmp_path):
    httpserver.expect_request("/r/1").respond_with_data("<html>login</html>", content_type="text/html")
    with pytest.raises(ContentTypeError):
        client.download(httpserver.url_for("/r/1"), tmp_path / "f.csv")
    assert not (tmp_path / "f.csv").exists()


def test_download_is_served_from_the_cache_the_second_time(httpserver, client, tmp_path):
    httpserver.expect_request("/f.zip").respond_with_data(b"PK\x03\x04data", content_type="application/zip")
    client.download(httpserver.url_for("/f.zip"), tmp_path / "a.zip")
    client.download(httpserver.url_for("/f.zip"), tmp_path / "b.zip")
    assert (tmp_path / "b.zip").read_bytes() == b"PK\x03\x04data"
    assert len(httpserver.log) == 1


# --------------------------------------------------------------------------
# Proxy
# --------------------------------------------------------------------------
class _RecordingProxy(http.server.BaseHTTPRequestHandler):
    """A minimal HTTP proxy: records the request line, answers itself."""

    seen = []

    def do_GET(self):  # noqa: N802 - http.server API
        self.seen.append((self.requestline, self.headers.get("Proxy-Authorization")))
        body = json.dumps({"via": "proxy"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy_port():
    _RecordingProxy.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingProxy)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _qgis_proxy_settings(port, **extra):
    settings = {
        "proxy/proxyEnabled": "true",
        "proxy/proxyType": "HttpProxy",
        "proxy/proxyHost": "127.0.0.1",
        "proxy/proxyPort": str(port),
        "proxy/proxyUser": "agent",
        "proxy/proxyPassword": "p@ss:word",
    }
    settings.update(extra)
    return settings


def test_requests_go_through_the_qgis_proxy(proxy_port, tmp_path, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    config = read_proxy_config(_qgis_proxy_settings(proxy_port))
    client = HttpClient(load_settings(environ={}, qgis={}, cache_dir=tmp_path), proxies=config)
    assert client.get_json("http://data.geopf.fr.invalid/wfs/ows?SERVICE=WFS") == {"via": "proxy"}
    line, auth = _RecordingProxy.seen[0]
    assert line == "GET http://data.geopf.fr.invalid/wfs/ows?SERVICE=WFS HTTP/1.1"
    assert auth == "Basic " + base64.b64encode(b"agent:p@ss:word").decode()


def test_no_proxy_urls_bypass_the_proxy(proxy_port, httpserver, tmp_path, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpserver.expect_request("/direct").respond_with_json({"via": "direct"})
    settings = _qgis_proxy_settings(proxy_port, **{"proxy/noProxyUrls": [httpserver.url_for("")]})
    client = HttpClient(
        load_settings(environ={}, qgis={}, cache_dir=tmp_path), proxies=read_proxy_config(settings)
    )
    assert client.get_json(httpserver.url_for("/direct")) == {"via": "direct"}
    assert _RecordingProxy.seen == []


def test_proxy_settings_mapping_to_requests():
    assert read_proxy_config({}) is None
    assert read_proxy_config({"proxy/proxyEnabled": "false", "proxy/proxyHost": "p"}) is None
    # DefaultProxy = the system proxy, which requests reads from the environment
    assert read_proxy_config({"proxy/proxyEnabled": True, "proxy/proxyType": "DefaultProxy"}) is None
    socks = {
        "proxy/proxyEnabled": True,
        "proxy/proxyType": "Socks5Proxy",
        "proxy/proxyHost": "s",
        "proxy/proxyPort": 1080,
    }
    assert read_proxy_config(socks).proxies_for() == {"http": "socks5h://s:1080", "https": "socks5h://s:1080"}
    legacy = {
        "proxy/proxyEnabled": True,
        "proxy/proxyType": "HttpProxy",
        "proxy/proxyHost": "p",
        "proxy/proxyPort": "3128",
        "proxy/proxyExcludedUrls": "https://intranet|https://sig.local",
    }
    config = read_proxy_config(legacy)
    assert config == ProxyConfig("http://p:3128", (), ("https://intranet", "https://sig.local"))
    assert config.proxies_for("https://sig.local/wfs") == {}
    assert config.proxies_for("https://data.geopf.fr/wfs") == {
        "http": "http://p:3128",
        "https": "http://p:3128",
    }


def test_outside_a_qgis_application_no_proxy_is_imposed():
    assert read_proxy_config() is None  # requests then honours the usual environment variables


def test_geojson_and_charset_variants_count_as_json():
    assert content_type_matches("application/geo+json", JSON_TYPES)
    assert content_type_matches("application/json;charset=UTF-8", JSON_TYPES)
    assert content_type_matches("application/vnd.geo+json", JSON_TYPES)
    assert not content_type_matches("text/html", JSON_TYPES)


def test_a_malformed_answer_is_not_kept_in_the_cache(httpserver, client):
    httpserver.expect_oneshot_request("/api/1/datasets/").respond_with_data(
        "{trunc", content_type="application/json"
    )
    httpserver.expect_request("/api/1/datasets/").respond_with_json({"data": []})
    with pytest.raises(MalformedResponseError):
        client.get_json(httpserver.url_for("/api/1/datasets/"))
    assert client.get_json(httpserver.url_for("/api/1/datasets/")) == {"data": []}
