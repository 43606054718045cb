"""Database engines fail fast: connecting and every statement have deadlines (on the real PostgreSQL)."""

from __future__ import annotations

import asyncio
import socket

import pytest
import sqlalchemy as sa

from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.kit.db import create_engine, upgrade_to_head
from tests.subgraphs.databases import postgres_database


@pytest.mark.postgres
async def test_a_statement_that_runs_too_long_is_cancelled() -> None:
    async with postgres_database("kit_db") as url:
        engine = create_engine(url, statement_timeout=0.5)
        try:
            async with engine.connect() as connection:
                assert (await connection.execute(sa.text("SELECT 1"))).scalar_one() == 1
                with pytest.raises(TimeoutError):
                    await connection.execute(sa.text("SELECT pg_sleep(5)"))
        finally:
            await engine.dispose()


async def test_a_server_that_never_answers_fails_the_connection_in_time() -> None:
    # A listening socket that never speaks: the PostgreSQL handshake waits for an answer that never comes.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        engine = create_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/x", connect_timeout=0.5)
        try:
            # The outer deadline only turns a hang (no connect timeout) into a failure of this test.
            async with asyncio.timeout(30):
                with pytest.raises(TimeoutError):
                    async with engine.connect():
                        pass
        finally:
            await engine.dispose()


@pytest.mark.postgres
async def test_replicas_migrating_one_fresh_database_together_all_succeed() -> None:
    async with postgres_database("kit_db") as url:
        engines = [create_engine(url) for _ in range(3)]
        try:
            await asyncio.gather(*(upgrade_to_head(engine, MIGRATIONS_DIR) for engine in engines))
            async with engines[0].connect() as connection:
                tables = await connection.run_sync(lambda sync: sa.inspect(sync).get_table_names())
            assert {"applications", "application_status_history", "outbox", "alembic_version"} <= set(tables)
        finally:
            for engine in engines:
                await engine.dispose()
