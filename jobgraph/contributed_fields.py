"""Schema check rule: a field one subgraph adds to another subgraph's entity must be nullable.

The router fetches such a field in a call of its own (an `_entities` fetch) after the owner answered the
entity. If that call fails (the subgraph is down, frozen or slow) the field is null, and a non-null field
would pass the null up to the nearest nullable ancestor: one failing subgraph would erase everything the
healthy ones answered (issue 9: the dashboard's `{"data": {"me": null}}`). Nullable, the field fails alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from router.supergraph import Supergraph
from router.supergraph.model import TypeModel


@dataclass(frozen=True, slots=True)
class ContributedField:
    """A non-null field that `graph` resolves on `type_name`, an entity that `owner` owns (one subgraph, or
    several joined by "and")."""

    type_name: str
    field_name: str
    field_type: str
    graph: str
    owner: str

    def describe(self) -> str:
        return (
            f"{self.type_name}.{self.field_name}: {self.field_type} is non-null, but the {self.graph} "
            f"subgraph adds it to the {self.owner} subgraph's {self.type_name}: when {self.graph} fails, "
            f"the null erases the whole {self.type_name}. Make it nullable so it can fail alone."
        )


def owners_of(supergraph: Supergraph, model: TypeModel) -> frozenset[str]:
    """The subgraphs that own an entity: those with a `Query` field returning it (users for `User`: `me`,
    `user`), or else those defining most of its fields. Empty for a type that is not an entity of several
    subgraphs (nothing can be added to it from elsewhere)."""
    entity_graphs = {graph for graph, info in model.graphs.items() if info.keys}
    if len(entity_graphs) < 2:
        return frozenset()
    query = supergraph.types.get(supergraph.query_type)
    roots = {
        graph
        for definition in (query.fields.values() if query else ())
        if definition.type_name == model.name
        for graph in definition.resolving_graphs()
    }
    if roots & entity_graphs:
        return frozenset(roots & entity_graphs)
    counts = dict.fromkeys(entity_graphs, 0)
    for definition in model.fields.values():
        for graph in set(definition.resolving_graphs()) & entity_graphs:
            counts[graph] += 1
    most = max(counts.values())
    return frozenset(graph for graph, count in counts.items() if count == most)


def non_null_contributions(supergraph: Supergraph) -> list[ContributedField]:
    """Every non-null field some subgraph other than the owner resolves on an entity, in schema order."""
    found: list[ContributedField] = []
    for model in supergraph.types.values():
        if model.kind != "object":
            continue
        owners = owners_of(supergraph, model)
        if not owners:
            continue
        for definition in model.fields.values():
            resolvers = definition.resolving_graphs()
            if not definition.type.endswith("!") or not resolvers or owners & set(resolvers):
                continue
            owner = " and ".join(sorted(owners))
            found.append(ContributedField(model.name, definition.name, definition.type, resolvers[0], owner))
    return found


def new_non_null_contributions(baseline: Supergraph, current: Supergraph) -> list[ContributedField]:
    """The non-null contributed fields of `current` that `baseline` did not have (new, or made non-null):
    existing ones were reviewed already, new ones must be nullable."""
    known = {(item.type_name, item.field_name) for item in non_null_contributions(baseline)}
    return [
        item for item in non_null_contributions(current) if (item.type_name, item.field_name) not in known
    ]
