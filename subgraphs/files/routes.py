"""The embedded blob store's HTTP side: `PUT` and `GET /blobs/{owner}/{file}` behind HMAC-signed URLs.

`PUT` writes only while its file is a PENDING upload (409 after completion) and takes at most the signed size
(413 past it, nothing kept); `GET` is the kit's `download_route` (an attachment with the signed name and
type and `nosniff`, so a browser never renders an uploaded file as a page).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from subgraphs.files.models import UPLOAD_SUFFIX
from subgraphs.kit.blobs import LocalBlobStore, TooLarge, download_route


def blob_routes(
    blobs: LocalBlobStore,
    clock: Callable[[], datetime],
    awaits_bytes: Callable[[str, str], Awaitable[bool]],
) -> list[Route]:
    """The routes serving signed uploads and downloads of `blobs`; `awaits_bytes(owner, file id)` says
    whether an upload URL may still be written to."""

    def refused(request: Request, method: str) -> Response | None:
        key = f"{request.path_params['owner']}/{request.path_params['file']}"
        reason = blobs.signer.check(method, key, dict(request.query_params), clock())
        return JSONResponse({"error": reason}, 403) if reason else None

    async def put(request: Request) -> Response:
        if (refusal := refused(request, "PUT")) is not None:
            return refusal
        owner, name = request.path_params["owner"], request.path_params["file"]
        if not name.endswith(UPLOAD_SUFFIX) or not await awaits_bytes(
            owner, name.removesuffix(UPLOAD_SUFFIX)
        ):
            return JSONResponse({"error": "this upload is complete or gone"}, 409)
        limit = int(request.query_params["size"])
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return JSONResponse({"error": f"at most {limit} bytes may be uploaded"}, 413)
        key = f"{request.path_params['owner']}/{request.path_params['file']}"
        try:
            await blobs.write(key, request.stream(), limit)
        except TooLarge:
            return JSONResponse({"error": f"at most {limit} bytes may be uploaded"}, 413)
        return Response(status_code=200)

    return [
        Route("/blobs/{owner}/{file}", put, methods=["PUT"]),
        download_route(blobs, clock),
    ]
