"""Export and import through the router, as a client uses them: export to each format and download through
the signed URL, then a multipart import of that file into another account reproduces the applications;
an import past the router's upload limit is refused before it reaches the subgraph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
import pytest

from subgraphs.applications.settings import DEV_PUBLIC_URL
from tests.e2e.client import RouterClient, system_client

EXPORT = """mutation($format: ApplicationFileFormat!, $filter: ApplicationFilter) {
  exportApplications(format: $format, filter: $filter) { url filename contentType rowCount expiresAt } }"""
IMPORT = """mutation($file: Upload!, $commit: Boolean!) {
  importApplications(file: $file, commit: $commit) {
    committed createdCount refusedCount rows { row outcome errors { field message } } } }"""
LIST = """{ applications(first: 50) { edges { node {
  company position location salary { min max currency period } jobUrl status notes appliedAt createdAt
  source sourceDetail priority workMode employmentType deadline tags
  statusHistory { status note changedAt } timeline { kind at status previousStatus note } } } } }"""


async def download(client: RouterClient, url: str) -> bytes:
    """The bytes behind an export URL: `jobgraph dev` serves it at its mount of the applications subgraph."""
    assert url.startswith(DEV_PUBLIC_URL + "/blobs/"), url
    parts = urlsplit(url)
    response = await client.http.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.text
    return response.content


async def import_file(
    client: RouterClient, token: str, name: str, content: bytes, *, commit: bool
) -> dict[str, Any]:
    operations = {"query": IMPORT, "variables": {"file": None, "commit": commit}}
    response = await client.http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": (name, content, "application/octet-stream")},
        headers={"authorization": f"Bearer {token}", "apollo-require-preflight": "true"},
    )
    body: dict[str, Any] = response.json()
    return body


async def tracked(client: RouterClient, token: str) -> None:
    created = await client.data(
        "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }",
        token,
        input={
            "company": "Initech",
            "position": "Backend Engineer",
            "location": "Berlin",
            "salary": {"min": 60000, "max": 80000, "currency": "EUR", "period": "YEAR"},
            "jobUrl": "https://jobs.example/1",
            "notes": "=1+1 is not a formula here",
            "source": "RECRUITER",
            "sourceDetail": "Jane",
            "priority": 2,
            "workMode": "ONSITE",
            "employmentType": "CONTRACT",
            "deadline": "2031-04-01T17:00:00Z",
            "tags": ["=sum", "rust"],
        },
    )
    await client.data(
        'mutation($id: ID!) { changeApplicationStatus(id: $id, status: APPLIED, note: "by email") { id } }',
        token,
        id=created["createApplication"]["id"],
    )
    await client.data(
        'mutation { createApplication(input: {company: "@Globex", position: "Designer"}) { id } }', token
    )


def without_times_of_import(applications: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = [edge["node"] for edge in applications["applications"]["edges"]]
    return sorted(nodes, key=lambda node: node["company"])


@pytest.mark.parametrize("format", ["CSV", "XLSX"])
async def test_an_export_imports_into_another_account_as_the_same_applications(
    client: RouterClient, format: str
) -> None:
    ada = await client.sign_up("ada@example.com", "Ada")
    bob = await client.sign_up("bob@example.com", "Bob")
    await tracked(client, ada.token)
    exported = (await client.data(EXPORT, ada.token, format=format))["exportApplications"]
    assert exported["rowCount"] == 2
    content = await download(client, exported["url"])

    preview = await import_file(client, bob.token, exported["filename"], content, commit=False)
    assert preview["data"]["importApplications"]["createdCount"] == 2
    assert (await client.data("{ applications { totalCount } }", bob.token))["applications"][
        "totalCount"
    ] == 0

    committed = (await import_file(client, bob.token, exported["filename"], content, commit=True))["data"]
    assert committed["importApplications"] == {
        "committed": True,
        "createdCount": 2,
        "refusedCount": 0,
        "rows": [
            {"row": 2, "outcome": "CREATED", "errors": []},
            {"row": 3, "outcome": "CREATED", "errors": []},
        ],
    }
    mine = without_times_of_import(await client.data(LIST, ada.token))
    theirs = without_times_of_import(await client.data(LIST, bob.token))
    assert theirs == mine
    assert [change["status"] for change in mine[1]["statusHistory"]] == ["SAVED", "APPLIED"]
    # The new fields and the timeline (creation, then the status change with its note) came along.
    assert (mine[1]["workMode"], mine[1]["tags"]) == ("ONSITE", ["=sum", "rust"])
    assert [(entry["kind"], entry["note"]) for entry in theirs[1]["timeline"]] == [
        ("CREATED", None),
        ("STATUS_CHANGED", "by email"),
    ]


async def test_a_json_export_through_the_router_holds_the_filtered_list(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada")
    await tracked(client, ada.token)
    exported = await client.data(EXPORT, ada.token, format="JSON", filter={"status": ["APPLIED"]})
    records = json.loads(await download(client, exported["exportApplications"]["url"]))["applications"]
    assert [(record["company"], record["notes"]) for record in records] == [
        ("Initech", "=1+1 is not a formula here")
    ]


async def test_an_import_of_50_mb_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    async with system_client(tmp_path) as client:
        ada = await client.sign_up("ada@example.com", "Ada")
        content = b"company,position\r\n" + b"Acme,Engineer\r\n" * (50 * 1024 * 1024 // 15)
        body = await import_file(client, ada.token, "huge.csv", content, commit=True)
        # The router's limit (JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES) stops it while it streams in: 413.
        assert body["errors"] == [
            {"message": "A file is larger than 10485760 bytes.", "extensions": {"code": "BAD_REQUEST"}}
        ]
        assert (await client.data("{ applications { totalCount } }", ada.token))["applications"][
            "totalCount"
        ] == 0
        # Under the router's limit, the subgraph's own (5 MB) applies, naming the file.
        content = b"company,position\r\n" + b"Acme,Engineer\r\n" * (6 * 1024 * 1024 // 15)
        body = await import_file(client, ada.token, "big.csv", content, commit=True)
        (error,) = body["errors"]
        assert (error["extensions"]["code"], error["extensions"]["field"]) == ("BAD_USER_INPUT", "file")
        assert error["message"].startswith("big.csv is ")
