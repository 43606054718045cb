"""Composition root of the notifications subgraph: settings → database → service → loops → ASGI app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, database_lifespan, subgraph_app, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, LiveEvents, RetryPolicy
from subgraphs.kit.idempotency import sql_idempotency
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.notifications.context import NotificationsContext
from subgraphs.notifications.delivery import EMAIL_RETRY, EmailDelivery
from subgraphs.notifications.emails import EmailComposer
from subgraphs.notifications.events import (
    NOTIFICATION_CREATED,
    notification_consumer,
    record_notification_event,
)
from subgraphs.notifications.mail_settings import MailSettings
from subgraphs.notifications.mailers import Mailer, create_mailer
from subgraphs.notifications.migrations import MIGRATIONS_DIR
from subgraphs.notifications.periodic import Periodic
from subgraphs.notifications.schema import schema
from subgraphs.notifications.service import NotificationService, utc_now
from subgraphs.notifications.unsubscribe import UnsubscribeTokens, unsubscribe_route

NAME = "notifications"
# How often the loops look for due reminders and emails; a reminder is at most this late.
REMINDER_INTERVAL_SECONDS = 15.0
EMAIL_INTERVAL_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class NotificationsSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app, its event consumer and the loops its lifespan runs."""

    app: Starlette
    service: NotificationService
    engine: AsyncEngine
    consumer: EventConsumer
    # The subscribers of `notificationReceived` in this process, fed from the bus by the lifespan or host.
    live: LiveEvents
    delivery: EmailDelivery
    reminder_loop: Periodic
    email_loop: Periodic


def build_subgraph(
    settings: SubgraphSettings,
    *,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
    mail: MailSettings | None = None,
    mailer: Mailer | None = None,
    email_retry: RetryPolicy = EMAIL_RETRY,
    reminder_interval: float = REMINDER_INTERVAL_SECONDS,
    email_interval: float = EMAIL_INTERVAL_SECONDS,
) -> NotificationsSubgraph:
    """Build the subgraph from `settings`; the database is migrated when the app starts (lifespan).

    With `bus` (owned by the host), start-up subscribes the `notifications` consumer and relays
    `notification.created` events. The lifespan also runs the reminder loop (sending, at start-up, what fell
    due while the service was down) and the email loop. `mail` defaults to the environment's; `mailer` to
    SMTP or `.eml` files from it; `clock` drives reminders and is what the tests move.
    """
    engine = create_engine(settings.database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    mail = mail or MailSettings.from_env(settings.data_dir)
    tokens = UnsubscribeTokens(mail.unsubscribe_secret)
    composer = EmailComposer(tokens, mail.public_url, mail.sender)
    service = NotificationService(sessions, record_notification_event, composer=composer, clock=clock)
    delivery = EmailDelivery(
        sessions, mailer or create_mailer(mail), composer, clock=clock, retry=email_retry
    )
    email_loop = Periodic("notifications:emails", delivery.send_due, email_interval)

    async def remind_then_mail() -> None:
        if await service.send_due_reminders():
            email_loop.wake()

    reminder_loop = Periodic("notifications:reminders", remind_then_mail, reminder_interval)
    consumer = notification_consumer(service, sessions, retry=retry)
    live = LiveEvents(NAME, [NOTIFICATION_CREATED])

    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: NotificationsContext(
            service=service, identity=identity, auth_error=error, live=live
        ),
        verifier_for(settings, verifier),
        idempotency=sql_idempotency(engine),
    )
    database = database_lifespan(settings, engine, MIGRATIONS_DIR, bus=bus, consumer=consumer, live=live)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with database(app):
            await reminder_loop.start()
            await email_loop.start()
            try:
                yield
            finally:
                await reminder_loop.stop()
                await email_loop.stop()

    routes = [unsubscribe_route(tokens, service.switch_email_off)]
    app = subgraph_app(NAME, graphql, lifespan, routes=routes)
    return NotificationsSubgraph(
        app=app,
        service=service,
        engine=engine,
        consumer=consumer,
        live=live,
        delivery=delivery,
        reminder_loop=reminder_loop,
        email_loop=email_loop,
    )


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
