"""An application's attached documents (files' `file.uploaded`/`file.deleted`) make it findable by their
text, for its owner only; deleted text never comes back, whatever order or however often events arrive."""

from __future__ import annotations

import itertools

from subgraphs.kit.events import EventEnvelope
from subgraphs.search.events import change_of
from subgraphs.search.highlight import highlights
from subgraphs.search.service import SearchService
from tests.subgraphs.search.conftest import deliver, event, found

COVER_LETTER = "For five years I ran payments platforms at Globex"


def created(application: str = "app-1") -> EventEnvelope:
    return event("application.created", "alice", 0, id=application, company="Initech", position="Engineer")


def uploaded(
    file_id: str, text: str | None, application: str | None = "app-1", at: int = 10
) -> EventEnvelope:
    return event(
        "file.uploaded", "alice", at, id=file_id, name=f"{file_id} letter.pdf", contentType="application/pdf",
        size=100, kind="COVER_LETTER", applicationId=application, createdAt="2021-03-01T08:00:10+00:00",
        text=text,
    )  # fmt: skip


def deleted(file_id: str, application: str | None = "app-1", at: int = 20) -> EventEnvelope:
    return event(
        "file.deleted", "alice", at, id=file_id, name=f"{file_id} letter.pdf", kind="COVER_LETTER",
        applicationId=application,
    )  # fmt: skip


async def test_a_phrase_of_an_attached_document_finds_its_application(service: SearchService) -> None:
    await deliver(service, created(), uploaded("f1", COVER_LETTER))
    assert await found(service, "alice", '"payments platforms"') == ["app-1"]
    # The file's name is searchable too, and the application keeps its own fields.
    assert await found(service, "alice", "f1 letter initech") == ["app-1"]
    page = await service.search("alice", '"payments platforms"')
    (_, hit), query = page.hits[0], page.query
    assert [found.field for found in highlights(hit.document.fields, query)] == ["documents"]


async def test_document_text_is_found_by_its_owner_only(service: SearchService) -> None:
    await deliver(service, created(), uploaded("f1", COVER_LETTER))
    assert await found(service, "bob", "globex") == []


async def test_a_file_without_an_application_is_not_indexed() -> None:
    assert change_of(uploaded("f1", COVER_LETTER, application=None)) is None
    assert change_of(deleted("f1", application=None)) is None


async def test_deleting_a_document_removes_only_its_text(service: SearchService) -> None:
    await deliver(
        service, created(), uploaded("f1", COVER_LETTER), uploaded("f2", "Offer of a salary", at=11)
    )
    await deliver(service, deleted("f1"))
    assert await found(service, "alice", "globex") == []
    assert await found(service, "alice", "salary") == ["app-1"]


async def test_a_redelivered_or_late_upload_never_brings_back_a_deleted_document(
    service: SearchService,
) -> None:
    await deliver(service, created(), deleted("f1"), uploaded("f1", COVER_LETTER))
    assert await found(service, "alice", "globex") == []
    await deliver(service, uploaded("f1", COVER_LETTER), deleted("f1"), uploaded("f1", COVER_LETTER))
    assert await found(service, "alice", "globex") == []
    assert await found(service, "alice", "initech") == ["app-1"]


async def test_deleting_the_application_removes_its_documents_for_good(service: SearchService) -> None:
    gone = event("application.deleted", "alice", 30, id="app-1", company="Initech")
    await deliver(service, created(), uploaded("f1", COVER_LETTER), gone)
    assert await found(service, "alice", "globex") == []
    # Files detaches the documents; a redelivered upload naming the application revives nothing.
    await deliver(service, uploaded("f1", COVER_LETTER), uploaded("f2", "Globex again", at=40))
    assert await found(service, "alice", "globex") == []


async def test_every_order_of_the_events_gives_the_same_index(service: SearchService) -> None:
    # One application per order of the four events; each must end with f2's text and without f1's.
    for number, order in enumerate(itertools.permutations(range(4))):
        application = f"app-{number}"
        history = [
            created(application),
            uploaded("f1", "Globex payments", application),
            uploaded("f2", "Kubernetes operator", application, at=12),
            deleted("f1", application),
        ]
        await deliver(service, *(history[position] for position in order), history[order[0]])
    assert await found(service, "alice", "globex") == []
    assert len(await found(service, "alice", "kubernetes initech", first=50)) == 24
