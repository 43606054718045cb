"""Planning at scale (issue 17): a generated supergraph of 100 subgraphs and 2,000 entity types, composed by
our composer, and the time to plan a 50-field operation that crosses many of them (cold: a fresh planning
every time; the router's plan cache is not involved). Also plans/s of the router benchmark's query and of
the dashboard query on our own supergraph.

Each subgraph owns 20 entity types `T<n>` (key `id`; fields `name`, `value`, `next: T<n+1>` and
`far: T<n+37>`, both usually owned elsewhere) and adds a field `extra<s>` to the 20 types its neighbour
owns, so an operation that follows `next`/`far` jumps from subgraph to subgraph and back for each `extra`.
Run: `python -m bench.planner_scale_bench [--subgraphs 100] [--types 2000] [--fields 50] [--repeat 20]
[--profile]`. Prints CPU (and wall-clock) milliseconds per plan; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

import graphql

from bench.dashboard_bench import DASHBOARD
from bench.router_bench import SMALL_QUERY
from bench.subgraphs import APPS, supergraph_sdl
from router.composition.compose import compose
from router.composition.result import SubgraphSource
from router.planner import build_plan, print_plan
from router.supergraph import Supergraph, load_supergraph

_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])'


def subgraph_sdls(subgraphs: int, types: int) -> list[SubgraphSource]:
    """`subgraphs` subgraph SDLs sharing `types` entity types (owned round-robin in blocks)."""
    per = types // subgraphs

    def owner(n: int) -> int:
        return (n // per) % subgraphs

    sources: list[SubgraphSource] = []
    for s in range(subgraphs):
        owned = range(s * per, (s + 1) * per)
        neighbour = range(((s + 1) % subgraphs) * per, ((s + 1) % subgraphs + 1) * per)
        referenced = {(n + 1) % types for n in owned} | {(n + 37) % types for n in owned}
        lines = [_LINK, "type Query {", f"  root{s}: T{s * per}", "}"]
        for n in owned:
            nxt, far = (n + 1) % types, (n + 37) % types
            lines.append(
                f'type T{n} @key(fields: "id") {{ id: ID! name: String value: Int next: T{nxt} far: T{far} }}'
            )
        for n in neighbour:
            lines.append(f'type T{n} @key(fields: "id") {{ id: ID! extra{s}: String }}')
        for n in sorted(referenced - set(owned) - set(neighbour)):
            lines.append(f'type T{n} @key(fields: "id", resolvable: false) {{ id: ID! }}')
        sources.append(SubgraphSource(f"s{s}", f"http://s{s}/graphql", "\n".join(lines)))
    assert all(owner(n) == n // per for n in range(types))
    return sources


def scale_supergraph(subgraphs: int, types: int) -> Supergraph:
    result = compose(subgraph_sdls(subgraphs, types))
    if result.supergraph_sdl is None:
        raise SystemExit(f"composition failed: {result.errors[:3]}")
    return load_supergraph(result.supergraph_sdl)


def scale_operation(subgraphs: int, types: int, fields: int) -> str:
    """An operation of `fields` fields: from `root0`, follow `next`/`far`, selecting `name` and the
    neighbour's `extra` field on the way (each object selects 4 fields, the last fills up to `fields`)."""
    per = types // subgraphs
    n, count, depth = 0, 0, 0
    opened: list[str] = []
    text = "{ root0 {"
    count += 1
    while count < fields:
        extra = f"extra{((n // per) - 1) % subgraphs}"
        remaining = fields - count
        if remaining <= 3:
            text += " " + " ".join(["id", "name", extra][:remaining])
            break
        # Alternate `far` (a jump to another subgraph's type) and `next` (usually the same subgraph).
        step, n = ("far", (n + 37) % types) if depth % 2 == 0 else ("next", (n + 1) % types)
        text += f" id name {extra} {step} {{"
        opened.append("}")
        count += 4
        depth += 1
    return text + " " + " ".join(opened) + " } }"


def time_plans(supergraph: Supergraph, query: str, repeat: int) -> tuple[list[float], list[float]]:
    """Milliseconds per plan: CPU time of the planning thread (what planning costs, whatever else the
    machine is doing) and wall-clock time."""
    document = graphql.parse(query)
    errors = graphql.validate(supergraph.api_schema, document)
    if errors:
        raise SystemExit(f"invalid operation: {errors[0]}")
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(repeat):
        started, started_wall = time.thread_time(), time.perf_counter()
        build_plan(supergraph, document, None)
        cpu.append((time.thread_time() - started) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.planner_scale_bench", description=__doc__)
    parser.add_argument("--subgraphs", type=int, default=100)
    parser.add_argument("--types", type=int, default=2000)
    parser.add_argument("--fields", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of one planning")
    parser.add_argument("--show", action="store_true", help="print the operation and its plan")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    supergraph = scale_supergraph(args.subgraphs, args.types)
    setup = time.perf_counter() - started
    query = scale_operation(args.subgraphs, args.types, args.fields)
    timings, wall = time_plans(supergraph, query, args.repeat)
    plan = build_plan(supergraph, graphql.parse(query), None)
    fetches = print_plan(plan).count("Fetch(")
    print(f"planner at scale: {args.subgraphs} subgraphs, {args.types} types (set up in {setup:.1f} s)")
    median = statistics.median(timings)
    print(
        f"  a {args.fields}-field operation, {fetches} fetches: median {median:.1f} ms, "
        f"best {min(timings):.1f} ms CPU per plan (wall: median {statistics.median(wall):.1f} ms; "
        f"{args.repeat} plans, cold)"
    )
    if args.show:
        print(query)
        print(print_plan(plan))

    bench_supergraph = load_supergraph(supergraph_sdl({name: 4000 + i for i, name in enumerate(APPS)}))
    ours = load_supergraph((Path(__file__).parents[1] / "schema" / "supergraph.graphql").read_text())
    for label, graph, operation in (
        ("the router benchmark's small query", bench_supergraph, SMALL_QUERY),
        ("the dashboard query on our supergraph", ours, DASHBOARD),
    ):
        small, _ = time_plans(graph, operation, max(args.repeat, 200))
        print(
            f"  {label}: {1000 / statistics.median(small):.0f} plans/s "
            f"(median {statistics.median(small):.2f} ms, cold)"
        )
    if args.profile:
        profiler = cProfile.Profile()
        document = graphql.parse(query)
        profiler.enable()
        build_plan(supergraph, document, None)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
