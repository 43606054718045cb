"""infra/k8s: manifests valid against the Kubernetes schemas, probed on /health, wired by kustomize."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest

from jobgraph.environment import names_read_by, names_required_in_production

KUBERNETES_VERSION = "1.33"


@pytest.fixture(scope="module")
def k8s_dir(repo_root: Path) -> Path:
    return repo_root / "infra" / "k8s"


@pytest.fixture(scope="module")
def resources(k8s_dir: Path, yaml_documents: Callable[[Path], list[Any]]) -> list[dict[str, Any]]:
    """Every Kubernetes object in infra/k8s (the kustomization is a kustomize file, not an object)."""
    return [
        document
        for path in sorted(k8s_dir.glob("*.yaml"))
        if path.name != "kustomization.yaml"
        for document in yaml_documents(path)
    ]


def of_kind(resources: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {resource["metadata"]["name"]: resource for resource in resources if resource["kind"] == kind}


def test_every_object_is_valid_against_the_strict_kubernetes_schema(resources: list[dict[str, Any]]) -> None:
    assert resources
    for resource in resources:
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


def test_the_strict_schema_rejects_a_misspelt_field() -> None:
    broken = {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"}, "spec": {"prots": []}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_every_jobgraph_process_is_a_deployment_with_a_service_on_its_port(
    resources: list[dict[str, Any]], jobgraph_ports: dict[str, int]
) -> None:
    deployments = of_kind(resources, "Deployment")
    services = of_kind(resources, "Service")
    assert set(deployments) == set(jobgraph_ports) == set(services)
    for name, port in jobgraph_ports.items():
        (container,) = deployments[name]["spec"]["template"]["spec"]["containers"]
        assert container["ports"] == [{"name": "http", "containerPort": port, "protocol": "TCP"}]
        (service_port,) = services[name]["spec"]["ports"]
        assert service_port["port"] == port and service_port["targetPort"] == "http"
        assert services[name]["spec"]["selector"] == deployments[name]["spec"]["selector"]["matchLabels"]


# The router answers ready only once its subgraphs answered a first check (router/transport/health.py).
_PROBES: dict[tuple[str, str], str] = defaultdict(
    lambda: "/health",
    {("router", "readinessProbe"): "/health/ready", ("router", "livenessProbe"): "/health/live"},
)


def test_every_container_has_health_probes_and_resources(resources: list[dict[str, Any]]) -> None:
    for name, deployment in of_kind(resources, "Deployment").items():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        for probe in ("readinessProbe", "livenessProbe"):
            assert container[probe]["httpGet"] == {"path": _PROBES[name, probe], "port": "http"}, (
                f"{name} {probe}"
            )
        assert {"cpu", "memory"} <= set(container["resources"]["requests"]), name
        assert {"cpu", "memory"} <= set(container["resources"]["limits"]), name


def test_containers_run_the_console_script_commands_as_non_root(
    resources: list[dict[str, Any]], jobgraph_ports: dict[str, int]
) -> None:
    for name, deployment in of_kind(resources, "Deployment").items():
        pod = deployment["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert "command" not in container  # the image's ENTRYPOINT, the jobgraph console script, stays
        if name == "router":
            assert container["args"][:2] == ["router", "--supergraph"]
        else:
            assert container["args"] == ["subgraph", name, "--port", str(jobgraph_ports[name])]


def test_the_router_scales_with_a_horizontal_pod_autoscaler(resources: list[dict[str, Any]]) -> None:
    (autoscaler,) = of_kind(resources, "HorizontalPodAutoscaler").values()
    target = autoscaler["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", "router")
    assert 1 < autoscaler["spec"]["minReplicas"] < autoscaler["spec"]["maxReplicas"]


def test_every_referenced_config_and_secret_is_defined(resources: list[dict[str, Any]]) -> None:
    config_maps, secrets = of_kind(resources, "ConfigMap"), of_kind(resources, "Secret")
    for deployment in of_kind(resources, "Deployment").values():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        for source in container["envFrom"]:
            if "configMapRef" in source:
                assert source["configMapRef"]["name"] in config_maps
            else:
                assert source["secretRef"]["name"] in secrets


def test_the_secrets_template_holds_only_marked_placeholders(
    k8s_dir: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    for secret in yaml_documents(k8s_dir / "secrets.template.yaml"):
        assert secret["kind"] == "Secret"
        for key, value in secret["stringData"].items():
            assert "<REPLACE_ME" in value, f"{secret['metadata']['name']}.{key}"


def test_kustomization_lists_every_manifest_except_the_secrets_template(
    k8s_dir: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    (kustomization,) = yaml_documents(k8s_dir / "kustomization.yaml")
    manifests = {path.name for path in k8s_dir.glob("*.yaml")} - {
        "kustomization.yaml",
        "secrets.template.yaml",
    }
    assert set(kustomization["resources"]) == manifests
    assert kustomization["namespace"] == "jobgraph"
    assert [image["name"] for image in kustomization["images"]] == ["jobgraph"]


def test_containers_receive_only_variables_the_code_reads_and_all_production_needs(
    resources: list[dict[str, Any]], k8s_dir: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    config_maps = of_kind(resources, "ConfigMap")
    secrets = {
        secret["metadata"]["name"]: secret for secret in yaml_documents(k8s_dir / "secrets.template.yaml")
    }
    for name, deployment in of_kind(resources, "Deployment").items():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        names = {variable["name"] for variable in container["env"]}
        for source in container["envFrom"]:
            if "configMapRef" in source:
                names |= set(config_maps[source["configMapRef"]["name"]]["data"])
            else:
                names |= set(secrets[source["secretRef"]["name"]]["stringData"])
        allowed = names_read_by(name)
        assert names <= allowed, f"{name} gets variables no code reads: {sorted(names - allowed)}"
        missing = names_required_in_production(name) - names
        assert not missing, f"{name} lacks {sorted(missing)}"
        assert "OTEL_SERVICE_NAME" in names and "JOBGRAPH_LOG_LEVEL" in names


def test_only_the_users_subgraph_gets_the_signing_key(
    k8s_dir: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    holders = {
        secret["metadata"]["name"]
        for secret in yaml_documents(k8s_dir / "secrets.template.yaml")
        if "JOBGRAPH_JWT_PRIVATE_KEY" in secret["stringData"]
    }
    assert holders == {"jobgraph-users-secrets"}
