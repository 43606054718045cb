"""Signed blob URLs: valid until their expiry, refused when anything signed was edited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl

from subgraphs.kit.signing import UrlSigner, load_or_create_secret

NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
signer = UrlSigner(b"secret")


def signed(method: str = "PUT", key: str = "alice/f1", **params: str) -> dict[str, str]:
    query = signer.sign(method, key, NOW + timedelta(minutes=5), params or {"size": "10"})
    return dict(parse_qsl(query))


def test_a_fresh_url_is_valid() -> None:
    assert signer.check("PUT", "alice/f1", signed(), NOW) is None


def test_an_expired_url_is_refused() -> None:
    assert signer.check("PUT", "alice/f1", signed(), NOW + timedelta(minutes=6)) == "the URL has expired"


def test_editing_any_signed_part_breaks_the_signature() -> None:
    query = signed()
    assert signer.check("PUT", "bob/f1", query, NOW) == "the signature does not match"
    assert signer.check("GET", "alice/f1", query, NOW) == "the signature does not match"
    assert signer.check("PUT", "alice/f1", {**query, "size": "99999"}, NOW) == "the signature does not match"
    later = str(int(query["expires"]) + 3600)
    assert signer.check("PUT", "alice/f1", {**query, "expires": later}, NOW) == "the signature does not match"
    assert (
        signer.check("PUT", "alice/f1", {**query, "signature": "0" * 64}, NOW)
        == "the signature does not match"
    )


def test_another_secret_does_not_verify() -> None:
    assert UrlSigner(b"other").check("PUT", "alice/f1", signed(), NOW) == "the signature does not match"


def test_the_generated_secret_is_kept_and_private(tmp_path: Path) -> None:
    first = load_or_create_secret(tmp_path, None, "files-signing.key")
    assert load_or_create_secret(tmp_path, None, "files-signing.key") == first
    assert (tmp_path / "files-signing.key").stat().st_mode & 0o077 == 0
    assert load_or_create_secret(tmp_path, "configured", "files-signing.key") == b"configured"
