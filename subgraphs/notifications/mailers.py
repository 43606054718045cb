"""Where emails go: an SMTP server (aiosmtplib, production) or `.eml` files in a directory (embedded)."""

from __future__ import annotations

import os
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import aiosmtplib

from subgraphs.notifications.mail_settings import MailSettings


class Mailer(Protocol):
    """Hands one message on; returns only once it was accepted, raises when it was not."""

    async def send(self, message: EmailMessage) -> None: ...


class SmtpMailer:
    """Sends through the SMTP server of `settings` (STARTTLS and login when configured), with a timeout."""

    def __init__(self, settings: MailSettings) -> None:
        if settings.smtp_host is None:
            raise ValueError("SmtpMailer needs NOTIFICATIONS_SMTP_HOST")
        self._settings = settings
        self._host = settings.smtp_host

    async def send(self, message: EmailMessage) -> None:
        settings = self._settings
        await aiosmtplib.send(
            message,
            hostname=self._host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password,
            start_tls=settings.smtp_starttls,
            timeout=settings.smtp_timeout,
        )


class EmlDirectoryMailer:
    """Writes each message to `<directory>/<Message-ID>.eml` so a person can open it in a mail program.

    The name comes from the Message-ID, so writing the same email again replaces the file: never two copies.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = str(message["Message-ID"]).strip("<>").split("@")[0]
        path = self.directory / f"{name}.eml"
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(bytes(message))
        os.replace(temporary, path)


def create_mailer(settings: MailSettings) -> Mailer:
    """SMTP when `NOTIFICATIONS_SMTP_HOST` is set, else `.eml` files under the data directory."""
    if settings.smtp_host:
        return SmtpMailer(settings)
    return EmlDirectoryMailer(settings.mail_dir)
