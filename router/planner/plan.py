"""The query plan as data: frozen records the planner builds and the executor runs.

The shape follows Apollo's `QueryPlan.ts` / Hive's `plan_nodes.rs` so that plans print in the common text form
(`QueryPlan { Sequence { Fetch(service: "a") { ... } } }`) and so the executor's semantics are the
reference ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import graphql

OperationKind = Literal["query", "mutation", "subscription"]


@dataclass(frozen=True, slots=True)
class FieldSelection:
    """A field picked out of fetched data to build an entity representation (the `requires` of a Fetch)."""

    # The field name the receiving subgraph expects in the representation.
    name: str
    # Sub-selection for object-typed fields (nested keys, `@requires(fields: "a { b }")`); empty for leaves.
    selections: tuple[Selection, ...] = ()
    # Where the value sits in the merged data when it differs from `name` (the planner aliased the field in an
    # earlier fetch, e.g. to avoid an argument conflict). The representation still carries it under `name`.
    alias: str | None = None


@dataclass(frozen=True, slots=True)
class InlineFragmentSelection:
    """`... on T { ... }` inside `requires`: the selections apply only to objects whose `__typename` is T
    (or, for an interface or union T, one of T's possible types)."""

    type_condition: str
    selections: tuple[Selection, ...]


Selection = FieldSelection | InlineFragmentSelection


def type_step(type_name: str) -> str:
    """A rewrite path step (`ValueSetter`, `KeyRenamer`) that goes on only for objects of `type_name`."""
    return f"... on {type_name}"


@dataclass(frozen=True, slots=True)
class ValueSetter:
    """Rewrite: at `path` (keys and `... on T` steps) set the value to `set_value_to`.

    Used as an input rewrite for `@interfaceObject`: the representation's `__typename` becomes the
    interface name.
    """

    path: tuple[str, ...]
    set_value_to: Any


@dataclass(frozen=True, slots=True)
class KeyRenamer:
    """Rewrite: at `path` rename the last key to `rename_key_to` (output rewrites undo planner aliases)."""

    path: tuple[str, ...]
    rename_key_to: str


FetchRewrite = ValueSetter | KeyRenamer


@dataclass(frozen=True, slots=True)
class Fetch:
    """Send one operation to one subgraph.

    Without `requires` it is a root fetch: its result data merges into the response root. With `requires` it
    is an entity fetch: the executor builds one representation per object found at the enclosing Flatten path
    (only those matching a type condition of `requires`), deduplicates them, sends them as `$representations`
    in ONE `_entities` call, and merges `_entities[i]` back into every object that produced representation i.
    """

    service_name: str
    # The GraphQL document sent to the subgraph, printed once at planning time (from `document`).
    operation: str
    operation_kind: OperationKind = "query"
    # Name given to the subgraph operation (None when the plan sends an anonymous operation).
    operation_name: str | None = None
    # Client variables the operation uses: the executor forwards exactly these (already coerced).
    variable_usages: tuple[str, ...] = ()
    # Entity fetches only: the selection that builds each representation from the fetched data.
    requires: tuple[Selection, ...] | None = None
    # Applied to each representation before it is sent.
    input_rewrites: tuple[FetchRewrite, ...] = ()
    # Applied to each entity result (or root result) before it is merged.
    output_rewrites: tuple[FetchRewrite, ...] = ()
    # `@fromContext` arguments (entity fetches only): each KeyRenamer's path, read from each entity object
    # (".." = up one response key, "... on T" = only if the object there is a T), gives the variable
    # `rename_key_to` its value for that entity; the first path that finds a value wins. When the entities of
    # one call disagree on a value, the executor aliases `_entities` once per distinct set of values.
    context_rewrites: tuple[KeyRenamer, ...] = ()
    # Set on a fetch that a deferred part waits for (`DeferredNode.depends`); printed as `id: N`.
    id: int | None = None
    # The operation as graphql-core AST, as the planner built it (the plan printer pretty-prints it, the
    # last planning pass prints `operation` from it); None for a Fetch built from text alone. Compared, not
    # hashed: hashing an AST walks all of it.
    document: graphql.OperationDefinitionNode | None = field(default=None, repr=False, hash=False)


@dataclass(frozen=True, slots=True)
class TypeCondition:
    """A Flatten path step that keeps only objects whose `__typename` is one of `types` (prints `|[A,B]`)."""

    types: tuple[str, ...]


# A Flatten path step: a response key, "@" for every element of a list, or a type condition on the
# step before.
PathSegment = str | TypeCondition


@dataclass(frozen=True, slots=True)
class Flatten:
    """Run `node` (a Fetch) for the objects found at `path` from the response root, and merge into them."""

    path: tuple[PathSegment, ...]
    node: PlanNode
    # Further places the same entity fetch serves: their objects join the one `_entities` call (an entity
    # reached under two response keys, e.g. an aliased repeat of a root list, is sent to the subgraph once).
    other_paths: tuple[tuple[PathSegment, ...], ...] = ()
    # With other paths: the top-level response keys of the fetch's selection each of `paths` asked for, in
    # that order. An `_entities` error about one field is reported only at the paths that selected it.
    path_fields: tuple[frozenset[str], ...] = ()

    @property
    def paths(self) -> tuple[tuple[PathSegment, ...], ...]:
        return (self.path, *self.other_paths)


@dataclass(frozen=True, slots=True)
class Sequence:
    """Run `nodes` one after the other; later nodes may read data earlier ones merged."""

    nodes: tuple[PlanNode, ...]


@dataclass(frozen=True, slots=True)
class Parallel:
    """Run `nodes` concurrently; they never depend on each other's data."""

    nodes: tuple[PlanNode, ...]


@dataclass(frozen=True, slots=True)
class Condition:
    """Branch on a Boolean variable (from `@skip(if: $v)` / `@include(if: $v)`)."""

    condition: str
    if_clause: PlanNode | None = None
    else_clause: PlanNode | None = None


@dataclass(frozen=True, slots=True)
class Subscription:
    """A subscription: `primary` opens the event stream; `rest` runs once per event to complete it."""

    primary: Fetch
    rest: PlanNode | None = None


@dataclass(frozen=True, slots=True)
class DeferredNode:
    """The deferred part of one `@defer` fragment: `node` fetches what only it selects, and once that is
    merged the fragment's `subselection` is sent, as one increment per object found at `path`."""

    # Fetch ids in the primary part whose data `node` reads: it starts once they are done (none for a
    # fragment on the root type, whose fetches start from the root).
    depends: tuple[int, ...]
    # Where the fragment is in the response: response keys and "@" for every element of a list.
    path: tuple[PathSegment, ...]
    # The type the fragment applies to: objects at `path` of another type get no increment.
    type_condition: str
    # The fragment's selection (a @defer nested in it is delivered with it): what each increment projects.
    subselection: graphql.SelectionSetNode = field(compare=False, hash=False)
    label: str | None = None
    # `@defer(if: $v)`: when the variable is false the part is delivered with the primary data.
    condition: str | None = None
    # The fetches only this part needs; None when the primary fetches bring all of its data (a fragment on a
    # value type, which cannot be fetched again on its own).
    node: PlanNode | None = None


@dataclass(frozen=True, slots=True)
class Defer:
    """An operation with `@defer`: `primary` first, its response sent, then each deferred part as soon as
    its data is in (Spec: incremental delivery RFC; the plan shape and print are Apollo's `DeferNode`)."""

    # The selection of the primary response (the operation without its deferred fragments), for the print.
    primary_subselection: graphql.SelectionSetNode | None = field(compare=False, hash=False)
    primary: PlanNode | None
    deferred: tuple[DeferredNode, ...]
    # The plan of the operation without its `@defer`s, for a client that takes one response (Matches Apollo
    # Router: the operation then runs as if `@defer` were absent). Not printed: Apollo's plans have no such
    # field.
    merged: PlanNode | None = None


PlanNode = Fetch | Flatten | Sequence | Parallel | Condition | Subscription | Defer


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """The whole plan; `node` is None when no subgraph is called (e.g. only `__typename` or introspection)."""

    node: PlanNode | None = None
    # Free-form notes a plan printer may ignore (kept out of equality so caches and tests compare the plan).
    notes: tuple[str, ...] = field(default=(), compare=False)
