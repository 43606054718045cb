"""The blob store protocol, what it hands out (upload targets), its embedded backend (a local directory) and
the route serving that backend's signed downloads (files' documents, applications' exports).

Blobs are written whole or not at all: a write goes to a temporary file that is renamed into place only
when every byte arrived within the size limit, so a failed or oversized upload leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from subgraphs.kit.signing import UrlSigner

CHUNK = 256 * 1024


class TooLarge(Exception):
    """More bytes arrived than the upload may have."""


@dataclass(frozen=True, slots=True)
class UploadTarget:
    """Where and how a client sends the bytes of a direct upload."""

    url: str
    method: str
    headers: tuple[tuple[str, str], ...]


class BlobStore(Protocol):
    """Bytes by key: written by the service or by clients through signed URLs, read through signed URLs."""

    async def start(self) -> None:
        """Prepare the storage (directory, bucket); safe to call again."""

    async def write(self, key: str, chunks: AsyncIterator[bytes], limit: int) -> int:
        """Store the bytes of `chunks` under `key`, all or nothing; TooLarge past `limit` bytes."""

    def local_copy(self, key: str) -> contextlib.AbstractAsyncContextManager[Path | None]:
        """A readable local file with the blob's bytes for the block (None when there is no such blob)."""

    async def delete(self, key: str) -> None:
        """Remove the blob; nothing happens when it is not there."""

    async def promote(self, source: str, key: str) -> None:
        """Move the blob at `source` to `key` (replacing what was there)."""

    async def upload_target(
        self, key: str, content_type: str, size: int, expires_at: datetime
    ) -> UploadTarget:
        """A URL the client PUTs exactly `size` bytes of `content_type` to, until `expires_at`."""

    async def download_url(self, key: str, filename: str, content_type: str, expires_at: datetime) -> str:
        """A URL that serves the blob as an attachment called `filename`, until `expires_at`."""


async def file_chunks(source: BinaryIO) -> AsyncIterator[bytes]:
    """The contents of a (possibly disk-spooled) file object, one chunk at a time, read off the event loop."""
    while chunk := await asyncio.to_thread(source.read, CHUNK):
        yield chunk


class LocalBlobStore:
    """`BlobStore` on a directory (`<data_dir>/files`); its URLs point at the files subgraph's `/blobs/`
    routes under `public_url` and are HMAC-signed by `signer`."""

    def __init__(self, root: Path, public_url: str, signer: UrlSigner) -> None:
        self.root = root
        self.public_url = public_url.rstrip("/")
        self.signer = signer

    async def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        """The file of `key` (keys are `<owner>/<uuid>` made by the service, never client text)."""
        parts = key.split("/")
        if len(parts) != 2 or any(part in ("", ".", "..") for part in parts):
            raise ValueError(f"not a blob key: {key!r}")
        return self.root / parts[0] / parts[1]

    async def write(self, key: str, chunks: AsyncIterator[bytes], limit: int) -> int:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        size = 0
        try:
            with os.fdopen(handle, "wb") as out:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(f"more than {limit} bytes")
                    await asyncio.to_thread(out.write, chunk)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
        return size

    @contextlib.asynccontextmanager
    async def local_copy(self, key: str) -> AsyncIterator[Path | None]:
        path = self.path(key)
        yield path if path.is_file() else None

    async def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    async def promote(self, source: str, key: str) -> None:
        os.replace(self.path(source), self.path(key))

    async def upload_target(
        self, key: str, content_type: str, size: int, expires_at: datetime
    ) -> UploadTarget:
        query = self.signer.sign("PUT", key, expires_at, {"size": str(size)})
        return UploadTarget(
            url=f"{self.public_url}/blobs/{quote(key)}?{query}",
            method="PUT",
            headers=(("Content-Type", content_type),),
        )

    async def download_url(self, key: str, filename: str, content_type: str, expires_at: datetime) -> str:
        query = self.signer.sign("GET", key, expires_at, {"name": filename, "type": content_type})
        return f"{self.public_url}/blobs/{quote(key)}?{query}"


def content_disposition(filename: str) -> str:
    """An attachment header for `filename` (RFC 6266: an ASCII fallback plus the UTF-8 name)."""
    fallback = "".join(
        char if char.isascii() and char.isprintable() and char != '"' else "_" for char in filename
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def download_route(blobs: LocalBlobStore, clock: Callable[[], datetime]) -> Route:
    """`GET /blobs/{owner}/{file}`: the blob behind a URL of `blobs.download_url`, as an attachment with the
    signed name and type and `nosniff` (a browser never renders it as a page); 403 when the signature does
    not match or has expired, 404 when the blob is gone."""

    async def get(request: Request) -> Response:
        key = f"{request.path_params['owner']}/{request.path_params['file']}"
        if reason := blobs.signer.check("GET", key, dict(request.query_params), clock()):
            return JSONResponse({"error": reason}, 403)
        path = blobs.path(key)
        if not path.is_file():
            return JSONResponse({"error": "no such file"}, 404)
        headers = {
            "content-disposition": content_disposition(request.query_params.get("name", "file")),
            "x-content-type-options": "nosniff",
            "cache-control": "private, no-store",
        }
        return FileResponse(path, media_type=request.query_params.get("type"), headers=headers)

    return Route("/blobs/{owner}/{file}", get, methods=["GET"])
