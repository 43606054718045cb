"""The federation schema every subgraph serves: caches on, errors coded and masked, expected errors quiet,
and instants that explain themselves when a client sends a bad one."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from subgraphs.kit.errors import MaskUnexpectedErrors

logger = logging.getLogger(__name__)

DATETIME_EXAMPLE = "2031-03-10T09:00:00+01:00"


def parse_datetime(value: object) -> datetime:
    """An ISO 8601 date and time; the error says what was expected (the default shows a Python error)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    # Strawberry's coercion error: graphql-core reports it at the variable, and it is coded BAD_USER_INPUT.
    raise StrawberryInputCoercionError(
        f"{value!r} is not an ISO 8601 date and time such as {DATETIME_EXAMPLE}"
    )


DateTime = strawberry.scalar(
    name="DateTime",
    description=f"A date and time in ISO 8601, e.g. {DATETIME_EXAMPLE}; answers are in UTC.",
    serialize=datetime.isoformat,
    parse_value=parse_datetime,
)


class SubgraphSchema(strawberry.federation.Schema):
    """`strawberry.federation.Schema` as every jobgraph subgraph configures it.

    Parsing and validation are cached (DESIGN.md: ~390-790 → ~2,300 requests/s for a small query); every
    error leaves with an `extensions.code`, unexpected ones masked (and logged with their traceback by
    `MaskUnexpectedErrors`).
    """

    def __init__(
        self,
        *,
        query: type,
        mutation: type | None = None,
        subscription: type | None = None,
        types: Iterable[Any] = (),
    ) -> None:
        super().__init__(
            query=query,
            mutation=mutation,
            subscription=subscription,
            types=list(types),
            extensions=[ParserCache, ValidationCache, MaskUnexpectedErrors],
            config=StrawberryConfig(scalar_map={datetime: DateTime}),
        )

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Invalid input, a missing item, an expired token: the client's answer, not the operator's problem.
        # Strawberry would log each with a traceback at ERROR; unexpected errors are logged where they are
        # masked, so here they are only counted at DEBUG.
        for error in errors:
            logger.debug("GraphQL error at %s: %s", error.path, error.message)
