"""Data rights in the files subgraph, on every metadata backend (SQLite, PostgreSQL, MongoDB) and both blob
stores (local directory, S3): `user.deleted` erases the person's metadata, bytes and exports; `export.part`
chunks become one archive; exports run one at a time and fail, naming what is missing, when parts are late."""

from __future__ import annotations

import asyncio
import io
import zipfile
from datetime import timedelta

import orjson
import pytest

from subgraphs.files.events import application_consumer
from subgraphs.files.exports import DOMAINS, EXPORT_TIMEOUT, DataExports
from subgraphs.files.models import ExportStatus, KnownApplication
from subgraphs.files.store import FileStore
from subgraphs.kit.blobs import BlobStore
from subgraphs.kit.errors import NotFound, RateLimited
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.exports import CHUNK_CHARACTERS, part_events
from tests.subgraphs.files.test_store_contract import T0, ready, stored
from tests.subgraphs.harness import TickingClock

PDF = b"%PDF-1.4 alice's resume"


async def put(blobs: BlobStore, key: str, content: bytes) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        yield content

    await blobs.write(key, chunks(), len(content))


async def held(blobs: BlobStore, key: str) -> bool:
    async with blobs.local_copy(key) as path:
        return path is not None


def deleted(user_id: str, event_id: str = "e-deleted") -> EventEnvelope:
    return EventEnvelope(
        id=f"00000000-0000-4000-8000-{abs(hash(event_id)) % 10**12:012d}",
        type="user.deleted",
        producer="users",
        user_id=user_id,
        data={"id": user_id},
    )


async def answer_every_part(exports: DataExports, export_id: str, owner: str = "alice") -> None:
    for domain in DOMAINS:
        for part in part_events(
            domain, owner, export_id, domain, {"rows": [{"owner": owner, "domain": domain}]}
        ):
            await exports.part_arrived(part)


async def test_user_deleted_erases_metadata_bytes_and_exports_of_the_person_only(
    store: FileStore, blobs: BlobStore
) -> None:
    exports = DataExports(store, blobs, clock=TickingClock(T0))
    consumer = application_consumer(store, blobs, exports)
    alices = await ready(store, stored("f1", application_id="app-1"))
    bobs = await ready(store, stored("f2", owner="bob"))
    for file in (alices, bobs):
        await put(blobs, file.blob_key, PDF)
    await store.set_resume("alice", "f1")
    await store.project_application(
        "files", "e1", KnownApplication("app-1", "alice", "job"), description_known=True
    )
    export = await exports.request("alice")
    await answer_every_part(exports, export.id)
    assert await held(blobs, export.blob_key)

    await consumer.dispatch(deleted("alice"))

    assert await store.owned_by("alice") == [] and await store.exports_of("alice") == []
    assert await store.is_erased("alice") and not await store.is_erased("bob")
    assert await store.resumes(["alice"]) == {} and await store.application("app-1") is None
    assert not await held(blobs, alices.blob_key) and not await held(blobs, export.blob_key)
    assert [event.user_id for event in await store.outbox_events()] == ["bob"]
    assert await store.owned_by("bob") == [bobs] and await held(blobs, bobs.blob_key)
    # Again (a redelivery), then a late application event about her: nothing comes back.
    await consumer.dispatch(deleted("alice"))
    late = EventEnvelope(type="application.created", producer="applications", user_id="alice",
                         data={"id": "app-9", "description": "late"})  # fmt: skip
    await consumer.dispatch(late)
    assert await store.application("app-9") is None


async def test_the_archive_holds_every_part_and_the_uploads(store: FileStore, blobs: BlobStore) -> None:
    exports = DataExports(store, blobs, clock=TickingClock(T0))
    file = await ready(store, stored("f1"))
    await put(blobs, file.blob_key, PDF)
    export = await exports.request("alice")
    assert export.status is ExportStatus.PENDING and export.domains == DOMAINS
    [requested] = [event for event in await store.outbox_events() if event.type == "export.requested"]
    assert requested.user_id == "alice" and requested.data == {
        "exportId": export.id,
        "domains": list(DOMAINS),
    }

    # A big part arrives in chunks, out of order and twice; the archive waits for every part.
    big = part_events(
        "applications", "alice", export.id, "applications", {"rows": ["x" * CHUNK_CHARACTERS] * 3}
    )
    assert len(big) > 3
    for part in reversed(big):
        await exports.part_arrived(part)
        await exports.part_arrived(part)
    assert (await exports.get("alice", export.id)).status is ExportStatus.PENDING
    await answer_every_part(exports, export.id)

    finished = await exports.get("alice", export.id)
    assert finished.status is ExportStatus.READY and finished.size
    async with blobs.local_copy(finished.blob_key) as path:
        assert path is not None
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            names = sorted(archive.namelist())
            contents = {name: archive.read(name) for name in names}
    assert names == sorted([f"{domain}.json" for domain in DOMAINS] + ["files.json", "files/f1/f1.pdf"])
    assert contents["files/f1/f1.pdf"] == PDF
    assert [row["id"] for row in orjson.loads(contents["files.json"])["files"]] == ["f1"]
    # Two publications of the applications part arrived, each complete: one of them is taken whole.
    assert len(orjson.loads(contents["applications.json"])["rows"]) in (1, 3)
    assert orjson.loads(contents["profile.json"])["rows"] == [{"owner": "alice", "domain": "profile"}]
    assert (await exports.download_url(finished, 60)) is not None
    with pytest.raises(NotFound):
        await exports.get("bob", export.id)


async def test_one_export_at_a_time_and_late_parts_fail_it_naming_them(
    store: FileStore, blobs: BlobStore
) -> None:
    clock = TickingClock(T0)
    exports = DataExports(store, blobs, clock=clock)
    first = await exports.request("alice")
    with pytest.raises(RateLimited):
        await exports.request("alice")
    await exports.request("bob")  # others are not held up
    for part in part_events("users", "alice", first.id, "profile", {"profile": []}):
        await exports.part_arrived(part)

    clock.now += EXPORT_TIMEOUT + timedelta(seconds=1)
    failed = await exports.get("alice", first.id)
    assert failed.status is ExportStatus.FAILED
    assert failed.missing == tuple(domain for domain in DOMAINS if domain != "profile")
    assert await exports.download_url(failed, 60) is None
    # A part arriving after the failure changes nothing, and a new export may start.
    await answer_every_part(exports, first.id)
    assert (await exports.get("alice", first.id)).status is ExportStatus.FAILED
    assert (await exports.request("alice")).status is ExportStatus.PENDING


async def test_concurrent_requests_start_one_export(store: FileStore, blobs: BlobStore) -> None:
    exports = DataExports(store, blobs, clock=TickingClock(T0))
    outcomes = await asyncio.gather(*(exports.request("alice") for _ in range(5)), return_exceptions=True)
    assert sum(not isinstance(outcome, BaseException) for outcome in outcomes) == 1
    assert all(isinstance(outcome, RateLimited) for outcome in outcomes if isinstance(outcome, BaseException))
    assert len(await store.exports_of("alice")) == 1
