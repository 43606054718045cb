"""`@defer` over HTTP on a real socket: multipart parts in Apollo's form (`deferSpec=20220824`) and the RFC
draft's (`incrementalSpec=v0.2`), SSE `next` events, and one ordinary JSON response for a client whose
preferred type is JSON, or for an operation with nothing deferred."""

from __future__ import annotations

import json

from tests.router.transport.streaming import multipart_parts, sse_events, streaming_router

QUERY = '{ topProducts(first: 2) { name ... @defer(label: "r") { reviews { body } } } }'
TABLE = [{"body": "Sturdy"}, {"body": "Heavy"}]
CHAIR = [{"body": "Comfy"}]
PRIMARY = {"topProducts": [{"name": "Table"}, {"name": "Chair"}]}
APOLLO = {"accept": "multipart/mixed;deferSpec=20220824, application/json"}


async def test_apollo_clients_get_multipart_parts_in_the_20220824_form() -> None:
    async with streaming_router() as served, served.stream(QUERY, APOLLO) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == 'multipart/mixed;boundary="graphql";deferSpec=20220824'
        raw = b"".join([chunk async for chunk in response.aiter_bytes()])
    # Apollo Router's framing: a JSON part per payload, the closing boundary last.
    assert raw.startswith(b'\r\n--graphql\r\ncontent-type: application/json\r\n\r\n{"data":')
    assert raw.endswith(b"\r\n--graphql--\r\n")
    async with streaming_router() as served, served.stream(QUERY, APOLLO) as response:
        parts = [part async for part in multipart_parts(response)]
    assert parts == [
        {"data": PRIMARY, "hasNext": True},
        {
            "incremental": [
                {"data": {"reviews": TABLE}, "path": ["topProducts", 0], "label": "r"},
                {"data": {"reviews": CHAIR}, "path": ["topProducts", 1], "label": "r"},
            ],
            "hasNext": False,
        },
        None,
    ]


async def test_the_draft_form_is_asked_for_with_incremental_spec() -> None:
    headers = {"accept": "multipart/mixed;incrementalSpec=v0.2"}
    async with streaming_router() as served, served.stream(QUERY, headers) as response:
        assert response.headers["content-type"] == 'multipart/mixed;boundary="graphql";incrementalSpec=v0.2'
        parts = [part async for part in multipart_parts(response)]
    first, second, end = parts
    assert first is not None and second is not None and end is None
    assert [pending["id"] for pending in first["pending"]] == ["0", "1"]
    assert second["completed"] == [{"id": "0"}, {"id": "1"}] and second["hasNext"] is False


async def test_sse_sends_each_payload_as_a_next_event() -> None:
    headers = {"accept": "text/event-stream"}
    async with streaming_router() as served, served.stream(QUERY, headers) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [event async for event in sse_events(response) if event[0] != "heartbeat"]
    assert [name for name, _ in events] == ["next", "next", "complete"]
    assert json.loads(events[0][1]) == {"data": PRIMARY, "hasNext": True}
    assert json.loads(events[1][1])["incremental"][0]["path"] == ["topProducts", 0]


async def test_sse_with_incremental_spec_gets_the_draft_form() -> None:
    headers = {"accept": "text/event-stream;incrementalSpec=v0.2"}
    async with streaming_router() as served, served.stream(QUERY, headers) as response:
        events = [event async for event in sse_events(response) if event[0] == "next"]
    assert [pending["id"] for pending in json.loads(events[0][1])["pending"]] == ["0", "1"]


async def test_a_client_preferring_json_gets_one_merged_response() -> None:
    # urql lists multipart among many types; only the preferred one decides (router/transport/accept.py).
    headers = {"accept": "application/graphql-response+json, multipart/mixed;deferSpec=20220824"}
    async with streaming_router() as served:
        response = await served.client.post(served.url, json={"query": QUERY}, headers=headers)
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert response.json()["data"]["topProducts"][1] == {"name": "Chair", "reviews": CHAIR}


async def test_one_operation_is_shaped_for_each_client_in_turn() -> None:
    # The projection's field plans are kept with the operation across requests: the incremental ones (deferred
    # fragments left out) must not answer a client that takes one response, nor the other way round.
    merged = {"topProducts": [{"name": "Table", "reviews": TABLE}, {"name": "Chair", "reviews": CHAIR}]}
    json_client = {"accept": "application/json"}
    async with streaming_router() as served:
        for _ in range(2):
            async with served.stream(QUERY, APOLLO) as response:
                parts = [part async for part in multipart_parts(response)]
            assert parts[0] == {"data": PRIMARY, "hasNext": True}
            response = await served.client.post(served.url, json={"query": QUERY}, headers=json_client)
            assert response.json() == {"data": merged}


async def test_an_operation_with_nothing_deferred_is_an_ordinary_json_response() -> None:
    async with streaming_router() as served:
        response = await served.client.post(
            served.url, json={"query": "{ topProducts(first: 2) { name } }"}, headers=APOLLO
        )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"data": PRIMARY}


async def test_a_request_error_is_an_ordinary_json_response() -> None:
    async with streaming_router() as served:
        response = await served.client.post(served.url, json={"query": "{ nope }"}, headers=APOLLO)
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
