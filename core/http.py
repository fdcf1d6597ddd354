"""The one HTTP layer of Ville numérique (on ``requests``).

Every remote call of the plugin (data.gouv.fr, IGN Géoplateforme) goes
through :class:`HttpClient`, which gives them all:

* explicit connect/read time-outs;
* retries with exponential backoff and jitter on 429/500/502/503/504 and on
  network errors, honouring ``Retry-After`` (seconds or HTTP date) up to a
  bounded wait;
* a client-side rate limit per service (token bucket; IGN WFS 30/s,
  isochrone 5/s, geocoding 50/s, data.gouv.fr 10/s);
* ``User-Agent: ville_numerique/<version>``;
* typed errors whose text tells the user which server failed and what to do;
* cancellation (a callable or a QGIS feedback with ``isCanceled()``) checked
  before each attempt, during waits and while streaming a download;
* streamed downloads written to a temporary file and renamed at the end
  (never a half-written output);
* an on-disk cache (:mod:`.cache`) with per-service time-to-live and
  ``ETag``/``Last-Modified`` revalidation, and an offline mode that serves the
  cache only;
* QGIS's proxy settings when running inside QGIS (:func:`read_proxy_config`).
"""

import email.utils
import json
import os
import random
import shutil
import tempfile
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests
from requests.structures import CaseInsensitiveDict

from .about import user_agent
from .cache import MB, DiskCache, cache_key
from .errors import CanceledError, DataError, NetworkError
from .i18n import tr
from .settings import load_settings, qgis_settings, to_bool

JSON_TYPES = ("application/json", "application/geo+json", "text/json", "+json")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HOUR = 3600.0
DAY = 24 * HOUR
ERROR_BODY_LIMIT = 64 * 1024


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------
def host_of(url):
    """The host name of ``url`` (``"data.geopf.fr"``), or the URL itself."""
    try:
        return urlsplit(url).hostname or url
    except (TypeError, ValueError):
        return str(url)


class HttpError(NetworkError):
    """A request failed; ``url`` and ``host`` tell which one."""

    def __init__(self, message, url=None):
        super().__init__(message)
        self.url = url
        self.host = host_of(url) if url else None


class HttpStatusError(HttpError):
    """The server answered with an HTTP error status."""

    def __init__(self, message, url, status, server_message=None):
        super().__init__(message, url)
        self.status = status
        self.server_message = server_message


class RateLimitedError(HttpStatusError):
    """HTTP 429 that could not be waited out; ``retry_after`` in seconds."""

    def __init__(self, message, url, server_message=None, retry_after=None):
        super().__init__(message, url, 429, server_message)
        self.retry_after = retry_after


class RequestTimeoutError(HttpError):
    """The server did not answer within the time-out."""


class ConnectionFailedError(HttpError):
    """The server could not be reached (no network, DNS, proxy, TLS)."""


class OfflineError(HttpError):
    """Offline mode is on and the answer is not in the cache."""


class ContentTypeError(HttpError):
    """The answer is not of the expected type (e.g. an HTML page, not JSON)."""


class MalformedResponseError(HttpError, DataError):
    """The answer has the right type but cannot be parsed (bad JSON...)."""


class IncompleteDownloadError(HttpError):
    """The connection closed before the whole file was received."""


def canceled_error():
    return CanceledError(tr("The operation was canceled."))


def _detail(server_message):
    return ": {}".format(server_message) if server_message else ""


def status_error(status, url, server_message=None, retry_after=None):
    """The typed error of an HTTP error ``status``, with a message for the user."""
    host, detail = host_of(url), _detail(server_message)
    if status == 429:
        wait = int(round(retry_after)) if retry_after is not None else 5
        message = tr(
            "The server {host} received too many requests (HTTP 429{detail}). Wait {seconds} s and try again."
        ).format(host=host, detail=detail, seconds=wait)
        return RateLimitedError(message, url, server_message, retry_after)
    if status in (404, 410):
        message = tr(
            "The server {host} has no resource at {url} (HTTP {status}{detail}). "
            "Check the address or the identifier: the data may have moved or been deleted."
        )
    elif status == 407:
        message = tr(
            "Your proxy asks for a user name and a password (HTTP 407, server {host}). "
            "Enter them in QGIS: Settings > Options > Network."
        )
    elif status in (401, 403):
        message = tr(
            "The server {host} refused access (HTTP {status}{detail}). The data may be restricted, "
            "or a proxy may block it: check the network settings of QGIS."
        )
    elif 400 <= status < 500:
        message = tr(
            "The server {host} rejected the request (HTTP {status}{detail}). Check the parameters of {url}."
        )
    else:
        message = tr("The server {host} has a problem (HTTP {status}{detail}). Try again later.")
    return HttpStatusError(
        message.format(host=host, url=url, status=status, detail=detail), url, status, server_message
    )


