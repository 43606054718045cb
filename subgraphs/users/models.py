"""Users' domain records and their tables (profiles, refresh tokens, interests, outbox)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events import outbox_table as build_outbox_table
from subgraphs.kit.idempotency import idempotency_table


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link on a profile (LinkedIn, GitHub, a portfolio...)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class User:
    """A registered person's profile: visible to signed-in people, except `email` and `phone`, which only
    the person sees unless they chose to show them (`show_email`, `show_phone`)."""

    id: str
    email: str
    name: str
    created_at: datetime
    updated_at: datetime
    phone: str | None = None
    headline: str | None = None
    location: str | None = None
    skills: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    show_email: bool = False
    show_phone: bool = False

    def email_for(self, viewer: str | None) -> str | None:
        """The email as `viewer` may see it: always for the person, for others only when shown."""
        return self.email if viewer == self.id or self.show_email else None

    def phone_for(self, viewer: str | None) -> str | None:
        return self.phone if viewer == self.id or self.show_phone else None


@dataclass(frozen=True, slots=True)
class ProfileChanges:
    """`updateProfile`'s input after validation; None fields are left as they are."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    headline: str | None = None
    location: str | None = None
    skills: tuple[str, ...] | None = None
    links: tuple[Link, ...] | None = None
    show_email: bool | None = None
    show_phone: bool | None = None
    # Fields the client explicitly set to null (cleared), e.g. {"phone"}.
    cleared: frozenset[str] = field(default_factory=frozenset)


metadata = sa.MetaData()

users_table = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    # Lower-cased at the edge, so the unique index is a case-insensitive one.
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("name_lower", sa.String(100), nullable=False, index=True),
    sa.Column("phone", sa.String(40), nullable=True),
    sa.Column("headline", sa.String(120), nullable=True),
    sa.Column("location", sa.String(120), nullable=True),
    sa.Column("skills", sa.JSON, nullable=False),
    sa.Column("links", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    # Private unless the person shows them (migration 0003: everyone starts private).
    sa.Column("show_email", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("show_phone", sa.Boolean, nullable=False, server_default=sa.false()),
)

refresh_tokens_table = sa.Table(
    "refresh_tokens",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    # SHA-256 of the token: a stolen database does not hand out sessions.
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    # Every token descending from one login: reuse of a rotated token revokes the whole family.
    sa.Column("family_id", sa.String(36), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("expires_at", UtcDateTime(), nullable=False),
    sa.Column("revoked_at", UtcDateTime(), nullable=True),
)

interests_table = sa.Table(
    "interests",
    metadata,
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("target_id", sa.String(36), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# One row per failed sign-in, kept for the throttling window: shared by every replica through the database.
# Counted per (email, client address), so a stranger cannot lock the owner out, and per client address.
failed_logins_table = sa.Table(
    "failed_logins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("failed_at", UtcDateTime(), nullable=False),
    sa.Column("client", sa.String(64), nullable=False, server_default=""),
    sa.Index("ix_failed_logins_email_at", "email", "failed_at"),
    sa.Index("ix_failed_logins_client_at", "client", "failed_at"),
)

# One row per sign-up or sign-in attempt (any outcome), for the per-client limits; same sharing.
auth_attempts_table = sa.Table(
    "auth_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("client", sa.String(64), nullable=False),
    # "sign_in" or "sign_up" (an email change counts as a sign-up: both tell whether an email is taken).
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("at", UtcDateTime(), nullable=False),
    sa.Index("ix_auth_attempts_client_action_at", "client", "action", "at"),
)

outbox_table = build_outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)
