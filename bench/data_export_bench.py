"""How big a data export's parts get, and what chunking makes of them on the broker.

Builds the `applications` part of a person with N applications (every column the applications table has, a
1 KB job description and notes, two status-history rows each) and cuts it into `export.part` events the
way the applications subgraph does (subgraphs/kit/exports.py). Prints, per N: the part's JSON size, how many
events carry it, the largest event on the wire and the time to build them. This is the measurement behind
chunking: a single message would grow with the person's data; chunks stay at ~64 KiB.

Run: `python -m bench.data_export_bench [--sizes 100,1000,5000]`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from subgraphs.kit.exports import part_events

DESCRIPTION = ("Build and run data pipelines in Python and PostgreSQL on Kubernetes. " * 14)[:1000]


def applications_part(count: int) -> dict[str, Any]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    applications, history = [], []
    for n in range(count):
        application_id = str(uuid.uuid4())
        created = start + timedelta(minutes=n)
        applications.append({
            "id": application_id, "owner_id": "bench", "company": f"Company {n}", "position": "Data engineer",
            "location": "Berlin", "salary_min": 60000, "salary_max": 80000, "salary_currency": "EUR",
            "salary_period": "YEAR", "job_url": f"https://jobs.example/{n}", "description": DESCRIPTION,
            "status": "APPLIED", "notes": "Referred by a friend; follow up in a week.", "applied_at": created,
            "created_at": created, "updated_at": created,
        })  # fmt: skip
        history += [
            {"id": 2 * n, "application_id": application_id, "status": "SAVED", "note": None,
             "changed_at": created},
            {"id": 2 * n + 1, "application_id": application_id, "status": "APPLIED", "note": "sent",
             "changed_at": created},
        ]  # fmt: skip
    return {"applications": applications, "statusHistory": history}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.data_export_bench", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,5000", help="applications per person, comma-separated")
    args = parser.parse_args(argv)
    print("data export: the applications part, chunked into export.part events")
    print(f"{'applications':>12} {'part MB':>8} {'events':>7} {'largest event KB':>17} {'build ms':>9}")
    for count in (int(size) for size in args.sizes.split(",")):
        collections = applications_part(count)
        began = time.perf_counter()
        events = part_events("applications", "bench", str(uuid.uuid4()), "applications", collections)
        wire = [len(event.to_json()) for event in events]
        elapsed = (time.perf_counter() - began) * 1000
        part = sum(len(str(event.data["chunk"])) for event in events)
        print(f"{count:>12} {part / 1e6:>8.2f} {len(events):>7} {max(wire) / 1024:>17.1f} {elapsed:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
