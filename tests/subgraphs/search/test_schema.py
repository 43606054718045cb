"""The search API as clients see it: hits, highlights, facets, references, who finds what, bad input."""

from __future__ import annotations

from typing import Any

import pytest

from subgraphs.search.context import SearchContext
from subgraphs.search.schema import schema
from subgraphs.search.service import SearchService
from tests.subgraphs.harness import Caller
from tests.subgraphs.search.conftest import deliver, event

SEARCH = """query($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { type count }
    edges { cursor node { score highlights { field snippet } item { __typename ... on Application { id }
      ... on Interview { id } ... on Contact { id } ... on User { id } } } }
  }
}"""

pytestmark = pytest.mark.parametrize("engine", ["tantivy"], indirect=True)


def caller(service: SearchService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: SearchContext(service=service, identity=identity), user_id)


@pytest.fixture
async def indexed(service: SearchService) -> SearchService:
    await deliver(
        service,
        event(
            "application.created", "alice", id="app-1", company="Initech", position="Data engineer",
            description="<script>alert(1)</script> Initech builds TPS reports",
        ),
        event("contact.created", "alice", id="con-1", name="Bill Lumbergh", company="Initech"),
        event(
            "user.registered", "peter", id="peter", email="peter@initech.example", name="Peter Gibbons",
            headline="Engineer at Initech", skills=["cobol"],
        ),
    )  # fmt: skip
    return service


async def search(who: Caller, query: str, **variables: Any) -> dict[str, Any]:
    data = await who.data(SEARCH, {"query": query, **variables})
    result: dict[str, Any] = data["search"]
    return result


def items(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(edge["node"]["item"]["__typename"], edge["node"]["item"]["id"]) for edge in result["edges"]]


async def test_hits_are_references_to_the_items_with_marked_highlights(indexed: SearchService) -> None:
    result = await search(caller(indexed, "alice"), "initech", types=["APPLICATION"])
    assert items(result) == [("Application", "app-1")]
    (edge,) = result["edges"]
    assert edge["node"]["score"] > 0
    assert edge["node"]["highlights"] == [
        {"field": "company", "snippet": "<mark>Initech</mark>"},
        # The stored text is escaped: a description cannot inject markup into the client.
        {
            "field": "description",
            "snippet": "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Initech</mark> builds TPS reports",
        },
    ]
    assert result["totalCount"] == 1
    assert {facet["type"]: facet["count"] for facet in result["facets"]} == {
        "APPLICATION": 1,
        "INTERVIEW": 0,
        "CONTACT": 1,
        "PERSON": 1,
    }


async def test_owners_find_their_items_and_everyone_finds_people(indexed: SearchService) -> None:
    mine = await search(caller(indexed, "alice"), "initech")
    assert sorted(items(mine)) == [("Application", "app-1"), ("Contact", "con-1"), ("User", "peter")]
    others = await search(caller(indexed, "bob"), "initech")
    assert items(others) == [("User", "peter")]


async def test_people_are_found_only_by_public_profile_fields(indexed: SearchService) -> None:
    # Peter's email is not indexed (only name, headline, location, skills): "example" is only in it.
    assert items(await search(caller(indexed, "bob"), "peter initech")) == [("User", "peter")]
    assert items(await search(caller(indexed, "bob"), "peter@initech.example")) == []


async def test_signing_in_is_required(indexed: SearchService) -> None:
    error = await caller(indexed, None).error(SEARCH, {"query": "initech"})
    assert error["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"query": ""}, "query"),
        ({"query": "   "}, "query"),
        ({"query": "x" * 10_000}, "query"),
        ({"query": '" * : ( ) \\ AND OR'}, "query"),
        ({"query": "initech", "first": 0}, "first"),
        ({"query": "initech", "first": 101}, "first"),
        ({"query": "initech", "after": "bm9wZQ"}, "after"),
    ],
)
async def test_bad_input_is_named(indexed: SearchService, variables: dict[str, Any], field: str) -> None:
    error = await caller(indexed, "alice").error(SEARCH, variables)
    assert error == {"code": "BAD_USER_INPUT", "field": field}


async def test_syntax_characters_between_words_give_results(indexed: SearchService) -> None:
    result = await search(caller(indexed, "alice"), 'initech AND (data) OR "engineer* : \\')
    assert items(result) == [("Application", "app-1")]


async def test_the_next_page_starts_after_the_cursor(indexed: SearchService) -> None:
    alice = caller(indexed, "alice")
    first = await search(alice, "initech", first=2)
    assert first["pageInfo"]["hasNextPage"] is True and first["totalCount"] == 3
    rest = await search(alice, "initech", first=2, after=first["pageInfo"]["endCursor"])
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": rest["edges"][-1]["cursor"]}
    assert sorted(items(first) + items(rest)) == [
        ("Application", "app-1"),
        ("Contact", "con-1"),
        ("User", "peter"),
    ]
