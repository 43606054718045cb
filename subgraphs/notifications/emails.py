"""Emails of notifications: the queued record (text, HTML, unsubscribe link) and its MIME form."""

from __future__ import annotations

import html
import uuid
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

from subgraphs.notifications.models import Notification, OutgoingEmail, Person
from subgraphs.notifications.unsubscribe import UnsubscribeTokens

_HTML = """<!doctype html>
<html lang="en"><body style="font-family: sans-serif">
<h2>{title}</h2>
<p>{body}</p>
<hr>
<p style="font-size: small; color: #666">You get this because email notifications are on in jobgraph.
<a href="{unsubscribe}">Unsubscribe</a></p>
</body></html>
"""


class EmailComposer:
    """Writes the email of a notification and turns a queued email into a MIME message."""

    def __init__(self, tokens: UnsubscribeTokens, public_url: str, sender: str) -> None:
        self._tokens = tokens
        self._public_url = public_url.rstrip("/")
        self._sender = sender

    def unsubscribe_url(self, user_id: str) -> str:
        return f"{self._public_url}/unsubscribe?token={quote(self._tokens.token(user_id))}"

    def outgoing(
        self, notification: Notification, person: Person, address: str, now: datetime
    ) -> OutgoingEmail:
        """The queued email for `notification` to `person` at `address`, due now."""
        link = self.unsubscribe_url(person.id)
        text = (
            f"Hello {person.name},\n\n{notification.title}\n\n{notification.body}\n\n"
            f"-- \nYou get this because email notifications are on in jobgraph.\nUnsubscribe: {link}\n"
        )
        page = _HTML.format(
            title=html.escape(notification.title),
            body=html.escape(notification.body),
            unsubscribe=html.escape(link, quote=True),
        )
        return OutgoingEmail(
            id=str(uuid.uuid4()),
            user_id=person.id,
            notification_id=notification.id,
            to_address=address,
            subject=notification.title,
            text_body=text,
            html_body=page,
            created_at=now,
            next_attempt_at=now,
        )

    def message(self, email: OutgoingEmail) -> EmailMessage:
        """The MIME message: multipart/alternative, plain text first; a Message-ID fixed per queued email
        so that a resend after a crash is recognisably the same message."""
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = email.to_address
        message["Subject"] = email.subject
        message["Date"] = format_datetime(email.created_at)
        message["Message-ID"] = f"<{email.id}@jobgraph>"
        link = self.unsubscribe_url(email.user_id)
        # RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs to the link.
        message["List-Unsubscribe"] = f"<{link}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(email.text_body)
        message.add_alternative(email.html_body, subtype="html")
        return message
