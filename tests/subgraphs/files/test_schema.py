"""The files subgraph over HTTP: direct uploads through signed URLs, multipart uploads, downloads, visibility,
federation entities and events."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from subgraphs.files.app import FilesSubgraph
from subgraphs.kit.blobs import LocalBlobStore
from subgraphs.kit.events import EventEnvelope, InProcessBus
from tests.subgraphs.files import documents
from tests.subgraphs.files.conftest import LIMITS
from tests.subgraphs.harness import Inbox, TickingClock, post, token

RESUME_PDF = documents.pdf(documents.BACKEND_RESUME)
CREATE = """mutation($input: CreateUploadInput!) { createUpload(input: $input) {
  file { id status } url method headers { name value } expiresAt } }"""
COMPLETE = "mutation($id: ID!) { completeUpload(id: $id) { id status contentType size name } }"
UPLOAD = """mutation($file: Upload!, $kind: FileKind!, $applicationId: ID) {
  uploadFile(file: $file, kind: $kind, applicationId: $applicationId) { id name status contentType size } }"""
DOWNLOAD = "query($id: ID!) { file(id: $id) { id downloadUrl(expiresInSeconds: 60) } }"


def local(url: str) -> str:
    """The path and query of a URL the subgraph handed out (its public URL is http://subgraph)."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


async def direct_upload(http: httpx.AsyncClient, user: str, content: bytes, **fields: Any) -> dict[str, Any]:
    values = {
        "kind": "RESUME",
        "filename": "resume.pdf",
        "contentType": "application/pdf",
        "size": len(content),
        "checksum": hashlib.sha256(content).hexdigest(),
        **fields,
    }
    created = (await post(http, CREATE, token(user), input=values))["data"]["createUpload"]
    assert created["method"] == "PUT" and created["file"]["status"] == "PENDING"
    headers = {header["name"]: header["value"] for header in created["headers"]}
    sent = await http.put(local(created["url"]), content=content, headers=headers)
    assert sent.status_code == 200, sent.text
    return created


async def multipart(
    http: httpx.AsyncClient,
    user: str,
    content: bytes,
    name: str = "cv.pdf",
    kind: str = "RESUME",
    content_type: str = "application/pdf",
) -> dict[str, Any]:
    operations = {"query": UPLOAD, "variables": {"file": None, "kind": kind}}
    response = await http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": (name, content, content_type)},
        headers={"Authorization": f"Bearer {token(user)}", "apollo-require-preflight": "true"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_direct_upload_completes_and_downloads(http: httpx.AsyncClient, bus: InProcessBus) -> None:
    inbox = await Inbox.on(bus, "file.*")
    created = await direct_upload(http, "alice", RESUME_PDF)
    file_id = created["file"]["id"]
    done = (await post(http, COMPLETE, token("alice"), id=file_id))["data"]["completeUpload"]
    assert done == {
        "id": file_id,
        "status": "READY",
        "contentType": "application/pdf",
        "size": len(RESUME_PDF),
        "name": "resume.pdf",
    }
    url = (await post(http, DOWNLOAD, token("alice"), id=file_id))["data"]["file"]["downloadUrl"]
    got = await http.get(local(url))
    assert got.status_code == 200 and got.content == RESUME_PDF
    # The upload URL is still within its expiry, but the checked file's bytes can no longer be replaced.
    again = await http.put(local(created["url"]), content=b"%PDF-" + b"x" * (len(RESUME_PDF) - 5))
    assert again.status_code == 409
    assert (await http.get(local(url))).content == RESUME_PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith('attachment; filename="resume.pdf"')
    assert got.headers["x-content-type-options"] == "nosniff"
    [event] = await inbox.wait_for(1)
    assert (event.type, event.user_id, event.data["id"]) == ("file.uploaded", "alice", file_id)
    assert "FastAPI" in str(event.data["text"])


async def test_upload_urls_refuse_tampering_expiry_and_extra_bytes(
    http: httpx.AsyncClient, clock: TickingClock
) -> None:
    values = {"kind": "OTHER", "filename": "a.txt", "contentType": "text/plain", "size": 5}
    created = (await post(http, CREATE, token("alice"), input=values))["data"]["createUpload"]
    path = local(created["url"])
    assert (await http.put(path.replace("size=5", "size=50"), content=b"x" * 50)).status_code == 403
    assert (await http.put(path.replace("signature=", "signature=0"), content=b"hello")).status_code == 403
    assert (await http.put(path, content=b"hello, world")).status_code == 413
    clock.now += timedelta(hours=1)
    expired = await http.put(path, content=b"hello")
    assert expired.status_code == 403 and "expired" in expired.text


async def test_download_urls_refuse_tampering_and_expiry(
    http: httpx.AsyncClient, clock: TickingClock
) -> None:
    created = await direct_upload(http, "alice", RESUME_PDF)
    await post(http, COMPLETE, token("alice"), id=created["file"]["id"])
    url = (await post(http, DOWNLOAD, token("alice"), id=created["file"]["id"]))["data"]["file"][
        "downloadUrl"
    ]
    renamed = local(url).replace("name=resume.pdf", "name=evil.html")
    assert (await http.get(renamed)).status_code == 403
    clock.now += timedelta(seconds=61)
    assert (await http.get(local(url))).status_code == 403


async def test_a_multipart_upload_is_ready_at_once(http: httpx.AsyncClient) -> None:
    body = await multipart(http, "alice", RESUME_PDF, name="../../Ada's CV.pdf")
    uploaded = body["data"]["uploadFile"]
    assert uploaded["status"] == "READY" and uploaded["name"] == "Ada's CV.pdf"
    assert uploaded["size"] == len(RESUME_PDF)


async def test_multipart_bad_input_is_a_clear_error(http: httpx.AsyncClient) -> None:
    lying = await multipart(http, "alice", documents.png(), name="resume.pdf")
    assert lying["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "file"}
    oversize = await multipart(http, "alice", b"%PDF-" + b"0" * LIMITS.max_file_bytes)
    assert oversize["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "file"}


async def test_files_are_private_but_the_profile_resume_is_not(http: httpx.AsyncClient) -> None:
    resume = (await multipart(http, "alice", RESUME_PDF))["data"]["uploadFile"]["id"]
    letter = (
        await multipart(
            http, "alice", b"Dear team", name="letter.txt", kind="COVER_LETTER", content_type="text/plain"
        )
    )["data"]
    letter_id = letter["uploadFile"]["id"]
    seen = "query($id: ID!) { file(id: $id) { id } }"
    assert (await post(http, seen, token("bob"), id=resume))["data"]["file"] is None
    set_resume = "mutation($id: ID!) { setResume(fileId: $id) { id } }"
    assert (await post(http, set_resume, token("alice"), id=resume))["data"]["setResume"] == {"id": resume}
    assert (await post(http, seen, token("bob"), id=resume))["data"]["file"] == {"id": resume}
    assert (await post(http, seen, token("bob"), id=letter_id))["data"]["file"] is None
    entities = """query($r: [_Any!]!) { _entities(representations: $r) {
      ... on User { resume { id } files { totalCount edges { node { id } } } } } }"""
    mine = await post(http, entities, token("alice"), r=[{"__typename": "User", "id": "alice"}])
    assert mine["data"]["_entities"][0]["files"]["totalCount"] == 2
    theirs = await post(http, entities, token("bob"), r=[{"__typename": "User", "id": "alice"}])
    assert theirs["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = await post(http, seen, None, id=resume)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_application_documents_and_match_come_from_application_events(
    http: httpx.AsyncClient, bus: InProcessBus, subgraph: FilesSubgraph
) -> None:
    await bus.publish(
        EventEnvelope(
            type="application.created",
            producer="applications",
            user_id="alice",
            data={"id": "a1", "company": "Initech", "description": documents.BACKEND_JOB},
        )
    )
    for _ in range(100):
        if await subgraph.store.application("a1") is not None:
            break
        await asyncio.sleep(0.02)
    created = await direct_upload(http, "alice", RESUME_PDF, applicationId="a1")
    await post(http, COMPLETE, token("alice"), id=created["file"]["id"])
    await post(
        http, "mutation($id: ID!) { setResume(fileId: $id) { id } }", token("alice"), id=created["file"]["id"]
    )
    query = """query($r: [_Any!]!) { _entities(representations: $r) { ... on Application {
      documents { id name } resumeMatch { score matchedKeywords missingKeywords suggestions } } } }"""
    body = await post(http, query, token("alice"), r=[{"__typename": "Application", "id": "a1"}])
    [application] = body["data"]["_entities"]
    assert application["documents"] == [{"id": created["file"]["id"], "name": "resume.pdf"}]
    assert 70 <= application["resumeMatch"]["score"] <= 85
    assert "Kafka" in application["resumeMatch"]["missingKeywords"]
    await bus.publish(
        EventEnvelope(type="application.deleted", producer="applications", user_id="alice", data={"id": "a1"})
    )
    for _ in range(100):
        body = await post(http, query, token("alice"), r=[{"__typename": "Application", "id": "a1"}])
        if not body["data"]["_entities"][0]["documents"]:
            break
        await asyncio.sleep(0.02)
    # Detached, not deleted: the file is still the person's.
    assert body["data"]["_entities"][0] == {"documents": [], "resumeMatch": None}
    still = await post(
        http, "query($id: ID!) { file(id: $id) { id } }", token("alice"), id=created["file"]["id"]
    )
    assert still["data"]["file"] is not None


async def test_deleting_a_file_removes_its_download(http: httpx.AsyncClient) -> None:
    file_id = (await multipart(http, "alice", RESUME_PDF))["data"]["uploadFile"]["id"]
    url = (await post(http, DOWNLOAD, token("alice"), id=file_id))["data"]["file"]["downloadUrl"]
    deleted = await post(http, "mutation($id: ID!) { deleteFile(id: $id) }", token("alice"), id=file_id)
    assert deleted["data"]["deleteFile"] == file_id
    assert (await http.get(local(url))).status_code == 404
    again = await post(http, "mutation($id: ID!) { deleteFile(id: $id) }", token("alice"), id=file_id)
    assert again["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "id"}


async def test_the_running_app_deletes_uploads_never_completed(
    http: httpx.AsyncClient, subgraph: FilesSubgraph, clock: TickingClock
) -> None:
    created = await direct_upload(http, "alice", RESUME_PDF)
    file_id = created["file"]["id"]
    clock.now += LIMITS.upload_ttl + LIMITS.pending_grace + timedelta(seconds=1)
    for _ in range(200):
        if not await subgraph.store.get_many([file_id]):
            break
        await asyncio.sleep(0.02)
    assert await subgraph.store.get_many([file_id]) == {}
    assert await subgraph.store.usage("alice") == 0
    assert isinstance(subgraph.blobs, LocalBlobStore)
    assert [path for path in subgraph.blobs.root.rglob("*") if path.is_file()] == []


async def test_a_multipart_request_without_the_csrf_header_is_refused(
    http: httpx.AsyncClient, subgraph: FilesSubgraph
) -> None:
    operations = {"query": UPLOAD, "variables": {"file": None, "kind": "RESUME"}}
    response = await http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": ("cv.pdf", RESUME_PDF, "application/pdf")},
        headers={"Authorization": f"Bearer {token('alice')}"},
    )
    assert response.status_code == 400
    assert await subgraph.store.usage("alice") == 0


async def test_an_application_snapshot_brings_the_job_description(
    bus: InProcessBus, subgraph: FilesSubgraph
) -> None:
    # `jobgraph analytics rebuild` republishes every application as `application.snapshot`.
    await bus.publish(
        EventEnvelope(
            type="application.snapshot",
            producer="applications",
            user_id="alice",
            data={
                "id": "a9",
                "company": "Initech",
                "description": documents.BACKEND_JOB,
                "statusHistory": [],
            },
        )
    )
    for _ in range(100):
        if (known := await subgraph.store.application("a9")) is not None:
            break
        await asyncio.sleep(0.02)
    assert known is not None and known.owner_id == "alice" and known.description == documents.BACKEND_JOB
