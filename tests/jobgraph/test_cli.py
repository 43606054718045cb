"""The `jobgraph` command as people use it: `dev` (what `make run` runs) and `keys` for production."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from jobgraph.cli import main
from subgraphs.kit.auth import AUDIENCE, ISSUER, Identity, TokenVerifier
from subgraphs.kit.keys import load_or_create_signing_key
from subgraphs.kit.settings import SubgraphSettings
from tests.network import free_port, wait_until_up


def test_dev_serves_the_web_app_graphiql_and_the_api_then_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    # A web build's layout (the real one is served the same way in tests/web/).
    web = tmp_path / "web"
    web.mkdir()
    (web / "index.html").write_text('<!doctype html><div id="root"></div>')
    (web / "graphiql.html").write_text('<!doctype html><div id="graphiql"></div>')
    environ = {
        **os.environ,
        "JOBGRAPH_DATA_DIR": str(tmp_path / "data"),
        "JOBGRAPH_PORT": str(port),
        "JOBGRAPH_ROUTER_WEB_DIR": str(web),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "jobgraph", "dev"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process)
        page = httpx.get(f"http://127.0.0.1:{port}/graphql", headers={"accept": "text/html"}, timeout=10)
        assert page.status_code == 200 and '<div id="graphiql">' in page.text
        app = httpx.get(f"http://127.0.0.1:{port}/applications", headers={"accept": "text/html"}, timeout=10)
        assert app.status_code == 200 and '<div id="root">' in app.text
        answer = httpx.post(
            f"http://127.0.0.1:{port}/graphql", json={"query": "{ __typename }"}, timeout=10
        ).json()
        assert answer == {"data": {"__typename": "Query"}}
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert f"the web app at http://localhost:{port}/, GraphiQL at /graphql" in output
    # The embedded databases live where JOBGRAPH_DATA_DIR says.
    assert sorted(path.name for path in (tmp_path / "data").glob("*.sqlite3"))


def test_keys_prints_a_pair_that_signs_and_verifies_from_an_env_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys"]) == 0
    # As compose reads the lines from an env file: KEY="value", the PEM's line breaks written as \n.
    environ = {}
    for line in capsys.readouterr().out.splitlines():
        name, _, value = line.partition("=")
        environ[name] = value.strip('"')
    assert set(environ) == {"JOBGRAPH_JWT_PRIVATE_KEY", "JOBGRAPH_JWT_PUBLIC_KEY"}
    signing = load_or_create_signing_key(tmp_path, environ["JOBGRAPH_JWT_PRIVATE_KEY"])
    settings = SubgraphSettings.from_env("applications", environ)
    assert settings.jwt_public_key is not None
    token = signing.sign({"sub": "ada", "iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 60})
    headers = {"authorization": f"Bearer {token}"}
    assert TokenVerifier(key=settings.jwt_public_key).identity(headers) == Identity("ada")


@pytest.mark.parametrize("prefix", [[], ["--root", "."], ["--root=."]])
def test_router_takes_its_own_options_right_after_the_command(
    prefix: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As the image runs it (`jobgraph router --supergraph FILE`): the router itself reads the options, so a
    # missing file is the router's error (exit 1), not an argparse usage error (exit 2).
    assert main([*prefix, "router", "--supergraph", str(tmp_path / "missing.graphql")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_migrate_brings_every_sql_database_to_its_newest_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBGRAPH_DATA_DIR", str(tmp_path))
    assert main(["migrate"]) == 0
    for name, table in [("users", "failed_logins"), ("applications", "application_status_history"),
                        ("interviews", "processed_events"), ("contacts", "registered_emails")]:  # fmt: skip
        with sqlite3.connect(tmp_path / f"{name}.sqlite3") as database:
            tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {table, "alembic_version", "outbox"} <= tables, name
    # Running it again is a no-op, and an unknown name is refused.
    assert main(["migrate", "users"]) == 0
    assert main(["migrate", "nope"]) == 2
