"""Process logging for the router and every jobgraph process: one format, the level from the environment."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from contextvars import ContextVar
from typing import TypedDict

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# The correlation id of the request being answered in this task ("-" outside requests); set by the router's
# request-id plugin, printed on every log line.
REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Puts the current request's correlation id on every record as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


def configure_logging(environ: Mapping[str, str] | None = None) -> None:
    """Log to stderr at `JOBGRAPH_LOG_LEVEL` (default INFO; an unknown level warns and falls back to INFO)."""
    env = os.environ if environ is None else environ
    requested = env.get("JOBGRAPH_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    level = requested if requested in LEVELS else "INFO"
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s", force=True
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(RequestIdFilter())
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
