"""Reads `@fromContext(field: "$name { selection }")` into the context name and the selection it reads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from router.composition.model import Argument, Field, Subgraph, TypeDef
from router.composition.supergraph_model import ContextArgument
from router.composition.typerefs import print_type

# Matches Apollo's `parseContext` (internals-js federation.ts): `$`, the name, then the selection as written
# (leading ignored tokens kept, so the supergraph's `selection` is `" { prop }"` exactly as Apollo prints it).
_CONTEXT = re.compile(r"^(?:[\n\r\t ,]|#[^\n\r]*)*\$(?:[\n\r\t ,]|#[^\n\r]*)*([A-Za-z_]\w*)(?!\w)([\s\S]*)$")


def parse_context(field_value: str) -> tuple[str, str] | None:
    """(context name, selection) of a `@fromContext(field:)` value, or None when it names no context."""
    match = _CONTEXT.match(field_value)
    if match is None or not match.group(2).strip():
        return None
    return match.group(1), match.group(2)


def qualified_context(subgraph: Subgraph, name: str) -> str:
    """Context names are local to a subgraph; the supergraph prefixes them (`Subgraph1__context`)."""
    return f"{subgraph.name}__{name}"


def context_arguments(subgraph: Subgraph, field_def: Field) -> tuple[ContextArgument, ...]:
    """The `contextArguments` of the field's `@join__field` for this subgraph, in argument order."""
    found: list[ContextArgument] = []
    for argument in field_def.args.values():
        parsed = parse_context(argument.from_context) if argument.from_context is not None else None
        if parsed is not None:
            name, selection = parsed
            found.append(
                ContextArgument(
                    qualified_context(subgraph, name), argument.name, print_type(argument.type), selection
                )
            )
    return tuple(found)


@dataclass(frozen=True)
class FromContextUse:
    """One argument with `@fromContext` in one subgraph."""

    subgraph: Subgraph
    type_def: TypeDef
    field_def: Field
    argument: Argument
    parsed: tuple[str, str] | None  # (context name, selection); None when the value names no context

    @property
    def coordinate(self) -> str:
        return f"{self.type_def.name}.{self.field_def.name}({self.argument.name}:)"


def from_context_uses(subgraphs: Iterable[Subgraph]) -> Iterator[FromContextUse]:
    """Every `@fromContext` argument of every field, in subgraph, type and field order."""
    for subgraph in subgraphs:
        for type_def in subgraph.types.values():
            for field_def in type_def.fields.values():
                for argument in field_def.args.values():
                    if argument.from_context is not None:
                        parsed = parse_context(argument.from_context)
                        yield FromContextUse(subgraph, type_def, field_def, argument, parsed)


def context_locations(subgraph: Subgraph, name: str) -> list[TypeDef]:
    """The types of a subgraph that set context `name` (`@context(name:)`), in declaration order."""
    return [t for t in subgraph.types.values() if name in t.contexts]
