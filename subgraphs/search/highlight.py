"""Highlights: the matched words of each field marked with `<mark>`, computed from the stored text with the
engines' own matching rules, so both engines give the same snippets (and the text is HTML-escaped)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from subgraphs.search.analysis import WORD, fold, stem, within_one_edit
from subgraphs.search.models import PRIMARY_FIELDS, ParsedQuery, api_field
from subgraphs.search.query import FUZZY_MIN_LENGTH

# Longer fields are cut to a window of about this many characters around the first match.
SNIPPET_LENGTH = 160


@dataclass(frozen=True, slots=True)
class Highlight:
    field: str
    snippet: str


@dataclass(frozen=True, slots=True)
class _Term:
    folded: str
    stemmed: str
    # Phrase words match stem for stem only (no prefix, no typo).
    exact: bool = False

    def matches(self, word: str) -> bool:
        stemmed = stem(word)
        if stemmed == self.stemmed:
            return True
        if self.exact:
            return False
        if fold(word).startswith(self.folded):
            return True
        return len(self.folded) >= FUZZY_MIN_LENGTH and within_one_edit(stemmed, self.stemmed)


def _terms(query: ParsedQuery) -> list[_Term]:
    loose = [_Term(fold(word), stem(word)) for word in query.words]
    exact = [_Term(fold(word), stem(word), exact=True) for phrase in query.phrases for word in phrase]
    return [term for term in (*loose, *exact) if term.stemmed]


def highlights(fields: Mapping[str, str], query: ParsedQuery) -> list[Highlight]:
    """A snippet per field with a match, primary fields first (one per matching attached document, each
    named `documents`)."""
    terms = _terms(query)
    ordered = sorted(fields, key=lambda name: (name not in PRIMARY_FIELDS, name))
    found = []
    for name in ordered:
        snippet = _snippet(fields[name], terms)
        if snippet is not None:
            found.append(Highlight(field=api_field(name), snippet=snippet))
    return found


def _snippet(text: str, terms: Iterable[_Term]) -> str | None:
    spans = [match.span() for match in WORD.finditer(text) if any(term.matches(match[0]) for term in terms)]
    if not spans:
        return None
    start, end = 0, len(text)
    if len(text) > SNIPPET_LENGTH:
        start = max(0, spans[0][0] - SNIPPET_LENGTH // 4)
        end = min(len(text), start + SNIPPET_LENGTH)
    parts = ["…" if start > 0 else ""]
    cursor = start
    for left, right in spans:
        if left < start or right > end:
            continue
        parts += [html.escape(text[cursor:left]), "<mark>", html.escape(text[left:right]), "</mark>"]
        cursor = right
    parts += [html.escape(text[cursor:end]), "…" if end < len(text) else ""]
    return "".join(parts)
