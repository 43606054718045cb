"""`jobgraph dev` / `make run`: the whole system in one process on embedded defaults."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from pathlib import Path

import uvicorn

from jobgraph.system import CompositionFailed, running_system
from router.logs import configure_logging, server_log_options
from router.telemetry import configure_tracing, traced

logger = logging.getLogger("jobgraph")


def run_dev(*, host: str, port: int, data_dir: Path) -> int:
    """Serve until interrupted; returns the process exit code."""
    configure_logging()
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        asyncio.run(_serve(host, port, data_dir))
    except CompositionFailed as error:
        logger.error("%s", error)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


async def _serve(host: str, port: int, data_dir: Path) -> None:
    started = time.perf_counter()
    provider = configure_tracing("jobgraph")
    async with running_system(data_dir, os.environ) as system:
        # The system is already started; the server must not run the apps' lifespans a second time.
        app = traced(system.app, provider)
        config = uvicorn.Config(app, host=host, port=port, lifespan="off", **server_log_options())
        server = uvicorn.Server(config)
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
        logger.info(
            "jobgraph is up in %.1fs: the web app at http://%s:%d/, GraphiQL at /graphql (%s; data in %s)",
            time.perf_counter() - started,
            shown,
            port,
            ", ".join(system.subgraphs),
            data_dir,
        )
        await server.serve()
