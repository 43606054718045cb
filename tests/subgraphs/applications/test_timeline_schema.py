"""`Application.timeline`, `addTimelineNote`, `linkContact` / `unlinkContact`, `Application.contacts` and
`Contact.applications` as the router sees them (the schema run as a person on the embedded database)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.applications.events import applications_consumer
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.events import EventConsumer, EventEnvelope
from tests.subgraphs.harness import Caller, StatementCounter

TIMELINE = """query($id: ID!) { application(id: $id) { timeline {
  id at kind summary status previousStatus note changedFields { field old new } contactId contactName
} } }"""
NOTE = """mutation($id: ID!, $note: String!) { addTimelineNote(applicationId: $id, note: $note) {
  kind note summary } }"""
LINK = (
    """mutation($a: ID!, $c: ID!) { linkContact(applicationId: $a, contactId: $c) { id contacts { id } } }"""
)
UNLINK = """mutation($a: ID!, $c: ID!) {
  unlinkContact(applicationId: $a, contactId: $c) { id contacts { id } } }"""
CONTACT_APPLICATIONS = """query($id: ID!) { _entities(representations: [{__typename: "Contact", id: $id}]) {
  ... on Contact { applications { id company } } } }"""


@pytest.fixture
def consumer(service: ApplicationService, sqlite_engine: AsyncEngine) -> EventConsumer:
    return applications_consumer(service, async_sessionmaker(sqlite_engine, expire_on_commit=False))


async def deliver(consumer: EventConsumer, event: EventEnvelope) -> None:
    await consumer.handlers[event.type](event)


def contact_event(kind: str, contact_id: str, owner: str, name: str = "Peter Gibbons") -> EventEnvelope:
    return EventEnvelope(
        type=f"contact.{kind}", producer="contacts", user_id=owner, data={"id": contact_id, "name": name}
    )


async def create(caller: Caller, company: str = "Acme") -> str:
    data = await caller.data(
        'mutation($c: String!) { createApplication(input: {company: $c, position: "Engineer"}) { id } }',
        {"c": company},
    )
    return str(data["createApplication"]["id"])


async def timeline_of(caller: Caller, application_id: str) -> list[dict[str, Any]]:
    data = await caller.data(TIMELINE, {"id": application_id})
    entries: list[dict[str, Any]] = data["application"]["timeline"]
    return entries


async def test_a_new_application_starts_its_timeline(alice: Caller) -> None:
    application_id = await create(alice)
    [created] = await timeline_of(alice, application_id)
    assert (created["kind"], created["status"], created["changedFields"]) == ("CREATED", "SAVED", [])
    assert created["summary"] == "Started tracking the application as SAVED"


async def test_updates_name_the_changed_fields_with_values_only_for_short_ones(alice: Caller) -> None:
    application_id = await create(alice)
    update = """mutation($id: ID!, $input: UpdateApplicationInput!) {
      updateApplication(id: $id, input: $input) { id } }"""
    await alice.data(
        update, {"id": application_id, "input": {"company": "Globex", "description": "Long text"}}
    )
    await alice.data(update, {"id": application_id, "input": {"company": "Globex"}})  # changes nothing
    entries = await timeline_of(alice, application_id)
    assert [entry["kind"] for entry in entries] == ["CREATED", "UPDATED"]
    assert entries[1]["changedFields"] == [
        {"field": "company", "old": "Acme", "new": "Globex"},
        {"field": "description", "old": None, "new": None},
    ]
    assert entries[1]["summary"] == "Changed company Acme → Globex, description"


async def test_status_changes_join_the_timeline_and_status_history_stays(alice: Caller) -> None:
    application_id = await create(alice)
    await alice.data(
        'mutation($id: ID!) { changeApplicationStatus(id: $id, status: APPLIED, note: "sent CV") { id } }',
        {"id": application_id},
    )
    entries = await timeline_of(alice, application_id)
    assert [
        (entry["kind"], entry["previousStatus"], entry["status"], entry["note"]) for entry in entries
    ] == [
        ("CREATED", None, "SAVED", None),
        ("STATUS_CHANGED", "SAVED", "APPLIED", "sent CV"),
    ]
    assert entries[1]["summary"] == "Status SAVED → APPLIED: sent CV"
    history = await alice.data(
        "query($id: ID!) { application(id: $id) { statusHistory { status } } }", {"id": application_id}
    )
    assert history["application"]["statusHistory"] == [{"status": "SAVED"}, {"status": "APPLIED"}]


async def test_a_note_is_added_after_what_came_before(alice: Caller) -> None:
    application_id = await create(alice)
    added = await alice.data(NOTE, {"id": application_id, "note": "  Called the recruiter\nback on Monday "})
    assert added["addTimelineNote"] == {
        "kind": "NOTE",
        "note": "Called the recruiter\nback on Monday",
        "summary": "Note: Called the recruiter\nback on Monday",
    }
    assert [entry["kind"] for entry in await timeline_of(alice, application_id)] == ["CREATED", "NOTE"]


@pytest.mark.parametrize("note", ["", "   ", "x" * 5001])
async def test_an_empty_or_too_long_note_is_refused(alice: Caller, note: str) -> None:
    application_id = await create(alice)
    assert await alice.error(NOTE, {"id": application_id, "note": note}) == {
        "code": "BAD_USER_INPUT",
        "field": "note",
    }
    assert [entry["kind"] for entry in await timeline_of(alice, application_id)] == ["CREATED"]


async def test_a_note_of_exactly_the_limit_is_kept(alice: Caller) -> None:
    application_id = await create(alice)
    added = await alice.data(NOTE, {"id": application_id, "note": "x" * 5000})
    assert len(added["addTimelineNote"]["note"]) == 5000


async def test_a_note_on_a_missing_application_is_not_found(alice: Caller) -> None:
    assert await alice.error(NOTE, {"id": "missing", "note": "hi"}) == {
        "code": "NOT_FOUND",
        "field": "applicationId",
    }


async def test_linking_a_contact_shows_on_both_sides_and_in_the_timeline(
    alice: Caller, consumer: EventConsumer
) -> None:
    application_id = await create(alice)
    await deliver(consumer, contact_event("created", "k1", "alice"))
    linked = await alice.data(LINK, {"a": application_id, "c": "k1"})
    assert linked["linkContact"] == {"id": application_id, "contacts": [{"id": "k1"}]}
    seen_from_contact = await alice.data(CONTACT_APPLICATIONS, {"id": "k1"})
    assert seen_from_contact["_entities"] == [{"applications": [{"id": application_id, "company": "Acme"}]}]
    last = (await timeline_of(alice, application_id))[-1]
    assert (last["kind"], last["contactId"], last["summary"]) == (
        "CONTACT_LINKED",
        "k1",
        "Linked contact Peter Gibbons",
    )


async def test_linking_twice_is_a_conflict_and_unlinking_twice_not_found(
    alice: Caller, consumer: EventConsumer
) -> None:
    application_id = await create(alice)
    await deliver(consumer, contact_event("created", "k1", "alice"))
    await alice.data(LINK, {"a": application_id, "c": "k1"})
    assert await alice.error(LINK, {"a": application_id, "c": "k1"}) == {
        "code": "CONFLICT",
        "field": "contactId",
    }
    unlinked = await alice.data(UNLINK, {"a": application_id, "c": "k1"})
    assert unlinked["unlinkContact"]["contacts"] == []
    assert await alice.error(UNLINK, {"a": application_id, "c": "k1"}) == {
        "code": "NOT_FOUND",
        "field": "contactId",
    }
    kinds = [entry["kind"] for entry in await timeline_of(alice, application_id)]
    assert kinds == ["CREATED", "CONTACT_LINKED", "CONTACT_UNLINKED"]


async def test_only_your_own_known_contacts_link(alice: Caller, bob: Caller, consumer: EventConsumer) -> None:
    application_id = await create(alice)
    await deliver(consumer, contact_event("created", "bobs", "bob"))
    await deliver(consumer, contact_event("created", "gone", "alice"))
    await deliver(consumer, contact_event("deleted", "gone", "alice"))
    for contact_id in ("bobs", "gone", "never-heard-of"):
        assert await alice.error(LINK, {"a": application_id, "c": contact_id}) == {
            "code": "NOT_FOUND",
            "field": "contactId",
        }
    # Bob's own contact does not link to Alice's application either.
    assert await bob.error(LINK, {"a": application_id, "c": "bobs"}) == {
        "code": "NOT_FOUND",
        "field": "applicationId",
    }
    assert [entry["kind"] for entry in await timeline_of(alice, application_id)] == ["CREATED"]


async def test_deleting_the_application_forgets_its_links(alice: Caller, consumer: EventConsumer) -> None:
    application_id = await create(alice)
    await deliver(consumer, contact_event("created", "k1", "alice"))
    await alice.data(LINK, {"a": application_id, "c": "k1"})
    await alice.data("mutation($id: ID!) { deleteApplication(id: $id) }", {"id": application_id})
    seen_from_contact = await alice.data(CONTACT_APPLICATIONS, {"id": "k1"})
    assert seen_from_contact["_entities"] == [{"applications": []}]


async def test_timelines_and_contacts_of_a_page_cost_a_constant_number_of_queries(
    alice: Caller, consumer: EventConsumer, statements: StatementCounter
) -> None:
    await deliver(consumer, contact_event("created", "k1", "alice"))
    for index in range(12):
        application_id = await create(alice, f"C{index}")
        await alice.data(LINK, {"a": application_id, "c": "k1"})
    page = """query($first: Int) { applications(first: $first) { edges { node {
      timeline { kind } contacts { id } } } } }"""
    before = statements.count
    small = await alice.data(page, {"first": 2})
    small_cost = statements.count - before
    before = statements.count
    large = await alice.data(page, {"first": 12})
    assert statements.count - before == small_cost
    assert all(len(edge["node"]["timeline"]) == 2 for edge in large["applications"]["edges"])
    assert len(small["applications"]["edges"]) == 2
    contacts = """query($id: ID!) { _entities(representations: [{__typename: "Contact", id: $id}]) {
      ... on Contact { applications { id } } } }"""
    found = await alice.data(contacts, {"id": "k1"})
    assert len(found["_entities"][0]["applications"]) == 12
