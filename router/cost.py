"""Demand control: an operation's static cost, estimated before any subgraph is called, and the actual cost of
its response — from the supergraph's `@cost` and `@listSize` (Federation 2.9, router/composition/demand.py).

The estimate follows Apollo's documented algorithm: every object (or interface, union) a field returns costs
1, scalars and enums 0, a list multiplies what one item costs by its size — the largest slicing argument
given (`first: 20`, a variable's value too), else the field's `assumedSize`, else the configured
`list_size` — and a mutation adds 10. A field's `@cost(weight:)` (or its type's) replaces the 1 or 0; a
`@listSize(sizedFields:)` sizes those list fields of the returned object (connections' `edges`). Fragments
count as written (each selection once, an upper bound for abstract types). The actual cost applies the same
weights to the response: each object returned once, lists by their real length.
This reads the prepared operation and the supergraph only; the planner is not involved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_composite_type,
    value_from_ast_untyped,
)

from router.bounded_cache import BoundedCache

MUTATION_COST = 10
# The `code` of a refusal; `extensions.limit` names the setting.
TOO_EXPENSIVE = "COST_ESTIMATED_TOO_EXPENSIVE"


@dataclass(frozen=True, slots=True)
class DemandControl:
    """The settings: `enforce` refuses an operation estimated above `max_cost`; `measure` never refuses
    and reports (as `report` does in `enforce` mode) `extensions.cost` on every response."""

    enabled: bool = True
    mode: Literal["enforce", "measure"] = "enforce"
    max_cost: int = 10_000
    # Items assumed in a list no `@listSize` or slicing argument sizes.
    list_size: int = 10
    report: bool = False

    @property
    def reports(self) -> bool:
        return self.enabled and (self.report or self.mode == "measure")


@dataclass(frozen=True, slots=True)
class _Annotation:
    weight: int | None = None
    assumed_size: int | None = None
    slicing_arguments: tuple[str, ...] = ()
    sized_fields: tuple[str, ...] = ()


_NONE = _Annotation()


class CostModel:
    """The weights and list sizes of one supergraph, read from its `@cost` / `@listSize` once per field."""

    def __init__(self, schema: GraphQLSchema, list_size: int = 10) -> None:
        self.schema = schema
        self.list_size = list_size
        self._fields: dict[tuple[str, str], _Annotation] = {}
        self._types: dict[str, int | None] = {}
        # Estimates that no variable sizes, by operation (held, so an id is never another's): most operations
        # are estimated once, not on every request.
        self._static: BoundedCache[int, tuple[OperationDefinitionNode, float]] = BoundedCache(4096, 4096)

    def estimate(
        self,
        operation: OperationDefinitionNode,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> float:
        """The operation's static cost for these variable values."""
        cached = self._static.get(id(operation))
        if cached is not None and cached[0] is operation:
            return cached[1]
        root = self._root(operation)
        base = MUTATION_COST if operation.operation.value == "mutation" else 0
        if root is None:
            return base
        walk = _Estimate(self, fragments, variables)
        estimate = base + walk.selections(root, operation.selection_set, {})
        if not walk.consulted_variables:
            self._static.put(id(operation), (operation, estimate), 1)
        return estimate

    def actual(
        self,
        operation: OperationDefinitionNode,
        fragments: Mapping[str, FragmentDefinitionNode],
        data: Mapping[str, Any] | None,
    ) -> float:
        """The cost of what the response holds."""
        root = self._root(operation)
        base = MUTATION_COST if operation.operation.value == "mutation" else 0
        if root is None or data is None:
            return base
        return base + _Actual(self, fragments).selections(root, operation.selection_set, data)

    def _root(self, operation: OperationDefinitionNode) -> GraphQLObjectType | None:
        return self.schema.get_root_type(operation.operation)

    def annotation(self, parent: str, field: str) -> _Annotation:
        key = (parent, field)
        found = self._fields.get(key)
        if found is None:
            found = self._fields[key] = self._read_field(parent, field)
        return found

    def type_weight(self, named: GraphQLNamedType) -> int:
        """What one value of the type costs: its `@cost`, else 1 for an object, 0 for a leaf."""
        if named.name not in self._types:
            self._types[named.name] = _cost_of(named.ast_node)
        weight = self._types[named.name]
        if weight is not None:
            return weight
        return 1 if is_composite_type(named) else 0

    def _read_field(self, parent: str, field: str) -> _Annotation:
        owner = self.schema.get_type(parent)
        definition = getattr(owner, "fields", {}).get(field)
        node = definition.ast_node if definition is not None else None
        if node is None:
            return _NONE
        size: dict[str, Any] = {}
        for directive in node.directives or ():
            if directive.name.value == "listSize":
                size = {a.name.value: value_from_ast_untyped(a.value) for a in directive.arguments or ()}
        return _Annotation(
            weight=_cost_of(node),
            assumed_size=size.get("assumedSize"),
            slicing_arguments=tuple(size.get("slicingArguments") or ()),
            sized_fields=tuple(size.get("sizedFields") or ()),
        )


