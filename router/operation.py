"""Prepare a client operation once: parse, validate, pick the operation, plan — and cache the result."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    specified_rules,
    validate,
)

from router.planner import PlanningError, build_plan
from router.planner.plan import QueryPlan
from router.supergraph import Supergraph

_INTROSPECTION_ROOT_FIELDS = frozenset({"__schema", "__type"})

K = TypeVar("K")
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    """A bounded mapping that forgets the least recently used entry first."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self._entries: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class RequestError(Exception):
    """The request cannot be executed at all (spec: a request error; no `data` in the response)."""

    def __init__(self, message: str, code: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


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


class OperationPreparer:
    """Parses, validates and plans against one supergraph; every result is cached (bounded LRU)."""

    def __init__(
        self, supergraph: Supergraph, *, cache_size: int = 1000, max_depth: int = 32, max_tokens: int = 15_000
    ) -> None:
        self.supergraph = supergraph
        self.max_depth = max_depth
        self.max_tokens = max_tokens
        self._documents: LRUCache[str, ParsedDocument | list[GraphQLError]] = LRUCache(cache_size)
        self._operations: LRUCache[tuple[str, str | None], PreparedOperation] = LRUCache(cache_size)

    def prepare(self, query: str, operation_name: str | None) -> PreparedOperation:
        """Raises GraphQLError list wrapped in ValidationFailed, or RequestError."""
        cached = self._operations.get((query, operation_name))
        if cached is not None:
            return cached
        parsed = self._parse_and_validate(query)
        operation = _select_operation(parsed, operation_name)
        root_type = self.supergraph.api_schema.get_root_type(operation.operation)
        if root_type is None:
            raise RequestError(f"The schema does not support {operation.operation.value}s.", "BAD_REQUEST")
        try:
            plan = build_plan(self.supergraph, parsed.document, operation_name)
        except PlanningError as error:
            raise RequestError(f"Cannot plan this operation: {error}", "QUERY_PLANNING_FAILED") from error
        prepared = PreparedOperation(
            parsed=parsed,
            operation=operation,
            root_type=root_type,
            plan=plan,
            introspection=_introspection_document(operation, parsed.fragments),
        )
        self._operations.put((query, operation_name), prepared)
        return prepared

    def _parse_and_validate(self, query: str) -> ParsedDocument:
        cached = self._documents.get(query)
        if isinstance(cached, ParsedDocument):
            return cached
        if cached is not None:
            raise ValidationFailed(cached)
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError as error:
            raise ValidationFailed([error], code="GRAPHQL_PARSE_FAILED") from error
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
                if _depth(operation.selection_set, fragments, set()) > self.max_depth:
                    errors = [GraphQLError(f"The operation is deeper than the limit of {self.max_depth}.")]
                    break
        if errors:
            self._documents.put(query, list(errors))
            raise ValidationFailed(list(errors))
        parsed = ParsedDocument(document=document, fragments=fragments, operations=operations)
        self._documents.put(query, parsed)
        return parsed


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


def _depth(
    selection_set: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode], seen: set[str]
) -> int:
    if selection_set is None:
        return 0
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in _INTROSPECTION_ROOT_FIELDS:
                continue  # introspection is deep by nature and bounded by the schema
            deepest = max(deepest, 1 + _depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                deepest = max(
                    deepest, _depth(fragment.selection_set, fragments, seen | {selection.name.value})
                )
    return deepest


def _introspection_document(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> DocumentNode | None:
    """A document with only the root `__schema` / `__type` fields (and the fragments), or None."""
    selections = [
        selection
        for selection in operation.selection_set.selections
        if isinstance(selection, FieldNode) and selection.name.value in _INTROSPECTION_ROOT_FIELDS
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
