"""The router's request pipeline, top to bottom: request received, prepare (parse, validate, plan — cached),
coerce variables, execute the plan, answer introspection, project the response — with the plugins' hooks
(router/plugins/) between the stages."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import logging
import random
from collections.abc import AsyncGenerator, Hashable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    ExecutionResult,
    GraphQLError,
    GraphQLObjectType,
    InlineFragmentNode,
    NamedTypeNode,
    NameNode,
    SelectionSetNode,
    experimental_execute_incrementally,
)

from router.authorization import Filtered, Requirements, caller, filter_operation
from router.bounded_cache import BoundedCache
from router.cost import TOO_EXPENSIVE, CostModel, DemandControl
from router.executor.execute import ExecutionState, execute_plan
from router.executor.incremental import (
    DeferredRun,
    Delivery,
    IncrementalFormat,
    deferred_runs,
    errors_under,
    initial_payload,
    streamed_lists,
    subsequent_payload,
)
from router.executor.paths import ResponsePath
from router.executor.projection import Projector
from router.executor.subscription import subscription_events
from router.headers import HeaderPropagation, merged_cache_control
from router.idempotency import REPLAYED_HEADER, forwarded, idempotency_key, key_problem
from router.limits import OperationLimits
from router.operation import OperationPreparer, PreparedOperation, RequestError, ValidationFailed
from router.planner import print_plan
from router.planner.plan import Defer, DeferredNode, QueryPlan, Subscription
from router.plugins import PluginChain, RequestContext, StopRequest
from router.plugins.authentication import CLAIMS
from router.progressive_override import OVERRIDE_LABELS, OverrideLabels
from router.subgraph_client import SubgraphClient
from router.supergraph import Supergraph
from router.variables import coerce_variables

logger = logging.getLogger("router.pipeline")
# Where the authorize stage leaves the response paths it removed, for the projection (context.values key).
DENIED = "authorization.denied"
# Where the cost stage leaves the operation's estimated cost (context.values key).
ESTIMATED_COST = "demand.estimated_cost"


@dataclass(frozen=True, slots=True)
class GraphQLRequest:
    """One client request as the transport read it."""

    query: str
    variables: Mapping[str, Any] | None = None
    operation_name: str | None = None
    headers: Mapping[str, str] | None = None
    # Include the printed plan in `extensions.queryPlan`.
    include_plan: bool = False
    # The request's `extensions` (e.g. `persistedQuery`) and persisted `documentId`, for the plugins that
    # turn them into `query` (router/plugins/persisted_queries.py, trusted_documents.py).
    extensions: Mapping[str, Any] | None = None
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class GraphQLResult:
    """A response body and whether it is a request error (no `data`: HTTP 400 under graphql-response+json)."""

    body: dict[str, Any]
    request_error: bool = False
    operation_kind: str | None = None
    # The HTTP status a plugin's refusal asks for (401, 403, 429...); None lets the transport decide.
    status: int | None = None


@dataclass(frozen=True, slots=True)
class Started:
    """An operation ready to run: its supergraph generation, the prepared operation (what the response is
    shaped by), the plan to run (without the fields the caller may not see) and the coerced variables."""

    generation: Generation
    prepared: PreparedOperation
    plan: QueryPlan
    variables: dict[str, Any]


class Generation:
    """One supergraph with its caches; replaced as a whole on reload so caches never mix two supergraphs."""

    def __init__(
        self,
        supergraph: Supergraph,
        limits: OperationLimits,
        demand: DemandControl | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.supergraph = supergraph
        self.preparer = OperationPreparer(supergraph, limits)
        # Progressive @override: the labels on for each request (router/progressive_override.py).
        self.override_labels = OverrideLabels(supergraph.override_labels, (rng or random.Random()).random)
        schema = supergraph.schema or supergraph.api_schema
        # @cost / @listSize of this supergraph (router/cost.py).
        self.costs = CostModel(schema, (demand or DemandControl()).list_size)
        # @authenticated / @requiresScopes / @policy of this supergraph, and operations filtered per caller.
        self.requirements = Requirements(supergraph.schema)
        self.filtered: BoundedCache[tuple[str, str | None, Hashable], Filtered] = BoundedCache(
            limits.cache_size, limits.cache_bytes // 8
        )

        @lru_cache(maxsize=4096)
        def matches(typename: str, condition: str) -> bool:
            if typename == condition:
                return True
            names = supergraph.possible_types(condition)
            if typename in names:
                return True
            abstract = schema.get_type(condition)
            concrete = schema.get_type(typename)
            return bool(abstract and concrete and schema.is_sub_type(abstract, concrete))  # type: ignore[arg-type]

        self.matches = matches


class Router:
    """Executes client operations against the current supergraph through the subgraph clients."""

    def __init__(
        self,
        supergraph: Supergraph,
        clients: Mapping[str, SubgraphClient],
        *,
        limits: OperationLimits | None = None,
        # Which client headers reach which subgraph (router/headers.py: the defaults, then the rules).
        headers: HeaderPropagation | None = None,
        plugins: PluginChain | None = None,
        demand: DemandControl | None = None,
        # Draws which `percent(N)` override labels are on per request; tests pass a seeded one.
        rng: random.Random | None = None,
    ) -> None:
        self.clients = dict(clients)
        self.plugins = plugins or PluginChain()
        self.limits = limits or OperationLimits()
        self.headers = headers or HeaderPropagation()
        self.demand = demand or DemandControl()
        self.rng = rng or random.Random()
        self.generation = Generation(supergraph, self.limits, self.demand, self.rng)

    @property
    def supergraph(self) -> Supergraph:
        return self.generation.supergraph

    def swap_supergraph(
        self, supergraph: Supergraph, clients: Mapping[str, SubgraphClient] | None = None
    ) -> None:
        """Serve `supergraph` to new operations; operations already running keep their generation."""
        if clients is not None:
            self.clients = {**self.clients, **clients}
        self.generation = Generation(supergraph, self.limits, self.demand, self.rng)

    async def execute(self, request: GraphQLRequest, context: RequestContext | None = None) -> GraphQLResult:
        """Answer one query or mutation: one response body."""
        context = context or RequestContext(request, headers=request.headers or {})
        try:
            started = await self._start(context)
        except StopRequest as stop:
            return _stopped(stop, context)
        if isinstance(started, GraphQLResult):
            return started
        if isinstance(started.plan.node, Subscription):
            return _request_error(
                "Subscriptions need a streaming transport (WebSocket or SSE).", "BAD_REQUEST", "subscription"
            )
        return await self._execute_started(started, context)

    async def execute_incremental(
        self, request: GraphQLRequest, form: IncrementalFormat, context: RequestContext | None = None
    ) -> AsyncGenerator[GraphQLResult, None]:
        """Answer a query or mutation with incremental delivery (`@defer`, `@stream`) in `form`: the initial
        payload, then one payload per part as its data comes in (the last has `hasNext: false`). An
        operation with nothing to deliver later yields exactly one result, as `execute` answers it."""
        context = context or RequestContext(request, headers=request.headers or {})
        try:
            started = await self._start(context)
            if isinstance(started, GraphQLResult):
                yield started
                return
            if isinstance(started.plan.node, Subscription):
                message = "Subscriptions need a streaming transport (WebSocket or SSE)."
                yield _request_error(message, "BAD_REQUEST", "subscription")
                return
            kind = started.prepared.operation.operation.value
            async for body in self._deliver(started, context, form):
                yield GraphQLResult(body, operation_kind=kind)
        except StopRequest as stop:
            yield _stopped(stop, context)

    async def _deliver(
        self, started: Started, context: RequestContext, form: IncrementalFormat
    ) -> AsyncGenerator[dict[str, Any], None]:
        """The payloads of one operation: the primary part sent as soon as its fetches are done, then each
        deferred part once its own fetches are done (they start together, after the primary ones, whose data
        they read), then the rest of every streamed list."""
        state = self._new_state(started, context)
        node = started.plan.node
        parts = node.deferred if isinstance(node, Defer) else ()
        active = [part for part in parts if part.condition is None or state.variables.get(part.condition)]
        await execute_plan(node.primary if isinstance(node, Defer) else node, state)
        # `@defer(if: $v)` with `$v` false: the part belongs to the primary payload.
        inactive = [part for part in parts if all(part is not other for other in active)]
        await asyncio.gather(*(execute_plan(part.node, state) for part in inactive))
        _pass_on(state.response_headers, context)
        body, projector = self._project(started, state, context, incremental=True)
        await self.plugins.response(context, body)
        data = body.get("data")
        ids = (str(number) for number in itertools.count())
        streams = streamed_lists(projector, data, ids)
        stream_paths = [delivery.path for delivery, _ in streams]
        runs = deferred_runs(active, state.data, state.matches, projector, data, ids, bool(streams))
        later = [delivery for delivery, _ in streams]
        later.extend(delivery for run in runs for delivery in run.deliveries)
        if not later:
            yield body
            return
        yield initial_payload(body, later, form)
        tasks = [
            asyncio.ensure_future(self._run_deferred(started, state, context, run, stream_paths))
            for run in runs
        ]
        left = sum(1 for run in runs if run.deliveries) + bool(streams)
        for_streams: list[dict[str, Any]] = []
        try:
            for finished in asyncio.as_completed(tasks):
                deliveries, stray = await finished
                for_streams.extend(stray)
                if deliveries:
                    left -= 1
                    yield subsequent_payload(deliveries, left > 0, form)
        finally:
            for task in tasks:
                task.cancel()
        if streams:
            # Last, once every deferred part merged: a streamed item carries the fragments deferred in it.
            projector.error_paths.update(state.nulled_paths)
            paths = (error.get("path") for error in for_streams)
            projector.error_paths.update(tuple(path) for path in paths if isinstance(path, list))
            shared, _ = errors_under(for_streams, stream_paths)
            for (delivery, streamed), errors in zip(streams, shared, strict=True):
                delivery.items, own = projector.complete_stream(streamed)
                delivery.errors = [*errors, *own]
            yield subsequent_payload([delivery for delivery, _ in streams], False, form)

    async def _run_deferred(
        self,
        started: Started,
        state: ExecutionState,
        context: RequestContext,
        run: DeferredRun,
        stream_paths: list[ResponsePath],
    ) -> tuple[list[Delivery], list[dict[str, Any]]]:
        """Fetch a deferred part and project its fragment for each of its objects, each with the errors
        under its path; the errors under a streamed list are returned for the stream's payload."""
        part, deliveries = run.part, run.deliveries
        own = dataclasses.replace(state, errors=[])
        await execute_plan(part.node, own)
        for_streams, for_deliveries = errors_under(own.errors, stream_paths)
        fetch_errors, unplaced = errors_under(for_deliveries, [delivery.path for delivery in deliveries])
        if fetch_errors:
            fetch_errors[0].extend(unplaced)  # An error without a path belongs to the part as a whole.
        condition = NamedTypeNode(name=NameNode(value=part.type_condition))
        selection = SelectionSetNode(
            selections=(
                InlineFragmentNode(
                    type_condition=condition, directives=(), selection_set=_client_selection(started, part)
                ),
            )
        )
        schema = started.generation.supergraph.api_schema
        for delivery, errors, (obj, type_name) in zip(deliveries, fetch_errors, run.objects, strict=True):
            projector = self._projector(started, own, context, incremental=False)
            object_type = schema.get_type(type_name)
            assert isinstance(object_type, GraphQLObjectType)
            delivery.data = projector.project_at(object_type, selection, obj, delivery.path)
            delivery.errors = [*errors, *projector.errors]
        stray = [error for errors in for_streams for error in errors]
        return deliveries, stray if deliveries else [*stray, *unplaced]

    async def subscribe(
        self,
        request: GraphQLRequest,
        context: RequestContext | None = None,
        incremental: IncrementalFormat | None = None,
    ) -> AsyncGenerator[GraphQLResult, None]:
        """Answer a subscription: one response body per event, until the subgraph ends the stream. Another
        operation (or a request error) yields exactly one result, or with `incremental` its payloads (see
        `execute_incremental`). Closing the iterator ends it."""
        context = context or RequestContext(request, method="WS", headers=request.headers or {})
        try:
            started = await self._start(context)
        except StopRequest as stop:
            yield _stopped(stop, context)
            return
        if isinstance(started, GraphQLResult):
            yield started
            return
        node = started.plan.node
        if not isinstance(node, Subscription) and incremental is not None:
            kind = started.prepared.operation.operation.value
            try:
                async for body in self._deliver(started, context, incremental):
                    yield GraphQLResult(body, operation_kind=kind)
            except StopRequest as stop:
                yield _stopped(stop, context)
            return
        if not isinstance(node, Subscription):
            yield await self._execute_started(started, context)
            return
        events = subscription_events(node, lambda: self._new_state(started, context))
        async with contextlib.aclosing(events):
            async for state in events:
                body = self._respond(started, state, context)
                try:
                    await self.plugins.subscription_event(context, body)
                except StopRequest as stop:
                    yield _stopped(stop, context)
                    return
                yield GraphQLResult(body, operation_kind="subscription")

    async def _execute_started(self, started: Started, context: RequestContext) -> GraphQLResult:
        """Run a prepared query or mutation: its one result."""
        try:
            state = self._new_state(started, context)
            await execute_plan(started.plan.node, state)
            _pass_on(state.response_headers, context)
            body = self._respond(started, state, context)
            await self.plugins.response(context, body)
            return GraphQLResult(body, operation_kind=started.prepared.operation.operation.value)
        except StopRequest as stop:
            return _stopped(stop, context)

    async def _start(self, context: RequestContext) -> Started | GraphQLResult:
        """Receive, prepare (parse, validate, plan — cached), authorize and coerce variables, or the request
        error."""
        await self.plugins.request_received(context)
        request = context.request  # after the hook: a plugin may have replaced it (persisted queries)
        if not request.query.strip():
            return _request_error("The request has no GraphQL query.", "BAD_REQUEST")
        generation = self.generation  # read once: a reload mid-request must not mix supergraphs
        try:
            prepared = await generation.preparer.prepare(request.query, request.operation_name)
            kind = prepared.operation.operation.value
            if kind == "mutation" and context.method == "GET":
                # Spec (GraphQL over HTTP): a GET must not change anything, so a mutation is refused unrun.
                raise StopRequest(
                    "Mutations are only accepted over POST.",
                    "BAD_REQUEST",
                    status=405,
                    headers={"allow": "POST"},
                )
            key = idempotency_key(context.headers) if kind == "mutation" else None
            if key is not None and (problem := key_problem(key)):
                return _request_error(problem, "BAD_USER_INPUT", kind, field="Idempotency-Key")
            await self.plugins.operation_prepared(context, prepared)
            query, allowed = await self._authorize(generation, prepared, context)
            labels = generation.override_labels.choose(context.values.get(OVERRIDE_LABELS, ()))
            plan = await generation.preparer.plan_with_labels(query, request.operation_name, allowed, labels)
        except ValidationFailed as failed:
            errors = [_formatted(error, failed.code) for error in failed.errors]
            return GraphQLResult({"errors": errors}, request_error=True)
        except RequestError as error:
            return _request_error(error.message, error.code, limit=error.limit)
        coerced = coerce_variables(
            generation.supergraph.api_schema,
            prepared.operation.variable_definitions or (),
            request.variables or {},
        )
        if isinstance(coerced, list):
            errors = [_formatted(error, "BAD_USER_INPUT") for error in coerced]
            return GraphQLResult({"errors": errors}, request_error=True, operation_kind=kind)
        variables = coerced
        refused = self._estimate_cost(generation, prepared, variables, context)
        if refused is not None:
            return refused
        await self.plugins.plan_ready(context, plan)
        return Started(generation, prepared, plan, variables)

    def _estimate_cost(
        self,
        generation: Generation,
        prepared: PreparedOperation,
        variables: dict[str, Any],
        context: RequestContext,
    ) -> GraphQLResult | None:
        """Demand control: the refusal of an operation estimated above the maximum (enforce mode), else None
        with the estimate left for the response's `extensions.cost`."""
        demand = self.demand
        if not demand.enabled:
            return None
        estimated = generation.costs.estimate(prepared.operation, prepared.parsed.fragments, variables)
        context.values[ESTIMATED_COST] = estimated
        if demand.mode == "enforce" and estimated > demand.max_cost:
            return _request_error(
                f"The operation's estimated cost is {estimated:g}, more than the limit of {demand.max_cost} "
                "(max_cost).",
                TOO_EXPENSIVE,
                prepared.operation.operation.value,
                limit="max_cost",
            )
        return None

    async def _authorize(
        self, generation: Generation, prepared: PreparedOperation, context: RequestContext
    ) -> tuple[str, PreparedOperation]:
        """The operation to plan, and its text: the one prepared, or the one without the fields the caller
        may not see (router/authorization.py), with an error at each removed field's path for the response."""
        requirements = generation.requirements
        request = context.request
        if not requirements:
            return request.query, prepared
        who = caller(context.values.get(CLAIMS), self.plugins.policies, requirements.policy_names)
        key = (request.query, request.operation_name, who.key)
        filtered = generation.filtered.get(key)
        if filtered is None:
            filtered = filter_operation(
                prepared.parsed.document,
                prepared.operation,
                prepared.root_type,
                generation.supergraph.api_schema,
                requirements,
                who,
            )
            generation.filtered.put(key, filtered, len(filtered.query or "") + 64)
        if filtered.query is None:
            return request.query, prepared
        context.values[DENIED] = frozenset(filtered.denied)
        return filtered.query, await generation.preparer.prepare(filtered.query, request.operation_name)

    def _new_state(self, started: Started, context: RequestContext) -> ExecutionState:
        client, claims = context.request.headers or {}, context.values.get(CLAIMS)
        # A mutation's Idempotency-Key goes to the subgraphs, which keep the keys (router/idempotency.py).
        key = forwarded(context.headers, started.prepared.operation.operation.value)
        headers = self.headers.default(client, claims)
        headers.update(key)
        headers.update(context.subgraph_headers)
        own = self.headers.per_subgraph_headers(client, claims)
        for subgraph_headers in own.values():
            subgraph_headers.update(key)
            subgraph_headers.update(context.subgraph_headers)
        return ExecutionState(
            clients=self.plugins.clients(self.clients, context),
            variables=started.variables,
            matches=started.generation.matches,
            headers=headers,
            subgraph_headers=own,
        )

    def _respond(self, started: Started, state: ExecutionState, context: RequestContext) -> dict[str, Any]:
        """Answer introspection, then project the merged data into the client's response body."""
        return self._project(started, state, context)[0]

    def _projector(
        self, started: Started, state: ExecutionState, context: RequestContext, incremental: bool
    ) -> Projector:
        return Projector(
            schema=started.generation.supergraph.api_schema,
            fragments=started.prepared.parsed.fragments,
            variables=started.variables,
            error_paths={
                *(tuple(error["path"]) for error in state.errors if isinstance(error.get("path"), list)),
                *state.nulled_paths,
            },
            denied=context.values.get(DENIED, frozenset()),
            incremental=incremental,
            plans=started.prepared.field_plans,
        )

    def _project(
        self, started: Started, state: ExecutionState, context: RequestContext, incremental: bool = False
    ) -> tuple[dict[str, Any], Projector]:
        """The response body (introspection answered, merged data projected) and the projector, which
        knows the streamed lists when `incremental` (deferred fragments then left out)."""
        generation, prepared, variables = started.generation, started.prepared, started.variables
        if prepared.introspection is not None:
            # graphql-core executes a schema declaring `@defer` only through its incremental entry point; the
            # introspection document has no `@defer`, so the result is one ExecutionResult.
            introspected = experimental_execute_incrementally(
                generation.supergraph.api_schema, prepared.introspection, variable_values=variables
            )
            assert isinstance(introspected, ExecutionResult)
            state.data.update(introspected.data or {})
            state.errors.extend(dict(error.formatted) for error in introspected.errors or ())
        projector = self._projector(started, state, context, incremental)
        data = projector.project_root(prepared.root_type, prepared.operation.selection_set, state.data)
        body: dict[str, Any] = {}
        errors = [*state.errors, *projector.errors, *context.errors]
        if errors:
            body["errors"] = errors
        body["data"] = data
        extensions: dict[str, Any] = {}
        if context.request.include_plan:
            extensions["queryPlan"] = print_plan(started.plan)
        if state.replayed:
            # The mutation was not run again: a subgraph replayed its first response (router/idempotency.py).
            extensions["idempotentReplay"] = True
            context.response_headers[REPLAYED_HEADER] = "true"
        if self.demand.reports and ESTIMATED_COST in context.values:
            actual = generation.costs.actual(prepared.operation, prepared.parsed.fragments, data)
            estimated = context.values[ESTIMATED_COST]
            extensions["cost"] = {
                "estimated": _whole(estimated),
                "actual": _whole(actual),
                "max": self.demand.max_cost,
            }
        if extensions:
            body["extensions"] = extensions
        return body, projector


