"""The two configurations the whole system is tested in: embedded defaults, and PostgreSQL + RabbitMQ."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import pytest

from jobgraph.catalog import available_subgraphs
from tests.e2e.client import RouterClient, system_client
from tests.subgraphs.databases import postgres_database

RABBITMQ = "amqp://guest:guest@127.0.0.1:5672"


async def _rabbitmqctl(*args: str) -> None:
    # The management plugin is off on our machines; rabbitmqctl is what creates vhosts there.
    process = await asyncio.create_subprocess_exec(
        "rabbitmqctl", *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    if process.returncode != 0:
        raise RuntimeError(f"rabbitmqctl {' '.join(args)} failed: {output.decode(errors='replace')}")


@asynccontextmanager
async def rabbitmq_vhost() -> AsyncIterator[str]:
    """A new vhost on the real RabbitMQ that guest may use (its AMQP URL), deleted afterwards."""
    vhost = f"jobgraph-e2e-{uuid.uuid4().hex[:10]}"
    await _rabbitmqctl("add_vhost", vhost)
    try:
        await _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield f"{RABBITMQ}/{vhost}"
    finally:
        await _rabbitmqctl("delete_vhost", vhost)


@asynccontextmanager
async def production_environ() -> AsyncIterator[dict[str, str]]:
    """Environment for the production backends: a database per subgraph and a vhost of our own."""
    async with AsyncExitStack() as stack:
        environ = {"JOBGRAPH_RABBITMQ_URL": await stack.enter_async_context(rabbitmq_vhost())}
        for entry in available_subgraphs():
            url = await stack.enter_async_context(postgres_database(entry.name))
            environ[f"{entry.name.upper()}_DATABASE_URL"] = url
        yield environ


@pytest.fixture(
    params=["embedded", pytest.param("postgres+rabbitmq", marks=[pytest.mark.postgres, pytest.mark.rabbitmq])]
)
async def client(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[RouterClient]:
    """A client of the whole system, on the embedded defaults and then on PostgreSQL and RabbitMQ."""
    if request.param == "embedded":
        async with system_client(tmp_path) as client:
            yield client
        return
    async with production_environ() as environ, system_client(tmp_path, environ) as client:
        yield client
