"""The ContactStore contract, run against every backend: SQLite, PostgreSQL and MongoDB (secantusdb)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from subgraphs.contacts.models import Contact, Link, NameKey
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.events import EventEnvelope

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


def contact(
    contact_id: str,
    *,
    owner: str = "alice",
    name: str = "Peter Gibbons",
    company: str | None = "Initech",
    position: str | None = "Engineer",
    email: str | None = None,
    linked: str | None = None,
) -> Contact:
    return Contact(
        id=contact_id,
        owner_id=owner,
        name=name,
        company=company,
        position=position,
        email=email,
        phone="+1 555 0100",
        links=(Link("LinkedIn", "https://linkedin.example/peter"),),
        notes="met at the meetup",
        linked_user_id=linked,
        created_at=T0,
        updated_at=T0,
    )


def event(kind: str, owner: str = "alice") -> EventEnvelope:
    return EventEnvelope(type=f"contact.{kind}", producer="contacts", user_id=owner, data={"id": kind})


async def test_an_inserted_contact_reads_back_equal_with_its_event(store: ContactStore) -> None:
    saved = contact("c1")
    await store.insert(saved, event("created"))
    assert await store.get_many("alice", ["c1"]) == {"c1": saved}
    assert [item.type for item in await store.outbox_events()] == ["contact.created"]


async def test_someone_elses_contact_is_absent(store: ContactStore) -> None:
    await store.insert(contact("c1"), event("created"))
    assert await store.get_many("bob", ["c1"]) == {}
    assert (await store.find("bob", None, None, 10)).total_count == 0


async def test_get_many_is_one_lookup_for_many_ids(store: ContactStore) -> None:
    for index in range(3):
        await store.insert(contact(f"c{index}"), event("created"))
    await store.insert(contact("b1", owner="bob"), event("created", "bob"))
    found = await store.get_many("alice", ["c0", "c2", "b1", "missing"])
    assert sorted(found) == ["c0", "c2"]
    assert await store.get_many("alice", []) == {}


async def test_contacts_list_by_name_case_insensitively_and_pages_continue(store: ContactStore) -> None:
    for contact_id, name in [("1", "bob"), ("2", "Alice"), ("3", "carol"), ("4", "alice")]:
        await store.insert(contact(contact_id, name=name), event("created"))
    first = await store.find("alice", None, None, 2)
    assert [item.name for item in first.items] == ["Alice", "alice"]
    assert (first.has_next_page, first.total_count) == (True, 4)
    last = first.items[-1]
    rest = await store.find("alice", None, NameKey(last.sort_key, last.id), 10)
    assert [item.name for item in rest.items] == ["bob", "carol"]
    assert (rest.has_next_page, rest.total_count) == (False, 4)


async def test_search_looks_in_name_company_and_position(store: ContactStore) -> None:
    await store.insert(contact("1", name="Peter", company="Initech", position="Engineer"), event("created"))
    await store.insert(contact("2", name="Samir", company="Globex", position="Initiator"), event("created"))
    await store.insert(contact("3", name="Initia Smith", company=None, position=None), event("created"))
    await store.insert(contact("4", name="Milton", company="Acme", position="Stapler"), event("created"))
    found = await store.find("alice", "init", None, 10)
    assert sorted(item.id for item in found.items) == ["1", "2", "3"]
    assert found.total_count == 3


async def test_search_text_is_literal(store: ContactStore) -> None:
    await store.insert(contact("1", company="C++ Shop (Berlin)"), event("created"))
    await store.insert(contact("2", company="Cxx Shop"), event("created"))
    assert [item.id for item in (await store.find("alice", "c++ shop (", None, 10)).items] == ["1"]
    assert (await store.find("alice", ".*", None, 10)).total_count == 0
    assert (await store.find("alice", "%", None, 10)).total_count == 0


async def test_replace_only_touches_the_owners_contact(store: ContactStore) -> None:
    await store.insert(contact("c1"), event("created"))
    changed = replace(contact("c1"), name="Peter G.", email="peter@initech.example")
    assert await store.replace(replace(changed, owner_id="bob"), event("updated", "bob")) is False
    assert await store.get_many("alice", ["c1"]) == {"c1": contact("c1")}
    assert await store.replace(changed, event("updated")) is True
    assert await store.get_many("alice", ["c1"]) == {"c1": changed}
    # The refused replace recorded nothing.
    assert [item.type for item in await store.outbox_events()] == ["contact.created", "contact.updated"]


async def test_delete_removes_only_the_owners_contact(store: ContactStore) -> None:
    await store.insert(contact("c1"), event("created"))
    assert await store.delete("bob", "c1", event("deleted", "bob")) is False
    assert await store.delete("alice", "c1", event("deleted")) is True
    assert await store.get_many("alice", ["c1"]) == {}
    assert await store.delete("alice", "c1", event("deleted")) is False
    assert [item.type for item in await store.outbox_events()] == ["contact.created", "contact.deleted"]


async def test_a_registered_email_links_every_contact_with_it_once_per_event(store: ContactStore) -> None:
    await store.insert(contact("a1", email="peter@initech.example"), event("created"))
    await store.insert(contact("b1", owner="bob", email="peter@initech.example"), event("created", "bob"))
    await store.insert(contact("a2", email="someone@else.example"), event("created"))
    assert await store.project_user("contacts", "evt-1", "user-peter", "peter@initech.example") is True
    assert await store.user_for_email("peter@initech.example") == "user-peter"
    linked = {**await store.get_many("alice", ["a1", "a2"]), **await store.get_many("bob", ["b1"])}
    assert {key: value.linked_user_id for key, value in linked.items()} == {
        "a1": "user-peter",
        "a2": None,
        "b1": "user-peter",
    }
    # The same event again changes nothing and says so.
    assert await store.project_user("contacts", "evt-1", "user-peter", "other@initech.example") is False
    assert await store.user_for_email("other@initech.example") is None


async def test_a_changed_email_moves_the_link(store: ContactStore) -> None:
    await store.insert(contact("old", email="peter@initech.example"), event("created"))
    await store.insert(contact("new", email="peter@gibbons.example"), event("created"))
    await store.project_user("contacts", "evt-1", "user-peter", "peter@initech.example")
    await store.project_user("contacts", "evt-2", "user-peter", "peter@gibbons.example")
    found = await store.get_many("alice", ["old", "new"])
    assert (found["old"].linked_user_id, found["new"].linked_user_id) == (None, "user-peter")
    assert await store.user_for_email("peter@initech.example") is None
    assert await store.user_for_email("peter@gibbons.example") == "user-peter"


async def test_all_contacts_of_every_owner_come_in_batches_by_id(store: ContactStore) -> None:
    # What the contacts snapshot reads (`jobgraph search reindex`).
    for index, owner in enumerate(("alice", "bob", "alice", "carol", "bob")):
        await store.insert(contact(f"c{index}", owner=owner, linked="user-peter"), event("created", owner))
    batches = [batch async for batch in store.all_contacts(2)]
    assert [len(batch) for batch in batches] == [2, 2, 1]
    everyone = [item for batch in batches for item in batch]
    assert [item.id for item in everyone] == ["c0", "c1", "c2", "c3", "c4"]
    assert [item.owner_id for item in everyone] == ["alice", "bob", "alice", "carol", "bob"]
    assert everyone[0] == contact("c0", linked="user-peter")
