"""The on-disk HTTP cache: keys, time-to-live, LRU size cap, clear()."""

import pytest
from ville_numerique.core.cache import DiskCache, cache_key


class Now:
    """Wall clock for the cache that tests move by hand."""

    def __init__(self, value=1_000_000.0):
        self.value = value

    def __call__(self):
        return self.value


@pytest.fixture
def now():
    return Now()


@pytest.fixture
def cache(tmp_path, now):
    return DiskCache(tmp_path / "cache", max_bytes=1000, now=now)


def test_key_ignores_parameter_order_and_where_they_are_written():
    a = cache_key("GET", "https://www.data.gouv.fr/api/1/datasets/", {"schema": "X", "page_size": 50})
    b = cache_key("get", "https://WWW.data.gouv.fr/api/1/datasets/?page_size=50", [("schema", "X")])
    assert a == b


def test_key_distinguishes_method_params_and_body():
    url = "https://data.geopf.fr/wfs/ows"
    base = cache_key("GET", url, {"COUNT": 10})
    assert cache_key("POST", url, {"COUNT": 10}) != base
    assert cache_key("GET", url, {"COUNT": 11}) != base
    assert cache_key("POST", url, None, {"CQL_FILTER": "a=1"}) != cache_key(
        "POST", url, None, {"CQL_FILTER": "a=2"}
    )
    assert cache_key("POST", url, None, {"A": 1, "B": 2}) == cache_key("POST", url, None, {"B": 2, "A": 1})
    # repeated parameters (tag=a&tag=b) are part of the key
    assert cache_key("GET", url, {"tag": ["a", "b"]}) != cache_key("GET", url, {"tag": ["a"]})


def test_entry_is_fresh_until_its_ttl(cache, now):
    entry = cache.put(
        "k", b"hello", url="http://x/a", ttl=60, headers={"Content-Type": "text/plain", "ETag": '"1"'}
    )
    assert entry.read() == b"hello" and entry.content_type == "text/plain" and entry.etag == '"1"'
    assert cache.get("k").is_fresh(now() + 59)
    assert not cache.get("k").is_fresh(now() + 61)


def test_refresh_after_304_extends_the_life_and_updates_validators(cache, now):
    cache.put("k", b"body", url="http://x/a", ttl=10, headers={"ETag": '"1"', "Last-Modified": "Mon"})
    now.value += 100
    entry = cache.refresh("k", ttl=10, headers={"ETag": '"2"'})
    assert entry.is_fresh(now()) and entry.etag == '"2"' and entry.last_modified == "Mon"
    assert entry.read() == b"body"


def test_size_cap_evicts_the_least_recently_used(cache, now):
    for key in ("a", "b", "c"):
        cache.put(key, b"x" * 300, url="http://x/" + key, ttl=60)
        now.value += 1
    cache.get("a")  # "a" used again: "b" is now the oldest
    now.value += 1
    cache.put("d", b"x" * 300, url="http://x/d", ttl=60)
    assert sorted(cache.keys()) == ["a", "c", "d"]
    assert cache.total_size() == 900


def test_an_entry_larger_than_the_cap_is_not_stored(cache):
    assert cache.put("huge", b"x" * 2000, url="http://x/huge", ttl=60) is None
    assert cache.get("huge") is None


def test_put_file_copies_the_file(cache, tmp_path):
    source = tmp_path / "lieux.csv"
    source.write_bytes(b"id;nom\n1;La Station\n")
    entry = cache.put_file("f", source, url="http://x/f", ttl=60)
    source.unlink()
    assert entry.read() == b"id;nom\n1;La Station\n"


def test_clear_removes_every_entry(cache):
    cache.put("a", b"1", url="http://x/a", ttl=60)
    cache.put("b", b"2", url="http://x/b", ttl=60)
    assert cache.clear() == 2
    assert cache.keys() == [] and cache.get("a") is None


def test_damaged_entries_are_ignored(cache):
    cache.put("a", b"1", url="http://x/a", ttl=60)
    (cache.directory / "a.json").write_text("{not json")
    assert cache.get("a") is None
    cache.put("b", b"2", url="http://x/b", ttl=60)
    (cache.directory / "b.body").unlink()
    assert cache.get("b") is None and "b" not in cache.keys()


def test_empty_cache_folder_may_not_exist_yet(tmp_path):
    cache = DiskCache(tmp_path / "never-created")
    assert cache.keys() == [] and cache.clear() == 0 and cache.total_size() == 0
