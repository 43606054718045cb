"""The start-up check of the token keys: a pair that does not belong together, or a key that does not parse,
is named before a subgraph serves; a usable configuration passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobgraph.token_keys import token_key_error
from subgraphs.kit.keys import KEY_FILE, SigningKey, load_or_create_signing_key


@pytest.fixture
def key() -> SigningKey:
    return SigningKey.generate()


def as_env_file_line(pem: str) -> str:
    # As `jobgraph keys` prints it and compose passes it on: line breaks written as \n.
    return pem.strip().replace("\n", "\\n") + "\\n"


def test_a_matching_pair_passes_for_users_and_the_public_key_for_the_others(
    key: SigningKey, tmp_path: Path
) -> None:
    environ = {
        "JOBGRAPH_DATA_DIR": str(tmp_path),
        "JOBGRAPH_JWT_PRIVATE_KEY": key.private_pem,
        "JOBGRAPH_JWT_PUBLIC_KEY": as_env_file_line(key.public_pem),
    }
    assert token_key_error("users", environ) is None
    assert token_key_error("applications", environ) is None
    assert not (tmp_path / KEY_FILE).exists()  # checking created no key


def test_a_public_key_of_another_pair_is_refused_for_users(key: SigningKey, tmp_path: Path) -> None:
    environ = {
        "JOBGRAPH_DATA_DIR": str(tmp_path),
        "JOBGRAPH_JWT_PRIVATE_KEY": key.private_pem,
        "JOBGRAPH_JWT_PUBLIC_KEY": SigningKey.generate().public_pem,
    }
    error = token_key_error("users", environ)
    assert error is not None and error.startswith("JOBGRAPH_JWT_PUBLIC_KEY is not the public half")


def test_users_without_a_private_key_is_checked_against_its_key_file(key: SigningKey, tmp_path: Path) -> None:
    environ = {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": key.public_pem}
    # No file yet: users would sign with a new key that nobody's public key can match.
    error = token_key_error("users", environ)
    assert error is not None and "users has no JOBGRAPH_JWT_PRIVATE_KEY" in error
    stored = load_or_create_signing_key(tmp_path)
    assert token_key_error("users", {**environ, "JOBGRAPH_JWT_PUBLIC_KEY": stored.public_pem}) is None
    assert token_key_error("users", environ) is not None


@pytest.mark.parametrize("value", ["change-me-run-jobgraph-keys", "-----BEGIN PUBLIC KEY-----\nAAAA\n"])
def test_a_public_key_that_does_not_parse_is_refused_for_every_subgraph(value: str, tmp_path: Path) -> None:
    environ = {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": value}
    for name in ("users", "contacts"):
        assert token_key_error(name, environ) == (
            "JOBGRAPH_JWT_PUBLIC_KEY is not a PEM public key (`jobgraph keys` prints a matching pair)"
        )


def test_a_private_key_that_does_not_parse_is_refused(key: SigningKey, tmp_path: Path) -> None:
    environ = {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PRIVATE_KEY": "change-me-run-jobgraph-keys"}
    error = token_key_error("users", environ)
    assert error is not None and error.startswith("JOBGRAPH_JWT_PRIVATE_KEY is not an unencrypted Ed25519")
    # Only users signs: the other subgraphs never read the private key.
    assert token_key_error("interviews", environ) is None


def test_no_keys_at_all_is_the_embedded_default(tmp_path: Path) -> None:
    environ = {"JOBGRAPH_DATA_DIR": str(tmp_path)}
    assert token_key_error("users", environ) is None
    assert token_key_error("applications", environ) is None
