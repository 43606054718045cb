"""Every argument is checked before its resolver: control characters and unreadable scalars are BAD_USER_INPUT
naming the field, in nested inputs, lists, ids and `_entities` representations alike."""

from __future__ import annotations

from datetime import datetime

import pytest
import strawberry

from subgraphs.kit.input_checks import control_character_in
from subgraphs.kit.schema import SubgraphSchema

resolved: list[str] = []


@strawberry.input
class Filter:
    starts_from: datetime | None = strawberry.field(name="from", default=None)
    search: str | None = None
    notes: str | None = None
    tags: list[str] | None = None


@strawberry.type
class Query:
    @strawberry.field
    def find(self, filter: Filter | None = None, id: strawberry.ID | None = None) -> str:
        resolved.append("find")
        return "found"


@strawberry.federation.type(keys=["id"])
class Thing:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Thing:
        return cls(id=id)


SCHEMA = SubgraphSchema(query=Query, types=[Thing])
FIND = "query($filter: Filter, $id: ID) { find(filter: $filter, id: $id) }"


async def error_of(query: str, variables: dict[str, object] | None = None) -> dict[str, object]:
    result = await SCHEMA.execute(query, variables)
    assert result.errors is not None and len(result.errors) == 1, result
    return {"message": result.errors[0].message, **(result.errors[0].extensions or {})}


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"id": "a\x00b"}, "id"),
        ({"filter": {"search": "nul \x00"}}, "filter.search"),
        ({"filter": {"search": "line\nbreak"}}, "filter.search"),
        ({"filter": {"search": "bell\x07"}}, "filter.search"),
        ({"filter": {"search": "del\x7f"}}, "filter.search"),
        ({"filter": {"search": "c1\x85"}}, "filter.search"),
        ({"filter": {"search": "lone surrogate \ud800"}}, "filter.search"),
        ({"filter": {"tags": ["fine", "not\x1bfine"]}}, "filter.tags.1"),
        ({"filter": {"notes": "multi-line allows newlines but not \x00"}}, "filter.notes"),
    ],
)
async def test_a_control_character_in_any_text_is_bad_user_input_naming_the_field(
    variables: dict[str, object], field: str
) -> None:
    resolved.clear()
    error = await error_of(FIND, variables)
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", field)
    assert "control characters" in str(error["message"])
    assert resolved == [], "the resolver never sees the text"


async def test_multi_line_fields_keep_tabs_and_line_breaks() -> None:
    result = await SCHEMA.execute(FIND, {"filter": {"notes": "first line\r\n\tindented\nlast"}})
    assert result.errors is None and result.data == {"find": "found"}


async def test_literals_in_the_document_are_checked_like_variables() -> None:
    error = await error_of('{ find(filter: {search: "a\\u0000b"}) }')
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", "filter.search")


async def test_entity_representations_are_checked_too() -> None:
    query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }"
    representations = [{"__typename": "Thing", "id": "1"}, {"__typename": "Thing", "id": "2\x00"}]
    error = await error_of(query, {"r": representations})
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", "representations.1.id")


@pytest.mark.parametrize(
    "query",
    ['{ find(filter: {from: ""}) }', "query($f: Filter) { find(filter: $f) }"],
    ids=["literal", "variable"],
)
async def test_an_unreadable_instant_is_bad_user_input_naming_the_field(query: str) -> None:
    # Was GRAPHQL_VALIDATION_FAILED without a path for the literal, and BAD_USER_INPUT without a field for
    # the variable.
    error = await error_of(query, {"f": {"from": ""}} if "$f" in query else None)
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", "filter.from")
    assert "is not an ISO 8601 date and time" in str(error["message"])


def test_printable_text_of_any_script_passes() -> None:
    assert control_character_in("Zoë — 東京 🚀 +44 (0)20") is None
    assert control_character_in("a\tb", multiline=True) is None
    assert control_character_in("a\tb") == "\t"


async def test_entities_take_a_bounded_number_of_representations() -> None:
    # 5,000 representations took 3.4 s of one worker; the router never sends more than a page's worth.
    small = SubgraphSchema(query=Query, types=[Thing], max_representations=3)
    query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }"
    four = [{"__typename": "Thing", "id": str(n)} for n in range(4)]
    result = await small.execute(query, {"r": four})
    assert result.errors is not None
    [error] = result.errors
    assert error.extensions == {"code": "BAD_USER_INPUT", "field": "representations"}
    assert error.message == "at most 3 representations per call, got 4"
    result = await small.execute(query, {"r": four[:3]})
    assert result.errors is None and result.data == {"_entities": [{"id": "0"}, {"id": "1"}, {"id": "2"}]}