def server_message(content, content_type=""):
    """The error message of an error body (data.gouv, IGN, GeoServer), or None.

    Understands ``{"message": ...}``, ``{"error": {"message": ...}}``,
    ``{"error": "..."}``, GeoServer's ``{"exceptions": [{"text": ...}]}`` and
    OWS XML ``<ows:ExceptionText>``.
    """
    if not content:
        return None
    text = content[:ERROR_BODY_LIMIT].decode("utf-8", "replace").strip()
    try:
        return _json_message(json.loads(text))
    except ValueError:
        pass
    if "ExceptionText>" in text:
        start = text.index("ExceptionText>") + len("ExceptionText>")
        end = text.find("<", start)
        return text[start:end].strip() or None
    return None


def _json_message(payload):
    if not isinstance(payload, dict):
        return None
    error = payload.get("error")
    if isinstance(error, dict):
        error = error.get("message") or error.get("description")
    if isinstance(error, str) and error:
        return error
    exceptions = payload.get("exceptions")
    if isinstance(exceptions, list) and exceptions and isinstance(exceptions[0], dict):
        return exceptions[0].get("text")
    message = payload.get("message") or payload.get("detail")
    return str(message) if message else None


def _request_exception_error(exc, url, timeout):
    """Translate a ``requests`` exception into a typed, user-readable error."""
    host = host_of(url)
    if isinstance(exc, requests.exceptions.ProxyError):
        return ConnectionFailedError(
            tr(
                "The proxy could not forward the request to {host}. "
                "Check the proxy settings of QGIS (Settings > Options > Network)."
            ).format(host=host),
            url,
        )
    if isinstance(exc, requests.exceptions.SSLError):
        return ConnectionFailedError(
            tr(
                "The secure connection to {host} failed (certificate or TLS problem). "
                "If your organisation filters HTTPS, ask its IT department for its certificate."
            ).format(host=host),
            url,
        )
    if isinstance(exc, requests.Timeout):
        seconds = timeout[1] if isinstance(exc, requests.exceptions.ReadTimeout) else timeout[0]
        return RequestTimeoutError(
            tr(
                "The server {host} did not answer within {seconds} s. "
                "Check your connection or try again later; the time-out can be raised in the settings."
            ).format(host=host, seconds=_seconds(seconds)),
            url,
        )
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return IncompleteDownloadError(
            tr("The connection to {host} was cut during the transfer. Try again.").format(host=host), url
        )
    if isinstance(exc, requests.ConnectionError):
        return ConnectionFailedError(
            tr(
                "Cannot reach the server {host}. Check your internet connection and the proxy "
                "settings of QGIS, or turn on offline mode to use the data already downloaded."
            ).format(host=host),
            url,
        )
    return HttpError(
        tr("The request to {host} could not be sent ({error}). Check the address {url}.").format(
            host=host, error=exc, url=url
        ),
        url,
    )


def _seconds(value):
    return "{:g}".format(value)


# --------------------------------------------------------------------------
# Cancellation, clock, retry policy
# --------------------------------------------------------------------------
def cancel_check(is_canceled):
    """A no-argument callable telling whether to stop.

    ``is_canceled`` may be None, a callable, or a QGIS feedback object
    (anything with ``isCanceled()``).
    """
    if is_canceled is None:
        return lambda: False
    if hasattr(is_canceled, "isCanceled"):
        return is_canceled.isCanceled
    if callable(is_canceled):
        return is_canceled
    raise TypeError("is_canceled must be callable or have isCanceled()")


def raise_if_canceled(check):
    if check():
        raise canceled_error()


class SystemClock:
    """Real monotonic time and sleep (tests inject a fake with the same API)."""

    @staticmethod
    def monotonic():
        return time.monotonic()

    @staticmethod
    def sleep(seconds):
        time.sleep(seconds)


