"""How the notifications subgraph sends email, read once from the environment by its composition root.

- `NOTIFICATIONS_SMTP_HOST`: the SMTP server; without it (embedded defaults) each email is written as an
  `.eml` file under `<JOBGRAPH_DATA_DIR>/mail/`.
- `NOTIFICATIONS_SMTP_PORT` (587), `NOTIFICATIONS_SMTP_USERNAME`, `NOTIFICATIONS_SMTP_PASSWORD`,
  `NOTIFICATIONS_SMTP_STARTTLS` (true), `NOTIFICATIONS_SMTP_TIMEOUT` (seconds, 10).
- `NOTIFICATIONS_MAIL_FROM`: the sender (default `jobgraph <notifications@jobgraph.invalid>`).
- `NOTIFICATIONS_PUBLIC_URL`: where people reach this subgraph's `/unsubscribe` (default the router of
  `jobgraph dev`, which mounts the subgraph at `/subgraphs/notifications`).
- `NOTIFICATIONS_UNSUBSCRIBE_SECRET`: signs unsubscribe links; default generated once under the data dir.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

SECRET_FILE = "notifications-unsubscribe.key"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:4000/subgraphs/notifications"
DEFAULT_SENDER = "jobgraph <notifications@jobgraph.invalid>"


@dataclass(frozen=True, slots=True)
class MailSettings:
    """SMTP server (None: `.eml` files), sender, public URL and the unsubscribe secret (never printed)."""

    unsubscribe_secret: bytes = field(repr=False)
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_starttls: bool = True
    smtp_timeout: float = 10.0
    sender: str = DEFAULT_SENDER
    public_url: str = DEFAULT_PUBLIC_URL
    mail_dir: Path = Path("var/mail")

    @classmethod
    def from_env(cls, data_dir: Path, environ: Mapping[str, str] | None = None) -> MailSettings:
        env = os.environ if environ is None else environ
        secret = env.get("NOTIFICATIONS_UNSUBSCRIBE_SECRET")
        return cls(
            unsubscribe_secret=secret.encode() if secret else _stored_secret(data_dir),
            smtp_host=env.get("NOTIFICATIONS_SMTP_HOST") or None,
            smtp_port=int(env.get("NOTIFICATIONS_SMTP_PORT", "587")),
            smtp_username=env.get("NOTIFICATIONS_SMTP_USERNAME") or None,
            smtp_password=env.get("NOTIFICATIONS_SMTP_PASSWORD") or None,
            smtp_starttls=env.get("NOTIFICATIONS_SMTP_STARTTLS", "true").lower() in ("1", "true", "yes"),
            smtp_timeout=float(env.get("NOTIFICATIONS_SMTP_TIMEOUT", "10")),
            sender=env.get("NOTIFICATIONS_MAIL_FROM") or DEFAULT_SENDER,
            public_url=(env.get("NOTIFICATIONS_PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/"),
            mail_dir=data_dir / "mail",
        )


def _stored_secret(data_dir: Path) -> bytes:
    """`<data_dir>/notifications-unsubscribe.key`, made on first start (mode 0600): links survive restarts."""
    path = data_dir / SECRET_FILE
    if path.exists():
        return path.read_bytes()
    data_dir.mkdir(parents=True, exist_ok=True)
    # Written to a temporary name and renamed, so a concurrent starter never reads half a secret.
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_hex(32).encode())
    os.replace(temporary, path)
    return path.read_bytes()
