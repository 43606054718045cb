"""`make bench`: every benchmark in turn, each printing its numbers (the router's memory under 250 large
operations takes minutes: `python -m bench.cache_memory_bench`)."""

from __future__ import annotations

from bench import dashboard_bench, fragment_chain_bench, login_timing, router_bench


def main() -> int:
    status = router_bench.main([])
    print()
    status = status or dashboard_bench.main([])
    print()
    status = status or fragment_chain_bench.main([])
    print()
    return status or login_timing.main([])


if __name__ == "__main__":
    raise SystemExit(main())
