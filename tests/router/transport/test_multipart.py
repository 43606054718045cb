"""GraphQL multipart requests (file uploads) through the router: each file reaches only the subgraph fetch
that uses it, as a multipart request; the CSRF header, file counts and sizes are enforced first.

Spec: https://github.com/jaydenseric/graphql-multipart-request-spec; CSRF rule as Apollo Server's.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest
import strawberry
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.file_uploads import Upload

from router.app import build_router_app
from router.composition import SubgraphSource, compose
from router.config import RouterConfig, load_config
from router.subgraph_client import asgi_client

PREFLIGHT = {"apollo-require-preflight": "true"}


@strawberry.type
class Receipt:
    name: str
    size: int
    sha256: str
    content_type: str


async def _receipt(file: Any) -> Receipt:
    content = await file.read()
    return Receipt(
        name=file.filename,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content_type=file.content_type,
    )


@strawberry.type
class DocsQuery:
    hello: str = "docs"

    @strawberry.field
    async def checksum(self, file: Upload) -> str:
        return (await _receipt(file)).sha256


@strawberry.type
class DocsMutation:
    @strawberry.mutation
    async def upload(self, file: Upload) -> Receipt:
        return await _receipt(file)

    @strawberry.mutation
    async def upload_many(self, files: list[Upload]) -> list[Receipt]:
        return [await _receipt(file) for file in files]


@strawberry.type
class PeopleQuery:
    me: str = "Ada"


@strawberry.type
class PeopleMutation:
    @strawberry.mutation
    def rename(self, name: str) -> str:
        return name


class Recorder:
    """An ASGI wrapper remembering the content type of every request the subgraph received."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.content_types: list[str] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            self.content_types.append(headers.get(b"content-type", b"").decode().split(";")[0])
        await self.app(scope, receive, send)


DOCS = strawberry.federation.Schema(query=DocsQuery, mutation=DocsMutation)
PEOPLE = strawberry.federation.Schema(query=PeopleQuery, mutation=PeopleMutation)


@pytest.fixture
def subgraphs() -> dict[str, Recorder]:
    return {
        "docs": Recorder(GraphQL(DOCS, multipart_uploads_enabled=True)),
        "people": Recorder(GraphQL(PEOPLE)),
    }


@pytest.fixture
def config() -> RouterConfig:
    return RouterConfig()


@pytest.fixture
async def client(subgraphs: dict[str, Recorder], config: RouterConfig) -> AsyncIterator[httpx.AsyncClient]:
    result = compose(
        [
            SubgraphSource("docs", "http://docs/graphql", DOCS.as_str()),
            SubgraphSource("people", "http://people/graphql", PEOPLE.as_str()),
        ]
    )
    assert result.supergraph_sdl is not None, result.errors
    clients = {name: asgi_client(name, app) for name, app in subgraphs.items()}
    app = build_router_app(result.supergraph_sdl, clients, config)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://router", timeout=10) as http:
        yield http


async def send(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any],
    file_map: dict[str, list[str]],
    files: dict[str, tuple[str, bytes, str]],
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    operations = orjson.dumps({"query": query, "variables": variables}).decode()
    return await client.post(
        "/graphql",
        data={"operations": operations, "map": orjson.dumps(file_map).decode()},
        files=files,
        headers=PREFLIGHT if headers is None else headers,
    )


UPLOAD = "mutation($file: Upload!) { upload(file: $file) { name size sha256 contentType } }"


async def test_a_file_reaches_the_subgraph_that_takes_it_intact(client: httpx.AsyncClient) -> None:
    content = b"%PDF-1.4 resume" * 50
    response = await send(
        client,
        UPLOAD,
        {"file": None},
        {"0": ["variables.file"]},
        {"0": ("cv.pdf", content, "application/pdf")},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "data": {
            "upload": {
                "name": "cv.pdf",
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
                "contentType": "application/pdf",
            }
        }
    }


async def test_only_the_fetch_using_the_file_is_sent_as_multipart(
    client: httpx.AsyncClient, subgraphs: dict[str, Recorder]
) -> None:
    query = 'mutation($file: Upload!) { upload(file: $file) { size } rename(name: "Grace") }'
    response = await send(
        client, query, {"file": None}, {"0": ["variables.file"]}, {"0": ("a.txt", b"abc", "text/plain")}
    )
    assert response.json() == {"data": {"upload": {"size": 3}, "rename": "Grace"}}
    assert subgraphs["docs"].content_types == ["multipart/form-data"]
    assert subgraphs["people"].content_types == ["application/json"]


async def test_a_list_of_files_keeps_its_order(client: httpx.AsyncClient) -> None:
    query = "mutation($files: [Upload!]!) { uploadMany(files: $files) { name size } }"
    response = await send(
        client,
        query,
        {"files": [None, None]},
        {"a": ["variables.files.0"], "b": ["variables.files.1"]},
        {"a": ("one.txt", b"1", "text/plain"), "b": ("two.txt", b"22", "text/plain")},
    )
    assert response.json()["data"]["uploadMany"] == [
        {"name": "one.txt", "size": 1},
        {"name": "two.txt", "size": 2},
    ]


