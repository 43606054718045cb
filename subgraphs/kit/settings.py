"""Settings every SQL subgraph shares, read once from the environment by its composition root.

- `JOBGRAPH_DATA_DIR` (default `./var`): embedded databases live at `<data_dir>/<subgraph>.sqlite3`.
- `<SUBGRAPH>_DATABASE_URL`: a SQLAlchemy async URL (e.g. `postgresql+asyncpg://...`) that replaces it.
- `<SUBGRAPH>_MONGODB_URL`: for a document subgraph (contacts), a MongoDB URL whose documents replace the SQL
  ones (the database is the URL's path, default the subgraph's name).
- `JOBGRAPH_JWT_PUBLIC_KEY`: PEM that verifies access tokens (default: the embedded signing key's half).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from subgraphs.kit.keys import public_key_pem


@dataclass(frozen=True, slots=True)
class SubgraphSettings:
    """Where a subgraph keeps its data and how it verifies callers; secrets never appear in its repr."""

    name: str
    database_url: str = field(repr=False)
    data_dir: Path = Path("var")
    jwt_public_key: str | None = field(default=None, repr=False)
    mongodb_url: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, name: str, environ: Mapping[str, str] | None = None) -> SubgraphSettings:
        env = os.environ if environ is None else environ
        data_dir = Path(env.get("JOBGRAPH_DATA_DIR", "var"))
        database_url = env.get(f"{name.upper()}_DATABASE_URL") or sqlite_url(data_dir, name)
        return cls(
            name=name,
            database_url=database_url,
            data_dir=data_dir,
            jwt_public_key=public_key_pem(data_dir, env),
            mongodb_url=env.get(f"{name.upper()}_MONGODB_URL") or None,
        )

    @property
    def safe_database_url(self) -> str:
        """The database URL with any password masked, for logs."""
        return make_url(self.database_url).render_as_string(hide_password=True)


def sqlite_url(data_dir: Path, name: str) -> str:
    return f"sqlite+aiosqlite:///{data_dir / f'{name}.sqlite3'}"
