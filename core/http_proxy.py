"""QGIS's proxy settings for ``requests`` (Settings > Options > Network)."""

from dataclasses import dataclass
from urllib.parse import quote

from .http_errors import host_of
from .settings import qgis_settings, to_bool

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
