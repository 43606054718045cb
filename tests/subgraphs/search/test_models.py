"""Documents merge changes field by field by version; deletion is final."""

from __future__ import annotations

from subgraphs.search.models import DELETED, Change, Document, SearchType, apply_change, changes_of_document


def change(version: int, delete: bool = False, **fields: str | None) -> Change:
    return Change(SearchType.APPLICATION, "a1", "alice", version, fields=fields, delete=delete)


def test_newer_fields_win_and_older_ones_fill_gaps() -> None:
    document = apply_change(None, change(20, status="OFFER"))
    document = apply_change(document, change(10, company="Initech", status="SAVED"))
    assert document is not None
    assert document.fields == {"status": "OFFER", "company": "Initech"}
    assert document.versions == {"status": 20, "company": 10}


def test_a_change_already_applied_changes_nothing() -> None:
    document = apply_change(None, change(10, company="Initech"))
    assert apply_change(document, change(10, company="Initech")) is None
    assert apply_change(document, change(5, company="Old")) is None


def test_none_clears_a_field() -> None:
    document = apply_change(apply_change(None, change(10, notes="x")), change(11, notes=None))
    assert document is not None and "notes" not in document.fields


def test_deletion_is_final_whatever_comes_after() -> None:
    deleted = apply_change(apply_change(None, change(10, company="Initech")), change(30, delete=True))
    assert deleted is not None and deleted.deleted and deleted.fields == {}
    assert apply_change(deleted, change(40, company="Back")) is None
    assert apply_change(deleted, change(5, company="Old")) is None


def test_a_document_rebuilds_from_its_changes() -> None:
    fields, versions = {"company": "Initech", "type": "PHONE"}, {"company": 1, "type": 2}
    document = Document(SearchType.INTERVIEW, "i1", "alice", fields, versions, parent_id="a1")
    rebuilt = None
    for step in changes_of_document(document):
        rebuilt = apply_change(rebuilt, step)
    assert rebuilt == document
    tombstone = Document(SearchType.INTERVIEW, "i1", "alice", versions={DELETED: 9}, deleted=True)
    assert [step.delete for step in changes_of_document(tombstone)] == [True]
