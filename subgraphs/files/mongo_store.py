"""The production file metadata store: MongoDB via PyMongo's async API (`AsyncMongoClient`).

Collections `files`, `resumes`, `applications`, `outbox` and `processed_events`; indexes are created at
start-up (no migrations). Each change and its outbox record are written in one multi-document transaction,
which needs a replica set or a transaction-capable server (secantusdb in tests).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError, OperationFailure

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
)
from subgraphs.kit.erasure import erase_mongo_outbox
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.events.outbox import notify_committed
from subgraphs.kit.mongo import MongoDocumentStore

_FIELDS = {"_id": 0, "created_key": 0, "expires_key": 0}
# Tries of a transaction that lost a write conflict to a concurrent one.
_CONFLICT_ATTEMPTS = 5


def _document(file: StoredFile) -> dict[str, Any]:
    # Real datetimes next to the ISO strings, so sorting and expiry compare instants, not text.
    return {**file.to_doc(), "created_key": file.created_at, "expires_key": file.expires_at}


def _file(doc: dict[str, Any]) -> StoredFile:
    return StoredFile.from_doc(doc)


class MongoFileStore(MongoDocumentStore):
    """`FileStore` on a MongoDB database."""

    def __init__(self, url: str, *, database: str | None = None, timeout_ms: int = 10_000) -> None:
        super().__init__(url, "files", database=database, timeout_ms=timeout_ms)
        self.files = self.db["files"]
        self.resume_ids = self.db["resumes"]
        self.known = self.db["applications"]
        # Who deleted their account (kit/erasure.py): later application events about them change nothing.
        self.erased = self.db["erased_users"]
        self.exports = self.db["exports"]
        self.parts = self.db["export_parts"]

    async def start(self) -> None:
        await self.files.create_index("id", unique=True)
        await self.files.create_index([("owner_id", 1), ("status", 1), ("created_key", -1), ("id", -1)])
        await self.files.create_index("application_id")
        await self.files.create_index([("status", 1), ("expires_key", 1)])
        await self.resume_ids.create_index("file_id")
        await self.exports.create_index("id", unique=True)
        await self.exports.create_index([("owner_id", 1), ("created_at", -1)])
        # One PENDING export per person, even for two requests at the same instant.
        await self.exports.create_index(
            "owner_id", name="one_pending", unique=True, partialFilterExpression={"status": "PENDING"}
        )
        await self.parts.create_index("export_id")
        await self._outbox.ensure_indexes()
        await self._idempotency.ensure_indexes()

    async def get_many(self, ids: Sequence[str]) -> dict[str, StoredFile]:
        if not ids:
            return {}
        return {doc["id"]: _file(doc) async for doc in self.files.find({"id": {"$in": list(ids)}}, _FIELDS)}

    async def find(
        self, owner_id: str, kind: FileKind | None, after: CreatedKey | None, limit: int
    ) -> FilePage:
        matches: dict[str, Any] = {"owner_id": owner_id, "status": FileStatus.READY.value}
        if kind is not None:
            matches["kind"] = kind.value
        page: dict[str, Any] = matches
        if after is not None:
            older = {
                "$or": [
                    {"created_key": {"$lt": after.created_at}},
                    {"created_key": after.created_at, "id": {"$lt": after.id}},
                ]
            }
            page = {"$and": [matches, older]}
        cursor = self.files.find(page, _FIELDS).sort([("created_key", -1), ("id", -1)]).limit(limit + 1)
        docs = await cursor.to_list()
        total = await self.files.count_documents(matches)
        return FilePage(
            items=[_file(doc) for doc in docs[:limit]], has_next_page=len(docs) > limit, total_count=total
        )

    async def for_applications(self, owner_id: str, application_ids: Sequence[str]) -> list[StoredFile]:
        if not application_ids:
            return []
        query = {
            "owner_id": owner_id,
            "status": FileStatus.READY.value,
            "application_id": {"$in": list(application_ids)},
        }
        cursor = self.files.find(query, _FIELDS).sort([("created_key", 1), ("id", 1)])
        return [_file(doc) async for doc in cursor]

    async def all_ready(self, batch_size: int) -> AsyncIterator[list[StoredFile]]:
        last = ""
        while True:
            query = {"id": {"$gt": last}, "status": FileStatus.READY.value}
            found = [
                _file(doc) async for doc in self.files.find(query, _FIELDS).sort("id", 1).limit(batch_size)
            ]
            if not found:
                return
            yield found
            last = found[-1].id

    async def usage(self, owner_id: str) -> int:
        pipeline: list[dict[str, Any]] = [
            {"$match": {"owner_id": owner_id}},
            {"$group": {"_id": None, "total": {"$sum": "$size"}}},
        ]
        cursor = await self.files.aggregate(pipeline)
        rows = await cursor.to_list()
        return int(rows[0]["total"]) if rows else 0

    async def insert(self, file: StoredFile) -> None:
        await self.files.insert_one(_document(file))

    async def mark_ready(self, file: StoredFile, event: EventEnvelope) -> bool:
        async with self.transaction() as session:
            result = await self.files.replace_one(
                {"id": file.id, "status": FileStatus.PENDING.value}, _document(file), session=session
            )
            if result.matched_count != 1:
                await session.abort_transaction()
                return False
            await self._outbox.record(event, session=session)
        notify_committed()
        return True

    async def delete(self, file: StoredFile, event: EventEnvelope | None) -> bool:
        async with self.transaction() as session:
            result = await self.files.delete_one({"id": file.id}, session=session)
            if result.deleted_count != 1:
                await session.abort_transaction()
                return False
            await self.resume_ids.delete_many({"file_id": file.id}, session=session)
            if event is not None:
                await self._outbox.record(event, session=session)
        if event is not None:
            notify_committed()
        return True

    async def expired_pending(self, before: datetime, limit: int) -> list[StoredFile]:
        query = {"status": FileStatus.PENDING.value, "expires_key": {"$lt": before}}
        cursor = self.files.find(query, _FIELDS).sort([("expires_key", 1), ("id", 1)]).limit(limit)
        return [_file(doc) async for doc in cursor]

    async def set_resume(self, owner_id: str, file_id: str | None) -> None:
        if file_id is None:
            await self.resume_ids.delete_one({"_id": owner_id})
            return
        await self.resume_ids.replace_one(
            {"_id": owner_id}, {"_id": owner_id, "file_id": file_id}, upsert=True
        )

    async def resumes(self, owner_ids: Sequence[str]) -> dict[str, str]:
        if not owner_ids:
            return {}
        cursor = self.resume_ids.find({"_id": {"$in": list(owner_ids)}})
        return {str(doc["_id"]): str(doc["file_id"]) async for doc in cursor}

    async def application(self, application_id: str) -> KnownApplication | None:
        return (await self.applications([application_id])).get(application_id)

    async def applications(self, ids: Sequence[str]) -> dict[str, KnownApplication]:
        if not ids:
            return {}
        cursor = self.known.find({"_id": {"$in": list(ids)}})
        return {
            str(doc["_id"]): KnownApplication(str(doc["_id"]), doc["owner_id"], doc.get("description"))
            async for doc in cursor
        }

    async def project_application(
        self, consumer: str, event_id: str, application: KnownApplication, *, description_known: bool
    ) -> bool:
        changes: dict[str, Any] = {"owner_id": application.owner_id}
        if description_known:
            changes["description"] = application.description

        async def apply(session: AsyncClientSession) -> None:
            if await self.erased.find_one({"_id": application.owner_id}, session=session) is not None:
                return
            await self.known.update_one(
                {"_id": application.id}, {"$set": changes}, upsert=True, session=session
            )

        return await self.apply_once(consumer, event_id, apply)

    async def owned_by(self, owner_id: str) -> list[StoredFile]:
        cursor = self.files.find({"owner_id": owner_id}, _FIELDS).sort([("created_at", 1), ("id", 1)])
        return [_file(doc) async for doc in cursor]

    async def erase_owner(self, consumer: str, event_id: str, owner_id: str) -> bool:
        async def apply(session: AsyncClientSession) -> None:
            await self.resume_ids.delete_one({"_id": owner_id}, session=session)
            await self.files.delete_many({"owner_id": owner_id}, session=session)
            await self.known.delete_many({"owner_id": owner_id}, session=session)
            await self.db["idempotency_keys"].delete_many({"owner": owner_id}, session=session)
            theirs = [doc["id"] async for doc in self.exports.find({"owner_id": owner_id}, session=session)]
            await self.parts.delete_many({"export_id": {"$in": theirs}}, session=session)
            await self.exports.delete_many({"owner_id": owner_id}, session=session)
            await erase_mongo_outbox(self.outbox.collection, owner_id, session=session)
            erased = {"_id": owner_id, "erased_at": datetime.now(UTC)}
            await self.erased.replace_one({"_id": owner_id}, erased, upsert=True, session=session)

        return await self.apply_once(consumer, event_id, apply)

    async def is_erased(self, owner_id: str) -> bool:
        return await self.erased.find_one({"_id": owner_id}) is not None

    async def start_export(self, export: DataExport, event: EventEnvelope) -> bool:
        for attempt in range(_CONFLICT_ATTEMPTS):
            try:
                async with self.transaction() as session:
                    await self.exports.insert_one(export.to_doc(), session=session)
                    await self._outbox.record(event, session=session)
            except DuplicateKeyError:  # the person has a PENDING export (index one_pending)
                return False
            except OperationFailure as error:
                # A concurrent request's insert conflicted with ours: once it commits, ours is a duplicate.
                if error.has_error_label("TransientTransactionError") and attempt + 1 < _CONFLICT_ATTEMPTS:
                    continue
                raise
            notify_committed()
            return True
        raise AssertionError("unreachable")

    async def export(self, export_id: str) -> DataExport | None:
        doc = await self.exports.find_one({"id": export_id}, {"_id": 0})
        return DataExport.from_doc(doc) if doc is not None else None

    async def exports_of(self, owner_id: str) -> list[DataExport]:
        cursor = self.exports.find({"owner_id": owner_id}, {"_id": 0}).sort([("created_at", -1), ("id", -1)])
        return [DataExport.from_doc(doc) async for doc in cursor]

    async def pending_exports(self, created_before: datetime) -> list[DataExport]:
        # created_at is stored as ISO 8601 text in UTC, which sorts like the instant.
        query = {"status": ExportStatus.PENDING.value, "created_at": {"$lt": created_before.isoformat()}}
        return [DataExport.from_doc(doc) async for doc in self.exports.find(query, {"_id": 0})]

    async def add_export_part(self, part: ExportPart) -> None:
        key = f"{part.export_id}:{part.domain}:{part.part_id}:{part.index}"
        document = {
            "export_id": part.export_id,
            "domain": part.domain,
            "part_id": part.part_id,
            "index": part.index,
            "count": part.count,
            "chunk": part.chunk,
        }
        await self.parts.update_one({"_id": key}, {"$setOnInsert": document}, upsert=True)

    async def export_parts(self, export_id: str) -> list[ExportPart]:
        cursor = self.parts.find({"export_id": export_id}).sort([("domain", 1), ("part_id", 1), ("index", 1)])
        return [
            ExportPart(export_id, doc["domain"], doc["part_id"], doc["index"], doc["count"], doc["chunk"])
            async for doc in cursor
        ]

    async def finish_export(self, export: DataExport) -> bool:
        async with self.transaction() as session:
            result = await self.exports.replace_one(
                {"id": export.id, "status": ExportStatus.PENDING.value}, export.to_doc(), session=session
            )
            if result.matched_count != 1:
                await session.abort_transaction()
                return False
            await self.parts.delete_many({"export_id": export.id}, session=session)
        return True

    async def forget_application(self, consumer: str, event_id: str, application_id: str) -> bool:
        async def apply(session: AsyncClientSession) -> None:
            await self.known.delete_one({"_id": application_id}, session=session)
            await self.files.update_many(
                {"application_id": application_id}, {"$set": {"application_id": None}}, session=session
            )

        return await self.apply_once(consumer, event_id, apply)
