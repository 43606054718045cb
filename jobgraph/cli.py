"""The `jobgraph` command: run the whole system or one piece of it, and manage the schema contracts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _add_dev(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dev = commands.add_parser("dev", help="router and every subgraph in one process, embedded defaults")
    dev.add_argument("--host", default=os.environ.get("JOBGRAPH_HOST", "127.0.0.1"))
    dev.add_argument("--port", type=int, default=int(os.environ.get("JOBGRAPH_PORT", "4000")))
    dev.add_argument("--data-dir", default=os.environ.get("JOBGRAPH_DATA_DIR", "var"))


def _add_router(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    router = commands.add_parser("router", help="the federation router alone (same as `python -m router`)")
    router.add_argument("router_args", nargs=argparse.REMAINDER, help="arguments for `python -m router`")


def _add_subgraph(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subgraph = commands.add_parser("subgraph", help="one subgraph as its own HTTP service")
    subgraph.add_argument("name")
    subgraph.add_argument("--host", default=os.environ.get("JOBGRAPH_HOST", "0.0.0.0"))
    port = os.environ.get("JOBGRAPH_PORT")
    subgraph.add_argument(
        "--port",
        type=int,
        default=int(port) if port else None,
        help="default: JOBGRAPH_PORT, else its port in the catalog",
    )


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    commands.add_parser("compose", help="write schema/subgraphs/*.graphql and schema/supergraph.graphql")
    schema = commands.add_parser("schema", help="schema contract checks")
    schema_commands = schema.add_subparsers(dest="schema_command", required=True)
    check = schema_commands.add_parser("check", help="fail when schema/ is stale or a change breaks clients")
    check.add_argument("--against", type=Path, help="baseline supergraph (default: the checked-in one)")


def _add_migrate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate = commands.add_parser("migrate", help="apply database migrations (all SQL subgraphs by default)")
    migrate.add_argument("names", nargs="*")


def _add_keys(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    commands.add_parser(
        "keys", help="print a new token signing key pair as env-file lines (JOBGRAPH_JWT_PRIVATE/PUBLIC_KEY)"
    )


def _add_analytics(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    analytics = commands.add_parser("analytics", help="analytics maintenance")
    analytics_commands = analytics.add_subparsers(dest="analytics_command", required=True)
    rebuild = analytics_commands.add_parser(
        "rebuild", help="forget the analytics projection and replay it from application snapshots"
    )
    rebuild.add_argument("--user", help="only this person's analytics (default: everyone's)")


def _add_applications(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    applications = commands.add_parser("applications", help="applications maintenance")
    applications_commands = applications.add_subparsers(dest="applications_command", required=True)
    applications_commands.add_parser(
        "sync-contacts", help="teach applications the contacts saved before it consumed contact events"
    )


def _add_search(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = commands.add_parser("search", help="manage the search index")
    search_commands = search.add_subparsers(dest="search_command", required=True)
    search_commands.add_parser("reindex", help="rebuild the search index from the subgraphs' data")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobgraph", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (for schema/)")
    commands = parser.add_subparsers(dest="command", required=True)
    adders = (_add_dev, _add_router, _add_subgraph, _add_schema, _add_migrate, _add_keys)
    for add in (*adders, _add_analytics, _add_applications, _add_search):
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    router_args = _router_arguments(arguments)
    if router_args is not None:
        # `jobgraph router ...` hands everything after `router` to `python -m router` untouched: argparse's
        # REMAINDER would refuse options such as `--supergraph` right after the command.
        from router.__main__ import main as router_main

        return router_main(router_args)
    args = build_parser().parse_args(arguments)
    # Imports are per command so that `jobgraph compose` never loads uvicorn and `jobgraph dev` starts fast.
    if args.command == "dev":
        from jobgraph.dev import run_dev

        return run_dev(host=args.host, port=args.port, data_dir=Path(args.data_dir))
    if args.command == "subgraph":
        from jobgraph.serve import run_subgraph

        return run_subgraph(args.name, host=args.host, port=args.port)
    if args.command == "compose":
        return _compose(args.root)
    if args.command == "schema":
        return _schema_check(args.root, args.against)
    if args.command == "keys":
        return _keys()
    if args.command == "migrate":
        from jobgraph.serve import migrate

        return migrate(args.names)
    if args.command == "analytics":
        return _analytics_rebuild(args.user)
    if args.command == "applications":
        from jobgraph.contacts_sync import run_sync_contacts

        return run_sync_contacts(os.environ)
    if args.command == "search":
        from jobgraph.reindex import run_reindex

        return run_reindex(os.environ)
    raise AssertionError(f"unhandled command {args.command}")


def _compose(root: Path) -> int:
    from jobgraph.schema_files import compose_project, write_schema_files

    sdls, result = compose_project()
    for hint in result.hints:
        print(f"hint: {hint.message}", file=sys.stderr)
    if result.supergraph_sdl is None:
        for error in result.errors:
            print(f"error [{error.code}]: {error.message}", file=sys.stderr)
        return 1
    for path in write_schema_files(root, sdls, result.supergraph_sdl):
        print(f"wrote {path.relative_to(root)}")
    return 0


def _schema_check(root: Path, against: Path | None) -> int:
    from jobgraph.schema_files import check_project

    report = check_project(root, baseline_sdl=against.read_text() if against else None)
    print(report.render(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def _keys() -> int:
    """Print a new Ed25519 key pair in env-file form (PEM in double quotes, line breaks as \\n)."""
    from subgraphs.kit.keys import SigningKey

    key = SigningKey.generate()
    pairs = (("JOBGRAPH_JWT_PRIVATE_KEY", key.private_pem), ("JOBGRAPH_JWT_PUBLIC_KEY", key.public_pem))
    for name, pem in pairs:
        escaped = pem.strip().replace("\n", "\\n")
        print(f'{name}="{escaped}\\n"')
    return 0


def _analytics_rebuild(user: str | None) -> int:
    import asyncio

    from jobgraph.analytics_rebuild import rebuild_analytics
    from router.logs import configure_logging

    configure_logging()
    report = asyncio.run(rebuild_analytics(os.environ, user))
    print(f"forgot {report.forgotten} applications; queued {report.snapshots} snapshots for the relay")
    return 0


def _router_arguments(arguments: list[str]) -> list[str] | None:
    """The arguments after the `router` command, or None when the command is another one."""
    index = 0
    while index < len(arguments) and arguments[index].startswith("-"):
        # Global options come first; `--root` takes a value unless written `--root=VALUE`.
        index += 2 if arguments[index] == "--root" else 1
    if index < len(arguments) and arguments[index] == "router":
        return arguments[index + 1 :]
    return None
