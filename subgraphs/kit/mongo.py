"""MongoDB helpers the document subgraphs share (contacts, files)."""

from __future__ import annotations

import asyncio
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession


class MongoTransaction:
    """`async with` a session with a started transaction: committed on success, aborted on an exception."""

    def __init__(self, client: AsyncMongoClient[dict[str, Any]]) -> None:
        self._client = client
        self._session: AsyncClientSession | None = None

    async def __aenter__(self) -> AsyncClientSession:
        self._session = self._client.start_session()
        await self._session.start_transaction()
        return self._session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: object
    ) -> None:
        session = self._session
        assert session is not None
        try:
            if session.in_transaction:
                if kind is None:
                    await session.commit_transaction()
                else:
                    await asyncio.shield(session.abort_transaction())
        finally:
            await session.end_session()
