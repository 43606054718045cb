"""The merged supergraph before printing: every type and field with the join metadata per subgraph."""

from __future__ import annotations

from dataclasses import dataclass, field

import graphql

from router.composition.authorization import Access
from router.composition.demand import Demand
from router.composition.model import Subgraph


@dataclass
class TypeJoin:
    """One `@join__type`: which subgraph defines the type, with which key."""

    graph: str
    key: str | None = None
    extension: bool = False
    resolvable: bool | None = None  # printed when given (`resolvable: true` too, as the reference does)
    interface_object: bool = False


@dataclass(frozen=True)
class ContextArgument:
    """One `join__ContextArgument`: the router fills argument `name` from `selection` on context `context`."""

    context: str  # qualified with the subgraph name: `Subgraph1__context`
    name: str
    type: str  # the argument's type in the subgraph, printed
    selection: str  # as written after `$context` (Apollo keeps the leading space: `" { prop }"`)


@dataclass
class FieldJoin:
    """One `@join__field`: a subgraph that declares the field and how (external, requires, ...)."""

    graph: str | None  # None: the bare `@join__field` of a field an @interfaceObject contributes
    requires: str | None = None
    provides: str | None = None
    type: str | None = None  # set when the subgraph's type differs from the supergraph's
    external: bool = False
    override: str | None = None
    used_overridden: bool = False
    override_label: str | None = None  # progressive @override: on the overriding join and on its source's
    context_arguments: tuple[ContextArgument, ...] = ()

    @property
    def plain(self) -> bool:
        return not (
            self.requires
            or self.provides
            or self.type
            or self.external
            or self.override
            or self.used_overridden
            or self.override_label
            or self.context_arguments
        )


@dataclass
class MergedArgument:
    name: str
    type: graphql.TypeNode
    default: str | None = None
    description: str | None = None
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)


@dataclass
class MergedField:
    name: str
    type: graphql.TypeNode
    description: str | None = None
    args: dict[str, MergedArgument] = field(default_factory=dict)
    joins: list[FieldJoin] = field(default_factory=list)
    print_joins: bool = False
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)
    default: str | None = None
    composed: list[graphql.DirectiveNode] = field(default_factory=list)
    access: Access = field(default_factory=Access)
    demand: Demand = field(default_factory=Demand)


@dataclass
class MergedEnumValue:
    name: str
    graphs: list[str] = field(default_factory=list)
    description: str | None = None
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)


@dataclass
class MergedType:
    name: str
    kind: str
    description: str | None = None
    joins: list[TypeJoin] = field(default_factory=list)
    interfaces: list[str] = field(default_factory=list)
    implements: list[tuple[str, str]] = field(default_factory=list)  # (graph, interface)
    fields: dict[str, MergedField] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    member_joins: list[tuple[str, str]] = field(default_factory=list)  # (graph, member)
    values: dict[str, MergedEnumValue] = field(default_factory=dict)
    inaccessible: bool = False
    tags: set[str] = field(default_factory=set)
    composed: list[graphql.DirectiveNode] = field(default_factory=list)
    access: Access = field(default_factory=Access)
    contexts: list[str] = field(default_factory=list)  # `@context(name:)`, qualified with the subgraph name


@dataclass
class MergedSupergraph:
    """All subgraphs (sorted by name) and the merged types (sorted by name)."""

    subgraphs: list[Subgraph]
    types: dict[str, MergedType] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)
    composed_directives: dict[str, tuple[str, graphql.DirectiveDefinitionNode | None]] = field(
        default_factory=dict
    )
