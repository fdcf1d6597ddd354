"""On-disk HTTP cache of Ville numérique.

One entry per request: ``<key>.body`` (the bytes as received) and
``<key>.json`` (URL, time-to-live, validators ``ETag``/``Last-Modified``,
content type). The key is a hash of the method, the URL, the sorted query
parameters and the body, so ``?a=1&b=2`` and ``?b=2&a=1`` share an entry.

Entries older than their time-to-live are *stale*: the HTTP client
revalidates them (``If-None-Match`` / ``If-Modified-Since``; a 304 answer
refreshes the entry) and serves them as they are in offline mode. The total
size is capped; the least recently used entries are evicted first (the
modification time of the ``.json`` file records the last use).

Files are written to a temporary name and renamed: a reader never sees a
half-written entry, even if QGIS is killed in the middle of a write.

The cache heals itself: an entry whose metadata cannot be read or has wrong
types, whose body is missing or of another size than recorded (truncated,
or rewritten by another process), is a miss: it is removed, a warning is
logged, and the answer is fetched again. A cache folder that cannot be used
(a file stands at its place, no permission) turns the cache off for the run,
with a warning, instead of failing the request.
"""

import hashlib
import json
import logging
import math
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .files import TEMP_PREFIX, atomic_write, write_bytes_atomically
from .i18n import tr

MB = 1024 * 1024
BODY_SUFFIX = ".body"
META_SUFFIX = ".json"
KEPT_HEADERS = ("content-type", "etag", "last-modified")
LOG = logging.getLogger("ville_numerique")


