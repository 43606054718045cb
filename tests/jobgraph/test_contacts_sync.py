"""`jobgraph applications sync-contacts`: contacts saved before applications consumed contact events link."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker

from jobgraph.cli import main
from jobgraph.contacts_sync import sync_contacts
from subgraphs.applications.events import record_application_event
from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.models import CreateApplication
from subgraphs.applications.service import ApplicationService
from subgraphs.contacts.app import build_store
from subgraphs.contacts.models import CreateContact
from subgraphs.contacts.service import ContactService
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.errors import NotFound
from subgraphs.kit.settings import SubgraphSettings


async def test_existing_contacts_become_linkable_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    environ = {"JOBGRAPH_DATA_DIR": str(tmp_path)}
    store = build_store(SubgraphSettings.from_env("contacts", environ))
    await store.start()
    try:
        contacts = ContactService(store)
        peter = await contacts.create("alice", CreateContact(name="Peter Gibbons"))
        await contacts.create("alice", CreateContact(name="Samir"))
        bills = await contacts.create("bob", CreateContact(name="Bill Lumbergh"))
    finally:
        await store.close()
    engine = create_engine(SubgraphSettings.from_env("applications", environ).database_url)
    try:
        await upgrade_to_head(engine, MIGRATIONS_DIR)
        service = ApplicationService(
            async_sessionmaker(engine, expire_on_commit=False), record_application_event
        )
        application = await service.create("alice", CreateApplication(company="Initech", position="Engineer"))
        with pytest.raises(NotFound):
            await service.timeline.link_contact("alice", application.id, peter.id)

        assert await sync_contacts(environ) == 3
        await service.timeline.link_contact("alice", application.id, peter.id)
        with pytest.raises(NotFound):
            await service.timeline.link_contact("alice", application.id, bills.id)
        [entries] = await service.timeline.entries("alice", [application.id])
        assert entries[-1].contact_name == "Peter Gibbons"

        assert await sync_contacts(environ) == 3
        assert await service.timeline.contacts_of("alice", [application.id]) == [[peter.id]]
    finally:
        await engine.dispose()


def test_the_command_syncs_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBGRAPH_DATA_DIR", str(tmp_path))
    assert main(["applications", "sync-contacts"]) == 0
