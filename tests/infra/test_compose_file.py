"""docker-compose.yml: valid against the compose specification and wired the way the brief requires."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import yaml

# ${NAME}, ${NAME:-default}, ${NAME:?error}; "$$" is compose's escape for a literal "$".
INTERPOLATION = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([^}]*)\}")


def compose_spec_schema() -> dict[str, Any]:
    # The compose-spec JSON schema as vendored (with its licence) by check-jsonschema, a dev dependency.
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    schema = json.loads(vendor.joinpath("compose-spec.json").read_text(encoding="utf-8"))
    assert isinstance(schema, dict)
    return schema


def host_ports(service: dict[str, Any]) -> list[str]:
    published = []
    for port in service.get("ports", []):
        parts = str(port).split(":")
        assert len(parts) >= 2, f"port {port!r} publishes on a random host port"
        published.append(":".join(parts[:-1]))
    return published


def compose_errors(document: dict[str, Any]) -> list[str]:
    schema = compose_spec_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]


def test_compose_file_is_valid_against_the_compose_spec(compose: dict[str, Any]) -> None:
    assert compose_errors(compose) == []


def test_the_compose_spec_validator_rejects_an_unknown_service_key() -> None:
    broken = {"services": {"router": {"image": "x", "helthcheck": {}}}}
    assert compose_errors(broken) != []


def test_every_jobgraph_process_runs_with_its_binding_port(
    services: dict[str, dict[str, Any]], jobgraph_ports: dict[str, int]
) -> None:
    built = {name for name, service in services.items() if service.get("build", {}).get("dockerfile")}
    assert built == set(jobgraph_ports)
    for name, port in jobgraph_ports.items():
        service = services[name]
        environment = service["environment"]
        if name == "router":
            assert service["command"] == ["router", "--supergraph", "/app/schema/supergraph.graphql"]
            assert environment["JOBGRAPH_ROUTER_PORT"] == str(port)
        else:
            assert service["command"] == ["subgraph", name, "--port", str(port)]
            assert environment["JOBGRAPH_PORT"] == str(port)
        assert environment["OTEL_SERVICE_NAME"] == name


def test_every_depends_on_names_an_existing_service_that_must_be_healthy(
    services: dict[str, dict[str, Any]],
) -> None:
    for name, service in services.items():
        for dependency, condition in service.get("depends_on", {}).items():
            assert dependency in services, f"{name} depends on unknown service {dependency}"
            assert condition == {"condition": "service_healthy"}, f"{name} → {dependency}"
            assert "healthcheck" in services[dependency], (
                f"{name} waits for {dependency}, which has no healthcheck"
            )


def test_every_service_has_a_healthcheck_command(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        test = service.get("healthcheck", {}).get("test")
        assert isinstance(test, list) and test[0] in ("CMD", "CMD-SHELL") and len(test) > 1, name


def test_the_router_starts_after_every_subgraph(services: dict[str, dict[str, Any]]) -> None:
    assert {"users", "applications", "interviews", "contacts"} <= set(services["router"]["depends_on"])


def test_published_host_ports_are_unique(services: dict[str, dict[str, Any]]) -> None:
    published = [port for service in services.values() for port in host_ports(service)]
    assert len(published) == len(set(published)), published


def test_only_the_router_is_published_on_all_interfaces(services: dict[str, dict[str, Any]]) -> None:
    public = {name for name, service in services.items() for port in host_ports(service) if ":" not in port}
    assert public == {"router"}


def test_every_named_volume_is_declared_and_used(compose: dict[str, Any]) -> None:
    used = set()
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = str(volume).split(":")[0]
            if not source.startswith((".", "/")):
                used.add(source)
    assert used == set(compose["volumes"])


def test_bind_mounted_files_exist_in_the_repository(
    services: dict[str, dict[str, Any]], repo_root: Path
) -> None:
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = str(volume).split(":")[0]
            if source.startswith("./"):
                assert (repo_root / source).exists(), f"{name} mounts missing {source}"


def test_sql_subgraphs_use_asyncpg_urls_and_contacts_uses_mongodb(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in ("users", "applications", "interviews"):
        url = services[name]["environment"][f"{name.upper()}_DATABASE_URL"]
        assert url.startswith(f"postgresql+asyncpg://{name}:") and url.endswith(f"@postgres:5432/{name}")
    assert services["contacts"]["environment"]["CONTACTS_MONGODB_URL"].startswith("mongodb://contacts:")
    for name in ("users", "applications", "interviews", "contacts"):
        environment = services[name]["environment"]
        assert environment["JOBGRAPH_RABBITMQ_URL"].endswith("@rabbitmq:5672/jobgraph")
        assert environment["JOBGRAPH_JWT_PUBLIC_KEY"]
        # OTLP over HTTP (router/telemetry.py); the collector listens for it on 4318.
        assert environment["OTEL_EXPORTER_OTLP_ENDPOINT"] == "http://otel-collector:4318"


def test_the_private_key_reaches_only_the_users_subgraph(services: dict[str, dict[str, Any]]) -> None:
    holders = {
        name
        for name, service in services.items()
        if "JOBGRAPH_JWT_PRIVATE_KEY" in service.get("environment", {})
    }
    assert holders == {"users"}


def test_every_interpolated_variable_is_defined_in_the_env_example(
    repo_root: Path, example_env: dict[str, str]
) -> None:
    text = (repo_root / "docker-compose.yml").read_text(encoding="utf-8")
    for match in INTERPOLATION.finditer(text):
        name, operator = match.group(1), match.group(2)
        if operator in (":-", "-"):
            continue  # has a default
        assert name in example_env, f"${{{name}}} is not in infra/env/example.env"


def test_the_env_example_holds_placeholders_not_secrets(example_env: dict[str, str]) -> None:
    secrets = {name: value for name, value in example_env.items() if "PASSWORD" in name}
    assert secrets
    for name, value in secrets.items():
        assert value.startswith("change-me-"), name
    for key in ("JOBGRAPH_JWT_PRIVATE_KEY", "JOBGRAPH_JWT_PUBLIC_KEY"):
        assert example_env[key].startswith("change-me-"), key


def interpolate(text: str, values: dict[str, str]) -> str:
    """Compose's ${...} interpolation (default, required and alternative forms; $$ escapes a literal $)."""

    def substitute(match: re.Match[str]) -> str:
        name, operator, argument = match.group(1), match.group(2), match.group(3)
        value = values.get(name)
        if operator in (":-", "-"):
            return value if value else argument
        if operator in (":?", "?"):
            assert value, f"{name} is required: {argument}"
        return value or ""

    return INTERPOLATION.sub(substitute, text).replace("$$", "$")


def test_interpolated_with_the_env_example_the_file_stays_valid_and_urls_parse(
    repo_root: Path, example_env: dict[str, str]
) -> None:
    text = interpolate((repo_root / "docker-compose.yml").read_text(encoding="utf-8"), example_env)
    document = yaml.safe_load(text)
    assert compose_errors(document) == []
    for name in ("users", "applications", "interviews", "contacts"):
        environment = document["services"][name]["environment"]
        for key in (f"{name.upper()}_DATABASE_URL", f"{name.upper()}_MONGODB_URL", "JOBGRAPH_RABBITMQ_URL"):
            if key in environment:
                url = urlsplit(environment[key])
                user = "jobgraph" if key == "JOBGRAPH_RABBITMQ_URL" else name
                assert url.username == user, f"{name} {key}"
                assert url.password and url.password.startswith("change-me-"), f"{name} {key}"
