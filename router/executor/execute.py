"""Run a query plan: one `match` over node kinds; Parallel concurrent, Sequence in order, entities batched."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from router.executor.contexts import aliased_fetch, aliased_variables, batches, context_values, unaliased
from router.executor.errors import entity_error_paths, root_error_paths, with_service
from router.executor.fetch_fields import fetch_fields
from router.executor.merge import deep_merge
from router.executor.paths import ResponsePath, TypeMatcher, objects_at
from router.executor.representations import build_representation, flat_requires
from router.executor.rewrites import apply_rewrites
from router.idempotency import for_fetch
from router.planner.plan import (
    Condition,
    Defer,
    Fetch,
    Flatten,
    Parallel,
    PlanNode,
    Sequence,
    Subscription,
)
from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse
from router.subgraph_client.protocol import failure


@dataclass
class ExecutionState:
    """Everything a running plan reads and writes; one per client operation."""

    clients: Mapping[str, SubgraphClient]
    # The client's variables, already coerced against the operation's definitions (defaults applied).
    variables: Mapping[str, Any]
    matches: TypeMatcher
    # Headers forwarded to every subgraph (e.g. Authorization) ...
    headers: Mapping[str, str] = field(default_factory=dict)
    # ... except those with header rules of their own (router/headers.py): subgraph name → its headers.
    subgraph_headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Subgraph response headers for the client (Set-Cookie, Cache-Control), in order of arrival.
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Subgraph calls made, in order of completion (name, request): for tests and the plan view.
    calls: list[tuple[str, SubgraphRequest]] = field(default_factory=list)
    # Objects a subgraph answered null for an error it reported (`_entities[i]` null; a root fetch's
    # `data: null`, each of its root fields): that error explains every field missing there, so the
    # projection adds no "Cannot return null" for their siblings.
    nulled_paths: set[ResponsePath] = field(default_factory=set)
    # A subgraph answered a mutation with the replayed first response to its Idempotency-Key.
    replayed: bool = False
    # Mutation fetches sent so far per subgraph, for their Idempotency-Keys (router/idempotency.py).
    mutation_fetches: dict[str, int] = field(default_factory=dict)


async def execute_plan(node: PlanNode | None, state: ExecutionState) -> None:
    """Run `node` to completion, merging into `state.data` and collecting `state.errors`."""
    if node is not None:
        await _run(node, state, ((),))


async def _run(node: PlanNode, state: ExecutionState, paths: tuple[tuple[Any, ...], ...]) -> None:
    match node:
        case Sequence(nodes=nodes):
            for child in nodes:
                await _run(child, state, paths)
        case Parallel(nodes=nodes):
            await asyncio.gather(*(_run(child, state, paths) for child in nodes))
        case Flatten(node=Fetch() as inner) if inner.requires is not None:
            await _entity_fetch(inner, state, node.paths, node.path_fields)
        case Flatten(node=inner):
            await _run(inner, state, node.paths)
        case Fetch() if node.requires is None:
            await _root_fetch(node, state)
        case Fetch():
            await _entity_fetch(node, state, paths)
        case Condition(condition=variable, if_clause=if_clause, else_clause=else_clause):
            chosen = if_clause if state.variables.get(variable) else else_clause
            if chosen is not None:
                await _run(chosen, state, paths)
        case Defer(merged=merged) if merged is not None:
            # Everything in one response (a client without incremental delivery): the plan without @defer.
            await _run(merged, state, paths)
        case Defer(primary=primary, deferred=deferred):
            # A Defer built by hand without its merged plan: the primary part, then the deferred parts.
            if primary is not None:
                await _run(primary, state, paths)
            await asyncio.gather(*(_run(part.node, state, paths) for part in deferred if part.node))
        case Subscription():
            raise TypeError("a subscription plan runs in the subscription transport, not in one response")


def variables_for(fetch: Fetch, state: ExecutionState) -> dict[str, Any]:
    return {name: state.variables[name] for name in fetch.variable_usages if name in state.variables}


async def _send(fetch: Fetch, state: ExecutionState, variables: dict[str, Any]) -> SubgraphResponse:
    is_mutation = fetch.operation_kind == "mutation"
    # The header rules' headers for this subgraph; a mutation's Idempotency-Key made distinct per fetch.
    headers = state.subgraph_headers.get(fetch.service_name, state.headers)
    request = SubgraphRequest(
        query=fetch.operation,
        variables=variables,
        operation_name=fetch.operation_name,
        headers=for_fetch(headers, fetch.service_name, state.mutation_fetches) if is_mutation else headers,
        is_mutation=is_mutation,
    )
    client = state.clients.get(fetch.service_name)
    if client is None:
        return failure("SUBGRAPH_REQUEST_FAILED", f"no client for subgraph '{fetch.service_name}'")
    response = await client.execute(request)
    state.calls.append((fetch.service_name, request))
    state.response_headers.extend(response.headers)
    return response


async def _root_fetch(fetch: Fetch, state: ExecutionState) -> None:
    response = await _send(fetch, state, variables_for(fetch, state))
    state.replayed = state.replayed or response.replayed
    for error in response.errors:
        for repathed in root_error_paths(error, _root_fields(fetch, response, state)):
            state.errors.append(with_service(repathed, fetch.service_name))
    if response.data is None and response.errors:
        # The subgraph's own null propagation reached its root: its errors explain every field it was to
        # fill, so the projection adds no "Cannot return null" for the siblings that resolved (Spec: an
        # error is reported once, at the field that raised it: #sec-Handling-Field-Errors).
        state.nulled_paths.update((key,) for key in fetch_fields(fetch, None, state.matches))
    if response.data is not None:
        apply_rewrites(response.data, fetch.output_rewrites, state.matches)
        deep_merge(state.data, response.data)


async def _entity_fetch(
    fetch: Fetch,
    state: ExecutionState,
    paths: tuple[tuple[Any, ...], ...],
    path_fields: tuple[frozenset[str], ...] = (),
) -> None:
    assert fetch.requires is not None
    representations: list[dict[str, Any]] = []
    # For each distinct representation, every object (and its response path) that produced it ...
    targets: list[list[tuple[dict[str, Any], ResponsePath]]] = []
    # ... and which of `paths` each of those objects was found at.
    origins: list[list[int]] = []
    # Per distinct representation, its `@fromContext` values (empty without contextual arguments).
    values: list[dict[str, Any]] = []
    index_of: dict[bytes, int] = {}
    found = (
        (origin, *found)
        for origin, path in enumerate(paths)
        for found in objects_at(state.data, path, state.matches)
    )
    simple = flat_requires(fetch.requires)
    for origin, obj, obj_path in found:
        representation = build_representation(obj, fetch.requires, state.matches, simple)
        if representation is None:
            continue
        if fetch.input_rewrites:
            apply_rewrites(representation, fetch.input_rewrites, state.matches)
        context = {}
        if fetch.context_rewrites:
            context = context_values(state.data, obj_path, fetch.context_rewrites, state.matches)
        key = orjson.dumps([representation, context], option=orjson.OPT_SORT_KEYS)
        position = index_of.get(key)
        if position is None:
            index_of[key] = position = len(representations)
            representations.append(representation)
            values.append(context)
            targets.append([])
            origins.append([])
        targets[position].append((obj, obj_path))
        origins[position].append(origin)
    if not representations:
        return
    groups = batches(values)
    if len(groups) == 1:
        variables = {**variables_for(fetch, state), **values[0], "representations": representations}
        response = await _send(fetch, state, variables)
    else:
        # The entities disagree on a contextual value: one aliased `_entities` per distinct set of values.
        variables = aliased_variables(variables_for(fetch, state), representations, values, groups)
        response = unaliased(await _send(aliased_fetch(fetch, len(groups)), state, variables), groups)
    entities = (response.data or {}).get("_entities")
    fields = _no_fields if entities is not None else lambda obj: fetch_fields(fetch, obj, state.matches)
    for error in response.errors:
        asked = _asked(error, targets, origins, path_fields) if path_fields else targets
        for repathed in entity_error_paths(error, asked, fields):
            state.errors.append(with_service(repathed, fetch.service_name))
    if not isinstance(entities, list):
        return
    for position, entity in enumerate(entities[: len(targets)]):
        if not isinstance(entity, dict):
            if entity is None and position in _erred_entities(response):
                state.nulled_paths.update(obj_path for _, obj_path in targets[position])
            continue
        if fetch.output_rewrites and "__typename" not in entity:
            # The rewrites' paths start with the entity's type condition; the entity fetch's selection
            # does not ask for `__typename`, so the representation tells the type.
            entity["__typename"] = representations[position].get("__typename")
            apply_rewrites(entity, fetch.output_rewrites, state.matches)
            del entity["__typename"]
        else:
            apply_rewrites(entity, fetch.output_rewrites, state.matches)
        for obj, _ in targets[position]:
            deep_merge(obj, entity)


def _asked(
    error: dict[str, Any],
    targets: list[list[tuple[dict[str, Any], ResponsePath]]],
    origins: list[list[int]],
    path_fields: tuple[frozenset[str], ...],
) -> list[list[tuple[dict[str, Any], ResponsePath]]]:
    """The objects an `_entities.<i>.<key>` error is about: of a fetch serving several paths, those found
    at a path that selected `key` — an error's path is one the client asked for (Spec: "path", Error Result
    Format). A key no path names (renamed since) keeps every object."""
    path = error.get("path")
    if not (isinstance(path, list) and len(path) >= 3 and isinstance(path[2], str)):
        return targets
    key = path[2]
    if not any(key in fields for fields in path_fields):
        return targets
    return [
        [target for target, origin in zip(objects, indices, strict=True) if key in path_fields[origin]]
        for objects, indices in zip(targets, origins, strict=True)
    ]


def _root_fields(fetch: Fetch, response: SubgraphResponse, state: ExecutionState) -> list[str]:
    # Only a call that answered no data at all leaves every one of its fields missing.
    return fetch_fields(fetch, None, state.matches) if response.data is None else []


def _no_fields(obj: dict[str, Any]) -> list[str]:
    # The call answered `_entities`: an error without an entity path is about the call, not a field.
    return []


def _erred_entities(response: SubgraphResponse) -> set[int]:
    """Positions in `_entities` that a subgraph error's path points into."""
    positions: set[int] = set()
    for error in response.errors:
        path = error.get("path")
        if isinstance(path, list) and len(path) >= 2 and path[0] == "_entities" and isinstance(path[1], int):
            positions.add(path[1])
    return positions
