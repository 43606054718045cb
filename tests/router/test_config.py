"""Router configuration: YAML, the environment over it, unknown keys and bad values rejected with the key
named, secrets never printed, the JSON schema of the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from router.config import (
    ConfigError,
    RouterConfig,
    SubgraphEndpoint,
    config_dump,
    config_schema,
    load_config,
)
from router.limits import OperationLimits
from router.transport.multipart import MultipartLimits


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "router.yaml"
    path.write_text(text)
    return path


def test_defaults_need_no_file_and_no_environment() -> None:
    assert load_config(None, {}) == RouterConfig()


def test_yaml_sets_every_section(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
listen: {host: 0.0.0.0, port: 4100}
supergraph: {path: schema/supergraph.graphql, poll_interval: 2}
default_timeout: 3
subgraphs:
  users: {url: "http://users:4001/graphql", timeout: 1.5}
  files: {}
dedupe_queries: false
cache_size: 10
max_depth: 8
max_body_bytes: 5000
graphiql: false
""",
    )
    config = load_config(path, {})
    assert (config.host, config.port, config.supergraph_path) == (
        "0.0.0.0",
        4100,
        "schema/supergraph.graphql",
    )
    assert config.poll_interval == 2
    assert config.subgraph("users") == SubgraphEndpoint("http://users:4001/graphql", 1.5, 30)
    # A subgraph without its own timeout gets the default one.
    assert config.subgraph("files") == SubgraphEndpoint(None, 3, 30)
    assert config.subgraph("unlisted") == SubgraphEndpoint(None, 3, 30)
    assert (config.dedupe_queries, config.cache_size, config.max_depth) == (False, 10, 8)
    assert (config.max_body_bytes, config.graphiql) == (5000, False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("listen: {host: a}\nlisten_port: 3\n", "unknown router config key 'listen_port'"),
        ("listen: {hots: a}\n", "unknown router config key 'listen.hots'"),
        ("subgraphs: {users: {url: x, retries: 3}}\n", "'subgraphs.users.retries': Extra inputs are not"),
        ("max_depth: deep\n", "'max_depth': Input should be a valid integer"),
        ("dedupe_queries: 1\n", "'dedupe_queries': Input should be a valid boolean"),
        ("default_timeout: -1\n", "'default_timeout': Input should be greater than 0"),
        ("listen: {port: '4100'}\n", "'listen.port': Input should be a valid integer"),
        ("cors: {origins: 3}\n", "'cors.origins': Input should be a valid"),
        ("headers: {all: [{propagate: {named: a, matching: b}}]}\n", "'headers.all.0.propagate'"),
        ("headers: {all: [{insert: {name: a}}]}\n", "give exactly one of value, from_header, from_claim"),
        ("headers: {all: [{rewrite: {named: a}}]}\n", "'headers.all.0.rewrite': Extra inputs"),
        ("- a list\n", "the top level must be a mapping"),
    ],
)
def test_invalid_files_are_rejected_with_the_key_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text), {})


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path, "listen: {port: 4100}\nsubgraphs: {users: {url: http://file/graphql, timeout: 2}}\n"
    )
    config = load_config(
        path,
        {
            "JOBGRAPH_ROUTER_PORT": "4200",
            "JOBGRAPH_ROUTER_DEDUPE_QUERIES": "false",
            "JOBGRAPH_ROUTER_MAX_DEPTH": "5",
            "JOBGRAPH_ROUTER_CACHE_SIZE": "7",
            "JOBGRAPH_SUBGRAPH_USERS_URL": "http://env/graphql",
            "JOBGRAPH_SUBGRAPH_SEARCH_TIMEOUT": "0.5",
            "UNRELATED": "x",
        },
    )
    assert config.port == 4200
    assert (config.dedupe_queries, config.max_depth, config.cache_size) == (False, 5, 7)
    # The URL changes, the file's timeout stays.
    assert config.subgraph("users") == SubgraphEndpoint("http://env/graphql", 2, 30)
    assert config.subgraph("search") == SubgraphEndpoint(None, 0.5, 30)


def test_bad_environment_values_are_rejected() -> None:
    with pytest.raises(ConfigError, match="JOBGRAPH_ROUTER_DEDUPE_QUERIES"):
        load_config(None, {"JOBGRAPH_ROUTER_DEDUPE_QUERIES": "maybe"})
    with pytest.raises(ConfigError, match="JOBGRAPH_ROUTER_PORT"):
        load_config(None, {"JOBGRAPH_ROUTER_PORT": "http"})


def test_operation_limits_and_mutation_timeouts_come_from_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
default_timeout: 3
mutation_timeout: 40
subgraphs:
  users: {timeout: 2, mutation_timeout: 20}
  files: {}
