"""Authorization directives enforced at planning time: `@authenticated`, `@requiresScopes(scopes: [[...]])`
and `@policy(policies: [[...]])` on fields and types of the supergraph.

Matches Apollo Router (https://www.apollographql.com/docs/graphos/routing/security/authorization): fields the
caller may not see are removed from the operation before it is planned, answered as null with an
`UNAUTHORIZED_FIELD_OR_TYPE` error at their path, and the rest of the operation runs. A requirement on a type
applies to every field returning it. Scopes come from the verified token's `scope` claim (space-separated)
or `scopes` list; `@requiresScopes` and `@policy` are OR over their inner lists and AND within one. Policies
are Python callables (`Policy`) the deployment registers; a policy nobody registered never passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    ListValueNode,
    NameNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
    get_named_type,
    print_ast,
    visit,
)
from graphql.language import Visitor

# A registered policy: does this caller (its verified claims, None when anonymous) satisfy it?
Policy = Callable[[Mapping[str, Any] | None], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """What one field or type requires."""

    authenticated: bool = False
    # OR of ANDs: any one inner set suffices.
    scopes: tuple[frozenset[str], ...] = ()
    policies: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Caller:
    """Who asks, as far as authorization cares."""

    claims: Mapping[str, Any] | None
    scopes: frozenset[str]
    # The policies this caller satisfies (evaluated once per request).
    policies: frozenset[str]

    @property
    def key(self) -> tuple[bool, frozenset[str], frozenset[str]]:
        """What an authorization decision depends on: the cache key of a filtered operation."""
        return (self.claims is not None, self.scopes, self.policies)


def caller(claims: Mapping[str, Any] | None, policies: Mapping[str, Policy], needed: Iterable[str]) -> Caller:
    """The caller behind `claims`, with the `needed` policies evaluated."""
    scopes: frozenset[str] = frozenset()
    if claims is not None:
        raw = claims.get("scope", claims.get("scopes", ""))
        scopes = frozenset(raw.split() if isinstance(raw, str) else (str(item) for item in raw or ()))
    passed = frozenset(name for name in needed if name in policies and policies[name](claims))
    return Caller(claims, scopes, passed)


class Requirements:
    """Every authorization rule of one supergraph, read once from its directives."""

    def __init__(self, schema: GraphQLSchema | None) -> None:
        self.fields: dict[tuple[str, str], Rule] = {}
        self.types: dict[str, Rule] = {}
        self.policy_names: set[str] = set()
        if schema is None:
            return
        for named in schema.type_map.values():
            if named.name.startswith("__"):
                continue
            nodes = [named.ast_node, *(named.extension_ast_nodes or ())]
            rule = self._rule([d for node in nodes if node is not None for d in node.directives or ()])
            if rule is not None:
                self.types[named.name] = rule
            for field_name, field in getattr(named, "fields", {}).items() if hasattr(named, "fields") else ():
                node = field.ast_node
                field_rule = self._rule(list(node.directives or ())) if node is not None else None
                if field_rule is not None:
                    self.fields[named.name, field_name] = field_rule

    def __bool__(self) -> bool:
        return bool(self.fields or self.types)

    def _rule(self, directives: list[DirectiveNode]) -> Rule | None:
        authenticated = False
        scopes: list[frozenset[str]] = []
        policies: list[frozenset[str]] = []
        for directive in directives:
            name = directive.name.value
            if name == "authenticated":
                authenticated = True
            elif name in ("requiresScopes", "policy"):
                groups = _string_groups(directive)
                (scopes if name == "requiresScopes" else policies).extend(groups)
                if name == "policy":
                    self.policy_names.update(item for group in groups for item in group)
        if not (authenticated or scopes or policies):
            return None
        return Rule(authenticated, tuple(scopes), tuple(policies))

    def allows(self, rule: Rule, who: Caller) -> bool:
        if rule.authenticated and who.claims is None:
            return False
        if rule.scopes and not any(group <= who.scopes for group in rule.scopes):
            return False
        return not rule.policies or any(group <= who.policies for group in rule.policies)


def _string_groups(directive: DirectiveNode) -> list[frozenset[str]]:
    groups: list[frozenset[str]] = []
    for argument in directive.arguments or ():
        if isinstance(argument.value, ListValueNode):
            for inner in argument.value.values:
                values = inner.values if isinstance(inner, ListValueNode) else (inner,)
                groups.append(frozenset(v.value for v in values if isinstance(v, StringValueNode)))
    return groups


@dataclass(frozen=True, slots=True)
class Filtered:
    """An operation with the caller's forbidden fields removed, and where they were."""

    # None when nothing was removed (run the operation as it is).
    query: str | None
    # Response paths (keys only: list positions are not known before execution) of removed fields.
    denied: tuple[tuple[str, ...], ...]


