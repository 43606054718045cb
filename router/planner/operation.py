"""The normalize stage: a client operation as its normal form (fragments expanded, literal conditions
evaluated, repeated fields merged), whose value keys the plan cache."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import graphql

from router.planner.budget import UNLIMITED, PlanningBudget
from router.planner.compact import print_arguments, print_directives
from router.planner.plan import OperationKind
from router.supergraph import Supergraph


class PlanningError(Exception):
    """The operation cannot be planned against this supergraph (a bug in validation or in composition)."""


@dataclass(frozen=True, slots=True, eq=False)
class FieldItem:
    """A client field: `alias: name(args) @directives { selections }`.

    Equal when they select the same (printed arguments and directives, equal selections), wherever they
    were written: the planner's estimates are memoised on that value. The hash is computed once.
    """

    name: str
    alias: str | None
    arguments: tuple[graphql.ArgumentNode, ...]
    directives: tuple[graphql.DirectiveNode, ...]
    selections: tuple[Item, ...]
    _value: tuple[object, ...] = field(init=False, repr=False)
    _hash: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        arguments, directives = print_arguments(self.arguments), print_directives(self.directives)
        value = (self.name, self.alias, arguments, directives, self.selections)
        object.__setattr__(self, "_value", value)
        object.__setattr__(self, "_hash", hash(value))

    def __eq__(self, other: object) -> bool:
        return self is other or (
            isinstance(other, FieldItem) and self._hash == other._hash and self._value == other._value
        )

    def __hash__(self) -> int:
        return self._hash

    @property
    def response_key(self) -> str:
        return self.alias or self.name


@dataclass(frozen=True, slots=True, eq=False)
class FragmentItem:
    """An inline fragment (or an expanded named fragment spread) with its type condition resolved; equal
    and hashed by value like `FieldItem`."""

    # The type it applies to, as written or (`... @include(if: $v) { }`) the enclosing type; "" only below
    # introspection fields, whose types the supergraph model does not have (the router answers those).
    type_condition: str
    directives: tuple[graphql.DirectiveNode, ...]
    selections: tuple[Item, ...]
    _value: tuple[object, ...] = field(init=False, repr=False)
    _hash: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        value = (self.type_condition, print_directives(self.directives), self.selections)
        object.__setattr__(self, "_value", value)
        object.__setattr__(self, "_hash", hash(value))

    def __eq__(self, other: object) -> bool:
        return self is other or (
            isinstance(other, FragmentItem) and self._hash == other._hash and self._value == other._value
        )

    def __hash__(self) -> int:
        return self._hash


Item = FieldItem | FragmentItem


@dataclass(frozen=True, slots=True)
class Operation:
    """The operation to plan: kind, variable definitions, and its root selection as items."""

    kind: OperationKind
    variables: dict[str, graphql.VariableDefinitionNode]
    items: tuple[Item, ...]
    name: str | None = None
    # Selections as the planner walks them (a shared subtree counted every time it appears).
    size: int = 0

    @property
    def key(self) -> tuple[object, ...]:
        """Everything the plan depends on, by value: two spellings of one operation (fragments or inline,
        whitespace, literal `@skip`/`@include`, repeated fields) have one key."""
        variables = tuple(sorted(graphql.print_ast(v) for v in self.variables.values()))
        return (self.kind, self.name, variables, self.items)


def normalize(
    document: graphql.DocumentNode,
    operation_name: str | None,
    supergraph: Supergraph,
    budget: PlanningBudget = UNLIMITED,
) -> Operation:
    """Select the operation (spec: GetOperation) and expand its fragment spreads; a fragment whose type
    condition is the type it is in, without directives, is its fields (spec: CollectFields).

    Linear in the document's size: each named fragment is expanded once and shared wherever it is spread,
    and identical selections are one object (hash-consed), so `...F ...F` is one item and the planner's
    memo hits for every repeat at once. The expanded size (counting each shared subtree
    where it appears) must stay within `budget.max_selections`.
    """
    operations = [d for d in document.definitions if isinstance(d, graphql.OperationDefinitionNode)]
    if operation_name is not None:
        operations = [op for op in operations if op.name and op.name.value == operation_name]
    if len(operations) != 1:
        raise PlanningError(f"expected exactly one operation named {operation_name!r}, got {len(operations)}")
    operation = operations[0]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, graphql.FragmentDefinitionNode)
    }
    kind: OperationKind = operation.operation.value
    variables = {v.variable.name.value: v for v in operation.variable_definitions or ()}
    name = operation.name.value if operation.name else None
    expander = _Expander(fragments, supergraph, budget)
    items = expander.items(operation.selection_set, supergraph.root_type(kind))
    size = expander.size(items)
    budget.check_size(size)
    return Operation(kind, variables, items, name, size)


class _Expander:
    """Expands selection sets into items, once per named fragment, interning identical items."""

    def __init__(
        self,
        fragments: dict[str, graphql.FragmentDefinitionNode],
        supergraph: Supergraph,
        budget: PlanningBudget,
    ) -> None:
        self.fragments = fragments
        self.supergraph = supergraph
        self.budget = budget
        self.expanded: dict[str, tuple[Item, ...]] = {}
        # Structural key (children by identity) → the one item or tuple with that structure.
        self.interned: dict[tuple[object, ...], Item] = {}
        self.tuples: dict[tuple[int, ...], tuple[Item, ...]] = {}
        self.sizes: dict[int, int] = {}

    def items(
        self, selection_set: graphql.SelectionSetNode | None, type_name: str | None
    ) -> tuple[Item, ...]:
        """The items of a selection set on `type_name` (None where the planner does not know the type:
        introspection)."""
        if selection_set is None:
            return ()
        self.budget.check()
        items: list[Item] = []
        for selection in selection_set.selections:
            directives = _literal_conditions_folded(selection.directives or ())
            if directives is None:
                continue  # `@skip(if: true)` / `@include(if: false)`: never part of the response.
            if isinstance(selection, graphql.FieldNode):
                items.append(
                    self.intern(
                        FieldItem(
                            name=selection.name.value,
                            alias=selection.alias.value if selection.alias else None,
                            arguments=tuple(selection.arguments or ()),
                            directives=directives,
                            selections=self._sub_items(
                                selection.selection_set, self._field_type(type_name, selection.name.value)
                            ),
                        )
                    )
                )
                continue
            if isinstance(selection, graphql.FragmentSpreadNode):
                fragment = self.fragments[selection.name.value]
                condition: str | None = fragment.type_condition.name.value
                sub = self.expanded.get(selection.name.value)
                if sub is None:
                    sub = self.expanded[selection.name.value] = self.items(fragment.selection_set, condition)
            else:
                assert isinstance(selection, graphql.InlineFragmentNode)
                condition = selection.type_condition.name.value if selection.type_condition else None
                sub = self.items(selection.selection_set, condition or type_name)
            if condition in (None, type_name) and not directives:
                # `... { a }` without a type condition or directives is just its fields (spec: CollectFields).
                items.extend(sub)
            else:
                items.append(self.intern(FragmentItem(condition or type_name or "", directives, sub)))
        return self.merged(items, type_name)

    def merged(self, items: list[Item], type_name: str | None) -> tuple[Item, ...]:
        """Identical items once (they are one object now), and the repeats of one response key as one
        field whose selections are all of theirs (spec: field merging), in first order: the planner then
        sees the client's whole use of a key at once, so the requirements it adds later alias themselves
        away from all of it."""
        unique = list({id(item): item for item in items}.values())
        first: dict[str, int] = {}
        for index, item in enumerate(unique):
            if not isinstance(item, FieldItem) or not item.selections:
                continue
            at = first.setdefault(item.response_key, index)
            earlier = unique[at]
            if at != index and isinstance(earlier, FieldItem):
                combined = self._combined(earlier, item, self._field_type(type_name, item.name))
                if combined is not None:
                    unique[at] = unique[index] = combined
        result = tuple({id(item): item for item in unique}.values())
        return self.tuples.setdefault(tuple(id(item) for item in result), result)

    def _combined(self, earlier: FieldItem, later: FieldItem, type_name: str | None) -> FieldItem | None:
        """One field for two repeats of a key, or None when they must stay apart. A repeat under
        `@skip`/`@include` (with a variable) joins an unconditional one as `... @include(if: $v) { }`
        inside it, so its selections keep their condition instead of being fetched whatever it says."""
        if print_directives(earlier.directives) == print_directives(later.directives):
            selections = (*earlier.selections, *later.selections)
        elif not _conditions(earlier.directives) and _only_conditions(later.directives):
            selections = (*earlier.selections, self._conditional(later, type_name))
        elif not _conditions(later.directives) and _only_conditions(earlier.directives):
            selections = (self._conditional(earlier, type_name), *later.selections)
            earlier = replace(earlier, directives=later.directives)
        else:
            return None
        merged = self.intern(replace(earlier, selections=self.merged(list(selections), type_name)))
        assert isinstance(merged, FieldItem)
        return merged

    def _conditional(self, item: FieldItem, type_name: str | None) -> Item:
        """`item`'s selections under its conditions, on `type_name` (the field's type)."""
        return self.intern(FragmentItem(type_name or "", item.directives, item.selections))

    def _field_type(self, type_name: str | None, field_name: str) -> str | None:
        model = self.supergraph.types.get(type_name) if type_name else None
        field = model.fields.get(field_name) if model else None
        return field.type_name if field else None

    def _sub_items(
        self, selection_set: graphql.SelectionSetNode | None, type_name: str | None
    ) -> tuple[Item, ...]:
        """A field's selections; a composite field whose every selection is excluded still selects
        `__typename`, since a subgraph operation cannot select nothing (the client's answer stays `{}`,
        projected from its own operation)."""
        items = self.items(selection_set, type_name)
        if selection_set is not None and not items:
            typename = self.intern(FieldItem("__typename", None, (), (), ()))
            items = self.tuples.setdefault((id(typename),), (typename,))
        return items

    def intern(self, item: Item) -> Item:
        if isinstance(item, FieldItem):
            key: tuple[object, ...] = (
                "field",
                item.name,
                item.alias,
                *(id(argument) for argument in item.arguments),
                "@",
                *(id(directive) for directive in item.directives),
                id(item.selections),
            )
        else:
            key = ("fragment", item.type_condition, *(id(d) for d in item.directives), id(item.selections))
        return self.interned.setdefault(key, item)

    def size(self, items: tuple[Item, ...]) -> int:
        """Selections as the planner walks them: a shared subtree counts every time it appears."""
        known = self.sizes.get(id(items))
        if known is None:
            known = self.sizes[id(items)] = sum(1 + self.size(item.selections) for item in items)
        return known


def _literal_conditions_folded(
    directives: tuple[graphql.DirectiveNode, ...] | list[graphql.DirectiveNode],
) -> tuple[graphql.DirectiveNode, ...] | None:
    """Evaluate `@skip`/`@include` whose `if` is a literal (spec: CollectFields): None when the selection is
    excluded, else its directives without the literal conditions that always hold.

    Done once here so no later stage has to tell a literal condition from a variable one: a field repeated
    with and without an exclusion, a requirement merged with an excluded client field, or an abstract
    selection left empty then plan as though the excluded selection was never written.
    """
    kept: list[graphql.DirectiveNode] = []
    for directive in directives:
        name = directive.name.value
        if name == "stream":
            continue  # The router streams a list it fetched whole: the plan does not change with it.
        argument = next((a for a in directive.arguments or () if a.name.value == "if"), None)
        if name == "defer" and argument is not None and isinstance(argument.value, graphql.BooleanValueNode):
            if argument.value.value:
                # `@defer(if: true)` is `@defer`: one plan for both.
                others = tuple(a for a in directive.arguments or () if a.name.value != "if")
                kept.append(replace(directive, arguments=others))
            continue  # `@defer(if: false)` does not defer (Spec: incremental delivery, `if`).
        if (
            name in ("skip", "include")
            and argument is not None
            and isinstance(argument.value, graphql.BooleanValueNode)
        ):
            if argument.value.value == (name == "skip"):
                return None
            continue
        kept.append(directive)
    return tuple(kept)


def _conditions(directives: tuple[graphql.DirectiveNode, ...]) -> bool:
    return any(directive.name.value in ("skip", "include") for directive in directives)


def _only_conditions(directives: tuple[graphql.DirectiveNode, ...]) -> bool:
    return all(directive.name.value in ("skip", "include") for directive in directives)
