"""Sending uploaded files on to a subgraph: the `FileUpload` values the router's multipart transport put into
the variables become a GraphQL multipart request again (spec:
https://github.com/jaydenseric/graphql-multipart-request-spec), streamed by httpx from the spooled files."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

import orjson

from router.subgraph_client.protocol import SubgraphRequest


class FileUpload:
    """One uploaded file, spooled by the router: what an `Upload` variable holds until a fetch sends it."""

    __slots__ = ("content_type", "file", "filename", "size")

    def __init__(self, filename: str, content_type: str, file: IO[bytes], size: int) -> None:
        self.filename = filename
        self.content_type = content_type
        self.file = file
        self.size = size

    def __repr__(self) -> str:
        return f"FileUpload({self.filename!r}, {self.content_type!r}, {self.size} bytes)"


def uploads_in(variables: Mapping[str, Any]) -> list[tuple[str, FileUpload]]:
    """Every `FileUpload` among a fetch's variables, with its spec path (`variables.files.0`).

    Entity representations are built by the router from subgraph data and never hold a file: skipping
    them keeps this walk as small as the client's own variables on every `_entities` fetch.
    """
    return [
        found
        for name, value in variables.items()
        if name != "representations"
        for found in find_uploads(value, f"variables.{name}")
    ]


def find_uploads(value: Any, path: str) -> Iterator[tuple[str, FileUpload]]:
    """Every `FileUpload` inside `value` with its path below `path`."""
    if isinstance(value, FileUpload):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from find_uploads(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from find_uploads(item, f"{path}.{index}")


def _without_uploads(value: Any) -> Any:
    if isinstance(value, FileUpload):
        return None
    if isinstance(value, Mapping):
        return {key: _without_uploads(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_uploads(item) for item in value]
    return value


def multipart_body(
    request: SubgraphRequest, uploads: list[tuple[str, FileUpload]]
) -> tuple[dict[str, str], dict[str, tuple[str, Any, str]]]:
    """The form fields and files of a multipart request carrying `request` to a subgraph; httpx streams
    the files from their spools in chunks."""
    operations: dict[str, Any] = {"query": request.query, "variables": _without_uploads(request.variables)}
    if request.operation_name:
        operations["operationName"] = request.operation_name
    file_map = {str(index): [path] for index, (path, _) in enumerate(uploads)}
    files = {}
    for index, (_, upload) in enumerate(uploads):
        # From the start: the same spool may go out again (a retried fetch).
        upload.file.seek(0)
        files[str(index)] = (upload.filename, upload.file, upload.content_type)
    return {"operations": orjson.dumps(operations).decode(), "map": orjson.dumps(file_map).decode()}, files