def _client_selection(started: Started, part: DeferredNode) -> SelectionSetNode:
    """The deferred fragment as the client wrote it: the plan run may be the authorization-filtered one, whose
    fragment lacks the fields the caller may not see — the projection answers those null with an error."""
    unfiltered = started.prepared.plan.node
    run = started.plan.node
    if not isinstance(unfiltered, Defer) or not isinstance(run, Defer):
        return part.subselection
    # The filter keeps every fragment (an emptied one selects `__typename`), so the parts pair up in order.
    for written, planned in zip(unfiltered.deferred, run.deferred, strict=False):
        if planned is part and (written.path, written.label) == (part.path, part.label):
            return written.subselection
    return part.subselection


def _whole(cost: float) -> float | int:
    """A cost as JSON prints it best: `22`, not `22.0`."""
    return int(cost) if cost.is_integer() else cost


def _pass_on(headers: list[tuple[str, str]], context: RequestContext) -> None:
    """The subgraphs' Set-Cookie headers, every one, and their Cache-Control, merged, onto the response."""
    if not headers:
        return
    context.set_cookies.extend(value for name, value in headers if name == "set-cookie")
    cache_control = merged_cache_control(value for name, value in headers if name == "cache-control")
    if cache_control is not None:
        context.response_headers["cache-control"] = cache_control


def _request_error(
    message: str, code: str, kind: str | None = None, *, limit: str | None = None, field: str | None = None
) -> GraphQLResult:
    extensions = {"code": code}
    if limit is not None:
        extensions["limit"] = limit
    if field is not None:
        extensions["field"] = field
    body = {"errors": [{"message": message, "extensions": extensions}]}
    return GraphQLResult(body, request_error=True, operation_kind=kind)


def _stopped(stop: StopRequest, context: RequestContext) -> GraphQLResult:
    """The answer to a request a plugin stopped: its error, its headers on the response, its status."""
    context.response_headers.update(stop.headers)
    return GraphQLResult({"errors": [stop.error()]}, request_error=True, status=stop.status)


def _formatted(error: GraphQLError, code: str) -> dict[str, Any]:
    formatted: dict[str, Any] = dict(error.formatted)
    extensions = dict(formatted.get("extensions") or {})
    extensions.setdefault("code", code)
    formatted["extensions"] = extensions
    return formatted
