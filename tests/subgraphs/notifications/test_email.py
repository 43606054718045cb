"""Notification emails through a real SMTP server: text and HTML, unsubscribe link, backoff, never twice."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.kit.events import EventConsumer, RetryPolicy
from subgraphs.notifications.delivery import EmailDelivery
from subgraphs.notifications.mail_settings import MailSettings
from subgraphs.notifications.mailers import EmlDirectoryMailer, SmtpMailer
from subgraphs.notifications.service import NotificationService
from subgraphs.notifications.unsubscribe import UnsubscribeTokens
from tests.network import free_port
from tests.subgraphs.harness import TickingClock
from tests.subgraphs.notifications.conftest import IN_TWO_DAYS, SECRET, composer, registered, scheduled
from tests.subgraphs.notifications.smtp_server import smtp_server

RETRY = RetryPolicy(max_attempts=3, first_delay=60.0, factor=2.0, max_delay=600.0)


def smtp_delivery(engine: AsyncEngine, clock: TickingClock, port: int) -> EmailDelivery:
    settings = MailSettings(
        unsubscribe_secret=SECRET, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False, smtp_timeout=5
    )
    return EmailDelivery(
        async_sessionmaker(engine, expire_on_commit=False),
        SmtpMailer(settings),
        composer(),
        clock=clock,
        retry=RETRY,
    )


async def a_due_reminder(
    consumer: EventConsumer, service: NotificationService, clock: TickingClock, *, email_on: bool
) -> None:
    await consumer.dispatch(registered("alice", "alice@example.com", "Alice"))
    await service.update_settings("alice", email_enabled=email_on)
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    clock.now = IN_TWO_DAYS - timedelta(hours=1)
    assert await service.send_due_reminders() == 1


async def test_a_reminder_is_emailed_once_with_text_html_and_an_unsubscribe_link(
    consumer: EventConsumer, service: NotificationService, clock: TickingClock, sqlite_engine: AsyncEngine
) -> None:
    await a_due_reminder(consumer, service, clock, email_on=True)
    port = free_port()
    delivery = smtp_delivery(sqlite_engine, clock, port)
    with smtp_server(port) as mailbox:
        assert await delivery.send_due() == 1
        assert await delivery.send_due() == 0
    (message,) = mailbox.messages
    assert mailbox.recipients == [["alice@example.com"]]
    assert message["Subject"] == "Interview in 1 hour"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",))
    page = message.get_body(preferencelist=("html",))
    assert text is not None and page is not None
    assert "Hello Alice" in text.get_content()
    assert "Online interview" in page.get_content()
    link = str(message["List-Unsubscribe"]).strip("<>")
    assert link in text.get_content()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = parse_qs(urlparse(link).query)["token"][0]
    assert UnsubscribeTokens(SECRET).user_of(token) == "alice"


async def test_with_email_off_nothing_is_queued(
    consumer: EventConsumer, service: NotificationService, clock: TickingClock, sqlite_engine: AsyncEngine
) -> None:
    await a_due_reminder(consumer, service, clock, email_on=False)
    port = free_port()
    with smtp_server(port) as mailbox:
        assert await smtp_delivery(sqlite_engine, clock, port).send_due() == 0
    assert mailbox.messages == []


async def test_a_failed_send_is_retried_after_a_backoff_and_then_sent_once(
    consumer: EventConsumer, service: NotificationService, clock: TickingClock, sqlite_engine: AsyncEngine
) -> None:
    await a_due_reminder(consumer, service, clock, email_on=True)
    port = free_port()
    delivery = smtp_delivery(sqlite_engine, clock, port)
    # Nothing listens on the port yet: the attempt fails and the next waits RETRY's first delay.
    assert await delivery.send_due() == 0
    with smtp_server(port) as mailbox:
        clock.now += timedelta(seconds=30)
        assert await delivery.send_due() == 0
        clock.now += timedelta(seconds=31)
        assert await delivery.send_due() == 1
        clock.now += timedelta(hours=1)
        assert await delivery.send_due() == 0
    assert len(mailbox.messages) == 1


async def test_after_the_last_attempt_an_email_is_given_up(
    consumer: EventConsumer, service: NotificationService, clock: TickingClock, sqlite_engine: AsyncEngine
) -> None:
    await a_due_reminder(consumer, service, clock, email_on=True)
    delivery = smtp_delivery(sqlite_engine, clock, free_port())
    for _ in range(RETRY.max_attempts):
        assert await delivery.send_due() == 0
        clock.now += timedelta(hours=1)
    port = free_port()
    with smtp_server(port) as mailbox:
        assert await smtp_delivery(sqlite_engine, clock, port).send_due() == 0
    assert mailbox.messages == []


async def test_embedded_defaults_write_each_email_once_as_an_eml_file(
    consumer: EventConsumer,
    service: NotificationService,
    clock: TickingClock,
    sqlite_engine: AsyncEngine,
    tmp_path: Path,
) -> None:
    await a_due_reminder(consumer, service, clock, email_on=True)
    mailer = EmlDirectoryMailer(tmp_path / "mail")
    sessions = async_sessionmaker(sqlite_engine, expire_on_commit=False)
    delivery = EmailDelivery(sessions, mailer, composer(), clock=clock)
    assert await delivery.send_due() == 1
    (written,) = (tmp_path / "mail").iterdir()
    assert written.suffix == ".eml"
    content = written.read_bytes()
    assert b"Subject: Interview in 1 hour" in content
    assert b"Content-Type: text/html" in content
    # Handing the same message over again (a resend after a crash) replaces the file: still one.
    await mailer.send(email.message_from_bytes(content, _class=EmailMessage, policy=email.policy.default))
    assert len(list((tmp_path / "mail").iterdir())) == 1
