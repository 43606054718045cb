"""What the executor may ask of a subgraph, and what it gets back: plain dicts, never exceptions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

# Subgraph response headers the router passes on to its client (merged as router/headers.py says).
PASSED_ON = frozenset({"set-cookie", "cache-control"})


@dataclass(frozen=True, slots=True)
class SubgraphRequest:
    """One GraphQL operation for one subgraph."""

    query: str
    variables: Mapping[str, Any] = field(default_factory=dict)
    operation_name: str | None = None
    # Headers forwarded from the client (e.g. Authorization); hop-by-hop headers are never here.
    headers: Mapping[str, str] = field(default_factory=dict)
    # Mutations are never deduplicated: two identical mutations are two intents.
    is_mutation: bool = False


@dataclass(frozen=True, slots=True)
class SubgraphResponse:
    """A subgraph's answer. Transport failures arrive as `errors` with `extensions.code`, and `data` None."""

    data: dict[str, Any] | None
    errors: tuple[dict[str, Any], ...] = ()
    # Why there is no usable answer, for metrics (infra/METRICS.md `outcome`): `timeout`, `network_error` or
    # `http_error`; None for a GraphQL response (then `success` or `graphql_error` by its errors).
    failure: str | None = field(default=None, compare=False)
    # The subgraph replayed the first response to the request's Idempotency-Key instead of running the
    # mutation again (`extensions.idempotentReplay`).
    replayed: bool = field(default=False, compare=False)
    # The response headers the router passes on to its client (PASSED_ON: Set-Cookie,
    # Cache-Control), in the order received; a header may repeat.
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False)


class SubgraphClient(Protocol):
    """Sends operations to one subgraph. Implementations must not raise for transport or protocol failures."""

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse: ...

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        """One response per subscription event; a failure is a last response with errors, never a raise.
        Closing the iterator ends the subscription at the subgraph."""
        ...

    async def aclose(self) -> None: ...


def failure(code: str, message: str, *, reason: str | None = None) -> SubgraphResponse:
    """A response standing for a request that got no usable answer.

    `reason` is the metrics outcome; by default `timeout` for SUBGRAPH_TIMEOUT, else `network_error`.
    """
    if reason is None:
        reason = "timeout" if code == "SUBGRAPH_TIMEOUT" else "network_error"
    return SubgraphResponse(
        data=None, errors=({"message": message, "extensions": {"code": code}},), failure=reason
    )
