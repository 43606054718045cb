"""Hot reload: watch where the supergraph comes from and hand each new good one to the router.

Two sources (issue #3): file mode watches a supergraph file; compose mode introspects the subgraphs'
`{ _service { sdl } }` and composes them in process. Either way a candidate that fails to compose or to load
is logged and ignored, so the router keeps serving the last good supergraph; a good one is applied atomically
by the caller's `apply` (new operations use it, in-flight ones finish on the old one).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson

from router.subgraph_client.http import ROUTER_SECRET_HEADER

logger = logging.getLogger("router.reload")

SERVICE_SDL_QUERY = "query __SubgraphSDL { _service { sdl } }"


class SupergraphUnavailable(Exception):
    """A candidate supergraph could not be produced (unreachable subgraph, composition errors, bad file)."""


def read_supergraph_file(path: Path) -> Callable[[], Awaitable[str]]:
    """A source that reads the supergraph SDL from `path` on every poll."""

    async def read() -> str:
        try:
            return await asyncio.to_thread(path.read_text)
        except OSError as error:
            raise SupergraphUnavailable(f"cannot read {path}: {error}") from error

    return read


def compose_from_subgraphs(
    urls: Mapping[str, str],
    *,
    timeout: float = 5.0,
    transport: httpx.AsyncBaseTransport | None = None,
    router_secret: str | None = None,
) -> Callable[[], Awaitable[str]]:
    """A source that introspects each subgraph's SDL and composes the supergraph (compose mode); with
    `router_secret`, the requests carry it like every other request of the router's."""
    headers = {ROUTER_SECRET_HEADER: router_secret} if router_secret else {}

    async def fetch_sdl(client: httpx.AsyncClient, name: str, url: str) -> tuple[str, str, str]:
        try:
            response = await client.post(url, json={"query": SERVICE_SDL_QUERY})
            response.raise_for_status()
            body = orjson.loads(response.content)
            sdl = body["data"]["_service"]["sdl"]
        except (httpx.HTTPError, orjson.JSONDecodeError, KeyError, TypeError) as error:
            raise SupergraphUnavailable(
                f"subgraph {name!r} at {url}: cannot read its SDL ({error})"
            ) from error
        return name, url, sdl

    async def compose_now() -> str:
        # Imported here: only compose mode needs the composer.
        from router.composition import SubgraphSource, compose

        async with httpx.AsyncClient(timeout=timeout, transport=transport, headers=headers) as client:
            fetched = await asyncio.gather(
                *(fetch_sdl(client, name, url) for name, url in sorted(urls.items()))
            )
        result = compose([SubgraphSource(name=name, url=url, sdl=sdl) for name, url, sdl in fetched])
        if result.supergraph_sdl is None:
            details = "; ".join(f"[{error.code}] {error.message}" for error in result.errors)
            raise SupergraphUnavailable(f"composition failed: {details}")
        return result.supergraph_sdl

    return compose_now


@dataclass
class SupergraphWatcher:
    """Polls `source` every `interval` seconds and calls `apply` when the SDL changes.

    `apply` must load the SDL and swap it in, raising if the SDL does not load; the watcher then keeps the
    previous one (a rejected SDL's hash is remembered so the same bad SDL is reported once, not every poll).
    """

    source: Callable[[], Awaitable[str]]
    apply: Callable[[str], None]
    interval: float = 10.0
    _current_hash: str | None = None
    _task: asyncio.Task[None] | None = None

    def mark_current(self, sdl: str) -> None:
        """Record `sdl` as the one already being served (loaded by the caller at start-up)."""
        self._current_hash = _digest(sdl)

    async def load_initial(self) -> str:
        """The first supergraph: at start-up a failure is fatal, there is nothing older to fall back on."""
        sdl = await self.source()
        self.apply(sdl)
        self._current_hash = _digest(sdl)
        return sdl

    async def poll_once(self) -> bool:
        """One poll; True when a new supergraph was applied."""
        try:
            sdl = await self.source()
        except SupergraphUnavailable as error:
            logger.warning("supergraph reload skipped: %s", error)
            return False
        digest = _digest(sdl)
        if digest == self._current_hash:
            return False
        # Remembered even if rejected below, so one bad SDL is reported once rather than on every poll.
        self._current_hash = digest
        try:
            self.apply(sdl)
        except Exception:
            # A supergraph that composes but does not load must never take the router down.
            logger.exception("new supergraph rejected; still serving the previous one")
            return False
        logger.info("supergraph reloaded (sha256 %s)", digest[:12])
        return True

    def start(self) -> None:
        """Poll in the background until `stop`."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="supergraph-watcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            await self.poll_once()


def _digest(sdl: str) -> str:
    return hashlib.sha256(sdl.encode()).hexdigest()
