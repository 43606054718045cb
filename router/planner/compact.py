"""Print a subgraph operation's AST compactly, as sent to subgraphs: `query($v:Int){a(x: $v) b{c}...on T{d}}`.

The planner builds every subgraph operation as a graphql-core AST and prints it with this once, when the plan
is finished; the plan printer pretty-prints the same AST (nothing is parsed back from text).
"""

from __future__ import annotations

import graphql


def print_operation(operation: graphql.OperationDefinitionNode) -> str:
    """`{...}` for an anonymous query without variables, else `kind Name($v:T=default,...){...}`."""
    kind = operation.operation.value
    name = f" {operation.name.value}" if operation.name else ""
    definitions = ",".join(_variable_definition(v) for v in operation.variable_definitions or ())
    head = f"{kind}{name}({definitions})" if definitions else f"{kind}{name}"
    if head == "query":
        head = ""
    return head + print_selection_set(operation.selection_set)


def print_selection_set(selection_set: graphql.SelectionSetNode) -> str:
    parts: list[str] = []
    for selection in selection_set.selections:
        if isinstance(selection, graphql.FieldNode):
            text = f"{selection.alias.value}:" if selection.alias else ""
            text += selection.name.value
            if selection.arguments:
                text += "(" + print_arguments(selection.arguments) + ")"
            text += print_directives(selection.directives or ())
            if selection.selection_set is not None:
                text += print_selection_set(selection.selection_set)
        else:
            assert isinstance(selection, graphql.InlineFragmentNode)
            condition = selection.type_condition.name.value if selection.type_condition else ""
            text = f"...on {condition}{print_directives(selection.directives or ())}"
            text += print_selection_set(selection.selection_set)
        parts.append(text)
    return "{" + " ".join(parts) + "}"


def print_directives(directives: tuple[graphql.DirectiveNode, ...]) -> str:
    """` @a @b(if: $v)`: each directive as graphql-core prints it, after a space."""
    if not directives:
        return ""
    return "".join(" " + print_directive(d) for d in directives)


def print_directive(directive: graphql.DirectiveNode) -> str:
    if not directive.arguments:
        return "@" + directive.name.value
    return f"@{directive.name.value}({print_arguments(directive.arguments)})"


def print_arguments(arguments: tuple[graphql.ArgumentNode, ...]) -> str:
    """`a: 1,b: $v`, each argument as graphql-core prints it."""
    if not arguments:
        return ""
    return ",".join(f"{a.name.value}: {print_value(a.value)}" for a in arguments)


def print_value(value: graphql.ValueNode) -> str:
    """A value as graphql-core's printer prints it; the common kinds without its (slower) visitor."""
    if isinstance(value, graphql.VariableNode):
        return "$" + value.name.value
    if isinstance(value, graphql.IntValueNode | graphql.FloatValueNode | graphql.EnumValueNode):
        return value.value
    if isinstance(value, graphql.BooleanValueNode):
        return "true" if value.value else "false"
    if isinstance(value, graphql.NullValueNode):
        return "null"
    return graphql.print_ast(value)


def _variable_definition(definition: graphql.VariableDefinitionNode) -> str:
    text = f"${definition.variable.name.value}:{graphql.print_ast(definition.type)}"
    if definition.default_value is not None:
        text += "=" + graphql.print_ast(definition.default_value)
    return text