async def test_a_multipart_request_without_the_csrf_header_is_refused(
    client: httpx.AsyncClient, subgraphs: dict[str, Recorder]
) -> None:
    response = await send(
        client,
        UPLOAD,
        {"file": None},
        {"0": ["variables.file"]},
        {"0": ("a.txt", b"abc", "text/plain")},
        headers={},
    )
    assert response.status_code == 400
    assert "Cross-Site Request Forgery" in response.json()["errors"][0]["message"]
    assert subgraphs["docs"].content_types == []
    allowed = await send(
        client,
        UPLOAD,
        {"file": None},
        {"0": ["variables.file"]},
        {"0": ("a.txt", b"abc", "text/plain")},
        headers={"x-apollo-operation-name": "Upload"},
    )
    assert allowed.status_code == 200


async def test_more_files_than_allowed_are_refused(
    client: httpx.AsyncClient, subgraphs: dict[str, Recorder]
) -> None:
    # The default limit is 5 files.
    names = [str(index) for index in range(6)]
    response = await send(
        client,
        "mutation($files: [Upload!]!) { uploadMany(files: $files) { size } }",
        {"files": [None] * 6},
        {name: [f"variables.files.{name}"] for name in names},
        {name: (f"{name}.txt", b"x", "text/plain") for name in names},
    )
    assert response.status_code == 413
    assert "Too many files" in response.json()["errors"][0]["message"]
    assert subgraphs["docs"].content_types == []


async def test_a_file_over_the_size_limit_is_refused(
    client: httpx.AsyncClient, subgraphs: dict[str, Recorder]
) -> None:
    big = b"x" * (10 * 1024 * 1024 + 1)
    response = await send(
        client,
        UPLOAD,
        {"file": None},
        {"0": ["variables.file"]},
        {"0": ("big.bin", big, "application/octet-stream")},
    )
    assert response.status_code == 413
    assert subgraphs["docs"].content_types == []


@pytest.mark.parametrize(
    "config",
    [
        load_config(
            None, {"JOBGRAPH_ROUTER_MAX_UPLOAD_FILES": "1", "JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES": "8"}
        )
    ],
)
async def test_the_configured_upload_limits_are_the_ones_held(
    client: httpx.AsyncClient, subgraphs: dict[str, Recorder]
) -> None:
    many = await send(
        client,
        "mutation($files: [Upload!]!) { uploadMany(files: $files) { size } }",
        {"files": [None, None]},
        {"0": ["variables.files.0"], "1": ["variables.files.1"]},
        {"0": ("0.txt", b"x", "text/plain"), "1": ("1.txt", b"x", "text/plain")},
    )
    assert many.status_code == 413
    nine = await send(
        client, UPLOAD, {"file": None}, {"0": ["variables.file"]}, {"0": ("a.txt", b"x" * 9, "text/plain")}
    )
    assert nine.status_code == 413
    assert subgraphs["docs"].content_types == []
    eight = await send(
        client, UPLOAD, {"file": None}, {"0": ["variables.file"]}, {"0": ("a.txt", b"x" * 8, "text/plain")}
    )
    assert eight.status_code == 200, eight.text
    assert eight.json()["data"]["upload"]["size"] == 8


@pytest.mark.parametrize(
    ("file_map", "message"),
    [
        ({"0": ["query"]}, "must start with 'variables.'"),
        ({"0": ["variables.missing"]}, "must point at a null"),
        ({"1": ["variables.file"]}, "does not carry"),
        ({}, "not in 'map'"),
    ],
)
async def test_a_malformed_map_is_a_bad_request(
    client: httpx.AsyncClient, file_map: dict[str, list[str]], message: str
) -> None:
    response = await send(client, UPLOAD, {"file": None}, file_map, {"0": ("a.txt", b"abc", "text/plain")})
    assert response.status_code == 400
    assert message in response.json()["errors"][0]["message"]


async def test_operations_must_come_as_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        data={"operations": "{not json", "map": "{}"},
        files={"0": ("a", b"a", "text/plain")},
        headers=PREFLIGHT,
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["errors"][0]["message"]


async def test_a_query_may_take_a_file_and_concurrent_ones_are_not_merged(client: httpx.AsyncClient) -> None:
    # Identical concurrent queries share one subgraph call (deduplication); queries with files never do.
    query = "query($file: Upload!) { checksum(file: $file) }"
    contents = [b"first", b"second"]
    responses = await asyncio.gather(
        *(
            send(
                client,
                query,
                {"file": None},
                {"0": ["variables.file"]},
                {"0": ("a.txt", content, "text/plain")},
            )
            for content in contents
        )
    )
    assert [response.json()["data"]["checksum"] for response in responses] == [
        hashlib.sha256(content).hexdigest() for content in contents
    ]
