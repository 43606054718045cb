"""The preparation cache: bounded in entries and in estimated bytes; one heavy entry is never kept."""

from __future__ import annotations

from router.bounded_cache import BoundedCache


def test_the_least_recently_used_entries_go_first_when_the_bytes_run_out() -> None:
    cache: BoundedCache[str, int] = BoundedCache(max_entries=100, max_bytes=300)
    for key in ("a", "b", "c"):
        assert cache.put(key, 1, weight=100)
    assert cache.get("a") == 1  # `a` is now the most recently used
    cache.put("d", 1, weight=100)
    assert (cache.get("a"), cache.get("b"), cache.get("c"), cache.get("d")) == (1, None, 1, 1)
    assert cache.bytes == 300


def test_the_entry_limit_holds_too() -> None:
    cache: BoundedCache[str, int] = BoundedCache(max_entries=2, max_bytes=10**9)
    for key in ("a", "b", "c"):
        cache.put(key, 1, weight=1)
    assert len(cache) == 2 and cache.get("a") is None


def test_an_entry_heavier_than_allowed_is_not_kept_and_evicts_nothing() -> None:
    cache: BoundedCache[str, int] = BoundedCache(max_entries=100, max_bytes=1000, max_entry_bytes=200)
    cache.put("small", 1, weight=100)
    assert cache.put("huge", 2, weight=201) is False
    assert cache.get("huge") is None and cache.get("small") == 1


def test_replacing_a_key_counts_its_bytes_once() -> None:
    cache: BoundedCache[str, int] = BoundedCache(max_entries=100, max_bytes=1000)
    cache.put("a", 1, weight=400)
    cache.put("a", 2, weight=500)
    assert (cache.get("a"), cache.bytes) == (2, 500)
