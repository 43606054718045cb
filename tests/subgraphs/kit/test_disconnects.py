"""A client that hangs up before its request body arrives costs one INFO line, not an ERROR traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from starlette.types import Message

from subgraphs.applications.app import build_subgraph
from subgraphs.kit.settings import SubgraphSettings


async def test_a_client_disconnect_is_one_line_without_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    built = build_subgraph(SubgraphSettings.from_env("applications", {"JOBGRAPH_DATA_DIR": str(tmp_path)}))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 4002),
    }
    sent: list[Message] = []

    async def receive() -> Message:
        # What the server hands over when the router closed the connection at its timeout.
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    async with built.app.router.lifespan_context(built.app):
        with caplog.at_level(logging.DEBUG):
            await built.app(scope, receive, send)  # was: ClientDisconnect raised to the server
    records = [record for record in caplog.records if "disconnect" in record.getMessage()]
    assert [(record.levelno, record.getMessage()) for record in records] == [
        (logging.INFO, "client disconnected before POST /graphql was answered")
    ]
    assert all(record.exc_info is None for record in caplog.records if record.levelno >= logging.WARNING)
