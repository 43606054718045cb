"""Start-up check of the access-token keys a `jobgraph subgraph` process is given.

The users subgraph signs with `JOBGRAPH_JWT_PRIVATE_KEY` (else a key it keeps under the data directory) and
verifies its own tokens with that key, while every other subgraph verifies with `JOBGRAPH_JWT_PUBLIC_KEY`. A
pair that does not belong together therefore starts cleanly and then has every other subgraph refuse every
token; an unparsable key fails deep in a composition root. Both are reported here in one line, before serving.
"""

from __future__ import annotations

from collections.abc import Mapping

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from subgraphs.kit.keys import KEY_FILE, SigningKey, load_or_create_signing_key, pem_text
from subgraphs.kit.settings import SubgraphSettings

HOW = "`jobgraph keys` prints a matching pair"


def token_key_error(name: str, environ: Mapping[str, str]) -> str | None:
    """Why subgraph `name` cannot work with the token keys in `environ`, or None when they are usable."""
    public = environ.get("JOBGRAPH_JWT_PUBLIC_KEY")
    verifying: bytes | None = None
    if public:
        try:
            verifying = _spki(load_pem_public_key(pem_text(public).encode()))
        except (ValueError, TypeError):
            return f"JOBGRAPH_JWT_PUBLIC_KEY is not a PEM public key ({HOW})"
    if name != "users":
        return None
    signing = _users_signing_key(name, environ)
    if isinstance(signing, str):
        return signing
    if verifying is not None:
        if signing is None:
            return f"JOBGRAPH_JWT_PUBLIC_KEY is set but users has no JOBGRAPH_JWT_PRIVATE_KEY ({HOW})"
        if _spki(signing.public_key) != verifying:
            return (
                "JOBGRAPH_JWT_PUBLIC_KEY is not the public half of the users signing key: every other "
                f"subgraph would refuse the tokens users signs ({HOW})"
            )
    return None


def _users_signing_key(name: str, environ: Mapping[str, str]) -> SigningKey | str | None:
    """The key users will sign with, an error message, or None when it would create a new one."""
    data_dir = SubgraphSettings.from_env(name, environ).data_dir
    private = environ.get("JOBGRAPH_JWT_PRIVATE_KEY")
    if not private and not (data_dir / KEY_FILE).exists():
        return None
    try:
        # With a PEM, or with the file present, this only reads: it creates no key.
        return load_or_create_signing_key(data_dir, private or None)
    except (ValueError, TypeError):
        source = "JOBGRAPH_JWT_PRIVATE_KEY" if private else str(data_dir / KEY_FILE)
        return f"{source} is not an unencrypted Ed25519 private key in PEM ({HOW})"


def _spki(key: PublicKeyTypes) -> bytes:
    """A public key's SubjectPublicKeyInfo bytes: equal for the same key however its PEM was written."""
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
