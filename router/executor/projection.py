"""Shape merged data into exactly the client's selection, with GraphQL null propagation.

Spec: https://spec.graphql.org/October2021/#sec-Handling-Field-Errors — a null (or an error) in a non-null
position makes the nearest nullable ancestor null. Merged data may hold extra keys (keys, requirements,
planner aliases); only what the client selected comes out, in the client's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLEnumType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
)

from router.executor.directives import is_deferred, is_included, streamed
from router.executor.paths import At, ResponsePath, flat


def _field_level(at: At) -> bool:
    """Whether `at` is a field's own value (not an element of a list in it): `@stream` streams that list."""
    return at is not None and isinstance(at[1], str)


_INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})


@dataclass
class StreamedList:
    """A `@stream` list past its `initialCount` (`start`): the rest is completed by `complete_stream`, once
    the deferred parts that may add to its items have merged."""

    path: ResponsePath
    label: str | None
    start: int
    # What completing the rest needs: the list's type, field nodes, merged sub-selection, value and place.
    field_type: GraphQLList[Any]
    nodes: list[FieldNode]
    sub: SelectionSetNode | None
    value: list[Any]
    at: At


class _Propagate:
    """Marker: a non-null position got null; the nearest nullable ancestor becomes null."""


PROPAGATE = _Propagate()

# What a response key of a selection is, decided once per (type, selection set): `__typename`, an
# introspection root field, a field of the type, or a field the type does not have (left out).
_TYPENAME, _INTROSPECTION, _FIELD, _UNKNOWN = 0, 1, 2, 3


class _FieldPlan(NamedTuple):
    """One response key of a collected selection, with what completing its value needs worked out ahead."""

    key: str
    kind: int
    nodes: list[FieldNode]
    # The field's type (None for `__typename` and introspection fields).
    field_type: GraphQLOutputType | None
    # A scalar, nullable or not: the value is copied as is, a null checked against `non_null`.
    scalar: bool
    non_null: bool
    # The merged sub-selection of an object-typed field (spec MergeSelectionSets), else None.
    selection_set: SelectionSetNode | None


# Field plans by (type name, selection set identity, incremental), each with the selection set it was made
# from: an entry holds its node, so the identity is not reused while the entry lives; a lookup checks it is
# the same node. Incremental delivery leaves deferred fragments out, so it has plans of its own. Shared by
# every request of one operation when no @skip/@include/@defer reads a variable (`Projector.plans`).
FieldPlans = dict[tuple[str, int, bool], tuple[SelectionSetNode, tuple[_FieldPlan, ...]]]


