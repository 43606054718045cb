"""At shutdown the router's server ends open subscription streams first, so it need not wait for clients."""

from __future__ import annotations

import asyncio
import json

import httpx
import uvicorn

from router.app import build_router_app
from router.server import RouterServer
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients
from tests.router.transport.streaming import SlowReviews, sse_events


async def test_shutdown_ends_each_stream_with_an_error_then_stops() -> None:
    clients = dict(recording_clients())
    clients["reviews"] = SlowReviews(clients["reviews"], pause=0.05)  # type: ignore[assignment]
    app = build_router_app(SUPERGRAPH, clients)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = RouterServer(config, app.state.streams)
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no start-up event to wait on
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    query = "subscription { reviewAdded(count: 100) { body } }"
    events: list[tuple[str, str]] = []
    async with (
        httpx.AsyncClient(timeout=10) as client,
        client.stream(
            "POST",
            f"http://127.0.0.1:{port}/graphql",
            json={"query": query},
            headers={"accept": "text/event-stream"},
        ) as response,
    ):
        async for event in sse_events(response):
            events.append(event)
            if event[0] == "next" and not server.should_exit:
                server.should_exit = True
    await asyncio.wait_for(serving, timeout=10)
    assert events[-1][0] == "complete"
    ending = json.loads(events[-2][1])
    assert ending["errors"][0]["extensions"]["code"] == "SUBSCRIPTION_CLOSED"
