"""Correlation ids: honoured or generated, echoed, forwarded to subgraphs, on log lines."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from router.logs import RequestIdFilter
from router.plugins import Plugin, RequestContext
from tests.router.executor.subgraphs import recording_clients
from tests.router.plugins.harness import router_http

QUERY = {"query": "{ me { name } topProducts(first: 1) { name } }"}


async def test_a_clients_id_is_echoed_and_sent_to_every_subgraph() -> None:
    clients = recording_clients()
    async with router_http(clients=clients) as http:
        response = await http.post("/graphql", json=QUERY, headers={"x-request-id": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert clients["accounts"].requests[0].headers["x-request-id"] == "abc-123"
    assert clients["products"].requests[0].headers["x-request-id"] == "abc-123"


async def test_a_request_without_an_id_gets_a_fresh_one() -> None:
    clients = recording_clients()
    async with router_http(clients=clients) as http:
        first = await http.post("/graphql", json=QUERY)
        second = await http.post("/graphql", json=QUERY)
    assert re.fullmatch(r"[0-9a-f]{32}", first.headers["x-request-id"])
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert clients["accounts"].requests[0].headers["x-request-id"] == first.headers["x-request-id"]


@pytest.mark.parametrize("given", ["x" * 200, "bad id\twith spaces", "<script>"])
async def test_an_unusable_id_is_replaced_not_echoed(given: str) -> None:
    async with router_http() as http:
        response = await http.post("/graphql", json=QUERY, headers={"x-request-id": given})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


async def test_refusals_carry_the_id_too() -> None:
    async with router_http() as http:
        response = await http.get(
            "/graphql", params={"query": "{ me { name } }"}, headers={"x-request-id": "r1"}
        )
    assert response.status_code == 400
    assert response.headers["x-request-id"] == "r1"


class LogsWhileAnswering(Plugin):
    async def response(self, context: RequestContext, body: dict[str, Any]) -> None:
        logging.getLogger("router.pipeline").info("answered")


async def test_log_lines_written_while_answering_carry_the_id(caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RequestIdFilter())
    async with router_http(LogsWhileAnswering()) as http:
        with caplog.at_level(logging.INFO):
            await http.post("/graphql", json=QUERY, headers={"x-request-id": "log-7"})
    records = [record for record in caplog.records if record.getMessage() == "answered"]
    assert [getattr(record, "request_id", None) for record in records] == ["log-7"]
