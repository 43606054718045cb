"""infra/rabbitmq/definitions.json: the event topology of DESIGN.md "Events", imported by a real broker."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest

SUBGRAPHS = ("users", "applications", "interviews", "contacts")


@pytest.fixture(scope="module")
def definitions(repo_root: Path) -> dict[str, Any]:
    document = json.loads((repo_root / "infra/rabbitmq/definitions.json").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def by_name(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in items}


def test_declares_the_jobgraph_vhost_only(definitions: dict[str, Any]) -> None:
    assert [vhost["name"] for vhost in definitions["vhosts"]] == ["jobgraph"]
    for kind in ("exchanges", "queues", "bindings", "policies"):
        assert {item["vhost"] for item in definitions[kind]} == {"jobgraph"}


def test_holds_no_users_or_password_hashes(definitions: dict[str, Any]) -> None:
    # Users come from the environment (infra/rabbitmq/start.sh), never from a file in git.
    assert "users" not in definitions and "permissions" not in definitions


def test_events_go_through_a_durable_topic_exchange(definitions: dict[str, Any]) -> None:
    exchange = by_name(definitions["exchanges"])["jobgraph.events"]
    assert exchange["type"] == "topic" and exchange["durable"] and not exchange["auto_delete"]


def test_every_subgraph_has_a_durable_queue_and_dead_letter_queue(definitions: dict[str, Any]) -> None:
    queues = by_name(definitions["queues"])
    for subgraph in SUBGRAPHS:
        for name in (f"{subgraph}.events", f"{subgraph}.events.dlq"):
            assert queues[name]["durable"] and not queues[name]["auto_delete"], name


def test_a_policy_dead_letters_each_queue_into_its_own_dead_letter_queue(definitions: dict[str, Any]) -> None:
    exchanges = by_name(definitions["exchanges"])
    for subgraph in SUBGRAPHS:
        queue = f"{subgraph}.events"
        (policy,) = [p for p in definitions["policies"] if p["pattern"] == f"^{subgraph}\\.events$"]
        assert policy["apply-to"] == "queues"
        dlx = policy["definition"]["dead-letter-exchange"]
        routing_key = policy["definition"]["dead-letter-routing-key"]
        assert exchanges[dlx]["durable"]
        bound = {
            binding["destination"]
            for binding in definitions["bindings"]
            if binding["source"] == dlx and binding["routing_key"] == routing_key
        }
        assert bound == {f"{queue}.dlq"}


def rabbitmqctl(*arguments: str, stdin: str | None = None) -> str:
    completed = subprocess.run(
        ["rabbitmqctl", "--quiet", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return completed.stdout


@pytest.mark.rabbitmq
def test_the_local_rabbitmq_imports_the_definitions(definitions: dict[str, Any]) -> None:
    if shutil.which("rabbitmqctl") is None:
        pytest.skip("rabbitmqctl is not installed")
    # Import into a throw-away vhost so the shared server's own "jobgraph" vhost is never touched.
    vhost = f"infra-test-{uuid.uuid4().hex[:12]}"
    renamed = json.loads(json.dumps(definitions).replace('"vhost": "jobgraph"', f'"vhost": "{vhost}"'))
    renamed["vhosts"] = [{"name": vhost}]
    try:
        # Through stdin: the broker process, not this user, would read a file path (and cannot read tmp_path).
        rabbitmqctl("import_definitions", "--format", "json", stdin=json.dumps(renamed))
        queues = set(rabbitmqctl("list_queues", "--vhost", vhost, "--no-table-headers", "name").split())
        policies = rabbitmqctl("list_policies", "--vhost", vhost, "--no-table-headers")
    finally:
        subprocess.run(["rabbitmqctl", "--quiet", "delete_vhost", vhost], capture_output=True, timeout=60)
    assert queues == {q["name"] for q in definitions["queues"]}
    assert all(f"{subgraph}-events-dead-letter" in policies for subgraph in SUBGRAPHS)