@dataclass
class Projector:
    """Projects one operation's merged data. Create one per request (it collects errors)."""

    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    # Paths where a subgraph error already explains a missing value (no second error is added there).
    error_paths: set[ResponsePath] = field(default_factory=set)
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Response paths (keys only, no list positions) of fields the caller may not see
    # (router/authorization.py): answered null with an UNAUTHORIZED_FIELD_OR_TYPE error at each position.
    denied: frozenset[tuple[str, ...]] = frozenset()
    # Incremental delivery: fragments under `@defer` are left out (they come in later payloads), and a
    # `@stream` list keeps its first `initialCount` items, the rest going to `streamed`.
    incremental: bool = False
    streamed: list[StreamedList] = field(default_factory=list)
    # The operation's field plans, kept with it across requests (PreparedOperation.field_plans); a selection
    # whose fields depend on the variables is planned into this request's own `_own_plans` instead.
    plans: FieldPlans = field(default_factory=dict)
    _own_plans: FieldPlans = field(default_factory=dict)
    # Set while collecting a selection in which some @skip/@include reads a variable.
    _reads_variables: bool = False

    def project_root(
        self, root_type: GraphQLObjectType, selection_set: SelectionSetNode, data: dict[str, Any]
    ) -> dict[str, Any] | None:
        """The client's `data`: None when a non-null root field came back null."""
        result = self._object(root_type, selection_set, data, None)
        return None if result is PROPAGATE else result  # type: ignore[return-value]

    def project_at(
        self,
        object_type: GraphQLObjectType | GraphQLInterfaceType,
        selection_set: SelectionSetNode,
        value: dict[str, Any],
        path: ResponsePath,
    ) -> dict[str, Any] | None:
        """A deferred fragment's data for the object at `path`: None when a non-null field in it came back
        null (Spec, incremental delivery: null propagation stops at the deferred fragment)."""
        at: At = None
        for step in path:
            at = (at, step)
        result = self._object(object_type, selection_set, value, at)
        return None if isinstance(result, _Propagate) else result

    def runtime_type(self, type_name: str, value: dict[str, Any]) -> GraphQLObjectType | None:
        """The object type of `value` (its `__typename`, else `type_name` when that is an object type)."""
        typename = value.get("__typename")
        found = self.schema.get_type(typename if isinstance(typename, str) else type_name)
        return found if isinstance(found, GraphQLObjectType) else None

    def applies(self, condition: str, object_type: GraphQLObjectType) -> bool:
        """Whether a fragment on `condition` applies to objects of `object_type`."""
        return self._applies(condition, object_type)

    def _object(
        self,
        object_type: GraphQLObjectType | GraphQLInterfaceType,
        selection_set: SelectionSetNode,
        value: dict[str, Any],
        at: At,
    ) -> dict[str, Any] | _Propagate:
        result: dict[str, Any] = {}
        shared = self.plans.get((object_type.name, id(selection_set), self.incremental))
        plans = (
            shared[1]
            if shared is not None and shared[0] is selection_set
            else self._field_plans(object_type, selection_set)
        )
        denied = self.denied
        for key, kind, nodes, field_type, scalar, non_null, sub in plans:
            if kind != _FIELD:
                if kind == _TYPENAME:
                    result[key] = object_type.name
                elif kind == _INTROSPECTION and at is None:
                    # Already shaped by graphql-core's introspection execution (pipeline): copied as is.
                    result[key] = value.get(key)
                continue
            if denied and self._deny(at, key):
                if non_null:
                    return PROPAGATE
                result[key] = None
                continue
            item = value.get(key)
            if scalar:
                # Most fields are scalars: completed here, without the general path's calls and type tests.
                if item is None and non_null:
                    self._null_error(flat((at, key)), nodes)
                    return PROPAGATE
                result[key] = item
                continue
            assert field_type is not None
            completed = self._complete(field_type, nodes, item, (at, key), sub)
            if completed is PROPAGATE:
                return PROPAGATE
            result[key] = completed
        return result

    def _field_plans(
        self, object_type: GraphQLObjectType | GraphQLInterfaceType, selection_set: SelectionSetNode
    ) -> tuple[_FieldPlan, ...]:
        """The selection's response keys on `object_type`, planned once (see FieldPlans)."""
        cache_key = (object_type.name, id(selection_set), self.incremental)
        own = self._own_plans.get(cache_key)
        if own is not None and own[0] is selection_set:
            return own[1]
        self._reads_variables = False
        fields = self.collect_fields(object_type, selection_set)
        planned = tuple(self._plan_field(object_type, key, nodes) for key, nodes in fields.items())
        (self._own_plans if self._reads_variables else self.plans)[cache_key] = (selection_set, planned)
        return planned

    def _plan_field(
        self, object_type: GraphQLObjectType | GraphQLInterfaceType, key: str, nodes: list[FieldNode]
    ) -> _FieldPlan:
        name = nodes[0].name.value
        if name == "__typename":
            return _FieldPlan(key, _TYPENAME, nodes, None, False, False, None)
        definition = object_type.fields.get(name)
        if definition is None:
            # Introspection fields are copied at the root only; any other unknown key is left out.
            kind = _INTROSPECTION if name in _INTROSPECTION_FIELDS else _UNKNOWN
            return _FieldPlan(key, kind, nodes, None, False, False, None)
        field_type = definition.type
        non_null = isinstance(field_type, GraphQLNonNull)
        named = field_type.of_type if non_null else field_type
        scalar = isinstance(named, GraphQLScalarType)
        sub = None if scalar else _merged_selection(nodes)
        return _FieldPlan(key, _FIELD, nodes, field_type, scalar, non_null, sub)

    def _complete(
        self,
        field_type: GraphQLOutputType,
        nodes: list[FieldNode],
        value: Any,
        at: At,
        sub: SelectionSetNode | None,
    ) -> Any:
        if isinstance(field_type, GraphQLNonNull):
            inner = self._complete_nullable(field_type.of_type, nodes, value, at, sub)
            if inner is None or inner is PROPAGATE:
                if inner is None:
                    self._null_error(flat(at), nodes)
                return PROPAGATE
            return inner
        inner = self._complete_nullable(field_type, nodes, value, at, sub)
        return None if inner is PROPAGATE else inner

    def _complete_nullable(
        self,
        field_type: GraphQLOutputType,
        nodes: list[FieldNode],
        value: Any,
        at: At,
        sub: SelectionSetNode | None,
    ) -> Any:
        if value is None:
            return None
        if isinstance(field_type, GraphQLList):
            if not isinstance(value, list):
                return self._invalid(flat(at), "Expected a list")
            items: list[Any] = []
            item_type = field_type.of_type
            non_null = isinstance(item_type, GraphQLNonNull)
            named = item_type.of_type if non_null else item_type
            stream = streamed(nodes[0], self.variables) if self.incremental and _field_level(at) else None
            initial = value if stream is None else value[: stream[0]]
            for position, item in enumerate(initial):
                if sub is not None and type(item) is dict and isinstance(named, GraphQLObjectType):
                    # An object in a list of one object type (most lists): straight to its fields, the
                    # same answer as the general path below without its calls and type tests.
                    completed: Any = self._object(named, sub, item, (at, position))
                    if completed is PROPAGATE:
                        if non_null:
                            return PROPAGATE
                        completed = None
                else:
                    completed = self._complete(item_type, nodes, item, (at, position), sub)
                    if completed is PROPAGATE:
                        return PROPAGATE
                items.append(completed)
            if stream is not None and len(value) > stream[0]:
                start, label = stream
                self.streamed.append(StreamedList(flat(at), label, start, field_type, nodes, sub, value, at))
            return items
        if isinstance(field_type, GraphQLEnumType):
            if value not in field_type.values:
                # The value exists in a subgraph but not in the API schema (inaccessible, or only in another
                # subgraph's enum): clients must never see it.
                return self._invalid(flat(at), f"Enum '{field_type.name}' cannot represent value: {value!r}")
            return value
        if isinstance(field_type, GraphQLObjectType | GraphQLAbstractType):
            if not isinstance(value, dict):
                return self._invalid(flat(at), "Expected an object")
            object_type = self._runtime_type(field_type, value)
            if object_type is None:
                # An object of a type the client cannot see (e.g. an inaccessible union member): null.
                return None
            assert sub is not None
            return self._object(object_type, sub, value, at)
        return value

    def complete_stream(self, stream: StreamedList) -> tuple[list[Any] | None, list[dict[str, Any]]]:
        """The streamed items after `start`, and the errors completing them made (theirs, not the initial
        payload's); None for the items when one of them nulled the list (Spec: the stream ends with the
        error). A deferred fragment inside them comes with them: the items are delivered late anyway."""
        errors, self.errors = self.errors, []
        incremental, self.incremental = self.incremental, False
        items: list[Any] | None = []
        for position in range(stream.start, len(stream.value)):
            item, at = stream.value[position], (stream.at, position)
            completed = self._complete(stream.field_type.of_type, stream.nodes, item, at, stream.sub)
            if completed is PROPAGATE:
                items = None
                break
            assert items is not None
            items.append(completed)
        own, self.errors, self.incremental = self.errors, errors, incremental
        return items, own

    def _runtime_type(
        self, field_type: GraphQLObjectType | GraphQLAbstractType, value: dict[str, Any]
    ) -> GraphQLObjectType | GraphQLInterfaceType | None:
        if isinstance(field_type, GraphQLObjectType):
            return field_type
        typename = value.get("__typename")
        if isinstance(field_type, GraphQLInterfaceType) and typename in (None, field_type.name):
            # An `@interfaceObject` subgraph answers with the interface's own name, and the plan fetched no
            # concrete type because the client asked for none: the interface's fields still apply
            # (Matches Apollo: `{ users { id } }` over an interface object returns the ids).
            return field_type
        runtime = self.schema.get_type(typename) if isinstance(typename, str) else None
        if isinstance(runtime, GraphQLObjectType) and self.schema.is_sub_type(field_type, runtime):
            return runtime
        return None

    def collect_fields(
        self, object_type: GraphQLObjectType | GraphQLInterfaceType, selection_set: SelectionSetNode
    ) -> dict[str, list[FieldNode]]:
        """Spec CollectFields: response key → field nodes, honouring @skip/@include and type conditions."""
        fields: dict[str, list[FieldNode]] = {}
        self._collect(object_type, selection_set, fields, set())
        return fields

    def _collect(
        self,
        object_type: GraphQLObjectType | GraphQLInterfaceType,
        selection_set: SelectionSetNode,
        fields: dict[str, list[FieldNode]],
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                fields.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition.name.value if selection.type_condition else None
                if condition is None or self._applies(condition, object_type):
                    self._collect(object_type, selection.selection_set, fields, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if name in visited or fragment is None:
                    continue
                visited.add(name)
                if self._applies(fragment.type_condition.name.value, object_type):
                    self._collect(object_type, fragment.selection_set, fields, visited)

    def _applies(self, condition: str, object_type: GraphQLObjectType | GraphQLInterfaceType) -> bool:
        if condition == object_type.name:
            return True
        condition_type = self.schema.get_type(condition)
        return isinstance(condition_type, GraphQLAbstractType) and self.schema.is_sub_type(
            condition_type, object_type
        )

    def _included(self, node: FieldNode | InlineFragmentNode | FragmentSpreadNode | Any) -> bool:
        if not node.directives:
            return True
        if any(
            isinstance(argument.value, VariableNode)
            for directive in node.directives
            for argument in directive.arguments or ()
        ):
            # What this selection collects depends on this request's variables: its plan is not shared.
            self._reads_variables = True
        if self.incremental and not isinstance(node, FieldNode) and is_deferred(node, self.variables):
            return False  # Delivered in a later payload (its DeferredNode's increment).
        return is_included(node, self.variables)

    def _deny(self, at: At, key: str) -> bool:
        """Whether the field at `at` + `key` is one the caller may not see; if so its error is added."""
        path = flat(at)
        if (*(step for step in path if isinstance(step, str)), key) not in self.denied:
            return False
        self.error_paths.add((*path, key))
        self.errors.append(
            {
                "message": "Unauthorized field or type",
                "path": [*path, key],
                "extensions": {"code": "UNAUTHORIZED_FIELD_OR_TYPE"},
            }
        )
        return True

    def _null_error(self, path: ResponsePath, nodes: list[FieldNode]) -> None:
        if any(path[: len(known)] == known or known[: len(path)] == path for known in self.error_paths):
            return
        self.error_paths.add(path)
        self.errors.append(
            {
                "message": f"Cannot return null for non-nullable field '{nodes[0].name.value}'.",
                "path": list(path),
                "extensions": {"code": "INVALID_GRAPHQL"},
            }
        )

    def _invalid(self, path: ResponsePath, message: str) -> None:
        self.error_paths.add(path)
        error = {"message": message, "path": list(path), "extensions": {"code": "INVALID_GRAPHQL"}}
        self.errors.append(error)


def _merged_selection(nodes: list[FieldNode]) -> SelectionSetNode | None:
    """A response key's sub-selection: its field nodes' selections together (spec MergeSelectionSets)."""
    if len(nodes) == 1:
        return nodes[0].selection_set
    selections = [
        selection for node in nodes if node.selection_set for selection in node.selection_set.selections
    ]
    return SelectionSetNode(selections=tuple(selections))
