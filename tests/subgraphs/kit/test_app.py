"""The kit's subgraph app: /graphql with the caller in its context, /health, /metrics counting requests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import strawberry
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.routing import Mount
from strawberry.types import Info

from subgraphs.kit.app import ConsumesEvents, RequestContext, SubgraphGraphQL, subgraph_app, verifier_for
from subgraphs.kit.auth import Identity, TokenVerifier
from subgraphs.kit.events import EventConsumer, EventEnvelope
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.harness import PUBLIC_PEM, subgraph_settings, token


@dataclass
class DemoContext(RequestContext[None]):
    sign_in_message = "sign in to see the demo"


@strawberry.type
class Query:
    @strawberry.field
    def whoami(self, info: Info) -> str:
        return DemoContext.of(info).require_user()


SCHEMA = strawberry.federation.Schema(query=Query)


@asynccontextmanager
async def nothing(_: Starlette) -> AsyncIterator[None]:
    yield


def demo_app() -> Starlette:
    graphql = SubgraphGraphQL(
        SCHEMA,
        lambda identity, error: DemoContext(service=None, identity=identity, auth_error=error),
        TokenVerifier(key=PUBLIC_PEM),
    )
    return subgraph_app("demo", graphql, nothing)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    # Mounted under a prefix, as `jobgraph dev` mounts every subgraph: routes are still named by template.
    host = Starlette(routes=[Mount("/subgraphs/demo", app=demo_app())])
    transport = httpx.ASGITransport(app=host)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://demo/subgraphs/demo", timeout=10
    ) as client:
        yield client


def samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


async def test_the_caller_comes_from_the_token(http: httpx.AsyncClient) -> None:
    signed_in = await http.post(
        "/graphql", json={"query": "{ whoami }"}, headers={"authorization": f"Bearer {token('ada')}"}
    )
    assert signed_in.json() == {"data": {"whoami": "ada"}}
    anonymous = (await http.post("/graphql", json={"query": "{ whoami }"})).json()
    assert anonymous["errors"][0]["message"] == "sign in to see the demo"
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    refused = await http.post(
        "/graphql", json={"query": "{ whoami }"}, headers={"authorization": "Bearer nope"}
    )
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_requests_are_counted_by_route_template_and_status(http: httpx.AsyncClient) -> None:
    assert (await http.get("/health")).json() == {"status": "ok", "service": "demo"}
    await http.post("/graphql", json={"query": "{ __typename }"})
    await http.post("/graphql", json={"query": "{ __typename }"})
    await http.get("/no/such/page/42")
    text = (await http.get("/metrics")).text
    counts = samples(text, "jobgraph_http_requests_total")
    assert counts[(("route", "/graphql"), ("service", "demo"), ("status", "200"))] == 2
    assert counts[(("route", "/health"), ("service", "demo"), ("status", "200"))] == 1
    assert counts[(("route", "other"), ("service", "demo"), ("status", "404"))] == 1
    buckets = samples(text, "jobgraph_http_request_duration_seconds_bucket")
    assert buckets[(("le", "0.001"), ("route", "/graphql"), ("service", "demo"))] <= 2
    assert buckets[(("le", "+Inf"), ("route", "/graphql"), ("service", "demo"))] == 2
    assert "process_resident_memory_bytes" in text or "python_gc_objects_collected_total" in text


async def test_every_app_counts_for_itself() -> None:
    first, second = demo_app(), demo_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=first), base_url="http://a") as client:
        await client.get("/health")
        first_text = (await client.get("/metrics")).text
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=second), base_url="http://b") as client:
        second_text = (await client.get("/metrics")).text
    health = (("route", "/health"), ("service", "demo"), ("status", "200"))
    assert samples(first_text, "jobgraph_http_requests_total")[health] == 1
    assert health not in samples(second_text, "jobgraph_http_requests_total")


def test_the_verifier_is_the_given_one_else_one_for_the_settings_key_else_none(tmp_path: Path) -> None:
    keyed = subgraph_settings("demo", tmp_path)
    keyless = SubgraphSettings.from_env("demo", {"JOBGRAPH_DATA_DIR": str(tmp_path)})
    given = TokenVerifier(key=PUBLIC_PEM)

    assert verifier_for(keyed, given) is given
    from_settings = verifier_for(keyed)
    assert from_settings is not None
    assert from_settings.identity({"authorization": f"Bearer {token('alice')}"}) == Identity.person("alice")
    assert verifier_for(keyless) is None


@dataclass(frozen=True, slots=True)
class DemoSubgraph(ConsumesEvents):
    name: str
    consumer: EventConsumer


async def test_a_consuming_subgraph_offers_its_consumer_handlers() -> None:
    async def handle(_: EventEnvelope) -> None:
        return None

    built = DemoSubgraph(name="demo", consumer=EventConsumer("demo", {"application.*": handle}))

    assert built.handlers == {"application.*": handle}
