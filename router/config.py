"""Router configuration: a YAML file plus environment overrides, unknown keys rejected, read once."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from router.limits import OperationLimits
from router.transport.multipart import MultipartLimits

_LIMITS = OperationLimits()
_UPLOADS = MultipartLimits()


class ConfigError(ValueError):
    """The configuration is invalid; the message names the offending key."""


@dataclass(frozen=True, slots=True)
class SubgraphSettings:
    """Per-subgraph overrides: where it is (instead of the supergraph's URL) and how long to wait for it."""

    url: str | None = None
    timeout: float = 10.0
    # Mutations get longer: a mutation that succeeded late must not read as failed (clients would retry it).
    mutation_timeout: float = 30.0


@dataclass(frozen=True, slots=True)
class RouterConfig:
    """Everything the router can be told. Example YAML:

    ```yaml
    listen: {host: 0.0.0.0, port: 4000}
    supergraph: {path: schema/supergraph.graphql, poll_interval: 10}
    subgraphs:
      users: {url: http://users:4001/graphql, timeout: 5, mutation_timeout: 20}
    dedupe_queries: true
    max_mutation_root_fields: 10
    ```
    """

    host: str = "127.0.0.1"
    port: int = 4000
    # File mode: the supergraph file to serve and watch.
    supergraph_path: str | None = None
    # Compose mode (no file): subgraph name → URL, introspected and composed at start-up and on every poll.
    compose_subgraphs: Mapping[str, str] = field(default_factory=dict)
    poll_interval: float = 10.0
    subgraphs: Mapping[str, SubgraphSettings] = field(default_factory=dict)
    default_timeout: float = 10.0
    default_mutation_timeout: float = 30.0
    dedupe_queries: bool = True
    cache_size: int = 1000
    max_depth: int = 32
    max_body_bytes: int = 1_000_000
    graphiql: bool = True
    # Operation limits (router/limits.py documents each).
    cache_bytes: int = _LIMITS.cache_bytes
    max_root_fields: int = _LIMITS.max_root_fields
    max_mutation_root_fields: int = _LIMITS.max_mutation_root_fields
    max_selections: int = _LIMITS.max_selections
    planning_timeout: float = _LIMITS.planning_timeout
    # Added to every subgraph request (`x-jobgraph-router-secret`): subgraphs answer only the router.
    router_secret: str | None = field(default=None, repr=False)
    # The built web app (web/dist: index.html, graphiql.html, assets/) served at `/`; GraphiQL's page too.
    web_dir: str | None = None
    # File uploads (GraphQL multipart requests): files per request and bytes per file.
    max_upload_files: int = _UPLOADS.max_files
    max_upload_file_bytes: int = _UPLOADS.max_file_bytes

    def subgraph(self, name: str) -> SubgraphSettings:
        return self.subgraphs.get(name) or SubgraphSettings(
            timeout=self.default_timeout, mutation_timeout=self.default_mutation_timeout
        )

    def limits(self) -> OperationLimits:
        """The limits every client operation is held to."""
        return OperationLimits(
            cache_size=self.cache_size,
            cache_bytes=self.cache_bytes,
            max_depth=self.max_depth,
            max_root_fields=self.max_root_fields,
            max_mutation_root_fields=self.max_mutation_root_fields,
            max_selections=self.max_selections,
            planning_timeout=self.planning_timeout,
        )

    def multipart_limits(self) -> MultipartLimits:
        """The limits every file upload request is held to."""
        return MultipartLimits(max_files=self.max_upload_files, max_file_bytes=self.max_upload_file_bytes)


_TOP_LEVEL = {
    "listen",
    "supergraph",
    "subgraphs",
    "compose",
    "dedupe_queries",
    "cache_size",
    "max_depth",
    "max_body_bytes",
    "graphiql",
    "default_timeout",
    "mutation_timeout",
    "cache_bytes",
    "max_root_fields",
    "max_mutation_root_fields",
    "max_selections",
    "planning_timeout",
    "max_upload_files",
    "max_upload_file_bytes",
}


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> RouterConfig:
    """Read `path` (YAML) if given, then apply the environment overrides (`JOBGRAPH_ROUTER_*`)."""
    environ = os.environ if environ is None else environ
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            loaded = yaml.safe_load(path.read_text()) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ConfigError(f"cannot read router config {path}: {error}") from error
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path}: the top level must be a mapping")
        raw = loaded
    unknown = set(raw) - _TOP_LEVEL
    if unknown:
        raise ConfigError(f"unknown router config keys: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    listen = _mapping(raw.get("listen"), "listen", {"host", "port"})
    if "host" in listen:
        values["host"] = str(listen["host"])
    if "port" in listen:
        values["port"] = _int(listen["port"], "listen.port")
    supergraph = _mapping(raw.get("supergraph"), "supergraph", {"path", "poll_interval"})
    if "path" in supergraph:
        values["supergraph_path"] = str(supergraph["path"])
    if "poll_interval" in supergraph:
        values["poll_interval"] = _float(supergraph["poll_interval"], "supergraph.poll_interval")
    compose = _mapping(raw.get("compose"), "compose", None)
    values["compose_subgraphs"] = {str(name): str(url) for name, url in compose.items()}
    default_timeout = _float(raw.get("default_timeout", 10.0), "default_timeout")
    values["default_timeout"] = default_timeout
    mutation_timeout = _float(raw.get("mutation_timeout", 30.0), "mutation_timeout")
    values["default_mutation_timeout"] = mutation_timeout
    subgraphs: dict[str, SubgraphSettings] = {}
    for name, settings in _mapping(raw.get("subgraphs"), "subgraphs", None).items():
        entry = _mapping(settings, f"subgraphs.{name}", {"url", "timeout", "mutation_timeout"})
        subgraphs[str(name)] = SubgraphSettings(
            url=str(entry["url"]) if "url" in entry else None,
            timeout=_float(entry.get("timeout", default_timeout), f"subgraphs.{name}.timeout"),
            mutation_timeout=_float(
                entry.get("mutation_timeout", mutation_timeout), f"subgraphs.{name}.mutation_timeout"
            ),
        )
    values["subgraphs"] = subgraphs
    for key in ("dedupe_queries", "graphiql"):
        if key in raw:
            values[key] = _bool(raw[key], key)
    for key in (
        "cache_size",
        "max_depth",
        "max_body_bytes",
        "cache_bytes",
        "max_root_fields",
        "max_mutation_root_fields",
        "max_selections",
        "max_upload_files",
        "max_upload_file_bytes",
    ):
        if key in raw:
            values[key] = _int(raw[key], key)
    if "planning_timeout" in raw:
        values["planning_timeout"] = _float(raw["planning_timeout"], "planning_timeout")
    _apply_environment(values, environ)
    known = {item.name for item in fields(RouterConfig)}
    return RouterConfig(**{key: value for key, value in values.items() if key in known})


def _apply_environment(values: dict[str, Any], environ: Mapping[str, str]) -> None:
    """`JOBGRAPH_ROUTER_<SETTING>` for every scalar setting (HOST, PORT, SUPERGRAPH, TIMEOUT, DEDUPE_QUERIES,
    CACHE_SIZE, MAX_DEPTH, MAX_BODY_BYTES, GRAPHIQL, MUTATION_TIMEOUT, CACHE_BYTES, MAX_ROOT_FIELDS,
    MAX_MUTATION_ROOT_FIELDS, MAX_SELECTIONS, PLANNING_TIMEOUT, WEB_DIR, MAX_UPLOAD_FILES,
    MAX_UPLOAD_FILE_BYTES); `JOBGRAPH_SUBGRAPH_<NAME>_URL` and
    `_TIMEOUT`."""
    for variable, key, convert in _ENVIRONMENT:
        if variable in environ:
            values[key] = convert(environ[variable], variable)
    subgraphs = dict(values.get("subgraphs", {}))
    prefix = "JOBGRAPH_SUBGRAPH_"
    for variable, value in sorted(environ.items()):
        if not variable.startswith(prefix):
            continue
        name, _, setting = variable[len(prefix) :].rpartition("_")
        if not name or setting not in ("URL", "TIMEOUT"):
            continue
        current = subgraphs.get(name.lower()) or SubgraphSettings(
            timeout=values.get("default_timeout", 10.0),
            mutation_timeout=values.get("default_mutation_timeout", 30.0),
        )
        if setting == "URL":
            subgraphs[name.lower()] = replace(current, url=value)
        else:
            subgraphs[name.lower()] = replace(current, timeout=_float(value, variable))
    values["subgraphs"] = subgraphs


def _str(value: str, key: str) -> str:
    return value


def _env_bool(value: str, key: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"'{key}' must be true or false, got {value!r}")


def _mapping(value: Any, key: str, allowed: set[str] | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a mapping")
    if allowed is not None:
        unknown = set(value) - allowed
        if unknown:
            raise ConfigError(f"unknown keys under '{key}': {', '.join(sorted(map(str, unknown)))}")
    return value


def _int(value: Any, key: str) -> int:
    if isinstance(value, bool):
        raise ConfigError(f"'{key}' must be an integer")
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"'{key}' must be an integer, got {value!r}") from error


def _float(value: Any, key: str) -> float:
    if isinstance(value, bool):
        raise ConfigError(f"'{key}' must be a number")
    try:
        result = float(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"'{key}' must be a number, got {value!r}") from error
    if result <= 0:
        raise ConfigError(f"'{key}' must be positive")
    return result


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"'{key}' must be true or false")
    return value


