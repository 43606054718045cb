"""Field sets (@key, @requires, @provides `fields:`) parsed as selection sets."""

from __future__ import annotations

import graphql


def parse_field_set(text: str) -> graphql.SelectionSetNode | None:
    """Parses `id sku { x }` as a selection set; None when it is not valid GraphQL."""
    try:
        document = graphql.parse("{" + text + "}", no_location=True)
    except graphql.GraphQLError:
        return None
    operation = document.definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    return operation.selection_set
