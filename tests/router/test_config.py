"""Router configuration: YAML, environment overrides on top, unknown keys and bad values rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from router.config import ConfigError, RouterConfig, SubgraphSettings, load_config
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
    assert config.subgraph("users") == SubgraphSettings(url="http://users:4001/graphql", timeout=1.5)
    # A subgraph without its own timeout gets the default one.
    assert config.subgraph("files") == SubgraphSettings(url=None, timeout=3)
    assert config.subgraph("unlisted") == SubgraphSettings(url=None, timeout=3)
    assert (config.dedupe_queries, config.cache_size, config.max_depth) == (False, 10, 8)
    assert (config.max_body_bytes, config.graphiql) == (5000, False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("listen: {host: a}\nlisten_port: 3\n", "unknown router config keys: listen_port"),
        ("listen: {hots: a}\n", "unknown keys under 'listen': hots"),
        ("subgraphs: {users: {url: x, retries: 3}}\n", "unknown keys under 'subgraphs.users': retries"),
        ("max_depth: deep\n", "'max_depth' must be an integer"),
        ("dedupe_queries: 1\n", "'dedupe_queries' must be true or false"),
        ("default_timeout: -1\n", "'default_timeout' must be positive"),
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
    assert config.subgraph("users") == SubgraphSettings(url="http://env/graphql", timeout=2)
    assert config.subgraph("search") == SubgraphSettings(url=None, timeout=0.5)


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
    assert config.subgraph("users") == SubgraphSettings(timeout=2, mutation_timeout=20)
    # Mutations default to the file's mutation timeout, queries to its default timeout.
    assert config.subgraph("files") == SubgraphSettings(timeout=3, mutation_timeout=40)
    assert config.subgraph("unlisted") == SubgraphSettings(timeout=3, mutation_timeout=40)
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
