"""How the composition root builds each subgraph from the environment, in one shape for all of them."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events import Handler, LiveEvents, OutboxSource
from subgraphs.kit.settings import SubgraphSettings


@dataclass(frozen=True)
class BuiltSubgraph:
    """A subgraph ready to serve: its ASGI app, its outbox (if any) and its event handlers."""

    name: str
    app: Any
    # What the outbox relay drains: sessions on the subgraph's SQL database (its `outbox` table) or another
    # `OutboxSource` (MongoDB); None for a subgraph that publishes nothing.
    outbox: async_sessionmaker[AsyncSession] | OutboxSource | None = None
    # Routing-key pattern → handler of the events it consumes.
    handlers: Mapping[str, Handler] = field(default_factory=dict)
    # The subscribers it serves live (GraphQL subscriptions), fed from the bus; None if it has none.
    live: LiveEvents | None = None


def build_subgraph(name: str, environ: Mapping[str, str]) -> BuiltSubgraph:
    """Build subgraph `name` from `environ` through its package's `app.build_subgraph`.

    Every subgraph's `build_subgraph(settings)` returns an object with `app`, its outbox as `outbox` (or an
    `engine` whose `outbox` table it is) and, if it consumes events, `handlers`; users also takes the signing
    key (`JOBGRAPH_JWT_PRIVATE_KEY`, else the data dir's).
    """
    module = importlib.import_module(f"subgraphs.{name}.app")
    settings = SubgraphSettings.from_env(name, environ)
    if name == "users":
        built = module.build_subgraph(
            settings,
            signing_key_pem=environ.get("JOBGRAPH_JWT_PRIVATE_KEY"),
            max_sign_ups=module.sign_up_limit(environ),
        )
    elif name in ("files", "applications"):
        # Files reads its blob storage settings (FILES_S3_*, FILES_PUBLIC_URL), applications where its
        # export downloads are served (APPLICATIONS_PUBLIC_URL, ...), from the same environment.
        built = module.build_subgraph(settings, environ=environ)
    else:
        built = module.build_subgraph(settings)
    outbox = getattr(built, "outbox", None)
    engine = getattr(built, "engine", None)
    if outbox is None and engine is not None:
        outbox = async_sessionmaker(engine, expire_on_commit=False)
    return BuiltSubgraph(
        name=name,
        app=built.app,
        outbox=outbox,
        handlers=dict(getattr(built, "handlers", None) or {}),
        live=getattr(built, "live", None),
    )
