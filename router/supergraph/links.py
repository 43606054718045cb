"""Resolve the local names of spec directives from a supergraph's `@link` / Fed 1 `@core` declarations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import graphql

# Spec: https://specs.apollo.dev/link/v1.0/#@link — `https://specs.apollo.dev/<name>/v<x.y>`.
_URL = re.compile(r"/(?P<name>[A-Za-z_][A-Za-z0-9_-]*)/v\d+\.\d+/?$")


@dataclass(frozen=True, slots=True)
class Links:
    """Maps a spec element (`join__type`, `inaccessible`) to the name used in this document."""

    # spec name → prefix used for its elements (`join` → `join`, or the `as:` rename).
    prefixes: dict[str, str] = field(default_factory=dict)
    # `@spec__element` / `@spec` → local name, from `import:`.
    imports: dict[str, str] = field(default_factory=dict)

    def directive(self, spec: str, element: str | None = None) -> str:
        """Local name of `@spec__element` (or of the spec's root directive `@spec` when element is None)."""
        canonical = spec if element is None else f"{spec}__{element}"
        if canonical in self.imports:
            return self.imports[canonical]
        prefix = self.prefixes.get(spec, spec)
        return prefix if element is None else f"{prefix}__{element}"

    def is_machinery(self, name: str) -> bool:
        """Whether a type or directive name belongs to a linked spec (removed from the API schema)."""
        if name in self.imports.values():
            return True
        return any(name == prefix or name.startswith(prefix + "__") for prefix in self.prefixes.values())


def read_links(document: graphql.DocumentNode) -> Links:
    prefixes: dict[str, str] = {}
    imports: dict[str, str] = {}
    for definition in document.definitions:
        if not isinstance(definition, graphql.SchemaDefinitionNode | graphql.SchemaExtensionNode):
            continue
        for directive in definition.directives or ():
            if directive.name.value not in ("link", "core"):
                continue
            args = {
                arg.name.value: graphql.value_from_ast_untyped(arg.value) for arg in directive.arguments or ()
            }
            url = args.get("url") or args.get("feature")
            match = _URL.search(str(url or ""))
            if match is None:
                continue
            spec = match.group("name")
            prefixes[spec] = str(args.get("as") or spec)
            for item in args.get("import") or ():
                name, alias = (item.get("name"), item.get("as")) if isinstance(item, dict) else (item, None)
                name = str(name).lstrip("@")
                local = str(alias or name).lstrip("@")
                canonical = name if name == spec else f"{spec}__{name}"
                imports[canonical] = local
    prefixes.setdefault("link", "link")
    prefixes.setdefault("join", "join")
    return Links(prefixes=prefixes, imports=imports)
