"""Bounds on what one server may cost: time, memory, where redirects lead, pages.

* :class:`RequestWatch` — an overall deadline for one request (connection,
  waits, headers and body), enforced by shutting its sockets down when the
  time is up: a server dripping one byte every few seconds never resets it,
  unlike the idle read time-out of ``requests``;
* :func:`read_capped` — a streamed body read into memory up to a size limit;
* :func:`check_redirect` — a redirect may not leave the requested service's
  scheme and host for a loopback, private or link-local address (unless the
  service itself is on such an address, as local test servers are);
* :class:`PageGuard` — a paged listing (WFS, catalogue) is stopped after a
  number of pages or items, and when a page brings nothing new.
"""

import ipaddress
import socket
import threading
import time
from urllib.parse import urlsplit

from .http_errors import PagingError, RedirectRefusedError, host_of, too_large_error
from .http_policy import raise_if_canceled
from .i18n import tr

MB = 1024 * 1024
MAX_REDIRECTS = 10
CHUNK = 64 * 1024

_current = threading.local()


# --------------------------------------------------------------------------
# Overall deadline
# --------------------------------------------------------------------------
class RequestWatch:
    """The sockets of one request, shut down when ``seconds`` have passed.

    Use as a context manager around everything the request does (sending,
    retries, reading the body). Sockets opened (or reused) by ``requests``
    in this thread meanwhile are registered by :class:`WatchedAdapter`.
    Wall-clock (monotonic) time, whatever clock the client sleeps with.
    """

    def __init__(self, seconds):
        self.seconds = float(seconds)
        self.expired = False
        self._started = None
        self._sockets = []
        self._lock = threading.Lock()
        self._timer = None
        self._previous = None

    def remaining(self):
        if self._started is None:
            return self.seconds
        return max(0.0, self.seconds - (time.monotonic() - self._started))

    def add(self, sock):
        with self._lock:
            if sock is None or sock in self._sockets:
                return
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def expire(self):
        with self._lock:
            if self._timer is None:
                return  # the request is over
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def __enter__(self):
        self._started = time.monotonic()
        self._previous = getattr(_current, "watch", None)
        _current.watch = self
        self._timer = threading.Timer(self.seconds, self.expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc):
        with self._lock:
            self._timer.cancel()
            self._timer = None
            self._sockets = []
        _current.watch = self._previous
        return False


def _shutdown(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _register(sock):
    watch = getattr(_current, "watch", None)
    if watch is not None and sock is not None:
        watch.add(sock)


def watch_session(session):
    """Mount the watched adapter on a ``requests.Session`` (``core/http_watch.py``, which imports
    ``requests`` and ``urllib3``: loaded with the first session, not with the plugin)."""
    from .http_watch import watch_session as mount

    return mount(session)


# --------------------------------------------------------------------------
# Body size
# --------------------------------------------------------------------------
def announced_length(response):
    """Announced body size, when it is the size we will receive."""
    if response.headers.get("Content-Encoding"):
        return None
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return None


def check_announced(response, limit, download=False):
    """ResponseTooLargeError at once when the announced size exceeds ``limit`` bytes."""
    announced = announced_length(response)
    if announced is not None and announced > limit:
        raise too_large_error(response.url, limit, download)


def read_capped(response, limit, check):
    """The body of a streamed ``response``, at most ``limit`` bytes (decoded), else an error."""
    check_announced(response, limit)
    body = bytearray()
    for chunk in response.iter_content(CHUNK):
        raise_if_canceled(check)
        body += chunk
        if len(body) > limit:
            raise too_large_error(response.url, limit, False)
    return bytes(body)


# --------------------------------------------------------------------------
# Redirects
# --------------------------------------------------------------------------
def _addresses(host):
    """IP addresses of ``host`` (a literal or a name), empty when it does not resolve."""
    host = (host or "").strip("[]")
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return []
    result = []
    for info in infos:
        try:
            result.append(ipaddress.ip_address(info[4][0].split("%")[0]))
        except ValueError:
            continue
    return result


def _is_local_address(address):
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def is_local_host(host):
    """Whether ``host`` is (or resolves to) a loopback, private or link-local address."""
    if (host or "").lower() in ("localhost", "localhost.localdomain") or (host or "").lower().endswith(
        ".localhost"
    ):
        return True
    return any(_is_local_address(a) for a in _addresses(host))


def _origin(url):
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def check_redirect(origin_url, target_url):
    """RedirectRefusedError when a redirect from ``origin_url`` to ``target_url`` is not allowed.

    Allowed: the same scheme, host and port; or an http(s) address that is
    not loopback, private or link-local; or anything when ``origin_url``
    itself is such a local address (a service configured on the local network).
    """
    target = urlsplit(target_url)
    if target.scheme not in ("http", "https") or not target.hostname:
        raise _refused(origin_url, target_url)
    if _origin(origin_url) == _origin(target_url):
        return
    origin_host = urlsplit(origin_url).hostname
    if is_local_host(origin_host):
        return
    if is_local_host(target.hostname):
        raise _refused(origin_url, target_url)


def _refused(origin_url, target_url):
    return RedirectRefusedError(
        tr(
            "The server {host} redirected the request to {target}, an address of a local or private network "
            "(or not a web address): the plugin does not follow such redirects. If the data is really there, "
            "download it yourself and load the file."
        ).format(host=host_of(origin_url), target=target_url),
        origin_url,
    )


def too_many_redirects(url):
    return RedirectRefusedError(
        tr("The server {host} redirected the request more than {count} times. Check the address {url}.").format(
            host=host_of(url), count=MAX_REDIRECTS, url=url
        ),
        url,
    )


# --------------------------------------------------------------------------
# Paging
# --------------------------------------------------------------------------
class PageGuard:
    """Bounds one paged listing of ``what`` from ``url``.

    :meth:`page` is given the ids of each new page (None for an item
    without id): more than ``max_pages`` pages, more than ``max_items``
    items, or a non-empty page whose ids were all seen before raise
    :class:`PagingError`.
    """

    def __init__(self, url, what, max_pages, max_items=None):
        self.url = url
        self.what = what
        self.max_pages = int(max_pages)
        self.max_items = None if max_items is None else int(max_items)
        self.pages = 0
        self.items = 0
        self._seen = set()

    def page(self, ids):
        ids = list(ids)
        self.pages += 1
        if self.pages > self.max_pages:
            raise PagingError(
                tr(
                    "The server {host} sent more than {count} pages of {what}: the listing does not end. "
                    "Narrow the request (smaller area, more precise search) or raise the page limit in "
                    "the Ville numérique settings."
                ).format(host=host_of(self.url), count=self.max_pages, what=self.what),
                self.url,
            )
        known = [str(i) for i in ids if i is not None]
        if ids and len(known) == len(ids) and all(i in self._seen for i in known):
            raise PagingError(
                tr(
                    "The server {host} sent a page of {what} with nothing new (items already received): "
                    "it does not page correctly. Try again later."
                ).format(host=host_of(self.url), what=self.what),
                self.url,
            )
        self._seen.update(known)
        self.items += len(ids)
        self.announced(self.items)

    def announced(self, total):
        """PagingError at once when the server announces (or sent) more than ``max_items`` items."""
        if self.max_items is not None and total is not None and total > self.max_items:
            raise PagingError(
                tr(
                    "The server {host} sent more than {count} {what}. Narrow the request (smaller area) or "
                    "raise the limit in the Ville numérique settings."
                ).format(host=host_of(self.url), count=self.max_items, what=self.what),
                self.url,
            )
