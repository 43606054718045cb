"""File use cases: announce and complete direct uploads, upload through the router, list, delete, resumes,
download URLs and the resume match. Metadata changes commit with their events in one store transaction;
blobs are written before the metadata says READY and deleted after the metadata is gone."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from subgraphs.files.content import ALLOWED_TYPES, TEXT_TYPES, safe_filename, sniff
from subgraphs.files.events import FileDeleted, FileUploaded, envelope
from subgraphs.files.exports import DataExports
from subgraphs.files.match import ResumeMatch, match_resume
from subgraphs.files.models import CreatedKey, FileKind, FilePage, FileStatus, StoredFile
from subgraphs.files.store import FileStore
from subgraphs.files.text import extract_text
from subgraphs.kit.blobs import BlobStore, TooLarge, UploadTarget, file_chunks
from subgraphs.kit.errors import BadUserInput, Conflict, NotFound, Unauthenticated

logger = logging.getLogger("subgraphs.files")

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FileLimits:
    """What protects the service; defaults are the product's limits, tests make them small."""

    max_file_bytes: int = 10 * 1024 * 1024
    # Every byte a person's files take or have reserved (PENDING uploads count until cleaned up).
    quota_bytes: int = 100 * 1024 * 1024
    # How long a direct-upload URL works.
    upload_ttl: timedelta = timedelta(minutes=15)
    # How long after its URL expired a never-completed upload is deleted (a PUT may still be finishing).
    pending_grace: timedelta = timedelta(minutes=15)
    max_download_seconds: int = 3600


@dataclass(frozen=True, slots=True)
class CreateUpload:
    """`createUpload`'s input as the service receives it (not yet validated)."""

    kind: FileKind
    filename: str
    content_type: str
    size: int
    application_id: str | None = None
    # Hex SHA-256 of the bytes the client will send; checked by completeUpload when given.
    checksum: str | None = None