_ENVIRONMENT: tuple[tuple[str, str, Callable[[str, str], Any]], ...] = (
    ("JOBGRAPH_ROUTER_HOST", "host", _str),
    ("JOBGRAPH_ROUTER_SECRET", "router_secret", _str),
    ("JOBGRAPH_ROUTER_PORT", "port", _int),
    ("JOBGRAPH_ROUTER_SUPERGRAPH", "supergraph_path", _str),
    ("JOBGRAPH_ROUTER_TIMEOUT", "default_timeout", _float),
    ("JOBGRAPH_ROUTER_DEDUPE_QUERIES", "dedupe_queries", _env_bool),
    ("JOBGRAPH_ROUTER_CACHE_SIZE", "cache_size", _int),
    ("JOBGRAPH_ROUTER_MAX_DEPTH", "max_depth", _int),
    ("JOBGRAPH_ROUTER_MAX_BODY_BYTES", "max_body_bytes", _int),
    ("JOBGRAPH_ROUTER_GRAPHIQL", "graphiql", _env_bool),
    ("JOBGRAPH_ROUTER_MUTATION_TIMEOUT", "default_mutation_timeout", _float),
    ("JOBGRAPH_ROUTER_CACHE_BYTES", "cache_bytes", _int),
    ("JOBGRAPH_ROUTER_MAX_ROOT_FIELDS", "max_root_fields", _int),
    ("JOBGRAPH_ROUTER_MAX_MUTATION_ROOT_FIELDS", "max_mutation_root_fields", _int),
    ("JOBGRAPH_ROUTER_MAX_SELECTIONS", "max_selections", _int),
    ("JOBGRAPH_ROUTER_PLANNING_TIMEOUT", "planning_timeout", _float),
    ("JOBGRAPH_ROUTER_WEB_DIR", "web_dir", _str),
    ("JOBGRAPH_ROUTER_MAX_UPLOAD_FILES", "max_upload_files", _int),
    ("JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES", "max_upload_file_bytes", _int),
)
