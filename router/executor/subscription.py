"""Run a subscription plan: the primary fetch opens one stream at its subgraph; every event it yields is
merged as the root data and completed by running `rest` (entity fetches) before it is projected."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Callable

from router.executor.errors import with_service
from router.executor.execute import ExecutionState, execute_plan, variables_for
from router.executor.merge import deep_merge
from router.executor.rewrites import apply_rewrites
from router.planner.plan import Subscription
from router.subgraph_client import SubgraphRequest


async def subscription_events(
    node: Subscription, new_state: Callable[[], ExecutionState]
) -> AsyncGenerator[ExecutionState, None]:
    """One completed ExecutionState per event of the primary subgraph's stream. The stream ends when the
    subgraph ends it (a failure arrives as a last state with errors); closing this iterator early closes the
    subgraph subscription too."""
    primary = node.primary
    opening = new_state()
    client = opening.clients.get(primary.service_name)
    if client is None:
        opening.errors.append(
            {
                "message": f"no client for subgraph '{primary.service_name}'",
                "extensions": {"code": "SUBGRAPH_REQUEST_FAILED", "serviceName": primary.service_name},
            }
        )
        yield opening
        return
    request = SubgraphRequest(
        query=primary.operation,
        variables=variables_for(primary, opening),
        operation_name=primary.operation_name,
        headers=opening.subgraph_headers.get(primary.service_name, opening.headers),
    )
    opening.calls.append((primary.service_name, request))
    # The protocol promises an async iterator; every implementation is an async generator (has aclose).
    async with contextlib.aclosing(client.subscribe(request)) as events:  # type: ignore[type-var]
        async for event in events:
            state = new_state()
            state.errors.extend(with_service(error, primary.service_name) for error in event.errors)
            if event.data is not None:
                apply_rewrites(event.data, primary.output_rewrites, state.matches)
                deep_merge(state.data, event.data)
                await execute_plan(node.rest, state)
            yield state
