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
    cors: {origins: ["https://app.jobgraph.example"], max_age: 600}
    csrf: {enabled: true, required_headers: [apollo-require-preflight]}
    security_headers: {enabled: true, hsts: true}
    jwt: {jwks_url: http://users:4001/.well-known/jwks.json, issuer: jobgraph-users, audience: jobgraph}
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
    # Browser-facing protections (router/plugins/csrf.py, router/transport/security_headers.py).
    # Origins allowed to call the router cross-site; empty means the embedded default: any localhost port.
    cors_origins: tuple[str, ...] = ()
    # How long a browser may cache a preflight's answer, in seconds.
    cors_max_age: int = 600
    csrf_prevention: bool = True
    csrf_required_headers: tuple[str, ...] = ("x-apollo-operation-name", "apollo-require-preflight")
    security_headers: bool = True
    # The correlation-id plugin (router/plugins/request_id.py); off only to measure the plugins' cost.
    request_id: bool = True
    # Persisted operations: automatic persisted queries (router/plugins/persisted_queries.py) and trusted
    # documents from a manifest file (router/plugins/trusted_documents.py); `trusted_documents_only` refuses
    # every other operation (and turns automatic persisted queries off).
    apq: bool = True
    apq_max_entries: int = 10_000
    trusted_documents: str | None = None
    trusted_documents_only: bool = False
    # Strict-Transport-Security: only when the router is reached over TLS.
    hsts: bool = False
    # Access tokens verified at the router (router/plugins/authentication.py) when a key source is given:
    # a JWKS URL (production: the users subgraph's /.well-known/jwks.json) or a PEM / JWKS file.
    jwks_url: str | None = None
    jwt_key_file: str | None = None
    jwt_issuer: str | None = "jobgraph-users"
    jwt_audience: str | None = "jobgraph"
    jwt_algorithms: tuple[str, ...] = ("EdDSA", "RS256", "ES256")
    # Seconds of clock difference tolerated on `exp`, `nbf` and `iat`.
    jwt_leeway: float = 30.0
    # The longest a request waits for the JWKS endpoint; cached keys are used past it.
    jwks_timeout: float = 2.0
    # How long fetched keys are fresh; a stale set is refreshed in the background.
    jwks_max_age: float = 300.0
    # Where partner API tokens (`jgp_...`) are exchanged for access tokens (router/plugins/api_tokens.py):
    # the users subgraph's /api-tokens/exchange. Without it, an API token is refused as malformed.
    api_token_exchange_url: str | None = None
    # Rate limits (router/plugins/rate_limit.py): per client (token subject, else address) and overall.
    rate_limit: bool = True
    client_rate: float = 100.0
    client_burst: int = 200
    # 0 turns the router-wide limit off.
    global_rate: float = 2000.0
    global_burst: int = 4000
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
    "cors",
    "csrf",
    "security_headers",
    "jwt",
    "rate_limit",
    "request_id",
    "persisted_queries",
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
    for key in ("dedupe_queries", "graphiql", "request_id"):
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
    cors = _mapping(raw.get("cors"), "cors", {"origins", "max_age"})
    if "origins" in cors:
        values["cors_origins"] = _strings(cors["origins"], "cors.origins")
    if "max_age" in cors:
        values["cors_max_age"] = _int(cors["max_age"], "cors.max_age")
    csrf = _mapping(raw.get("csrf"), "csrf", {"enabled", "required_headers"})
    if "enabled" in csrf:
        values["csrf_prevention"] = _bool(csrf["enabled"], "csrf.enabled")
    if "required_headers" in csrf:
        values["csrf_required_headers"] = _strings(csrf["required_headers"], "csrf.required_headers")
    security = _mapping(raw.get("security_headers"), "security_headers", {"enabled", "hsts"})
    if "enabled" in security:
        values["security_headers"] = _bool(security["enabled"], "security_headers.enabled")
    if "hsts" in security:
        values["hsts"] = _bool(security["hsts"], "security_headers.hsts")
    token = _mapping(
        raw.get("jwt"),
        "jwt",
        {
            "jwks_url",
            "key_file",
            "issuer",
            "audience",
            "algorithms",
            "leeway",
            "jwks_timeout",
            "jwks_max_age",
            "api_token_exchange_url",
        },
    )
    for key, setting in (
        ("jwks_url", "jwks_url"),
        ("key_file", "jwt_key_file"),
        ("api_token_exchange_url", "api_token_exchange_url"),
    ):
        if key in token:
            values[setting] = str(token[key])
    for key in ("issuer", "audience"):
        if key in token:
            # null turns the check off (tokens of an issuer that sets no such claim).
            values[f"jwt_{key}"] = None if token[key] is None else str(token[key])
    if "algorithms" in token:
        values["jwt_algorithms"] = _strings(token["algorithms"], "jwt.algorithms")
    for key, setting in (
        ("leeway", "jwt_leeway"),
        ("jwks_timeout", "jwks_timeout"),
        ("jwks_max_age", "jwks_max_age"),
    ):
        if key in token:
            values[setting] = _float(token[key], f"jwt.{key}")
    limits = _mapping(
        raw.get("rate_limit"),
        "rate_limit",
        {"enabled", "client_rate", "client_burst", "global_rate", "global_burst"},
    )
    if "enabled" in limits:
        values["rate_limit"] = _bool(limits["enabled"], "rate_limit.enabled")
    for key in ("client_rate", "global_rate"):
        if key in limits:
            values[key] = _float(limits[key], f"rate_limit.{key}") if limits[key] != 0 else 0.0
    for key in ("client_burst", "global_burst"):
        if key in limits:
            values[key] = _int(limits[key], f"rate_limit.{key}")
    persisted = _mapping(
        raw.get("persisted_queries"), "persisted_queries", {"apq", "apq_max_entries", "manifest", "only"}
    )
    if "apq" in persisted:
        values["apq"] = _bool(persisted["apq"], "persisted_queries.apq")
    if "apq_max_entries" in persisted:
        values["apq_max_entries"] = _int(persisted["apq_max_entries"], "persisted_queries.apq_max_entries")
    if "manifest" in persisted:
        values["trusted_documents"] = str(persisted["manifest"])
    if "only" in persisted:
        values["trusted_documents_only"] = _bool(persisted["only"], "persisted_queries.only")
    _apply_environment(values, environ)
    known = {item.name for item in fields(RouterConfig)}
    return RouterConfig(**{key: value for key, value in values.items() if key in known})


def _apply_environment(values: dict[str, Any], environ: Mapping[str, str]) -> None:
    """`JOBGRAPH_ROUTER_<SETTING>` for every scalar setting (HOST, PORT, SUPERGRAPH, TIMEOUT, DEDUPE_QUERIES,
    CACHE_SIZE, MAX_DEPTH, MAX_BODY_BYTES, GRAPHIQL, MUTATION_TIMEOUT, CACHE_BYTES, MAX_ROOT_FIELDS,
    MAX_MUTATION_ROOT_FIELDS, MAX_SELECTIONS, PLANNING_TIMEOUT, WEB_DIR, MAX_UPLOAD_FILES,
    MAX_UPLOAD_FILE_BYTES, CORS_ORIGINS (comma-separated), CSRF_PREVENTION, HSTS, JWKS_URL, JWT_KEY_FILE,
    JWT_ISSUER, JWT_AUDIENCE, RATE_LIMIT, CLIENT_RATE, CLIENT_BURST, TRUSTED_DOCUMENTS,
    TRUSTED_DOCUMENTS_ONLY);
    `JOBGRAPH_SUBGRAPH_<NAME>_URL` and `_TIMEOUT`."""
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


def _env_list(value: str, key: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"'{key}' must be a list of strings")
    return tuple(value)


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
    ("JOBGRAPH_ROUTER_CORS_ORIGINS", "cors_origins", _env_list),
    ("JOBGRAPH_ROUTER_CSRF_PREVENTION", "csrf_prevention", _env_bool),
    ("JOBGRAPH_ROUTER_HSTS", "hsts", _env_bool),
    ("JOBGRAPH_ROUTER_JWKS_URL", "jwks_url", _str),
    ("JOBGRAPH_ROUTER_JWT_KEY_FILE", "jwt_key_file", _str),
    ("JOBGRAPH_ROUTER_JWT_ISSUER", "jwt_issuer", _str),
    ("JOBGRAPH_ROUTER_JWT_AUDIENCE", "jwt_audience", _str),
    ("JOBGRAPH_ROUTER_API_TOKEN_EXCHANGE_URL", "api_token_exchange_url", _str),
    ("JOBGRAPH_ROUTER_RATE_LIMIT", "rate_limit", _env_bool),
    ("JOBGRAPH_ROUTER_CLIENT_RATE", "client_rate", _float),
    ("JOBGRAPH_ROUTER_CLIENT_BURST", "client_burst", _int),
    ("JOBGRAPH_ROUTER_TRUSTED_DOCUMENTS", "trusted_documents", _str),
    ("JOBGRAPH_ROUTER_TRUSTED_DOCUMENTS_ONLY", "trusted_documents_only", _env_bool),
    ("JOBGRAPH_ROUTER_MAX_UPLOAD_FILES", "max_upload_files", _int),
    ("JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES", "max_upload_file_bytes", _int),
)
