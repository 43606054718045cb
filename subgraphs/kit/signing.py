"""HMAC-signed, expiring URLs for embedded blob stores (files' uploads and downloads, applications' exports;
the S3 backend presigns its own).

The signature covers the method, the blob key, the expiry and every parameter that changes what the URL
allows (the declared size of an upload; the name and type a download is served with), so none of them can
be edited without the server noticing. The server checks the expiry against its own clock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode


class UrlSigner:
    """Signs and checks the query parameters of blob URLs with one secret."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def sign(self, method: str, key: str, expires_at: datetime, params: Mapping[str, str]) -> str:
        """The query string (`params`, `expires` and `signature`) of a URL valid until `expires_at`."""
        signed = {**params, "expires": str(int(expires_at.timestamp()))}
        return urlencode({**signed, "signature": self._signature(method, key, signed)})

    def check(self, method: str, key: str, query: Mapping[str, str], now: datetime) -> str | None:
        """Why the URL is refused (None when it is valid): a wrong signature, or an expired one."""
        signature = query.get("signature", "")
        signed = {name: value for name, value in query.items() if name != "signature"}
        if not hmac.compare_digest(signature, self._signature(method, key, signed)):
            return "the signature does not match"
        try:
            expires = int(signed.get("expires", ""))
        except ValueError:
            return "the URL has no expiry"
        if now.timestamp() > expires:
            return "the URL has expired"
        return None

    def _signature(self, method: str, key: str, params: Mapping[str, str]) -> str:
        canonical = "\n".join([method.upper(), key, urlencode(sorted(params.items()))])
        return hmac.new(self._secret, canonical.encode(), hashlib.sha256).hexdigest()


def load_or_create_secret(data_dir: Path, configured: str | None, key_file: str) -> bytes:
    """`configured` (e.g. FILES_SIGNING_SECRET) if given, else a random secret kept in `data_dir/key_file`
    (created once, readable by the owner only) so URLs survive a restart."""
    if configured:
        return configured.encode()
    path = data_dir / key_file
    if path.exists():
        return path.read_bytes()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32).encode()
    path.touch(mode=0o600)
    path.write_bytes(secret)
    return secret
