"""Files through the router, as a client uses them: a PDF resume uploaded both ways (a GraphQL multipart
request, and directly to storage through a signed URL), downloaded, put on the profile, matched to a job.

Twice: on the embedded defaults, and in the production topology (PostgreSQL and RabbitMQ for the others;
files' metadata on the MongoDB-wire server and its bytes on the S3-compatible server the tests start).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson
import pytest

from subgraphs.files.settings import DEV_PUBLIC_URL
from tests.e2e.client import RouterClient, system_client
from tests.e2e.conftest import production_environ
from tests.subgraphs.files.documents import BACKEND_JOB, BACKEND_RESUME, pdf
from tests.subgraphs.mongo import mongodb_server
from tests.subgraphs.s3 import s3_server

RESUME = pdf(BACKEND_RESUME)
UPLOAD = """mutation($file: Upload!, $applicationId: ID) {
  uploadFile(file: $file, kind: RESUME, applicationId: $applicationId) {
    id name status contentType size } }"""
MATCH = """query($id: ID!) { application(id: $id) { company documents { id name }
  resumeMatch { score matchedKeywords missingKeywords suggestions } } }"""


@pytest.fixture(
    params=["embedded", pytest.param("production", marks=[pytest.mark.postgres, pytest.mark.rabbitmq])]
)
async def client(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[RouterClient]:
    if request.param == "embedded":
        async with system_client(tmp_path) as embedded:
            yield embedded
        return
    with mongodb_server() as mongodb_url, s3_server() as s3_url:
        async with production_environ() as environ:
            environ.pop("FILES_DATABASE_URL", None)
            environ |= {
                "FILES_MONGODB_URL": mongodb_url,
                "FILES_S3_BUCKET": "jobgraph-files-e2e",
                "FILES_S3_ENDPOINT_URL": s3_url,
                "FILES_S3_ACCESS_KEY_ID": "test",
                "FILES_S3_SECRET_ACCESS_KEY": "test",
            }
            async with system_client(tmp_path, environ) as production:
                yield production


async def fetch(client: RouterClient, method: str, url: str, **options: Any) -> httpx.Response:
    """Follow a URL the system handed out: embedded ones lead into the in-process system, S3 ones to S3."""
    if url.startswith(DEV_PUBLIC_URL):
        parts = urlsplit(url)
        return await client.http.request(method, f"{parts.path}?{parts.query}", **options)
    async with httpx.AsyncClient(timeout=30) as outside:
        return await outside.request(method, url, **options)


async def multipart_upload(
    client: RouterClient, token: str, content: bytes, **variables: Any
) -> dict[str, Any]:
    operations = {"query": UPLOAD, "variables": {"file": None, **variables}}
    response = await client.http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": ("Ada Byron resume.pdf", content, "application/pdf")},
        headers={"authorization": f"Bearer {token}", "apollo-require-preflight": "true"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body["errors"]
    uploaded: dict[str, Any] = body["data"]["uploadFile"]
    return uploaded


async def test_a_resume_uploaded_both_ways_downloads_and_matches_a_job(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Byron")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    created = await client.data(
        "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }",
        ada.token,
        input={"company": "Initech", "position": "Senior Backend Engineer", "description": BACKEND_JOB},
    )
    application = created["createApplication"]["id"]

    # 1. Through the router: one multipart request.
    through = await multipart_upload(client, ada.token, RESUME)
    assert through == {
        "id": through["id"],
        "name": "Ada Byron resume.pdf",
        "status": "READY",
        "contentType": "application/pdf",
        "size": len(RESUME),
    }

    # 2. Direct to storage: announce, PUT to the signed URL, complete.
    announced = await client.data(
        """mutation($input: CreateUploadInput!) { createUpload(input: $input) {
             file { id } url method headers { name value } } }""",
        ada.token,
        input={
            "kind": "RESUME",
            "filename": "resume.pdf",
            "contentType": "application/pdf",
            "size": len(RESUME),
            "checksum": hashlib.sha256(RESUME).hexdigest(),
            "applicationId": application,
        },
    )
    target = announced["createUpload"]
    headers = {header["name"]: header["value"] for header in target["headers"]}
    put = await fetch(client, target["method"], target["url"], content=RESUME, headers=headers)
    assert put.status_code == 200, put.text
    direct_id = target["file"]["id"]
    completed = await client.data(
        "mutation($id: ID!) { completeUpload(id: $id) { status } }", ada.token, id=direct_id
    )
    assert completed == {"completeUpload": {"status": "READY"}}

    # Both download as the same bytes.
    for file_id in (through["id"], direct_id):
        found = await client.data("query($id: ID!) { file(id: $id) { downloadUrl } }", ada.token, id=file_id)
        download = await fetch(client, "GET", found["file"]["downloadUrl"])
        assert download.status_code == 200 and download.content == RESUME

    await client.data("mutation($id: ID!) { setResume(fileId: $id) { id } }", ada.token, id=direct_id)
    me = await client.data("{ me { resume { id } files(kind: RESUME) { totalCount } } }", ada.token)
    assert me == {"me": {"resume": {"id": direct_id}, "files": {"totalCount": 2}}}

    # The match needs the job description, which files learns from applications' events: wait for it.
    for _ in range(100):
        data = await client.data(MATCH, ada.token, id=application)
        if data["application"]["resumeMatch"] is not None:
            break
        await asyncio.sleep(0.05)
    found = data["application"]
    assert found["documents"] == [{"id": direct_id, "name": "resume.pdf"}]
    assert 70 <= found["resumeMatch"]["score"] <= 85
    assert {"Python", "PostgreSQL", "Kubernetes"} <= set(found["resumeMatch"]["matchedKeywords"])
    assert "Kafka" in found["resumeMatch"]["missingKeywords"]

    # Bob sees Ada's profile resume, not her other file.
    seen = await client.data("query($id: ID!) { user(id: $id) { resume { id name } } }", bob.token, id=ada.id)
    assert seen == {"user": {"resume": {"id": direct_id, "name": "resume.pdf"}}}
    hidden = await client.data("query($id: ID!) { file(id: $id) { id } }", bob.token, id=through["id"])
    assert hidden == {"file": None}


async def test_a_multipart_request_without_the_csrf_header_is_refused(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Byron")
    operations = {"query": UPLOAD, "variables": {"file": None}}
    response = await client.http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": ("resume.pdf", RESUME, "application/pdf")},
        headers={"authorization": f"Bearer {ada.token}"},
    )
    assert response.status_code == 400
    me = await client.data("{ me { files { totalCount } } }", ada.token)
    assert me == {"me": {"files": {"totalCount": 0}}}
