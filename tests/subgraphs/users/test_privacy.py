"""Email and phone are private unless the person shows them; the person always sees their own."""

from __future__ import annotations

import sqlalchemy as sa

from subgraphs.kit.events import parse_envelope
from subgraphs.users.models import outbox_table
from subgraphs.users.service import UserService
from tests.subgraphs.users.conftest import run_as

PROFILE = "query($id: ID!) { user(id: $id) { name email phone showEmail showPhone } }"
SHOW = "mutation($e: Boolean, $p: Boolean) { updateProfile(input: {showEmail: $e, showPhone: $p}) { id } }"


async def sign_up(service: UserService, email: str, name: str, client: str) -> str:
    session = await service.register(email, "correct horse", name, client=client)
    return session.user.id


async def test_other_people_see_no_email_or_phone_until_shown(service: UserService) -> None:
    ada = await sign_up(service, "ada@example.com", "Ada", "198.51.100.1")
    bob = await sign_up(service, "bob@example.com", "Bob", "198.51.100.2")
    _, errors = await run_as(
        service, ada, 'mutation { updateProfile(input: {phone: "+44 20 7946 0000"}) { id } }'
    )
    assert not errors
    as_bob, _ = await run_as(service, bob, PROFILE, id=ada)
    assert as_bob == {
        "user": {"name": "Ada", "email": None, "phone": None, "showEmail": False, "showPhone": False}
    }
    as_ada, _ = await run_as(service, ada, PROFILE, id=ada)
    assert as_ada is not None and as_ada["user"]["email"] == "ada@example.com"
    assert as_ada["user"]["phone"] == "+44 20 7946 0000"

    _, errors = await run_as(service, ada, SHOW, e=True)
    assert not errors
    as_bob, _ = await run_as(service, bob, PROFILE, id=ada)
    assert as_bob is not None
    assert (as_bob["user"]["email"], as_bob["user"]["phone"]) == ("ada@example.com", None)
    _, errors = await run_as(service, ada, SHOW, e=False, p=True)
    as_bob, _ = await run_as(service, bob, PROFILE, id=ada)
    assert as_bob is not None
    assert (as_bob["user"]["email"], as_bob["user"]["phone"]) == (None, "+44 20 7946 0000")


async def test_listing_people_does_not_list_their_emails(service: UserService) -> None:
    # Was: `users(search: "", first: 100)` listed everyone's email and phone.
    for n in range(3):
        await sign_up(service, f"person{n}@example.com", f"Person {n}", f"198.51.100.{n}")
    viewer = await sign_up(service, "viewer@example.com", "Viewer", "198.51.100.9")
    data, _ = await run_as(
        service, viewer, '{ users(search: "", first: 100) { edges { node { name email phone } } } }'
    )
    assert data is not None
    nodes = [edge["node"] for edge in data["users"]["edges"]]
    assert {node["name"]: node["email"] for node in nodes} == {
        "Person 0": None,
        "Person 1": None,
        "Person 2": None,
        "Viewer": "viewer@example.com",
    }
    assert all(node["phone"] is None for node in nodes)


async def test_entities_apply_the_same_rules(service: UserService) -> None:
    # What the router asks for `Contact.linkedUser { email }` or `interestedIn { email }`.
    ada = await sign_up(service, "ada@example.com", "Ada", "198.51.100.1")
    bob = await sign_up(service, "bob@example.com", "Bob", "198.51.100.2")
    query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }"
    data, _ = await run_as(
        service, bob, query, r=[{"__typename": "User", "id": ada}, {"__typename": "User", "id": bob}]
    )
    assert data == {"_entities": [{"email": None}, {"email": "bob@example.com"}]}


async def test_visibility_changes_are_published_for_the_subgraphs_that_link_by_email(
    service: UserService,
) -> None:
    ada = await sign_up(service, "ada@example.com", "Ada", "198.51.100.1")
    _, errors = await run_as(service, ada, SHOW, e=True)
    assert not errors
    async with service.sessions() as session:
        rows = await session.execute(sa.select(outbox_table.c.payload).order_by(outbox_table.c.created_at))
        events = [parse_envelope(payload) for payload in rows.scalars()]
    assert [(event.type, event.data["showEmail"]) for event in events] == [
        ("user.registered", False),
        ("user.updated", True),
    ]
    assert events[1].data["changed"] == ["showEmail"]
