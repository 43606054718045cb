"""How text becomes terms, the same for indexing, querying and highlighting: words, case and accents folded,
English stems (Snowball's Porter2, tantivy's `stemmer("english")` and OpenSearch's `porter2`)."""

from __future__ import annotations

import re
from functools import lru_cache

import tantivy

# Words as both engines' tokenizers see them: runs of letters and digits (underscore separates, too).
WORD = re.compile(r"[^\W_]+")

# Registered on the tantivy index under this name; OpenSearch's index defines an analyzer of the same name.
ANALYZER_NAME = "jobgraph"


def _builder() -> tantivy.TextAnalyzerBuilder:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )


def stemming_analyzer() -> tantivy.TextAnalyzer:
    """Words → folded English stems: what the index holds."""
    return _builder().filter(tantivy.Filter.stemmer("english")).build()


_STEMS = stemming_analyzer()
_FOLDS = _builder().build()


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The indexed form of one word ("Interviews" → "interview", "Zürich" → "zurich")."""
    terms = _STEMS.analyze(word)
    return terms[0] if terms else ""


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """One word with case and accents folded but not stemmed, for prefix matching ("Initec" → "initec")."""
    terms = _FOLDS.analyze(word)
    return terms[0] if terms else ""


def words(text: str) -> list[str]:
    return WORD.findall(text)


def within_one_edit(left: str, right: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns `left` into `right`
    (Damerau-Levenshtein distance ≤ 1, as both engines' fuzzy matching counts transpositions as one)."""
    if left == right:
        return True
    if abs(len(left) - len(right)) > 1:
        return False
    if len(left) > len(right):
        left, right = right, left
    index = 0
    while index < len(left) and left[index] == right[index]:
        index += 1
    if len(left) == len(right):
        rest = left[index + 1 :] == right[index + 1 :]
        swapped = (
            index + 1 < len(left)
            and left[index] == right[index + 1]
            and left[index + 1] == right[index]
            and left[index + 2 :] == right[index + 2 :]
        )
        return rest or swapped
    return left[index:] == right[index + 1 :]
