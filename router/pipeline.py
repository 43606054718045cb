"""The router's request pipeline, top to bottom: request received, prepare (parse, validate, plan — cached),
coerce variables, execute the plan, answer introspection, project the response — with the plugins' hooks
(router/plugins/) between the stages."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncGenerator, Hashable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import GraphQLError, execute
from graphql.execution.values import get_variable_values

from router.authorization import Filtered, Requirements, caller, filter_operation
from router.bounded_cache import BoundedCache
from router.cost import TOO_EXPENSIVE, CostModel, DemandControl
from router.executor.execute import ExecutionState, execute_plan
from router.executor.projection import Projector
from router.executor.subscription import subscription_events
from router.headers import HeaderPropagation, merged_cache_control
from router.idempotency import REPLAYED_HEADER, forwarded, idempotency_key, key_problem
from router.limits import OperationLimits
from router.operation import OperationPreparer, PreparedOperation, RequestError, ValidationFailed
from router.planner import print_plan
from router.planner.plan import QueryPlan, Subscription
from router.plugins import PluginChain, RequestContext, StopRequest
from router.plugins.authentication import CLAIMS
from router.subgraph_client import SubgraphClient
from router.supergraph import Supergraph

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
        self, supergraph: Supergraph, limits: OperationLimits, demand: DemandControl | None = None
    ) -> None:
        self.supergraph = supergraph
        self.preparer = OperationPreparer(supergraph, limits)
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
    ) -> None:
        self.clients = dict(clients)
        self.plugins = plugins or PluginChain()
        self.limits = limits or OperationLimits()
        self.headers = headers or HeaderPropagation()
        self.demand = demand or DemandControl()
        self.generation = Generation(supergraph, self.limits, self.demand)

    @property
    def supergraph(self) -> Supergraph:
        return self.generation.supergraph

    def swap_supergraph(
        self, supergraph: Supergraph, clients: Mapping[str, SubgraphClient] | None = None
    ) -> None:
        """Serve `supergraph` to new operations; operations already running keep their generation."""
        if clients is not None:
            self.clients = {**self.clients, **clients}
        self.generation = Generation(supergraph, self.limits, self.demand)

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

    async def subscribe(
        self, request: GraphQLRequest, context: RequestContext | None = None
    ) -> AsyncGenerator[GraphQLResult, None]:
        """Answer a subscription: one response body per event, until the subgraph ends the stream. Another
        operation (or a request error) yields exactly one result. Closing the iterator ends it."""
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
            plan = await self._authorize(generation, prepared, context)
        except ValidationFailed as failed:
            errors = [_formatted(error, failed.code) for error in failed.errors]
            return GraphQLResult({"errors": errors}, request_error=True)
        except RequestError as error:
            return _request_error(error.message, error.code, limit=error.limit)
        coerced = get_variable_values(
            generation.supergraph.api_schema,
            prepared.operation.variable_definitions or (),
            dict(request.variables or {}),
            max_errors=50,
        )
        if isinstance(coerced, list):
            errors = [_formatted(error, "BAD_USER_INPUT") for error in coerced]
            return GraphQLResult({"errors": errors}, request_error=True, operation_kind=kind)
        variables = dict(coerced.coerced)
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
    ) -> QueryPlan:
        """The plan without the fields the caller may not see (router/authorization.py); an error at each
        removed field's path goes into the response."""
        requirements = generation.requirements
        if not requirements:
            return prepared.plan
        who = caller(context.values.get(CLAIMS), self.plugins.policies, requirements.policy_names)
        request = context.request
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
            return prepared.plan
        context.values[DENIED] = frozenset(filtered.denied)
        allowed = await generation.preparer.prepare(filtered.query, request.operation_name)
        return allowed.plan

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
        generation, prepared, variables = started.generation, started.prepared, started.variables
        if prepared.introspection is not None:
            introspected = execute(
                generation.supergraph.api_schema, prepared.introspection, variable_values=variables
            )
            state.data.update(introspected.data or {})  # type: ignore[union-attr]
            state.errors.extend(dict(error.formatted) for error in introspected.errors or ())  # type: ignore[union-attr]
        projector = Projector(
            schema=generation.supergraph.api_schema,
            fragments=prepared.parsed.fragments,
            variables=variables,
            error_paths={
                *(tuple(error["path"]) for error in state.errors if isinstance(error.get("path"), list)),
                *state.nulled_paths,
            },
            denied=context.values.get(DENIED, frozenset()),
            plans=prepared.field_plans,
        )
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
        return body


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