def _number(value):
    """A finite float from a metadata value, else ValueError (bool refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(value)
    return float(value)


def parse_meta(key, meta, body):
    """A :class:`CacheEntry` from decoded metadata, or ValueError when ill-typed."""
    if not isinstance(meta, dict):
        raise ValueError("metadata is not an object")
    url, headers = meta.get("url", ""), meta.get("headers", {})
    if not isinstance(url, str) or not isinstance(headers, dict):
        raise ValueError("url or headers")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
        raise ValueError("headers")
    size = _number(meta.get("size"))
    if size < 0 or size != int(size):
        raise ValueError("size")
    return CacheEntry(
        key=key,
        url=url,
        body_path=body,
        stored_at=_number(meta.get("stored_at")),
        expires_at=_number(meta.get("expires_at")),
        size=int(size),
        headers=dict(headers),
    )


def _param_items(params):
    """``params`` (dict or list of pairs; list values = repeated keys) as pairs."""
    if not params:
        return []
    items = params.items() if hasattr(params, "items") else params
    pairs = []
    for name, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        pairs.extend((str(name), "" if v is None else str(v)) for v in values)
    return pairs


def _body_digest(body):
    """A stable digest of a request body (bytes, text or form dict)."""
    if body is None:
        return ""
    if isinstance(body, (dict, list, tuple)):
        body = urlencode(sorted(_param_items(body)))
    if isinstance(body, str):
        body = body.encode("utf-8")
    return hashlib.sha256(body).hexdigest()


def cache_key(method, url, params=None, body=None):
    """Cache key of a request: hash of method, URL, sorted params and body."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + _param_items(params)
    base = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, "", ""))
    canonical = "\n".join((method.upper(), base, urlencode(sorted(query)), _body_digest(body)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class CacheEntry:
    """A cached answer: its metadata and the path of its body."""

    key: str
    url: str
    body_path: Path
    stored_at: float
    expires_at: float
    size: int
    headers: dict

    def is_fresh(self, now):
        return now < self.expires_at

    @property
    def etag(self):
        return self.headers.get("etag")

    @property
    def last_modified(self):
        return self.headers.get("last-modified")

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    def read(self):
        return self.body_path.read_bytes()


def _kept_headers(headers):
    """The response headers worth keeping (lower-case names)."""
    lowered = {str(name).lower(): value for name, value in (headers or {}).items()}
    return {name: lowered[name] for name in KEPT_HEADERS if lowered.get(name)}


def _unlink(path):
    """Remove ``path``; gone already (another process) or not removable is not an error."""
    try:
        os.unlink(path)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as error:
        LOG.warning("Cannot remove %s from the cache: %s", path, error)


class DiskCache:
    """A size-capped LRU cache of HTTP answers in ``directory``.

    ``now`` (wall-clock seconds, default ``time.time``) is injectable so that
    tests can age entries without sleeping. ``warn`` receives the user
    sentences about a damaged entry or an unusable folder (default: the
    ``ville_numerique`` logger; Processing algorithms show them in their log).
    """

    def __init__(self, directory, max_bytes=500 * MB, now=time.time, warn=None):
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.now = now
        self.warn = warn or LOG.warning
        self._lock = threading.RLock()

    # -- paths -------------------------------------------------------------
    def _body(self, key):
        return self.directory / (key + BODY_SUFFIX)

    def _meta(self, key):
        return self.directory / (key + META_SUFFIX)

    def _ensure_dir(self):
        self.directory.mkdir(parents=True, exist_ok=True)

    # -- reading -----------------------------------------------------------
    def _load(self, key):
        """The entry ``key`` without marking it used, or None.

        A broken entry (unreadable or ill-typed metadata, body missing or of
        another size than recorded) is removed with a warning: a miss.
        """
        meta_path, body = self._meta(key), self._body(key)
        try:
            raw = meta_path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None  # a miss (a cache folder that is a file is reported when writing)
        except OSError as error:
            return self._broken(key, "metadata unreadable ({})".format(error))
        try:
            entry = parse_meta(key, json.loads(raw.decode("utf-8")), body)
        except (ValueError, RecursionError) as error:
            return self._broken(key, "metadata ill-formed ({})".format(str(error)[:80]))
        try:
            size = body.stat().st_size
        except OSError:
            return self._broken(key, "body missing")
        if size != entry.size:
            return self._broken(key, "body of {} bytes instead of {}".format(size, entry.size))
        return entry

    def _broken(self, key, reason):
        self.warn(
            tr(
                "A damaged entry of the download cache ({folder}) was removed ({reason}): "
                "its data is downloaded again."
            ).format(folder=self.directory, reason=reason)
        )
        self.delete(key)
        return None

    def get(self, key):
        """The entry ``key`` (fresh or stale) or None; marks it as just used."""
        with self._lock:
            entry = self._load(key)
            if entry is not None:
                self._touch(key)
            return entry

    def _touch(self, key):
        stamp = self.now()
        try:
            os.utime(self._meta(key), (stamp, stamp))
        except OSError:
            pass

    # -- writing -----------------------------------------------------------
    def put(self, key, content, *, url, ttl, headers=None):
        """Store ``content`` (bytes) under ``key`` for ``ttl`` seconds.

        Returns the entry, or None when the content alone exceeds the cap.
        """
        if len(content) > self.max_bytes:
            return None
        with self._lock:
            try:
                self._ensure_dir()
                write_bytes_atomically(self._body(key), content, makedirs=False)
                return self._store_meta(key, url, ttl, headers, len(content))
            except OSError as error:
                return self._unusable(error)

    def put_file(self, key, path, *, url, ttl, headers=None):
        """Store a copy of the file ``path`` under ``key`` (see :meth:`put`)."""
        size = os.path.getsize(path)
        if size > self.max_bytes:
            return None
        with self._lock:
            try:
                self._ensure_dir()
                atomic_write(self._body(key), lambda tmp: shutil.copyfile(path, tmp), makedirs=False)
                return self._store_meta(key, url, ttl, headers, size)
            except OSError as error:
                return self._unusable(error)

    def _unusable(self, error):
        """The folder cannot hold the cache: warn, and go on without storing."""
        self.warn(
            tr(
                "The cache folder {folder} cannot be used ({error}): the data is not kept for the next runs. "
                "Choose another folder in the Ville numérique settings."
            ).format(folder=self.directory, error=error)
        )
        return None

    def _store_meta(self, key, url, ttl, headers, size):
        stamp = self.now()
        meta = {
            "url": url,
            "stored_at": stamp,
            "expires_at": stamp + ttl,
            "size": size,
            "headers": _kept_headers(headers),
        }
        write_bytes_atomically(self._meta(key), json.dumps(meta).encode("utf-8"), makedirs=False)
        self._touch(key)
        self.evict()
        return self._load(key)

    def refresh(self, key, ttl, headers=None):
        """Mark ``key`` fresh again for ``ttl`` seconds (after a 304 answer).

        New validators sent with the 304 replace the stored ones.
        """
        with self._lock:
            entry = self._load(key)
            if entry is None:
                return None
            merged = dict(entry.headers)
            merged.update(_kept_headers(headers))
            meta = {
                "url": entry.url,
                "stored_at": self.now(),
                "expires_at": self.now() + ttl,
                "size": entry.size,
                "headers": merged,
            }
            try:
                write_bytes_atomically(self._meta(key), json.dumps(meta).encode("utf-8"), makedirs=False)
            except OSError as error:
                return self._unusable(error)
            self._touch(key)
            return self._load(key)

    # -- housekeeping ------------------------------------------------------
    def delete(self, key):
        with self._lock:
            _unlink(self._meta(key))
            _unlink(self._body(key))

    def keys(self):
        """Keys of the stored entries."""
        try:
            if not self.directory.is_dir():
                return []
            return [p.name[: -len(META_SUFFIX)] for p in self.directory.glob("*" + META_SUFFIX)]
        except OSError:
            return []

    def total_size(self):
        """Bytes used by the cached bodies."""
        return sum(entry.size for entry in self._entries())

    def _entries(self):
        loaded = (self._load(key) for key in self.keys())
        return [entry for entry in loaded if entry is not None]

    def _last_use(self, key):
        try:
            return self._meta(key).stat().st_mtime
        except OSError:
            return 0.0

    def evict(self):
        """Delete the least recently used entries until under the size cap."""
        with self._lock:
            entries = sorted(self._entries(), key=lambda e: self._last_use(e.key))
            total = sum(entry.size for entry in entries)
            removed = 0
            for entry in entries:
                if total <= self.max_bytes:
                    break
                self.delete(entry.key)
                total -= entry.size
                removed += 1
            return removed

    def clear(self):
        """Delete every entry (the "Clear cache" action); returns their number."""
        with self._lock:
            keys = self.keys()
            for key in keys:
                self.delete(key)
            leftovers = (list(self.directory.glob(TEMP_PREFIX + "*")) + list(self.directory.glob(".*.tmp"))
                         if self.directory.is_dir() else [])  # ".*.tmp": written by earlier versions
            for leftover in leftovers:
                _unlink(leftover)
            return len(keys)
