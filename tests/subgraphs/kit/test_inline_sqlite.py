"""The embedded SQLite engine answers in the loop's thread: rows round-trip, and a writer waiting for another
connection's lock leaves the loop free, gets the lock when it is released and gives up at its timeout."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.db import create_engine

NOTES = sa.Table(
    "notes", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True), sa.Column("text", sa.Text)
)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    created = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'notes.sqlite3'}", statement_timeout=0.5)
    async with created.begin() as connection:
        await connection.run_sync(NOTES.metadata.create_all)
    yield created
    await created.dispose()


async def test_rows_round_trip_one_by_one_in_bulk_and_streamed(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(NOTES.insert().values(id=1, text="first"))
        await connection.execute(NOTES.insert(), [{"id": 2, "text": "second"}, {"id": 3, "text": "third"}])
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(NOTES).order_by(NOTES.c.id))).all()
        streamed = [
            row async for row in await connection.stream(sa.select(NOTES.c.text).order_by(NOTES.c.id))
        ]
        journal = (await connection.execute(sa.text("PRAGMA journal_mode"))).scalar_one()
    assert [tuple(row) for row in rows] == [(1, "first"), (2, "second"), (3, "third")]
    assert [row.text for row in streamed] == ["first", "second", "third"]
    assert journal == "wal"


async def test_a_rolled_back_transaction_leaves_nothing(engine: AsyncEngine) -> None:
    with pytest.raises(RuntimeError):
        async with engine.begin() as connection:
            await connection.execute(NOTES.insert().values(id=1, text="lost"))
            raise RuntimeError("the use case failed")
    async with engine.connect() as connection:
        assert (await connection.execute(sa.select(sa.func.count()).select_from(NOTES))).scalar_one() == 0


async def test_a_writer_waits_for_the_lock_without_blocking_the_loop(engine: AsyncEngine) -> None:
    holder_has_lock = asyncio.Event()
    release = asyncio.Event()
    ticks = 0

    async def holder() -> None:
        async with engine.begin() as connection:
            await connection.execute(NOTES.insert().values(id=1, text="holder"))
            holder_has_lock.set()
            await release.wait()

    async def waiter() -> None:
        await holder_has_lock.wait()
        async with engine.begin() as connection:
            await connection.execute(NOTES.insert().values(id=2, text="waiter"))

    async def clock() -> None:
        # Runs only while the loop is free: the waiter's lock wait must let it tick.
        nonlocal ticks
        await holder_has_lock.wait()
        while ticks < 20:
            await asyncio.sleep(0.005)
            ticks += 1
        release.set()

    await asyncio.gather(holder(), waiter(), clock())
    async with engine.connect() as connection:
        texts = (await connection.execute(sa.select(NOTES.c.text).order_by(NOTES.c.id))).scalars().all()
    assert ticks == 20
    assert texts == ["holder", "waiter"]


async def test_a_writer_gives_up_at_its_lock_timeout(engine: AsyncEngine) -> None:
    async with engine.begin() as holding:
        await holding.execute(NOTES.insert().values(id=1, text="holder"))
        async with engine.begin() as waiting:
            with pytest.raises(OperationalError, match="database is locked"):
                await waiting.execute(NOTES.insert().values(id=2, text="waiter"))


async def test_a_reader_that_can_no_longer_write_fails_without_waiting(tmp_path: Path) -> None:
    # WAL: a transaction that read before another one committed cannot become a writer (SQLITE_BUSY_SNAPSHOT);
    # waiting cannot help it, so it fails at once instead of at the (here long) lock timeout.
    patient = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'notes.sqlite3'}", statement_timeout=30)
    try:
        async with patient.begin() as connection:
            await connection.run_sync(NOTES.metadata.create_all)
        loop = asyncio.get_running_loop()
        async with patient.connect() as reader:
            # sqlite3 begins a transaction only before a write: this one begins before its read.
            await reader.execute(sa.text("BEGIN"))
            await reader.execute(sa.select(sa.func.count()).select_from(NOTES))
            async with patient.begin() as writer:
                await writer.execute(NOTES.insert().values(id=1, text="writer"))
            began = loop.time()
            with pytest.raises(OperationalError) as refused:
                await reader.execute(NOTES.insert().values(id=2, text="reader"))
            waited = loop.time() - began
    finally:
        await patient.dispose()
    assert getattr(refused.value.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY_SNAPSHOT
    assert waited < 15, "refused at once, not after the lock timeout"
