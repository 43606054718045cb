"""The idempotency store contract, on SQLite, the real PostgreSQL and MongoDB: one record per (person, key),
exactly one of concurrent claims wins, only the claim's own token completes or releases it, records expire."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from subgraphs.kit.idempotency import Claim, IdempotencyStore, KeyRecord

NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
DAY = timedelta(hours=24)
LONG_AGO = NOW - timedelta(minutes=5)


def _claim(
    token: str, *, owner: str = "alice", key: str = "k1", fingerprint: str = "f1", at: datetime = NOW
) -> Claim:
    return Claim(owner, key, fingerprint, token, at, at + DAY)


async def test_the_first_claim_holds_the_key_and_later_ones_see_it_in_progress(
    store: IdempotencyStore,
) -> None:
    assert await store.claim(_claim("t1"), stale_before=LONG_AGO) is None
    assert await store.claim(_claim("t2", fingerprint="f2"), stale_before=LONG_AGO) == KeyRecord("f1", None)


async def test_a_completed_claim_gives_its_response(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1"), stale_before=LONG_AGO)
    await store.complete("alice", "k1", "t1", '{"data": {"n": 1}}')
    assert await store.claim(_claim("t2"), stale_before=LONG_AGO) == KeyRecord("f1", '{"data": {"n": 1}}')


async def test_only_the_claims_own_token_completes_it(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1"), stale_before=LONG_AGO)
    await store.complete("alice", "k1", "someone else", '{"data": null}')
    assert await store.claim(_claim("t2"), stale_before=LONG_AGO) == KeyRecord("f1", None)


async def test_a_released_key_can_be_claimed_again(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1"), stale_before=LONG_AGO)
    await store.release("alice", "k1", "someone else")
    assert await store.claim(_claim("t2"), stale_before=LONG_AGO) is not None
    await store.release("alice", "k1", "t1")
    assert await store.claim(_claim("t3", fingerprint="f3"), stale_before=LONG_AGO) is None


async def test_a_completed_key_is_not_released(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1"), stale_before=LONG_AGO)
    await store.complete("alice", "k1", "t1", "{}")
    await store.release("alice", "k1", "t1")
    assert await store.claim(_claim("t2"), stale_before=LONG_AGO) == KeyRecord("f1", "{}")


async def test_keys_are_per_person(store: IdempotencyStore) -> None:
    assert await store.claim(_claim("t1"), stale_before=LONG_AGO) is None
    assert await store.claim(_claim("t2", owner="bob", fingerprint="f2"), stale_before=LONG_AGO) is None
    assert await store.claim(_claim("t3", key="k2"), stale_before=LONG_AGO) is None


async def test_an_expired_record_is_replaced(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1"), stale_before=LONG_AGO)
    await store.complete("alice", "k1", "t1", "{}")
    later = NOW + DAY
    assert (
        await store.claim(_claim("t2", fingerprint="f2", at=later), stale_before=later - timedelta(minutes=5))
        is None
    )


async def test_a_claim_in_progress_since_before_stale_before_is_taken_over(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1"), stale_before=LONG_AGO)
    later = NOW + timedelta(minutes=6)
    assert await store.claim(_claim("t2", at=later), stale_before=later - timedelta(minutes=5)) is None
    # The first request, finishing late, no longer holds the key.
    await store.complete("alice", "k1", "t1", '{"late": true}')
    assert await store.claim(_claim("t3", at=later), stale_before=LONG_AGO) == KeyRecord("f1", None)


async def test_sweep_deletes_expired_records_only(store: IdempotencyStore) -> None:
    await store.claim(_claim("t1", key="old"), stale_before=LONG_AGO)
    await store.claim(_claim("t2", key="new", at=NOW + timedelta(hours=1)), stale_before=LONG_AGO)
    assert await store.sweep(NOW + DAY) == 1
    assert await store.claim(_claim("t3", key="old", fingerprint="f3"), stale_before=LONG_AGO) is None
    assert await store.claim(_claim("t4", key="new", fingerprint="f4"), stale_before=LONG_AGO) == KeyRecord(
        "f1", None
    )


async def test_exactly_one_of_concurrent_claims_wins(store: IdempotencyStore) -> None:
    results = await asyncio.gather(*(store.claim(_claim(f"t{n}"), stale_before=LONG_AGO) for n in range(20)))
    assert results.count(None) == 1
    assert all(result == KeyRecord("f1", None) for result in results if result is not None)
