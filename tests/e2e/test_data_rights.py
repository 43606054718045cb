"""Deleting an account through the router: a person with data in every subgraph deletes their account, and
afterwards no store holds anything of theirs — every table of every database, the blob directory and the
search index are read directly — while another person's data is untouched.

Twice: on the embedded defaults (SQLite, in-process bus) and on PostgreSQL + RabbitMQ.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import sqlalchemy as sa

from jobgraph.catalog import available_subgraphs
from jobgraph.system import System, running_system
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.settings import sqlite_url
from subgraphs.search.tantivy_store import TantivyIndex
from tests.e2e.client import Person, RouterClient
from tests.e2e.conftest import production_environ
from tests.e2e.test_files import fetch, multipart_upload
from tests.e2e.test_job_search import CHANGE_STATUS, SCHEDULE, apply, eventually
from tests.subgraphs.files.documents import BACKEND_RESUME, pdf

PASSWORD = "correct horse battery"
DELETE = "mutation($password: String!) { deleteMyAccount(password: $password) }"
LINK = """mutation($application: ID!, $contact: ID!) {
  linkContact(applicationId: $application, contactId: $contact) { id } }"""
# Words only Ada's own data contains: none of them may be left anywhere once she is gone.
ADA_MARKERS = ("Zyxcorp", "Zyxlang", "Quuxley")


@dataclass
class Running:
    """The system, a client of its router, and where each subgraph keeps its SQL database."""

    system: System
    client: RouterClient
    data_dir: Path
    databases: Mapping[str, str]


@pytest.fixture(
    params=["embedded", pytest.param("postgres+rabbitmq", marks=[pytest.mark.postgres, pytest.mark.rabbitmq])]
)
async def running(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Running]:
    async with AsyncExitStack() as stack:
        environ: dict[str, str] = {}
        if request.param != "embedded":
            environ = await stack.enter_async_context(production_environ())
        system = await stack.enter_async_context(running_system(tmp_path, environ))
        transport = httpx.ASGITransport(app=system.app)
        http = await stack.enter_async_context(
            httpx.AsyncClient(transport=transport, base_url="http://jobgraph", timeout=30)
        )
        databases = {
            entry.name: environ.get(f"{entry.name.upper()}_DATABASE_URL") or sqlite_url(tmp_path, entry.name)
            for entry in available_subgraphs()
            if entry.name != "search"
        }
        yield Running(system, RouterClient(http), tmp_path, databases)


async def rows_about(databases: Mapping[str, str], needles: tuple[str, ...]) -> dict[str, list[str]]:
    """`subgraph.table` → the rows (as text) of every table of every database that contain any needle.

    What is the person's by design stays out: the erased-id list, and users' own `user.deleted` event.
    """
    found: dict[str, list[str]] = {}
    for name, url in databases.items():
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                metadata = sa.MetaData()
                await connection.run_sync(metadata.reflect)
                for table in metadata.sorted_tables:
                    if table.name in ("erased_users", "alembic_version"):
                        continue
                    for row in (await connection.execute(sa.select(table))).mappings():
                        if table.name == "outbox" and row["type"] == "user.deleted":
                            continue
                        text = " ".join(
                            bytes(value).decode(errors="replace") if isinstance(value, bytes) else str(value)
                            for value in row.values()
                        )
                        if any(needle in text for needle in needles):
                            found.setdefault(f"{name}.{table.name}", []).append(text)
        finally:
            await engine.dispose()
    return found


def blobs_of(data_dir: Path, owner_id: str) -> list[Path]:
    """The blobs under the person's prefix (blob keys are `<owner>/<file>`): files' uploads and data
    exports, applications' export files."""
    return [path for path in data_dir.rglob("*") if path.is_file() and owner_id in path.parts]


async def search_documents_of(data_dir: Path, owner_id: str) -> list[Any]:
    """The search index's documents (read with the index closed) owned by the person, tombstones aside."""
    index = TantivyIndex(data_dir / "search")
    await index.start()
    try:
        return [
            document
            async for page in index.all_documents()
            for document in page
            if document.owner_id == owner_id and not document.deleted
        ]
    finally:
        await index.close()


async def until(check: Any, what: str, explain: Any = None, attempts: int = 100) -> Any:
    """The first truthy result of `check()`, polled while events travel; else fail with `explain()`."""
    for _ in range(attempts):
        result = await check()
        if result:
            return result
        await asyncio.sleep(0.2)
    raise AssertionError(f"never: {what}: {await explain() if explain else ''}")


