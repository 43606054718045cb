"""Expected failures carrying the `extensions.code` of DESIGN.md, and the masking of unexpected ones.

graphql-core copies an exception's `extensions` dict into the GraphQL error, so raising these from a resolver
is enough; `MaskUnexpectedErrors` turns anything else into INTERNAL_SERVER_ERROR without internals.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from graphql import GraphQLError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import MaskErrors

logger = logging.getLogger(__name__)


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


class RateLimited(DomainError):
    """Too many attempts; `retry_after` (whole seconds) says when the next one may succeed."""

    code = "RATE_LIMITED"

    def __init__(self, message: str, *, retry_after: int, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.extensions["retryAfter"] = retry_after


def is_unexpected(error: GraphQLError) -> bool:
    """True for errors the client must not see the details of: bugs and infrastructure failures.

    GraphQL's own errors (syntax, validation, variable coercion) have no original error and domain errors
    are meant for the client; anything else is masked.
    """
    original = error.original_error
    return original is not None and not isinstance(original, DomainError | GraphQLError)


def request_error_code(error: GraphQLError) -> str | None:
    """The code of an error GraphQL itself raised before executing, as Apollo Server labels them.

    A value of the wrong shape for a variable (e.g. `startsAt: "tomorrow"`) is the client's input, so
    BAD_USER_INPUT; a document that does not validate is GRAPHQL_VALIDATION_FAILED. None for errors
    raised while executing. (Syntax errors never reach schema extensions: Strawberry answers them itself.)
    """
    if isinstance(error.original_error, StrawberryInputCoercionError):
        return "BAD_USER_INPUT"
    if error.original_error is not None or error.path is not None:
        return None
    return "GRAPHQL_VALIDATION_FAILED"


class MaskUnexpectedErrors(MaskErrors):
    """Every error leaves with an `extensions.code`; unexpected exceptions become INTERNAL_SERVER_ERROR
    without their message (which is logged server-side)."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message="Internal server error")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            if not (error.extensions or {}).get("code") and (code := request_error_code(error)):
                error.extensions = {**(error.extensions or {}), "code": code}
        return processed

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        logger.error("unexpected error at %s", error.path, exc_info=error.original_error)
        return GraphQLError(
            message=self.error_message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR"},
        )
