"""Where the applications subgraph's export downloads are served, read once from the environment.

- `APPLICATIONS_PUBLIC_URL`: where clients reach this subgraph's signed `/blobs/` download routes (default:
  `jobgraph dev`'s mount, `http://127.0.0.1:4000/subgraphs/applications`).
- `APPLICATIONS_SIGNING_SECRET`: the HMAC secret of those URLs (default: generated under the data directory).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

DEV_PUBLIC_URL = "http://127.0.0.1:4000/subgraphs/applications"


@dataclass(frozen=True, slots=True)
class ExportSettings:
    """The export downloads' configuration; the secret never appears in its repr."""

    public_url: str = DEV_PUBLIC_URL
    signing_secret: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ExportSettings:
        env = os.environ if environ is None else environ
        return cls(
            public_url=env.get("APPLICATIONS_PUBLIC_URL") or DEV_PUBLIC_URL,
            signing_secret=env.get("APPLICATIONS_SIGNING_SECRET") or None,
        )