def interruptible_sleep(clock, seconds, check, step=0.1):
    """Sleep ``seconds`` in slices of ``step``, raising CanceledError if asked."""
    remaining = seconds
    while remaining > 0:
        raise_if_canceled(check)
        slice_ = min(step, remaining)
        clock.sleep(slice_)
        remaining -= slice_
    raise_if_canceled(check)


def parse_retry_after(value, now=None):
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date)."""
    if not value:
        return None
    value = str(value).strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        date = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if date is None:
        return None
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, date.timestamp() - now)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before trying a request again.

    ``backoff`` is the first delay, doubled at each retry up to
    ``backoff_max``, with jitter (between half and all of it). A
    ``Retry-After`` longer than ``max_wait`` is not waited for: the request
    fails at once with a message giving the delay.
    """

    max_retries: int = 4
    backoff: float = 0.5
    backoff_max: float = 30.0
    max_wait: float = 60.0
    statuses: frozenset = RETRY_STATUSES
    retry_network_errors: bool = True

    def delay(self, attempt, retry_after=None, jitter=random.random):
        """Seconds before retry ``attempt + 1``, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if retry_after is not None:
            if retry_after > self.max_wait:
                return None
            return min(self.max_wait, retry_after * (1 + 0.1 * jitter()))
        ceiling = min(self.backoff_max, self.backoff * 2**attempt)
        return min(self.max_wait, ceiling / 2 + jitter() * ceiling / 2)


# --------------------------------------------------------------------------
# Rate limit and per-service rules
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class ServiceRule:
    """Rate (requests/s) and cache time-to-live (s) of URLs under ``prefix``."""

    prefix: str
    rate: float
    ttl: float


def service_rules(settings):
    """Published per-IP limits of the services, on the configured endpoints.

    IGN: WFS 30/s, isochrone 5/s, itinéraire 5/s (the lower of two published
    figures), geocoding 50/s; data.gouv.fr: not published, 10/s kept.
    """
    geopf, datagouv = settings.geopf_url, settings.datagouv_url
    return [
        ServiceRule(geopf + "/wfs", 30, 7 * DAY),
        ServiceRule(geopf + "/navigation/isochrone", 5, 30 * DAY),
        ServiceRule(geopf + "/navigation", 5, 30 * DAY),
        ServiceRule(geopf + "/geocodage", 50, 30 * DAY),
        ServiceRule(geopf, 10, DAY),
        ServiceRule(datagouv + "/api/1/datasets/r/", 10, DAY),
        ServiceRule(datagouv, 10, HOUR),
    ]


def match_rule(rules, url):
    """The rule with the longest prefix matching ``url``, or None."""
    matches = [rule for rule in rules if url.startswith(rule.prefix)]
    return max(matches, key=lambda rule: len(rule.prefix)) if matches else None


class TokenBucket:
    """Token bucket: ``rate`` tokens per second, at most ``burst`` saved up."""

    def __init__(self, rate, clock, burst=1.0):
        self.rate = float(rate)
        self.burst = float(burst)
        self.clock = clock
        self._tokens = self.burst
        self._last = clock.monotonic()
        self._lock = threading.Lock()

    def reserve(self):
        """Take a token; return the seconds to wait before using it."""
        with self._lock:
            now = self.clock.monotonic()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1.0
            return 0.0 if self._tokens >= 0 else -self._tokens / self.rate


class RateLimiter:
    """One token bucket per service rule (or per host for other URLs)."""

    def __init__(self, rules, clock, default_rate=10.0):
        self.rules = list(rules)
        self.clock = clock
        self.default_rate = default_rate
        self._buckets = {}
        self._lock = threading.Lock()

    def _bucket(self, url):
        rule = match_rule(self.rules, url)
        name, rate = (rule.prefix, rule.rate) if rule else (host_of(url), self.default_rate)
        with self._lock:
            if name not in self._buckets:
                self._buckets[name] = TokenBucket(rate, self.clock)
            return self._buckets[name]

    def acquire(self, url, check=lambda: False):
        """Wait (cancellably) until a request to ``url`` is allowed."""
        wait = self._bucket(url).reserve()
        if wait > 0:
            interruptible_sleep(self.clock, wait, check)
        return wait


# --------------------------------------------------------------------------
# Proxy
# --------------------------------------------------------------------------
PROXY_SCHEMES = {"HttpProxy": "http", "HttpCachingProxy": "http", "Socks5Proxy": "socks5h"}


@dataclass(frozen=True)
class ProxyConfig:
    """QGIS's proxy for ``requests``.

    ``no_proxy``: URL prefixes reached directly (QGIS ``proxy/noProxyUrls``);
    ``system_proxy``: URL prefixes left to the system proxy (QGIS
    ``proxy/proxyExcludedUrls``: requests then reads the environment).
    """

    url: str
    no_proxy: tuple = ()
    system_proxy: tuple = ()

    def proxies_for(self, url=None):
        """The ``proxies`` dict to pass to ``requests`` for ``url``."""
        if url and _matches_any(url, self.no_proxy):
            return {"no_proxy": host_of(url)}
        if url and _matches_any(url, self.system_proxy):
            return {}
        return {"http": self.url, "https": self.url}


def _matches_any(url, prefixes):
    host = host_of(url)
    return any(url.startswith(p) or ("://" not in p and host == p.split("/")[0]) for p in prefixes)


def _url_list(value):
    """QGIS URL lists: a QStringList (list) or a ``|``-separated string."""
    if not value:
        return ()
    items = value if isinstance(value, (list, tuple)) else str(value).split("|")
    return tuple(str(item).strip() for item in items if str(item).strip())


def _auth_config_credentials(authcfg):
    """User and password of a QGIS authentication configuration (lazy QGIS)."""
    try:
        from qgis.core import QgsApplication, QgsAuthMethodConfig

        config = QgsAuthMethodConfig()
        QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True)
        return config.config("username", ""), config.config("password", "")
    except Exception:  # noqa: BLE001 - no auth database: no credentials
        return "", ""


def read_proxy_config(settings=None):
    """QGIS's proxy settings as a :class:`ProxyConfig`, or None.

    ``settings``: a dict-like with QGIS keys (``proxy/proxyEnabled``,
    ``proxy/proxyType``, ``proxy/proxyHost``, ``proxy/proxyPort``,
    ``proxy/proxyUser``, ``proxy/proxyPassword``, ``proxy/authcfg``,
    ``proxy/noProxyUrls``, ``proxy/proxyExcludedUrls`` — the keys of QGIS
    3.22); by default QGIS's own settings when a QGIS application runs.

    None means "no explicit proxy": proxy disabled, or type ``DefaultProxy``
    (the system proxy, which ``requests`` reads from the environment).
    """
    settings = qgis_settings() if settings is None else settings
    if settings is None or not to_bool(settings.get("proxy/proxyEnabled") or False):
        return None
    scheme = PROXY_SCHEMES.get(str(settings.get("proxy/proxyType") or "DefaultProxy"))
    host = str(settings.get("proxy/proxyHost") or "").strip()
    if scheme is None or not host:
        return None
    user = str(settings.get("proxy/proxyUser") or "")
    password = str(settings.get("proxy/proxyPassword") or "")
    authcfg = settings.get("proxy/authcfg")
    if authcfg and not user:
        user, password = _auth_config_credentials(authcfg)
    credentials = "{}:{}@".format(quote(user, safe=""), quote(password, safe="")) if user else ""
    port = str(settings.get("proxy/proxyPort") or "").strip()
    url = "{}://{}{}{}".format(scheme, credentials, host, ":" + port if port else "")
    return ProxyConfig(
        url,
        _url_list(settings.get("proxy/noProxyUrls")),
        _url_list(settings.get("proxy/proxyExcludedUrls")),
    )


def qgis_proxies(url=None, settings=None):
    """The ``requests`` ``proxies`` dict for ``url`` from QGIS's settings ({} if none)."""
    config = read_proxy_config(settings)
    return {} if config is None else config.proxies_for(url)


