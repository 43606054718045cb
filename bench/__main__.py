"""`make bench`: every benchmark in turn, each printing its numbers (the router's memory under 250 large
operations takes minutes: `python -m bench.cache_memory_bench`)."""

from __future__ import annotations

from bench import (
    analytics_bench,
    applications_export_bench,
    applications_page_bench,
    dashboard_bench,
    data_export_bench,
    fragment_chain_bench,
    idempotency_bench,
    login_timing,
    planner_scale_bench,
    router_bench,
    search_bench,
    subscriptions_bench,
    timeline_bench,
    upload_bench,
)

BENCHMARKS = (
    router_bench,
    dashboard_bench,
    fragment_chain_bench,
    planner_scale_bench,
    login_timing,
    analytics_bench,
    subscriptions_bench,
    search_bench,
    upload_bench,
    applications_page_bench,
    timeline_bench,
    data_export_bench,
    idempotency_bench,
    applications_export_bench,
)


def main() -> int:
    for position, bench in enumerate(BENCHMARKS):
        if position:
            print()
        status = bench.main([])
        if status:
            return status
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
