"""The ``requests`` adapter whose sockets join the current :class:`~.http_limits.RequestWatch`.

Apart from ``core/http_limits.py`` because it subclasses ``requests`` and
``urllib3`` classes: imported with the first HTTP session, so that loading the
plugin (QGIS start-up, every ``qgis_process`` run) does not import ``requests``.
"""

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .http_limits import _register


class _Watched:
    """urllib3 connection mix-in: its socket joins the current RequestWatch."""

    def _new_conn(self):
        sock = super()._new_conn()
        _register(sock)
        return sock

    def request(self, *args, **kwargs):  # a kept-alive connection is reused
        _register(getattr(self, "sock", None))
        return super().request(*args, **kwargs)


class WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


_POOLS = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


class WatchedAdapter(HTTPAdapter):
    """``requests`` adapter whose connections (direct or through an HTTP proxy) are watched."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy, **kwargs):
        manager = super().proxy_manager_for(proxy, **kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOLS)
        return manager


def watch_session(session):
    """Mount :class:`WatchedAdapter` on a ``requests.Session`` (other objects are left alone)."""
    if isinstance(session, requests.Session):
        adapter = WatchedAdapter()
        session.mount("http://", adapter)
        session.mount("https://", adapter)
    return session
