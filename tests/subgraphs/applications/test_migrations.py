"""The Alembic migrations build exactly the tables the code maps, on every backend, and 0003 starts every
existing application's timeline from what the database already knew."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.models import (
    ApplicationStatus,
    TimelineKind,
    applications_table,
    metadata,
    status_history_table,
)
from subgraphs.applications.timeline_store import SqlTimelineStore
from subgraphs.kit.db import upgrade_to_head
from tests.subgraphs.databases import differences_from, upgraded_again

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


async def test_migrated_database_matches_the_models(backend_engine: AsyncEngine) -> None:
    assert await differences_from(backend_engine, metadata) == []


async def test_upgrading_again_is_a_no_op(backend_engine: AsyncEngine) -> None:
    revision, head = await upgraded_again(backend_engine, MIGRATIONS_DIR)
    assert revision == head


def _migrate(connection: sa.Connection, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    getattr(command, action)(config, revision)


async def test_0002_fills_in_the_company_sort_key_of_existing_applications(
    backend_engine: AsyncEngine,
) -> None:
    async with backend_engine.begin() as connection:
        await connection.run_sync(_migrate, "downgrade", "0001")
        await connection.execute(
            sa.text(
                "INSERT INTO applications (id, owner_id, company, position, status, created_at, updated_at)"
                " VALUES ('a1', 'alice', 'Ärzte Straße', 'Dev', 'SAVED', :at, :at)"
            ),
            {"at": datetime(2031, 3, 10, 9, 0, tzinfo=UTC)},
        )
        await connection.run_sync(_migrate, "upgrade", "head")
        row = (await connection.execute(sa.text("SELECT company_key, tags FROM applications"))).one()
    assert tuple(row) == ("ärzte strasse", "")


async def downgrade_to(engine: AsyncEngine, revision: str) -> None:
    def downgrade(connection: sa.Connection) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(downgrade)


async def test_the_timeline_migration_backfills_created_and_status_changes(
    backend_engine: AsyncEngine,
) -> None:
    await downgrade_to(backend_engine, "0002")
    # Before 0003 the applications and their status history have the columns they have now.
    async with backend_engine.begin() as connection:
        for application_id, status in (("a1", "APPLIED"), ("a2", "SAVED")):
            await connection.execute(
                sa.insert(applications_table).values(
                    id=application_id,
                    owner_id="alice",
                    company="Acme",
                    position="Engineer",
                    status=status,
                    created_at=T0,
                    updated_at=T0,
                )
            )
        await connection.execute(
            sa.insert(status_history_table),
            [
                {"application_id": "a1", "status": "SAVED", "note": None, "changed_at": T0},
                {"application_id": "a1", "status": "APPLIED", "note": "sent", "changed_at": T0 + DAY},
                {"application_id": "a2", "status": "SAVED", "note": None, "changed_at": T0},
            ],
        )

    await upgrade_to_head(backend_engine, MIGRATIONS_DIR)

    async with async_sessionmaker(backend_engine).begin() as session:
        found = await SqlTimelineStore(session).entries("alice", ["a1", "a2"])
    assert [(entry.kind, entry.status, entry.note, entry.at) for entry in found["a1"]] == [
        (TimelineKind.CREATED, ApplicationStatus.SAVED, None, T0),
        (TimelineKind.STATUS_CHANGED, ApplicationStatus.APPLIED, "sent", T0 + DAY),
    ]
    assert [(entry.kind, entry.status) for entry in found["a2"]] == [
        (TimelineKind.CREATED, ApplicationStatus.SAVED)
    ]