cache_bytes: 1000000
max_root_fields: 20
max_mutation_root_fields: 4
max_selections: 900
planning_timeout: 0.5
""",
    )
    config = load_config(path, {})
    assert config.subgraph("users") == SubgraphEndpoint(None, timeout=2, mutation_timeout=20)
    # Mutations default to the file's mutation timeout, queries to its default timeout.
    assert config.subgraph("files") == SubgraphEndpoint(None, timeout=3, mutation_timeout=40)
    assert config.subgraph("unlisted") == SubgraphEndpoint(None, timeout=3, mutation_timeout=40)
    limits = config.limits()
    assert (limits.cache_bytes, limits.max_root_fields, limits.max_mutation_root_fields) == (1_000_000, 20, 4)
    assert (limits.max_selections, limits.planning_timeout) == (900, 0.5)
    assert limits.root_field_limit("mutation") == ("max_mutation_root_fields", 4)
    assert limits.root_field_limit("query") == ("max_root_fields", 20)


def test_operation_limits_have_environment_overrides() -> None:
    config = load_config(
        None,
        {
            "JOBGRAPH_ROUTER_MUTATION_TIMEOUT": "45",
            "JOBGRAPH_ROUTER_CACHE_BYTES": "2000000",
            "JOBGRAPH_ROUTER_MAX_ROOT_FIELDS": "30",
            "JOBGRAPH_ROUTER_MAX_MUTATION_ROOT_FIELDS": "3",
            "JOBGRAPH_ROUTER_MAX_SELECTIONS": "1000",
            "JOBGRAPH_ROUTER_PLANNING_TIMEOUT": "1.5",
        },
    )
    assert config.subgraph("users").mutation_timeout == 45
    assert config.limits() == OperationLimits(
        cache_bytes=2_000_000,
        max_root_fields=30,
        max_mutation_root_fields=3,
        max_selections=1000,
        planning_timeout=1.5,
    )


def test_the_default_limits_are_safe() -> None:
    limits = RouterConfig().limits()
    # Issue 9: ten aliased `register` calls at most, and a cache that cannot grow the router past its pod.
    assert limits.max_mutation_root_fields == 10
    assert limits.cache_bytes == 64 * 1024 * 1024
    assert RouterConfig().subgraph("users").mutation_timeout > RouterConfig().subgraph("users").timeout


def test_upload_limits_come_from_the_file_and_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "max_upload_files: 2\nmax_upload_file_bytes: 1048576\n")
    assert load_config(path, {}).multipart_limits() == MultipartLimits(max_files=2, max_file_bytes=1_048_576)
    environ = {"JOBGRAPH_ROUTER_MAX_UPLOAD_FILES": "3", "JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES": "2048"}
    assert load_config(path, environ).multipart_limits() == MultipartLimits(max_files=3, max_file_bytes=2048)
    # The defaults: five files of at most 10 MB (the files subgraph's own limit).
    assert RouterConfig().multipart_limits() == MultipartLimits()
    with pytest.raises(ConfigError, match="max_upload_files"):
        load_config(write(tmp_path, "max_upload_files: many\n"), {})


def test_a_file_subgraph_and_an_environment_subgraph_get_the_same_default_timeout(tmp_path: Path) -> None:
    # The old parser baked the file's default into file entries before the environment changed it.
    path = write(tmp_path, "default_timeout: 3\nsubgraphs: {users: {url: http://users/graphql}}\n")
    environ = {"JOBGRAPH_ROUTER_TIMEOUT": "4", "JOBGRAPH_SUBGRAPH_SEARCH_URL": "http://search/graphql"}
    config = load_config(path, environ)
    assert config.subgraph("users") == SubgraphEndpoint("http://users/graphql", 4, 30)
    assert config.subgraph("search") == SubgraphEndpoint("http://search/graphql", 4, 30)


def test_the_environment_wins_over_the_file_which_wins_over_the_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "max_depth: 9\nmax_aliases: 5\ncors: {origins: [https://file.example]}\n")
    environ = {
        "JOBGRAPH_ROUTER_MAX_DEPTH": "7",
        "JOBGRAPH_ROUTER_CORS_ORIGINS": "https://a.example, https://b",
    }
    config = load_config(path, environ)
    assert (config.max_depth, config.max_aliases, config.max_directives) == (
        7,
        5,
        RouterConfig().max_directives,
    )
    assert config.cors_origins == ("https://a.example", "https://b")


def test_bad_subgraph_environment_values_name_the_variable() -> None:
    with pytest.raises(ConfigError, match="JOBGRAPH_SUBGRAPH_SEARCH_TIMEOUT"):
        load_config(None, {"JOBGRAPH_SUBGRAPH_SEARCH_TIMEOUT": "soon"})


def test_secrets_are_never_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(None, {"JOBGRAPH_ROUTER_SECRET": "hunter2-router"})
    assert config.secret() == "hunter2-router"
    assert "hunter2" not in repr(config) and "hunter2" not in str(config)
    assert "hunter2" not in config_dump(config)
    assert "JOBGRAPH_ROUTER_SECRET: '**********'" in config_dump(config)
    from router.__main__ import main

    assert main(["config"]) == 0
    assert "hunter2" not in capsys.readouterr().out


def test_the_config_schema_describes_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    from router.__main__ import main

    assert main(["config-schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == config_schema()
    assert printed["additionalProperties"] is False
    port = printed["properties"]["listen"]["properties"]["port"]
    assert port["default"] == 4000 and "JOBGRAPH_ROUTER_PORT" in port["description"]
    assert printed["properties"]["headers"]["$ref"] == "#/$defs/HeaderRules"
    # Settings only the environment sets are not keys of the file.
    assert "router_secret" not in json.dumps(printed["properties"])


def test_header_rules_are_read_from_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
headers:
  all:
    - propagate: {named: x-tenant, rename: x-jobgraph-tenant}
  subgraphs:
    search:
      - insert: {name: x-user, from_claim: sub}
      - remove: {matching: "x-debug-.*"}
""",
    )
    rules = load_config(path, {}).header_rules
    assert rules.all[0].propagate is not None and rules.all[0].propagate.rename == "x-jobgraph-tenant"
    [insert, remove] = rules.subgraphs["search"]
    assert insert.insert is not None and insert.insert.from_claim == "sub"
    assert remove.remove is not None and remove.remove.matching == "x-debug-.*"
