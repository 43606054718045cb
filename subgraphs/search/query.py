"""The search box's text → a `ParsedQuery`: quoted phrases, the other words in any order, no query syntax.

Nothing a person types reaches an engine's query parser: words are pulled out of the text and every other
character (`* : ( ) \\` and the like) only separates them; `AND`, `OR` and `NOT` in capitals are dropped,
since every word must match anyway.
"""

from __future__ import annotations

import re

from subgraphs.kit.errors import BadUserInput
from subgraphs.search.analysis import words
from subgraphs.search.models import ParsedQuery

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# A typo is forgiven only in words this long (shorter ones would match too many others).
FUZZY_MIN_LENGTH = 5

_PHRASE = re.compile(r'"([^"]*)"')
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def parse_query(text: str, field: str = "query") -> ParsedQuery:
    """The words and phrases of `text`; BAD_USER_INPUT when it is blank, too long or has no words."""
    cleaned = text.strip()
    if not cleaned:
        raise BadUserInput("type something to search for", field=field)
    if len(cleaned) > MAX_QUERY_LENGTH:
        raise BadUserInput(f"must be at most {MAX_QUERY_LENGTH} characters", field=field)
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []
    for phrase in _PHRASE.findall(cleaned):
        found = tuple(words(phrase))
        if len(found) > 1:
            phrases.append(found)
        else:
            loose.extend(found)
    loose.extend(word for word in words(_PHRASE.sub(" ", cleaned)) if word not in _OPERATORS)
    unique = tuple(dict.fromkeys(loose))
    if not unique and not phrases:
        raise BadUserInput("needs at least one word to search for", field=field)
    if len(unique) + sum(len(phrase) for phrase in phrases) > MAX_WORDS:
        raise BadUserInput(f"use at most {MAX_WORDS} words", field=field)
    return ParsedQuery(words=unique, phrases=tuple(phrases))
