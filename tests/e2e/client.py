"""A GraphQL client for the whole system, the way a browser or a partner talks to the router."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from jobgraph.system import running_system


class GraphQLErrors(AssertionError):
    """The response had errors where the test expected none."""


@dataclass
class Person:
    """A signed-up person: their id and access token."""

    id: str
    token: str
    email: str


class RouterClient:
    """POSTs operations to /graphql with an optional bearer token."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def raw(self, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or None}, headers=headers
        )
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
        """The response's data; fails the test on any error."""
        body = await self.raw(query, token, **variables)
        if body.get("errors"):
            raise GraphQLErrors(body["errors"])
        data: dict[str, Any] = body["data"]
        return data

    async def sign_up(self, email: str, name: str) -> Person:
        data = await self.data(
            """mutation($email: String!, $name: String!) {
              register(input: {email: $email, password: "correct horse battery", name: $name}) {
                token user { id }
              }
            }""",
            email=email,
            name=name,
        )
        return Person(id=data["register"]["user"]["id"], token=data["register"]["token"], email=email)


@asynccontextmanager
async def system_client(
    data_dir: Path, environ: Mapping[str, str] | None = None
) -> AsyncIterator[RouterClient]:
    """The whole system started on `data_dir`, and a client talking to its router in process."""
    async with running_system(data_dir, environ or {}) as system:
        transport = httpx.ASGITransport(app=system.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jobgraph", timeout=30) as http:
            yield RouterClient(http)
