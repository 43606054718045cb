"""What people expect of the search box, on every engine: the same queries give the same hits."""

from __future__ import annotations

import pytest

from subgraphs.kit.errors import BadUserInput
from subgraphs.search.models import SearchType
from subgraphs.search.service import SearchService
from tests.subgraphs.search.conftest import deliver, event, found


@pytest.fixture
async def indexed(service: SearchService) -> SearchService:
    """Alice's job search: two applications, an interview, a contact; Peter's public profile."""
    await deliver(
        service,
        event(
            "application.created",
            "alice",
            id="app-initech",
            company="Initech",
            position="DevOps engineer",
            location="Zürich",
            description="Kubernetes platform team; interviews in two rounds",
            notes="ask about remote days",
            status="APPLIED",
        ),
        event(
            "application.created",
            "alice",
            id="app-globex",
            company="Globex",
            position="Data analyst",
            location="Berlin",
            description="Works closely with the Initech integration team",
            status="SAVED",
        ),
        event(
            "interview.scheduled",
            "alice",
            id="int-1",
            applicationId="app-initech",
            type="ONLINE",
            location=None,
            details="with the hiring manager",
        ),
        event(
            "contact.created",
            "alice",
            id="con-1",
            name="Bill Lumbergh",
            company="Initech",
            position="Technical recruiter",
            email="bill@initech.example",
            notes="prefers phone calls",
        ),
        event(
            "user.registered",
            "peter",
            id="peter",
            email="peter@example.com",
            name="Peter Gibbons",
            headline="Platform engineer",
            location="Austin",
            skills=["python", "kubernetes"],
        ),
    )
    return service


async def test_words_match_in_any_order(indexed: SearchService) -> None:
    # The interview has its application's position too.
    assert sorted(await found(indexed, "alice", "engineer devops")) == ["app-initech", "int-1"]
    assert sorted(await found(indexed, "alice", "devops engineer")) == ["app-initech", "int-1"]


async def test_every_word_must_match(indexed: SearchService) -> None:
    assert await found(indexed, "alice", "devops berlin") == []


async def test_a_prefix_finds_the_word_being_typed(indexed: SearchService) -> None:
    assert "app-initech" in await found(indexed, "alice", "initec")
    assert await found(indexed, "alice", "lumb") == ["con-1"]


async def test_one_typo_is_forgiven_in_words_of_five_letters_or_more(indexed: SearchService) -> None:
    assert await found(indexed, "alice", "recuiter") == ["con-1"]
    assert await found(indexed, "alice", "globax") == ["app-globex"]


async def test_short_words_must_be_spelled_right(indexed: SearchService) -> None:
    # "dada" is one edit from "data", but four letters are too few to guess at.
    assert await found(indexed, "alice", "dada") == []


async def test_case_and_accents_are_folded(indexed: SearchService) -> None:
    assert await found(indexed, "alice", "zurich") == ["app-initech"]
    assert await found(indexed, "alice", "ZÜRICH") == ["app-initech"]


async def test_english_stemming(indexed: SearchService) -> None:
    assert await found(indexed, "alice", "interview rounds") == ["app-initech"]
    assert await found(indexed, "alice", "managers") == ["int-1"]


async def test_quoted_phrases_keep_their_word_order(indexed: SearchService) -> None:
    applications = [SearchType.APPLICATION]
    assert await found(indexed, "alice", '"devops engineer"', types=applications) == ["app-initech"]
    assert await found(indexed, "alice", '"engineer devops"') == []


async def test_company_and_position_rank_above_description(indexed: SearchService) -> None:
    # Initech is the company of app-initech, its interview and the contact; Globex only mentions it.
    hits = await found(indexed, "alice", "initech", types=[SearchType.APPLICATION])
    assert hits == ["app-initech", "app-globex"]


async def test_interviews_carry_their_applications_company_and_position(indexed: SearchService) -> None:
    assert await found(indexed, "alice", "devops manager") == ["int-1"]


async def test_people_are_found_by_their_public_profile(indexed: SearchService) -> None:
    assert await found(indexed, "alice", "kubernetes python") == ["peter"]
    assert await found(indexed, "alice", "gibbons austin") == ["peter"]


async def test_facets_count_every_type_and_types_filter_the_hits(indexed: SearchService) -> None:
    page = await indexed.search("alice", "initech", types=[SearchType.CONTACT])
    assert [hit.document.id for _, hit in page.hits] == ["con-1"]
    assert page.total_count == 1
    assert page.facets == {
        SearchType.APPLICATION: 2,
        SearchType.INTERVIEW: 1,
        SearchType.CONTACT: 1,
        SearchType.PERSON: 0,
    }


async def test_pages_follow_each_other_through_cursors(indexed: SearchService) -> None:
    first = await indexed.search("alice", "initech", first=2)
    assert first.total_count == 4 and first.has_next_page
    second = await indexed.search("alice", "initech", first=2, after=first.hits[-1][0])
    assert not second.has_next_page
    ids = [hit.document.id for _, hit in (*first.hits, *second.hits)]
    assert sorted(ids) == ["app-globex", "app-initech", "con-1", "int-1"]


async def test_query_syntax_characters_are_only_separators(indexed: SearchService) -> None:
    for query in ['initech AND "devops', "initech OR (zurich)", "initech* : \\ devops", "*:*"]:
        hits = await found(indexed, "alice", query) if query != "*:*" else None
        if hits is not None:
            assert "app-initech" in hits, query
    with pytest.raises(BadUserInput):
        await indexed.search("alice", "*:*")


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000, '" ( ) :', "AND OR"])
async def test_queries_without_usable_words_are_bad_input(indexed: SearchService, query: str) -> None:
    with pytest.raises(BadUserInput) as raised:
        await indexed.search("alice", query)
    assert raised.value.field == "query"


async def test_a_cursor_from_elsewhere_is_bad_input(indexed: SearchService) -> None:
    with pytest.raises(BadUserInput) as raised:
        await indexed.search("alice", "initech", after="not-a-cursor")
    assert raised.value.field == "after"
