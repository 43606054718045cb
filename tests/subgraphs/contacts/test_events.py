"""Contact events reach the bus, and user events link contacts to the people they are — once per event."""

from __future__ import annotations

import asyncio

import httpx

from subgraphs.contacts.app import ContactsSubgraph
from subgraphs.kit.events import EventEnvelope, InProcessBus, parse_envelope
from tests.subgraphs.contacts.conftest import user_event
from tests.subgraphs.harness import Inbox, post, token

CREATE = """mutation($email: String) { createContact(input: {name: "Peter", email: $email}) { id } }"""
LINKED = "query($id: ID!) { contact(id: $id) { linkedUser { id } } }"


async def deliver(bus: InProcessBus, event: EventEnvelope) -> None:
    await bus.publish(event)
    await asyncio.wait_for(bus.wait_idle(), timeout=10)


async def linked_user(http: httpx.AsyncClient, contact_id: str, owner: str = "alice") -> object:
    body = await post(http, LINKED, token(owner), id=contact_id)
    return body["data"]["contact"]["linkedUser"]


async def test_contact_events_are_relayed_to_the_bus(http: httpx.AsyncClient, bus: InProcessBus) -> None:
    inbox = await Inbox.on(bus, "contact.*")
    created = await post(http, CREATE, token("alice"), email="peter@initech.example")
    contact_id = created["data"]["createContact"]["id"]
    await post(
        http,
        'mutation($id: ID!) { updateContact(id: $id, input: {company: "Initech"}) { id } }',
        token("alice"),
        id=contact_id,
    )
    await post(http, "mutation($id: ID!) { deleteContact(id: $id) }", token("alice"), id=contact_id)
    events = await inbox.wait_for(3)
    assert [event.type for event in events] == ["contact.created", "contact.updated", "contact.deleted"]
    assert {event.data["id"] for event in events} == {contact_id}
    assert {event.user_id for event in events} == {"alice"}


async def test_a_person_registering_later_links_existing_contacts(
    http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    created = await post(http, CREATE, token("alice"), email="peter@initech.example")
    contact_id = created["data"]["createContact"]["id"]
    assert await linked_user(http, contact_id) is None
    await deliver(bus, user_event("user.registered", "user-peter", "Peter@Initech.example"))
    assert await linked_user(http, contact_id) == {"id": "user-peter"}
    # Peter changes his email: the contact no longer matches, so the link goes.
    await deliver(bus, user_event("user.updated", "user-peter", "peter@gibbons.example"))
    assert await linked_user(http, contact_id) is None


async def test_a_private_email_links_no_contact_and_hiding_it_unlinks(
    http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    # Was: `createContact(email)` answered with the profile of whoever had registered that email.
    created = await post(http, CREATE, token("alice"), email="peter@initech.example")
    contact_id = created["data"]["createContact"]["id"]
    await deliver(bus, user_event("user.registered", "user-peter", "peter@initech.example", shown=False))
    assert await linked_user(http, contact_id) is None
    await deliver(bus, user_event("user.updated", "user-peter", "peter@initech.example", shown=True))
    assert await linked_user(http, contact_id) == {"id": "user-peter"}
    await deliver(bus, user_event("user.updated", "user-peter", "peter@initech.example", shown=False))
    assert await linked_user(http, contact_id) is None
    again = await post(http, CREATE, token("bob"), email="peter@initech.example")
    assert await linked_user(http, again["data"]["createContact"]["id"], "bob") is None


async def test_a_profile_update_without_an_email_changes_no_link(
    http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    await deliver(bus, user_event("user.registered", "user-peter", "peter@initech.example"))
    created = await post(http, CREATE, token("alice"), email="peter@initech.example")
    contact_id = created["data"]["createContact"]["id"]
    await deliver(bus, user_event("user.updated", "user-peter", None))
    assert await linked_user(http, contact_id) == {"id": "user-peter"}


async def test_a_redelivered_event_is_applied_once(
    http: httpx.AsyncClient, bus: InProcessBus, subgraph: ContactsSubgraph
) -> None:
    registered = user_event("user.registered", "user-peter", "peter@initech.example")
    await deliver(bus, registered)
    # A later change of Peter's email, then the old registration delivered again (at-least-once).
    await deliver(bus, user_event("user.updated", "user-peter", "peter@gibbons.example"))
    await deliver(bus, registered)
    assert await subgraph.store.user_for_email("peter@initech.example") is None
    assert await subgraph.store.user_for_email("peter@gibbons.example") == "user-peter"
    assert await bus.dead_letters("contacts") == []


async def test_a_user_event_without_an_id_is_dead_lettered(
    bus: InProcessBus, subgraph: ContactsSubgraph
) -> None:
    poison = EventEnvelope(
        type="user.registered", producer="users", user_id=None, data={"email": "x@y.example"}
    )
    await deliver(bus, poison)
    [letter] = await bus.dead_letters("contacts")
    assert parse_envelope(letter.body).id == poison.id
    assert "no user id" in letter.error
