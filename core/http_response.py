"""A complete HTTP answer (from the network or the cache) and content-type checks."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .http_errors import ContentTypeError, MalformedResponseError, host_of
from .i18n import tr

if TYPE_CHECKING:  # requests is imported with the first HTTP session, not with the plugin
    from requests.structures import CaseInsensitiveDict


@dataclass
class HttpResponse:
    """A complete answer, from the network or from the cache."""

    url: str
    status: int
    headers: "CaseInsensitiveDict"  # requests.structures
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
        except RecursionError:
            raise MalformedResponseError(
                tr(
                    "The server {host} sent JSON nested too deeply to be read. "
                    "Try again later; if it persists, the service may have changed."
                ).format(host=host_of(self.url)),
                self.url,
            ) from None
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
