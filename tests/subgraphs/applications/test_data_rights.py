"""Data rights in the applications subgraph, on every backend (SQLite and PostgreSQL), through its one
consumer of `applications.events`: `user.deleted` erases the person's applications with their status
histories, timelines, contact links and projected contacts and their events, while timeline events about
them arriving late add nothing; `export.requested` is answered with a part holding every field, the
timeline and the linked contacts."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.applications.events import applications_consumer, record_application_event
from subgraphs.applications.models import (
    ApplicationStatus,
    CreateApplication,
    applications_table,
    contact_links_table,
    known_contacts_table,
    metadata,
    outbox_table,
    status_history_table,
    timeline_table,
)
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.errors import Unauthenticated
from subgraphs.kit.events import EventConsumer, EventEnvelope

AT = datetime(2031, 3, 1, 9, 0, tzinfo=UTC).isoformat()


def contact_created(owner: str, contact_id: str, name: str) -> EventEnvelope:
    return EventEnvelope(
        type="contact.created", producer="contacts", user_id=owner, data={"id": contact_id, "name": name}
    )


def scheduled(owner: str, application_id: str) -> EventEnvelope:
    data = {"id": f"iv-{application_id}", "applicationId": application_id, "startsAt": AT, "type": "ONLINE"}
    return EventEnvelope(
        type="interview.scheduled", producer="interviews", user_id=owner, data=data, occurred_at=AT
    )


def user_deleted(user_id: str) -> EventEnvelope:
    return EventEnvelope(type="user.deleted", producer="users", user_id=user_id, data={"id": user_id})


async def owners_of_rows(engine: AsyncEngine) -> dict[str, set[str]]:
    """Table name → the owners whose rows it holds (by application for the application-keyed tables)."""
    found: dict[str, set[str]] = {}
    async with engine.connect() as connection:
        owned = sa.select(applications_table.c.id, applications_table.c.owner_id)
        applications = {row.id: row.owner_id for row in await connection.execute(owned)}
        for row in (await connection.execute(sa.select(applications_table.c.owner_id))).all():
            found.setdefault("applications", set()).add(row.owner_id)
        for table in (status_history_table, timeline_table):
            for row in (await connection.execute(sa.select(table.c.application_id))).all():
                found.setdefault(table.name, set()).add(applications.get(row.application_id, "?"))
        for table in (contact_links_table, known_contacts_table):
            for row in (await connection.execute(sa.select(table.c.owner_id))).all():
                found.setdefault(table.name, set()).add(row.owner_id)
        for row in (await connection.execute(sa.select(outbox_table.c.payload))).all():
            found.setdefault("outbox", set()).add(orjson.loads(row.payload)["user_id"])
    return found


@pytest.fixture
def sessions(backend_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(backend_engine, expire_on_commit=False)


@pytest.fixture
def service(sessions: async_sessionmaker[AsyncSession]) -> ApplicationService:
    return ApplicationService(sessions, record_application_event)


@pytest.fixture
def consumer(service: ApplicationService, sessions: async_sessionmaker[AsyncSession]) -> EventConsumer:
    return applications_consumer(service, sessions)


async def linked_application(service: ApplicationService, consumer: EventConsumer, owner: str) -> str:
    """An application of `owner` with a status change, an interview entry and a linked contact."""
    await consumer.dispatch(contact_created(owner, f"{owner}-recruiter", "Recruiter"))
    created = await service.create(
        owner, CreateApplication(company="Acme", position="Engineer", priority=2, tags=("python",))
    )
    await service.change_status(owner, created.id, ApplicationStatus.APPLIED, None)
    await consumer.dispatch(scheduled(owner, created.id))
    await service.timeline.link_contact(owner, created.id, f"{owner}-recruiter")
    return created.id


async def test_user_deleted_erases_everything_of_the_person_and_nothing_of_others(
    backend_engine: AsyncEngine, service: ApplicationService, consumer: EventConsumer
) -> None:
    await linked_application(service, consumer, "alice")
    await linked_application(service, consumer, "bob")
    everywhere = {"applications", "application_status_history", "application_timeline",
                  "application_contacts", "known_contacts", "outbox"}  # fmt: skip
    before = await owners_of_rows(backend_engine)
    assert {table for table, owners in before.items() if "alice" in owners} == everywhere

    await consumer.dispatch(user_deleted("alice"))
    await consumer.dispatch(user_deleted("alice"))  # a redelivery finds nothing

    left = await owners_of_rows(backend_engine)
    assert {table: owners for table, owners in left.items() if table in everywhere} == {
        table: {"bob"} for table in everywhere
    }
    with pytest.raises(Unauthenticated):
        await service.create("alice", CreateApplication(company="Acme", position="again"))


async def test_late_timeline_events_about_an_erased_person_add_nothing(
    backend_engine: AsyncEngine, service: ApplicationService, consumer: EventConsumer
) -> None:
    application = await linked_application(service, consumer, "alice")
    await consumer.dispatch(user_deleted("alice"))

    await consumer.dispatch(contact_created("alice", "late-contact", "Late"))
    await consumer.dispatch(scheduled("alice", application))

    assert await owners_of_rows(backend_engine) == {}


async def test_the_export_part_holds_every_field_the_timeline_and_the_linked_contacts(
    backend_engine: AsyncEngine, service: ApplicationService, consumer: EventConsumer
) -> None:
    application = await linked_application(service, consumer, "alice")
    await linked_application(service, consumer, "bob")
    request = EventEnvelope(
        type="export.requested", producer="files", user_id="alice", data={"exportId": "x1", "domains": []}
    )

    await consumer.dispatch(request)

    async with backend_engine.connect() as connection:
        payloads = (await connection.execute(sa.select(outbox_table.c.payload))).scalars().all()
    [part] = [event for event in map(orjson.loads, payloads) if event["type"] == "export.part"]
    assert part["user_id"] == "alice" and part["data"]["count"] == 1
    document = orjson.loads(part["data"]["chunk"])
    assert document["domain"] == "applications"
    [row] = document["applications"]
    # Every column of the applications table, the fields of issue #18 too.
    assert set(row) == {column.name for column in metadata.tables["applications"].columns}
    assert (row["id"], row["priority"]) == (application, 2)
    assert [entry["status"] for entry in document["statusHistory"]] == ["SAVED", "APPLIED"]
    assert [entry["kind"] for entry in document["timeline"]] == [
        "CREATED", "STATUS_CHANGED", "INTERVIEW_SCHEDULED", "CONTACT_LINKED"
    ]  # fmt: skip
    assert [(link["application_id"], link["contact_id"]) for link in document["linkedContacts"]] == [
        (application, "alice-recruiter")
    ]
