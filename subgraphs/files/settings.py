"""Where the files subgraph keeps blobs, read once from the environment by its composition root.

- `FILES_S3_BUCKET`: blobs go to this S3 bucket (production; MinIO in docker-compose), else to
  `<data_dir>/files/`. With it: `FILES_S3_ENDPOINT_URL` (an S3-compatible server such as MinIO; default AWS),
  `FILES_S3_PUBLIC_URL` (the endpoint presigned URLs name, when clients reach the server at another address),
  `FILES_S3_REGION`, `FILES_S3_ACCESS_KEY_ID` and `FILES_S3_SECRET_ACCESS_KEY`.
- `FILES_PUBLIC_URL`: where clients reach the files subgraph's `/blobs/` routes in embedded mode (default:
  `jobgraph dev`'s mount, `http://127.0.0.1:4000/subgraphs/files`).
- `FILES_SIGNING_SECRET`: the HMAC secret of embedded blob URLs (default: generated under the data directory).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

DEV_PUBLIC_URL = "http://127.0.0.1:4000/subgraphs/files"


@dataclass(frozen=True, slots=True)
class BlobSettings:
    """The blob store's configuration; secrets never appear in its repr."""

    public_url: str = DEV_PUBLIC_URL
    signing_secret: str | None = field(default=None, repr=False)
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_public_url: str | None = None
    s3_region: str = "us-east-1"
    s3_access_key_id: str | None = field(default=None, repr=False)
    s3_secret_access_key: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BlobSettings:
        env = os.environ if environ is None else environ
        return cls(
            public_url=env.get("FILES_PUBLIC_URL") or DEV_PUBLIC_URL,
            signing_secret=env.get("FILES_SIGNING_SECRET") or None,
            s3_bucket=env.get("FILES_S3_BUCKET") or None,
            s3_endpoint_url=env.get("FILES_S3_ENDPOINT_URL") or None,
            s3_public_url=env.get("FILES_S3_PUBLIC_URL") or None,
            s3_region=env.get("FILES_S3_REGION") or "us-east-1",
            s3_access_key_id=env.get("FILES_S3_ACCESS_KEY_ID") or None,
            s3_secret_access_key=env.get("FILES_S3_SECRET_ACCESS_KEY") or None,
        )
