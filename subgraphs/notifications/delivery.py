"""Sending queued emails: claim the due ones, hand each to the mailer, retry failures with backoff.

An email is claimed with its row locked (PostgreSQL `FOR UPDATE SKIP LOCKED`; SQLite has one process) and
marked sent in the same transaction, so two replicas never send it both and a sent one is never sent again.
The one window left is a crash between the server accepting it and the commit: the resend then carries the
same Message-ID, which mail programs recognise as the same message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events import RetryPolicy
from subgraphs.notifications.emails import EmailComposer
from subgraphs.notifications.mailers import Mailer
from subgraphs.notifications.store import NotificationStore, SqlNotificationStore

log = logging.getLogger(__name__)

EMAIL_BATCH = 20
# SMTP outages last minutes: back off up to an hour, then give up and keep the row for the operator.
EMAIL_RETRY = RetryPolicy(max_attempts=8, first_delay=30.0, factor=2.0, max_delay=3600.0)


class EmailDelivery:
    """Sends every due queued email once; `send_due()` is one round (the app runs it periodically)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        mailer: Mailer,
        composer: EmailComposer,
        *,
        clock: Callable[[], datetime],
        retry: RetryPolicy = EMAIL_RETRY,
        store: Callable[[AsyncSession], NotificationStore] = SqlNotificationStore,
    ) -> None:
        self._sessions = sessions
        self._mailer = mailer
        self._composer = composer
        self._clock = clock
        self._retry = retry
        self._store = store

    async def send_due(self) -> int:
        """Send what is due now, batch by batch; how many were sent."""
        sent = 0
        while True:
            async with self._sessions.begin() as session:
                store = self._store(session)
                claimed = await store.claim_due_emails(self._clock(), EMAIL_BATCH)
                for email in claimed:
                    attempt = email.attempts + 1
                    try:
                        await self._mailer.send(self._composer.message(email))
                    except Exception as error:
                        now = self._clock()
                        if attempt >= self._retry.max_attempts:
                            log.error("giving up email %s after %d attempts: %r", email.id, attempt, error)
                            outcome = replace(email, attempts=attempt, failed_at=now, last_error=repr(error))
                        else:
                            log.warning("email %s failed (attempt %d): %r", email.id, attempt, error)
                            delay = timedelta(seconds=self._retry.delay(attempt))
                            outcome = replace(
                                email, attempts=attempt, next_attempt_at=now + delay, last_error=repr(error)
                            )
                    else:
                        outcome = replace(email, attempts=attempt, sent_at=self._clock(), last_error=None)
                        sent += 1
                    await store.update_email(outcome)
            if len(claimed) < EMAIL_BATCH:
                return sent
