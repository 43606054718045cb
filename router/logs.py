"""Process logging for the router and every jobgraph process: one format, the level from the environment."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TypedDict

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def configure_logging(environ: Mapping[str, str] | None = None) -> None:
    """Log to stderr at `JOBGRAPH_LOG_LEVEL` (default INFO; an unknown level warns and falls back to INFO)."""
    env = os.environ if environ is None else environ
    requested = env.get("JOBGRAPH_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    level = requested if requested in LEVELS else "INFO"
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    # One line per subgraph call is noise at INFO; failures are logged by the clients themselves.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLevelName(level)))
    if requested != level:
        logging.getLogger("jobgraph").warning(
            "JOBGRAPH_LOG_LEVEL=%s is not one of %s; logging at INFO", requested, ", ".join(LEVELS)
        )


class ServerLogOptions(TypedDict):
    """Keyword arguments for `uvicorn.run` / `uvicorn.Config`."""

    log_level: str
    access_log: bool


def server_log_options() -> ServerLogOptions:
    """Uvicorn's logging for this process: its lines at the configured level, one access line per request
    only at DEBUG (otherwise every probe and metrics scrape would be a log line)."""
    level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
    return ServerLogOptions(log_level=str(level).lower(), access_log=level == "DEBUG")
