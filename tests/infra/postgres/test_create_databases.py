"""infra/postgres/init/10-create-databases.sh against the real PostgreSQL: a role + database per subgraph."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres

PG = {"PGHOST": "127.0.0.1", "PGPORT": "5432", "POSTGRES_USER": "postgres", "POSTGRES_DB": "postgres"}


def psql(sql: str, *, user: str = "postgres", database: str = "postgres", password: str | None = None) -> str:
    environment = {**os.environ, "PGHOST": "127.0.0.1", "PGPORT": "5432"}
    if password is not None:
        environment["PGPASSWORD"] = password
    completed = subprocess.run(
        ["psql", "--no-psqlrc", "-tA", "-v", "ON_ERROR_STOP=1", "-U", user, "-d", database, "-c", sql],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
        env=environment,
    )
    return completed.stdout.strip()


@pytest.fixture
def subgraph_names() -> Iterator[list[str]]:
    if shutil.which("psql") is None:
        pytest.skip("psql is not installed")
    names = [f"infratest_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    yield names
    for name in names:
        psql(f'DROP DATABASE IF EXISTS "{name}"')
        psql(f'DROP ROLE IF EXISTS "{name}"')


def run_script(
    repo_root: Path, names: list[str], passwords: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **PG, "JOBGRAPH_SQL_SUBGRAPHS": " ".join(names)}
    environment.update({f"{name.upper()}_DB_PASSWORD": password for name, password in passwords.items()})
    return subprocess.run(
        ["bash", str(repo_root / "infra/postgres/init/10-create-databases.sh")],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


def test_creates_a_database_owned_by_each_subgraphs_role(repo_root: Path, subgraph_names: list[str]) -> None:
    passwords = {name: f"pw-{name}-'quoted'" for name in subgraph_names}
    completed = run_script(repo_root, subgraph_names, passwords)
    assert completed.returncode == 0, completed.stderr
    for name in subgraph_names:
        owner = psql(f"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '{name}'")
        assert owner == name
        assert psql("SELECT current_user", user=name, database=name, password=passwords[name]) == name


def test_other_roles_cannot_connect_to_a_subgraphs_database(
    repo_root: Path, subgraph_names: list[str]
) -> None:
    first, second = subgraph_names
    assert run_script(repo_root, subgraph_names, {first: "a", second: "b"}).returncode == 0
    assert psql(f"SELECT has_database_privilege('{second}', '{first}', 'CONNECT')") == "f"


def test_running_again_keeps_the_database_and_resets_the_password(
    repo_root: Path, subgraph_names: list[str]
) -> None:
    # The local server trusts loopback logins, so the reset shows as a changed stored verifier.
    name = subgraph_names[0]
    verifier = f"SELECT rolpassword FROM pg_authid WHERE rolname = '{name}'"
    assert run_script(repo_root, [name], {name: "first"}).returncode == 0
    first = psql(verifier)
    psql("CREATE TABLE kept (id int)", user=name, database=name)
    assert run_script(repo_root, [name], {name: "second"}).returncode == 0
    assert psql("SELECT count(*) FROM kept", user=name, database=name) == "0"
    assert psql(verifier) not in ("", first)


def test_a_missing_password_fails_before_creating_anything(
    repo_root: Path, subgraph_names: list[str]
) -> None:
    name = subgraph_names[0]
    completed = run_script(repo_root, [name], {})
    assert completed.returncode != 0
    assert f"{name.upper()}_DB_PASSWORD is not set" in completed.stderr
    assert psql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{name}'") == "0"
