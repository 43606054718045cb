"""Input validators shared by every subgraph: each failure is BAD_USER_INPUT naming the offending field."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from subgraphs.kit.errors import BadUserInput

# Deliberately simple (RFC 5322 is not what people type): one @, no spaces, a dot in the domain.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,40}$")


def text(value: str, field: str, *, max_length: int, min_length: int = 0) -> str:
    """`value` with surrounding whitespace removed, between the length bounds."""
    cleaned = value.strip()
    if len(cleaned) < min_length:
        raise BadUserInput(
            "must not be empty" if min_length == 1 else f"needs {min_length}+ characters", field=field
        )
    if len(cleaned) > max_length:
        raise BadUserInput(f"must be at most {max_length} characters", field=field)
    return cleaned


def optional_text(value: str | None, field: str, *, max_length: int) -> str | None:
    """Like `text`, but None or blank means "no value"."""
    if value is None:
        return None
    cleaned = text(value, field, max_length=max_length)
    return cleaned or None


def email(value: str, field: str = "email") -> str:
    """A plausible email address, lower-cased (addresses are compared case-insensitively)."""
    cleaned = value.strip().lower()
    if len(cleaned) > 254 or not _EMAIL.match(cleaned):
        raise BadUserInput("is not a valid email address", field=field)
    return cleaned


def phone(value: str | None, field: str = "phone") -> str | None:
    if value is None or not value.strip():
        return None
    cleaned = value.strip()
    if not _PHONE.match(cleaned):
        raise BadUserInput("is not a valid phone number", field=field)
    return cleaned


def url(value: str, field: str) -> str:
    """An absolute http(s) URL with a host."""
    cleaned = value.strip()
    parts = urlsplit(cleaned)
    if len(cleaned) > 2048 or parts.scheme not in ("http", "https") or not parts.netloc or " " in cleaned:
        raise BadUserInput("must be an http(s) URL", field=field)
    return cleaned


def optional_url(value: str | None, field: str) -> str | None:
    if value is None or not value.strip():
        return None
    return url(value, field)