# --------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------
@dataclass
class HttpResponse:
    """A complete answer, from the network or from the cache."""

    url: str
    status: int
    headers: CaseInsensitiveDict
    content: bytes
    from_cache: bool = False
    stale: bool = False

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    @property
    def text(self):
        return self.content.decode(_charset(self.content_type), "replace")

    def json(self):
        """The body parsed as JSON, or MalformedResponseError."""
        try:
            return json.loads(self.content.decode(_charset(self.content_type, "utf-8-sig")))
        except (ValueError, LookupError) as exc:
            raise MalformedResponseError(
                tr(
                    "The server {host} sent an answer that is not valid JSON ({error}). "
                    "Try again later; if it persists, the service may have changed."
                ).format(host=host_of(self.url), error=exc),
                self.url,
            ) from None


def _charset(content_type, default="utf-8"):
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"')
    return default


def _media_type(content_type):
    return (content_type or "").split(";")[0].strip().lower()


def content_type_matches(content_type, expect):
    """Whether ``content_type`` is one of ``expect`` (``"+json"`` = suffix)."""
    media = _media_type(content_type)
    for wanted in expect:
        if wanted.startswith("+") and media.endswith(wanted):
            return True
        if wanted.endswith("/*") and media.startswith(wanted[:-1]):
            return True
        if media == wanted:
            return True
    return False


