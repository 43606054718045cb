"""Field sets of the supergraph (`@key`, `@requires`, `@provides`): the router parses them here only."""

from __future__ import annotations

import functools

import graphql


@functools.lru_cache(maxsize=4096)
def parse_field_set(fields: str) -> graphql.SelectionSetNode:
    """Parse a field set once: the same text gives the same (immutable) selection set every time."""
    operation = graphql.parse("{" + fields + "}").definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    return operation.selection_set
