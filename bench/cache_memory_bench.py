"""Router memory under large distinct operations (issue 9, finding 2): the router's RSS after each batch of
distinct, valid, anonymous ~97 KB operations (2,000 aliased fields each). Its caches are bounded in bytes,
so RSS must level off (the issue's bar: under 300 MiB after 250 operations).

Run: `python -m bench.cache_memory_bench [--count 250] [--size 97000]`. Asserts nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import httpx

from bench.accounts_router import accounts_router
from bench.router_bench import peak_rss_mib


def large_operation(tag: int, size: int) -> str:
    """A valid anonymous operation of about `size` bytes, distinct per `tag` (long aliases keep it under
    the router's token limit)."""
    fields: list[str] = []
    length = 10
    while length < size:
        fields.append(f"t{tag}_an_alias_long_enough_to_keep_tokens_few_{len(fields)}: name")
        length += len(fields[-1]) + 1
    return "{ me { " + " ".join(fields) + " } }"


def rss_mib(pid: int) -> float:
    """VmRSS: the process's resident set size now (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cache_memory_bench", description=__doc__)
    parser.add_argument("--count", type=int, default=250, help="distinct operations to send")
    parser.add_argument("--size", type=int, default=97_000, help="bytes per operation")
    args = parser.parse_args(argv)
    with accounts_router() as (url, router), httpx.Client(timeout=120) as client:
        print(f"router memory: {args.count} distinct valid anonymous operations of ~{args.size // 1000} KB")
        print(f"  {'sent':>5}  {'RSS':>9}  {'peak':>9}  failed")
        print(f"  {0:>5}  {rss_mib(router.pid):>5.0f} MiB  {peak_rss_mib(router.pid):>5.0f} MiB")
        failed = 0
        reasons: set[str] = set()
        for tag in range(1, args.count + 1):
            body = client.post(url, json={"query": large_operation(tag, args.size)}).json()
            if body.get("errors") or not body.get("data"):
                failed += 1
                reasons.update(error.get("message", "")[:100] for error in body.get("errors", ()))
            if tag % 25 == 0 or tag == args.count:
                rss, peak = rss_mib(router.pid), peak_rss_mib(router.pid)
                print(f"  {tag:>5}  {rss:>5.0f} MiB  {peak:>5.0f} MiB  {failed}")
        for reason in sorted(reasons):
            print(f"  failed: {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
