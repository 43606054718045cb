"""Data rights in the contacts store, on every backend (SQLite, PostgreSQL, MongoDB): `user.deleted` erases
the person's contacts, email and events and unlinks other people's contacts from them, once per event id;
the person's contacts are listed and their export part recorded in the outbox."""

from __future__ import annotations

from subgraphs.contacts.events import user_consumer
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.events import EventEnvelope
from tests.subgraphs.contacts.test_store_contract import contact, event


async def test_erasing_a_person_keeps_only_other_peoples_contacts_unlinked(store: ContactStore) -> None:
    await store.insert(contact("c1", name="Zed"), event("created"))
    await store.insert(contact("c2", name="Amy"), event("created"))
    # Bob saved Alice (shown email): linked to her until she goes.
    await store.insert(contact("c3", owner="bob", email="alice@example.com"), event("created", "bob"))
    await store.project_user("contacts", "evt-1", "alice", "alice@example.com")
    assert (await store.get_many("bob", ["c3"]))["c3"].linked_user_id == "alice"
    assert [item.name for item in await store.owned_by("alice")] == ["Amy", "Zed"]

    assert await store.erase_user("contacts", "evt-2", "alice") is True
    assert await store.erase_user("contacts", "evt-2", "alice") is False  # a redelivery

    assert await store.owned_by("alice") == []
    assert await store.is_erased("alice") and not await store.is_erased("bob")
    assert (await store.get_many("bob", ["c3"]))["c3"].linked_user_id is None
    assert await store.user_for_email("alice@example.com") is None
    assert [item.user_id for item in await store.outbox_events()] == ["bob"]


async def test_an_export_request_is_answered_with_the_contacts_part(store: ContactStore) -> None:
    await store.insert(contact("c1"), event("created"))
    await store.insert(contact("c2", owner="bob"), event("created", "bob"))
    request = EventEnvelope(
        type="export.requested", producer="files", user_id="alice", data={"exportId": "x1", "domains": []}
    )
    await user_consumer(store).dispatch(request)
    [part] = [item for item in await store.outbox_events() if item.type == "export.part"]
    assert part.user_id == "alice" and part.data["domain"] == "contacts" and part.data["count"] == 1
    assert '"c1"' in part.data["chunk"] and '"c2"' not in part.data["chunk"]
