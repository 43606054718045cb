"""How long a wrong-password sign-in takes for a registered email and for an unknown one (they must match,
or timing tells who is registered). Production Argon2 parameters, embedded SQLite, in process.

`python -m bench.login_timing [--rounds N]` prints the median and spread of each.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.ext.asyncio import async_sessionmaker

from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.errors import DomainError
from subgraphs.kit.keys import load_or_create_signing_key
from subgraphs.users.migrations import MIGRATIONS_DIR
from subgraphs.users.service import UserService


async def measure(rounds: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as directory:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(directory) / 'users.sqlite3'}")
        await upgrade_to_head(engine, MIGRATIONS_DIR)
        service = UserService(
            async_sessionmaker(engine, expire_on_commit=False), load_or_create_signing_key(Path(directory))
        )
        await service.register("known@example.com", "correct horse battery", "Known")
        timings: dict[str, list[float]] = {"registered": [], "unknown": []}
        for round_ in range(rounds):
            # Alternate, and vary the email so no throttle trips: each attempt is a first failure.
            unknown = f"nobody{round_}@example.com"
            for kind, email in (("registered", "known@example.com"), ("unknown", unknown)):
                started = time.perf_counter()
                with contextlib.suppress(DomainError):
                    await service.login(email, "wrong password", client=f"192.0.2.{round_ % 250}")
                timings[kind].append((time.perf_counter() - started) * 1000)
        await engine.dispose()
        return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args(argv)
    timings = asyncio.run(measure(args.rounds))
    for kind, values in timings.items():
        print(
            f"wrong password, {kind:>10} email: median {statistics.median(values):6.1f} ms"
            f"  (min {min(values):6.1f}, max {max(values):6.1f}, n={len(values)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
