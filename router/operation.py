"""Prepare a client operation once: parse, validate, pick the operation, plan — and cache the result.

Preparing a new operation is CPU work proportional to its size (graphql-core needs milliseconds per KB), so it
runs in a worker thread: the event loop keeps serving other requests meanwhile. Results (refusals included)
are cached in a cache bounded in entries and in estimated bytes, keyed by the operation's text and, after
parsing, by its printed (normalised) form so that whitespace and `# comment` variants share one plan.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLObjectType,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    print_ast,
    specified_rules,
    validate,
)

from router.bounded_cache import BoundedCache
from router.executor.projection import FieldPlans
from router.limits import OperationLimits
from router.measure import (
    INTROSPECTION_ROOT_FIELDS,
    alias_and_directive_count,
    operation_depth,
    root_field_count,
)
from router.planner import Planner, PlanningError, PlanningLimitExceeded
from router.planner.budget import TIME_LIMIT
from router.planner.override_labels import labels_touched
from router.planner.plan import QueryPlan
from router.supergraph import Supergraph

# Estimated bytes of memory a prepared operation holds per byte of its text (document, plan, items),
# measured with tracemalloc: ~30 for a 97 KB operation of 2,000 fields (bench/cache_memory_bench.py prints
# the router's RSS this leads to).
BYTES_PER_QUERY_BYTE = 32
# The GIL lets one thread compute at a time: two workers keep one slow preparation from queueing every
# other new operation behind it, without letting a flood of them crowd the event loop out of the CPU.
_PREPARERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="router-prepare")


class RequestError(Exception):
    """The request cannot be executed at all (spec: a request error; no `data` in the response)."""

    def __init__(self, message: str, code: str, *, status: int = 400, limit: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        # The setting a limit refusal names (`extensions.limit`), e.g. `max_mutation_root_fields`.
        self.limit = limit


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document that parsed and validated against the API schema."""

    document: DocumentNode
    fragments: dict[str, FragmentDefinitionNode]
    operations: dict[str | None, OperationDefinitionNode]


@dataclass(frozen=True, slots=True)
class PreparedOperation:
    """Everything executing one operation needs that does not depend on variable values."""

    parsed: ParsedDocument
    operation: OperationDefinitionNode
    root_type: GraphQLObjectType
    plan: QueryPlan
    # The document to run through graphql-core for `__schema` / `__type` root fields, if any were asked for.
    introspection: DocumentNode | None
    # The progressive @override labels the plan can depend on (`plan` has them all off).
    override_labels: frozenset[str] = frozenset()
    # The projection's field plans for this operation, made by the first requests and kept with it
    # (router/executor/projection.py).
    field_plans: FieldPlans = field(default_factory=dict)


