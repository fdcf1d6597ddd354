"""A damaged cache is a miss: removed, warned about, fetched again; never a traceback.

Before issue 10 a valid-JSON metadata file with wrong types broke every
later run (online too) until the cache was cleared by hand, and a cache
folder that is a file, or an entry evicted by another process between
lookup and read, gave tracebacks.
"""

import json
import logging
import multiprocessing
import random

import pytest
from ville_numerique.core.cache import DiskCache, cache_key
from ville_numerique.core.http import HttpClient, OfflineError, RetryPolicy
from ville_numerique.core.settings import load_settings
from ville_numerique.tests.fake_servers import HostileServer

BODY = b'{"data": [1, 2, 3]}'


@pytest.fixture
def server():
    fake = HostileServer()
    fake.files["/a"] = (BODY, "application/json")
    yield fake
    fake.close()


def make_client(server, cache_dir, offline=False, max_mb=500):
    settings = load_settings(
        environ={}, qgis={}, datagouv_url=server.base, geopf_url=server.base, cache_dir=cache_dir,
        offline=offline, cache_max_mb=max_mb,
    )
    return HttpClient(settings, proxies={}, retry=RetryPolicy(max_retries=0))


def meta_path(cache_dir, server, path="/a"):
    return cache_dir / (cache_key("GET", server.base + path) + ".json")


BAD_METADATA = {
    "expires_at as text": lambda m: m.update(expires_at="tomorrow"),
    "headers as a list": lambda m: m.update(headers=["etag"]),
    "a header that is a number": lambda m: m.update(headers={"etag": 3}),
    "size as text": lambda m: m.update(size="19"),
    "negative size": lambda m: m.update(size=-1),
    "url as a number": lambda m: m.update(url=5),
    "stored_at as a boolean": lambda m: m.update(stored_at=True),
    "missing expires_at": lambda m: m.pop("expires_at"),
    "infinite expires_at": lambda m: m.update(expires_at=float("inf")),
}


@pytest.mark.parametrize("damage", list(BAD_METADATA), ids=list(BAD_METADATA))
def test_ill_typed_metadata_is_a_miss_removed_and_fetched_again(server, tmp_path, caplog, damage):
    cache_dir = tmp_path / "cache"
    http = make_client(server, cache_dir)
    assert http.get_json(server.base + "/a") == {"data": [1, 2, 3]}
    meta = json.loads(meta_path(cache_dir, server).read_text())
    BAD_METADATA[damage](meta)
    meta_path(cache_dir, server).write_text(json.dumps(meta))
    caplog.set_level(logging.WARNING, logger="ville_numerique")
    for _ in range(2):  # every later run works, not only the next one
        assert make_client(server, cache_dir).get_json(server.base + "/a") == {"data": [1, 2, 3]}
    assert server.count("/a") == 2  # fetched again once, then cached again
    assert "removed" in caplog.text and "downloaded again" in caplog.text
    assert json.loads(meta_path(cache_dir, server).read_text())["size"] == len(BODY)  # healed


@pytest.mark.parametrize(
    "content",
    [b"[1, 2", b"\xff\xfe\x00", b"[]", b'"text"', b"[" * 100_000],
    ids=["truncated", "not utf-8", "a list", "a string", "nested 100000 deep"],
)
def test_metadata_that_is_not_an_object_is_a_miss(tmp_path, content):
    cache = DiskCache(tmp_path / "c")
    cache.put("k", b"body", url="https://x/", ttl=60)
    (tmp_path / "c" / "k.json").write_bytes(content)
    assert cache.get("k") is None
    assert list((tmp_path / "c").iterdir()) == []


