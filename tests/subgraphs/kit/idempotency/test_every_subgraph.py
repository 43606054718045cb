"""Every subgraph with a mutation keeps idempotency keys: its app has the guard and its migrations build the
kit's `idempotency_keys` table exactly (SQLite and the real PostgreSQL)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from starlette.routing import Route

from jobgraph.catalog import available_subgraphs
from subgraphs.kit.app import SubgraphGraphQL
from subgraphs.kit.idempotency import idempotency_table
from tests.subgraphs.databases import SQL_BACKENDS, differences_from, migrated_engine
from tests.subgraphs.harness import subgraph_settings


def _has_mutations(package: str) -> bool:
    schema = importlib.import_module(f"{package}.schema").schema
    return schema.as_str().count("type Mutation") > 0


WITH_MUTATIONS = [entry for entry in available_subgraphs() if _has_mutations(entry.package)]


def _graphql_of(app: Any) -> SubgraphGraphQL[Any]:
    for route in app.routes:
        if isinstance(route, Route) and route.path == "/graphql":
            assert isinstance(route.app, SubgraphGraphQL)
            return route.app
    raise AssertionError("no /graphql route")


def test_the_subgraphs_with_mutations_are_known() -> None:
    # Analytics and search only answer queries (and consume events): nothing to repeat.
    assert sorted(entry.name for entry in WITH_MUTATIONS) == [
        "applications",
        "contacts",
        "files",
        "interviews",
        "notifications",
        "users",
    ]


@pytest.mark.parametrize("entry", WITH_MUTATIONS, ids=lambda entry: entry.name)
def test_the_app_guards_its_mutations(entry: Any, tmp_path: Path) -> None:
    app_module = importlib.import_module(f"{entry.package}.app")
    built = app_module.build_subgraph(subgraph_settings(entry.name, tmp_path))
    assert _graphql_of(built.app).idempotency is not None


@pytest.mark.parametrize("backend", SQL_BACKENDS)
@pytest.mark.parametrize("entry", WITH_MUTATIONS, ids=lambda entry: entry.name)
async def test_the_migrations_build_the_idempotency_table(entry: Any, backend: str, tmp_path: Path) -> None:
    migrations = importlib.import_module(f"{entry.package}.migrations").MIGRATIONS_DIR
    expected = sa.MetaData()
    idempotency_table(expected)
    async with migrated_engine(backend, entry.name, migrations, tmp_path) as engine:
        differences = await differences_from(engine, expected)
    # Compared with a metadata holding only the kit's table, every other table shows up as removed; a
    # missing or different idempotency table shows up as a difference naming it.
    assert [difference for difference in differences if "idempotency_keys" in repr(difference)] == []
