"""The typed supergraph model: which subgraph defines which type, key and field (read by the planner)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import graphql

TypeKind = Literal["object", "interface", "union", "enum", "input", "scalar"]


@dataclass(frozen=True, slots=True)
class Key:
    """One `@key` of a type in one subgraph (`@join__type(graph:, key:, resolvable:)`)."""

    graph: str
    # The field set as written (`"id"`, `"id org { id }"`).
    fields: str
    # The parsed field set, ready to walk.
    selection: graphql.SelectionSetNode
    # `resolvable: false`: the subgraph can name the entity by this key but not resolve `_entities` for it.
    resolvable: bool = True


@dataclass(frozen=True, slots=True)
class TypeInGraph:
    """A type as one subgraph defines it."""

    graph: str
    keys: tuple[Key, ...] = ()
    # `extension: true` (Fed 1 `extend type`): the subgraph did not originate the type.
    extension: bool = False
    # `@interfaceObject`: an interface of the supergraph that this subgraph defines as an object type.
    is_interface_object: bool = False

    @property
    def resolvable_keys(self) -> tuple[Key, ...]:
        return tuple(key for key in self.keys if key.resolvable)


@dataclass(frozen=True, slots=True)
class ContextArgument:
    """`@join__field(contextArguments:)`: the router fills argument `name` with the value `selection` reads on
    the nearest ancestor object that sets `context` (`@context(name:)` on its type)."""

    context: str
    name: str
    # The argument's type in the subgraph, printed (the type of the fetch's variable).
    type: str
    # The selection as written after `$context` (`" { prop }"`, `"... on A { x } ... on B { y }"`), parsed.
    selection: graphql.SelectionSetNode
    # The fetch's variable for the value (Matches Apollo's query graph: `contextualArgument_<i>_<j>`, i the
    # subgraph's position in join__Graph from 1, j the argument's rank among the subgraph's sorted
    # `Type.field(arg:)` coordinates).
    variable: str = ""


@dataclass(frozen=True, slots=True)
class FieldInGraph:
    """A field as one subgraph defines it (`@join__field` arguments, or the type's defaults)."""

    graph: str
    # The field's type in that subgraph (nullability may differ from the supergraph's), printed.
    type: str
    requires: str | None = None
    provides: str | None = None
    # `@external`: the subgraph declares the field but does not resolve it (except under `@provides`).
    external: bool = False
    # `@override(from:)`: this subgraph took the field over from `override`.
    override: str | None = None
    # The field was overridden away from this subgraph: it no longer resolves it.
    used_overridden: bool = False
    # Progressive `@override(from:, label:)` (`overrideLabel`, on the overriding join and on its source's):
    # while the label is off the source resolves the field, while it is on the overriding subgraph does.
    # As loaded every label is off; router/planner/override_labels.py turns labels on for a request.
    override_label: str | None = None
    # `@fromContext` arguments: the field is fetched through `_entities` with their values as variables.
    context_arguments: tuple[ContextArgument, ...] = ()

    @property
    def resolvable(self) -> bool:
        if self.override_label is not None:
            return not self.external and self.override is None
        return not self.external and not self.used_overridden


@dataclass(frozen=True, slots=True)
class FieldModel:
    """A field of a supergraph type and every subgraph that mentions it."""

    name: str
    # The supergraph type, printed (`[Product!]!`), and its named type (`Product`).
    type: str
    type_name: str
    graphs: dict[str, FieldInGraph] = field(default_factory=dict)

    def resolving_graphs(self) -> tuple[str, ...]:
        """Subgraphs that can resolve the field on their own (not external, not overridden away)."""
        return tuple(name for name, info in self.graphs.items() if info.resolvable)


@dataclass(frozen=True, slots=True)
class TypeModel:
    """A supergraph type and how the subgraphs share it."""

    name: str
    kind: TypeKind
    graphs: dict[str, TypeInGraph] = field(default_factory=dict)
    fields: dict[str, FieldModel] = field(default_factory=dict)
    # Interfaces: implementing object types per subgraph. Unions: member types per subgraph.
    possible_types: dict[str, frozenset[str]] = field(default_factory=dict)
    # Object and interface types: the interfaces they implement per subgraph.
    interfaces: dict[str, frozenset[str]] = field(default_factory=dict)
    # Enums: the values each subgraph knows.
    enum_values: dict[str, frozenset[str]] = field(default_factory=dict)
    # `@context(name:)`: the contexts objects of this type set for the fields below them.
    contexts: frozenset[str] = frozenset()

    def keys_in(self, graph: str) -> tuple[Key, ...]:
        info = self.graphs.get(graph)
        return info.keys if info else ()

    def is_interface_object_in(self, graph: str) -> bool:
        info = self.graphs.get(graph)
        return bool(info and info.is_interface_object)


@dataclass(frozen=True, eq=False)
class Supergraph:
    """A loaded supergraph: the client API schema, subgraph URLs and the model the planner reads.

    Compared and hashed by identity, so it can key plan caches (one load per supergraph version).
    """

    sdl: str
    # The client-facing schema: join/link machinery removed, `@inaccessible` elements hidden.
    api_schema: graphql.GraphQLSchema
    # Subgraph name (as in `@join__graph(name:)`) → URL.
    subgraph_urls: dict[str, str]
    types: dict[str, TypeModel]
    query_type: str = "Query"
    mutation_type: str | None = None
    subscription_type: str | None = None
    # The full supergraph schema (with inaccessible elements), for possible-type lookups.
    schema: graphql.GraphQLSchema | None = field(default=None, repr=False)
    # Every progressive @override label of the supergraph (`overrideLabel`), `percent(N)` ones included.
    override_labels: frozenset[str] = frozenset()

    def root_type(self, operation: str) -> str | None:
        return {
            "query": self.query_type,
            "mutation": self.mutation_type,
            "subscription": self.subscription_type,
        }[operation]

    def possible_types(self, type_name: str) -> frozenset[str]:
        """Object types a value of `type_name` can have, across all subgraphs (the supergraph's view)."""
        model = self.types.get(type_name)
        if model is None or model.kind == "object":
            return frozenset({type_name})
        result: set[str] = set()
        for members in model.possible_types.values():
            result |= members
        return frozenset(result)