def test_a_truncated_body_is_a_miss(server, tmp_path, caplog):
    cache_dir = tmp_path / "cache"
    make_client(server, cache_dir).get_json(server.base + "/a")
    body = meta_path(cache_dir, server).with_suffix(".body")
    body.write_bytes(BODY[:7])
    caplog.set_level(logging.WARNING, logger="ville_numerique")
    assert make_client(server, cache_dir).get_json(server.base + "/a") == {"data": [1, 2, 3]}
    assert "7 bytes instead of 19" in caplog.text
    assert body.read_bytes() == BODY


def test_a_damaged_entry_offline_says_it_is_not_in_the_cache(server, tmp_path):
    cache_dir = tmp_path / "cache"
    make_client(server, cache_dir).get_json(server.base + "/a")
    meta_path(cache_dir, server).write_text('{"url": [], "size": {}}')
    with pytest.raises(OfflineError, match="is not in the cache"):
        make_client(server, cache_dir, offline=True).get_json(server.base + "/a")


def test_a_cache_folder_that_is_a_file_turns_the_cache_off(server, tmp_path, caplog):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_bytes(b"my notes")
    caplog.set_level(logging.WARNING, logger="ville_numerique")
    http = make_client(server, not_a_folder)
    assert http.get_json(server.base + "/a") == {"data": [1, 2, 3]}
    assert http.download(server.base + "/a", tmp_path / "a.json").read_bytes() == BODY
    assert not_a_folder.read_bytes() == b"my notes"  # the user's file is untouched
    assert "cannot be used" in caplog.text
    assert http.clear_cache() == 0


@pytest.mark.parametrize("how", ["request", "download"])
def test_an_entry_evicted_between_lookup_and_read_is_fetched_again(server, tmp_path, how):
    cache_dir = tmp_path / "cache"
    http = make_client(server, cache_dir)
    http.get_json(server.base + "/a")
    real_get = http.cache.get

    def get_then_evicted(key):  # another process evicts the entry right after our lookup
        entry = real_get(key)
        if entry is not None:
            entry.body_path.unlink()
        return entry

    http.cache.get = get_then_evicted
    if how == "request":
        assert http.get_json(server.base + "/a") == {"data": [1, 2, 3]}
    else:
        assert http.download(server.base + "/a", tmp_path / "a.json").read_bytes() == BODY
    assert server.count("/a") == 2


def _worker(base, cache_dir, seed, queue):
    """One 'QGIS process' sharing the cache folder: 40 requests in random order."""
    try:
        settings = load_settings(environ={}, qgis={}, datagouv_url=base, geopf_url=base, cache_dir=cache_dir)
        http = HttpClient(settings, cache=DiskCache(cache_dir, max_bytes=3 * 1200), proxies={},
                          retry=RetryPolicy(max_retries=0))
        rng = random.Random(seed)
        for _ in range(40):
            n = rng.randrange(8)
            if rng.random() < 0.5:
                got = http.request("GET", "{}/f{}".format(base, n)).content
            else:
                got = http.download("{}/f{}".format(base, n), cache_dir.parent / "w{}-{}".format(seed, n)).read_bytes()
            assert got == bytes([65 + n]) * (1000 + n), "wrong body for f{}".format(n)
        queue.put((seed, "ok"))
    except BaseException as error:  # noqa: BLE001 - reported to the test
        queue.put((seed, repr(error)))


def test_processes_sharing_one_cache_stay_correct(server, tmp_path):
    for n in range(8):
        server.files["/f{}".format(n)] = (bytes([65 + n]) * (1000 + n), "application/octet-stream")
    cache_dir = tmp_path / "shared"
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [context.Process(target=_worker, args=(server.base, cache_dir, seed, queue)) for seed in range(4)]
    for worker in workers:
        worker.start()
    results = dict(queue.get(timeout=60) for _ in workers)
    for worker in workers:
        worker.join(10)
    assert results == {seed: "ok" for seed in range(4)}
    total = sum(p.stat().st_size for p in cache_dir.glob("*.body"))
    assert total <= 3 * 1200 + 4 * 1007  # the cap, give or take the writes in flight at the end
