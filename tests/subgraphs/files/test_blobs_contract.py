"""The BlobStore contract, run against the local directory and an S3-compatible server (moto server mode).

moto does not verify signatures; our own signature and expiry checks are in test_signing.py and
test_routes.py. Here: writes are all or nothing, copies read back, deletes, and URLs download the bytes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from subgraphs.files.s3_blobs import S3BlobStore
from subgraphs.kit.blobs import BlobStore, LocalBlobStore, TooLarge
from tests.subgraphs.files.conftest import s3_settings


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def read(blobs: BlobStore, key: str) -> bytes | None:
    async with blobs.local_copy(key) as path:
        return None if path is None else path.read_bytes()


async def test_written_bytes_read_back(blobs: BlobStore) -> None:
    assert await blobs.write("alice/f1", chunks(b"hello ", b"world"), limit=100) == 11
    assert await read(blobs, "alice/f1") == b"hello world"


async def test_a_missing_blob_has_no_copy(blobs: BlobStore) -> None:
    assert await read(blobs, "alice/missing") is None


async def test_a_write_past_the_limit_leaves_nothing(blobs: BlobStore) -> None:
    with pytest.raises(TooLarge):
        await blobs.write("alice/f1", chunks(b"x" * 60, b"x" * 60), limit=100)
    assert await read(blobs, "alice/f1") is None
    if isinstance(blobs, LocalBlobStore):
        assert list((blobs.root / "alice").iterdir()) == []


async def test_deleting_removes_the_blob_and_is_idempotent(blobs: BlobStore) -> None:
    await blobs.write("alice/f1", chunks(b"bytes"), limit=100)
    await blobs.delete("alice/f1")
    await blobs.delete("alice/f1")
    assert await read(blobs, "alice/f1") is None


async def test_promoting_moves_the_bytes_to_the_new_key(blobs: BlobStore) -> None:
    await blobs.write("alice/f1.upload", chunks(b"checked"), limit=100)
    await blobs.write("alice/f1", chunks(b"old"), limit=100)
    await blobs.promote("alice/f1.upload", "alice/f1")
    assert await read(blobs, "alice/f1") == b"checked"
    assert await read(blobs, "alice/f1.upload") is None


async def test_upload_targets_are_put_urls_naming_the_content_type(blobs: BlobStore) -> None:
    expires = datetime.now(UTC) + timedelta(minutes=5)
    target = await blobs.upload_target("alice/f1", "application/pdf", 10, expires)
    assert target.method == "PUT"
    assert ("Content-Type", "application/pdf") in target.headers
    assert target.url.startswith("http")


async def test_s3_presigned_urls_upload_and_download_the_bytes(s3_endpoint: str) -> None:
    # The local store's URLs are served by the app: test_routes.py.
    blobs = S3BlobStore(s3_settings(s3_endpoint))
    await blobs.start()
    expires = datetime.now(UTC) + timedelta(minutes=5)
    target = await blobs.upload_target("alice/f1", "text/plain", 5, expires)
    async with httpx.AsyncClient(timeout=10) as client:
        put = await client.put(target.url, content=b"hello", headers=dict(target.headers))
        assert put.status_code == 200, put.text
        url = await blobs.download_url("alice/f1", "notes.txt", "text/plain", expires)
        got = await client.get(url)
    assert got.content == b"hello"
    assert "notes.txt" in got.headers["content-disposition"]
