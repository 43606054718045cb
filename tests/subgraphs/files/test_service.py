"""File use cases and their bad inputs: each a clear error, nothing half-stored."""

from __future__ import annotations

import hashlib
import io
from collections.abc import AsyncIterator, Awaitable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from subgraphs.files.content import PDF, TXT
from subgraphs.files.models import FileKind, FileStatus, KnownApplication, StoredFile
from subgraphs.files.service import CreateUpload, FileService
from subgraphs.kit.blobs import LocalBlobStore
from subgraphs.kit.errors import BadUserInput, Conflict, DomainError, NotFound
from tests.subgraphs.files import documents
from tests.subgraphs.files.conftest import LIMITS
from tests.subgraphs.harness import TickingClock

RESUME_PDF = documents.pdf(documents.BACKEND_RESUME)


def announce(content: bytes, **overrides: Any) -> CreateUpload:
    command = CreateUpload(
        kind=FileKind.RESUME,
        filename="resume.pdf",
        content_type=PDF,
        size=len(content),
        checksum=hashlib.sha256(content).hexdigest(),
    )
    return replace(command, **overrides)


async def put(service: FileService, key: str, content: bytes) -> None:
    """What the client's PUT to the upload URL does (the route itself is tested in test_schema.py)."""

    async def body() -> AsyncIterator[bytes]:
        yield content

    await service.blobs.write(key, body(), limit=len(content))


async def upload_directly(
    service: FileService, content: bytes, owner: str = "alice", **overrides: Any
) -> StoredFile:
    file, _ = await service.create_upload(owner, announce(content, **overrides))
    await put(service, file.upload_key, content)
    return await service.complete_upload(owner, file.id)


def blob_count(service: FileService) -> int:
    assert isinstance(service.blobs, LocalBlobStore)
    return sum(1 for path in service.blobs.root.rglob("*") if path.is_file())


async def expect(error: type[DomainError], field: str | None, call: Awaitable[object]) -> DomainError:
    with pytest.raises(error) as raised:
        await call
    assert raised.value.field == field, raised.value
    return raised.value


async def test_a_direct_upload_becomes_ready_with_its_real_type_checksum_and_text(
    service: FileService,
) -> None:
    file = await upload_directly(service, RESUME_PDF)
    assert file.status is FileStatus.READY
    assert (file.content_type, file.size) == (PDF, len(RESUME_PDF))
    assert file.checksum == hashlib.sha256(RESUME_PDF).hexdigest()
    assert file.text is not None and "FastAPI" in file.text
    assert [event.type for event in await service.store.outbox_events()] == ["file.uploaded"]
    # Completing again is harmless.
    assert await service.complete_upload("alice", file.id) == file


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"content_type": "application/x-msdownload"}, "contentType"),
        ({"size": 0}, "size"),
        ({"size": LIMITS.max_file_bytes + 1}, "size"),
        ({"filename": "../"}, "filename"),
        ({"checksum": "not-a-hash"}, "checksum"),
    ],
)
async def test_create_upload_validates_its_input(
    service: FileService, overrides: dict[str, object], field: str
) -> None:
    await expect(BadUserInput, field, service.create_upload("alice", announce(RESUME_PDF, **overrides)))
    assert await service.store.usage("alice") == 0


async def test_a_lying_extension_and_content_type_is_refused_and_removed(service: FileService) -> None:
    image = documents.png()
    error = await expect(BadUserInput, "id", upload_directly(service, image, filename="resume.pdf"))
    assert "image/png" in str(error)
    assert await service.store.usage("alice") == 0
    assert blob_count(service) == 0


async def test_a_truncated_upload_is_refused_and_removed(service: FileService) -> None:
    file, _ = await service.create_upload("alice", announce(RESUME_PDF))
    await put(service, file.upload_key, RESUME_PDF[:100])
    error = await expect(BadUserInput, "id", service.complete_upload("alice", file.id))
    assert "announced" in str(error)
    assert await service.store.get_many([file.id]) == {}
    assert blob_count(service) == 0


async def test_bytes_that_do_not_match_the_checksum_are_refused(service: FileService) -> None:
    other = documents.pdf(["someone else"])
    forged = other + b" " * (len(RESUME_PDF) - len(other))
    file, _ = await service.create_upload("alice", announce(RESUME_PDF))
    await put(service, file.upload_key, forged)
    error = await expect(BadUserInput, "id", service.complete_upload("alice", file.id))
    assert "checksum" in str(error)


async def test_completing_before_uploading_is_a_conflict_and_keeps_the_upload(service: FileService) -> None:
    file, _ = await service.create_upload("alice", announce(RESUME_PDF))
    await expect(Conflict, None, service.complete_upload("alice", file.id))
    assert (await service.store.get_many([file.id]))[file.id].status is FileStatus.PENDING


async def test_someone_elses_upload_cannot_be_completed_or_deleted(service: FileService) -> None:
    file = await upload_directly(service, RESUME_PDF)
    await expect(NotFound, "id", service.complete_upload("bob", file.id))
    await expect(NotFound, "id", service.delete("bob", file.id))
    assert await service.get_many("bob", [file.id]) == [None]