class OperationPreparer:
    """Parses, validates and plans against one supergraph, off the event loop; every result is cached."""

    def __init__(self, supergraph: Supergraph, limits: OperationLimits | None = None) -> None:
        self.supergraph = supergraph
        self.limits = limits or OperationLimits()
        self._cache: BoundedCache[tuple[str, str | None], Prepared] = BoundedCache(
            self.limits.cache_size, self.limits.cache_bytes, self.limits.cache_bytes // 8
        )
        # Plans with some progressive @override labels on, by operation text and label set.
        self._labelled: BoundedCache[tuple[str, str | None, frozenset[str]], QueryPlan] = BoundedCache(
            self.limits.cache_size, self.limits.cache_bytes // 4, self.limits.cache_bytes // 8
        )
        # Plans by normalized operation: spellings the printed form does not unify still plan once.
        self._planner = Planner(supergraph, self.limits.cache_size, self.limits.cache_bytes // 4)
        # Preparations under way, so concurrent requests for one new operation share one preparation.
        self._pending: dict[tuple[str, str | None], asyncio.Future[Prepared]] = {}

    async def prepare(self, query: str, operation_name: str | None) -> PreparedOperation:
        """The prepared operation; raises ValidationFailed or RequestError (cached as `prepare_now` says)."""
        key = (query, operation_name)
        prepared = self._cache.get(key)
        if prepared is None:
            pending = self._pending.get(key)
            if pending is None:
                loop = asyncio.get_running_loop()
                pending = loop.run_in_executor(_PREPARERS, self.prepare_now, query, operation_name)
                self._pending[key] = pending
                pending.add_done_callback(lambda _: self._pending.pop(key, None))
            # Shielded: one waiter giving up (client gone) must not cancel the others' preparation.
            prepared = await asyncio.shield(pending)
        if isinstance(prepared, PreparedOperation):
            return prepared
        raise prepared

    def prepare_now(self, query: str, operation_name: str | None) -> Prepared:
        """Prepare in the calling thread (a worker, or a test) and cache the outcome, unless it is a refusal
        for time: a busy moment must not refuse an operation for as long as it stays cached."""
        weight = len(query) * BYTES_PER_QUERY_BYTE
        try:
            document = self._parse(query)
        except (ValidationFailed, RequestError) as refused:
            failed: Prepared = refused.with_traceback(None)
            self._cache.put((query, operation_name), failed, weight)
            return failed
        normalised = (print_ast(document), operation_name)
        prepared = self._cache.get(normalised)
        if prepared is None:
            prepared = self._prepare_document(document, operation_name)
            if isinstance(prepared, RequestError) and prepared.limit == TIME_LIMIT:
                return prepared
            self._cache.put(normalised, prepared, weight)
        self._cache.put((query, operation_name), prepared, weight)
        return prepared

    def _parse(self, query: str) -> DocumentNode:
        """The document, if it is within the size limits (characters, tokens, aliases, directives)."""
        limits = self.limits
        _within("characters", len(query), "max_characters", limits.max_characters)
        try:
            document = parse(query, max_tokens=limits.max_tokens)
        except GraphQLError as error:
            if "Document contains more than" in error.message:
                # graphql-core stopped at the limit: the count is not known, only that it is above.
                _within("tokens", None, "max_tokens", limits.max_tokens)
            raise ValidationFailed([error], code="GRAPHQL_PARSE_FAILED") from None
        aliases, directives = alias_and_directive_count(document)
        _within("aliases", aliases, "max_aliases", limits.max_aliases)
        _within("directives", directives, "max_directives", limits.max_directives)
        return document

    def _prepare_document(self, document: DocumentNode, operation_name: str | None) -> Prepared:
        try:
            parsed = self._validate(document)
            operation = _select_operation(parsed, operation_name)
            root_type = self.supergraph.api_schema.get_root_type(operation.operation)
            if root_type is None:
                kind = operation.operation.value
                raise RequestError(f"The schema does not support {kind}s.", "BAD_REQUEST")
            self._check_root_fields(operation, parsed.fragments)
            plan = self._plan(document, operation_name)
        except (ValidationFailed, RequestError) as refused:
            # Kept in the cache: without the traceback, which would keep this call's frames alive.
            return refused.with_traceback(None)
        return PreparedOperation(
            parsed=parsed,
            operation=operation,
            root_type=root_type,
            plan=plan,
            introspection=_introspection_document(operation, parsed.fragments),
            override_labels=labels_touched(self.supergraph, document),
        )

    def _validate(self, document: DocumentNode) -> ParsedDocument:
        errors = validate(self.supergraph.api_schema, document, specified_rules)
        fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        operations = {
            (definition.name.value if definition.name else None): definition
            for definition in document.definitions
            if isinstance(definition, OperationDefinitionNode)
        }
        if not errors:
            for operation in operations.values():
                limit = self.limits.max_depth
                if operation_depth(operation, fragments) > limit:
                    errors = [GraphQLError(f"The operation is deeper than the limit of {limit}.")]
                    break
        if errors:
            raise ValidationFailed(list(errors))
        return ParsedDocument(document=document, fragments=fragments, operations=operations)

    def _check_root_fields(
        self, operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
    ) -> None:
        kind = operation.operation.value
        setting, limit = self.limits.root_field_limit(kind)
        count = root_field_count(operation, fragments)
        if count > limit:
            raise RequestError(
                f"The {kind} selects {count} root fields, more than the limit of {limit} ({setting}).",
                "OPERATION_LIMIT_EXCEEDED",
                limit=setting,
            )

    async def plan_with_labels(
        self, query: str, operation_name: str | None, prepared: PreparedOperation, labels: frozenset[str]
    ) -> QueryPlan:
        """The plan of a prepared operation with these progressive @override labels on (`prepared.plan` is
        the plan with every label off), cached per set of the labels it can depend on; raises RequestError
        when it cannot be planned."""
        labels = labels & prepared.override_labels
        if not labels:
            return prepared.plan
        key = (query, operation_name, labels)
        plan = self._labelled.get(key)
        if plan is None:
            loop = asyncio.get_running_loop()
            document = prepared.parsed.document
            plan = await loop.run_in_executor(_PREPARERS, self._plan, document, operation_name, labels)
            self._labelled.put(key, plan, len(query) * BYTES_PER_QUERY_BYTE)
        return plan

    def _plan(
        self, document: DocumentNode, operation_name: str | None, labels: frozenset[str] = frozenset()
    ) -> QueryPlan:
        try:
            return self._planner.plan(document, operation_name, self.limits.planning_budget(), labels)
        except PlanningLimitExceeded as exceeded:
            raise RequestError(
                f"Cannot plan this operation: {exceeded.message} ({exceeded.limit})",
                "QUERY_PLANNING_FAILED",
                limit=exceeded.limit,
            ) from exceeded
        except PlanningError as error:
            raise RequestError(f"Cannot plan this operation: {error}", "QUERY_PLANNING_FAILED") from error


def _within(what: str, count: int | None, setting: str, limit: int) -> None:
    """Refuse a document over a size limit, naming the setting (`count` None: over by an unknown amount)."""
    if count is None or count > limit:
        has = "more" if count is None else str(count)
        raise RequestError(
            f"The document has {has} {what}, more than the limit of {limit} ({setting}).",
            "OPERATION_LIMIT_EXCEEDED",
            limit=setting,
        )


class ValidationFailed(Exception):
    """The document does not parse or is invalid against the API schema (spec: a request error)."""

    def __init__(self, errors: list[GraphQLError], code: str = "GRAPHQL_VALIDATION_FAILED") -> None:
        super().__init__(errors[0].message if errors else "invalid document")
        self.errors = errors
        self.code = code


def _select_operation(parsed: ParsedDocument, name: str | None) -> OperationDefinitionNode:
    if name is not None:
        operation = parsed.operations.get(name)
        if operation is None:
            raise RequestError(f'Unknown operation named "{name}".', "OPERATION_RESOLUTION_FAILURE")
        return operation
    if len(parsed.operations) != 1:
        if not parsed.operations:
            raise RequestError("The document contains no operation.", "OPERATION_RESOLUTION_FAILURE")
        raise RequestError(
            "Must provide operation name if query contains multiple operations.",
            "OPERATION_RESOLUTION_FAILURE",
        )
    return next(iter(parsed.operations.values()))


def _introspection_document(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> DocumentNode | None:
    """A document with only the root `__schema` / `__type` fields (and the fragments), or None."""
    selections = [
        selection
        for selection in operation.selection_set.selections
        if isinstance(selection, FieldNode) and selection.name.value in INTROSPECTION_ROOT_FIELDS
    ]
    if not selections:
        return None
    root = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=operation.variable_definitions,
        directives=(),
        selection_set=SelectionSetNode(selections=tuple(selections)),
    )
    return DocumentNode(definitions=(root, *fragments.values()))


# What preparing an operation gives: the operation, or the refusal every later request for it gets too.
Prepared = PreparedOperation | ValidationFailed | RequestError
