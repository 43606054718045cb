"""The proxy the outage tests stand on: it forwards, and a cut drops connections and refuses new ones."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from tests.chaos.proxy import TcpProxy, tcp_proxy


@pytest.fixture
async def echo_port() -> AsyncIterator[int]:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(1024):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()


async def roundtrip(proxy: TcpProxy) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
    writer.write(b"ping")
    await writer.drain()
    return reader, writer, await asyncio.wait_for(reader.read(4), timeout=5)


async def test_forwards_until_cut_and_again_after_restore(echo_port: int) -> None:
    with tcp_proxy("127.0.0.1", echo_port) as proxy:
        reader, writer, answer = await roundtrip(proxy)
        assert answer == b"ping"

        proxy.cut()
        # The open connection is dropped, and nobody can connect.
        assert await asyncio.wait_for(reader.read(4), timeout=5) == b""
        writer.close()
        with pytest.raises(ConnectionRefusedError):
            await asyncio.open_connection("127.0.0.1", proxy.port)

        proxy.restore()
        _, writer, answer = await roundtrip(proxy)
        assert answer == b"ping"
        writer.close()
        assert proxy.connections_accepted == 2