async def test_an_upload_never_completed_is_cleaned_up(service: FileService, clock: TickingClock) -> None:
    file, _ = await service.create_upload("alice", announce(RESUME_PDF))
    await put(service, file.upload_key, RESUME_PDF)
    assert await service.clean_up() == 0
    clock.now += LIMITS.upload_ttl + LIMITS.pending_grace + timedelta(seconds=1)
    assert await service.clean_up() == 1
    assert await service.store.get_many([file.id]) == {}
    assert blob_count(service) == 0
    assert await service.store.usage("alice") == 0


async def test_completing_an_expired_upload_is_a_conflict(service: FileService, clock: TickingClock) -> None:
    file, _ = await service.create_upload("alice", announce(RESUME_PDF))
    await put(service, file.upload_key, RESUME_PDF)
    clock.now += LIMITS.upload_ttl + LIMITS.pending_grace + timedelta(seconds=1)
    await expect(Conflict, None, service.complete_upload("alice", file.id))
    assert blob_count(service) == 0


async def test_the_quota_counts_reserved_and_stored_bytes(service: FileService) -> None:
    big = b"a" * LIMITS.max_file_bytes
    await upload_directly(service, big, filename="a.txt", content_type=TXT)
    await service.create_upload("alice", announce(big, filename="b.txt", content_type=TXT))
    await expect(BadUserInput, "size", service.create_upload("alice", announce(big, content_type=TXT)))
    # Another person's quota is theirs.
    await service.create_upload("bob", announce(big, filename="b.txt", content_type=TXT))


async def test_an_upload_through_the_router_is_checked_the_same_way(service: FileService) -> None:
    stored = await service.upload(
        "alice",
        filename="cv.pdf",
        declared_type="application/octet-stream",
        kind=FileKind.RESUME,
        application_id=None,
        source=io.BytesIO(RESUME_PDF),
    )
    assert (stored.status, stored.content_type, stored.name) == (FileStatus.READY, PDF, "cv.pdf")
    with pytest.raises(BadUserInput) as lying:
        await service.upload(
            "alice",
            filename="cv.pdf",
            declared_type=PDF,
            kind=FileKind.RESUME,
            application_id=None,
            source=io.BytesIO(documents.png()),
        )
    assert lying.value.field == "file"
    with pytest.raises(BadUserInput) as oversize:
        await service.upload(
            "alice",
            filename="big.txt",
            declared_type=TXT,
            kind=FileKind.OTHER,
            application_id=None,
            source=io.BytesIO(b"a" * (LIMITS.max_file_bytes + 1)),
        )
    assert oversize.value.field == "file"
    assert blob_count(service) == 1
    # Nothing half-stored: only the good file is left, in the listing and in the quota.
    assert [file.id for file in (await service.find("alice", None, 10, None)).items] == [stored.id]
    assert await service.store.usage("alice") == stored.size


async def test_deleting_a_file_deletes_its_blob_and_announces_it(service: FileService) -> None:
    file = await upload_directly(service, RESUME_PDF)
    await service.delete("alice", file.id)
    assert blob_count(service) == 0
    assert [event.type for event in await service.store.outbox_events()] == ["file.uploaded", "file.deleted"]


async def test_a_resume_is_visible_to_others_only_while_it_is_on_the_profile(service: FileService) -> None:
    resume = await upload_directly(service, RESUME_PDF)
    letter = await upload_directly(
        service, b"Dear hiring manager", filename="letter.txt", content_type=TXT, kind=FileKind.COVER_LETTER
    )
    assert await service.get_many("bob", [resume.id, letter.id]) == [None, None]
    await service.set_resume("alice", resume.id)
    assert await service.get_many("bob", [resume.id, letter.id]) == [resume, None]
    assert await service.resumes_of("bob", ["alice", "carol"]) == [resume, None]
    await expect(BadUserInput, "fileId", service.set_resume("alice", letter.id))
    await expect(NotFound, "fileId", service.set_resume("bob", resume.id))


async def test_documents_attach_only_to_the_owners_applications(service: FileService) -> None:
    await service.store.project_application(
        "files", "e1", KnownApplication("a1", "alice"), description_known=True
    )
    await service.store.project_application(
        "files", "e2", KnownApplication("b1", "bob"), description_known=True
    )
    await expect(
        NotFound, "applicationId", service.create_upload("alice", announce(RESUME_PDF, application_id="b1"))
    )
    file = await upload_directly(service, RESUME_PDF, application_id="a1")
    assert await service.documents("alice", ["a1", "b1"]) == [[file], []]
    assert await service.documents("bob", ["a1"]) == [[]]


async def test_the_resume_match_needs_the_current_resume_and_the_job_description(
    service: FileService,
) -> None:
    job = KnownApplication("a1", "alice", documents.BACKEND_JOB)
    await service.store.project_application("files", "e1", job, description_known=True)
    assert await service.resume_matches("alice", ["a1"]) == [None]
    resume = await upload_directly(service, RESUME_PDF)
    await service.set_resume("alice", resume.id)
    [found] = await service.resume_matches("alice", ["a1"])
    assert found is not None and 70 <= found.score <= 85
    # Not on someone else's application.
    assert await service.resume_matches("bob", ["a1"]) == [None]


async def test_download_urls_are_bounded(service: FileService) -> None:
    file = await upload_directly(service, RESUME_PDF)
    await expect(BadUserInput, "expiresInSeconds", service.download_url(file, 0))
    await expect(BadUserInput, "expiresInSeconds", service.download_url(file, 86_400))
    assert "signature=" in await service.download_url(file, 60)
