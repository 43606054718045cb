"""The search box's text as the engines get it: words and phrases, never query syntax."""

from __future__ import annotations

import pytest

from subgraphs.kit.errors import BadUserInput
from subgraphs.search.models import ParsedQuery
from subgraphs.search.query import parse_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("devops  Berlin", ParsedQuery(words=("devops", "Berlin"))),
        ('"data engineer" berlin', ParsedQuery(words=("berlin",), phrases=(("data", "engineer"),))),
        ('"initech"', ParsedQuery(words=("initech",))),
        ("initech AND (berlin OR zürich)", ParsedQuery(words=("initech", "berlin", "zürich"))),
        ('title:"x* \\ y', ParsedQuery(words=("title", "x", "y"))),
        ("data data", ParsedQuery(words=("data",))),
    ],
)
def test_words_and_phrases(text: str, expected: ParsedQuery) -> None:
    assert parse_query(text) == expected


@pytest.mark.parametrize(
    "text", ["", " \t ", "*", '""', "AND OR NOT", "a" * 201, " ".join(f"w{n}" for n in range(13))]
)
def test_nothing_to_search_for_is_bad_input(text: str) -> None:
    with pytest.raises(BadUserInput) as raised:
        parse_query(text)
    assert raised.value.field == "query"