async def ada_everywhere(client: RouterClient) -> tuple[Person, Person, str]:
    """Ada with data in every subgraph, and Bob with some of his own that points at her."""
    ada = await client.sign_up("ada@example.com", "Ada Quuxley")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    profile = '{showEmail: true, headline: "Zyxlang pioneer", skills: ["zyxlang"]}'
    await client.data(f"mutation {{ updateProfile(input: {profile}) {{ id }} }}", ada.token)
    await client.data(f'mutation {{ addInterest(userId: "{bob.id}") {{ id }} }}', ada.token)
    await client.data(f'mutation {{ addInterest(userId: "{ada.id}") {{ id }} }}', bob.token)
    await client.data(
        "mutation { updateNotificationSettings(input: {emailEnabled: true}) { emailEnabled } }", ada.token
    )
    application = await apply(
        client,
        ada,
        "Zyxcorp",
        "Zyxlang engineer",
        description="Zyxlang at scale",
        priority=2,
        workMode="REMOTE",
    )
    await client.data(CHANGE_STATUS, ada.token, id=application, status="APPLIED", note="sent to Zyxcorp")
    await eventually(
        client,
        SCHEDULE,
        ada.token,
        input={"applicationId": application, "startsAt": "2099-05-04T10:00:00Z", "durationMinutes": 30,
               "type": "PHONE", "details": "Zyxcorp screen"},
    )  # fmt: skip
    recruiter = await client.data(
        'mutation { createContact(input: {name: "Zyxcorp recruiter", email: "carol@example.com"}) { id } }',
        ada.token,
    )
    # Linked to her application once applications learnt of the contact (a timeline entry and a link).
    await eventually(
        client, LINK, ada.token, application=application, contact=recruiter["createContact"]["id"]
    )
    # A retried note sent with an Idempotency-Key: the stored answer is hers too, and a partner API token.
    keyed = await client.http.post(
        "/graphql",
        json={"query": NOTE, "variables": {"application": application}},
        headers={"authorization": f"Bearer {ada.token}", "idempotency-key": "ada-note-1"},
    )
    assert "errors" not in keyed.json(), keyed.text
    await client.data(
        'mutation { createApiToken(input: {name: "Zyxcoach", scopes: ["applications:read"]}) { token } }',
        ada.token,
    )
    # A spreadsheet of her applications (a file in applications' exports directory until it expires).
    await client.data("mutation { exportApplications(format: CSV) { rowCount } }", ada.token)
    # Her recruiter joins: Ada is told, by email too (an email waiting in the notifications outbox).
    await client.sign_up("carol@example.com", "Carol Recruiter")
    await multipart_upload(client, ada.token, pdf(BACKEND_RESUME), applicationId=application)
    # Bob's own data: a contact with Ada's email (linked to her), an application and a file.
    await client.data(
        'mutation { createContact(input: {name: "Ada", email: "ada@example.com"}) { id } }', bob.token
    )
    await apply(client, bob, "Initech", "DevOps engineer")
    await multipart_upload(client, bob.token, pdf(BACKEND_RESUME))
    return ada, bob, application


NOTE = (
    "mutation($application: ID!) {"
    ' addTimelineNote(applicationId: $application, note: "Zyxcorp call") { id } }'
)


# Where Ada's data must be before the deletion, so that "nothing is left" means something.
EXPECTED_BEFORE = {
    "users.users", "users.interests", "users.refresh_tokens", "users.outbox",
    "applications.applications", "applications.application_status_history", "applications.outbox",
    "applications.application_timeline", "applications.application_contacts", "applications.known_contacts",
    "applications.idempotency_keys", "users.api_tokens",
    "interviews.interviews", "interviews.known_applications", "interviews.outbox",
    "contacts.contacts", "contacts.registered_emails", "contacts.outbox",
    "analytics.tracked_applications", "analytics.tracked_status_changes", "analytics.owner_versions",
    "files.files", "files.applications", "files.outbox",
    "notifications.notifications", "notifications.notification_settings", "notifications.reminders",
    "notifications.outgoing_emails", "notifications.people", "notifications.known_applications",
    "notifications.known_interviews", "notifications.known_contacts",
}  # fmt: skip


