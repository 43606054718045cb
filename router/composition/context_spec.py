"""What a supergraph that uses `@context` / `@fromContext` adds: join v0.5 and the context spec (v0.1)."""

from __future__ import annotations

import json

from router.composition.supergraph_model import ContextArgument

# Matches Apollo composition (2.8+): contextual arguments need join v0.5 (`@join__field(contextArguments:)`),
# which also brings v0.4's `@join__directive` and `overrideLabel`; router/composition/printer.py prints the
# link and `@join__field`, these are the types v0.5 adds.
JOIN_TYPES = {
    "join__ContextArgument": (
        "input join__ContextArgument {\n  name: String!\n  type: String!\n  context: String!\n"
        "  selection: join__FieldValue!\n}"
    ),
    "join__FieldValue": "scalar join__FieldValue",
}

# Spec: https://specs.apollo.dev/context/v0.1 — linked `for: SECURITY` (its default purpose in Apollo).
LINK = '@link(url: "https://specs.apollo.dev/context/v0.1", for: SECURITY)'
DEFINITIONS = (
    "directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION",
    "directive @context__fromContext(field: context__ContextFieldValue) on ARGUMENT_DEFINITION",
)
TYPES = {"context__ContextFieldValue": "scalar context__ContextFieldValue"}


def print_context_arguments(arguments: tuple[ContextArgument, ...]) -> str:
    """`contextArguments: [{context: "S__c", name: "a", type: "String", selection: " { prop }"}]`."""
    printed = [
        "{"
        + ", ".join(
            f"{key}: {json.dumps(value, ensure_ascii=False)}"
            for key, value in (
                ("context", a.context),
                ("name", a.name),
                ("type", a.type),
                ("selection", a.selection),
            )
        )
        + "}"
        for a in arguments
    ]
    return f"contextArguments: [{', '.join(printed)}]"
