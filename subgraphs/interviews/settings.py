"""Configuration of the interviews subgraph, read once from the environment by the composition root.

Written here because `subgraphs/kit/settings.py` was not committed when interviews needed it; the variables
are the ones the kit brief names, so a later move to the kit changes no deployment:
- `JOBGRAPH_DATA_DIR` (default `./var`): the embedded default database is `<data_dir>/interviews.sqlite3`.
- `INTERVIEWS_DATABASE_URL`: a SQLAlchemy async URL (e.g. `postgresql+asyncpg://...`) that replaces it.
- `JOBGRAPH_JWT_PUBLIC_KEY`: PEM of the users subgraph's token signing key; without it, the public half of
  `<data_dir>/jwt-signing-key.pem` (the key the embedded users subgraph creates) is used if present.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

SUBGRAPH = "interviews"
KEY_FILE = "jwt-signing-key.pem"


@dataclass(frozen=True, slots=True)
class InterviewsSettings:
    """Everything the interviews app needs to start; embedded defaults need no variables at all."""

    database_url: str
    data_dir: Path = Path("var")
    # PEM text of the public key that verifies access tokens; None → every request is anonymous.
    jwt_public_key: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        # The URL may carry a password: show it masked, never the raw value.
        masked = make_url(self.database_url).render_as_string(hide_password=True)
        return f"InterviewsSettings(database_url={masked!r}, data_dir={str(self.data_dir)!r})"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> InterviewsSettings:
        env = os.environ if environ is None else environ
        data_dir = Path(env.get("JOBGRAPH_DATA_DIR", "var"))
        database_url = env.get(f"{SUBGRAPH.upper()}_DATABASE_URL") or _sqlite_url(data_dir)
        return cls(database_url=database_url, data_dir=data_dir, jwt_public_key=_public_key(env, data_dir))


def _sqlite_url(data_dir: Path) -> str:
    return f"sqlite+aiosqlite:///{data_dir / f'{SUBGRAPH}.sqlite3'}"


def _public_key(env: Mapping[str, str], data_dir: Path) -> str | None:
    if env.get("JOBGRAPH_JWT_PUBLIC_KEY"):
        return env["JOBGRAPH_JWT_PUBLIC_KEY"]
    key_file = data_dir / KEY_FILE
    if not key_file.exists():
        return None
    from cryptography.hazmat.primitives import serialization

    private_key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return public_pem.decode()
