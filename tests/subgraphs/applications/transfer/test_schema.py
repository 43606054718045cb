"""Export and import over the subgraph's HTTP API: the signed download route, multipart uploads, and who may
do what (every caller sees only their own applications; anonymous callers nothing)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson
import pytest

from subgraphs.applications.app import ApplicationsSubgraph, build_subgraph
from subgraphs.applications.settings import ExportSettings
from subgraphs.kit.events import InProcessBus
from tests.subgraphs.harness import post, started, subgraph_settings, token

PUBLIC = "http://subgraph/exports-mount"
CREATE = """mutation($company: String!) {
  createApplication(input: {company: $company, position: "Engineer"}) { id }
}"""
EXPORT = """mutation($format: ApplicationFileFormat!, $filter: ApplicationFilter) {
  exportApplications(format: $format, filter: $filter) { url filename contentType rowCount expiresAt }
}"""
IMPORT = """mutation($file: Upload!, $commit: Boolean!, $mapping: [ImportColumnInput!]) {
  importApplications(file: $file, commit: $commit, mapping: $mapping) {
    committed createdCount refusedCount ignoredColumns columns { column field }
    rows { row outcome company position applicationId errors { field message } }
  }
}"""


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[ApplicationsSubgraph]:
    settings = subgraph_settings("applications", tmp_path)
    built = build_subgraph(
        settings, bus=bus, export_settings=ExportSettings(public_url=PUBLIC, signing_secret="s")
    )
    async with started(built) as running:
        yield running


async def download(http: httpx.AsyncClient, url: str) -> httpx.Response:
    """GET an export URL from the app (its public address is where the test mounted it)."""
    assert url.startswith(PUBLIC + "/blobs/")
    parts = urlsplit(url)
    return await http.get(parts.path.removeprefix(urlsplit(PUBLIC).path) + "?" + parts.query)


async def upload(
    http: httpx.AsyncClient,
    user: str | None,
    content: bytes,
    *,
    commit: bool,
    name: str = "mine.csv",
    **extra: Any,
) -> dict[str, Any]:
    operations = {"query": IMPORT, "variables": {"file": None, "commit": commit, **extra}}
    headers = {"apollo-require-preflight": "true"}
    if user is not None:
        headers["Authorization"] = f"Bearer {token(user)}"
    response = await http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": (name, content, "text/csv")},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_an_export_downloads_through_its_signed_url(http: httpx.AsyncClient) -> None:
    for company in ("Acme", "Globex"):
        await post(http, CREATE, token("alice"), company=company)
    await post(http, CREATE, token("bob"), company="Bob's own")
    body = await post(http, EXPORT, token("alice"), format="CSV", filter={"search": "acme"})
    found = body["data"]["exportApplications"]
    assert (found["rowCount"], found["contentType"]) == (1, "text/csv; charset=utf-8")
    response = await download(http, found["url"])
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith(f'attachment; filename="{found["filename"]}"')
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "Acme" in response.text and "Globex" not in response.text and "Bob" not in response.text


async def test_an_edited_export_url_is_refused(http: httpx.AsyncClient) -> None:
    await post(http, CREATE, token("alice"), company="Acme")
    url = (await post(http, EXPORT, token("alice"), format="JSON"))["data"]["exportApplications"]["url"]
    other_owner = url.replace("/blobs/alice/", "/blobs/bob/")
    assert (await download(http, other_owner)).status_code == 403
    other_type = url.replace("type=application%2Fjson", "type=text%2Fhtml")
    assert (await download(http, other_type)).status_code == 403


async def test_someone_elses_filter_exports_only_ones_own(http: httpx.AsyncClient) -> None:
    await post(http, CREATE, token("alice"), company="Acme")
    body = await post(http, EXPORT, token("bob"), format="JSON", filter={"search": "Acme"})
    found = body["data"]["exportApplications"]
    assert found["rowCount"] == 0
    assert orjson.loads((await download(http, found["url"])).content) == {"applications": []}


async def test_anonymous_callers_can_neither_export_nor_import(http: httpx.AsyncClient) -> None:
    body = await post(http, EXPORT, None, format="CSV")
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    body = await upload(http, None, b"company,position\r\nAcme,Engineer\r\n", commit=True)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_multipart_import_previews_then_commits(http: httpx.AsyncClient) -> None:
    content = b"Employer,Role,Status,Colour\r\nAcme,Engineer,APPLIED,blue\r\nGlobex,Tester,HIRED,red\r\n"
    preview = (await upload(http, "alice", content, commit=False))["data"]["importApplications"]
    assert preview["committed"] is False
    assert (preview["createdCount"], preview["refusedCount"], preview["ignoredColumns"]) == (1, 1, ["Colour"])
    assert [(row["row"], row["outcome"]) for row in preview["rows"]] == [(2, "WOULD_CREATE"), (3, "REFUSED")]
    assert preview["rows"][1]["errors"][0]["field"] == "status"
    listed = await post(http, "{ applications { totalCount } }", token("alice"))
    assert listed["data"]["applications"]["totalCount"] == 0
    committed = (await upload(http, "alice", content, commit=True))["data"]["importApplications"]
    assert [row["outcome"] for row in committed["rows"]] == ["CREATED", "REFUSED"]
    created = committed["rows"][0]["applicationId"]
    query = "query($id: ID!) { application(id: $id) { company status } }"
    assert (await post(http, query, token("alice"), id=created))["data"]["application"] == {
        "company": "Acme",
        "status": "APPLIED",
    }


async def test_import_bad_input_is_a_clear_error_naming_its_field(http: httpx.AsyncClient) -> None:
    body = await upload(http, "alice", b"notes\r\nhello\r\n", commit=True)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "file"}
    body = await upload(http, "alice", "company,position\r\nCafé,x\r\n".encode("cp1252"), commit=True)
    assert body["errors"][0]["extensions"]["field"] == "file"
    assert "not UTF-8" in body["errors"][0]["message"]
    mapping = [{"column": "company", "field": "wages"}]
    body = await upload(http, "alice", b"company,position\r\nA,B\r\n", commit=True, mapping=mapping)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "mapping.0.field"}
