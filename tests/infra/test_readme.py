"""infra/README.md and infra/env/example.env say what the code does: the variables each service must be given,
the openssl commands that make a token key pair, and placeholders that keep the services from starting."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from jobgraph.environment import names_required_in_production
from jobgraph.token_keys import token_key_error
from subgraphs.kit.auth import AUDIENCE, ISSUER, Identity, TokenVerifier
from subgraphs.kit.keys import load_or_create_signing_key
from tests.infra.conftest import SUBGRAPHS


@pytest.fixture(scope="module")
def readme(repo_root: Path) -> str:
    return (repo_root / "infra" / "README.md").read_text(encoding="utf-8")


def required_by_the_readme(readme: str) -> dict[str, set[str]]:
    """The "must be given" table: service → names, `<NAME>` made concrete per service."""
    section = readme.split("| service | must be given", 1)[1].split("\n\n", 1)[0]
    required: dict[str, set[str]] = {name: set() for name in ("router", *SUBGRAPHS)}
    for row in section.splitlines()[2:]:
        services_cell, names_cell = row.strip("|").split("|", 1)
        services = SUBGRAPHS if services_cell.strip() == "every subgraph" else services_cell.split(",")
        names = re.findall(r"`([A-Z0-9_<>]+)`", names_cell)
        for service in (service.strip() for service in services):
            targets = SUBGRAPHS if service == "router" else (service,)
            required[service] |= {
                name.replace("<NAME>", target.upper()) for name in names for target in targets
            }
    return required


def test_the_readme_lists_exactly_what_each_service_must_be_given(readme: str) -> None:
    assert required_by_the_readme(readme) == {
        service: names_required_in_production(service) for service in ("router", *SUBGRAPHS)
    }


def test_the_readme_openssl_commands_make_a_pair_the_services_accept(readme: str, tmp_path: Path) -> None:
    (block,) = [block for block in re.findall(r"```sh\n(.*?)```", readme, re.DOTALL) if "openssl" in block]
    for command in block.strip().splitlines():
        subprocess.run(command, shell=True, cwd=tmp_path, check=True, capture_output=True, timeout=30)
    environ = {
        "JOBGRAPH_DATA_DIR": str(tmp_path / "data"),
        "JOBGRAPH_JWT_PRIVATE_KEY": (tmp_path / "jwt-private.pem").read_text(),
        "JOBGRAPH_JWT_PUBLIC_KEY": (tmp_path / "jwt-public.pem").read_text(),
    }
    assert token_key_error("users", environ) is None
    signing = load_or_create_signing_key(tmp_path, environ["JOBGRAPH_JWT_PRIVATE_KEY"])
    token = signing.sign({"sub": "ada", "iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 60})
    verifier = TokenVerifier(key=environ["JOBGRAPH_JWT_PUBLIC_KEY"])
    assert verifier.identity({"authorization": f"Bearer {token}"}) == Identity("ada")


def test_the_example_token_keys_keep_every_subgraph_from_starting(
    example_env: dict[str, str], tmp_path: Path
) -> None:
    environ = {**example_env, "JOBGRAPH_DATA_DIR": str(tmp_path)}
    for name in SUBGRAPHS:
        assert token_key_error(name, environ) is not None, name
