"""The composer's view of one subgraph: its types and fields with their federation metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

import graphql

from router.composition.authorization import Access
from router.composition.demand import Demand


@dataclass
class Argument:
    """An argument of a field (or a field of an input object): type, default and access marks."""

    name: str
    type: graphql.TypeNode
    default: str | None = None  # printed default value, compared as text
    description: str | None = None
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)
    # `@fromContext(field: "$name { selection }")`, as written: the router fills the argument, clients don't.
    from_context: str | None = None


@dataclass
class Key:
    """One @key of an entity in a subgraph; `fields` as written (reference supergraphs keep the text)."""

    fields: str
    given_resolvable: bool | None = None  # None when the @key has no `resolvable:` argument

    @property
    def resolvable(self) -> bool:
        return self.given_resolvable is not False


@dataclass
class Field:
    """A field as one subgraph declares it."""

    name: str
    type: graphql.TypeNode
    args: dict[str, Argument] = field(default_factory=dict)
    description: str | None = None
    shareable: bool = False
    external: bool = False
    requires: str | None = None
    provides: str | None = None
    override: str | None = None
    # The @override as written: its local name and all its arguments, `label:` also where the subgraph's
    # federation version has no such argument (then `override_label` is None).
    override_directive: graphql.DirectiveNode | None = None
    # `@override(label:)`: progressive override, `percent(N)` or a label a router plugin enables per request.
    override_label: str | None = None
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)
    default: str | None = None  # input fields only
    composed: list[graphql.DirectiveNode] = field(default_factory=list)  # @composeDirective'd usages
    access: Access = field(default_factory=Access)  # @authenticated / @requiresScopes / @policy
    demand: Demand = field(default_factory=Demand)  # @cost / @listSize


@dataclass
class EnumValue:
    """An enum value as one subgraph declares it."""

    name: str
    description: str | None = None
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)


@dataclass
class TypeDef:
    """A named type as one subgraph declares it (all definitions and extensions merged)."""

    name: str
    kind: str  # object | interface | union | enum | input | scalar
    description: str | None = None
    fields: dict[str, Field] = field(default_factory=dict)
    interfaces: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    values: dict[str, EnumValue] = field(default_factory=dict)
    keys: list[Key] = field(default_factory=list)
    extension: bool = False  # marked @extends (printed as join__type(extension: true))
    syntax_extension: bool = False  # only ever declared with `extend type`
    interface_object: bool = False
    inaccessible: bool = False
    shareable: bool = False
    tags: set[str] = field(default_factory=set)
    composed: list[graphql.DirectiveNode] = field(default_factory=list)
    access: Access = field(default_factory=Access)  # @authenticated / @requiresScopes / @policy
    contexts: list[str] = field(default_factory=list)  # `@context(name:)` names, as written

    @property
    def is_entity(self) -> bool:
        return bool(self.keys)


@dataclass
class Subgraph:
    """One parsed subgraph: name, URL, join__Graph enum value and its types keyed by name."""

    name: str
    url: str
    graph: str  # the join__Graph enum value, e.g. "PRODUCTS"
    fed2: bool
    federation_version: tuple[int, int] | None = None  # of the federation spec @linked; None in Fed 1
    directive_names: dict[str, str] = field(default_factory=dict)  # canonical -> local federation directive
    types: dict[str, TypeDef] = field(default_factory=dict)
    root_types: dict[str, str] = field(default_factory=dict)  # operation -> local type name
    composed_directives: dict[str, tuple[str, graphql.DirectiveDefinitionNode | None]] = field(
        default_factory=dict
    )  # local directive name -> (link url, definition)

    def field(self, type_name: str, field_name: str) -> Field | None:
        type_def = self.types.get(type_name)
        return type_def.fields.get(field_name) if type_def else None
