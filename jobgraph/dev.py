"""`jobgraph dev` / `make run`: the whole system in one process on embedded defaults."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import time
from pathlib import Path

import uvicorn

from jobgraph.system import CompositionFailed, running_system
from router.logs import configure_logging, server_log_options
from router.server import RouterServer
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
    # Signed upload and download URLs of the embedded files subgraph (and the applications' export downloads)
    # point at this server's mount of it.
    base = f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/subgraphs"
    environ = {
        "FILES_PUBLIC_URL": f"{base}/files",
        "APPLICATIONS_PUBLIC_URL": f"{base}/applications",
        **os.environ,
    }
    async with running_system(data_dir, environ) as system:
        # The system is already started; the server must not run the apps' lifespans a second time.
        app = traced(system.app, provider)
        config = uvicorn.Config(app, host=host, port=port, lifespan="off", **server_log_options())
        server = RouterServer(config, system.streams)
        # What start-up loaded (schemas, supergraph, modules) stays: no full collection walks it again.
        gc.collect()
        gc.freeze()
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
