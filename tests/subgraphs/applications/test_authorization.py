"""Authorization matrix: Bob can never read or change Alice's applications, by any query, mutation or entity.

Other people's applications look exactly like missing ones (null / empty / NOT_FOUND), never FORBIDDEN, so ids
cannot be probed (DESIGN.md, Identity and access).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.applications.events import applications_consumer
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.events import EventEnvelope
from tests.subgraphs.harness import Caller, scopes_reaching

READS: dict[str, tuple[str, dict[str, Any]]] = {
    "application(id)": ("query($id: ID!) { application(id: $id) { id } }", {"application": None}),
    "applications": (
        "{ applications { totalCount edges { node { id } } } }",
        {"applications": {"totalCount": 0, "edges": []}},
    ),
    "applications(search)": (
        '{ applications(filter: {search: "Acme"}) { totalCount } }',
        {"applications": {"totalCount": 0}},
    ),
    "applications(every filter of issue #18)": (
        '{ applications(filter: {createdFrom: "2000-01-01T00:00:00Z", createdTo: "2999-01-01T00:00:00Z",'
        ' location: "Berlin", workModes: [REMOTE], sources: [REFERRAL], employmentTypes: [CONTRACT],'
        ' minPriority: 1, maxPriority: 5, tags: ["python"], salaryMin: 1, salaryMax: 999999,'
        ' salaryCurrency: "EUR"}) { totalCount edges { node { id } } } }',
        {"applications": {"totalCount": 0, "edges": []}},
    ),
    **{
        f"applications(orderBy: {order})": (
            f"{{ applications(orderBy: {order}) {{ totalCount edges {{ node {{ id }} }} }} }}",
            {"applications": {"totalCount": 0, "edges": []}},
        )
        for order in ("NEWEST", "OLDEST", "RECENTLY_UPDATED", "COMPANY", "PRIORITY", "DEADLINE")
    },
    "exportApplications (filtered to Alice's company)": (
        'mutation { exportApplications(format: JSON, filter: {search: "Acme"}) { rowCount } }',
        {"exportApplications": {"rowCount": 0}},
    ),
    "_entities Application": (
        'query($id: ID!) { _entities(representations: [{__typename: "Application", id: $id}]) {'
        " ... on Application { id company } } }",
        {"_entities": [None]},
    ),
    "_entities Application timeline and contacts": (
        'query($id: ID!) { _entities(representations: [{__typename: "Application", id: $id}]) {'
        " ... on Application { timeline { kind } contacts { id } } } }",
        {"_entities": [None]},
    ),
    "_entities Contact applications (Alice's contact)": (
        '{ _entities(representations: [{__typename: "Contact", id: "alices-contact"}]) {'
        " ... on Contact { applications { id } } } }",
        {"_entities": [{"applications": []}]},
    ),
    "_entities User (Alice's dashboard)": (
        '{ _entities(representations: [{__typename: "User", id: "alice"}]) {'
        " ... on User { applicationCounts { total } recentApplications { id } } } }",
        {"_entities": [{"applicationCounts": None, "recentApplications": []}]},
    ),
}

CHANGES: dict[str, str] = {
    "updateApplication": (
        'mutation($id: ID!) { updateApplication(id: $id, input: {company: "Bob Inc"}) { id } }'
    ),
    "changeApplicationStatus": (
        "mutation($id: ID!) { changeApplicationStatus(id: $id, status: WITHDRAWN) { id } }"
    ),
    "deleteApplication": "mutation($id: ID!) { deleteApplication(id: $id) }",
}

# Bulk mutations answer per id: someone else's is NOT_FOUND in the result, like a missing one.
BULK_CHANGES: dict[str, str] = {
    "changeApplicationsStatus": (
        "mutation($id: ID!) { result: changeApplicationsStatus(ids: [$id], status: WITHDRAWN) {"
        " id outcome application { id } } }"
    ),
    "deleteApplications": (
        "mutation($id: ID!) { result: deleteApplications(ids: [$id]) { id outcome application { id } } }"
    ),
}


# The timeline and link mutations name the argument they refuse (`applicationId`).
TIMELINE_CHANGES: dict[str, str] = {
    "addTimelineNote": 'mutation($id: ID!) { addTimelineNote(applicationId: $id, note: "mine now") { id } }',
    "linkContact": 'mutation($id: ID!) { linkContact(applicationId: $id, contactId: "bobs-contact") { id } }',
    "unlinkContact": (
        'mutation($id: ID!) { unlinkContact(applicationId: $id, contactId: "alices-contact") { id } }'
    ),
}


@pytest.fixture
async def alices_application(alice: Caller, service: ApplicationService, sqlite_engine: AsyncEngine) -> str:
    # With every field of issue #18, so that every filter of READS finds it for Alice.
    created = await alice.data(
        'mutation { createApplication(input: {company: "Acme", position: "Engineer", location: "Berlin",'
        ' workMode: REMOTE, source: REFERRAL, employmentType: CONTRACT, priority: 3, tags: ["Python"],'
        ' deadline: "2031-04-01T00:00:00Z", salary: {min: 60000, max: 80000, currency: "EUR"}}) { id } }'
    )
    application_id = str(created["createApplication"]["id"])
    # Alice's contact is linked to it; Bob has a contact of his own.
    consumer = applications_consumer(service, async_sessionmaker(sqlite_engine))
    for contact_id, owner in (("alices-contact", "alice"), ("bobs-contact", "bob")):
        await consumer.handlers["contact.created"](
            EventEnvelope(type="contact.created", producer="contacts", user_id=owner, data={"id": contact_id})
        )
    await service.timeline.link_contact("alice", application_id, "alices-contact")
    return application_id


@pytest.mark.parametrize("name", list(READS))
async def test_bob_reads_nothing_of_alices(name: str, bob: Caller, alices_application: str) -> None:
    query, expected = READS[name]
    assert await bob.data(query, {"id": alices_application} if "$id" in query else None) == expected


@pytest.mark.parametrize("name", list(CHANGES))
async def test_bob_changes_nothing_of_alices(
    name: str, alice: Caller, bob: Caller, alices_application: str
) -> None:
    extensions = await bob.error(CHANGES[name], {"id": alices_application})
    assert extensions == {"code": "NOT_FOUND", "field": "id"}
    await assert_untouched(alice, alices_application)


@pytest.mark.parametrize("name", list(BULK_CHANGES))
async def test_bob_bulk_changes_nothing_of_alices(
    name: str, alice: Caller, bob: Caller, alices_application: str
) -> None:
    answer = await bob.data(BULK_CHANGES[name], {"id": alices_application})
    assert answer == {"result": [{"id": alices_application, "outcome": "NOT_FOUND", "application": None}]}
    await assert_untouched(alice, alices_application)


async def assert_untouched(alice: Caller, alices_application: str) -> None:
    still = await alice.data(
        "query($id: ID!) { application(id: $id) { company status statusHistory { status } } }",
        {"id": alices_application},
    )
    assert still == {
        "application": {"company": "Acme", "status": "SAVED", "statusHistory": [{"status": "SAVED"}]}
    }


@pytest.mark.parametrize("name", list(TIMELINE_CHANGES))
async def test_bob_changes_nothing_of_alices_timeline_or_links(
    name: str, alice: Caller, bob: Caller, alices_application: str
) -> None:
    extensions = await bob.error(TIMELINE_CHANGES[name], {"id": alices_application})
    assert extensions == {"code": "NOT_FOUND", "field": "applicationId"}
    still = await alice.data(
        "query($id: ID!) { application(id: $id) { timeline { kind } contacts { id } } }",
        {"id": alices_application},
    )
    assert still == {
        "application": {
            "timeline": [{"kind": "CREATED"}, {"kind": "CONTACT_LINKED"}],
            "contacts": [{"id": "alices-contact"}],
        }
    }


async def test_bob_cannot_link_alices_contact_to_his_application(
    bob: Caller, alices_application: str
) -> None:
    created = await bob.data(
        'mutation { createApplication(input: {company: "Bob", position: "Dev"}) { id } }'
    )
    extensions = await bob.error(
        'mutation($id: ID!) { linkContact(applicationId: $id, contactId: "alices-contact") { id } }',
        {"id": created["createApplication"]["id"]},
    )
    assert extensions == {"code": "NOT_FOUND", "field": "contactId"}


@pytest.mark.parametrize("name", list(READS))
async def test_alice_reads_her_own(name: str, alice: Caller, alices_application: str) -> None:
    # The same operations do show Alice her application: the matrix above is not empty by accident.
    query, empty = READS[name]
    assert await alice.data(query, {"id": alices_application} if "$id" in query else None) != empty


# The same person through a partner's API token: which scopes reach each operation in the subgraph itself
# (FORBIDDEN for every other scope), so a request that bypasses the router is refused as the router would.
PARTNER_REACH: dict[str, tuple[str, set[str]]] = {
    "application(id)": (READS["application(id)"][0], {"applications:read"}),
    "applications": (READS["applications"][0], {"applications:read"}),
    "_entities User (dashboard)": (READS["_entities User (Alice's dashboard)"][0], {"applications:read"}),
    "createApplication": (
        'mutation { createApplication(input: {company: "Acme", position: "Engineer"}) { id } }',
        {"applications:write"},
    ),
    **{name: (mutation, {"applications:write"}) for name, mutation in CHANGES.items()},
}


@pytest.mark.parametrize("name", list(PARTNER_REACH))
async def test_a_partner_token_reaches_only_its_scopes(
    name: str, alice: Caller, alices_application: str
) -> None:
    query, reaching = PARTNER_REACH[name]
    variables = {"id": alices_application} if "$id" in query else None
    assert await scopes_reaching(alice, query, variables) == reaching
