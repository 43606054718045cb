"""Fragment explosion (issue 9, finding 1): the time the router takes to answer a chain of n fragments, each
spreading the next twice (`{ me { ...F0 } } fragment F0 on User { ...F1 ...F1 } ...`), for n = 10…30, and
the latency of a trivial (cached) request sent meanwhile, which shows whether preparation blocks the loop.

Each chain carries a fresh `# comment`, so nothing is answered from a cache. Run:
`python -m bench.fragment_chain_bench [--start 10] [--stop 30] [--step 2] [--timeout 30]`. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import time

import httpx

from bench.accounts_router import accounts_router
from bench.cache_memory_bench import large_operation

TRIVIAL = '{"query": "{ me { name } }"}'
HEADERS = {"content-type": "application/json"}


def fragment_chain(n: int, tag: int) -> str:
    fragments = [f"fragment F{i} on User {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n)]
    fragments.append(f"fragment F{n} on User {{ id }}")
    return f"# attempt {tag}\n{{ me {{ ...F0 }} }} " + " ".join(fragments)


async def measure(url: str, query: str, limit: float) -> tuple[float | None, str, float]:
    """Seconds to answer `query` (None on a client timeout), how it ended, and the worst latency (ms) of
    trivial requests sent one after another while it was being answered."""
    async with httpx.AsyncClient(timeout=limit) as client:
        await client.post(url, content=TRIVIAL, headers=HEADERS)  # cached from here on
        started = time.perf_counter()
        chain = asyncio.create_task(client.post(url, json={"query": query}))
        worst = 0.0
        try:
            while not chain.done():
                sent = time.perf_counter()
                await client.post(url, content=TRIVIAL, headers=HEADERS)
                worst = max(worst, time.perf_counter() - sent)
            response = await chain
        except httpx.TimeoutException:
            chain.cancel()
            return None, "client timeout", max(worst, time.perf_counter() - sent) * 1000
        elapsed = time.perf_counter() - started
        body = response.json()
        outcome = "data" if body.get("data") else body["errors"][0]["extensions"].get("code", "error")
        return elapsed, outcome, worst * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fragment_chain_bench", description=__doc__)
    parser.add_argument("--start", type=int, default=10)
    parser.add_argument("--stop", type=int, default=30)
    parser.add_argument("--step", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="give up on one chain after this long")
    args = parser.parse_args(argv)
    with accounts_router() as (url, _):
        print("fragment chain: n fragments, each spreading the next twice (2^n spreads if expanded)")
        print(f"  {'n':>3}  {'bytes':>6}  {'answer':>10}  {'outcome':<22}  trivial request meanwhile")
        for n in range(args.start, args.stop + 1, args.step):
            chain = fragment_chain(n, time.time_ns())
            elapsed, outcome, worst = asyncio.run(measure(url, chain, args.timeout))
            answer = f"{elapsed * 1000:8.1f} ms" if elapsed is not None else f">{args.timeout:.0f} s"
            size = len(fragment_chain(n, 0).encode())
            print(f"  {n:>3}  {size:>6}  {answer:>10}  {outcome:<22}  worst {worst:.1f} ms")
            if elapsed is None:
                print("  (stopped: the router no longer answers within the timeout)")
                break
        # For scale: a large legitimate operation that really costs preparation time.
        large = large_operation(time.time_ns(), 97_000)
        elapsed, outcome, worst = asyncio.run(measure(url, large, args.timeout))
        answer = f"{elapsed * 1000:8.1f} ms" if elapsed is not None else f">{args.timeout:.0f} s"
        print(f"  a new ~97 KB operation: {answer.strip()}, {outcome}; trivial meanwhile {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
