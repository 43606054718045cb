"""What an Idempotency-Key costs a mutation, and what a replay costs: `createApplication` on the applications
subgraph in process (embedded SQLite, or `--database-url` for PostgreSQL), sent without a key, with a fresh
key each time, and retried under one key (replayed).

`python -m bench.idempotency_bench [--rounds N] [--database-url URL]` prints the median and p99 of each;
asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid

import httpx

from subgraphs.applications.app import build_subgraph
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.harness import PUBLIC_PEM, started, token

CREATE = 'mutation { createApplication(input: {company: "Initech", position: "Data engineer"}) { id } }'


async def measure(rounds: int, database_url: str | None) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as directory:
        environ = {"JOBGRAPH_DATA_DIR": directory, "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
        if database_url:
            environ["APPLICATIONS_DATABASE_URL"] = database_url
        settings = SubgraphSettings.from_env("applications", environ)
        async with started(build_subgraph(settings)) as built:
            transport = httpx.ASGITransport(app=built.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=30) as client:
                auth = {"authorization": f"Bearer {token(f'bench-{uuid.uuid4()}', expires_in=3600)}"}
                retried = str(uuid.uuid4())
                kinds = {
                    "no key": lambda: auth,
                    "new key": lambda: {**auth, "idempotency-key": str(uuid.uuid4())},
                    "replayed": lambda: {**auth, "idempotency-key": retried},
                }
                timings: dict[str, list[float]] = {kind: [] for kind in kinds}
                for _ in range(rounds):
                    for kind, headers in kinds.items():
                        begun = time.perf_counter()
                        response = await client.post("/graphql", json={"query": CREATE}, headers=headers())
                        timings[kind].append((time.perf_counter() - begun) * 1000)
                        if response.json().get("errors"):
                            raise SystemExit(f"createApplication failed: {response.text}")
        return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.idempotency_bench", description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--database-url", default=None, help="APPLICATIONS_DATABASE_URL (default: SQLite)")
    args = parser.parse_args(argv)
    timings = asyncio.run(measure(args.rounds, args.database_url))
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"createApplication on the applications subgraph in process ({backend}), {args.rounds} rounds")
    for kind, values in timings.items():
        p99 = statistics.quantiles(values, n=100)[98]
        print(f"{kind:>9}: median {statistics.median(values):6.2f} ms  p99 {p99:6.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