def check_content_type(url, content_type, expect):
    """Raise ContentTypeError when ``content_type`` is not one of ``expect``.

    A missing content type is accepted (the parser will judge); ``expect``
    None accepts anything but an HTML page.
    """
    media = _media_type(content_type)
    if not media:
        return
    if expect is None:
        if media != "text/html" or urlsplit(url).path.lower().endswith((".html", ".htm")):
            return
    elif content_type_matches(content_type, expect):
        return
    raise ContentTypeError(
        tr(
            "The server {host} answered with {received} instead of {expected}: probably an error or "
            "login page (proxy, captive portal). Check the address and the network settings of QGIS."
        ).format(
            host=host_of(url),
            received=media,
            expected=", ".join(e.lstrip("+") for e in expect) if expect else tr("a data file"),
        ),
        url,
    )


# --------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------
_DEFAULT = object()


class HttpClient:
    """The HTTP client shared by every remote source.

    Everything is injectable for tests: ``settings`` (endpoints, cache folder,
    offline mode, time-outs), ``cache`` (a :class:`DiskCache`, None to disable),
    ``retry`` (:class:`RetryPolicy`), ``rules`` (rate/TTL per service),
    ``proxies`` (a dict, a :class:`ProxyConfig`, or None for QGIS's proxy),
    ``session``, ``clock`` (monotonic + sleep) and ``jitter``.
    """

    def __init__(
        self,
        settings=None,
        *,
        cache=_DEFAULT,
        offline=None,
        timeout=None,
        retry=None,
        rules=None,
        default_rate=10.0,
        default_ttl=DAY,
        proxies=None,
        session=None,
        clock=None,
        jitter=random.random,
    ):
        self.settings = settings or load_settings()
        self.offline = self.settings.offline if offline is None else bool(offline)
        self.timeout = timeout or (self.settings.connect_timeout, self.settings.read_timeout)
        self.retry = retry or RetryPolicy()
        self.rules = service_rules(self.settings) if rules is None else list(rules)
        self.default_ttl = default_ttl
        self.clock = clock or SystemClock()
        self.jitter = jitter
        self.limiter = RateLimiter(self.rules, self.clock, default_rate)
        if cache is _DEFAULT:
            cache = DiskCache(self.settings.cache_dir, int(self.settings.cache_max_mb * MB))
        self.cache = cache
        self.proxy = read_proxy_config() if proxies is None else proxies
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent()

    # -- public API --------------------------------------------------------
    def get_json(self, url, params=None, **options):
        """GET ``url`` and return the parsed JSON (content type checked)."""
        options.setdefault("headers", {"Accept": "application/json, application/geo+json;q=0.9, */*;q=0.1"})
        response = self.request("GET", url, params=params, expect=JSON_TYPES, **options)
        try:
            return response.json()
        except MalformedResponseError:
            self.forget("GET", url, params)
            raise

    def forget(self, method, url, params=None, data=None):
        """Drop the cached answer of a request (e.g. found unusable by the caller)."""
        if self.cache is not None:
            self.cache.delete(cache_key(method, url, params, data))

    def request(
        self,
        method,
        url,
        *,
        params=None,
        data=None,
        headers=None,
        expect=None,
        ttl=None,
        cache=None,
        is_canceled=None,
    ):
        """Send a request (cache, rate limit, retries) and return an HttpResponse.

        ``expect``: accepted content types (e.g. :data:`JSON_TYPES`); ``ttl``:
        cache lifetime in seconds (default: per service); ``cache``: False to
        bypass the cache, True to cache a POST (GET answers are cached by
        default, other methods when ``ttl`` is given).
        """
        check = cancel_check(is_canceled)
        key, entry = self._lookup(method, url, params, data, ttl, cache)
        response, entry = self._fetch(method, url, params, data, headers, key, entry, check)
        if response is None:
            cached = self._from_entry(entry)
            if expect is not None:
                check_content_type(cached.url, cached.content_type, expect)
            return cached
        with closing(response):
            check_content_type(response.url, response.headers.get("content-type"), expect)
            result = HttpResponse(response.url, response.status_code, response.headers, response.content)
        if key is not None and _storable(response):
            self.cache.put(key, result.content, url=url, ttl=self._ttl(url, ttl), headers=response.headers)
        return result

    def download(
        self,
        url,
        dest,
        *,
        params=None,
        progress=None,
        is_canceled=None,
        expect=None,
        ttl=None,
        cache=None,
        chunk_size=64 * 1024,
    ):
        """Stream ``url`` to the file ``dest``; return its Path.

        ``progress(done, total)`` is called as bytes arrive (``total`` None
        when unknown). The file is written under a temporary name in the same
        folder and renamed when complete: on error or cancellation no partial
        file is left and an existing ``dest`` is untouched.
        """
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        check = cancel_check(is_canceled)
        key, entry = self._lookup("GET", url, params, None, ttl, cache)
        response, entry = self._fetch("GET", url, params, None, None, key, entry, check, stream=True)
        if response is None:
            return self._install(entry.body_path, dest, progress)
        with closing(response):
            check_content_type(response.url, response.headers.get("content-type"), expect)
            tmp = self._stream_to_temp(response, dest, progress, check, chunk_size)
        try:
            if key is not None and _storable(response):
                self.cache.put_file(key, tmp, url=url, ttl=self._ttl(url, ttl), headers=response.headers)
            os.replace(tmp, dest)
        finally:
            _remove(tmp)
        return dest

    def clear_cache(self):
        """Empty the cache; returns the number of entries removed."""
        return self.cache.clear() if self.cache is not None else 0

    # -- cache -------------------------------------------------------------
    def _ttl(self, url, ttl):
        if ttl is not None:
            return ttl
        rule = match_rule(self.rules, url)
        return rule.ttl if rule else self.default_ttl

    def _lookup(self, method, url, params, data, ttl, cache):
        """Cache key and current entry (None, None when not cacheable)."""
        wanted = cache is True or (cache is None and (method.upper() == "GET" or ttl is not None))
        cacheable = self.cache is not None and wanted
        if not cacheable:
            return None, None
        key = cache_key(method, url, params, data)
        return key, self.cache.get(key)

    def _fetch(self, method, url, params, data, headers, key, entry, check, stream=False):
        """Decide between cache and network.

        Returns ``(response, None)`` for a successful network answer to read,
        or ``(None, entry)`` for the cache entry to serve: fresh, offline,
        revalidated by a 304, or stale when the server is unreachable or
        failing (5xx). Raises the typed error otherwise.
        """
        if entry is not None and (self.offline or entry.is_fresh(self.cache.now())):
            return None, entry
        if self.offline:
            raise self._offline_error(url, params)
        try:
            response = self._send(method, url, params, data, headers, entry, check, stream)
        except (ConnectionFailedError, RequestTimeoutError, IncompleteDownloadError):
            if entry is None:
                raise
            return None, entry
        if entry is not None and (response.status_code == 304 or response.status_code >= 500):
            with closing(response):
                if response.status_code == 304:
                    entry = self.cache.refresh(key, self._ttl(url, None), response.headers) or entry
            return None, entry
        try:
            self._raise_for_status(response)
        except HttpError:
            response.close()
            raise
        return response, None

    @staticmethod
    def _offline_error(url, params=None):
        full_url = requests.Request("GET", url, params=params).prepare().url
        return OfflineError(
            tr(
                "Offline mode is on and {url} is not in the cache. Turn offline mode off in the "
                "Ville numérique settings (or unset VILLE_NUMERIQUE_OFFLINE) and run again once connected."
            ).format(url=full_url),
            url,
        )

    def _from_entry(self, entry):
        stale = not entry.is_fresh(self.cache.now())
        headers = CaseInsensitiveDict(entry.headers)
        return HttpResponse(entry.url, 200, headers, entry.read(), from_cache=True, stale=stale)

    @staticmethod
    def _conditional_headers(headers, entry):
        headers = dict(headers or {})
        if entry is not None:
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
        return headers

    # -- network -----------------------------------------------------------
    def _proxies_for(self, url):
        if self.proxy is None:
            return None
        if isinstance(self.proxy, ProxyConfig):
            return self.proxy.proxies_for(url)
        return dict(self.proxy)

    def _send(self, method, url, params, data, headers, entry, check, stream=False):
        """One request with rate limit and retries; returns the last response."""
        headers = self._conditional_headers(headers, entry)
        attempt = 0
        while True:
            raise_if_canceled(check)
            self.limiter.acquire(url, check)
            response, error = self._attempt(method, url, params, data, headers, stream)
            delay = self._retry_delay(attempt, response, error)
            if delay is None:
                if error is not None:
                    raise error
                return response
            if response is not None:
                response.close()
            interruptible_sleep(self.clock, delay, check)
            attempt += 1

    def _attempt(self, method, url, params, data, headers, stream):
        """Send once: (response, None) or (None, typed error)."""
        try:
            response = self.session.request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                timeout=self.timeout,
                proxies=self._proxies_for(url),
                stream=stream,
            )
            return response, None
        except requests.RequestException as exc:
            return None, _request_exception_error(exc, url, self.timeout)

    def _retry_delay(self, attempt, response, error):
        """Delay before the next attempt, or None when this outcome is final."""
        if error is not None:
            retryable = self.retry.retry_network_errors and isinstance(
                error, (ConnectionFailedError, RequestTimeoutError, IncompleteDownloadError)
            )
            return self.retry.delay(attempt, None, self.jitter) if retryable else None
        if response.status_code not in self.retry.statuses:
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return self.retry.delay(attempt, retry_after, self.jitter)

    def _raise_for_status(self, response):
        if response.status_code < 400:
            return
        body = _read_limited(response)
        message = server_message(body, response.headers.get("content-type", ""))
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        raise status_error(response.status_code, response.url, message, retry_after)

    # -- files -------------------------------------------------------------
    def _stream_to_temp(self, response, dest, progress, check, chunk_size):
        """Write the body to a temporary file next to ``dest``; return its path."""
        total = _content_length(response)
        fd, tmp = tempfile.mkstemp(dir=str(dest.parent), prefix="." + dest.name + ".", suffix=".part")
        done = 0
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in response.iter_content(chunk_size):
                    raise_if_canceled(check)
                    handle.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
                raise_if_canceled(check)
            if total is not None and done < total:
                raise IncompleteDownloadError(
                    tr("The download of {url} stopped after {done} of {total} bytes. Try again.").format(
                        url=response.url, done=done, total=total
                    ),
                    response.url,
                )
            return tmp
        except requests.RequestException as exc:
            _remove(tmp)
            raise _request_exception_error(exc, response.url, self.timeout) from None
        except BaseException:
            _remove(tmp)
            raise

    @staticmethod
    def _install(source, dest, progress):
        """Copy ``source`` to ``dest`` atomically (temporary file + rename)."""
        fd, tmp = tempfile.mkstemp(dir=str(dest.parent), prefix="." + dest.name + ".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, 1024 * 1024)
            os.replace(tmp, dest)
        finally:
            _remove(tmp)
        if progress is not None:
            size = dest.stat().st_size
            progress(size, size)
        return dest


def _storable(response):
    return response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "").lower()


def _content_length(response):
    """Announced body size, when it is the size we will receive."""
    if response.headers.get("Content-Encoding"):
        return None
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return None


def _read_limited(response):
    """At most ERROR_BODY_LIMIT bytes of an (error) body."""
    try:
        return next(response.iter_content(ERROR_BODY_LIMIT), b"")
    except Exception:  # noqa: BLE001 - an unreadable error body is an empty one
        return b""


def _remove(path):
    try:
        os.unlink(path)
    except (FileNotFoundError, TypeError):
        pass
