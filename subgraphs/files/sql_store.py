"""The embedded file metadata store: JSON documents via SQLAlchemy async, lookup fields in columns.

SQLite by default; the same code runs on PostgreSQL (`FILES_DATABASE_URL`), and the store contract suite runs
on both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.files.migrations import MIGRATIONS_DIR
from subgraphs.files.models import (
    CreatedKey,
    DataExport,
    ExportPart,
    ExportStatus,
    FileKind,
    FilePage,
    FileStatus,
    KnownApplication,
    StoredFile,
    applications,
    export_parts,
    exports,
    files,
    idempotency_keys,
    resumes,
)
from subgraphs.kit.db import conflict_insert
from subgraphs.kit.erasure import erase_outbox, erase_rows, is_erased, remember_erased
from subgraphs.kit.events import EventEnvelope, claim_event, record_event
from subgraphs.kit.snapshot import keyset_pages
from subgraphs.kit.sql_store import SqlDocumentStore


def _row(file: StoredFile) -> dict[str, Any]:
    return {
        "id": file.id,
        "owner_id": file.owner_id,
        "kind": file.kind.value,
        "status": file.status.value,
        "application_id": file.application_id,
        "size": file.size,
        "expires_at": file.expires_at,
        "doc": file.to_doc(),
        "created_at": file.created_at,
    }


class SqlFileStore(SqlDocumentStore):
    """`FileStore` on an SQLAlchemy async engine (SQLite file by default, or PostgreSQL)."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine, MIGRATIONS_DIR)

    async def get_many(self, ids: Sequence[str]) -> dict[str, StoredFile]:
        if not ids:
            return {}
        return {file.id: file for file in await self._files(files.c.id.in_(list(ids)))}

    async def find(
        self, owner_id: str, kind: FileKind | None, after: CreatedKey | None, limit: int
    ) -> FilePage:
        conditions: list[sa.ColumnElement[bool]] = [
            files.c.owner_id == owner_id,
            files.c.status == FileStatus.READY.value,
        ]
        if kind is not None:
            conditions.append(files.c.kind == kind.value)
        page = list(conditions)
        if after is not None:
            page.append(
                sa.or_(
                    files.c.created_at < after.created_at,
                    sa.and_(files.c.created_at == after.created_at, files.c.id < after.id),
                )
            )
        query = (
            sa.select(files.c.doc)
            .where(*page)
            .order_by(files.c.created_at.desc(), files.c.id.desc())
            .limit(limit + 1)
        )
        count = sa.select(sa.func.count()).select_from(files).where(*conditions)
        async with self.sessions() as session:
            docs = (await session.execute(query)).scalars().all()
            total = (await session.execute(count)).scalar_one()
        items = [StoredFile.from_doc(doc) for doc in docs[:limit]]
        return FilePage(items=items, has_next_page=len(docs) > limit, total_count=total)

    async def for_applications(self, owner_id: str, application_ids: Sequence[str]) -> list[StoredFile]:
        if not application_ids:
            return []
        return await self._files(
            files.c.owner_id == owner_id,
            files.c.status == FileStatus.READY.value,
            files.c.application_id.in_(list(application_ids)),
        )

    async def all_ready(self, batch_size: int) -> AsyncIterator[list[StoredFile]]:
        async for rows in keyset_pages(self.engine, files, batch_size):
            # PENDING files are few and short-lived: skipping them here keeps the paging the kit's.
            ready = [
                StoredFile.from_doc(row["doc"]) for row in rows if row["status"] == FileStatus.READY.value
            ]
            if ready:
                yield ready

    async def usage(self, owner_id: str) -> int:
        query = sa.select(sa.func.coalesce(sa.func.sum(files.c.size), 0)).where(files.c.owner_id == owner_id)
        async with self.sessions() as session:
            return int((await session.execute(query)).scalar_one())

    async def insert(self, file: StoredFile) -> None:
        async with self.sessions() as session, session.begin():
            await session.execute(sa.insert(files).values(_row(file)))

    async def mark_ready(self, file: StoredFile, event: EventEnvelope) -> bool:
        values = _row(file)
        del values["id"]
        async with self.sessions() as session, session.begin():
            result = await session.execute(
                sa.update(files)
                .where(files.c.id == file.id, files.c.status == FileStatus.PENDING.value)
                .values(values)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await record_event(session, event)
            return True

    async def delete(self, file: StoredFile, event: EventEnvelope | None) -> bool:
        async with self.sessions() as session, session.begin():
            result = await session.execute(sa.delete(files).where(files.c.id == file.id))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await session.execute(sa.delete(resumes).where(resumes.c.file_id == file.id))
            if event is not None:
                await record_event(session, event)
            return True

    async def expired_pending(self, before: datetime, limit: int) -> list[StoredFile]:
        query = (
            sa.select(files.c.doc)
            .where(files.c.status == FileStatus.PENDING.value, files.c.expires_at < before)
            .order_by(files.c.expires_at, files.c.id)
            .limit(limit)
        )
        async with self.sessions() as session:
            docs = (await session.execute(query)).scalars().all()
        return [StoredFile.from_doc(doc) for doc in docs]

    async def set_resume(self, owner_id: str, file_id: str | None) -> None:
        async with self.sessions() as session, session.begin():
            if file_id is None:
                await session.execute(sa.delete(resumes).where(resumes.c.owner_id == owner_id))
                return
            upsert = conflict_insert(session, resumes).values(owner_id=owner_id, file_id=file_id)
            await session.execute(
                upsert.on_conflict_do_update(index_elements=["owner_id"], set_={"file_id": file_id})
            )

    async def resumes(self, owner_ids: Sequence[str]) -> dict[str, str]:
        if not owner_ids:
            return {}
        query = sa.select(resumes.c.owner_id, resumes.c.file_id).where(
            resumes.c.owner_id.in_(list(owner_ids))
        )
        async with self.sessions() as session:
            rows = (await session.execute(query)).all()
        return {row.owner_id: row.file_id for row in rows}

    async def application(self, application_id: str) -> KnownApplication | None:
        return (await self.applications([application_id])).get(application_id)

    async def applications(self, ids: Sequence[str]) -> dict[str, KnownApplication]:
        if not ids:
            return {}
        query = sa.select(applications).where(applications.c.id.in_(list(ids)))
        async with self.sessions() as session:
            rows = (await session.execute(query)).all()
        return {row.id: KnownApplication(row.id, row.owner_id, row.description) for row in rows}

    async def project_application(
        self, consumer: str, event_id: str, application: KnownApplication, *, description_known: bool
    ) -> bool:
        async with self.sessions() as session, session.begin():
            if not await claim_event(session, consumer, event_id):
                return False
            if await is_erased(session, application.owner_id):
                return True
            values: dict[str, Any] = {"id": application.id, "owner_id": application.owner_id}
            changes: dict[str, Any] = {"owner_id": application.owner_id}
            if description_known:
                values["description"] = application.description
                changes["description"] = application.description
            upsert = conflict_insert(session, applications).values(values)
            await session.execute(upsert.on_conflict_do_update(index_elements=["id"], set_=changes))
            return True

    async def forget_application(self, consumer: str, event_id: str, application_id: str) -> bool:
        async with self.sessions() as session, session.begin():
            if not await claim_event(session, consumer, event_id):
                return False
            await session.execute(sa.delete(applications).where(applications.c.id == application_id))
            # Detach: the column, and the document the reads come from.
            attached = (
                (
                    await session.execute(
                        sa.select(files.c.doc).where(files.c.application_id == application_id)
                    )
                )
                .scalars()
                .all()
            )
            for doc in attached:
                detached = {**doc, "application_id": None}
                await session.execute(
                    sa.update(files).where(files.c.id == doc["id"]).values(application_id=None, doc=detached)
                )
            return True

    async def owned_by(self, owner_id: str) -> list[StoredFile]:
        return await self._files(files.c.owner_id == owner_id)

    async def erase_owner(self, consumer: str, event_id: str, owner_id: str) -> bool:
        async with self.sessions() as session, session.begin():
            if not await claim_event(session, consumer, event_id):
                return False
            theirs = sa.select(exports.c.id).where(exports.c.owner_id == owner_id)
            await session.execute(sa.delete(export_parts).where(export_parts.c.export_id.in_(theirs)))
            owned = [resumes.c.owner_id, files.c.owner_id, applications.c.owner_id, exports.c.owner_id]
            owned.append(idempotency_keys.c.owner)
            await erase_rows(session, owner_id, owned)
            await erase_outbox(session, owner_id)
            await remember_erased(session, owner_id)
            return True

    async def is_erased(self, owner_id: str) -> bool:
        async with self.sessions() as session:
            return await is_erased(session, owner_id)

    async def start_export(self, export: DataExport, event: EventEnvelope) -> bool:
        async with self.sessions() as session, session.begin():
            running = await session.execute(
                sa.select(exports.c.id)
                .where(exports.c.owner_id == export.owner_id, exports.c.status == ExportStatus.PENDING.value)
                .with_for_update()
            )
            if running.first() is not None:
                return False
            try:
                async with session.begin_nested():
                    await session.execute(sa.insert(exports).values(_export_row(export)))
            except IntegrityError:  # a concurrent request of the same person won (ux_exports_one_pending)
                return False
            await record_event(session, event)
            return True

    async def export(self, export_id: str) -> DataExport | None:
        async with self.sessions() as session:
            doc = (await session.execute(sa.select(exports.c.doc).where(exports.c.id == export_id))).scalar()
        return DataExport.from_doc(doc) if doc is not None else None

    async def exports_of(self, owner_id: str) -> list[DataExport]:
        query = (
            sa.select(exports.c.doc)
            .where(exports.c.owner_id == owner_id)
            .order_by(exports.c.created_at.desc(), exports.c.id.desc())
        )
        async with self.sessions() as session:
            return [DataExport.from_doc(doc) for doc in (await session.execute(query)).scalars()]

    async def pending_exports(self, created_before: datetime) -> list[DataExport]:
        query = sa.select(exports.c.doc).where(
            exports.c.status == ExportStatus.PENDING.value, exports.c.created_at < created_before
        )
        async with self.sessions() as session:
            return [DataExport.from_doc(doc) for doc in (await session.execute(query)).scalars()]

    async def add_export_part(self, part: ExportPart) -> None:
        values = {
            "export_id": part.export_id,
            "domain": part.domain,
            "part_id": part.part_id,
            "chunk_index": part.index,
            "chunk_count": part.count,
            "chunk": part.chunk,
        }
        async with self.sessions() as session, session.begin():
            insert = conflict_insert(session, export_parts).values(values)
            await session.execute(insert.on_conflict_do_nothing())

    async def export_parts(self, export_id: str) -> list[ExportPart]:
        columns = export_parts.c
        query = (
            sa.select(
                columns.domain, columns.part_id, columns.chunk_index, columns.chunk_count, columns.chunk
            )
            .where(columns.export_id == export_id)
            .order_by(columns.domain, columns.part_id, columns.chunk_index)
        )
        async with self.sessions() as session:
            rows = (await session.execute(query)).all()
        return [
            ExportPart(export_id, row.domain, row.part_id, row.chunk_index, row.chunk_count, row.chunk)
            for row in rows
        ]

    async def finish_export(self, export: DataExport) -> bool:
        async with self.sessions() as session, session.begin():
            result = await session.execute(
                sa.update(exports)
                .where(exports.c.id == export.id, exports.c.status == ExportStatus.PENDING.value)
                .values(status=export.status.value, doc=export.to_doc())
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await session.execute(sa.delete(export_parts).where(export_parts.c.export_id == export.id))
            return True

    async def _files(self, *conditions: sa.ColumnElement[bool]) -> list[StoredFile]:
        query = sa.select(files.c.doc).where(*conditions).order_by(files.c.created_at, files.c.id)
        async with self.sessions() as session:
            docs = (await session.execute(query)).scalars().all()
        return [StoredFile.from_doc(doc) for doc in docs]


def _export_row(export: DataExport) -> dict[str, Any]:
    return {
        "id": export.id,
        "owner_id": export.owner_id,
        "status": export.status.value,
        "created_at": export.created_at,
        "doc": export.to_doc(),
    }
