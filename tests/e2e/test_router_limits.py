"""Issue 9 through the whole system (embedded defaults), where a client meets the router's limits: aliased
mutations over the limit, a doubling fragment chain, and a subgraph's request-level error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.client import RouterClient, system_client


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[RouterClient]:
    async with system_client(tmp_path) as client:
        yield client


def registrations(count: int) -> str:
    return (
        "mutation { "
        + " ".join(
            f'r{i}: register(input: {{email: "r{i}@example.com", password: "correct horse battery",'
            ' name: "R"}) { token }'
            for i in range(count)
        )
        + " }"
    )


async def test_eleven_aliased_registrations_are_refused_and_none_is_created(client: RouterClient) -> None:
    body = await client.raw(registrations(11))
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "OPERATION_LIMIT_EXCEEDED", "limit": "max_mutation_root_fields"}
    # Nothing ran: the first of them can still register.
    person = await client.sign_up("r0@example.com", "R")
    assert person.id


async def test_a_doubling_fragment_chain_on_me_is_answered(client: RouterClient) -> None:
    person = await client.sign_up("chain@example.com", "Chain")
    fragments = [f"fragment F{i} on User {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30)]
    query = "{ me { ...F0 } } " + " ".join([*fragments, "fragment F30 on User { id name }"])
    assert await client.data(query, person.token) == {"me": {"id": person.id, "name": "Chain"}}


async def test_a_request_level_subgraph_error_comes_without_a_null_error(client: RouterClient) -> None:
    person = await client.sign_up("filter@example.com", "Filter")
    body = await client.raw('{ interviews(filter: {from: ""}) { totalCount } }', person.token)
    codes = [error.get("extensions", {}).get("code") for error in body["errors"]]
    assert len(codes) == 1 and "INVALID_GRAPHQL" not in codes


async def test_the_routers_environment_settings_apply_in_one_process(tmp_path: Path) -> None:
    # `jobgraph dev` reads JOBGRAPH_ROUTER_* like `jobgraph router` does.
    async with system_client(tmp_path, {"JOBGRAPH_ROUTER_MAX_ROOT_FIELDS": "1"}) as client:
        body = await client.raw("{ a: __typename b: __typename }")
    [error] = body["errors"]
    assert error["extensions"] == {"code": "OPERATION_LIMIT_EXCEEDED", "limit": "max_root_fields"}