def _cost_of(node: Any) -> int | None:
    for directive in getattr(node, "directives", None) or ():
        if directive.name.value == "cost":
            for argument in directive.arguments or ():
                if argument.name.value == "weight":
                    return int(value_from_ast_untyped(argument.value))
    return None


def _is_list(field_type: GraphQLOutputType) -> bool:
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    return isinstance(field_type, GraphQLList)


class _Walk:
    def __init__(self, model: CostModel, fragments: Mapping[str, FragmentDefinitionNode]) -> None:
        self.model = model
        self.fragments = fragments
        self._expanded: dict[tuple[str, int], list[tuple[GraphQLNamedType, FieldNode]]] = {}

    def fields(
        self,
        parent: GraphQLNamedType,
        selection_set: SelectionSetNode,
        visiting: frozenset[str] = frozenset(),
    ) -> list[tuple[GraphQLNamedType, FieldNode]]:
        """Every field selection with the type it is selected on, fragments expanded. A selection reached
        twice (`...F ...F`) counts once, and each selection set is expanded once: a chain of fragments each
        spreading the next twice stays linear."""
        key = (parent.name, id(selection_set))
        done = self._expanded.get(key)
        if done is not None:
            return done
        found: dict[tuple[str, int], tuple[GraphQLNamedType, FieldNode]] = {}
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                found.setdefault((parent.name, id(selection)), (parent, selection))
                continue
            inner: list[tuple[GraphQLNamedType, FieldNode]] = []
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                on = self.model.schema.get_type(condition.name.value) if condition else parent
                inner = self.fields(on or parent, selection.selection_set, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in visiting:
                    continue
                on = self.model.schema.get_type(fragment.type_condition.name.value) or parent
                inner = self.fields(on, fragment.selection_set, visiting | {name})
            for owner, node in inner:
                found.setdefault((owner.name, id(node)), (owner, node))
        expanded = self._expanded[key] = list(found.values())
        return expanded


class _Estimate(_Walk):
    def __init__(
        self, model: CostModel, fragments: Mapping[str, FragmentDefinitionNode], variables: Mapping[str, Any]
    ) -> None:
        super().__init__(model, fragments)
        self.variables = variables
        self.consulted_variables = False

    def selections(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode, sized: dict[str, int]
    ) -> float:
        total = 0.0
        for owner, node in self.fields(parent, selection_set):
            name = node.name.value
            definition = getattr(owner, "fields", {}).get(name)
            if definition is None or name.startswith("__"):
                continue  # introspection and __typename cost nothing
            annotation = self.model.annotation(owner.name, name)
            named = get_named_type(definition.type)
            weight = annotation.weight if annotation.weight is not None else self.model.type_weight(named)
            each = float(weight)
            size = self._size(annotation, node)
            children: dict[str, int] = {}
            if annotation.sized_fields:
                # A connection: its list fields hold `size` items; the field itself is one object.
                children = {field: size for field in annotation.sized_fields}
                size = 1
            if node.selection_set is not None:
                each += self.selections(named, node.selection_set, children)
            if _is_list(definition.type):
                total += sized.get(name, size) * each
            else:
                total += each
        return total

    def _size(self, annotation: _Annotation, node: FieldNode) -> int:
        given = []
        for argument in node.arguments or ():
            if argument.name.value not in annotation.slicing_arguments:
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                self.consulted_variables = True
                resolved = self.variables.get(value.name.value)
                if isinstance(resolved, int):
                    given.append(resolved)
            elif isinstance(value, IntValueNode):
                given.append(int(value.value))
        if given:
            return max(given)
        if annotation.assumed_size is not None:
            return annotation.assumed_size
        return self.model.list_size


class _Actual(_Walk):
    def selections(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode, data: Mapping[str, Any]
    ) -> float:
        total = 0.0
        seen: set[str] = set()
        for owner, node in self.fields(parent, selection_set):
            key = node.alias.value if node.alias else node.name.value
            definition = getattr(owner, "fields", {}).get(node.name.value)
            if key in seen or definition is None or key not in data or node.name.value.startswith("__"):
                continue  # a fragment's selection of another type, or a key counted already
            seen.add(key)
            annotation = self.model.annotation(owner.name, node.name.value)
            named = get_named_type(definition.type)
            weight = annotation.weight if annotation.weight is not None else self.model.type_weight(named)
            total += self._value(named, node, weight, data[key])
        return total

    def _value(self, named: GraphQLNamedType, node: FieldNode, weight: int, value: Any) -> float:
        if value is None:
            return 0.0
        if isinstance(value, list):
            return sum(self._value(named, node, weight, item) for item in value)
        cost = float(weight)
        if node.selection_set is not None and isinstance(value, Mapping):
            typename = value.get("__typename")
            concrete = self.model.schema.get_type(typename) if isinstance(typename, str) else None
            cost += self.selections(concrete or named, node.selection_set, value)
        return cost
