"""The FileStore contract, run against every backend: SQLite, PostgreSQL and MongoDB (secantusdb)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from subgraphs.files.models import CreatedKey, FileKind, FileStatus, KnownApplication, StoredFile
from subgraphs.files.store import FileStore
from subgraphs.kit.events import EventEnvelope

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


def stored(
    file_id: str,
    *,
    owner: str = "alice",
    kind: FileKind = FileKind.RESUME,
    status: FileStatus = FileStatus.READY,
    minutes: int = 0,
    size: int = 100,
    application_id: str | None = None,
) -> StoredFile:
    return StoredFile(
        id=file_id,
        owner_id=owner,
        name=f"{file_id}.pdf",
        content_type="application/pdf",
        size=size,
        kind=kind,
        status=status,
        created_at=T0 + timedelta(minutes=minutes),
        application_id=application_id,
        checksum="ab" * 32,
        expires_at=T0 + timedelta(minutes=minutes + 15) if status is FileStatus.PENDING else None,
        text="Python and PostgreSQL" if status is FileStatus.READY else None,
    )


def event(kind: str, owner: str = "alice") -> EventEnvelope:
    return EventEnvelope(type=f"file.{kind}", producer="files", user_id=owner, data={"id": kind})


async def ready(store: FileStore, file: StoredFile) -> StoredFile:
    """Insert `file` as PENDING and complete it, the way the service does."""
    await store.insert(replace(file, status=FileStatus.PENDING))
    assert await store.mark_ready(file, event("uploaded", file.owner_id))
    return file


async def test_a_pending_file_reads_back_equal_and_announces_nothing(store: FileStore) -> None:
    pending = stored("f1", status=FileStatus.PENDING)
    await store.insert(pending)
    assert await store.get_many(["f1"]) == {"f1": pending}
    assert await store.outbox_events() == []


async def test_marking_ready_replaces_the_pending_file_once_with_its_event(store: FileStore) -> None:
    file = await ready(store, stored("f1"))
    assert await store.get_many(["f1"]) == {"f1": file}
    assert not await store.mark_ready(file, event("uploaded"))
    assert [item.type for item in await store.outbox_events()] == ["file.uploaded"]


async def test_lists_show_ready_files_newest_first_and_pages_continue(store: FileStore) -> None:
    for index in range(3):
        await ready(store, stored(f"f{index}", minutes=index))
    await store.insert(stored("pending", status=FileStatus.PENDING, minutes=9))
    await ready(store, stored("bobs", owner="bob", minutes=5))
    first = await store.find("alice", None, None, 2)
    assert [item.id for item in first.items] == ["f2", "f1"]
    assert (first.has_next_page, first.total_count) == (True, 3)
    last = first.items[-1]
    rest = await store.find("alice", None, CreatedKey(last.created_at, last.id), 10)
    assert [item.id for item in rest.items] == ["f0"]
    assert (rest.has_next_page, rest.total_count) == (False, 3)


async def test_lists_filter_by_kind(store: FileStore) -> None:
    await ready(store, stored("resume"))
    await ready(store, stored("letter", kind=FileKind.COVER_LETTER, minutes=1))
    page = await store.find("alice", FileKind.COVER_LETTER, None, 10)
    assert ([item.id for item in page.items], page.total_count) == (["letter"], 1)


async def test_usage_counts_ready_and_pending_bytes_of_the_owner(store: FileStore) -> None:
    await ready(store, stored("f1", size=100))
    await store.insert(stored("f2", status=FileStatus.PENDING, size=50))
    await ready(store, stored("b1", owner="bob", size=1000))
    assert await store.usage("alice") == 150
    assert await store.usage("nobody") == 0


async def test_documents_are_the_owners_ready_files_of_the_applications(store: FileStore) -> None:
    await ready(store, stored("f1", application_id="a1"))
    await ready(store, stored("f2", application_id="a2", minutes=1))
    await store.insert(stored("f3", application_id="a1", status=FileStatus.PENDING))
    await ready(store, stored("b1", owner="bob", application_id="a1"))
    found = await store.for_applications("alice", ["a1", "a2"])
    assert [file.id for file in found] == ["f1", "f2"]


async def test_deleting_removes_the_file_its_resume_pointer_and_records_the_event(store: FileStore) -> None:
    file = await ready(store, stored("f1"))
    await store.set_resume("alice", "f1")
    assert await store.delete(file, event("deleted"))
    assert await store.get_many(["f1"]) == {}
    assert await store.resumes(["alice"]) == {}
    assert not await store.delete(file, event("deleted"))
    assert [item.type for item in await store.outbox_events()] == ["file.uploaded", "file.deleted"]


async def test_expired_pending_uploads_are_found_oldest_first(store: FileStore) -> None:
    await store.insert(stored("late", status=FileStatus.PENDING, minutes=10))
    await store.insert(stored("early", status=FileStatus.PENDING, minutes=0))
    await ready(store, stored("done"))
    expired = await store.expired_pending(T0 + timedelta(minutes=20), 10)
    assert [file.id for file in expired] == ["early"]
    expired = await store.expired_pending(T0 + timedelta(hours=1), 10)
    assert [file.id for file in expired] == ["early", "late"]


async def test_the_current_resume_is_set_replaced_and_removed(store: FileStore) -> None:
    await store.set_resume("alice", "f1")
    await store.set_resume("alice", "f2")
    await store.set_resume("bob", "b1")
    assert await store.resumes(["alice", "bob", "carol"]) == {"alice": "f2", "bob": "b1"}
    await store.set_resume("alice", None)
    assert await store.resumes(["alice"]) == {}


async def test_the_applications_projection_applies_each_event_once(store: FileStore) -> None:
    known = KnownApplication("a1", "alice", "Python role")
    assert await store.project_application("files", "e1", known, description_known=True)
    assert not await store.project_application(
        "files", "e1", replace(known, description="other"), description_known=True
    )
    assert await store.application("a1") == known
    # An event without the description keeps the stored one.
    assert await store.project_application(
        "files", "e2", replace(known, description=None), description_known=False
    )
    assert await store.applications(["a1", "a9"]) == {"a1": known}


async def test_forgetting_an_application_detaches_its_documents(store: FileStore) -> None:
    await store.project_application("files", "e1", KnownApplication("a1", "alice"), description_known=True)
    await ready(store, stored("f1", application_id="a1"))
    assert await store.forget_application("files", "e2", "a1")
    assert not await store.forget_application("files", "e2", "a1")
    assert await store.application("a1") is None
    assert (await store.get_many(["f1"]))["f1"].application_id is None
    assert await store.for_applications("alice", ["a1"]) == []


async def test_every_ready_file_is_listed_in_batches_by_id(store: FileStore) -> None:
    for file_id in ("f3", "f1", "b2", "f2"):
        await ready(store, stored(file_id, owner="bob" if file_id.startswith("b") else "alice"))
    await store.insert(stored("f0", status=FileStatus.PENDING))
    batches = [[file.id for file in batch] async for batch in store.all_ready(2)]
    assert [file_id for batch in batches for file_id in batch] == ["b2", "f1", "f2", "f3"]
    assert all(0 < len(batch) <= 2 for batch in batches)
    listed = [file async for batch in store.all_ready(10) for file in batch]
    assert listed[1] == (await store.get_many(["f1"]))["f1"]
