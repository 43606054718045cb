"""Differential run: random valid operations over a supergraph, sent to our router and to a reference gateway
on the same subgraphs; every operation whose `data` (or whether it has errors) differs is written out.

On demand, not in CI (the reference needs node). The subgraphs must be running (for the audit's suites:
`npm start -- serve` in the audit's folder). Either give both gateways' URLs, or let the run start them:

    python -m bench.differential --supergraph sg.graphql --count 200 --seed 1 \
        --reference-command 'hive-gateway supergraph {supergraph} --port {port}' --out mismatches.jsonl

Over subgraphs that need a signed-in caller, `--header 'authorization: Bearer TOKEN'` (repeatable) goes with
every request to both gateways; `--id` and `--string` (repeatable) replace the argument values the generator
picks from with ones the data has, and `--ignore-field Type.field` (repeatable) keeps a field whose answer
changes from one request to the next out of every operation. `--error-paths` counts answers whose errors sit
at other paths as mismatches too (an error at a field that never failed). Only queries are generated, so both
gateways read the same data; TRIAGE.md shows the run over jobgraph's own supergraph with its ignore list.

Prints operations run, mismatches, and where they are written. Each mismatch is triaged against the
specifications (bench/differential/TRIAGE.md): fixed with a test, or recorded as the reference's bug.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx

from bench.differential.compare import differs
from bench.differential.generate import IDS, STRINGS, Choices, Generated, OperationGenerator
from router.supergraph import load_supergraph


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.differential", description=__doc__.split("\n")[0], fromfile_prefix_chars="@"
    )
    parser.add_argument("--supergraph", type=Path, required=True)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--depth", type=int, default=4, help="deepest field nesting generated")
    parser.add_argument("--width", type=int, default=3, help="most fields picked from one selection set")
    parser.add_argument("--router", help="our router's /graphql URL (default: start one)")
    parser.add_argument("--reference", help="the reference's /graphql URL (default: --reference-command)")
    parser.add_argument(
        "--reference-command",
        default="hive-gateway supergraph {supergraph} --port {port}",
        help="starts the reference; {supergraph} and {port} are filled in",
    )
    parser.add_argument("--router-port", type=int, default=4410)
    parser.add_argument("--reference-port", type=int, default=4420)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--out", type=Path, default=Path("differential-mismatches.jsonl"))
    parser.add_argument(
        "--header", action="append", default=[], type=header, help="'name: value' sent to both gateways"
    )
    parser.add_argument(
        "--id", action="append", default=[], help="an ID argument value (replaces the defaults)"
    )
    parser.add_argument(
        "--string", action="append", default=[], help="a String argument value (replaces the defaults)"
    )
    parser.add_argument(
        "--error-paths",
        action="store_true",
        help="also a mismatch: the errors' paths differ (their messages never count)",
    )
    parser.add_argument(
        "--ignore-field", action="append", default=[], metavar="TYPE.FIELD", help="a field never selected"
    )
    return parser.parse_args(argv)


def header(text: str) -> tuple[str, str]:
    """`name: value` as a pair (the value may hold colons)."""
    name, colon, value = text.partition(":")
    if not colon or not name.strip():
        raise argparse.ArgumentTypeError(f"expected 'name: value', got {text!r}")
    return name.strip(), value.strip()


def choices(args: argparse.Namespace) -> Choices:
    """The generator's argument values and ignored fields from the command line (defaults where not given)."""
    return Choices(
        ids=tuple(args.id) or IDS,
        strings=tuple(args.string) or STRINGS,
        ignored=frozenset(args.ignore_field),
    )


@contextlib.contextmanager
def started(command: list[str], health: str, limit: float = 60.0) -> Iterator[None]:
    """Run `command` until the block ends; wait until `health` answers."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + limit
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(health, timeout=2).status_code < 500:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{command[0]} did not start (health: {health})")
            time.sleep(0.5)
        yield
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        if process.poll() is None:
            process.kill()


async def ask(client: httpx.AsyncClient, url: str, operation: Generated) -> dict[str, Any]:
    try:
        response = await client.post(url, json={"query": operation.query, "variables": operation.variables})
        body = response.json()
        return body if isinstance(body, dict) else {"errors": [{"message": "not an object"}]}
    except (httpx.HTTPError, ValueError) as error:
        return {"errors": [{"message": f"transport: {error}"}]}


async def compare(args: argparse.Namespace, router: str, reference: str) -> int:
    schema = load_supergraph(args.supergraph.read_text()).api_schema
    operations = OperationGenerator(schema, args.seed, args.depth, args.width, choices(args)).operations(
        args.count
    )
    mismatches = 0
    async with httpx.AsyncClient(timeout=args.timeout, headers=dict(args.header)) as client:
        with args.out.open("w") as out:
            for operation in operations:
                ours, theirs = await asyncio.gather(
                    ask(client, router, operation), ask(client, reference, operation)
                )
                if differs(ours, theirs, args.error_paths):
                    mismatches += 1
                    record = {"query": operation.query, "variables": operation.variables}
                    out.write(json.dumps({**record, "router": ours, "reference": theirs}) + "\n")
    print(
        f"supergraph {args.supergraph}: {len(operations)} operations, {mismatches} mismatches -> {args.out}"
    )
    return 1 if mismatches else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    supergraph = str(args.supergraph.resolve())
    with contextlib.ExitStack() as stack:
        router = args.router
        if router is None:
            port = args.router_port
            command = [sys.executable, "-m", "router", "--supergraph", supergraph, "--port", str(port)]
            stack.enter_context(started(command, f"http://127.0.0.1:{port}/health"))
            router = f"http://127.0.0.1:{port}/graphql"
        reference = args.reference
        if reference is None:
            port = args.reference_port
            filled = args.reference_command.format(supergraph=shlex.quote(supergraph), port=port)
            stack.enter_context(started(shlex.split(filled), f"http://127.0.0.1:{port}/healthcheck"))
            reference = f"http://127.0.0.1:{port}/graphql"
        return asyncio.run(compare(args, router, reference))


if __name__ == "__main__":
    raise SystemExit(main())
