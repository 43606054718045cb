"""The fingerprint of a GraphQL request: SHA-256 of its normalised query, variables and operation name."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import orjson
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse, print_ast


def mutation_fingerprint(
    query: str | None, variables: Mapping[str, Any] | None, operation_name: str | None
) -> str | None:
    """The fingerprint of the request if the operation it selects is a mutation, else None.

    The query is normalised by printing its parsed document, so whitespace, commas and comments do not
    change it; variables are hashed with sorted keys. An unreadable query is None: GraphQL's own error
    answers it, and nothing acts.
    """
    if not query:
        return None
    try:
        document = parse(query, no_location=True)
    except GraphQLError:
        return None
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [
            node for node in operations if node.name is not None and node.name.value == operation_name
        ]
    if len(operations) != 1 or operations[0].operation is not OperationType.MUTATION:
        return None
    normalised = orjson.dumps(
        [print_ast(document), dict(variables or {}), operation_name],
        option=orjson.OPT_SORT_KEYS,
        default=_upload_digest,
    )
    return hashlib.sha256(normalised).hexdigest()


def _upload_digest(value: object) -> str:
    # An uploaded file (a multipart request's variable) counts by its name, type and bytes.
    file = getattr(value, "file", None)
    if file is None:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    digest = hashlib.sha256()
    position = file.tell()
    file.seek(0)
    for chunk in iter(lambda: file.read(1 << 16), b""):
        digest.update(chunk)
    file.seek(position)
    name = getattr(value, "filename", None)
    content_type = getattr(value, "content_type", None)
    return f"upload:{name}:{content_type}:{digest.hexdigest()}"
