"""Expected failures of the interview use cases, carrying the `extensions.code` of DESIGN.md.

Written here because `subgraphs/kit/errors.py` was not committed yet when interviews needed it; the classes
follow the kit brief (one class per code, optional `extensions.field`) so they can move to the kit unchanged.
graphql-core copies an exception's `extensions` dict into the GraphQL error, so raising these from a resolver
is enough.
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A failure the client caused or may see; `extensions` is what the GraphQL error carries."""

    code: ClassVar[str] = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.extensions: dict[str, object] = {"code": self.code}
        if field is not None:
            self.extensions["field"] = field


class BadUserInput(DomainError):
    """The input is invalid; `field` names the offending input field (dotted path from the input root)."""

    code = "BAD_USER_INPUT"


class Unauthenticated(DomainError):
    """No valid identity came with the request."""

    code = "UNAUTHENTICATED"


class Forbidden(DomainError):
    """The caller is known but may not do this (never used for other people's items: that is NotFound)."""

    code = "FORBIDDEN"


class NotFound(DomainError):
    """No such item for this caller — also what someone else's item looks like, so ids cannot be probed."""

    code = "NOT_FOUND"


class Conflict(DomainError):
    """The item's current state forbids the change (e.g. updating a cancelled interview)."""

    code = "CONFLICT"
