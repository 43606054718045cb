"""Search documents, the versioned changes events make to them, and what a search asks and answers.

A document is one item of another subgraph as search sees it: its searchable text by API field name, who may
find it, and a version per field. Versions are the events' `occurred_at` in microseconds, so a redelivered or
late event never brings back older text, and a deletion leaves a tombstone that nothing revives.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

# Fields whose matches rank above the others (company, position, a person's or contact's name).
PRIMARY_FIELDS = ("name", "company", "position")
# Boost of a primary field match over a match elsewhere; both engines use it.
PRIMARY_BOOST = 3.0


class SearchType(enum.Enum):
    """The kinds of item search finds (the API's `SearchType`)."""

    APPLICATION = "APPLICATION"
    INTERVIEW = "INTERVIEW"
    CONTACT = "CONTACT"
    PERSON = "PERSON"


def version_of(occurred_at: str | datetime) -> int:
    """The version of a change made at `occurred_at` (an aware instant): microseconds since the epoch."""
    moment = datetime.fromisoformat(occurred_at) if isinstance(occurred_at, str) else occurred_at
    return int(moment.timestamp() * 1_000_000)


@dataclass(frozen=True, slots=True)
class Document:
    """One indexed item. `key` is `<type>:<id>`; a tombstone (`deleted`) keeps only versions."""

    type: SearchType
    id: str
    # Who may find it: the owner's user id; for a person, the person (every signed-in caller finds people).
    owner_id: str
    fields: Mapping[str, str] = field(default_factory=dict)
    # API field name → version of the change that last set it.
    versions: Mapping[str, int] = field(default_factory=dict)
    deleted: bool = False
    # The application an interview belongs to (its company and position are copied from it).
    parent_id: str | None = None

    @property
    def key(self) -> str:
        return document_key(self.type, self.id)

    @property
    def version(self) -> int:
        """The newest change applied to the document."""
        return max(self.versions.values(), default=0)

    @property
    def primary_text(self) -> str:
        return "\n".join(self.fields[name] for name in PRIMARY_FIELDS if self.fields.get(name))

    @property
    def secondary_text(self) -> str:
        return "\n".join(text for name, text in self.fields.items() if name not in PRIMARY_FIELDS and text)

    def to_source(self) -> dict[str, object]:
        """The JSON form both engines store."""
        return {
            "type": self.type.value,
            "id": self.id,
            "owner_id": self.owner_id,
            "fields": dict(self.fields),
            "versions": dict(self.versions),
            "deleted": self.deleted,
            "parent_id": self.parent_id,
        }

    @classmethod
    def from_source(cls, source: Mapping[str, object]) -> Document:
        fields, versions = source["fields"], source["versions"]
        assert isinstance(fields, dict) and isinstance(versions, dict)
        parent = source.get("parent_id")
        return cls(
            type=SearchType(source["type"]),
            id=str(source["id"]),
            owner_id=str(source["owner_id"]),
            fields={str(name): str(text) for name, text in fields.items()},
            versions={str(name): int(number) for name, number in versions.items()},
            deleted=bool(source["deleted"]),
            parent_id=str(parent) if parent is not None else None,
        )


def document_key(type: SearchType, item_id: str) -> str:
    return f"{type.value.lower()}:{item_id}"


# The API field name of the text of an application's attached documents (files). Each document is a field of
# its own, `documents:<file id>`, versioned on its own, so deleting one never touches the others.
DOCUMENTS = "documents"


def document_field(file_id: str) -> str:
    """The stored field holding the name and text of the attached file `file_id`."""
    return f"{DOCUMENTS}:{file_id}"


def api_field(name: str) -> str:
    """The API field a stored field belongs to (every attached document is `documents`)."""
    return name.partition(":")[0]


# The pseudo-field whose version records a deletion.
DELETED = "_deleted"


@dataclass(frozen=True, slots=True)
class Change:
    """What one event says about one document: new values for some fields (None clears one), or deletion."""

    type: SearchType
    id: str
    owner_id: str
    version: int
    fields: Mapping[str, str | None] = field(default_factory=dict)
    delete: bool = False
    parent_id: str | None = None

    @property
    def key(self) -> str:
        return document_key(self.type, self.id)


def apply_change(current: Document | None, change: Change) -> Document | None:
    """The document after `change`, or None when the change alters nothing (already applied or stale).

    Each field keeps the value of the newest change that set it, whatever order changes arrive in; a
    deletion is final (ids are never reused), so nothing after it, older or newer, revives the document.
    """
    if current is not None and current.deleted:
        return None
    if change.delete:
        versions = {**(current.versions if current else {}), DELETED: change.version}
        return Document(
            type=change.type, id=change.id, owner_id=change.owner_id, versions=versions, deleted=True
        )
    document = current or Document(type=change.type, id=change.id, owner_id=change.owner_id)
    fields, versions = dict(document.fields), dict(document.versions)
    for name, value in change.fields.items():
        if change.version <= versions.get(name, -1):
            continue
        versions[name] = change.version
        if value:
            fields[name] = value
        else:
            fields.pop(name, None)
    if versions == document.versions and current is not None:
        return None
    return replace(
        document, fields=fields, versions=versions, parent_id=change.parent_id or document.parent_id
    )


def changes_of_document(document: Document) -> list[Change]:
    """The changes that rebuild `document` elsewhere with its versions (one per version it holds)."""
    base = Change(type=document.type, id=document.id, owner_id=document.owner_id, version=0)
    if document.deleted:
        return [replace(base, version=document.versions.get(DELETED, document.version), delete=True)]
    by_version: dict[int, dict[str, str | None]] = {}
    for name, version in document.versions.items():
        by_version.setdefault(version, {})[name] = document.fields.get(name)
    return [
        replace(base, version=version, fields=fields, parent_id=document.parent_id)
        for version, fields in sorted(by_version.items())
    ]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A search box's text as the engines take it: words (all must match) and quoted phrases."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One page of a search by `caller`: matching documents of `types`, skipping `offset`."""

    query: ParsedQuery
    caller_id: str
    types: frozenset[SearchType]
    limit: int
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    document: Document
    score: float


@dataclass(frozen=True, slots=True)
class SearchPage:
    """The hits of one page, how many match in all (of the requested types) and per type (of any type)."""

    hits: list[Hit]
    total_count: int
    facets: dict[SearchType, int]
