"""Idempotency keys in a subgraph's request path (SubgraphGraphQL with an IdempotencyGuard), on SQLite and the
real PostgreSQL: a retried mutation replays its first response, per person, for 24 hours; another request
under the key is CONFLICT; a retry while the first still acts waits for it; a refusal is not kept."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette
from strawberry.types import Info

from subgraphs.kit.app import RequestContext, SubgraphGraphQL, subgraph_app
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.idempotency import Acting, Claim, IdempotencyGuard, SqlIdempotencyStore
from subgraphs.kit.schema import SubgraphSchema
from tests.subgraphs.harness import PUBLIC_PEM, token

ADD = "mutation Add($amount: Int!) { add(amount: $amount) { total actions } }"


@dataclass
class Counter:
    """The demo subgraph's state: what each `add` did, and a gate that holds every `add` while closed."""

    actions: list[int] = field(default_factory=list)
    gate: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.gate.set()


@dataclass
class CounterContext(RequestContext[Counter]):
    pass


@strawberry.type
class Total:
    total: int
    actions: int

    @strawberry.field
    def receipt(self) -> str:
        if self.total == 7:
            raise RuntimeError("the receipt printer jammed")
        return f"total {self.total}"


@strawberry.type
class Query:
    @strawberry.field
    def total(self, info: Info) -> int:
        return sum(CounterContext.of(info).service.actions)


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def add(self, info: Info, amount: int) -> Total:
        counter = CounterContext.of(info).service
        if amount < 0:
            raise BadUserInput("amount must not be negative", field="amount")
        if amount == 13:
            raise RuntimeError("unlucky")
        await counter.gate.wait()
        counter.actions.append(amount)
        return Total(total=sum(counter.actions), actions=len(counter.actions))


SCHEMA = SubgraphSchema(query=Query, mutation=Mutation)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Demo:
    http: httpx.AsyncClient
    counter: Counter
    guard: IdempotencyGuard
    clock: Clock

    async def post(
        self, query: str, *, key: str | None, user: str | None = "ada", **variables: Any
    ) -> httpx.Response:
        headers = {"authorization": f"Bearer {token(user)}"} if user is not None else {}
        if key is not None:
            headers["idempotency-key"] = key
        return await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )

    async def add(self, amount: int, *, key: str | None, user: str | None = "ada") -> dict[str, Any]:
        body: dict[str, Any] = (await self.post(ADD, key=key, user=user, amount=amount)).json()
        return body


@asynccontextmanager
async def nothing(_: Starlette) -> AsyncIterator[None]:
    yield


@pytest.fixture
async def demo(sql_engine: AsyncEngine) -> AsyncIterator[Demo]:
    counter = Counter()
    clock = Clock()
    guard = IdempotencyGuard(SqlIdempotencyStore(async_sessionmaker(sql_engine)), wait_seconds=5, clock=clock)
    graphql = SubgraphGraphQL(
        SCHEMA,
        lambda identity, error: CounterContext(service=counter, identity=identity, auth_error=error),
        TokenVerifier(key=PUBLIC_PEM),
        idempotency=guard,
    )
    app = subgraph_app("demo", graphql, nothing)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo", timeout=30) as http:
            yield Demo(http, counter, guard, clock)


def _error(body: dict[str, Any]) -> dict[str, Any]:
    assert len(body["errors"]) == 1, body
    error: dict[str, Any] = body["errors"][0]
    return error


async def test_a_retry_replays_the_first_response_without_acting_again(demo: Demo) -> None:
    first = await demo.post(ADD, key="order-1", amount=5)
    retry = await demo.post(ADD, key="order-1", amount=5)
    assert first.json() == {"data": {"add": {"total": 5, "actions": 1}}}
    assert retry.json() == {
        "data": {"add": {"total": 5, "actions": 1}},
        "extensions": {"idempotentReplay": True},
    }
    assert retry.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert demo.counter.actions == [5]


async def test_the_request_is_compared_after_normalising_the_query(demo: Demo) -> None:
    await demo.add(5, key="order-1")
    respaced = "mutation Add($amount: Int!) {\n  add(amount: $amount) { # again\n total, actions } }"
    body = (await demo.post(respaced, key="order-1", amount=5)).json()
    assert body["extensions"] == {"idempotentReplay": True}
    assert demo.counter.actions == [5]


async def test_the_same_key_with_another_request_is_conflict(demo: Demo) -> None:
    await demo.add(5, key="order-1")
    error = _error(await demo.add(6, key="order-1"))
    assert error["extensions"] == {"code": "CONFLICT", "field": "Idempotency-Key"}
    assert "different request" in error["message"]
    assert demo.counter.actions == [5]


async def test_keys_are_per_person(demo: Demo) -> None:
    await demo.add(5, key="order-1", user="ada")
    body = await demo.add(6, key="order-1", user="grace")
    assert body == {"data": {"add": {"total": 11, "actions": 2}}}


async def test_without_a_key_or_a_caller_every_request_acts(demo: Demo) -> None:
    await demo.add(1, key=None)
    await demo.add(1, key=None)
    await demo.add(1, key="anonymous", user=None)
    await demo.add(1, key="anonymous", user=None)
    assert demo.counter.actions == [1, 1, 1, 1]


