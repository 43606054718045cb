"""`python -m router`: serve a supergraph file (watched for changes) or compose one from running subgraphs."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import uvicorn

from router.app import build_clients, build_router_app, supergraph_applier
from router.config import ConfigError, RouterConfig, config_dump, config_schema, load_config
from router.headers import HeaderPropagation
from router.logs import configure_logging, server_log_options
from router.pipeline import Router
from router.plugins.defaults import default_plugins
from router.reload import (
    SupergraphUnavailable,
    SupergraphWatcher,
    compose_from_subgraphs,
    read_supergraph_file,
)
from router.server import RouterServer
from router.supergraph import load_supergraph
from router.telemetry import configure_tracing, traced
from router.workers import reuse_port_socket, supervise

logger = logging.getLogger("router")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m router", description=__doc__)
    parser.add_argument("--supergraph", type=Path, help="supergraph SDL file (watched and hot-reloaded)")
    parser.add_argument(
        "--subgraph",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="compose mode: a running subgraph to introspect (repeat for each); used when no file is given",
    )
    parser.add_argument("--config", type=Path, help="router YAML config")
    parser.add_argument("--host", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default 4000)")
    parser.add_argument(
        "--workers", type=int, default=1, help="router processes sharing the port, one per core (default 1)"
    )
    # Set by the supervisor for each worker: bind with SO_REUSEPORT beside the other workers.
    parser.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["config-schema"]:
        # The JSON schema of the YAML file (editors validate against it; README has the reference).
        print(json.dumps(config_schema(), indent=2))
        return 0
    if arguments[:1] == ["config"]:
        return _print_config(arguments[1:])
    configure_logging()
    provider = configure_tracing("router")
    args = parse_args(argv)
    if args.workers < 1:
        print("router: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.workers > 1:
        return supervise(sys.argv[1:] if argv is None else argv, args.workers)
    try:
        config = load_config(args.config)
        watcher_source, config = _source(args, config)
        plugins = default_plugins(config)
    except ConfigError as error:
        print(f"router: {error}", file=sys.stderr)
        return 2
    try:
        sdl = asyncio.run(_first(watcher_source))
        supergraph = load_supergraph(sdl)
    except SupergraphUnavailable as error:
        print(f"router: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a supergraph that does not load: say why, not how
        print(f"router: the supergraph does not load: {error}", file=sys.stderr)
        return 1
    router = Router(
        supergraph,
        build_clients(supergraph, config),
        limits=config.limits(),
        headers=HeaderPropagation(config.header_rules),
        demand=config.demand_control.resolved(),
        plugins=plugins,
    )

    apply = supergraph_applier(router, config)
    watcher = SupergraphWatcher(watcher_source, apply, interval=config.poll_interval)
    watcher.mark_current(sdl)
    app = build_router_app(router, config=config, watcher=watcher)
    host = args.host or config.host
    port = args.port or config.port
    logger.info(
        "router serving %d subgraphs at http://%s:%d/graphql", len(supergraph.subgraph_urls), host, port
    )
    server_config = uvicorn.Config(
        traced(app, provider), host=host, port=port, loop="auto", http="auto", **server_log_options()
    )
    sockets = [reuse_port_socket(host, port)] if args.reuse_port else None
    # What start-up loaded (supergraph, schemas, modules) stays: no full collection walks it again (as
    # `jobgraph dev` does). A request allocates thousands of containers (subgraph answers, the response) that
    # live as long as it does, so with the default thresholds most of them were walked by a young and then a
    # middle collection before being freed by reference counting anyway: collections ran twice a request and
    # took ~1.2 ms of its ~8 ms. Rarer collections find fewer of them still alive (0.6 ms a request).
    gc.collect()
    gc.freeze()
    gc.set_threshold(5_000, 100, 10)
    RouterServer(server_config, app.state.streams).run(sockets=sockets)
    return 0


def _print_config(argv: Sequence[str]) -> int:
    """`config [--config FILE]`: the settings the router would run with (file, then environment), secrets
    masked."""
    parser = argparse.ArgumentParser(prog="python -m router config")
    parser.add_argument("--config", type=Path, help="router YAML config")
    args = parser.parse_args(argv)
    try:
        print(config_dump(load_config(args.config)), end="")
    except ConfigError as error:
        print(f"router: {error}", file=sys.stderr)
        return 2
    return 0


async def _first(source: Callable[[], Awaitable[str]]) -> str:
    return await source()


def _source(
    args: argparse.Namespace, config: RouterConfig
) -> tuple[Callable[[], Awaitable[str]], RouterConfig]:
    if args.supergraph is not None:
        return read_supergraph_file(args.supergraph), config
    if args.subgraph:
        urls = {}
        for item in args.subgraph:
            name, _, url = item.partition("=")
            if not name or not url:
                raise ConfigError(f"--subgraph expects NAME=URL, got {item!r}")
            urls[name] = url
        source = compose_from_subgraphs(urls, timeout=config.default_timeout, router_secret=config.secret())
        return source, config
    if config.supergraph_path:
        return read_supergraph_file(Path(config.supergraph_path)), config
    if config.compose_subgraphs:
        return compose_from_subgraphs(
            config.compose_subgraphs, timeout=config.default_timeout, router_secret=config.secret()
        ), config
    raise ConfigError("give --supergraph FILE, or --subgraph NAME=URL for each subgraph to compose")


if __name__ == "__main__":
    raise SystemExit(main())
