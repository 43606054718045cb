"""The production blob store: an S3-compatible bucket via boto3 (MinIO in docker-compose), presigned URLs.

boto3 is synchronous, so every call runs in a worker thread. Writes go through a multipart-capable
`upload_fileobj` from a disk-spooled copy, so the bucket only ever sees a complete object; reads for the
completion checks download to a temporary file.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from subgraphs.files.settings import BlobSettings
from subgraphs.kit.blobs import TooLarge, UploadTarget, content_disposition

# Every call has a deadline (connect and read) and a bounded number of retries.
_CONFIG = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})
_SPOOL_BYTES = 1024 * 1024


class S3BlobStore:
    """`BlobStore` on one bucket; URLs are presigned for `s3_public_url` (what clients reach) when given."""

    def __init__(self, settings: BlobSettings) -> None:
        assert settings.s3_bucket, "S3BlobStore needs a bucket"
        self.bucket = settings.s3_bucket
        options: dict[str, Any] = {
            "region_name": settings.s3_region,
            "aws_access_key_id": settings.s3_access_key_id,
            "aws_secret_access_key": settings.s3_secret_access_key,
            "config": _CONFIG,
        }
        self.client = boto3.client("s3", endpoint_url=settings.s3_endpoint_url, **options)
        self.presigner = boto3.client(
            "s3", endpoint_url=settings.s3_public_url or settings.s3_endpoint_url, **options
        )

    async def start(self) -> None:
        def ensure_bucket() -> None:
            try:
                self.client.head_bucket(Bucket=self.bucket)
            except ClientError:
                self.client.create_bucket(Bucket=self.bucket)

        await asyncio.to_thread(ensure_bucket)

    async def write(self, key: str, chunks: AsyncIterator[bytes], limit: int) -> int:
        size = 0
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"more than {limit} bytes")
                await asyncio.to_thread(spool.write, chunk)
            spool.seek(0)
            await asyncio.to_thread(self.client.upload_fileobj, spool, self.bucket, key)
        return size

    @contextlib.asynccontextmanager
    async def local_copy(self, key: str) -> AsyncIterator[Path | None]:
        with tempfile.TemporaryDirectory(prefix="jobgraph-files-") as directory:
            path = Path(directory) / "blob"
            try:
                await asyncio.to_thread(self.client.download_file, self.bucket, key, str(path))
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                    yield None
                    return
                raise
            yield path

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=key)

    async def promote(self, source: str, key: str) -> None:
        def move() -> None:
            self.client.copy_object(
                Bucket=self.bucket, Key=key, CopySource={"Bucket": self.bucket, "Key": source}
            )
            self.client.delete_object(Bucket=self.bucket, Key=source)

        await asyncio.to_thread(move)

    async def upload_target(
        self, key: str, content_type: str, size: int, expires_at: datetime
    ) -> UploadTarget:
        params = {"Bucket": self.bucket, "Key": key, "ContentType": content_type, "ContentLength": size}
        url = await asyncio.to_thread(
            self.presigner.generate_presigned_url, "put_object", Params=params, ExpiresIn=_seconds(expires_at)
        )
        return UploadTarget(url=url, method="PUT", headers=(("Content-Type", content_type),))

    async def download_url(self, key: str, filename: str, content_type: str, expires_at: datetime) -> str:
        params = {
            "Bucket": self.bucket,
            "Key": key,
            "ResponseContentDisposition": content_disposition(filename),
            "ResponseContentType": content_type,
        }
        url: str = await asyncio.to_thread(
            self.presigner.generate_presigned_url, "get_object", Params=params, ExpiresIn=_seconds(expires_at)
        )
        return url


def _seconds(expires_at: datetime) -> int:
    return max(1, int(expires_at.timestamp() - datetime.now(expires_at.tzinfo).timestamp()))
