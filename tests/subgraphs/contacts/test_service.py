"""Contact use cases: validation naming the field, linking by email, partial updates, ownership."""

from __future__ import annotations

import pytest

from subgraphs.contacts.models import KEEP, CreateContact, Link, UpdateContact
from subgraphs.contacts.service import ContactService
from subgraphs.contacts.sql_store import SqlContactStore
from subgraphs.kit.errors import BadUserInput, NotFound


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (CreateContact(name="  "), "name"),
        (CreateContact(name="x" * 201), "name"),
        (CreateContact(name="Peter", company="x" * 201), "company"),
        (CreateContact(name="Peter", position="x" * 201), "position"),
        (CreateContact(name="Peter", email="not-an-email"), "email"),
        (CreateContact(name="Peter", phone="call me maybe"), "phone"),
        (CreateContact(name="Peter", notes="x" * 10_001), "notes"),
        (CreateContact(name="Peter", links=(Link("", "https://x.example"),)), "links.0.label"),
        (CreateContact(name="Peter", links=(Link("Site", "ftp://x.example"),)), "links.0.url"),
        (CreateContact(name="Peter", links=(Link("l", "https://x.example"),) * 21), "links"),
    ],
)
async def test_invalid_input_names_the_field_and_saves_nothing(
    service: ContactService, sqlite_store: SqlContactStore, command: CreateContact, field: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        await service.create("alice", command)
    assert raised.value.field == field
    assert (await service.find("alice", None, 10, None)).total_count == 0
    assert await sqlite_store.outbox_events() == []


async def test_a_contact_with_a_registered_email_is_linked_when_saved(
    service: ContactService, sqlite_store: SqlContactStore
) -> None:
    await sqlite_store.project_user("contacts", "evt-1", "user-peter", "peter@initech.example")
    created = await service.create("alice", CreateContact(name="Peter", email=" Peter@Initech.example "))
    assert (created.email, created.linked_user_id) == ("peter@initech.example", "user-peter")
    unknown = await service.create("alice", CreateContact(name="Samir", email="samir@initech.example"))
    assert unknown.linked_user_id is None


async def test_update_changes_the_given_fields_and_relinks_on_a_new_email(
    service: ContactService, sqlite_store: SqlContactStore
) -> None:
    await sqlite_store.project_user("contacts", "evt-1", "user-peter", "peter@initech.example")
    created = await service.create("alice", CreateContact(name="Peter", company="Initech", notes="n"))
    changed = await service.update(
        "alice", created.id, UpdateContact(email="peter@initech.example", notes=None, company=KEEP)
    )
    assert (changed.name, changed.company, changed.notes) == ("Peter", "Initech", None)
    assert changed.linked_user_id == "user-peter"
    unlinked = await service.update("alice", created.id, UpdateContact(email=None))
    assert (unlinked.email, unlinked.linked_user_id) == (None, None)
    events = await sqlite_store.outbox_events()
    assert [event.type for event in events] == ["contact.created", "contact.updated", "contact.updated"]
    assert events[1].data["changed"] == ["email", "notes", "linkedUser"]


async def test_the_name_cannot_be_cleared(service: ContactService) -> None:
    created = await service.create("alice", CreateContact(name="Peter"))
    with pytest.raises(BadUserInput) as raised:
        await service.update("alice", created.id, UpdateContact(name=None))
    assert raised.value.field == "name"


async def test_other_peoples_contacts_are_not_found(service: ContactService) -> None:
    created = await service.create("alice", CreateContact(name="Peter"))
    with pytest.raises(NotFound):
        await service.update("bob", created.id, UpdateContact(name="Mine"))
    with pytest.raises(NotFound):
        await service.delete("bob", created.id)
    assert await service.get_many("alice", [created.id]) == [created]


async def test_search_is_trimmed_and_bounded(service: ContactService) -> None:
    await service.create("alice", CreateContact(name="Peter", company="Initech"))
    assert (await service.find("alice", "  INITECH ", 10, None)).total_count == 1
    with pytest.raises(BadUserInput) as raised:
        await service.find("alice", "x" * 201, 10, None)
    assert raised.value.field == "search"
