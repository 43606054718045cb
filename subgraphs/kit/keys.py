"""The access-token signing key: created once under the data directory (embedded default) or given as PEM,
its public half handed to every verifier, and published as a JWKS document."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_FILE = "jwt-signing-key.pem"
ALGORITHM = "EdDSA"


@dataclass(frozen=True, slots=True)
class SigningKey:
    """An Ed25519 key pair; `kid` is derived from the public key so every replica agrees on it."""

    private_key: Ed25519PrivateKey = field(repr=False)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_pem(self) -> str:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode()

    @property
    def kid(self) -> str:
        raw = self.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return hashlib.sha256(raw).hexdigest()[:16]

    def jwks(self) -> dict[str, Any]:
        """The JSON Web Key Set that verifiers fetch from `/.well-known/jwks.json`."""
        jwk: dict[str, Any] = jwt.algorithms.OKPAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": ALGORITHM, "use": "sig"}]}

    @property
    def private_pem(self) -> str:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.private_key, algorithm=ALGORITHM, headers={"kid": self.kid})

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key pair."""
        return cls(Ed25519PrivateKey.generate())


def load_or_create_signing_key(data_dir: Path, pem: str | None = None) -> SigningKey:
    """The key from `pem` (production: `JOBGRAPH_JWT_PRIVATE_KEY`), else `<data_dir>/jwt-signing-key.pem`,
    created on first start (mode 0600) so tokens survive restarts of the embedded system."""
    if pem:
        return SigningKey(_ed25519(serialization.load_pem_private_key(pem_text(pem).encode(), password=None)))
    path = data_dir / KEY_FILE
    if path.exists():
        return SigningKey(_ed25519(serialization.load_pem_private_key(path.read_bytes(), password=None)))
    data_dir.mkdir(parents=True, exist_ok=True)
    key = SigningKey.generate()
    pem_bytes = key.private_pem.encode()
    # Written to a temporary name and renamed, so a concurrent starter never reads half a key.
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem_bytes)
    os.replace(temporary, path)
    return key


def public_key_pem(data_dir: Path, environ: dict[str, str] | Any) -> str | None:
    """The verification key for a subgraph: `JOBGRAPH_JWT_PUBLIC_KEY`, else the public half of the embedded
    signing key file if the users subgraph created one; None means every request is anonymous."""
    if environ.get("JOBGRAPH_JWT_PUBLIC_KEY"):
        return pem_text(str(environ["JOBGRAPH_JWT_PUBLIC_KEY"]))
    path = data_dir / KEY_FILE
    if not path.exists():
        return None
    return SigningKey(
        _ed25519(serialization.load_pem_private_key(path.read_bytes(), password=None))
    ).public_pem


def _ed25519(key: object) -> Ed25519PrivateKey:
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the JWT signing key must be an Ed25519 private key (PEM, PKCS#8)")
    return key


def pem_text(value: str) -> str:
    """PEM as given in an environment variable: env files often carry its line breaks as a literal `\\n`."""
    return value.replace("\\n", "\n").strip() + "\n"