def filter_operation(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    root: GraphQLObjectType,
    schema: GraphQLSchema,
    requirements: Requirements,
    who: Caller,
) -> Filtered:
    """`operation` without the fields `who` may not see (printed, with its fragments), and their paths."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    walker = _Walker(schema, requirements, who, fragments)
    selection = walker.selection_set(operation.selection_set, root, ())
    if not walker.denied:
        return Filtered(None, ())
    filtered_fragments = {name: walker.fragment(fragment) for name, fragment in fragments.items()}
    # A fragment spread only inside removed fields is unused now, which would make the document invalid.
    kept_fragments = [filtered_fragments[name] for name in _spread(selection, filtered_fragments)]
    used = _variables_used([selection, *(fragment.selection_set for fragment in kept_fragments)])
    filtered_operation = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        # A variable only the removed fields used would make the document invalid ("never used").
        variable_definitions=tuple(
            definition
            for definition in operation.variable_definitions or ()
            if definition.variable.name.value in used
        ),
        directives=operation.directives,
        selection_set=selection,
    )
    printed = print_ast(DocumentNode(definitions=(filtered_operation, *kept_fragments)))
    return Filtered(printed, tuple(dict.fromkeys(walker.denied)))


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        requirements: Requirements,
        who: Caller,
        fragments: dict[str, FragmentDefinitionNode],
        fragment_paths: dict[str, tuple[tuple[str, ...], ...]] | None = None,
    ) -> None:
        self.schema = schema
        self.requirements = requirements
        self.who = who
        self.fragments = fragments
        self.denied: list[tuple[str, ...]] = []
        # Denied paths inside each fragment, relative to where it is spread: walked once per fragment, so a
        # chain of fragments each spreading the next twice costs linear time, not 2^n.
        self.fragment_paths = {} if fragment_paths is None else fragment_paths

    def selection_set(
        self, selection_set: SelectionSetNode, parent: Any, path: tuple[str, ...]
    ) -> SelectionSetNode:
        kept: list[SelectionNode] = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                field = self._field(selection, parent, path)
                if field is not None:
                    kept.append(field)
            elif isinstance(selection, InlineFragmentNode):
                condition = (
                    self._type(selection.type_condition.name.value) if selection.type_condition else parent
                )
                inner = self.selection_set(selection.selection_set, condition, path)
                kept.append(
                    InlineFragmentNode(
                        type_condition=selection.type_condition,
                        directives=selection.directives,
                        selection_set=inner,
                    )
                )
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    # Walked for the paths; the definition itself is filtered once in `fragment`.
                    self.denied.extend((*path, *inner) for inner in self._paths_in(fragment))
                kept.append(selection)
        if not kept:
            kept.append(FieldNode(name=NameNode(value="__typename")))
        return SelectionSetNode(selections=tuple(kept))

    def _paths_in(self, fragment: FragmentDefinitionNode) -> tuple[tuple[str, ...], ...]:
        name = fragment.name.value
        found = self.fragment_paths.get(name)
        if found is None:
            inner = _Walker(self.schema, self.requirements, self.who, self.fragments, self.fragment_paths)
            inner.selection_set(fragment.selection_set, self._type(fragment.type_condition.name.value), ())
            found = self.fragment_paths[name] = tuple(dict.fromkeys(inner.denied))
        return found

    def fragment(self, fragment: FragmentDefinitionNode) -> FragmentDefinitionNode:
        quiet = _Walker(self.schema, self.requirements, self.who, self.fragments, self.fragment_paths)
        selection = quiet.selection_set(
            fragment.selection_set, self._type(fragment.type_condition.name.value), ()
        )
        return FragmentDefinitionNode(
            name=fragment.name,
            type_condition=fragment.type_condition,
            directives=fragment.directives,
            selection_set=selection,
        )

    def _field(self, node: FieldNode, parent: Any, path: tuple[str, ...]) -> FieldNode | None:
        name = node.name.value
        key = node.alias.value if node.alias else name
        if name.startswith("__") or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return node
        definition = parent.fields.get(name)
        if definition is None:
            return node
        returned = get_named_type(definition.type)
        for rule in (
            self.requirements.fields.get((parent.name, name)),
            self.requirements.types.get(returned.name),
        ):
            if rule is not None and not self.requirements.allows(rule, self.who):
                self.denied.append((*path, key))
                return None
        if node.selection_set is None:
            return node
        inner = self.selection_set(node.selection_set, returned, (*path, key))
        return FieldNode(
            alias=node.alias,
            name=node.name,
            arguments=node.arguments,
            directives=node.directives,
            selection_set=inner,
        )

    def _type(self, name: str) -> GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType | None:
        found = self.schema.get_type(name)
        return (
            found if isinstance(found, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType) else None
        )


def _spread(selection: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    """The fragments `selection` spreads, directly or through other fragments, in definition order."""
    reached: set[str] = set()
    pending = [selection]

    class Collect(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
            name = node.name.value
            if name not in reached and name in fragments:
                reached.add(name)
                pending.append(fragments[name].selection_set)

    while pending:
        visit(pending.pop(), Collect())
    return [name for name in fragments if name in reached]


def _variables_used(selection_sets: list[SelectionSetNode]) -> set[str]:
    used: set[str] = set()

    class Collect(Visitor):
        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            used.add(node.name.value)

    for selection_set in selection_sets:
        visit(selection_set, Collect())
    return used