class FileService:
    """Everything a person can do with files; writes are scoped to the caller, reads check visibility."""

    def __init__(
        self,
        store: FileStore,
        blobs: BlobStore,
        *,
        limits: FileLimits = FileLimits(),
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.blobs = blobs
        self.limits = limits
        self._clock = clock
        self.exports = DataExports(
            store, blobs, clock=clock, max_download_seconds=limits.max_download_seconds
        )

    # Reads

    async def get_many(self, viewer: str, ids: Sequence[str]) -> list[StoredFile | None]:
        """The files for `ids` in order that `viewer` may see: their own READY files, and anyone's current
        resume (a profile's resume is visible to signed-in people); None for the rest."""
        found = await self.store.get_many(list(dict.fromkeys(ids)))
        others = {file.owner_id for file in found.values() if file.owner_id != viewer}
        resumes = set((await self.store.resumes(sorted(others))).values()) if others else set()
        return [
            file
            if file is not None
            and file.status is FileStatus.READY
            and (file.owner_id == viewer or file.id in resumes)
            else None
            for file in (found.get(file_id) for file_id in ids)
        ]

    async def resumes_of(self, viewer: str, user_ids: Sequence[str]) -> list[StoredFile | None]:
        """Each user's current resume (visible to every signed-in `viewer`)."""
        current = await self.store.resumes(list(dict.fromkeys(user_ids)))
        files = await self.store.get_many(sorted(set(current.values())))
        return [files.get(current.get(user_id, "")) for user_id in user_ids]

    async def find(
        self, owner_id: str, kind: FileKind | None, limit: int, after: CreatedKey | None
    ) -> FilePage:
        """The owner's READY files, newest first."""
        return await self.store.find(owner_id, kind, after, limit)

    async def documents(self, owner_id: str, application_ids: Sequence[str]) -> list[list[StoredFile]]:
        """The owner's files attached to each application (empty for someone else's application)."""
        attached = await self.store.for_applications(owner_id, list(dict.fromkeys(application_ids)))
        return [[file for file in attached if file.application_id == app_id] for app_id in application_ids]

    async def download_url(self, file: StoredFile, expires_in_seconds: int) -> str:
        """A signed URL serving the file for `expires_in_seconds` (1 to the limit)."""
        if not 1 <= expires_in_seconds <= self.limits.max_download_seconds:
            raise BadUserInput(
                f"must be between 1 and {self.limits.max_download_seconds}", field="expiresInSeconds"
            )
        expires_at = self._clock() + timedelta(seconds=expires_in_seconds)
        return await self.blobs.download_url(file.blob_key, file.name, file.content_type, expires_at)

    async def resume_matches(self, owner_id: str, application_ids: Sequence[str]) -> list[ResumeMatch | None]:
        """For each of the owner's applications, how their current resume covers its job description."""
        resume_id = (await self.store.resumes([owner_id])).get(owner_id)
        resume = (await self.store.get_many([resume_id])).get(resume_id) if resume_id else None
        known = await self.store.applications(list(dict.fromkeys(application_ids)))
        results: list[ResumeMatch | None] = []
        for application_id in application_ids:
            application = known.get(application_id)
            if application is None or application.owner_id != owner_id or resume is None:
                results.append(None)
            else:
                results.append(match_resume(resume.text, application.description))
        return results

    # Direct uploads

    async def create_upload(self, owner_id: str, command: CreateUpload) -> tuple[StoredFile, UploadTarget]:
        """Reserve a PENDING file and hand out where to PUT its bytes (valid for `upload_ttl`)."""
        name = _filename(command.filename, "filename")
        if command.content_type not in ALLOWED_TYPES:
            raise BadUserInput(f"must be one of {', '.join(ALLOWED_TYPES)}", field="contentType")
        if not 1 <= command.size <= self.limits.max_file_bytes:
            raise BadUserInput(f"must be between 1 and {self.limits.max_file_bytes} bytes", field="size")
        checksum = None
        if command.checksum is not None:
            checksum = command.checksum.strip().lower()
            if not _SHA256.match(checksum):
                raise BadUserInput("must be the hex SHA-256 of the file", field="checksum")
        await self._check_application(owner_id, command.application_id)
        await self._check_not_erased(owner_id)
        await self._check_quota(owner_id, command.size, "size")
        now = self._clock()
        expires_at = now + self.limits.upload_ttl
        file = StoredFile(
            id=str(uuid.uuid4()),
            owner_id=owner_id,
            name=name,
            content_type=command.content_type,
            size=command.size,
            kind=command.kind,
            status=FileStatus.PENDING,
            created_at=now,
            application_id=command.application_id,
            checksum=checksum,
            expires_at=expires_at,
        )
        await self.store.insert(file)
        target = await self.blobs.upload_target(file.upload_key, file.content_type, file.size, expires_at)
        return file, target

    async def complete_upload(self, owner_id: str, file_id: str) -> StoredFile:
        """Check the uploaded bytes (size, checksum, real type) and make the file READY; a file that fails a
        check is deleted with its bytes. Completing a READY file again returns it."""
        file = (await self.store.get_many([file_id])).get(file_id)
        if file is None or file.owner_id != owner_id:
            raise NotFound("no such upload", field="id")
        if file.status is FileStatus.READY:
            return file
        if file.expires_at is not None and self._clock() > file.expires_at + self.limits.pending_grace:
            await self._discard(file)
            raise Conflict("the upload expired; start a new one")
        async with self.blobs.local_copy(file.upload_key) as path:
            if path is None:
                raise Conflict("no bytes were uploaded yet; PUT them to the upload URL first")
            try:
                ready = await self._verified(file, path, declared_size=file.size)
            except BadUserInput:
                await self._discard(file)
                raise
        # Only the checked bytes become the file's: later PUTs to the upload URL change nothing it serves.
        await self.blobs.promote(file.upload_key, file.blob_key)
        return await self._commit_ready(ready)

    async def awaits_bytes(self, owner_id: str, file_id: str) -> bool:
        """Whether the owner's file is a PENDING direct upload (its upload URL may still be written to)."""
        file = (await self.store.get_many([file_id])).get(file_id)
        return file is not None and file.owner_id == owner_id and file.status is FileStatus.PENDING

    # Upload through the router

    async def upload(
        self,
        owner_id: str,
        *,
        filename: str,
        declared_type: str | None,
        kind: FileKind,
        application_id: str | None,
        source: BinaryIO,
    ) -> StoredFile:
        """Store a file the router streamed in (GraphQL multipart request) and make it READY at once.

        The PENDING record comes first, so a process that dies mid-upload leaves something the clean-up
        finds (record and bytes); a file that fails a check is removed at once.
        """
        await self._check_not_erased(owner_id)
        name = _filename(filename, "file")
        await self._check_application(owner_id, application_id)
        await self._check_quota(owner_id, 1, "file")
        now = self._clock()
        file = StoredFile(
            id=str(uuid.uuid4()),
            owner_id=owner_id,
            name=name,
            content_type=declared_type if declared_type in ALLOWED_TYPES else "application/octet-stream",
            size=0,
            kind=kind,
            status=FileStatus.PENDING,
            created_at=now,
            application_id=application_id,
            expires_at=now + self.limits.upload_ttl,
        )
        await self.store.insert(file)
        try:
            try:
                size = await self.blobs.write(file.blob_key, file_chunks(source), self.limits.max_file_bytes)
            except TooLarge as error:
                raise BadUserInput(
                    f"must be at most {self.limits.max_file_bytes} bytes", field="file"
                ) from error
            if size == 0:
                raise BadUserInput("is empty", field="file")
            # The record reserved nothing yet: the quota counts this file's real size now.
            await self._check_quota(owner_id, size, "file")
            async with self.blobs.local_copy(file.blob_key) as path:
                assert path is not None, "the blob was just written"
                # Only a declared allowed type is held against the content; a browser's
                # application/octet-stream says nothing.
                checked = declared_type if declared_type in ALLOWED_TYPES else None
                ready = await self._verified(file, path, declared_size=None, declared_type=checked)
        except Exception:
            await self._discard(file)
            raise
        return await self._commit_ready(ready)

    # Changes

    async def delete(self, owner_id: str, file_id: str) -> StoredFile:
        """Delete the owner's file and its bytes (and unset it as their resume)."""
        file = (await self.store.get_many([file_id])).get(file_id)
        if file is None or file.owner_id != owner_id:
            raise NotFound("no such file", field="id")
        event = envelope(FileDeleted(file)) if file.status is FileStatus.READY else None
        if not await self.store.delete(file, event):
            raise NotFound("no such file", field="id")
        await self.blobs.delete(file.upload_key)
        await self.blobs.delete(file.blob_key)
        return file

    async def _check_not_erased(self, owner_id: str) -> None:
        if await self.store.is_erased(owner_id):
            # A deleted account's access token stays valid for minutes: it must not store anything again.
            raise Unauthenticated("this account was deleted")

    async def set_resume(self, owner_id: str, file_id: str | None) -> StoredFile | None:
        """Make one of the owner's READY resume files their profile's resume (None removes it)."""
        if file_id is None:
            await self.store.set_resume(owner_id, None)
            return None
        file = (await self.store.get_many([file_id])).get(file_id)
        if file is None or file.owner_id != owner_id or file.status is not FileStatus.READY:
            raise NotFound("no such file", field="fileId")
        if file.kind is not FileKind.RESUME:
            raise BadUserInput("is not a resume (upload it with kind RESUME)", field="fileId")
        await self.store.set_resume(owner_id, file.id)
        return file

    async def clean_up(self, limit: int = 100) -> int:
        """Delete uploads never completed (their URL expired more than `pending_grace` ago); how many."""
        expired = await self.store.expired_pending(self._clock() - self.limits.pending_grace, limit)
        for file in expired:
            await self._discard(file)
        return len(expired)

    # Helpers

    async def _check_application(self, owner_id: str, application_id: str | None) -> None:
        if application_id is None:
            return
        known = await self.store.application(application_id)
        # An application not projected yet (its event is on the way) is accepted: documents only ever show
        # on their owner's own applications, so a wrong id attaches nothing anyone else sees.
        if known is not None and known.owner_id != owner_id:
            raise NotFound("no such application", field="applicationId")

    async def _check_quota(self, owner_id: str, size: int, field: str) -> None:
        used = await self.store.usage(owner_id)
        if used + size > self.limits.quota_bytes:
            raise BadUserInput(
                f"exceeds your storage quota ({self.limits.quota_bytes} bytes, {used} used): "
                "delete files first",
                field=field,
            )

    async def _verified(
        self, file: StoredFile, path: Path, *, declared_size: int | None, declared_type: str | None = None
    ) -> StoredFile:
        """`file` as READY with what its bytes really are, or BadUserInput naming the check that failed."""
        size = (await asyncio.to_thread(path.stat)).st_size
        field = "file" if declared_size is None else "id"
        if declared_size is not None and size != declared_size:
            raise BadUserInput(f"{size} bytes arrived, {declared_size} were announced", field=field)
        real_type, checksum = await asyncio.to_thread(_inspect, path)
        if real_type is None:
            raise BadUserInput(f"is not one of the allowed types ({', '.join(ALLOWED_TYPES)})", field=field)
        expected_type = declared_type if declared_size is None else file.content_type
        if expected_type is not None and real_type != expected_type:
            raise BadUserInput(f"the content is {real_type}, not {expected_type}", field=field)
        if file.checksum is not None and checksum != file.checksum:
            raise BadUserInput("the bytes do not match the announced checksum", field=field)
        text = await asyncio.to_thread(extract_text, path, real_type) if real_type in TEXT_TYPES else None
        return replace(
            file,
            content_type=real_type,
            size=size,
            checksum=checksum,
            status=FileStatus.READY,
            expires_at=None,
            text=text,
        )

    async def _commit_ready(self, ready: StoredFile) -> StoredFile:
        if not await self.store.mark_ready(ready, envelope(FileUploaded(ready))):
            # Completed concurrently by another request: that one won, return what it stored.
            current = (await self.store.get_many([ready.id])).get(ready.id)
            if current is None:
                raise NotFound("no such upload", field="id")
            return current
        return ready

    async def _discard(self, file: StoredFile) -> None:
        await self.store.delete(file, None)
        await self.blobs.delete(file.upload_key)
        await self.blobs.delete(file.blob_key)


def _inspect(path: Path) -> tuple[str | None, str]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(256 * 1024):
            digest.update(chunk)
    return sniff(path), digest.hexdigest()


def _filename(value: str, field: str) -> str:
    name = safe_filename(value)
    if not name:
        raise BadUserInput("needs a file name", field=field)
    return name
