"""The demand control directives of Federation 2.9 (`@cost(weight:)`, `@listSize(assumedSize:,
slicingArguments:, sizedFields:, requireOneSlicingArgument:)`) as composition carries them: read per subgraph
field, merged, printed into the supergraph under the `cost/v0.1` spec, which the router's cost estimate reads
(router/cost.py).

Merging (a field several subgraphs annotate): the largest weight and the largest assumed size, the union of
the slicing arguments and sized fields, and a slicing argument required only if every subgraph requires one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LINK = '@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])'
DEFINITIONS = (
    "directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
    " | OBJECT | SCALAR",
    "directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!],"
    " requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION",
)


@dataclass(frozen=True, slots=True)
class ListSize:
    """How many items a list field returns: a slicing argument's value, else `assumed_size`."""

    assumed_size: int | None = None
    slicing_arguments: tuple[str, ...] = ()
    sized_fields: tuple[str, ...] = ()
    require_one_slicing_argument: bool = True


@dataclass(frozen=True, slots=True)
class Demand:
    """A field's `@cost` weight and `@listSize`, either absent."""

    weight: int | None = None
    list_size: ListSize | None = None

    @classmethod
    def from_marks(cls, marks: dict[str, list[dict[str, Any]]]) -> Demand:
        """From a subgraph field's federation directives (canonical name → argument dicts)."""
        weights = [int(mark["weight"]) for mark in marks.get("cost", []) if "weight" in mark]
        weight = max(weights) if weights else None
        sizes = marks.get("listSize", [])
        if not sizes:
            return cls(weight)
        size = sizes[0]
        return cls(
            weight,
            ListSize(
                assumed_size=int(size["assumedSize"]) if size.get("assumedSize") is not None else None,
                slicing_arguments=tuple(size.get("slicingArguments") or ()),
                sized_fields=tuple(size.get("sizedFields") or ()),
                require_one_slicing_argument=bool(size.get("requireOneSlicingArgument", True)),
            ),
        )

    @property
    def used(self) -> bool:
        return self.weight is not None or self.list_size is not None

    def merge(self, other: Demand) -> Demand:
        """Both subgraphs' annotations as one (module docstring)."""
        weights = [weight for weight in (self.weight, other.weight) if weight is not None]
        sizes = [size for size in (self.list_size, other.list_size) if size is not None]
        merged: ListSize | None = None
        if len(sizes) == 1:
            merged = sizes[0]
        elif sizes:
            assumed = [size.assumed_size for size in sizes if size.assumed_size is not None]
            merged = ListSize(
                assumed_size=max(assumed) if assumed else None,
                slicing_arguments=tuple(dict.fromkeys(a for size in sizes for a in size.slicing_arguments)),
                sized_fields=tuple(dict.fromkeys(f for size in sizes for f in size.sized_fields)),
                require_one_slicing_argument=all(size.require_one_slicing_argument for size in sizes),
            )
        return Demand(max(weights) if weights else None, merged)

    def printed(self) -> list[str]:
        directives = [] if self.weight is None else [f"@cost(weight: {self.weight})"]
        size = self.list_size
        if size is not None:
            arguments = []
            if size.assumed_size is not None:
                arguments.append(f"assumedSize: {size.assumed_size}")
            if size.slicing_arguments:
                arguments.append(f"slicingArguments: {_strings(size.slicing_arguments)}")
            if size.sized_fields:
                arguments.append(f"sizedFields: {_strings(size.sized_fields)}")
            if not size.require_one_slicing_argument:
                arguments.append("requireOneSlicingArgument: false")
            directives.append(f"@listSize({', '.join(arguments)})")
        return directives


def _strings(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{value}"' for value in values) + "]"
