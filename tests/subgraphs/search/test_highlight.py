"""Highlights mark what matched, as the engines match it, in HTML-escaped snippets."""

from __future__ import annotations

from subgraphs.search.highlight import SNIPPET_LENGTH, Highlight, highlights
from subgraphs.search.query import parse_query


def test_prefixes_stems_typos_and_folded_accents_are_marked() -> None:
    fields = {"company": "Initech", "notes": "Two interviews with the recruiter in Zürich"}
    assert highlights(fields, parse_query("initec interview recuiter zurich")) == [
        Highlight("company", "<mark>Initech</mark>"),
        Highlight(
            "notes", "Two <mark>interviews</mark> with the <mark>recruiter</mark> in <mark>Zürich</mark>"
        ),
    ]


def test_phrase_words_are_marked_exactly() -> None:
    fields = {"position": "Data engineer, database team"}
    assert highlights(fields, parse_query('"data engineer"')) == [
        Highlight("position", "<mark>Data</mark> <mark>engineer</mark>, database team")
    ]


def test_primary_fields_come_first_and_unmatched_fields_are_left_out() -> None:
    fields = {"description": "Initech rocks", "location": "Berlin", "position": "Initech liaison"}
    assert [found.field for found in highlights(fields, parse_query("initech"))] == [
        "position",
        "description",
    ]


def test_text_is_escaped_and_long_text_is_cut_around_the_first_match() -> None:
    text = "<b>" + "filler " * 60 + "kubernetes & more " + "tail " * 60
    (found,) = highlights({"description": text}, parse_query("kubernetes"))
    assert "<b>" not in found.snippet and "&amp;" in found.snippet
    assert found.snippet.startswith("…") and found.snippet.endswith("…")
    assert "<mark>kubernetes</mark>" in found.snippet
    assert len(found.snippet) < SNIPPET_LENGTH + 40


def test_each_matching_attached_document_is_highlighted_as_documents() -> None:
    fields = {
        "company": "Initech",
        "documents:f1": "cover letter.pdf\nI have run payments platforms",
        "documents:f2": "offer.pdf\nSalary and start date",
    }
    assert highlights(fields, parse_query('"payments platforms"')) == [
        Highlight("documents", "cover letter.pdf\nI have run <mark>payments</mark> <mark>platforms</mark>")
    ]
