"""A misbehaving HTTP server for the network fault tests (127.0.0.1 only).

Every behaviour below was met on real or hostile servers (issue 10); each is
a path of one :class:`HostileServer`:

* ``/drip`` — headers at once, then one byte of body every ``drip_every`` s;
* ``/drip-headers`` — the status line and headers themselves one byte at a time;
* ``/endless`` — a download body that never ends (no Content-Length);
* ``/big-json`` — announces a 300 MB JSON answer (Content-Length) and streams
  it lazily: nothing is generated beyond what the client reads;
* ``/big-json-chunked`` — the same without announcing the size;
* ``/wfs/ows`` — WFS GetFeature pages of COUNT features with new ids at every
  STARTINDEX, forever, without ``numberMatched``; ``wfs_mode = "repeat"``
  answers the same ids whatever STARTINDEX;
* ``/api/1/datasets/`` — catalogue pages: ``empty`` (``data: []`` with a
  ``next_page``), ``repeat`` (the same datasets under new page numbers) or
  ``endless`` (new datasets forever);
* ``/api/1/datasets/r/<id>`` — a redirect to ``redirect_to``;
* ``files[path]`` (body, content type) wins over all of these; anything else is a 404.

The server also answers absolute-form requests (``GET http://host/path``),
so a client configured with it as HTTP proxy can be given public host names
(``www.data.gouv.fr``) that never resolve: ``hosts`` records the hosts asked for.
These are synthetic answers built to the shapes of the real APIs, not real data.
"""

import json
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MB = 1024**2
GIB = 1024**3
BIG_JSON_BYTES = 300 * MB


class HostileServer:
    def __init__(self):
        self.drip_every = 2.0
        self.wfs_mode = "new_ids"
        self.catalogue_mode = "empty"
        self.redirect_to = None
        self.files = {}
        self.hosts = []
        self.requests = []
        self.sent = {}  # bytes of body sent per path
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                parts = urlsplit(self.path)
                server.hosts.append(parts.hostname or self.headers.get("Host", "").split(":")[0])
                server.requests.append(parts.path + ("?" + parts.query if parts.query else ""))
                try:
                    server.handle(self, parts.path, parse_qs(parts.query))
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self):
        return "http://127.0.0.1:{}".format(self.httpd.server_address[1])

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def count(self, prefix):
        return sum(1 for r in self.requests if r.startswith(prefix))

    # -- behaviours ----------------------------------------------------------
    def handle(self, h, path, query):
        if path in self.files:
            body, content_type = self.files[path]
            return self._send(h, body, content_type)
        if path == "/drip":
            return self._drip(h)
        if path == "/drip-headers":
            return self._drip_headers(h)
        if path == "/endless":
            return self._endless(h, path)
        if path == "/big-json":
            return self._big_json(h, path, announce=True)
        if path == "/big-json-chunked":
            return self._big_json(h, path, announce=False)
        if path == "/wfs/ows":
            return self._wfs(h, query)
        if path == "/api/1/datasets/":
            return self._catalogue(h, query)
        if path.startswith("/api/1/datasets/r/") and self.redirect_to:
            h.send_response(302)
            h.send_header("Location", self.redirect_to)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return None
        return self._send(h, b'{"message": "Not found"}', "application/json", 404)

    @staticmethod
    def _send(h, body, content_type, status=200):
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _drip(self, h):
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.flush()
        for byte in (b"[" + b" " * 998 + b"]"):
            if self.stop.wait(self.drip_every):
                return
            h.wfile.write(bytes([byte]))
            h.wfile.flush()

    def _drip_headers(self, h):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]"
        for byte in head:
            if self.stop.wait(self.drip_every):
                return
            h.wfile.write(bytes([byte]))
            h.wfile.flush()

    def _stream(self, h, path, pieces):
        for piece in pieces:
            if self.stop.is_set():
                return
            h.wfile.write(piece)
            self.sent[path] = self.sent.get(path, 0) + len(piece)

    def _endless(self, h, path):
        h.send_response(200)
        h.send_header("Content-Type", "application/octet-stream")
        h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"x" * 65536
        self._stream(h, path, iter(lambda: chunk, None))

    def _big_json(self, h, path, announce):
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        if announce:
            h.send_header("Content-Length", str(BIG_JSON_BYTES))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        chunk = b'"abcdefghijklmnopqrstuvwxyz012345", ' * 2048

        def pieces():
            yield b"["
            sent = 1
            while sent + len(chunk) < BIG_JSON_BYTES:
                yield chunk
                sent += len(chunk)

        self._stream(h, path, pieces())

    def _wfs(self, h, query):
        start = int(query.get("STARTINDEX", ["0"])[0])
        count = int(query.get("COUNT", ["10"])[0])
        first = 0 if self.wfs_mode == "repeat" else start
        features = [
            {
                "type": "Feature",
                "id": "batiment.{}".format(first + i),
                "geometry": {"type": "Point", "coordinates": [2.25, 50.75]},
                "properties": {"cleabs": "BATIMENT{:016d}".format(first + i)},
            }
            for i in range(count)
        ]
        if self.wfs_mode == "repeat" and start:
            features = features[1:] + features[:1]  # a different first id, nothing new
        body = json.dumps({"type": "FeatureCollection", "features": features}).encode()
        return self._send(h, body, "application/geo+json")

    def _catalogue(self, h, query):
        page = int(query.get("page", ["1"])[0])
        if self.catalogue_mode == "empty":
            data = []
        else:
            first = 0 if self.catalogue_mode == "repeat" else (page - 1) * 2
            data = [
                {"id": "d{}".format(first + i), "slug": "d{}".format(first + i), "title": "Jeu {}".format(first + i)}
                for i in range(2)
            ]
        payload = {
            "data": data,
            "page": page,
            "page_size": 2,
            "next_page": "{}/api/1/datasets/?page={}".format(self.base, page + 1),
        }
        return self._send(h, json.dumps(payload).encode(), "application/json")


def finishes_within(seconds, function, *args, **kwargs):
    """Run ``function`` in a daemon thread; its result, or raise what it raised.

    AssertionError when it has not returned after ``seconds`` (the thread is
    left behind, as daemon: a hang fails the test instead of freezing the run).
    """
    outcome = {}

    def target():
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome["error"] = error

    started = time.monotonic()
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "still running after {} s".format(seconds)
    outcome["elapsed"] = time.monotonic() - started
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def zip_bomb(path, size=GIB, name="bornes.csv"):
    """A ZIP whose one member ``name`` expands to ``size`` bytes of CSV, written in a
    second: one deflate block, compressed once after a full flush, repeated."""
    block = (b"borne,50.75,2.25\n" * (MB // 17 + 1))[:MB]
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    header_data = b"nom,lat,lon\n"
    head = compressor.compress(header_data) + compressor.flush(zlib.Z_FULL_FLUSH)
    once = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert once == again  # a full flush resets the state: the block compresses the same each time
    count = -(-(size - len(header_data)) // len(block))
    tail = compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(header_data)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    usize = len(header_data) + count * len(block)
    csize = len(head) + count * len(once) + len(tail)
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, csize, usize, len(encoded), 0)
    with open(path, "wb") as out:
        out.write(local + encoded + head)
        for _ in range(count):
            out.write(once)
        out.write(tail)
        directory_offset = out.tell()
        central = struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, csize, usize, len(encoded), 0, 0, 0, 0,
            0o100644 << 16, 0,
        )
        out.write(central + encoded)
        end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(encoded), directory_offset, 0)
        out.write(end)
    return path
