"""Router configuration: one typed pydantic-settings model for the YAML file and the environment.

Precedence, setting by setting: the environment (`JOBGRAPH_ROUTER_*`, `JOBGRAPH_SUBGRAPH_<NAME>_*`) over the
YAML file over the defaults below; a subgraph's entry merges key by key (an environment URL keeps the file's
timeout). Every setting declares its file key and environment variable next to its type and default, so
`load_config`, `config_schema` (`jobgraph router config-schema`) and the README's reference read one table.
Unknown keys and bad values are refused with the key (or variable) named; secrets are `SecretStr`, so no
repr, log line or `config_dump` shows them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    PositiveInt,
    SecretStr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from router.cost import DemandControl
from router.limits import OperationLimits
from router.transport.multipart import MultipartLimits

_LIMITS = OperationLimits()
_UPLOADS = MultipartLimits()
_DEMAND = DemandControl()
# Subgraph settings from the environment: JOBGRAPH_SUBGRAPH_<NAME>_URL and JOBGRAPH_SUBGRAPH_<NAME>_TIMEOUT.
_SUBGRAPH_VARIABLE = re.compile(r"JOBGRAPH_SUBGRAPH_(?P<name>[A-Z0-9_]+)_(?P<setting>URL|TIMEOUT)")


class ConfigError(ValueError):
    """The configuration is invalid; the message names the offending key or environment variable."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _exactly_one(model: BaseModel, *names: str) -> None:
    given = [name for name in names if getattr(model, name) is not None]
    if len(given) != 1:
        raise ValueError(f"give exactly one of {', '.join(names)} (got {', '.join(given) or 'none'})")


class SubgraphSettings(_Strict):
    """One subgraph's entry (`subgraphs.<name>`): where it is (instead of the supergraph's URL) and how long
    to wait for it; a timeout left out is the router-wide one (`default_timeout`, `mutation_timeout`)."""

    url: str | None = None
    timeout: PositiveFloat | None = None
    mutation_timeout: PositiveFloat | None = None


@dataclass(frozen=True, slots=True)
class SubgraphEndpoint:
    """A subgraph's settings with the router-wide defaults filled in."""

    url: str | None
    timeout: float
    # Mutations get longer: a mutation that succeeded late must not read as failed (clients would retry it).
    mutation_timeout: float


class Propagate(_Strict):
    """Copy client headers to the subgraph: one `named` (optionally `rename`d, with a `default` when the
    client sent none) or every header `matching` a regular expression (whole name, case-insensitive)."""

    named: str | None = None
    matching: str | None = None
    rename: str | None = None
    default: str | None = None

    @field_validator("matching")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"not a regular expression: {error}") from error
        return value

    @model_validator(mode="after")
    def _one_source(self) -> Propagate:
        _exactly_one(self, "named", "matching")
        if self.matching is not None and (self.rename or self.default):
            raise ValueError("rename and default apply to a header propagated by name")
        return self


class Insert(_Strict):
    """Set header `name` to a static `value`, to the client's header `from_header`, or to the verified
    token's claim `from_claim` (nothing is sent when the client sent no such header or claim)."""

    name: str
    value: str | None = None
    from_header: str | None = None
    from_claim: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Insert:
        _exactly_one(self, "value", "from_header", "from_claim")
        return self


class Remove(_Strict):
    """Drop a header (`named`, or every one `matching`) that earlier rules or the defaults would send."""

    named: str | None = None
    matching: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Remove:
        _exactly_one(self, "named", "matching")
        return self


class HeaderRule(_Strict):
    """One rule: exactly one of `propagate`, `insert`, `remove` (rules apply in order)."""

    propagate: Propagate | None = None
    insert: Insert | None = None
    remove: Remove | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> HeaderRule:
        _exactly_one(self, "propagate", "insert", "remove")
        return self


class HeaderRules(_Strict):
    """Request header rules for every subgraph (`all`), then per subgraph (`subgraphs.<name>`), applied after
    the default forwarded headers (router/headers.py)."""

    all: tuple[HeaderRule, ...] = ()
    subgraphs: dict[str, tuple[HeaderRule, ...]] = Field(default_factory=dict)


