"""How positions fall into role families and places into locations for `byPosition` and `byLocation`.

Role families (`position_category`): the position is lower-cased and matched against the rules below in
order; the first family with a matching pattern wins, else Other. The technical families come first, the
most specific before the broader (so "React Native Developer" is Mobile, not Frontend, and "Full-stack"
is never split into Frontend or Backend); then Design, then Product, then Management. So a "Frontend
Engineering Manager" is Frontend (the family of the work), a "Product Designer" Design, a "Product Manager"
Product and an "Engineering Manager" Management. A plain "Software Engineer" says nothing of the family:
Other.

Locations (`location_of`): whitespace trimmed and collapsed, compared case-insensitively ("lisbon" and
" Lisbon " are one place, shown capitalised as "Lisbon"); any location naming remote work ("Remote",
"remote (EU)", "Anywhere", "work from home", "WFH") is "Remote"; none given is "Unspecified".
"""

from __future__ import annotations

import re

POSITION_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Full stack", (r"full[\s-]?stack",)),
    (
        "Mobile",
        (r"\bmobile\b", r"\bios\b", r"\bandroid\b", r"\bflutter\b", r"react[\s-]native", r"\bswift\b"),
    ),
    (
        "Frontend",
        (
            r"front[\s-]?end",
            r"\breact\b",
            r"\bangular\b",
            r"\bvue\b",
            r"\bui (?:engineer|developer)\b",
            r"\bjavascript\b",
            r"\bweb developer\b",
        ),
    ),
    (
        "Backend",
        (
            r"back[\s-]?end",
            r"\bserver\b",
            r"\bapi\b",
            r"\bjava\b",
            r"\bpython\b",
            r"\bgolang\b",
            r"\bruby\b",
            r"\bphp\b",
            r"\bnode(?:\.?js)?\b",
            r"\.net\b",
            r"\bscala\b",
            r"\brust\b",
        ),
    ),
    (
        "DevOps",
        (
            r"\bdev[\s-]?ops\b",
            r"\bsre\b",
            r"site reliability",
            r"\bplatform\b",
            r"\binfrastructure\b",
            r"\bcloud\b",
            r"\bkubernetes\b",
            r"\bsysadmin\b",
            r"\bsystems? administrator\b",
        ),
    ),
    (
        "Data",
        (
            r"\bdata\b",
            r"machine learning",
            r"\bml\b",
            r"\bai\b",
            r"\banalyst\b",
            r"\banalytics\b",
            r"\bscientist\b",
            r"\bbi\b",
        ),
    ),
    ("Design", (r"design", r"\bux\b", r"\bui\b", r"user experience", r"user research")),
    ("Product", (r"\bproduct\b", r"\bpm\b")),
    (
        "Management",
        (
            r"\bmanager\b",
            r"\bhead of\b",
            r"\bdirector\b",
            r"\bvp\b",
            r"vice president",
            r"\bcto\b",
            r"\bchief\b",
            r"\bengineering lead\b",
        ),
    ),
)
OTHER = "Other"
# Every family in the order `byPosition` lists them.
FAMILIES = (*(name for name, _ in POSITION_FAMILIES), OTHER)
_COMPILED = tuple(
    (name, tuple(re.compile(pattern) for pattern in patterns)) for name, patterns in POSITION_FAMILIES
)

REMOTE = "Remote"
UNSPECIFIED = "Unspecified"
_REMOTE = re.compile(r"\bremote\b|\banywhere\b|work from home|\bwfh\b|home[\s-]?based")
_SPACES = re.compile(r"\s+")


def position_category(position: str | None) -> str:
    """The role family of `position` (rules in the module docstring)."""
    if not position:
        return OTHER
    text = _SPACES.sub(" ", position.lower())
    for name, patterns in _COMPILED:
        if any(pattern.search(text) for pattern in patterns):
            return name
    return OTHER


def location_of(location: str | None) -> tuple[str, str]:
    """(key, label) of a location: equal keys are one place; the label is how it is shown."""
    collapsed = _SPACES.sub(" ", (location or "").strip())
    if not collapsed:
        return UNSPECIFIED.casefold(), UNSPECIFIED
    key = collapsed.casefold()
    if _REMOTE.search(key):
        return REMOTE.casefold(), REMOTE
    # Capitalise words typed in lower case ("lisbon" → "Lisbon") but keep deliberate capitals ("NYC").
    label = " ".join(word[:1].upper() + word[1:] if word.islower() else word for word in collapsed.split(" "))
    return key, label