async def test_a_deleted_account_leaves_nothing_in_any_store(running: Running) -> None:
    client = running.client
    ada, bob, application = await ada_everywhere(client)
    # The timeline rows of an application name only the application.
    needles = (ada.id, application, *ADA_MARKERS)

    async def missing() -> set[str]:
        return EXPECTED_BEFORE - set(await rows_about(running.databases, needles))

    async def all_there() -> bool:
        return not await missing()

    await until(all_there, "Ada's data reached every subgraph", lambda: missing())
    assert blobs_of(running.data_dir, ada.id)

    # A wrong password deletes nothing and counts as a failed sign-in.
    wrong = await client.raw(DELETE, ada.token, password="wrong horse battery")
    assert [(error["extensions"]["code"], error["extensions"]["field"]) for error in wrong["errors"]] == [
        ("UNAUTHENTICATED", "password")
    ]
    assert (await client.data("{ me { id } }", ada.token)) == {"me": {"id": ada.id}}

    assert await client.data(DELETE, ada.token, password=PASSWORD) == {"deleteMyAccount": True}

    async def all_gone() -> bool:
        return not await rows_about(running.databases, needles)

    await until(all_gone, "Ada's data left every store", lambda: rows_about(running.databases, needles))
    assert blobs_of(running.data_dir, ada.id) == []
    # Her access token still verifies for minutes: it finds nothing, writes nothing, deletes nothing twice.
    assert await client.data("{ me { id } }", ada.token) == {"me": None}
    again = await client.raw(DELETE, ada.token, password=PASSWORD)
    assert [error["extensions"]["code"] for error in again["errors"]] == ["UNAUTHENTICATED"]
    late = await client.raw(
        'mutation { createApplication(input: {company: "Zyxcorp", position: "again"}) { id } }', ada.token
    )
    assert [error["extensions"]["code"] for error in late["errors"]] == ["UNAUTHENTICATED"]
    for write in (
        'mutation { createContact(input: {name: "Zyxcorp again"}) { id } }',
        "mutation { updateNotificationSettings(input: {emailEnabled: true}) { emailEnabled } }",
        """mutation { createUpload(input: {kind: OTHER, filename: "a.pdf", contentType: "application/pdf",
             size: 10}) { url } }""",
    ):
        refused = await client.raw(write, ada.token)
        assert [error["extensions"]["code"] for error in refused["errors"]] == ["UNAUTHENTICATED"], write
    searched = await client.data('{ search(query: "zyxcorp") { totalCount } }', ada.token)
    assert searched == {"search": {"totalCount": 0}}
    assert await client.data('{ search(query: "zyxlang") { totalCount } }', bob.token) == {
        "search": {"totalCount": 0}
    }
    cannot = await client.raw(
        "mutation($input: LoginInput!) { login(input: $input) { token } }",
        input={"email": "ada@example.com", "password": PASSWORD},
    )
    assert [error["extensions"]["code"] for error in cannot["errors"]] == ["UNAUTHENTICATED"]

    # Bob keeps everything of his; his contact with Ada's email is no longer linked to anyone.
    bobs = await client.data(
        """{ me { interestedIn { id } files { totalCount } }
             applications { totalCount } contacts { edges { node { name linkedUser { id } } } } }""",
        bob.token,
    )
    assert bobs == {
        "me": {"interestedIn": [], "files": {"totalCount": 1}},
        "applications": {"totalCount": 1},
        "contacts": {"edges": [{"node": {"name": "Ada", "linkedUser": None}}]},
    }
    assert blobs_of(running.data_dir, bob.id)

    # The event again (a redelivery) changes nothing, and neither does a late event about Ada.
    deleted = EventEnvelope(type="user.deleted", producer="users", user_id=ada.id, data={"id": ada.id})
    late_created = EventEnvelope(
        type="application.created",
        producer="applications",
        user_id=ada.id,
        data={"id": "3f0c2a57-0000-4000-8000-000000000001", "company": "Zyxcorp", "position": "late",
              "status": "SAVED", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"},
    )  # fmt: skip
    await running.system.bus.publish(deleted)
    await running.system.bus.publish(late_created)
    await asyncio.sleep(1.0)
    assert await rows_about(running.databases, needles) == {}
    assert (await client.data("{ applications { totalCount } }", bob.token))["applications"][
        "totalCount"
    ] == 1


async def test_after_shutdown_the_search_index_holds_nothing_of_the_deleted_person(tmp_path: Path) -> None:
    async with running_system(tmp_path, {}) as system:
        transport = httpx.ASGITransport(app=system.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jobgraph", timeout=30) as http:
            client = RouterClient(http)
            ada, bob, _ = await ada_everywhere(client)

            async def indexed() -> bool:
                body = await client.raw('{ search(query: "zyxcorp") { totalCount } }', ada.token)
                return bool(body.get("data")) and body["data"]["search"]["totalCount"] >= 3

            await until(indexed, "Ada's items were indexed")
            await client.data(DELETE, ada.token, password=PASSWORD)

            async def unfindable() -> bool:
                body = await client.data('{ search(query: "zyxcorp") { totalCount } }', ada.token)
                return body["search"]["totalCount"] == 0

            await until(unfindable, "Ada's items left the index")
    assert await search_documents_of(tmp_path, ada.id) == []
    assert await search_documents_of(tmp_path, bob.id) != []


EXPORT = """query($id: ID!) { myDataExport(id: $id) {
  id status size missingParts downloadUrl(expiresInSeconds: 60) } }"""


async def test_the_export_archive_holds_every_part_and_the_uploaded_files(running: Running) -> None:
    client = running.client
    ada, bob, application = await ada_everywhere(client)

    async def interview_known() -> bool:
        body = await client.data("{ interviews { totalCount } }", ada.token)
        return bool(body["interviews"]["totalCount"])

    await until(interview_known, "the interview was scheduled")
    for anonymous in (
        "mutation { exportMyData { id } }",
        "{ myDataExports { id } }",
        '{ myDataExport(id: "x") { id } }',
        'mutation { deleteMyAccount(password: "x") }',
    ):
        body = await client.raw(anonymous)
        # Refused by the router while planning (they need the person's session): no subgraph is asked.
        codes = [error["extensions"]["code"] for error in body["errors"]]
        assert codes == ["UNAUTHORIZED_FIELD_OR_TYPE"], anonymous
    started = await client.data("mutation { exportMyData { id status } }", ada.token)
    export_id = started["exportMyData"]["id"]
    assert started["exportMyData"]["status"] == "PENDING"

    async def ready() -> dict[str, Any] | None:
        found: dict[str, Any] = (await client.data(EXPORT, ada.token, id=export_id))["myDataExport"]
        return found if found["status"] != "PENDING" else None

    export = await until(ready, "the export finished")
    assert export["status"] == "READY" and export["missingParts"] == []
    download = await fetch(client, "GET", export["downloadUrl"])
    assert download.status_code == 200 and len(download.content) == export["size"]
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        names = set(archive.namelist())
        parts = {name: orjson.loads(archive.read(name)) for name in names if name.endswith(".json")}
        uploads = {name: archive.read(name) for name in names if name.startswith("files/")}
    assert set(parts) == {
        "profile.json", "applications.json", "interviews.json", "contacts.json", "analytics.json",
        "notifications.json", "files.json",
    }  # fmt: skip
    profile = parts["profile.json"]
    assert [row["id"] for row in profile["profile"]] == [ada.id]
    assert profile["profile"][0]["headline"] == "Zyxlang pioneer"
    assert "password_hash" not in profile["profile"][0]
    assert [row["target_id"] for row in profile["interestedIn"]] == [bob.id]
    assert [row["user_id"] for row in profile["interestedInYou"]] == [bob.id]
    applications = parts["applications.json"]
    assert [(row["id"], row["company"]) for row in applications["applications"]] == [(application, "Zyxcorp")]
    assert [(row["status"], row["note"]) for row in applications["statusHistory"]] == [
        ("SAVED", None), ("APPLIED", "sent to Zyxcorp")
    ]  # fmt: skip
    assert [(row["priority"], row["work_mode"]) for row in applications["applications"]] == [(2, "REMOTE")]
    # Interviews' and files' entries arrive by events, in any order with the link.
    kinds = {row["kind"] for row in applications["timeline"]}
    assert kinds >= {"CREATED", "STATUS_CHANGED", "CONTACT_LINKED"}
    assert {row["application_id"] for row in applications["timeline"]} == {application}
    [link] = applications["linkedContacts"]
    assert link["application_id"] == application and link["owner_id"] == ada.id
    assert [row["id"] for row in parts["contacts.json"]["contacts"]] == [link["contact_id"]]
    assert [row["details"] for row in parts["interviews.json"]["interviews"]] == ["Zyxcorp screen"]
    assert [row["name"] for row in parts["contacts.json"]["contacts"]] == ["Zyxcorp recruiter"]
    assert [row["id"] for row in parts["analytics.json"]["trackedApplications"]] == [application]
    notifications = parts["notifications.json"]
    assert notifications["settings"][0]["email_enabled"] is True
    assert notifications["pendingReminders"] and notifications["emails"]
    assert {row["kind"] for row in notifications["notifications"]} >= {"CONTACT_JOINED"}
    [uploaded] = parts["files.json"]["files"]
    assert uploads == {f"files/{uploaded['id']}/{uploaded['name']}": pdf(BACKEND_RESUME)}
    # Nothing of Bob's is in Ada's archive.
    assert not any(
        bob.id in orjson.dumps(part).decode() and name != "profile.json" for name, part in parts.items()
    )

    listed = await client.data("{ myDataExports { id status } }", ada.token)
    assert listed == {"myDataExports": [{"id": export_id, "status": "READY"}]}
    others = await client.raw(EXPORT, bob.token, id=export_id)
    assert [error["extensions"]["code"] for error in others["errors"]] == ["NOT_FOUND"]

    # Deleting the account takes the export and its archive too.
    await client.data(DELETE, ada.token, password=PASSWORD)

    async def all_gone() -> bool:
        return not await rows_about(running.databases, (ada.id, export_id)) and not blobs_of(
            running.data_dir, ada.id
        )

    await until(all_gone, "the export left the stores", lambda: rows_about(running.databases, (ada.id,)))
