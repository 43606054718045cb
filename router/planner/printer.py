"""Print a QueryPlan in the text form Apollo's and Hive's planners use (`QueryPlan { Sequence { ... } }`)."""

from __future__ import annotations

import graphql

from router.planner.plan import (
    Condition,
    Defer,
    DeferredNode,
    Fetch,
    FieldSelection,
    Flatten,
    Parallel,
    PathSegment,
    PlanNode,
    QueryPlan,
    Selection,
    Sequence,
    Subscription,
    TypeCondition,
)

_INDENT = "  "


def print_plan(plan: QueryPlan) -> str:
    """The plan as text: one node per block, each subgraph selection pretty-printed."""
    lines = ["QueryPlan {"]
    if plan.node is not None:
        _node(plan.node, 1, lines)
    lines.append("}")
    return "\n".join(lines)


def _node(node: PlanNode, depth: int, lines: list[str]) -> None:
    pad = _INDENT * depth
    if isinstance(node, Fetch):
        fetch_id = f", id: {node.id}" if node.id is not None else ""
        lines.append(f'{pad}Fetch(service: "{node.service_name}"{fetch_id}) {{')
        _fetch_body(node, depth + 1, lines)
        lines.append(f"{pad}}},")
    elif isinstance(node, Flatten):
        paths = ", ".join(f'"{_path(path)}"' for path in node.paths)
        lines.append(f"{pad}Flatten(path: {paths}) {{")
        _node(node.node, depth + 1, lines)
        lines.append(f"{pad}}},")
    elif isinstance(node, Sequence | Parallel):
        lines.append(f"{pad}{type(node).__name__} {{")
        for child in node.nodes:
            _node(child, depth + 1, lines)
        lines.append(f"{pad}}},")
    elif isinstance(node, Condition):
        _condition(node, depth, lines)
    elif isinstance(node, Defer):
        _defer(node, depth, lines)
    else:
        assert isinstance(node, Subscription)
        lines.append(f"{pad}Subscription {{")
        lines.append(f"{pad}{_INDENT}Primary: {{")
        _node(node.primary, depth + 2, lines)
        lines.append(f"{pad}{_INDENT}}},")
        if node.rest is not None:
            lines.append(f"{pad}{_INDENT}Rest: {{")
            _node(node.rest, depth + 2, lines)
            lines.append(f"{pad}{_INDENT}}},")
        lines.append(f"{pad}}},")


def _defer(node: Defer, depth: int, lines: list[str]) -> None:
    # Matches Apollo's print (query-planner-js `queryPlanSerializer.ts`): each part's client selection
    # followed by `:`, then its plan without the trailing comma.
    pad = _INDENT * depth
    lines.append(f"{pad}Defer {{")
    lines.append(f"{pad}{_INDENT}Primary {{")
    _part(node.primary_subselection, node.primary, depth + 2, lines)
    lines.append(f"{pad}{_INDENT}}}, [")
    for deferred in node.deferred:
        lines.append(f"{pad}{_INDENT * 2}{_deferred_head(deferred)} {{")
        _part(deferred.subselection, deferred.node, depth + 3, lines)
        lines.append(f"{pad}{_INDENT * 2}}},")
    lines.append(f"{pad}{_INDENT}]")
    lines.append(f"{pad}}},")


def _deferred_head(node: DeferredNode) -> str:
    depends = ", ".join(str(fetch_id) for fetch_id in node.depends)
    # Apollo's `queryPath`: the fields from the root, without list markers.
    path = "/".join(segment for segment in node.path if isinstance(segment, str) and segment != "@")
    label = f', label: "{node.label}"' if node.label is not None else ""
    # Not in Apollo's print (its planner makes a `Condition` of `@defer(if: $v)`): the part's condition.
    condition = f", if: ${node.condition}" if node.condition is not None else ""
    return f'Deferred(depends: [{depends}], path: "{path}"{label}{condition})'


def _part(
    selection: graphql.SelectionSetNode | None, node: PlanNode | None, depth: int, lines: list[str]
) -> None:
    if selection is not None:
        _block(graphql.print_ast(selection), depth, lines, suffix=":")
    if node is not None:
        _node(node, depth, lines)
        lines[-1] = lines[-1].removesuffix(",")