class DemandControlSettings(_Strict):
    """Demand control (router/cost.py): `enforce` refuses an operation whose estimated cost is above
    `max_cost` (COST_ESTIMATED_TOO_EXPENSIVE) before any subgraph call; `measure` never refuses and reports
    `extensions.cost` ({estimated, actual, max}) on every response, as `report: true` does when enforcing."""

    enabled: bool = True
    mode: Literal["enforce", "measure"] = "enforce"
    max_cost: PositiveInt = _DEMAND.max_cost
    list_size: NonNegativeInt = _DEMAND.list_size
    report: bool = False

    def resolved(self) -> DemandControl:
        return DemandControl(self.enabled, self.mode, self.max_cost, self.list_size, self.report)


def _setting(default: Any, file: str | None, env: str | None, description: str, **checks: Any) -> Any:
    """A setting's default, constraints and where it is read from (its YAML key, its variable)."""
    return Field(default, description=description, json_schema_extra={"file": file, "env": env}, **checks)


_Names = Annotated[tuple[str, ...], Field()]


class RouterConfig(BaseSettings):
    """Everything the router can be told. Example YAML (every key: `config_schema`, README "Configuration"):

    ```yaml
    listen: {host: 0.0.0.0, port: 4000}
    supergraph: {path: schema/supergraph.graphql, poll_interval: 10}
    subgraphs:
      users: {url: http://users:4001/graphql, timeout: 5, mutation_timeout: 20}
    headers:
      all: [{propagate: {named: x-tenant}}]
    cors: {origins: ["https://app.jobgraph.example"], max_age: 600}
    jwt: {jwks_url: http://users:4001/.well-known/jwks.json, issuer: jobgraph-users, audience: jobgraph}
    ```

    Built directly (`RouterConfig(max_depth=3)`) it is the defaults plus the arguments: only `load_config`
    reads the file and the environment.
    """

    model_config = SettingsConfigDict(frozen=True, extra="forbid")

    host: str = _setting("127.0.0.1", "listen.host", "JOBGRAPH_ROUTER_HOST", "address the router listens on")
    port: int = _setting(
        4000, "listen.port", "JOBGRAPH_ROUTER_PORT", "port the router listens on", ge=0, le=65535
    )
    supergraph_path: str | None = _setting(
        None,
        "supergraph.path",
        "JOBGRAPH_ROUTER_SUPERGRAPH",
        "file mode: the supergraph file served and watched",
    )
    poll_interval: PositiveFloat = _setting(
        10.0, "supergraph.poll_interval", None, "seconds between checks of the supergraph file or subgraphs"
    )
    compose_subgraphs: dict[str, str] = _setting(
        {}, "compose", None, "compose mode (no file): subgraph name → URL, introspected and composed"
    )
    subgraphs: dict[str, SubgraphSettings] = _setting(
        {},
        "subgraphs",
        None,
        "per subgraph: url, timeout, mutation_timeout (JOBGRAPH_SUBGRAPH_<NAME>_URL/_TIMEOUT)",
    )
    default_timeout: PositiveFloat = _setting(
        10.0, "default_timeout", "JOBGRAPH_ROUTER_TIMEOUT", "seconds a subgraph query may take"
    )
    default_mutation_timeout: PositiveFloat = _setting(
        30.0, "mutation_timeout", "JOBGRAPH_ROUTER_MUTATION_TIMEOUT", "seconds a subgraph mutation may take"
    )
    dedupe_queries: bool = _setting(
        True,
        "dedupe_queries",
        "JOBGRAPH_ROUTER_DEDUPE_QUERIES",
        "identical in-flight subgraph queries share one call",
    )
    cache_size: PositiveInt = _setting(
        _LIMITS.cache_size, "cache_size", "JOBGRAPH_ROUTER_CACHE_SIZE", "prepared operations cached"
    )
    cache_bytes: PositiveInt = _setting(
        _LIMITS.cache_bytes,
        "cache_bytes",
        "JOBGRAPH_ROUTER_CACHE_BYTES",
        "estimated bytes of the operation caches",
    )
    max_depth: PositiveInt = _setting(
        _LIMITS.max_depth, "max_depth", "JOBGRAPH_ROUTER_MAX_DEPTH", "deepest field nesting accepted"
    )
    max_root_fields: PositiveInt = _setting(
        _LIMITS.max_root_fields,
        "max_root_fields",
        "JOBGRAPH_ROUTER_MAX_ROOT_FIELDS",
        "root fields of a query",
    )
    max_mutation_root_fields: PositiveInt = _setting(
        _LIMITS.max_mutation_root_fields,
        "max_mutation_root_fields",
        "JOBGRAPH_ROUTER_MAX_MUTATION_ROOT_FIELDS",
        "root fields of a mutation",
    )
    max_aliases: PositiveInt = _setting(
        _LIMITS.max_aliases, "max_aliases", "JOBGRAPH_ROUTER_MAX_ALIASES", "aliases in one operation"
    )
    max_directives: PositiveInt = _setting(
        _LIMITS.max_directives,
        "max_directives",
        "JOBGRAPH_ROUTER_MAX_DIRECTIVES",
        "directives in one document",
    )
    max_tokens: PositiveInt = _setting(
        _LIMITS.max_tokens, "max_tokens", "JOBGRAPH_ROUTER_MAX_TOKENS", "lexical tokens of one document"
    )
    max_characters: PositiveInt = _setting(
        _LIMITS.max_characters,
        "max_characters",
        "JOBGRAPH_ROUTER_MAX_CHARACTERS",
        "characters of one document",
    )
    max_selections: PositiveInt = _setting(
        _LIMITS.max_selections,
        "max_selections",
        "JOBGRAPH_ROUTER_MAX_SELECTIONS",
        "selections an operation may expand to",
    )
    planning_timeout: PositiveFloat = _setting(
        _LIMITS.planning_timeout,
        "planning_timeout",
        "JOBGRAPH_ROUTER_PLANNING_TIMEOUT",
        "CPU seconds planning one operation may take",
    )
    max_body_bytes: PositiveInt = _setting(
        1_000_000, "max_body_bytes", "JOBGRAPH_ROUTER_MAX_BODY_BYTES", "largest request body"
    )
    max_upload_files: PositiveInt = _setting(
        _UPLOADS.max_files, "max_upload_files", "JOBGRAPH_ROUTER_MAX_UPLOAD_FILES", "files per upload request"
    )
    max_upload_file_bytes: PositiveInt = _setting(
        _UPLOADS.max_file_bytes,
        "max_upload_file_bytes",
        "JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES",
        "bytes per uploaded file",
    )
    graphiql: bool = _setting(True, "graphiql", "JOBGRAPH_ROUTER_GRAPHIQL", "serve GraphiQL at /graphql")
    demand_control: DemandControlSettings = _setting(
        DemandControlSettings(),
        "demand_control",
        None,
        "cost limit from @cost/@listSize: enabled, mode (enforce|measure), max_cost, list_size, report",
    )
    header_rules: HeaderRules = _setting(
        HeaderRules(), "headers", None, "request header rules, for all subgraphs and per subgraph"
    )
    router_secret: SecretStr | None = _setting(
        None,
        None,
        "JOBGRAPH_ROUTER_SECRET",
        "sent on every subgraph request: subgraphs answer only the router",
    )
    web_dir: str | None = _setting(
        None, None, "JOBGRAPH_ROUTER_WEB_DIR", "the built web app (web/dist) served at /"
    )
    cors_origins: _Names = _setting(
        (),
        "cors.origins",
        "JOBGRAPH_ROUTER_CORS_ORIGINS",
        "origins allowed cross-site (empty: any localhost port)",
    )
    cors_max_age: int = _setting(600, "cors.max_age", None, "seconds a browser may cache a preflight", ge=0)
    csrf_prevention: bool = _setting(
        True,
        "csrf.enabled",
        "JOBGRAPH_ROUTER_CSRF_PREVENTION",
        "refuse requests a browser sends without preflight",
    )
    csrf_required_headers: _Names = _setting(
        ("x-apollo-operation-name", "apollo-require-preflight"),
        "csrf.required_headers",
        None,
        "any of these headers lets a simple request through",
    )
    security_headers: bool = _setting(True, "security_headers.enabled", None, "standard security headers")
    hsts: bool = _setting(
        False, "security_headers.hsts", "JOBGRAPH_ROUTER_HSTS", "Strict-Transport-Security (only behind TLS)"
    )
    request_id: bool = _setting(
        True, "request_id", None, "the correlation-id plugin; off only to measure the plugins' cost"
    )
    apq: bool = _setting(True, "persisted_queries.apq", None, "automatic persisted queries")
    apq_max_entries: PositiveInt = _setting(
        10_000, "persisted_queries.apq_max_entries", None, "automatic persisted queries kept"
    )
    trusted_documents: str | None = _setting(
        None,
        "persisted_queries.manifest",
        "JOBGRAPH_ROUTER_TRUSTED_DOCUMENTS",
        "trusted documents manifest file",
    )
    trusted_documents_only: bool = _setting(
        False,
        "persisted_queries.only",
        "JOBGRAPH_ROUTER_TRUSTED_DOCUMENTS_ONLY",
        "refuse every operation not in the manifest (turns APQ off)",
    )
    jwks_url: str | None = _setting(
        None, "jwt.jwks_url", "JOBGRAPH_ROUTER_JWKS_URL", "verify access tokens against this JWKS"
    )
    jwt_key_file: str | None = _setting(
        None,
        "jwt.key_file",
        "JOBGRAPH_ROUTER_JWT_KEY_FILE",
        "verify access tokens against this PEM / JWKS file",
    )
    jwt_issuer: str | None = _setting(
        "jobgraph-users", "jwt.issuer", "JOBGRAPH_ROUTER_JWT_ISSUER", "required `iss` (null: not checked)"
    )
    jwt_audience: str | None = _setting(
        "jobgraph", "jwt.audience", "JOBGRAPH_ROUTER_JWT_AUDIENCE", "required `aud` (null: not checked)"
    )
    jwt_algorithms: _Names = _setting(
        ("EdDSA", "RS256", "ES256"), "jwt.algorithms", None, "signature algorithms accepted"
    )
    jwt_leeway: PositiveFloat = _setting(30.0, "jwt.leeway", None, "seconds of clock skew on exp, nbf, iat")
    jwks_timeout: PositiveFloat = _setting(
        2.0, "jwt.jwks_timeout", None, "longest wait for the JWKS endpoint (cached keys used past it)"
    )
    jwks_max_age: PositiveFloat = _setting(300.0, "jwt.jwks_max_age", None, "seconds fetched keys are fresh")
    rate_limit: bool = _setting(True, "rate_limit.enabled", "JOBGRAPH_ROUTER_RATE_LIMIT", "rate limits")
    client_rate: NonNegativeFloat = _setting(
        100.0, "rate_limit.client_rate", "JOBGRAPH_ROUTER_CLIENT_RATE", "requests/s per client"
    )
    client_burst: PositiveInt = _setting(
        200, "rate_limit.client_burst", "JOBGRAPH_ROUTER_CLIENT_BURST", "burst per client"
    )
    global_rate: NonNegativeFloat = _setting(
        2000.0, "rate_limit.global_rate", None, "requests/s of the whole router (0: no router-wide limit)"
    )
    global_burst: PositiveInt = _setting(4000, "rate_limit.global_burst", None, "burst of the whole router")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file and the environment come in through load_config only (tests build configs directly).
        return (init_settings,)

    @field_validator("cors_origins", "csrf_required_headers", "jwt_algorithms", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        # The environment spells a list as `a,b`; the file as a YAML list.
        if isinstance(value, str):
            return tuple(item.strip() for item in value.split(",") if item.strip())
        return value

    def secret(self) -> str | None:
        """The router secret's value, for the subgraph clients only."""
        return self.router_secret.get_secret_value() if self.router_secret else None

    def subgraph(self, name: str) -> SubgraphEndpoint:
        """`name`'s settings, the router-wide timeouts filling in what its entry leaves out."""
        entry = self.subgraphs.get(name) or SubgraphSettings()
        return SubgraphEndpoint(
            url=entry.url,
            timeout=entry.timeout or self.default_timeout,
            mutation_timeout=entry.mutation_timeout or self.default_mutation_timeout,
        )

    def limits(self) -> OperationLimits:
        """The limits every client operation is held to."""
        return OperationLimits(
            cache_size=self.cache_size,
            cache_bytes=self.cache_bytes,
            max_depth=self.max_depth,
            max_root_fields=self.max_root_fields,
            max_mutation_root_fields=self.max_mutation_root_fields,
            max_aliases=self.max_aliases,
            max_directives=self.max_directives,
            max_tokens=self.max_tokens,
            max_characters=self.max_characters,
            max_selections=self.max_selections,
            planning_timeout=self.planning_timeout,
        )

    def multipart_limits(self) -> MultipartLimits:
        """The limits every file upload request is held to."""
        return MultipartLimits(max_files=self.max_upload_files, max_file_bytes=self.max_upload_file_bytes)


def _declared() -> Iterator[tuple[str, FieldInfo, str | None, str | None]]:
    """(field, its info, YAML key, environment variable) of every setting."""
    for name, info in RouterConfig.model_fields.items():
        extra = info.json_schema_extra
        assert isinstance(extra, dict)
        file, env = extra.get("file"), extra.get("env")
        yield name, info, file if isinstance(file, str) else None, env if isinstance(env, str) else None


class YamlFileSource(PydanticBaseSettingsSource):
    """The YAML file's settings, by field name; a key no setting declares is refused."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self.path = path
        # field name → its YAML key, for naming a bad value.
        self.keys: dict[str, str] = {}

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        raise NotImplementedError  # __call__ reads the whole file at once

    def __call__(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            loaded = yaml.safe_load(self.path.read_text()) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ConfigError(f"cannot read router config {self.path}: {error}") from error
        if not isinstance(loaded, dict):
            raise ConfigError(f"{self.path}: the top level must be a mapping")
        by_key = {file: name for name, _, file, _ in _declared() if file is not None}
        sections = {key.partition(".")[0] for key in by_key if "." in key}
        values: dict[str, Any] = {}
        for top, value in loaded.items():
            top = str(top)
            if top in by_key:
                values[by_key[top]] = value
                self.keys[by_key[top]] = top
            elif top in sections:
                if not isinstance(value, dict):
                    raise ConfigError(f"router config key '{top}' must be a mapping")
                for key, inner in value.items():
                    path = f"{top}.{key}"
                    if path not in by_key:
                        raise ConfigError(f"unknown router config key '{path}'")
                    values[by_key[path]] = inner
                    self.keys[by_key[path]] = path
            else:
                raise ConfigError(f"unknown router config key '{top}'")
        return values


class EnvironmentSource(PydanticBaseSettingsSource):
    """The settings `environ` sets, by field name: each setting's declared variable, and
    `JOBGRAPH_SUBGRAPH_<NAME>_URL` / `_TIMEOUT` as partial subgraph entries."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        super().__init__(settings_cls)
        self.environ = environ
        # field name (or `subgraphs.<name>.<key>`) → its variable, for naming a bad value.
        self.keys: dict[str, str] = {}

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        raise NotImplementedError  # __call__ reads every variable at once

    def __call__(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, _, _, variable in _declared():
            if variable is not None and variable in self.environ:
                values[name] = self.environ[variable]
                self.keys[name] = variable
        subgraphs: dict[str, dict[str, str]] = {}
        for variable in sorted(self.environ):
            match = _SUBGRAPH_VARIABLE.fullmatch(variable)
            if match is None:
                continue
            name, setting = match["name"].lower(), match["setting"].lower()
            subgraphs.setdefault(name, {})[setting] = self.environ[variable]
            self.keys[f"subgraphs.{name}.{setting}"] = variable
        if subgraphs:
            values["subgraphs"] = subgraphs
        return values


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> RouterConfig:
    """The settings of `path` (YAML) if given, overridden by `environ` (default: the process environment)."""
    environ = os.environ if environ is None else environ
    file = YamlFileSource(RouterConfig, path)
    from_file = file()
    _strict_file_values(from_file, file.keys)
    env = EnvironmentSource(RouterConfig, environ)
    from_env = env()
    merged = _merged(from_file, from_env)
    return _validated(merged, {**file.keys, **env.keys}, strict=False)


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`; subgraph entries merge key by key."""
    merged = {**base, **over}
    if "subgraphs" in base and "subgraphs" in over:
        entries = {name: dict(entry or {}) for name, entry in dict(base["subgraphs"] or {}).items()}
        for name, entry in over["subgraphs"].items():
            entries[name] = {**entries.get(name, {}), **entry}
        merged["subgraphs"] = entries
    return merged


def _strict_file_values(values: dict[str, Any], keys: Mapping[str, str]) -> None:
    """Check the file's values strictly, as JSON: in the file `1` is not `true` and `"5"` is not a number
    (the environment's strings are converted; the model validates leniently for them)."""
    fields = RouterConfig.model_fields
    for name, value in values.items():
        info = fields[name]
        annotated: Any = Annotated[info.annotation, info]
        adapter: TypeAdapter[Any] = TypeAdapter(annotated)
        try:
            adapter.validate_json(json.dumps(value, default=str), strict=True)
        except ValidationError as error:
            raise _config_error(error, keys, prefix=(name,)) from None


def _validated(values: dict[str, Any], keys: Mapping[str, str], *, strict: bool) -> RouterConfig:
    try:
        return RouterConfig.model_validate(values, strict=strict)
    except ValidationError as error:
        raise _config_error(error, keys) from None


def _config_error(
    error: ValidationError, keys: Mapping[str, str], prefix: tuple[str, ...] = ()
) -> ConfigError:
    problems = []
    for problem in error.errors():
        location = [*prefix, *(str(part) for part in problem["loc"])]
        problems.append(f"'{_named(location, keys)}': {problem['msg']}")
    return ConfigError("invalid router config: " + "; ".join(problems))


def _named(location: list[str], keys: Mapping[str, str]) -> str:
    """The file key or variable a validation error's location stands for."""
    if not location:
        return "(top level)"
    if location[0] == "subgraphs" and len(location) >= 3:
        variable = keys.get(".".join(location[:3]))
        if variable is not None:
            return variable
    key = keys.get(location[0], location[0])
    if key.startswith("JOBGRAPH_"):
        return key
    return ".".join([key, *location[1:]])


def config_schema() -> dict[str, Any]:
    """The JSON schema of the YAML file: each setting under its key, with its environment variable."""
    flat = RouterConfig.model_json_schema()
    root: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "jobgraph router configuration",
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }
    for name, _, file, env in _declared():
        if file is None:
            continue
        schema = dict(flat["properties"][name])
        schema.pop("file", None)
        schema.pop("env", None)
        if env is not None:
            schema["description"] = f"{schema.get('description', '')} (environment: {env})".strip()
        node = root
        *sections, last = file.split(".")
        for section in sections:
            node = node["properties"].setdefault(
                section, {"type": "object", "additionalProperties": False, "properties": {}}
            )
        node["properties"][last] = schema
    if "$defs" in flat:
        root["$defs"] = flat["$defs"]
    return root


def config_dump(config: RouterConfig) -> str:
    """`config` as the YAML file would spell it, then the settings only the environment sets (by variable);
    secrets show as `**********`."""
    values = config.model_dump(mode="json")
    out: dict[str, Any] = {}
    environment_only: dict[str, Any] = {}
    for name, _, file, env in _declared():
        if file is None:
            environment_only[str(env)] = values[name]
            continue
        node = out
        *sections, last = file.split(".")
        for section in sections:
            node = node.setdefault(section, {})
        node[last] = values[name]
    return yaml.safe_dump({**out, "environment only": environment_only}, sort_keys=False)
