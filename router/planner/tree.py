"""Turn fetch groups into plan nodes: print each group's subgraph operation and order groups by dependency."""

from __future__ import annotations

import graphql

from router.planner.conditions import group_condition, guard
from router.planner.groups import FetchGroup
from router.planner.plan import (
    Fetch,
    FieldSelection,
    Flatten,
    InlineFragmentSelection,
    OperationKind,
    Parallel,
    PlanNode,
    Selection,
    Sequence,
    Subscription,
)
from router.planner.selection import SelectionTree


def build_tree(
    groups: list[FetchGroup],
    kind: OperationKind,
    variables: dict[str, graphql.VariableDefinitionNode],
    ids: frozenset[int] = frozenset(),
) -> PlanNode | None:
    """Root groups run in parallel (mutations: in order, spec: ExecuteMutation); children after parents.

    A group whose parent is not among `groups` (a deferred part's fetch reading primary data) starts like a
    root; the fetches of the groups in `ids` carry their id (a deferred part waits for them).
    """
    children: dict[int, list[FetchGroup]] = {group.id: [] for group in groups}
    for group in groups:
        if group.parent is not None and group.parent.id in children:
            children[group.parent.id].append(group)
    builder = _Builder(children, kind, variables, ids)
    roots = [group for group in groups if group.parent is None or group.parent.id not in children]
    if not roots:
        return None
    if kind == "subscription":
        primary = builder.fetch(roots[0])
        assert isinstance(primary, Fetch)
        return Subscription(primary, builder.schedule(children[roots[0].id]))
    if kind == "mutation":
        return _sequence([builder.subtree(root) for root in roots])
    return builder.schedule(roots)


def _sequence(nodes: list[PlanNode]) -> PlanNode:
    flat: list[PlanNode] = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, Sequence) else (node,))
    return flat[0] if len(flat) == 1 else Sequence(tuple(flat))


class _Builder:
    def __init__(
        self,
        children: dict[int, list[FetchGroup]],
        kind: OperationKind,
        variables: dict[str, graphql.VariableDefinitionNode],
        ids: frozenset[int],
    ) -> None:
        self.children = children
        self.kind = kind
        self.variables = variables
        self.ids = ids

    def subtree(self, group: FetchGroup) -> PlanNode:
        """The group's fetch, then its children; all of it conditional when every field the group selects
        hangs on one `@include`/`@skip` variable."""
        after = self.schedule(self.children[group.id])
        node = self.fetch(group)
        node = node if after is None else _sequence([node, after])
        return guard(node, group_condition(group))

    def schedule(self, siblings: list[FetchGroup]) -> PlanNode | None:
        """Siblings in stages: a stage runs in parallel once the stages it waits for are done."""
        if not siblings:
            return None
        owner = {}
        for sibling in siblings:
            for member in self._members(sibling):
                owner[member.id] = sibling.id
        done: set[int] = set()
        remaining = list(siblings)
        stages: list[PlanNode] = []
        while remaining:
            ready = [
                group
                for group in remaining
                if all(owner.get(dep.id, group.id) in done | {group.id} for dep in self._waits(group))
            ] or remaining[:1]
            nodes = [self.subtree(group) for group in ready]
            stages.append(nodes[0] if len(nodes) == 1 else Parallel(tuple(nodes)))
            done |= {group.id for group in ready}
            remaining = [group for group in remaining if group.id not in done]
        return _sequence(stages)

    def _members(self, group: FetchGroup) -> list[FetchGroup]:
        members = [group]
        for child in self.children[group.id]:
            members.extend(self._members(child))
        return members

    def _waits(self, group: FetchGroup) -> set[FetchGroup]:
        waits: set[FetchGroup] = set()
        for member in self._members(group):
            waits |= member.depends_on
        return waits

    def fetch(self, group: FetchGroup) -> PlanNode:
        """The group's Fetch: its operation as AST (printed once the plan is finished, `fetches.py`)."""
        variables = dict.fromkeys(group.selection.variables())
        used = [name for name in variables if name not in group.context_variables]
        definitions = tuple(self.variables[name] for name in used)
        definitions += tuple(
            _variable(name, type_string) for name, type_string in group.context_variables.items()
        )
        selection = group.selection.to_ast()
        fetch_id = group.id if group.id in self.ids else None
        if group.is_entity:
            entities = graphql.FieldNode(
                name=graphql.NameNode(value="_entities"),
                arguments=(_REPRESENTATIONS_ARGUMENT,),
                directives=(),
                selection_set=selection,
            )
            document = _operation("query", (_REPRESENTATIONS, *definitions), (entities,))
            fetch = Fetch(
                service_name=group.graph,
                operation="",
                operation_kind="query",
                variable_usages=tuple(used),
                requires=_requires(group.requires),
                input_rewrites=tuple(group.input_rewrites),
                output_rewrites=tuple(group.output_rewrites),
                context_rewrites=tuple(group.context_rewrites),
                id=fetch_id,
                document=document,
            )
            paths = (group.path, *group.other_paths)
            fields = (
                tuple(frozenset(group.path_fields.get(path, ())) for path in paths)
                if group.path_fields
                else ()
            )
            return Flatten(group.path, fetch, tuple(group.other_paths), fields)
        return Fetch(
            service_name=group.graph,
            operation="",
            operation_kind=self.kind,
            variable_usages=tuple(used),
            output_rewrites=tuple(group.output_rewrites),
            id=fetch_id,
            document=_operation(self.kind, definitions, selection.selections),
        )


def _operation(
    kind: OperationKind,
    definitions: tuple[graphql.VariableDefinitionNode, ...],
    selections: tuple[graphql.SelectionNode, ...],
) -> graphql.OperationDefinitionNode:
    return graphql.OperationDefinitionNode(
        operation=graphql.OperationType(kind),
        name=None,
        variable_definitions=definitions,
        directives=(),
        selection_set=graphql.SelectionSetNode(selections=tuple(selections)),
    )


def _name(value: str) -> graphql.NameNode:
    return graphql.NameNode(value=value)


def _variable(name: str, type_string: str) -> graphql.VariableDefinitionNode:
    """A contextual argument's variable, typed as the subgraph types the argument."""
    return graphql.VariableDefinitionNode(
        variable=graphql.VariableNode(name=_name(name)), type=graphql.parse_type(type_string), directives=()
    )


_REPRESENTATIONS = graphql.VariableDefinitionNode(
    variable=graphql.VariableNode(name=_name("representations")),
    type=graphql.NonNullTypeNode(
        type=graphql.ListTypeNode(
            type=graphql.NonNullTypeNode(type=graphql.NamedTypeNode(name=_name("_Any")))
        )
    ),
    directives=(),
)
_REPRESENTATIONS_ARGUMENT = graphql.ArgumentNode(
    name=_name("representations"), value=graphql.VariableNode(name=_name("representations"))
)


def _requires(tree: SelectionTree) -> tuple[Selection, ...]:
    selections: list[Selection] = []
    for node in tree.fields.values():
        sub = _requires(node.sub) if node.sub is not None else ()
        selections.append(FieldSelection(node.name, sub, node.alias))
    for (type_condition, _), (_, fragment) in tree.fragments.items():
        selections.append(InlineFragmentSelection(type_condition, _requires(fragment)))
    return tuple(selections)
