"""The MongoDB outbox on a MongoDB-wire server (secantusdb on loopback, or `MONGODB_URL`): events commit and
abort with the change's transaction, and the relay drains them in order, resuming after a failure."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from subgraphs.kit.events import EventEnvelope, MongoOutbox, OutboxRelay
from tests.subgraphs.kit.events.test_outbox import RecordingPublisher
from tests.subgraphs.mongo import mongodb_server


@pytest.fixture(scope="module")
def mongodb_url() -> Iterator[str]:
    with mongodb_server() as url:
        yield url


@pytest.fixture
async def database(mongodb_url: str) -> AsyncIterator[AsyncDatabase[dict[str, object]]]:
    """A fresh database (dropped afterwards) on a client with timeouts on every call."""
    mongo: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(
        mongodb_url, serverSelectionTimeoutMS=10_000, timeoutMS=10_000
    )
    name = f"events_{uuid.uuid4().hex[:10]}"
    try:
        yield mongo[name]
    finally:
        await mongo.drop_database(name)
        await mongo.close()


def _event(n: int) -> EventEnvelope:
    return EventEnvelope(type="contact.created", producer="contacts", user_id="u1", data={"n": n})


async def test_event_commits_and_aborts_with_the_change(database: AsyncDatabase[dict[str, object]]) -> None:
    client = database.client
    outbox = MongoOutbox(database["outbox"])
    await outbox.ensure_indexes()
    await database.create_collection("contacts")
    kept = _event(1)
    async with client.start_session() as session, await session.start_transaction():
        await database["contacts"].insert_one({"_id": "c1"}, session=session)
        await outbox.record(kept, session=session)
    with pytest.raises(RuntimeError):
        async with client.start_session() as session, await session.start_transaction():
            await database["contacts"].insert_one({"_id": "c2"}, session=session)
            await outbox.record(_event(2), session=session)
            raise RuntimeError("the use case failed after recording")
    assert await database["contacts"].count_documents({}) == 1
    documents = await database["outbox"].find({}).to_list()
    assert [document["_id"] for document in documents] == [kept.id]
    assert documents[0]["sent_at"] is None


async def test_relay_drains_in_order_and_resumes_after_a_failure(
    database: AsyncDatabase[dict[str, object]],
) -> None:
    outbox = MongoOutbox(database["outbox"])
    written = []
    for n in range(5):
        event = _event(n)
        await outbox.record(event, session=None)
        written.append(event)
        await asyncio.sleep(0.002)  # distinct created_at, so "oldest first" is the writing order
    broken = RecordingPublisher(fail_from=2)
    assert await OutboxRelay(outbox, broken, batch_size=2).publish_pending() == 2
    healthy = RecordingPublisher()
    assert await OutboxRelay(outbox, healthy, batch_size=2).publish_pending() == 3
    assert broken.published + healthy.published == written
    assert await database["outbox"].count_documents({"sent_at": None}) == 0
    failed = await database["outbox"].find_one({"_id": written[2].id})
    assert failed is not None
    assert failed["attempts"] == 2  # the failed try, then the publish
