"""`make bench`: every benchmark in turn, each printing its numbers."""

from __future__ import annotations

from bench import dashboard_bench, router_bench, search_bench


def main() -> int:
    status = router_bench.main([])
    print()
    status = status or dashboard_bench.main([])
    print()
    return status or search_bench.main([])


if __name__ == "__main__":
    raise SystemExit(main())
