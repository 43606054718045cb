"""Formula injection: risky cells are quoted on export and unquoted on import, and the round trip is exact."""

from __future__ import annotations

import pytest

from subgraphs.applications.transfer.formulas import quoted, unquoted


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(text: str) -> None:
    assert quoted(text) == "'" + text


@pytest.mark.parametrize("text", ["Acme", "", "a=b", "'quoted", "1-2", '["SAVED"]'])
def test_other_text_is_left_alone(text: str) -> None:
    assert quoted(text) == text


@pytest.mark.parametrize(
    "text", ["=1+1", "'=1+1", "''=x", "'", "'plain", "-", "Acme", "", "@", "'\tx", "=", "''"]
)
def test_unquoting_what_was_quoted_gives_the_text_back(text: str) -> None:
    assert unquoted(quoted(text)) == text


def test_a_quote_a_person_typed_before_plain_text_is_kept_on_import() -> None:
    assert unquoted("'plain") == "'plain"
