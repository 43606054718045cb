"""Resolves the local names a subgraph uses for federation directives (@link imports, renames, Fed 1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import graphql

FEDERATION_URL_PREFIX = "https://specs.apollo.dev/federation/"

# Directives of the federation spec that composition interprets (Federation 2 spec, v2.0 to v2.9).
FEDERATION_DIRECTIVES = (
    "key",
    "shareable",
    "external",
    "requires",
    "provides",
    "override",
    "inaccessible",
    "tag",
    "interfaceObject",
    "extends",
    "composeDirective",
    "authenticated",
    "requiresScopes",
    "policy",
    "cost",
    "listSize",
    "context",
    "fromContext",
)

# Spec: the federation version whose @override has the `label:` argument (progressive override).
OVERRIDE_LABEL_SINCE = (2, 7)

# Fed 1 subgraphs have no @link: the directives are used under their plain names.
_FED1_NAMES = ("key", "external", "requires", "provides", "extends", "tag", "inaccessible")


@dataclass(frozen=True)
class SpecLink:
    """One non-federation @link on the subgraph's schema (kept for @composeDirective)."""

    url: str
    imports: dict[str, str]  # local directive name -> name in the spec


@dataclass
class FederationNames:
    """Maps local directive names to the canonical federation directive they stand for."""

    fed2: bool
    local_to_canonical: dict[str, str] = field(default_factory=dict)
    other_links: list[SpecLink] = field(default_factory=list)
    version: tuple[int, int] | None = None  # the federation spec's (`.../federation/v2.7`); None in Fed 1

    def canonical(self, local: str) -> str | None:
        return self.local_to_canonical.get(local)

    def local(self, canonical: str) -> str:
        """The name the subgraph defines a federation directive under: its import (renamed or not) if it
        has one, else `<namespace>__<name>` (imports come last in local_to_canonical, so they win)."""
        names = [local for local, name in self.local_to_canonical.items() if name == canonical]
        return names[-1] if names else canonical


def _value(node: graphql.ValueNode) -> Any:
    return graphql.value_from_ast_untyped(node)


def _link_args(directive: graphql.DirectiveNode) -> dict[str, Any]:
    return {arg.name.value: _value(arg.value) for arg in directive.arguments or ()}


def _imports(raw: Any) -> dict[str, str]:
    """`import: ["@key", {name: "@key", as: "@primaryKey"}]` -> {local: original} without the @."""
    imports: dict[str, str] = {}
    for item in raw or []:
        if isinstance(item, str):
            name, alias = item, item
        elif isinstance(item, dict):
            name, alias = str(item.get("name", "")), str(item.get("as") or item.get("name", ""))
        else:
            continue
        if name.startswith("@"):
            imports[alias.lstrip("@")] = name.lstrip("@")
    return imports


def resolve_federation_names(document: graphql.DocumentNode) -> FederationNames:
    """Reads `@link`s on schema definitions/extensions; no federation @link means a Fed 1 subgraph."""
    links: list[dict[str, Any]] = []
    for definition in document.definitions:
        if isinstance(definition, graphql.SchemaDefinitionNode | graphql.SchemaExtensionNode):
            links.extend(_link_args(d) for d in definition.directives or () if d.name.value == "link")
    federation = next((a for a in links if str(a.get("url", "")).startswith(FEDERATION_URL_PREFIX)), None)
    if federation is None:
        return FederationNames(fed2=False, local_to_canonical={n: n for n in _FED1_NAMES})
    # Spec: https://specs.apollo.dev/link/v1.0 — unimported elements are reachable as `<namespace>__<name>`.
    namespace = str(federation.get("as") or "federation")
    names = {f"{namespace}__{name}": name for name in FEDERATION_DIRECTIVES}
    for local, original in _imports(federation.get("import")).items():
        if original in FEDERATION_DIRECTIVES:
            names[local] = original
    others = [
        SpecLink(url=str(a.get("url", "")), imports=_imports(a.get("import")))
        for a in links
        if a is not federation and not str(a.get("url", "")).startswith("https://specs.apollo.dev/link/")
    ]
    version = re.fullmatch(r"v(\d+)\.(\d+)", str(federation["url"])[len(FEDERATION_URL_PREFIX) :])
    return FederationNames(
        fed2=True,
        local_to_canonical=names,
        other_links=others,
        version=(int(version[1]), int(version[2])) if version else None,
    )
