"""Cross-subgraph facts the merge and the rules share: subtyping and where each enum is used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from router.composition.model import Subgraph
from router.composition.typerefs import named_type


@dataclass
class Relations:
    """Implementations and union members over all subgraphs, and input/output use of enums."""

    implementations: dict[str, set[str]] = field(default_factory=dict)  # interface -> types
    members: dict[str, set[str]] = field(default_factory=dict)  # union -> members
    input_enums: set[str] = field(default_factory=set)
    output_enums: set[str] = field(default_factory=set)

    def is_subtype(self, sub: str, sup: str) -> bool:
        return sub in self.implementations.get(sup, set()) or sub in self.members.get(sup, set())


def build_relations(subgraphs: Sequence[Subgraph]) -> Relations:
    relations = Relations()
    enums = {t.name for s in subgraphs for t in s.types.values() if t.kind == "enum"}
    for subgraph in subgraphs:
        for type_def in subgraph.types.values():
            for interface in type_def.interfaces:
                relations.implementations.setdefault(interface, set()).add(type_def.name)
            for member in type_def.members:
                relations.members.setdefault(type_def.name, set()).add(member)
            for field_def in type_def.fields.values():
                target = named_type(field_def.type)
                if target in enums:
                    used = relations.input_enums if type_def.kind == "input" else relations.output_enums
                    used.add(target)
                for argument in field_def.args.values():
                    if named_type(argument.type) in enums:
                        relations.input_enums.add(named_type(argument.type))
    return relations
