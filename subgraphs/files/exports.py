"""`exportMyData`: one ZIP archive of everything every subgraph holds about the person (README, "Your data").

Files records the request with `export.requested` (subgraphs/kit/exports.py); every other subgraph that
holds personal data answers with its part as `export.part` events, chunked so that no broker message is
large. Files keeps the chunks; when every expected part is complete it writes the archive — one JSON file
per domain, its own `files.json` and the person's uploaded files — to its blob store, where the usual
signed download URL serves it. A part missing after `EXPORT_TIMEOUT` fails the export, naming the domains.
One export runs per person at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

from subgraphs.files.events import PRODUCER
from subgraphs.files.models import DataExport, ExportPart, ExportStatus, FileStatus
from subgraphs.files.store import FileStore
from subgraphs.kit.blobs import BlobStore, file_chunks
from subgraphs.kit.errors import BadUserInput, NotFound, RateLimited
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.exports import EXPORT_REQUESTED

# The parts an archive waits for, one per subgraph holding personal data (files' own is `files.json`;
# search holds only what it derives from the others' events).
DOMAINS = ("profile", "applications", "interviews", "contacts", "analytics", "notifications")
EXPORT_TIMEOUT = timedelta(minutes=10)
# The archive may hold every upload of the person: no upload limit applies to it.
MAX_ARCHIVE_BYTES = 10 * 1024**3
ARCHIVE_NAME = "jobgraph-data.zip"


def utc_now() -> datetime:
    return datetime.now(UTC)


class MalformedPart(ValueError):
    """An `export.part` event without its export id, domain, index, count or chunk."""


class DataExports:
    """Requests, parts and archives of data exports over the files store and blob store."""

    def __init__(
        self,
        store: FileStore,
        blobs: BlobStore,
        *,
        clock: Callable[[], datetime] = utc_now,
        timeout: timedelta = EXPORT_TIMEOUT,
        max_download_seconds: int = 3600,
    ) -> None:
        self.store = store
        self.blobs = blobs
        self._clock = clock
        self._timeout = timeout
        self._max_download_seconds = max_download_seconds

    async def request(self, owner_id: str) -> DataExport:
        """Start an export for the person; RATE_LIMITED while another of theirs is still PENDING."""
        export = DataExport(
            id=str(uuid.uuid4()),
            owner_id=owner_id,
            status=ExportStatus.PENDING,
            created_at=self._clock(),
            domains=DOMAINS,
        )
        event = EventEnvelope(
            type=EXPORT_REQUESTED,
            producer=PRODUCER,
            user_id=owner_id,
            data={"exportId": export.id, "domains": list(DOMAINS)},
        )
        await self.fail_overdue()
        if not await self.store.start_export(export, event):
            raise RateLimited(
                "an export of your data is already being prepared",
                retry_after=int(self._timeout.total_seconds()),
            )
        return export

    async def get(self, owner_id: str, export_id: str) -> DataExport:
        await self.fail_overdue()
        export = await self.store.export(export_id)
        if export is None or export.owner_id != owner_id:
            raise NotFound("no such export", field="id")
        return export

    async def of(self, owner_id: str) -> list[DataExport]:
        await self.fail_overdue()
        return await self.store.exports_of(owner_id)

    async def download_url(self, export: DataExport, expires_in_seconds: int) -> str | None:
        """A signed URL of the archive (None until it is READY)."""
        if not 1 <= expires_in_seconds <= self._max_download_seconds:
            raise BadUserInput(
                f"must be between 1 and {self._max_download_seconds}", field="expiresInSeconds"
            )
        if export.status is not ExportStatus.READY:
            return None
        expires_at = self._clock() + timedelta(seconds=expires_in_seconds)
        return await self.blobs.download_url(export.blob_key, ARCHIVE_NAME, "application/zip", expires_at)

    async def part_arrived(self, event: EventEnvelope) -> None:
        """Keep one chunk of a part; assemble the archive once every expected part is complete."""
        part = _part_of(event)
        export = await self.store.export(part.export_id)
        if export is None or export.status is not ExportStatus.PENDING or part.domain not in export.domains:
            return  # unknown, finished or unexpected: nothing waits for it
        await self.store.add_export_part(part)
        parts = await self.store.export_parts(export.id)
        if not _missing(export, parts):
            await self._assemble(export, parts)

    async def fail_overdue(self) -> int:
        """Fail the exports whose parts did not all arrive in time, naming the missing domains."""
        failed = 0
        for export in await self.store.pending_exports(self._clock() - self._timeout):
            missing = _missing(export, await self.store.export_parts(export.id))
            finished = replace(
                export, status=ExportStatus.FAILED, finished_at=self._clock(), missing=tuple(missing)
            )
            failed += await self.store.finish_export(finished)
        return failed

    async def _assemble(self, export: DataExport, parts: list[ExportPart]) -> None:
        with tempfile.TemporaryDirectory(prefix="jobgraph-export-") as scratch:
            archive = Path(scratch) / ARCHIVE_NAME
            await self._write_archive(export, parts, archive)
            with archive.open("rb") as source:
                size = await self.blobs.write(export.blob_key, file_chunks(source), MAX_ARCHIVE_BYTES)
        # False when another delivery finished it first (a re-delivered last chunk): the same archive.
        await self.store.finish_export(
            replace(export, status=ExportStatus.READY, finished_at=self._clock(), size=size)
        )

    async def _write_archive(self, export: DataExport, parts: list[ExportPart], archive: Path) -> None:
        files = await self.store.owned_by(export.owner_id)
        ready = [file for file in files if file.status is FileStatus.READY]
        complete = _complete(export, parts)
        texts = {domain: "".join(chunk.chunk for chunk in complete[domain]) for domain in export.domains}
        async with contextlib.AsyncExitStack() as stack:
            copies: list[tuple[str, Path]] = []
            for file in ready:
                # S3 blobs are fetched to a temporary file, local ones are read where they are.
                path = await stack.enter_async_context(self.blobs.local_copy(file.blob_key))
                if path is not None:
                    copies.append((f"files/{file.id}/{file.name}", path))
            await asyncio.to_thread(_zip, archive, texts, [file.to_doc() for file in files], copies)


def _zip(
    archive: Path, texts: dict[str, str], files: list[dict[str, object]], copies: list[tuple[str, Path]]
) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for domain, text in texts.items():
            bundle.writestr(f"{domain}.json", text)
        bundle.writestr(
            "files.json", orjson.dumps({"domain": "files", "files": files}, option=orjson.OPT_INDENT_2)
        )
        for name, path in copies:
            bundle.write(path, name)


def _complete(export: DataExport, parts: list[ExportPart]) -> dict[str, list[ExportPart]]:
    """For each expected domain with a publication whose chunks are all there, those chunks in order."""
    publications: dict[tuple[str, str], dict[int, ExportPart]] = {}
    for part in parts:
        publications.setdefault((part.domain, part.part_id), {})[part.index] = part
    complete: dict[str, list[ExportPart]] = {}
    for (domain, _), chunks in sorted(publications.items()):
        count = next(iter(chunks.values())).count
        if domain in export.domains and domain not in complete and len(chunks) == count:
            complete[domain] = [chunks[index] for index in range(count)]
    return complete


def _missing(export: DataExport, parts: list[ExportPart]) -> list[str]:
    """The expected domains with no complete publication yet."""
    complete = _complete(export, parts)
    return [domain for domain in export.domains if domain not in complete]


def _part_of(event: EventEnvelope) -> ExportPart:
    data = event.data
    export_id, domain, part_id = data.get("exportId"), data.get("domain"), data.get("partId")
    index, count, chunk = data.get("index"), data.get("count"), data.get("chunk")
    if not (
        isinstance(export_id, str)
        and isinstance(domain, str)
        and isinstance(part_id, str)
        and isinstance(index, int)
        and isinstance(count, int)
        and isinstance(chunk, str)
        and 0 <= index < count
    ):
        raise MalformedPart(f"{event.type} event {event.id} is not a chunk of an export part")
    return ExportPart(export_id, domain, part_id, index, count, chunk)
