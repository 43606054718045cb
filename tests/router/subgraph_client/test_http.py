"""The HTTP subgraph client: one pooled client serves every user, so it keeps no state between requests."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson

from router.app import build_router
from router.pipeline import GraphQLRequest
from router.subgraph_client import SubgraphRequest
from router.subgraph_client.http import HttpSubgraphClient
from router.subgraph_client.transports import AsgiTransport
from tests.network import serving
from tests.router.executor.subgraphs import SUPERGRAPH


async def cookie_setting_subgraph(scope: Any, receive: Any, send: Any) -> None:
    """Answers with the Cookie header it received, and sets a session cookie on every response."""
    assert scope["type"] == "http"
    while (await receive()).get("more_body"):
        pass
    received = dict(scope["headers"]).get(b"cookie", b"").decode()
    body = orjson.dumps({"data": {"cookie": received}})
    headers = [(b"content-type", b"application/json"), (b"set-cookie", b"session=alice; Path=/")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def test_a_cookie_one_response_sets_is_never_sent_on_a_later_request() -> None:
    async with serving(cookie_setting_subgraph) as url:
        client = HttpSubgraphClient("accounts", url)
        try:
            first = await client.execute(SubgraphRequest(query="{ cookie }"))
            second = await client.execute(
                SubgraphRequest(query="{ cookie }", headers={"authorization": "Bearer bob"})
            )
        finally:
            await client.aclose()
    assert first.data == {"cookie": ""}
    # Alice's session cookie must not ride along on the next request (it may be Bob's).
    assert second.data == {"cookie": ""}


async def test_a_cookie_the_router_forwards_still_reaches_the_subgraph() -> None:
    async with serving(cookie_setting_subgraph) as url:
        client = HttpSubgraphClient("accounts", url)
        try:
            response = await client.execute(
                SubgraphRequest(query="{ cookie }", headers={"cookie": "session=bob"})
            )
        finally:
            await client.aclose()
    assert response.data == {"cookie": "session=bob"}


class KeepAliveClosingServer:
    """A real HTTP/1.1 server on loopback that answers one request per connection and then, like a server
    whose keep-alive timeout expired just as the next request arrived, reads the next request and closes the
    connection without answering it."""

    def __init__(self, answer: dict[str, Any]) -> None:
        self.answer = orjson.dumps(answer)
        self.received: list[bytes] = []
        self.connections = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> str:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/graphql"

    async def __aexit__(self, *_: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            for answered in (True, False):
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                self.received.append(await reader.readexactly(length))
                if not answered:
                    break
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                    + f"content-length: {len(self.answer)}\r\n\r\n".encode()
                    + self.answer
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def test_a_query_on_a_pooled_connection_the_server_closed_is_sent_again_once() -> None:
    server = KeepAliveClosingServer({"data": {"me": {"name": "Ada"}}})
    async with server as url:
        client = HttpSubgraphClient("accounts", url, timeout=5)
        try:
            first = await client.execute(SubgraphRequest(query="{ me { name } }"))
            second = await client.execute(SubgraphRequest(query="{ me { name } }"))
        finally:
            await client.aclose()
    assert first.errors == () and second.errors == ()
    assert second.data == {"me": {"name": "Ada"}}
    # The second query went out twice: on the pooled connection (closed unanswered), then on a new one.
    assert (len(server.received), server.connections) == (3, 2)


async def test_a_mutation_on_a_pooled_connection_the_server_closed_is_never_sent_again() -> None:
    server = KeepAliveClosingServer({"data": {"register": {"id": "1"}}})
    async with server as url:
        client = HttpSubgraphClient("users", url, timeout=5)
        try:
            await client.execute(SubgraphRequest(query="{ me { id } }"))
            mutation = SubgraphRequest(query='mutation { register(email: "a@b.c") { id } }', is_mutation=True)
            response = await client.execute(mutation)
        finally:
            await client.aclose()
    # The server may have applied it: the client says it failed rather than risk applying it twice.
    assert response.data is None
    assert response.errors[0]["extensions"]["code"] == "SUBGRAPH_REQUEST_FAILED"
    assert [body.count(b"register") for body in server.received] == [0, 1]


async def test_through_the_router_a_closed_keep_alive_connection_does_not_fail_the_query() -> None:
    server = KeepAliveClosingServer({"data": {"me": {"name": "Ada"}}})
    async with server as url:
        accounts = HttpSubgraphClient("accounts", url, timeout=5)
        router = build_router(SUPERGRAPH, clients={"accounts": accounts})
        try:
            bodies = [(await router.execute(GraphQLRequest(query="{ me { name } }"))).body for _ in range(3)]
        finally:
            await accounts.aclose()
    assert bodies == [{"data": {"me": {"name": "Ada"}}}] * 3
    # Every request after the first met a connection the server had closed, and was sent again.
    assert (len(server.received), server.connections) == (5, 3)


async def slow_subgraph(scope: Any, receive: Any, send: Any) -> None:
    """Answers every request after half a second, as a subgraph doing real work (Argon2, a transaction)."""
    while (await receive()).get("more_body"):
        pass
    await asyncio.sleep(0.5)
    headers = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": orjson.dumps({"data": {"done": True}})})


async def test_a_mutation_gets_its_longer_timeout_where_a_query_would_time_out() -> None:
    client = HttpSubgraphClient(
        "users",
        "http://users/graphql",
        timeout=0.1,
        mutation_timeout=5,
        transport=AsgiTransport(slow_subgraph),
    )
    try:
        query = await client.execute(SubgraphRequest(query="{ done }"))
        mutation = await client.execute(SubgraphRequest(query="mutation { done }", is_mutation=True))
    finally:
        await client.aclose()
    assert query.errors[0]["extensions"]["code"] == "SUBGRAPH_TIMEOUT"
    assert mutation.data == {"done": True} and mutation.errors == ()
