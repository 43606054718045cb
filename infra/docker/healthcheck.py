#!/usr/bin/env python3
"""Container health probe for jobgraph processes: exits 0 only when the process's `/health` answers 2xx."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

# Docker's HEALTHCHECK and compose's `healthcheck` run this inside the container. python:3.11-slim has no
# curl or wget, and the probe must not import jobgraph (a broken install must still be reported as
# unhealthy, not crash the probe), so it uses only the standard library.
TIMEOUT_SECONDS = 3.0


def health_url(environ: dict[str, str]) -> str:
    """The process's own health endpoint: the router listens on JOBGRAPH_ROUTER_PORT, a subgraph on
    JOBGRAPH_PORT (the names `jobgraph router` and `jobgraph subgraph` read)."""
    port = environ.get("JOBGRAPH_ROUTER_PORT") or environ.get("JOBGRAPH_PORT") or "4000"
    return f"http://127.0.0.1:{port}/health"


def probe(url: str, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """Returns None when `url` answers 2xx, else a one-line reason for the health log."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        return f"{url} answered HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return f"{url} unreachable: {error}"
    if 200 <= status < 300:
        return None
    return f"{url} answered HTTP {status}"


def main(argv: list[str]) -> int:
    """`jobgraph-healthcheck [URL]`: probe URL or this container's own /health; exit 0 healthy, else 1."""
    url = argv[1] if len(argv) > 1 else health_url(dict(os.environ))
    reason = probe(url)
    if reason is None:
        return 0
    print(reason, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
