"""Composition root of the applications subgraph: settings → database, export store → services → schema → ASGI
app.

Exports are files under `<data_dir>/exports/`, served by the app's signed `/blobs/` download route (the kit's
blob store and signing, as the files subgraph's embedded mode); a background sweep deletes them once their URL
has expired.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.applications.context import ApplicationsContext
from subgraphs.applications.events import (
    LIVE,
    applications_consumer,
    record_application_event,
    record_application_events,
)
from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.schema import schema
from subgraphs.applications.service import ApplicationService, utc_now
from subgraphs.applications.settings import ExportSettings
from subgraphs.applications.transfer.service import TransferLimits, TransferService
from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, database_lifespan, subgraph_app, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.blobs import LocalBlobStore, download_route
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, LiveEvents, RetryPolicy
from subgraphs.kit.idempotency import sql_idempotency
from subgraphs.kit.periodic import every
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.kit.signing import UrlSigner, load_or_create_secret

NAME = "applications"
# Where the generated secret of the export URLs is kept (APPLICATIONS_SIGNING_SECRET replaces it).
SIGNING_KEY_FILE = "applications-signing.key"
SWEEP_EVERY_SECONDS = 300.0


@dataclass(frozen=True, slots=True)
class ApplicationsSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus what a host wires around it: its live hub and its consumer of
    the interviews, files and contacts events that feed the timeline, of `user.deleted` and of
    `export.requested`."""

    app: Starlette
    service: ApplicationService
    transfer: TransferService
    engine: AsyncEngine
    # The subscribers of `applicationChanged` in this process, fed from the bus by the lifespan or host.
    live: LiveEvents
    consumer: EventConsumer


def build_subgraph(
    settings: SubgraphSettings,
    *,
    environ: Mapping[str, str] | None = None,
    export_settings: ExportSettings | None = None,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
    limits: TransferLimits = TransferLimits(),
) -> ApplicationsSubgraph:
    """Build the subgraph from `settings` (and the export settings of `environ`, default the process's); the
    database is migrated when the app starts (lifespan).

    With `bus` (owned by the host), start-up subscribes the `applications` consumer (timeline events,
    `user.deleted`, `export.requested`) and an outbox relay publishes application events to it until
    shutdown; without one they wait in the outbox for a host that relays them. `verifier` defaults to one
    for `settings.jwt_public_key`; without a key every request is anonymous.
    """
    engine = create_engine(settings.database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    service = ApplicationService(sessions, record_application_event, clock=clock)
    exports = export_settings or ExportSettings.from_env(environ)
    signer = UrlSigner(load_or_create_secret(settings.data_dir, exports.signing_secret, SIGNING_KEY_FILE))
    blobs = LocalBlobStore(settings.data_dir / "exports", exports.public_url, signer)
    transfer = TransferService(sessions, record_application_events, blobs, clock=clock, limits=limits)
    live = LiveEvents(NAME, LIVE)
    consumer = applications_consumer(service, sessions, transfer=transfer, retry=retry)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: ApplicationsContext(
            service=service, identity=identity, auth_error=error, live=live, transfer=transfer
        ),
        verifier_for(settings, verifier),
        idempotency=sql_idempotency(engine),
        # `importApplications` takes its file in the request (GraphQL multipart request through the router).
        multipart_uploads=True,
    )
    database = database_lifespan(settings, engine, MIGRATIONS_DIR, bus=bus, consumer=consumer, live=live)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with database(app):
            await blobs.start()
            async with every(SWEEP_EVERY_SECONDS, transfer.sweep, name="applications-export-sweep"):
                yield

    app = subgraph_app(NAME, graphql, lifespan, routes=[download_route(blobs, clock)])
    return ApplicationsSubgraph(
        app=app, service=service, transfer=transfer, engine=engine, live=live, consumer=consumer
    )


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
