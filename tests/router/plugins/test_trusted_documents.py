"""Trusted documents: ids from an Apollo or Hive manifest (hot-reloaded), over POST and GET; `only` mode
refuses everything else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import orjson
import pytest

from router.config import ConfigError, RouterConfig
from router.plugins.trusted_documents import TrustedDocumentsPlugin, parse_manifest
from tests.router.executor.subgraphs import recording_clients
from tests.router.plugins.harness import router_http

ME = "query Me { me { name } }"
TOP = "query Top { topProducts(first: 1) { name } }"
PREFLIGHT = {"apollo-require-preflight": "true"}


def apollo_manifest(path: Path, operations: dict[str, str]) -> Path:
    body = {
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [
            {"id": id_, "name": "x", "type": "query", "body": text} for id_, text in operations.items()
        ],
    }
    path.write_bytes(orjson.dumps(body))
    return path


def test_both_manifest_formats_load() -> None:
    apollo = {
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [{"id": "a", "body": ME}],
    }
    assert parse_manifest(orjson.dumps(apollo)) == {"a": ME}
    hive = {"web~1.2.0~abc": ME, "plain": TOP}
    assert parse_manifest(orjson.dumps(hive)) == {"web~1.2.0~abc": ME, "abc": ME, "plain": TOP}


@pytest.mark.parametrize(
    "raw", [b"not json", b"[]", b'{"a": 1}', b'{"format": "apollo-persisted-query-manifest"}']
)
def test_a_broken_manifest_is_a_configuration_error(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_bytes(raw)
    # A ConfigError: `python -m router` says what is wrong with the file and exits, no traceback.
    with pytest.raises(ConfigError, match="manifest"):
        TrustedDocumentsPlugin(path)


async def test_documents_run_by_id_in_the_body_over_get_and_as_an_apollo_hash(tmp_path: Path) -> None:
    top_hash = hashlib.sha256(TOP.encode()).hexdigest()
    path = apollo_manifest(tmp_path / "manifest.json", {"me-1": ME, top_hash: TOP})
    async with router_http(config=RouterConfig(trusted_documents=str(path))) as http:
        body = await http.post("/graphql", json={"documentId": "me-1"})
        get = await http.get("/graphql", params={"documentId": "me-1"}, headers=PREFLIGHT)
        apollo = await http.post(
            "/graphql", json={"extensions": {"persistedQuery": {"version": 1, "sha256Hash": top_hash}}}
        )
        freeform = await http.post("/graphql", json={"query": "{ me { name } }"})
    assert body.json() == get.json() == {"data": {"me": {"name": "Ada"}}}
    assert apollo.json() == {"data": {"topProducts": [{"name": "Table"}]}}
    assert freeform.json() == {"data": {"me": {"name": "Ada"}}}  # not enforced: other operations run


async def test_an_unknown_id_is_refused_before_any_subgraph(tmp_path: Path) -> None:
    path = apollo_manifest(tmp_path / "manifest.json", {"me-1": ME})
    clients = recording_clients()
    async with router_http(config=RouterConfig(trusted_documents=str(path)), clients=clients) as http:
        response = await http.post(
            "/graphql", json={"documentId": "nope"}, headers={"accept": "application/graphql-response+json"}
        )
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "message": "No persisted document with id 'nope'.",
                "extensions": {"code": "PERSISTED_QUERY_NOT_IN_LIST"},
            }
        ]
    }
    assert all(not client.requests for client in clients.values())


async def test_only_mode_refuses_every_other_operation(tmp_path: Path) -> None:
    path = tmp_path / "hive.json"
    path.write_bytes(orjson.dumps({"web~1~me": ME}))
    config = RouterConfig(trusted_documents=str(path), trusted_documents_only=True)
    async with router_http(config=config) as http:
        by_hive_hash = await http.post("/graphql", json={"documentId": "me"})
        same_text = await http.post("/graphql", json={"query": ME})
        other = await http.post("/graphql", json={"query": TOP})
        registering = await http.post(
            "/graphql",
            json={
                "query": TOP,
                "extensions": {
                    "persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(TOP.encode()).hexdigest()}
                },
            },
        )
    assert by_hive_hash.json() == same_text.json() == {"data": {"me": {"name": "Ada"}}}
    for refused in (other, registering):
        assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"


async def test_the_manifest_is_reloaded_when_it_changes_and_kept_when_broken(tmp_path: Path) -> None:
    path = apollo_manifest(tmp_path / "manifest.json", {"me-1": ME})
    plugin = TrustedDocumentsPlugin(path, check_interval=0)
    async with router_http(plugin, clients=recording_clients()) as http:
        assert (await http.post("/graphql", json={"documentId": "top-1"})).status_code == 400
        apollo_manifest(path, {"me-1": ME, "top-1": TOP})
        os.utime(path, ns=(1, 2_000_000_000_000_000_000))
        added = await http.post("/graphql", json={"documentId": "top-1"})
        path.write_text("{ broken")
        kept = await http.post("/graphql", json={"documentId": "top-1"})
    assert added.json() == kept.json() == {"data": {"topProducts": [{"name": "Table"}]}}
