"""What every rule sees: the parsed subgraphs, the cross-subgraph relations and the merged supergraph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from router.composition.model import Field, Subgraph, TypeDef
from router.composition.relations import Relations
from router.composition.supergraph_model import MergedSupergraph


@dataclass(frozen=True)
class RuleContext:
    subgraphs: tuple[Subgraph, ...]  # sorted by name
    relations: Relations
    supergraph: MergedSupergraph

    def definitions(self, type_name: str) -> list[tuple[Subgraph, TypeDef]]:
        """The subgraphs that define a type, with their definition of it."""
        return [(s, s.types[type_name]) for s in self.subgraphs if type_name in s.types]

    def fields(self) -> Iterator[tuple[Subgraph, TypeDef, Field]]:
        """Every field of every type in every subgraph."""
        for subgraph in self.subgraphs:
            for type_def in subgraph.types.values():
                for field_def in type_def.fields.values():
                    yield subgraph, type_def, field_def
