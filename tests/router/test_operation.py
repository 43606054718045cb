"""Preparing an operation (router/operation.py): cached by its normalised text, bounded in bytes, and done
off the event loop so that other requests are served meanwhile."""

from __future__ import annotations

import asyncio
import threading

import pytest

from router.app import build_router
from router.config import RouterConfig
from router.limits import OperationLimits
from router.operation import BYTES_PER_QUERY_BYTE, OperationPreparer, RequestError, ValidationFailed
from router.pipeline import GraphQLRequest
from router.supergraph import load_supergraph
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients

SHOP = load_supergraph(SUPERGRAPH)


# The operations below are large on purpose (thousands of aliases): what is measured is the cache.
ROOMY = {"max_aliases": 10_000}


def large_operation(tag: str, fields: int) -> str:
    """A valid anonymous operation of `fields` aliased fields (~20 bytes each), distinct per `tag`."""
    return "{ me { " + " ".join(f"{tag}{i}: name" for i in range(fields)) + " } }"


async def test_comment_and_whitespace_variants_share_one_prepared_operation() -> None:
    preparer = OperationPreparer(SHOP)
    first = await preparer.prepare("{ me { name } }", None)
    variant = await preparer.prepare("# asked again\n{\n  me {\n    name\n  }\n}", None)
    assert variant is first


async def test_a_refusal_is_cached_like_a_success() -> None:
    preparer = OperationPreparer(SHOP)
    with pytest.raises(ValidationFailed) as first:
        await preparer.prepare("{ me { nope } }", None)
    with pytest.raises(ValidationFailed) as second:
        await preparer.prepare("{ me { nope } }", None)
    assert second.value is first.value


async def test_the_cache_holds_no_more_than_its_bytes() -> None:
    budget = 10 * 600 * BYTES_PER_QUERY_BYTE  # room for about ten operations of ~600 bytes
    preparer = OperationPreparer(SHOP, OperationLimits(cache_bytes=budget, **ROOMY))
    for tag in range(40):
        await preparer.prepare(large_operation(f"t{tag}_", 50), None)
    assert 0 < preparer._cache.bytes <= budget


async def test_an_operation_heavier_than_an_eighth_of_the_cache_is_not_cached() -> None:
    query = large_operation("big", 500)
    limits = OperationLimits(cache_bytes=len(query) * BYTES_PER_QUERY_BYTE * 7, **ROOMY)
    preparer = OperationPreparer(SHOP, limits)
    first = await preparer.prepare(query, None)
    assert (await preparer.prepare(query, None)) is not first
    assert preparer._cache.bytes == 0


async def test_a_new_operation_is_prepared_in_a_worker_thread() -> None:
    threads: list[str] = []

    class WatchedPreparer(OperationPreparer):
        def prepare_now(self, query: str, operation_name: str | None) -> object:  # type: ignore[override]
            threads.append(threading.current_thread().name)
            return super().prepare_now(query, operation_name)

    preparer = WatchedPreparer(SHOP)
    await preparer.prepare("{ me { id } }", None)
    assert threads and threads[0].startswith("router-prepare")
    assert threading.current_thread().name not in threads


async def test_a_cached_request_is_answered_while_a_large_new_one_is_being_prepared() -> None:
    roomy = RouterConfig(max_aliases=ROOMY["max_aliases"])
    router = build_router(SUPERGRAPH, roomy, clients=recording_clients())
    await router.execute(GraphQLRequest(query="{ me { name } }"))  # prepared and cached
    heavy = asyncio.create_task(router.execute(GraphQLRequest(query=large_operation("h", 4_000))))
    await asyncio.sleep(0)  # the heavy preparation has started in its worker
    light = asyncio.create_task(router.execute(GraphQLRequest(query="{ me { name } }")))
    done, _ = await asyncio.wait({heavy, light}, return_when=asyncio.FIRST_COMPLETED)
    assert light in done and heavy not in done
    assert (await light).body == {"data": {"me": {"name": "Ada"}}}
    assert "errors" not in (await heavy).body


async def test_a_refusal_for_planning_time_is_not_cached() -> None:
    # A busy moment can make any operation late: the next request for it is planned again.
    preparer = OperationPreparer(SHOP, OperationLimits(planning_timeout=1e-9))
    for _ in range(2):
        with pytest.raises(RequestError) as refused:
            await preparer.prepare("{ me { name } }", None)
        assert refused.value.limit == "planning_timeout"
    assert len(preparer._cache) == 0
