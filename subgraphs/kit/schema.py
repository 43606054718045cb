"""The federation schema every subgraph serves: caches on, errors coded and masked, expected errors quiet,
and instants that explain themselves when a client sends a bad one."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Any

import strawberry
from graphql import GraphQLError, ValueNode, value_from_ast_untyped
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from subgraphs.kit.errors import MaskUnexpectedErrors
from subgraphs.kit.input_checks import MAX_REPRESENTATIONS, CheckInputs, RejectedValue

logger = logging.getLogger(__name__)

DATETIME_EXAMPLE = "2031-03-10T09:00:00+01:00"


def parse_datetime(value: object) -> datetime | RejectedValue:
    """An ISO 8601 date and time; otherwise a `RejectedValue` saying what was expected, which `CheckInputs`
    answers as BAD_USER_INPUT naming the input field (a raise here could not name it)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    return RejectedValue(f"{value!r} is not an ISO 8601 date and time such as {DATETIME_EXAMPLE}")


def parse_datetime_literal(
    node: ValueNode, variables: dict[str, Any] | None = None
) -> datetime | RejectedValue:
    """`parse_datetime` of a value written in the document (`filter: {from: ""}`)."""
    return parse_datetime(value_from_ast_untyped(node, variables))


DateTime = strawberry.scalar(
    name="DateTime",
    description=f"A date and time in ISO 8601, e.g. {DATETIME_EXAMPLE}; answers are in UTC.",
    serialize=datetime.isoformat,
    parse_value=parse_datetime,
    parse_literal=parse_datetime_literal,
)


class SubgraphSchema(strawberry.federation.Schema):
    """`strawberry.federation.Schema` as every jobgraph subgraph configures it.

    Parsing and validation are cached (DESIGN.md: ~390-790 → ~2,300 requests/s for a small query); every
    error leaves with an `extensions.code`, unexpected ones masked (and logged with their traceback by
    `MaskUnexpectedErrors`); every argument is checked by `CheckInputs` (control characters, unreadable
    instants) before its resolver runs.
    """

    def __init__(
        self,
        *,
        query: type,
        mutation: type | None = None,
        subscription: type | None = None,
        types: Iterable[Any] = (),
        max_representations: int = MAX_REPRESENTATIONS,
    ) -> None:
        super().__init__(
            query=query,
            mutation=mutation,
            subscription=subscription,
            types=list(types),
            extensions=[
                ParserCache,
                ValidationCache,
                MaskUnexpectedErrors,
                partial(CheckInputs, max_representations=max_representations),
            ],
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
