"""The signing key: created once, reused after a restart, verifiable by its public half and its JWKS."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import jwt
import pytest

from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.errors import Unauthenticated
from subgraphs.kit.keys import KEY_FILE, load_or_create_signing_key, public_key_pem


def claims(**overrides: object) -> dict[str, object]:
    now = int(time.time())
    return {"sub": "u1", "iss": "jobgraph-users", "aud": "jobgraph", "iat": now, "exp": now + 60, **overrides}


def test_the_key_is_created_private_and_reused(tmp_path: Path) -> None:
    first = load_or_create_signing_key(tmp_path)
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
    second = load_or_create_signing_key(tmp_path)
    assert first.kid == second.kid
    assert public_key_pem(tmp_path, {}) == first.public_pem


def test_a_token_signed_by_the_key_verifies_with_its_public_half(tmp_path: Path) -> None:
    key = load_or_create_signing_key(tmp_path)
    verifier = TokenVerifier(key=key.public_pem)
    identity = verifier.identity({"authorization": f"Bearer {key.sign(claims(scope='applications:read'))}"})
    assert identity is not None
    assert identity.user_id == "u1"
    assert identity.scopes == frozenset({"applications:read"})


def test_expired_forged_or_foreign_tokens_are_unauthenticated(tmp_path: Path) -> None:
    key = load_or_create_signing_key(tmp_path / "a")
    other = load_or_create_signing_key(tmp_path / "b")
    verifier = TokenVerifier(key=key.public_pem)
    for token in (
        key.sign(claims(exp=int(time.time()) - 10)),
        other.sign(claims()),
        key.sign(claims(aud="someone-else")),
    ):
        with pytest.raises(Unauthenticated):
            verifier.identity({"authorization": f"Bearer {token}"})
    assert verifier.identity({}) is None


def test_jwks_publishes_the_public_key_under_its_kid(tmp_path: Path) -> None:
    key = load_or_create_signing_key(tmp_path)
    [jwk] = key.jwks()["keys"]
    assert jwk["kid"] == key.kid
    assert jwk["alg"] == "EdDSA"
    public = jwt.PyJWK(jwk)
    decoded = jwt.decode(key.sign(claims()), public.key, algorithms=["EdDSA"], audience="jobgraph")
    assert decoded["sub"] == "u1"
