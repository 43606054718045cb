"""The resume match: how well a resume covers a job description, the way applicant-tracking systems check.

Method (deterministic, no model):
1. Keywords of the job description are (a) the curated skills (`skills.SKILLS`) it mentions, by canonical
   name, and (b) up to `MAX_TERMS` other words it repeats (at least twice, not a stop word, 4+ letters) — the
   domain vocabulary a skills list cannot foresee ("payments", "compliance").
2. Term weighting: a skill weighs `1 + ln(mentions)`; a repeated word weighs half of that, since words are
   weaker evidence than named skills.
3. A keyword is matched when the resume mentions it (skills through any alias, words as a whole word).
4. score = 100 * matched weight / total weight, rounded; keywords are listed heaviest first.
5. Suggestions name the heaviest missing skills, then general advice when the score is low or the resume
   shows no measurable results.
The match is None when either text is missing, or when the description yields no keyword at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from subgraphs.files.skills import SKILLS

MAX_TERMS = 10
MAX_SUGGESTED = 3
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_NUMBERS = re.compile(r"\d+\s*(%|percent|x\b|k\b|users|customers|ms\b)|\$\s?\d", re.IGNORECASE)
_STOP = frozenset(
    """
    about above across after again against also among another any are aren't around based be been
    before being below between both but can cannot could did does doing done down during each either
    else ever every few for from further had has have having here how however into its itself just
    least less like make many more most much must need needs other our ours ourselves over own part per
    rather same several shall should since some such than that the their theirs them themselves then
    there these they this those through thus under until upon very want was well were what when where
    whether which while who whom whose why will with within without work working would year years you
    your yours yourself join team teams role company help ability strong experience experienced plus
    including include includes looking using used use new great good excellent skills skill knowledge
    understanding etc day days week weeks candidate candidates responsibilities requirements preferred
    required bonus nice we're you'll you're we've who're ideal ideally job position opportunity
    """.split()  # noqa: SIM905 - a word list reads better as words
)


@dataclass(frozen=True, slots=True)
class ResumeMatch:
    """The outcome: 0-100 and the keywords behind it."""

    score: int
    matched_keywords: tuple[str, ...]
    missing_keywords: tuple[str, ...]
    suggestions: tuple[str, ...]


@cache
def _alias_pattern(alias: str) -> re.Pattern[str]:
    # Word boundaries that also work for aliases starting or ending in symbols (c++, .net, c#, ci/cd).
    return re.compile(rf"(?<![\w+#.]){re.escape(alias)}(?![\w+#]|\.\w)")


def _skill_mentions(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for skill, aliases in SKILLS.items():
        mentions = sum(len(_alias_pattern(alias).findall(text)) for alias in aliases)
        if mentions:
            counts[skill] = mentions
    return counts


def _skill_words() -> frozenset[str]:
    return frozenset(word for aliases in SKILLS.values() for alias in aliases for word in alias.split())


def match_resume(resume: str | None, description: str | None) -> ResumeMatch | None:
    """How well `resume` covers `description` (see the module docstring for the method)."""
    if not resume or not resume.strip() or not description or not description.strip():
        return None
    job, cv = description.casefold(), resume.casefold()
    weights: dict[str, float] = {skill: 1 + math.log(count) for skill, count in _skill_mentions(job).items()}
    resume_skills = set(_skill_mentions(cv))
    matched = {skill for skill in weights if skill in resume_skills}
    skill_words = _skill_words()
    words = Counter(word.strip("'-") for word in _WORD.findall(job))
    terms = [
        (word, count)
        for word, count in words.most_common()
        if count >= 2 and word not in _STOP and word not in skill_words and len(word) >= 4
    ][:MAX_TERMS]
    resume_words = set(word.strip("'-") for word in _WORD.findall(cv))
    for word, count in terms:
        weights[word] = 0.5 * (1 + math.log(count))
        if word in resume_words or word.rstrip("s") in resume_words or f"{word}s" in resume_words:
            matched.add(word)
    if not weights:
        return None
    total = sum(weights.values())
    score = round(100 * sum(weights[key] for key in matched) / total)
    order = sorted(weights, key=lambda key: (-weights[key], key))
    missing = [key for key in order if key not in matched]
    return ResumeMatch(
        score=score,
        matched_keywords=tuple(key for key in order if key in matched),
        missing_keywords=tuple(missing),
        suggestions=_suggestions(score, [key for key in missing if key in SKILLS], cv),
    )


def _suggestions(score: int, missing_skills: list[str], resume: str) -> tuple[str, ...]:
    advice = [
        f"The job asks for {skill}: if you have used it, name it in your resume (a project or a skills line)."
        for skill in missing_skills[:MAX_SUGGESTED]
    ]
    if score < 50:
        advice.append(
            "Less than half of what this job asks for shows in your resume: tailor the summary and recent "
            "roles to the job description's wording."
        )
    if not _NUMBERS.search(resume):
        advice.append("Quantify results (numbers, percentages, scale) so reviewers can see your impact.")
    return tuple(advice)
