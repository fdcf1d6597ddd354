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
* QGIS's proxy settings when running inside QGIS (:func:`read_proxy_config`);
* bounds on what one server may cost (:mod:`.http_limits`): an overall
  deadline per request, a size limit for API answers and for downloads,
  redirects refused towards local or private addresses.

The errors, the retry/rate-limit policy and the proxy live in
:mod:`.http_errors`, :mod:`.http_policy` and :mod:`.http_proxy`; their
public names are re-exported here.
"""

import random
import shutil
from contextlib import closing, nullcontext
from pathlib import Path
from urllib.parse import urljoin

from .about import user_agent
from .cache import MB, DiskCache, cache_key
from .files import atomic_write
from .http_errors import (  # noqa: F401 - re-exported
    ERROR_BODY_LIMIT,
    ConnectionFailedError,
    ContentTypeError,
    DeadlineExceededError,
    HttpError,
    HttpStatusError,
    IncompleteDownloadError,
    MalformedResponseError,
    OfflineError,
    PagingError,
    RateLimitedError,
    RedirectRefusedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    _request_exception_error,
    canceled_error,
    deadline_error,
    host_of,
    server_message,
    status_error,
    too_large_error,
)
from .http_limits import (
    MAX_REDIRECTS,
    PageGuard,  # noqa: F401 - re-exported
    RequestWatch,
    announced_length,
    check_announced,
    check_redirect,
    read_capped,
    too_many_redirects,
    watch_session,
)
from .http_policy import (  # noqa: F401 - re-exported
    DAY,
    HOUR,
    RETRY_STATUSES,
    RateLimiter,
    RetryPolicy,
    ServiceRule,
    SystemClock,
    TokenBucket,
    cancel_check,
    interruptible_sleep,
    match_rule,
    parse_retry_after,
    raise_if_canceled,
    service_rules,
)
from .http_proxy import ProxyConfig, read_proxy_config  # noqa: F401 - re-exported
from .http_response import HttpResponse, check_content_type, content_type_matches  # noqa: F401
from .i18n import tr
from .settings import load_settings, qgis_settings


def _requests():
    """``requests``, imported when first needed (not when QGIS loads the plugin)."""
    import requests

    return requests

JSON_TYPES = ("application/json", "application/geo+json", "text/json", "+json")

# --------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------
_DEFAULT = object()


class HttpClient:
    """The HTTP client shared by every remote source.

    Everything is injectable for tests: ``settings`` (endpoints, cache folder,
    offline mode, time-outs, limits), ``cache`` (a :class:`DiskCache`, None to
    disable), ``retry`` (:class:`RetryPolicy`), ``rules`` (rate/TTL per
    service), ``proxies`` (a dict, a :class:`ProxyConfig`, or None for QGIS's
    proxy), ``session``, ``clock`` (monotonic + sleep) and ``jitter``.

    Limits (from ``settings``): ``request_deadline`` / ``download_deadline``
    seconds for the whole of one request (retries included), ``json_max_mb``
    for an answer read in memory, ``download_max_mb`` for a downloaded file.
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
        self.proxy = read_proxy_config(qgis_settings()) if proxies is None else proxies
        self.session = watch_session(session or _requests().Session())
        self.session.headers["User-Agent"] = user_agent()

    @property
    def json_max_bytes(self):
        return int(self.settings.json_max_mb * MB)

    @property
    def download_max_bytes(self):
        return int(self.settings.download_max_mb * MB)

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
        default, other methods when ``ttl`` is given). The body is read in
        memory up to ``json_max_mb``; the whole request must end within
        ``request_deadline``.
        """
        check = cancel_check(is_canceled)
        key, entry = self._lookup(method, url, params, data, ttl, cache)
        with RequestWatch(self.settings.request_deadline) as watch:
            response, entry = self._fetch(method, url, params, data, headers, key, entry, check, watch)
            if response is None:
                cached = self._from_entry(key, entry)
                if cached is not None:
                    if expect is not None:
                        check_content_type(cached.url, cached.content_type, expect)
                    return cached
                response, _ = self._fetch(method, url, params, data, headers, key, None, check, watch)
            with closing(response):
                check_content_type(response.url, response.headers.get("content-type"), expect)
                content = self._read_body(response, check, watch)
                result = HttpResponse(response.url, response.status_code, response.headers, content)
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
        final_url=None,
    ):
        """Stream ``url`` to the file ``dest``; return its Path.

        ``final_url(address)``, when given, is called with the address the file
        came from after redirects (not when the cached copy is served).

        ``progress(done, total)`` is called as bytes arrive (``total`` None
        when unknown). The file is written under a temporary name in the same
        folder and renamed when complete: on error or cancellation no partial
        file is left and an existing ``dest`` is untouched. At most
        ``download_max_mb`` are written, within ``download_deadline``.
        """
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        check = cancel_check(is_canceled)
        key, entry = self._lookup("GET", url, params, None, ttl, cache)
        with RequestWatch(self.settings.download_deadline) as watch:
            response, entry = self._fetch("GET", url, params, None, None, key, entry, check, watch)
            if response is None:
                installed = self._install_entry(key, entry, dest, progress)
                if installed is not None:
                    return installed
                response, _ = self._fetch("GET", url, params, None, None, key, None, check, watch)
            with closing(response):
                check_content_type(response.url, response.headers.get("content-type"), expect)
                if final_url is not None:
                    final_url(response.url)

                def write(tmp):
                    self._stream_into(response, tmp, progress, check, chunk_size, watch)
                    if key is not None and _storable(response):
                        self.cache.put_file(key, tmp, url=url, ttl=self._ttl(url, ttl), headers=response.headers)

                atomic_write(dest, write, suffix=dest.suffix)
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

    def _fetch(self, method, url, params, data, headers, key, entry, check, watch=None):
        """Decide between cache and network.

        Returns ``(response, None)`` for a successful network answer to read
        (streamed), or ``(None, entry)`` for the cache entry to serve: fresh,
        offline, revalidated by a 304, or stale when the server is unreachable
        or failing (5xx). Raises the typed error otherwise.
        """
        if entry is not None and (self.offline or entry.is_fresh(self.cache.now())):
            return None, entry
        if self.offline:
            raise self._offline_error(url, params)
        try:
            response = self._send(method, url, params, data, headers, entry, check, watch)
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
        full_url = _requests().Request("GET", url, params=params).prepare().url
        return OfflineError(
            tr(
                "Offline mode is on and {url} is not in the cache. Turn offline mode off in the "
                "Ville numérique settings (or unset VILLE_NUMERIQUE_OFFLINE) and run again once connected."
            ).format(url=full_url),
            url,
        )

    def _from_entry(self, key, entry):
        """The cached answer, or None (entry dropped) when its body cannot be read."""
        try:
            content = entry.read()
        except OSError:
            self._drop_unreadable(key, entry)
            return None
        stale = not entry.is_fresh(self.cache.now())
        from requests.structures import CaseInsensitiveDict

        headers = CaseInsensitiveDict(entry.headers)
        return HttpResponse(entry.url, 200, headers, content, from_cache=True, stale=stale)

    def _install_entry(self, key, entry, dest, progress):
        try:
            return self._install(entry.body_path, dest, progress)
        except FileNotFoundError:
            self._drop_unreadable(key, entry)
            return None

    def _drop_unreadable(self, key, entry):
        self.cache.warn(
            tr(
                "An entry of the download cache vanished while it was read (another QGIS may have cleared "
                "it): {url} is downloaded again."
            ).format(url=entry.url)
        )
        if key is not None:
            self.cache.delete(key)

    def set_warn(self, warn):
        """Send the cache's warnings to ``warn`` (e.g. a Processing feedback's ``pushWarning``)."""
        if self.cache is not None:
            self.cache.warn = warn

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

    def _send(self, method, url, params, data, headers, entry, check, watch=None):
        """One request with rate limit and retries; returns the last response."""
        watch = watch or RequestWatch(self.settings.request_deadline)
        headers = self._conditional_headers(headers, entry)
        attempt = 0
        while True:
            raise_if_canceled(check)
            self.limiter.acquire(url, check)
            response, error = self._attempt(method, url, params, data, headers, watch)
            delay = self._retry_delay(attempt, response, error)
            if delay is not None and delay >= watch.remaining():
                delay = None  # no time left for another try
                if error is None and response is not None and response.status_code in self.retry.statuses:
                    error = deadline_error(url, watch.seconds)
                    response.close()
                    response = None
            if delay is None:
                if error is not None:
                    raise error
                return response
            if response is not None:
                response.close()
            interruptible_sleep(self.clock, delay, check)
            attempt += 1

    def _timeouts(self, watch):
        remaining = max(0.01, watch.remaining())
        return (min(self.timeout[0], remaining), min(self.timeout[1], remaining))

    def _attempt(self, method, url, params, data, headers, watch):
        """Send once, following redirects that stay allowed: (response, None) or (None, typed error)."""
        current, hops = url, 0
        try:
            while True:
                if watch.expired or watch.remaining() <= 0:
                    return None, deadline_error(url, watch.seconds)
                response = self.session.request(
                    method,
                    current,
                    params=params if hops == 0 else None,
                    data=data,
                    headers=headers,
                    timeout=self._timeouts(watch),
                    proxies=self._proxies_for(current),
                    stream=True,
                    allow_redirects=False,
                )
                if not response.is_redirect:
                    return response, None
                target = urljoin(response.url, self.session.get_redirect_target(response))
                status = response.status_code
                response.close()
                hops += 1
                if hops > MAX_REDIRECTS:
                    return None, too_many_redirects(url)
                check_redirect(url, target)
                if status == 303 or (status in (301, 302) and method.upper() == "POST"):
                    method, data = "GET", None
                current = target
        except RedirectRefusedError as error:
            return None, error
        except _requests().RequestException as exc:
            return None, self._network_error(exc, current, watch)

    def _network_error(self, exc, url, watch):
        if watch.expired or watch.remaining() <= 0.01:
            return deadline_error(url, watch.seconds)
        return _request_exception_error(exc, url, self.timeout)

    def _retry_delay(self, attempt, response, error):
        """Delay before the next attempt, or None when this outcome is final."""
        if error is not None:
            retryable = (
                self.retry.retry_network_errors
                and isinstance(error, (ConnectionFailedError, RequestTimeoutError, IncompleteDownloadError))
                and not isinstance(error, DeadlineExceededError)
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

    # -- bodies ------------------------------------------------------------
    def _read_body(self, response, check, watch):
        """The body in memory, at most ``json_max_mb``, before the deadline."""
        try:
            content = read_capped(response, self.json_max_bytes, check)
        except _requests().RequestException as exc:
            raise self._network_error(exc, response.url, watch) from None
        if watch.expired:
            raise deadline_error(response.url, watch.seconds)
        return content

    def _stream_into(self, response, tmp, progress, check, chunk_size, watch=None):
        """Write the body to ``tmp`` (the temporary file of :func:`core.files.atomic_write`)."""
        watch = watch or nullcontext()
        limit = self.download_max_bytes
        check_announced(response, limit, download=True)
        total = announced_length(response)
        done = 0
        try:
            with open(tmp, "wb") as handle:
                for chunk in response.iter_content(chunk_size):
                    raise_if_canceled(check)
                    handle.write(chunk)
                    done += len(chunk)
                    if done > limit:
                        raise too_large_error(response.url, limit, True)
                    if progress is not None:
                        progress(done, total)
                raise_if_canceled(check)
            if getattr(watch, "expired", False):
                raise deadline_error(response.url, watch.seconds)
            if total is not None and done < total:
                raise IncompleteDownloadError(
                    tr("The download of {url} stopped after {done} of {total} bytes. Try again.").format(
                        url=response.url, done=done, total=total
                    ),
                    response.url,
                )
        except _requests().RequestException as exc:
            if isinstance(watch, RequestWatch):
                raise self._network_error(exc, response.url, watch) from None
            raise _request_exception_error(exc, response.url, self.timeout) from None

    @staticmethod
    def _install(source, dest, progress):
        """Copy ``source`` to ``dest`` atomically (:func:`core.files.atomic_write`)."""
        atomic_write(dest, lambda tmp: shutil.copyfile(source, tmp), suffix=dest.suffix)
        if progress is not None:
            size = dest.stat().st_size
            progress(size, size)
        return dest


def _storable(response):
    return response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "").lower()


def _read_limited(response):
    """At most ERROR_BODY_LIMIT bytes of an (error) body."""
    try:
        return next(response.iter_content(ERROR_BODY_LIMIT), b"")
    except Exception:  # noqa: BLE001 - an unreadable error body is an empty one
        return b""
