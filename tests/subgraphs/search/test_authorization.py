"""Authorization matrix of search, on both engines: who finds each kind of item.

Applications, interviews and contacts are found by their owner only; people's public profiles by everyone
signed in; nobody searches without signing in. Another person's items are simply absent from hits, totals
and facets.
"""

from __future__ import annotations

import pytest

from subgraphs.search.context import SearchContext
from subgraphs.search.schema import schema
from subgraphs.search.service import SearchService
from tests.subgraphs.harness import Caller, scopes_reaching
from tests.subgraphs.search.conftest import deliver, event

QUERY = """query($text: String!) { search(query: $text) {
  totalCount facets { type count } edges { node { item { __typename } } } } }"""

# Each kind of item with a word only it carries, Alice's (Peter's profile is his own).
ITEMS = {
    "Application": event("application.created", "alice", id="a1", company="Zanzibarco"),
    "Interview": event("interview.scheduled", "alice", id="i1", applicationId="a0", details="Quixotic"),
    "Contact": event("contact.created", "alice", id="c1", name="Bartholomew"),
    "User": event("user.registered", "peter", id="peter", name="Peter", headline="Xylophonist"),
}
WORDS = {
    "Application": "zanzibarco",
    "Interview": "quixotic",
    "Contact": "bartholomew",
    "User": "xylophonist",
}
# Who finds what: (item, caller) → found.
MATRIX = {
    **{(kind, "alice"): True for kind in ITEMS},
    **{(kind, "bob"): kind == "User" for kind in ITEMS},
}


def caller(service: SearchService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: SearchContext(service=service, identity=identity), user_id)


@pytest.fixture
async def indexed(service: SearchService) -> SearchService:
    await deliver(service, *ITEMS.values())
    return service


@pytest.mark.parametrize(("kind", "who"), list(MATRIX))
async def test_who_finds_what(indexed: SearchService, kind: str, who: str) -> None:
    result = (await caller(indexed, who).data(QUERY, {"text": WORDS[kind]}))["search"]
    if MATRIX[kind, who]:
        assert [edge["node"]["item"]["__typename"] for edge in result["edges"]] == [kind]
        assert result["totalCount"] == 1
    else:
        assert result["edges"] == [] and result["totalCount"] == 0
        assert {facet["count"] for facet in result["facets"]} == {0}


@pytest.mark.parametrize("kind", list(ITEMS))
async def test_nobody_searches_without_signing_in(indexed: SearchService, kind: str) -> None:
    assert await caller(indexed, None).error(QUERY, {"text": WORDS[kind]}) == {"code": "UNAUTHENTICATED"}


async def test_search_is_for_the_person_only_not_partner_tokens(indexed: SearchService) -> None:
    # Search spans every domain at once: no partner scope reaches it.
    assert await scopes_reaching(caller(indexed, "alice"), QUERY, {"text": WORDS["Application"]}) == set()
