"""GraphQL multipart requests (file uploads) into the router, and out of it to the subgraph that takes them.

Spec: https://github.com/jaydenseric/graphql-multipart-request-spec — an `operations` field (the usual JSON
body, with null where files go), a `map` field (file field name → paths like `variables.file`) and one part
per file. Each file is spooled to a temporary file as it arrives (at most `SPOOL_BYTES` in memory), so the
router's memory does not grow with file size; the `FileUpload` takes the file's place in the variables and
reaches only the subgraph fetch whose variables include it (`router/executor` passes each fetch only the
variables it uses), which sends it on as a multipart request again (`multipart_body`).

Like Apollo Server (its CSRF prevention), a multipart request must carry a header a browser cannot add to a
simple cross-site form post (`apollo-require-preflight` or `x-apollo-operation-name`), and the number and size
of files are limited.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from router.subgraph_client.multipart import FileUpload

# Headers that force a CORS preflight, so a cross-site page cannot send them without the router agreeing.
PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name")
SPOOL_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class MultipartLimits:
    """How many files a request may carry and how large each may be (the files subgraph allows 10 MB)."""

    max_files: int = 5
    max_file_bytes: int = 10 * 1024 * 1024
    # `operations` and `map` are JSON fields; their size is bounded like a JSON body's.
    max_field_bytes: int = 1024 * 1024


class MultipartError(Exception):
    """A multipart request the router refuses; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def is_multipart(content_type: str) -> bool:
    return content_type == "multipart/form-data"


def check_preflight(headers: Mapping[str, str]) -> None:
    """Refuse a multipart request a cross-site form could have sent (Apollo's CSRF prevention)."""
    if not any(headers.get(name, "").strip() for name in PREFLIGHT_HEADERS):
        raise MultipartError(
            400,
            "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): multipart "
            "requests need a non-empty 'apollo-require-preflight' or 'x-apollo-operation-name' header.",
        )


class _LimitedParser(MultiPartParser):
    """Starlette's streaming multipart parser, spooling files early and stopping a file past its limit."""

    spool_max_size = SPOOL_BYTES

    def __init__(self, request: Request, limits: MultipartLimits) -> None:
        super().__init__(
            request.headers,
            request.stream(),
            max_files=limits.max_files,
            max_fields=2,
            max_part_size=limits.max_field_bytes,
        )
        self._max_file_bytes = limits.max_file_bytes
        self._file_bytes = 0

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._file_bytes = 0

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._current_part.file is not None:
            self._file_bytes += end - start
            if self._file_bytes > self._max_file_bytes:
                raise MultiPartException(f"A file is larger than {self._max_file_bytes} bytes.")
        super().on_part_data(data, start, end)


async def read_multipart(
    request: Request, limits: MultipartLimits
) -> tuple[dict[str, Any], list[FileUpload]]:
    """The request's `operations` with each mapped file in place, and the files (the caller closes them).

    Raises MultipartError for a missing CSRF header, too many or too large files, or a malformed request;
    nothing is kept when it does.
    """
    check_preflight(request.headers)
    try:
        form = await _LimitedParser(request, limits).parse()
    except MultiPartException as error:
        status = 413 if "larger than" in error.message or "Too many files" in error.message else 400
        raise MultipartError(status, error.message) from error
    uploads: dict[str, FileUpload] = {}
    try:
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                uploads[name] = FileUpload(
                    value.filename or "",
                    value.content_type or "application/octet-stream",
                    value.file,
                    value.size or 0,
                )
        operations = _json_field(form.get("operations"), "operations")
        file_map = _json_field(form.get("map"), "map")
        if not isinstance(operations, dict):
            raise MultipartError(
                400, "'operations' must be one GraphQL request object (batches are not supported)."
            )
        if not isinstance(file_map, dict):
            raise MultipartError(400, "'map' must be a JSON object of file field → paths.")
        for name, paths in file_map.items():
            if name not in uploads:
                raise MultipartError(400, f"'map' names a file '{name}' the request does not carry.")
            if not isinstance(paths, list) or not paths:
                raise MultipartError(400, f"'map' must give file '{name}' a list of paths.")
            for path in paths:
                _place(operations, path, uploads[name])
        unmapped = set(uploads) - set(file_map)
        if unmapped:
            raise MultipartError(400, f"File(s) {sorted(unmapped)} are not in 'map'.")
    except BaseException:
        for upload in uploads.values():
            upload.file.close()
        raise
    return operations, list(uploads.values())


def _json_field(value: object, name: str) -> Any:
    if not isinstance(value, str):
        raise MultipartError(
            400, f"The multipart request has no '{name}' field (it must come before the files)."
        )
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError as error:
        raise MultipartError(400, f"'{name}' is not valid JSON: {error}") from error


def _place(operations: dict[str, Any], path: object, upload: FileUpload) -> None:
    """Put `upload` at `path` (`variables.a.0.b`), which must hold null: only variables take files."""
    if not isinstance(path, str) or not path.startswith("variables."):
        raise MultipartError(400, f"'map' path {path!r} must start with 'variables.'.")
    parts = path.split(".")
    container: Any = operations
    for part in parts[:-1]:
        container = _step(container, part, path)
    last = parts[-1]
    if isinstance(container, list) and last.isdigit() and int(last) < len(container):
        if container[int(last)] is not None:
            raise MultipartError(400, f"'map' path {path!r} must point at a null.")
        container[int(last)] = upload
    elif isinstance(container, dict) and last in container and container[last] is None:
        container[last] = upload
    else:
        raise MultipartError(400, f"'map' path {path!r} must point at a null in the operation's variables.")


def _step(container: Any, part: str, path: str) -> Any:
    if isinstance(container, dict) and part in container:
        return container[part]
    if isinstance(container, list) and part.isdigit() and int(part) < len(container):
        return container[int(part)]
    raise MultipartError(400, f"'map' path {path!r} does not exist in 'operations'.")


@contextlib.contextmanager
def closing_uploads(uploads: list[FileUpload]) -> Iterator[None]:
    """Close (and so delete) the spooled files when the request is answered."""
    try:
        yield
    finally:
        for upload in uploads:
            upload.file.close()
