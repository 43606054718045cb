"""The `Idempotency-Key` header of mutations: checked here, forwarded to the subgraphs that run them.

The subgraphs keep the keys (subgraphs/kit/idempotency): a retried mutation with the same key replays its
first response. Only mutation operations carry the header on: a query needs no key, and in-flight
deduplication (subgraph_client/dedupe.py) never shares a mutation's call anyway. A subgraph's replayed
answer (`extensions.idempotentReplay`) is passed on to the client, as the same extension and an
`Idempotent-Replayed: true` header.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

# Lower-case, as the transports hand headers over.
HEADER = "idempotency-key"
MAX_LENGTH = 255
# On the response to a mutation a subgraph did not run again, with `extensions.idempotentReplay: true`.
REPLAYED_HEADER = "idempotent-replayed"


def key_problem(key: str) -> str | None:
    """Why `key` is not a usable Idempotency-Key (1 to 255 printable ASCII characters), or None.

    The same rule as the subgraphs' (kit/idempotency/guard.py); the router never imports a subgraph.
    """
    if not 1 <= len(key) <= MAX_LENGTH:
        return f"the Idempotency-Key header must have 1 to {MAX_LENGTH} characters"
    if not all(" " <= character <= "~" for character in key):
        return "the Idempotency-Key header may only hold printable ASCII characters"
    return None


def idempotency_key(headers: Mapping[str, str]) -> str | None:
    """The request's Idempotency-Key, whatever the case of its header name."""
    for name, value in headers.items():
        if name.lower() == HEADER:
            return value
    return None


def forwarded(headers: Mapping[str, str], operation_kind: str) -> dict[str, str]:
    """The header to send on to the subgraphs of an operation of `operation_kind` (only a mutation's)."""
    if operation_kind != "mutation":
        return {}
    key = idempotency_key(headers)
    return {} if key is None else {HEADER: key}


def for_fetch(headers: Mapping[str, str], service: str, earlier: dict[str, int]) -> Mapping[str, str]:
    """The headers of the next mutation fetch to `service`; `earlier` counts them per subgraph.

    Consecutive mutation fields of one subgraph share one fetch, but `mutation { a: A1 b: B1 c: A2 }` sends
    two to subgraph A, each a request of its own: the second would be CONFLICT under the same key. So the n-th
    fetch (n > 1) to a subgraph carries a key derived from the client's and n; plans are deterministic, so a
    retry derives the same keys.
    """
    key = headers.get(HEADER)
    if key is None:
        return headers
    count = earlier[service] = earlier.get(service, 0) + 1
    if count == 1:
        return headers
    return {**headers, HEADER: hashlib.sha256(f"{count}:{key}".encode()).hexdigest()}
