"""Exporting 5,000 applications: time and file size per format, and importing that file back.

Builds the applications subgraph on the embedded defaults (SQLite in a temporary directory), writes
`--count` applications of one person straight to its store (each with a three-entry status history, a salary,
a description and notes), then over HTTP into the app (`exportApplications`, then a GET of the signed URL):
prints per format the median time of the mutation (read, write the file, store it), of the download, and
the file's size. Then imports the CSV and the XLSX into another account as a preview and as a commit
(median of one each: a commit creates them) and prints those times.

Run: `python -m bench.applications_export_bench [--count 5000] [--rounds 3]`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson
from sqlalchemy.ext.asyncio import async_sessionmaker

from subgraphs.applications.app import build_subgraph
from subgraphs.applications.models import Application, ApplicationStatus, Salary, SalaryPeriod, StatusChange
from subgraphs.applications.settings import ExportSettings
from subgraphs.applications.store import SqlApplicationStore
from subgraphs.applications.transfer.service import TransferLimits
from tests.subgraphs.harness import started, subgraph_settings, token

PUBLIC = "http://bench"
EXPORT = """mutation($format: ApplicationFileFormat!) {
  exportApplications(format: $format) { url rowCount } }"""
IMPORT = """mutation($file: Upload!, $commit: Boolean!) {
  importApplications(file: $file, commit: $commit) { createdCount refusedCount } }"""
STATUSES = list(ApplicationStatus)


async def seed(sessions: async_sessionmaker[Any], owner: str, count: int) -> None:
    """`count` applications of `owner`, each with SAVED → APPLIED → another status, in one transaction."""
    # In the past, as an import requires of the times it reads back.
    start = datetime.now(UTC) - timedelta(days=30, minutes=count)
    async with sessions.begin() as session:
        store = SqlApplicationStore(session)
        for number in range(count):
            created = start + timedelta(minutes=number)
            status = STATUSES[2 + number % (len(STATUSES) - 2)]
            application = Application(
                id=str(uuid.uuid4()),
                owner_id=owner,
                company=f"Company {number}",
                position="Senior Backend Engineer" if number % 2 else "=Designer (formula-looking)",
                location="Berlin, Germany",
                salary=Salary(min=50_000 + number, max=90_000, currency="EUR", period=SalaryPeriod.YEAR),
                job_url=f"https://jobs.example/{number}",
                description="Python, PostgreSQL, GraphQL federation; async services. " * 8,
                status=status,
                notes="Referred by a friend; follow up next week.",
                applied_at=created + timedelta(days=1),
                created_at=created,
                updated_at=created + timedelta(days=2),
            )
            await store.add(application)
            await store.add_status_change(
                StatusChange(application.id, ApplicationStatus.SAVED, None, created)
            )
            await store.add_status_change(
                StatusChange(
                    application.id, ApplicationStatus.APPLIED, "by email", created + timedelta(days=1)
                )
            )
            await store.add_status_change(
                StatusChange(application.id, status, None, created + timedelta(days=2))
            )


async def graphql(http: httpx.AsyncClient, user: str, query: str, **variables: Any) -> dict[str, Any]:
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token(user)}"},
    )
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body
    return body


async def upload(
    http: httpx.AsyncClient, user: str, name: str, content: bytes, commit: bool
) -> dict[str, Any]:
    operations = {"query": IMPORT, "variables": {"file": None, "commit": commit}}
    response = await http.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": (name, content, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token(user)}", "apollo-require-preflight": "true"},
    )
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body
    return body


async def run(count: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = subgraph_settings("applications", Path(data_dir))
        limits = TransferLimits(max_import_bytes=50 * 1024 * 1024, max_import_rows=max(count, 5_000))
        built = build_subgraph(settings, export_settings=ExportSettings(public_url=PUBLIC), limits=limits)
        async with started(built):
            began = time.perf_counter()
            await seed(async_sessionmaker(built.engine, expire_on_commit=False), "bench", count)
            print(f"applications export: {count} applications seeded in {time.perf_counter() - began:.1f} s")
            transport = httpx.ASGITransport(app=built.app)
            files: dict[str, bytes] = {}
            async with httpx.AsyncClient(transport=transport, base_url=PUBLIC, timeout=300) as http:
                print(f"{'format':<6} {'export ms (median)':>19} {'download ms':>12} {'size':>12}")
                for format in ("CSV", "XLSX", "JSON"):
                    exporting, downloading = [], []
                    for _ in range(rounds):
                        began = time.perf_counter()
                        found = (await graphql(http, "bench", EXPORT, format=format))["data"][
                            "exportApplications"
                        ]
                        exporting.append(time.perf_counter() - began)
                        assert found["rowCount"] == count
                        parts = urlsplit(found["url"])
                        began = time.perf_counter()
                        response = await http.get(f"{parts.path}?{parts.query}")
                        downloading.append(time.perf_counter() - began)
                        files[format] = response.content
                    print(
                        f"{format:<6} {statistics.median(exporting) * 1000:>19.0f} "
                        f"{statistics.median(downloading) * 1000:>12.1f} {len(files[format]):>12,} B"
                    )
                for format in ("CSV", "XLSX"):
                    name = f"export.{format.lower()}"
                    for commit in (False, True):
                        began = time.perf_counter()
                        body = await upload(http, f"importer-{format}", name, files[format], commit)
                        elapsed = time.perf_counter() - began
                        report = body["data"]["importApplications"]
                        kind = "commit" if commit else "preview"
                        print(
                            f"import {format} ({kind}): {elapsed * 1000:.0f} ms, "
                            f"{report['createdCount']} created, {report['refusedCount']} refused"
                        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.applications_export_bench", description=__doc__)
    parser.add_argument("--count", type=int, default=5_000, help="applications to export")
    parser.add_argument("--rounds", type=int, default=3, help="exports per format")
    args = parser.parse_args(argv)
    asyncio.run(run(args.count, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
