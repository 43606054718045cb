"""Access-token verification: who is calling, and every way a token can be refused."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from subgraphs.kit import auth
from subgraphs.kit.auth import Identity, TokenVerifier
from subgraphs.kit.errors import Unauthenticated
from tests.subgraphs.harness import PUBLIC_PEM, token


def bearer(value: str) -> dict[str, str]:
    return {"authorization": f"Bearer {value}"}


def test_a_valid_token_names_the_caller_and_its_scopes() -> None:
    verifier = TokenVerifier(key=PUBLIC_PEM)
    assert verifier.identity(bearer(token("alice", scope="applications:read contacts:read"))) == Identity(
        "alice", frozenset({"applications:read", "contacts:read"})
    )


@pytest.mark.parametrize("headers", [{}, {"authorization": "Basic abc"}, {"authorization": "Bearer  "}])
def test_without_a_bearer_token_the_caller_is_anonymous(headers: dict[str, str]) -> None:
    assert TokenVerifier(key=PUBLIC_PEM).identity(headers) is None


@pytest.mark.parametrize(
    "refused",
    [
        pytest.param(token("alice", expires_in=-60), id="expired"),
        pytest.param(token("alice", key=Ed25519PrivateKey.generate()), id="forged"),
        pytest.param(token("alice", aud="someone-else"), id="wrong-audience"),
        pytest.param(token("alice", iss="someone-else"), id="wrong-issuer"),
        pytest.param("not.a.jwt", id="garbage"),
    ],
)
def test_a_bad_token_is_unauthenticated_not_anonymous(refused: str) -> None:
    with pytest.raises(Unauthenticated):
        TokenVerifier(key=PUBLIC_PEM).identity(bearer(refused))


def test_a_verified_token_is_not_verified_again(monkeypatch: pytest.MonkeyPatch) -> None:
    verifier = TokenVerifier(key=PUBLIC_PEM)
    calls: list[str] = []
    real_decode = jwt.decode

    def counting_decode(*args: object, **kwargs: object) -> object:
        calls.append("decode")
        return real_decode(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(auth.jwt, "decode", counting_decode)
    alice = token("alice")
    assert verifier.identity(bearer(alice)) == verifier.identity(bearer(alice)) == Identity.person("alice")
    assert calls == ["decode"]


def test_a_remembered_token_still_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    verifier = TokenVerifier(key=PUBLIC_PEM)
    alice = token("alice", expires_in=60)
    assert verifier.identity(bearer(alice)) == Identity.person("alice")
    later = time.time() + 120
    monkeypatch.setattr(auth.time, "time", lambda: later)
    # PyJWT reads the clock itself: move it too, so the token is refused when verified again.
    monkeypatch.setattr(jwt.api_jwt, "datetime", _FrozenDatetime(later))
    with pytest.raises(Unauthenticated):
        verifier.identity(bearer(alice))


def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "VERIFIED_CACHE_SIZE", 2)
    verifier = TokenVerifier(key=PUBLIC_PEM)
    for user in ("a", "b", "c"):
        verifier.identity(bearer(token(user)))
    assert len(verifier._verified) == 2


class _FrozenDatetime:
    """Stands in for `datetime` inside PyJWT so that its expiry check sees the moved clock."""

    def __init__(self, at: float) -> None:
        self._at = at

    def now(self, tz: object = None) -> datetime:
        return datetime.fromtimestamp(self._at, tz=UTC)

    def __getattr__(self, name: str) -> object:
        return getattr(datetime, name)
