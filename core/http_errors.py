"""Typed errors of the HTTP layer and the sentences the user reads.

Every failure of a remote call becomes one of these (all
:class:`~.errors.NetworkError`, so algorithms show their text, never a
traceback); :mod:`.http` re-exports them.
"""

import json
from urllib.parse import urlsplit

from .errors import CanceledError, DataError, NetworkError
from .i18n import tr

ERROR_BODY_LIMIT = 64 * 1024


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
    except (ValueError, RecursionError):
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
    import requests  # loaded by the HTTP client already

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


class DeadlineExceededError(RequestTimeoutError):
    """The whole request (connection, waits, reading) took longer than its deadline."""


class ResponseTooLargeError(HttpError, DataError):
    """The answer is larger than the limit for its kind (API answer, download)."""


class RedirectRefusedError(HttpError):
    """A redirect led where the plugin does not go (local/private address, other scheme)."""


class PagingError(HttpError, DataError):
    """A paged listing does not end or does not move forward."""


def deadline_error(url, seconds):
    return DeadlineExceededError(
        tr(
            "The server {host} did not send its whole answer within {seconds} s (the overall limit of one "
            "request). Try again later; the limit can be raised in the Ville numérique settings."
        ).format(host=host_of(url), seconds=_seconds(seconds)),
        url,
    )


def too_large_error(url, limit_bytes, download):
    text = (
        tr(
            "The file sent by {host} is larger than {limit} MB, the download limit. Check that it is the "
            "file you want; the limit can be raised in the Ville numérique settings."
        )
        if download
        else tr(
            "The answer of {host} is larger than {limit} MB, the limit for one answer of a service: the "
            "server is probably misbehaving. Narrow the request, or raise the limit in the Ville numérique "
            "settings."
        )
    )
    return ResponseTooLargeError(text.format(host=host_of(url), limit=_megabytes(limit_bytes)), url)


def _megabytes(size):
    return "{:g}".format(round(size / (1024 * 1024), 1))
