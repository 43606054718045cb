"""Random valid operations over an API schema: fragments on abstract types, aliases with different
arguments, `@include`/`@skip` with literals and variables, `__typename` anywhere. Queries only: the generator
never writes a mutation or a subscription, so a run never changes the data both gateways read."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

import graphql

# Argument values the audit's data uses for ids; anything else mostly answers null.
IDS = ("1", "2", "3", "p1", "p2", "u1", "u2", "a1", "b1", "c1", "m1")
STRINGS = ("1", "USD", "EUR", "a", "b")


@dataclass(frozen=True)
class Choices:
    """What the generator may write: the `ID` and `String` argument values it picks from, and the fields it
    never selects (`Type.field`: fields whose answers change between two requests, such as times relative to
    now or signed links, would make every operation selecting them a mismatch)."""

    ids: tuple[str, ...] = IDS
    strings: tuple[str, ...] = STRINGS
    ignored: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Generated:
    """One operation and the variables it declares."""

    query: str
    variables: dict[str, Any] = field(default_factory=dict)


class OperationGenerator:
    """Seeded: the same schema and seed give the same operations, so a mismatch can be replayed."""

    def __init__(
        self,
        schema: graphql.GraphQLSchema,
        seed: int,
        max_depth: int = 4,
        width: int = 3,
        choices: Choices = Choices(),
    ) -> None:
        self.schema = schema
        self.choices = choices
        self.rng = random.Random(seed)
        self.max_depth = max_depth
        self.width = width
        self._variables: dict[str, bool] = {}
        self._aliases = 0

    def operations(self, count: int, attempts: int = 20) -> list[Generated]:
        """`count` operations that pass validation (each tries up to `attempts` times)."""
        found: list[Generated] = []
        for _ in range(count):
            for _ in range(attempts):
                candidate = self.operation()
                document = graphql.parse(candidate.query)
                if not graphql.validate(self.schema, document):
                    found.append(candidate)
                    break
        return found

    def operation(self) -> Generated:
        self._variables = {}
        self._aliases = 0
        root = self.schema.query_type
        assert root is not None
        body = self._selection_set(root, 0)
        if not self._variables:
            return Generated("query " + body)
        definitions = ", ".join(f"${name}: Boolean!" for name in self._variables)
        return Generated(f"query({definitions}) {body}", dict(self._variables))

    # -- selections -----------------------------------------------------------------------------------------

    def _selection_set(self, parent: graphql.GraphQLNamedType, depth: int) -> str:
        parts: list[str] = []
        if isinstance(parent, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType):
            fields = [
                (name, definition)
                for name, definition in parent.fields.items()
                if self._usable(definition) and f"{parent.name}.{name}" not in self.choices.ignored
            ]
            if depth >= self.max_depth:
                fields = [f for f in fields if _is_leaf(f[1].type)]
            for name, definition in self.rng.sample(
                fields, min(len(fields), self.rng.randint(1, self.width))
            ):
                parts.append(self._field(name, definition, depth))
                if self.rng.random() < 0.15:
                    # The same field again under another alias (and other arguments when it has some).
                    parts.append(self._field(name, definition, depth, alias=True))
        if isinstance(parent, graphql.GraphQLInterfaceType | graphql.GraphQLUnionType):
            possible = list(self.schema.get_possible_types(parent))
            for member in self.rng.sample(possible, min(len(possible), self.rng.randint(1, 3))):
                parts.append(
                    f"... on {member.name}{self._directives()} {self._selection_set(member, depth + 1)}"
                )
        if not parts or self.rng.random() < 0.2:
            parts.append("__typename")
        return "{ " + " ".join(parts) + " }"

    def _field(self, name: str, definition: graphql.GraphQLField, depth: int, alias: bool = False) -> str:
        text = name
        if alias or self.rng.random() < 0.1:
            self._aliases += 1
            text = f"a{self._aliases}: {name}"
        arguments = self._arguments(definition)
        if arguments:
            text += f"({arguments})"
        text += self._directives()
        named = graphql.get_named_type(definition.type)
        if not _is_leaf(definition.type):
            text += " " + self._selection_set(named, depth + 1)
        return text

    def _arguments(self, definition: graphql.GraphQLField) -> str:
        parts = []
        for name, argument in definition.args.items():
            if graphql.is_non_null_type(argument.type) or self.rng.random() < 0.3:
                value = self._value(argument.type)
                if value is not None:
                    parts.append(f"{name}: {value}")
        return ", ".join(parts)

    def _value(self, type_: graphql.GraphQLInputType) -> str | None:
        named = graphql.get_named_type(type_)
        if isinstance(type_, graphql.GraphQLNonNull):
            type_ = type_.of_type
        if isinstance(type_, graphql.GraphQLList):
            inner = self._value(type_.of_type)
            return None if inner is None else f"[{inner}]"
        if isinstance(named, graphql.GraphQLEnumType):
            return self.rng.choice(list(named.values))
        if named.name in ("ID", "String"):
            pool = self.choices.ids if named.name == "ID" else self.choices.strings
            return json.dumps(self.rng.choice(pool))
        if named.name == "Int":
            return str(self.rng.randint(0, 3))
        if named.name == "Float":
            return str(self.rng.random().__round__(2))
        if named.name == "Boolean":
            return self.rng.choice(("true", "false"))
        return None  # Input objects and custom scalars: only optional ones are left out.

    def _directives(self) -> str:
        roll = self.rng.random()
        if roll > 0.2:
            return ""
        name = self.rng.choice(("include", "skip"))
        if roll < 0.1:
            return f" @{name}(if: {self.rng.choice(('true', 'false'))})"
        variable = f"v{len(self._variables)}"
        self._variables[variable] = self.rng.random() < 0.5
        return f" @{name}(if: ${variable})"

    def _usable(self, definition: graphql.GraphQLField) -> bool:
        """Fields whose required arguments the generator can fill."""
        return all(
            self._value(argument.type) is not None or not graphql.is_non_null_type(argument.type)
            for argument in definition.args.values()
        )


def _is_leaf(type_: graphql.GraphQLOutputType) -> bool:
    return graphql.is_leaf_type(graphql.get_named_type(type_))
