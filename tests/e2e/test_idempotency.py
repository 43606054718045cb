"""Safe retries through the router: a mutation sent with an `Idempotency-Key` and sent again gets its first
answer back, marked as replayed, without acting twice — in every subgraph that has mutations — and a
malformed key is refused by the router before any subgraph sees it."""

from __future__ import annotations

from typing import Any

import httpx

from tests.e2e.client import GraphQLErrors, Person, RouterClient
from tests.e2e.test_job_search import SCHEDULE

HEADLINE = "mutation($headline: String!) { updateProfile(input: {headline: $headline}) { headline } }"
SETTINGS = """mutation($on: Boolean!) {
  updateNotificationSettings(input: {emailEnabled: $on}) { emailEnabled }
}"""
CREATE_CONTACT = 'mutation { createContact(input: {name: "Grace Hopper"}) { id } }'
CREATE_UPLOAD = """mutation {
  createUpload(input: {kind: RESUME, filename: "cv.txt", contentType: "text/plain", size: 12}) { file { id } }
}"""
CREATE_APPLICATION = 'mutation { createApplication(input: {company: "Acme", position: "Engineer"}) { id } }'


async def _send(
    client: RouterClient, person: Person, query: str, key: str | None, **variables: Any
) -> httpx.Response:
    headers = {"authorization": f"Bearer {person.token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return await client.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)


async def _data(client: RouterClient, person: Person, query: str, key: str | None, **variables: Any) -> Any:
    body = (await _send(client, person, query, key, **variables)).json()
    if body.get("errors"):
        raise GraphQLErrors(body["errors"])
    return body["data"]


async def _until_found(client: RouterClient, person: Person, key: str, **variables: Any) -> Any:
    """Schedule with a key until interviews knows the application (an event away): NOT_FOUND answers are not
    kept under the key, so the same key may be retried until the mutation acts."""
    for _ in range(200):
        body = (await _send(client, person, SCHEDULE, key, **variables)).json()
        if not body.get("errors"):
            return body["data"]
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", body
    raise AssertionError("interviews never learned of the application")


async def test_every_subgraphs_mutation_replays_its_first_answer(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")

    # An update replays its first answer, even after the state changed since: it does not act again.
    first = await _data(client, ada, HEADLINE, "profile-1", headline="Engineer")
    await _data(client, ada, HEADLINE, None, headline="Manager")
    assert await _data(client, ada, HEADLINE, "profile-1", headline="Engineer") == first
    assert await client.data("{ me { headline } }", ada.token) == {"me": {"headline": "Manager"}}

    first = await _data(client, ada, SETTINGS, "settings-1", on=False)
    await _data(client, ada, SETTINGS, None, on=True)
    assert await _data(client, ada, SETTINGS, "settings-1", on=False) == first
    assert await client.data("{ me { notificationSettings { emailEnabled } } }", ada.token) == {
        "me": {"notificationSettings": {"emailEnabled": True}}
    }

    # A creation replays the item it created: the same id, and only one of it.
    created = await _data(client, ada, CREATE_APPLICATION, "application-1")
    retried = await _send(client, ada, CREATE_APPLICATION, "application-1")
    assert retried.json() == {"data": created, "extensions": {"idempotentReplay": True}}
    assert retried.headers["idempotent-replayed"] == "true"
    assert await client.data("{ applications { totalCount } }", ada.token) == {
        "applications": {"totalCount": 1}
    }

    contact = await _data(client, ada, CREATE_CONTACT, "contact-1")
    assert await _data(client, ada, CREATE_CONTACT, "contact-1") == contact
    assert await client.data("{ contacts { totalCount } }", ada.token) == {"contacts": {"totalCount": 1}}

    upload = await _data(client, ada, CREATE_UPLOAD, "upload-1")
    assert await _data(client, ada, CREATE_UPLOAD, "upload-1") == upload

    application = created["createApplication"]["id"]
    interview = {"applicationId": application, "startsAt": "2099-05-04T10:00:00+01:00", "durationMinutes": 45}
    scheduled = await _until_found(client, ada, "interview-1", input={**interview, "type": "ONLINE"})
    assert (
        await _data(client, ada, SCHEDULE, "interview-1", input={**interview, "type": "ONLINE"}) == scheduled
    )
    assert await client.data("{ interviews { totalCount } }", ada.token) == {"interviews": {"totalCount": 1}}


async def test_the_same_key_for_another_request_is_conflict(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    await _data(client, ada, HEADLINE, "profile-1", headline="Engineer")
    body = (await _send(client, ada, HEADLINE, "profile-1", headline="Manager")).json()
    assert body["errors"][0]["extensions"]["code"] == "CONFLICT"
    assert body["errors"][0]["extensions"]["field"] == "Idempotency-Key"
    # Keys are per person.
    assert await _data(client, bob, HEADLINE, "profile-1", headline="Manager") == {
        "updateProfile": {"headline": "Manager"}
    }


async def test_the_router_refuses_a_malformed_key(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    body = (await _send(client, ada, CREATE_APPLICATION, "x" * 256)).json()
    # A request error (no `data`): the router answered, no subgraph ran the mutation.
    assert body == {
        "errors": [
            {
                "message": "the Idempotency-Key header must have 1 to 255 characters",
                "extensions": {"code": "BAD_USER_INPUT", "field": "Idempotency-Key"},
            }
        ]
    }
    assert await client.data("{ applications { totalCount } }", ada.token) == {
        "applications": {"totalCount": 0}
    }
    # A query needs no key: whatever it carries is ignored.
    assert (await _send(client, ada, "{ me { name } }", "x" * 256)).json() == {
        "data": {"me": {"name": "Ada Lovelace"}}
    }


async def test_one_operation_with_mutations_of_several_subgraphs_replays_whole(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    # Applications, then contacts, then applications again: two separate requests to applications.
    several = """mutation {
      a: createApplication(input: {company: "Acme", position: "Engineer"}) { id }
      b: createContact(input: {name: "Grace Hopper"}) { id }
      c: createApplication(input: {company: "Globex", position: "Engineer"}) { id }
    }"""
    first = await _data(client, ada, several, "batch-1")
    retried = (await _send(client, ada, several, "batch-1")).json()
    assert retried == {"data": first, "extensions": {"idempotentReplay": True}}
    assert await client.data("{ applications { totalCount } contacts { totalCount } }", ada.token) == {
        "applications": {"totalCount": 2},
        "contacts": {"totalCount": 1},
    }