async def test_queries_are_not_keyed(demo: Demo) -> None:
    await demo.post("{ total }", key="order-1")
    body = await demo.add(5, key="order-1")
    assert body == {"data": {"add": {"total": 5, "actions": 1}}}


async def test_a_request_refused_before_acting_is_not_kept(demo: Demo) -> None:
    refused = await demo.add(-1, key="order-1")
    assert _error(refused)["extensions"] == {"code": "BAD_USER_INPUT", "field": "amount"}
    again = await demo.add(-1, key="order-1")
    assert "extensions" not in again or "idempotentReplay" not in again["extensions"]
    # The key is free: a corrected request may use it.
    assert await demo.add(5, key="order-1") == {"data": {"add": {"total": 5, "actions": 1}}}


async def test_an_internal_error_is_not_kept(demo: Demo) -> None:
    failed = await demo.add(13, key="order-1")
    assert _error(failed)["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert await demo.add(5, key="order-1") == {"data": {"add": {"total": 5, "actions": 1}}}


async def test_an_error_after_the_mutation_acted_is_kept(demo: Demo) -> None:
    # `add` acted, then its non-null `receipt` failed: the whole (non-null) root field is null, yet a retry
    # must not add again.
    query = "mutation { add(amount: 7) { total receipt } }"
    first = (await demo.post(query, key="order-1")).json()
    assert first["data"] is None
    assert first["errors"][0]["path"] == ["add", "receipt"]
    retry = (await demo.post(query, key="order-1")).json()
    assert retry == {**first, "extensions": {"idempotentReplay": True}}
    assert demo.counter.actions == [7]


async def test_concurrent_retries_wait_for_the_first_and_replay_it(demo: Demo) -> None:
    demo.counter.gate.clear()
    retries = [asyncio.create_task(demo.add(5, key="order-1")) for _ in range(10)]
    await asyncio.sleep(0.3)
    demo.counter.gate.set()
    bodies = await asyncio.gather(*retries)
    assert demo.counter.actions == [5]
    assert {str(body["data"]) for body in bodies} == {"{'add': {'total': 5, 'actions': 1}}"}
    assert sum("extensions" in body for body in bodies) == 9


async def test_a_retry_waits_only_so_long_for_a_request_in_progress(demo: Demo) -> None:
    demo.guard.wait_seconds = 0.2
    demo.counter.gate.clear()
    first = asyncio.create_task(demo.add(5, key="order-1"))
    await asyncio.sleep(0.1)
    error = _error(await demo.add(5, key="order-1"))
    assert error["extensions"] == {"code": "CONFLICT", "field": "Idempotency-Key"}
    assert "still in progress" in error["message"]
    demo.counter.gate.set()
    assert await first == {"data": {"add": {"total": 5, "actions": 1}}}


async def test_a_key_expires_after_24_hours(demo: Demo) -> None:
    await demo.add(5, key="order-1")
    demo.clock.now += timedelta(hours=23, minutes=59)
    assert (await demo.add(5, key="order-1"))["extensions"] == {"idempotentReplay": True}
    demo.clock.now += timedelta(minutes=1)
    assert await demo.add(5, key="order-1") == {"data": {"add": {"total": 10, "actions": 2}}}


async def test_sweep_deletes_expired_keys(demo: Demo) -> None:
    await demo.add(5, key="order-1")
    await demo.add(5, key="order-2")
    assert await demo.guard.sweep() == 0
    demo.clock.now += timedelta(hours=24)
    assert await demo.guard.sweep() == 2


@pytest.mark.parametrize("key", [b"", b"x" * 256, "naïve".encode(), b"tab\there"])
async def test_an_unusable_key_is_bad_user_input(demo: Demo, key: bytes) -> None:
    headers = {b"authorization": f"Bearer {token('ada')}".encode(), b"idempotency-key": key}
    body = (
        await demo.http.post("/graphql", json={"query": ADD, "variables": {"amount": 1}}, headers=headers)
    ).json()
    assert _error(body)["extensions"] == {"code": "BAD_USER_INPUT", "field": "Idempotency-Key"}
    assert demo.counter.actions == []


async def test_the_app_sweeps_expired_keys_while_it_runs(sql_engine: AsyncEngine) -> None:
    clock = Clock()
    guard = IdempotencyGuard(SqlIdempotencyStore(async_sessionmaker(sql_engine)), clock=clock)
    acting = await guard.begin("ada", "order-1", "f1")
    assert isinstance(acting, Acting)
    await guard.finish(acting, {"data": {"add": None}})
    clock.now += timedelta(hours=25)
    graphql = SubgraphGraphQL(
        SCHEMA,
        lambda identity, error: CounterContext(service=Counter(), identity=identity, auth_error=error),
        TokenVerifier(key=PUBLIC_PEM),
        idempotency=guard,
    )
    app = subgraph_app("demo", graphql, nothing)
    async with app.router.lifespan_context(app):
        # The first sweep runs as the app starts.
        for _ in range(100):
            if await guard.store.claim(_probe(clock), stale_before=clock.now) is None:
                break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("the expired key was never swept")


def _probe(clock: Clock) -> Claim:
    # Claiming the swept key with a different fingerprint succeeds only once its old record is gone.
    return Claim("ada", "order-1", "f2", "probe", clock.now - timedelta(hours=24), clock.now)
