"""`make bench`: every benchmark in turn, each printing its numbers (the router's memory under 250 large
operations takes minutes: `python -m bench.cache_memory_bench`)."""

from __future__ import annotations

from bench import (
    analytics_bench,
    dashboard_bench,
    fragment_chain_bench,
    login_timing,
    router_bench,
    upload_bench,
)


def main() -> int:
    status = router_bench.main([])
    print()
    status = status or dashboard_bench.main([])
    print()
    status = status or fragment_chain_bench.main([])
    print()
    status = status or login_timing.main([])
    print()
    status = status or analytics_bench.main([])
    print()
    return status or upload_bench.main([])


if __name__ == "__main__":
    raise SystemExit(main())
