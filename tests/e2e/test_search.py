"""Search through the router: data made in several subgraphs is found, each hit opens as the item its own
subgraph serves, and nobody finds another person's applications, interviews or contacts."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson

from tests.e2e.client import Person, RouterClient
from tests.e2e.test_job_search import SCHEDULE, apply, eventually
from tests.subgraphs.files.documents import pdf

SEARCH = """query($text: String!, $types: [SearchType!]) {
  search(query: $text, types: $types) {
    totalCount
    facets { type count }
    edges { node { highlights { field snippet } item {
      __typename
      ... on Application { id company position status }
      ... on Interview { id type application { company } }
      ... on Contact { id name contactCompany: company }
      ... on User { id name headline }
    } } }
  }
}"""


async def found(client: RouterClient, person: Person, query: str, count: int, **variables: Any) -> list[Any]:
    """The items `person` finds for `query` once the index holds `count` hits (indexing follows events).

    Until a deletion reaches the index, its hit's item resolves to nothing in the item's own subgraph, and
    the router answers an error for it: that is waited out too, and the final answer has no errors.
    """
    for _ in range(200):
        body = await client.raw(SEARCH, person.token, text=query, **variables)
        result = (body.get("data") or {}).get("search")
        if not body.get("errors") and result is not None and result["totalCount"] == count:
            return [edge["node"]["item"] for edge in result["edges"]]
        await asyncio.sleep(0.05)
    raise AssertionError(f"{query!r} never found {count} hits: {body}")


async def recruiter_screen(client: RouterClient, person: Person, application_id: str) -> None:
    """A phone interview "recruiter screen" for the application (once interviews has heard of it)."""
    await eventually(
        client,
        SCHEDULE,
        person.token,
        input={"applicationId": application_id, "startsAt": "2099-05-04T10:00:00Z", "durationMinutes": 30,
               "type": "PHONE", "details": "recruiter screen"},
    )  # fmt: skip


async def test_search_finds_and_opens_items_of_every_subgraph(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    profile = '{headline: "Analytical engine programmer", skills: ["cobol"]}'
    await client.data(f"mutation {{ updateProfile(input: {profile}) {{ id }} }}", ada.token)
    initech = await apply(client, ada, "Initech", "DevOps engineer", description="Kubernetes in Zürich")
    await recruiter_screen(client, ada, initech)
    await client.data(
        'mutation { createContact(input: {name: "Bill Lumbergh", company: "Initech"}) { id } }', ada.token
    )

    items = await found(client, ada, "initec", 3)
    by_type = {item["__typename"]: item for item in items}
    assert by_type["Application"] == {
        "__typename": "Application", "id": initech, "company": "Initech", "position": "DevOps engineer",
        "status": "SAVED",
    }  # fmt: skip
    assert by_type["Interview"]["application"] == {"company": "Initech"}
    assert by_type["Contact"]["name"] == "Bill Lumbergh"
    assert await found(client, ada, "zurich kubernetes", 1) == [by_type["Application"]]
    assert [item["__typename"] for item in await found(client, ada, "recuiter", 1)] == ["Interview"]

    # Bob finds Ada's public profile, and nothing of her job search.
    people = await found(client, bob, "ada cobol", 1)
    assert people == [
        {
            "__typename": "User",
            "id": ada.id,
            "name": "Ada Lovelace",
            "headline": "Analytical engine programmer",
        }
    ]
    assert await found(client, bob, "initech", 0) == []

    await client.data("mutation($id: ID!) { deleteApplication(id: $id) }", ada.token, id=initech)
    remaining = await found(client, ada, "initech", 1)
    assert [item["__typename"] for item in remaining] == ["Contact"]


ATTACH = """mutation($file: Upload!, $applicationId: ID) {
  uploadFile(file: $file, kind: COVER_LETTER, applicationId: $applicationId) { id } }"""


async def attach(client: RouterClient, person: Person, application_id: str, filename: str, text: str) -> str:
    """Upload a PDF of `text` to the application through the router (one GraphQL multipart request), once
    files has heard of the application; the file's id."""
    operations = orjson.dumps({"query": ATTACH, "variables": {"file": None, "applicationId": application_id}})
    for _ in range(100):
        response = await client.http.post(
            "/graphql",
            data={"operations": operations.decode(), "map": '{"0": ["variables.file"]}'},
            files={"0": (filename, pdf([text]), "application/pdf")},
            headers={"authorization": f"Bearer {person.token}", "apollo-require-preflight": "true"},
        )
        body = response.json()
        codes = {error.get("extensions", {}).get("code") for error in body.get("errors") or ()}
        if codes != {"NOT_FOUND"}:
            assert not body.get("errors"), body["errors"]
            return str(body["data"]["uploadFile"]["id"])
        await asyncio.sleep(0.05)
    raise AssertionError(f"files never heard of application {application_id}: {body}")


async def test_a_phrase_of_an_attached_cover_letter_finds_the_application(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    initech = await apply(client, ada, "Initech", "Backend engineer")
    await apply(client, ada, "Globex", "Analyst")
    letter = await attach(
        client, ada, initech, "cover letter.pdf", "I moved the payments ledgers to event sourcing at Hooli"
    )

    items = await found(client, ada, '"payments ledgers"', 1)
    assert [(item["__typename"], item["id"]) for item in items] == [("Application", initech)]
    hit = (await client.data(SEARCH, ada.token, text="ledgers"))["search"]["edges"][0]["node"]
    snippet = "cover letter.pdf\nI moved the payments <mark>ledgers</mark> to event sourcing at Hooli"
    assert hit["highlights"] == [{"field": "documents", "snippet": snippet}]
    # Owner-only, like the application.
    assert await found(client, bob, "ledgers", 0) == []

    await client.data("mutation($id: ID!) { deleteFile(id: $id) }", ada.token, id=letter)
    assert await found(client, ada, "ledgers", 0) == []
    assert [item["id"] for item in await found(client, ada, "initech", 1)] == [initech]


async def test_search_answers_bad_input_and_anonymous_callers_with_codes(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    blank = await client.raw(SEARCH, ada.token, text="   ")
    assert [error["extensions"]["code"] for error in blank["errors"]] == ["BAD_USER_INPUT"]
    # Search is for a signed-in person's own session: the router refuses an anonymous caller's field.
    anonymous = await client.raw(SEARCH, None, text="initech")
    assert [error["extensions"]["code"] for error in anonymous["errors"]] == ["UNAUTHORIZED_FIELD_OR_TYPE"]
