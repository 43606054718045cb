"""SQLite connections for the embedded default that answer in the event loop's own thread: aiosqlite's
interface, as SQLAlchemy's aiosqlite dialect uses it, without aiosqlite's thread per connection.

Why: aiosqlite runs every call (cursor, execute, fetch, close, commit) in its connection's thread and wakes
the loop with the answer. A short query in its own transaction is six such hand-offs; on a two-core VM they
cost ~1.1 ms of CPU against ~0.4 ms answered in place, and a dashboard request makes five such transactions
(bench/dashboard_bench). SQLite's own work for our indexed statements is microseconds, less than the
hand-off.

A lock wait must not block the loop: another connection of this process may hold the write lock across an
`await`, and could then never release it. So the connection's busy timeout is zero and a statement SQLite
refuses with SQLITE_BUSY is retried after an asynchronous sleep until the engine's lock timeout has passed,
as sqlite3's own busy handler would have waited, with the loop free meanwhile. SQLITE_BUSY_SNAPSHOT (a read
transaction that can no longer become a writer) fails at once, as it did before: waiting cannot help it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar

_T = TypeVar("_T")

# The first retry of a refused statement comes after this long, each next one after twice as long, at most
# the cap: a short lock (one small transaction) is waited out at once, a long one is not polled busily.
_FIRST_RETRY_SECONDS = 0.0005
_RETRY_CAP_SECONDS = 0.05


def _busy(error: sqlite3.OperationalError) -> bool:
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY


async def _retrying(operation: Callable[[], _T], lock_timeout: float) -> _T:
    """`operation()`, again after a pause each time SQLite answers SQLITE_BUSY, until `lock_timeout`."""
    deadline = None
    pause = _FIRST_RETRY_SECONDS
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as error:
            if not _busy(error):
                raise
            now = time.monotonic()
            deadline = deadline if deadline is not None else now + lock_timeout
            if now >= deadline:
                raise
            await asyncio.sleep(min(pause, deadline - now))
            pause = min(pause * 2, _RETRY_CAP_SECONDS)


class InlineCursor:
    """An sqlite3 cursor behind aiosqlite's cursor interface."""

    __slots__ = ("_cursor", "_lock_timeout")

    def __init__(self, cursor: sqlite3.Cursor, lock_timeout: float) -> None:
        self._cursor = cursor
        self._lock_timeout = lock_timeout

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        self._cursor.close()

    def __aiter__(self) -> InlineCursor:
        return self

    async def __anext__(self) -> Any:
        row = self._cursor.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> InlineCursor:
        await _retrying(lambda: self._cursor.execute(sql, parameters), self._lock_timeout)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> InlineCursor:
        # A refused executemany wrote nothing (the first row could not take the write lock): it is resent
        # whole, so the rows are kept in a list to be read again.
        rows = list(parameters)
        await _retrying(lambda: self._cursor.executemany(sql, rows), self._lock_timeout)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def setinputsizes(self, *_: object) -> None:
        return None

    async def nextset(self) -> None:
        return None

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """An sqlite3 connection behind the part of aiosqlite's `Connection` that SQLAlchemy's dialect calls."""

    def __init__(self, connection: sqlite3.Connection, lock_timeout: float) -> None:
        # `_connection` is what the dialect checks to tell an open connection from a closed one.
        self._connection: sqlite3.Connection | None = connection
        self._lock_timeout = lock_timeout

    @property
    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("Connection closed")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        return self._open.isolation_level

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._open.cursor(), self._lock_timeout)

    async def commit(self) -> None:
        await _retrying(self._open.commit, self._lock_timeout)

    async def rollback(self) -> None:
        self._open.rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open.create_function(*args, **kwargs)

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        """Close at once (SQLAlchemy's `terminate`): nothing is in flight in another thread."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def creator(database: str, lock_timeout: float) -> Callable[[], Awaitable[InlineConnection]]:
    """SQLAlchemy's `async_creator` for `database`: connections whose lock waits give up after
    `lock_timeout` seconds."""

    async def connect() -> InlineConnection:
        # check_same_thread off: the engine's disposal may close a connection from another thread.
        return InlineConnection(sqlite3.connect(database, timeout=0, check_same_thread=False), lock_timeout)

    return connect