def _condition(node: Condition, depth: int, lines: list[str]) -> None:
    # Matches Apollo: `Include(if: $v)` for a lone if-branch, `Skip(if: $v)` for a lone else-branch.
    pad = _INDENT * depth
    if node.else_clause is None and node.if_clause is not None:
        lines.append(f"{pad}Include(if: ${node.condition}) {{")
        _node(node.if_clause, depth + 1, lines)
    elif node.if_clause is None and node.else_clause is not None:
        lines.append(f"{pad}Skip(if: ${node.condition}) {{")
        _node(node.else_clause, depth + 1, lines)
    else:
        lines.append(f"{pad}Condition(if: ${node.condition}) {{")
        for label, clause in (("Then", node.if_clause), ("Else", node.else_clause)):
            lines.append(f"{pad}{_INDENT}{label} {{")
            if clause is not None:
                _node(clause, depth + 2, lines)
            lines.append(f"{pad}{_INDENT}}},")
    lines.append(f"{pad}}},")


def _path(path: tuple[PathSegment, ...]) -> str:
    parts: list[str] = []
    for segment in path:
        if isinstance(segment, TypeCondition):
            parts[-1] += "|[" + ",".join(segment.types) + "]"
        else:
            parts.append(segment)
    return ".".join(parts)


def _fetch_body(fetch: Fetch, depth: int, lines: list[str]) -> None:
    operation = fetch.document
    if operation is None:
        # A Fetch built by hand from text (tests, plugins): the planner's own carry their AST.
        definition = graphql.parse(fetch.operation).definitions[0]
        assert isinstance(definition, graphql.OperationDefinitionNode)
        operation = definition
    selection_set = operation.selection_set
    if fetch.requires is not None:
        requires = graphql.print_ast(_requires_ast(fetch))
        _block(requires, depth, lines, suffix=" =>")
        entities = selection_set.selections[0]
        assert isinstance(entities, graphql.FieldNode) and entities.selection_set is not None
        selection_set = entities.selection_set
    printed = graphql.print_ast(selection_set)
    if fetch.requires is None and fetch.operation_kind != "query":
        printed = f"{fetch.operation_kind} {printed}"  # As Hive prints root mutation/subscription fetches.
    _block(printed, depth, lines)
    for rewrite in fetch.context_rewrites:
        # Apollo's text form leaves `contextRewrites` out (its tests read them from the plan's JSON); printed
        # here in that JSON's terms, so a printed plan says where each contextual value comes from.
        path = ", ".join(f'"{step}"' for step in rewrite.path)
        lines.append(f'{_INDENT * depth}KeyRenamer(path: [{path}], renameKeyTo: "{rewrite.rename_key_to}")')


def _block(text: str, depth: int, lines: list[str], suffix: str = "") -> None:
    printed = text.splitlines()
    pad = _INDENT * depth
    for index, line in enumerate(printed):
        lines.append(pad + line + (suffix if index == len(printed) - 1 else ""))


def _requires_ast(fetch: Fetch) -> graphql.SelectionSetNode:
    def convert(selections: tuple[Selection, ...]) -> graphql.SelectionSetNode:
        nodes: list[graphql.SelectionNode] = []
        for selection in selections:
            if isinstance(selection, FieldSelection):
                sub = convert(selection.selections) if selection.selections else None
                # A representation field read from a planner alias prints as `name: alias` (as Hive does).
                if selection.alias:
                    name = graphql.NameNode(value=selection.alias)
                    alias: graphql.NameNode | None = graphql.NameNode(value=selection.name)
                else:
                    name, alias = graphql.NameNode(value=selection.name), None
                nodes.append(graphql.FieldNode(alias=alias, name=name, selection_set=sub))
            else:
                condition = graphql.NamedTypeNode(name=graphql.NameNode(value=selection.type_condition))
                nodes.append(
                    graphql.InlineFragmentNode(
                        type_condition=condition, selection_set=convert(selection.selections)
                    )
                )
        return graphql.SelectionSetNode(selections=tuple(nodes))

    return convert(fetch.requires or ())
