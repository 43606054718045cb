"""GraphQL over HTTP (POST and GET) per the GraphQL-over-HTTP spec, with its status codes.

Spec: https://graphql.github.io/graphql-over-http/draft/ — with `application/graphql-response+json` a request
error (unparsable, invalid, unknown operation, bad variables) is HTTP 400 and an executed operation is 200;
with `application/json` well-formed requests get 200. Mutations over GET are 405.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from router.metrics import HTTP_DURATION, HTTP_REQUESTS
from router.pipeline import GraphQLRequest, GraphQLResult, Router
from router.plugins import RequestContext
from router.subgraph_client.multipart import FileUpload
from router.transport.graphiql import graphiql_page, wants_html
from router.transport.multipart import MultipartError, MultipartLimits, is_multipart, read_multipart

logger = logging.getLogger("router.http")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
PLAN_HEADER = "x-jobgraph-plan"


class HttpError(Exception):
    """A request the transport refuses before GraphQL sees it."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class GraphQLEndpoint:
    """The `/graphql` route: reads the request, runs the pipeline, writes the response."""

    def __init__(
        self,
        router: Router,
        *,
        max_body_bytes: int = 1_000_000,
        graphiql: bool = True,
        multipart: MultipartLimits | None = None,
        web_dir: Path | None = None,
    ) -> None:
        self.router = router
        self.max_body_bytes = max_body_bytes
        self.graphiql = graphiql
        # File uploads (GraphQL multipart requests): router/transport/multipart.py.
        self.multipart = multipart or MultipartLimits()
        # Where the built GraphiQL page is (the web build); None serves a page saying how to build it.
        self.web_dir = web_dir

    async def handle(self, request: Request) -> Response:
        started = time.perf_counter()
        response = await self._answer(request)
        HTTP_REQUESTS.labels("router", "/graphql", str(response.status_code)).inc()
        HTTP_DURATION.labels("router", "/graphql").observe(time.perf_counter() - started)
        return response

    async def _answer(self, request: Request) -> Response:
        media_type = JSON
        # Spooled files of a multipart request: deleted however the request ends.
        uploads: list[FileUpload] = []
        try:
            media_type = _response_media_type(request.headers.get("accept"))
            if request.method == "GET" and self.graphiql and wants_html(request.headers.get("accept")):
                return graphiql_page(self.web_dir)
            graphql_request = await self._read(request, uploads)
            context = self.context_for(request, graphql_request)
            result = await self.router.execute(graphql_request, context)
            return graphql_response(result, media_type, context.response_headers, context.set_cookies)
        except HttpError as error:
            body = {"errors": [{"message": error.message, "extensions": {"code": "BAD_REQUEST"}}]}
            return Response(orjson.dumps(body), error.status, error.headers, media_type=media_type)
        except Exception:
            # Never a stack trace to the client: log it, answer with a generic error.
            logger.exception("unexpected error while answering a GraphQL request")
            body = {
                "errors": [
                    {"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
                ]
            }
            return Response(orjson.dumps(body), 500, media_type=media_type)
        finally:
            for upload in uploads:
                upload.file.close()

    def context_for(self, request: Request, graphql_request: GraphQLRequest) -> RequestContext:
        """What the plugins know of this HTTP request (its method, headers and peer); the streaming
        transports build theirs the same way."""
        return RequestContext(
            graphql_request,
            method=request.method,
            headers=graphql_request.headers or {},
            client_address=request.client.host if request.client else None,
        )

    async def read(self, request: Request) -> GraphQLRequest:
        """The GraphQL request in `request` (GET parameters or a JSON body), or HttpError (the streaming
        transports read requests the same way; they take no file uploads)."""
        uploads: list[FileUpload] = []
        try:
            graphql_request = await self._read(request, uploads)
            if uploads:
                raise HttpError(400, "File uploads are accepted by queries and mutations, not subscriptions.")
            return graphql_request
        finally:
            for upload in uploads:
                upload.file.close()

    async def _read(self, request: Request, uploads: list[FileUpload]) -> GraphQLRequest:
        include_plan = request.headers.get(PLAN_HEADER, "").lower() in ("1", "true", "yes")
        headers = dict(request.headers)
        # The client's address for the subgraphs' per-client limits: the peer the router saw is appended,
        # so the last entry is never what the client claimed (subgraphs take the last; they answer only
        # the router).
        peer = request.client.host if request.client is not None else "unknown"
        claimed = headers.get("x-forwarded-for")
        headers["x-forwarded-for"] = f"{claimed}, {peer}" if claimed else peer
        if request.method == "GET":
            params = request.query_params
            query = params.get("query")
            variables = _json_param(params.get("variables"), "variables")
            extensions = _json_param(params.get("extensions"), "extensions")
            operation_name = params.get("operationName") or None
            document_id = params.get("documentId")
        elif request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if is_multipart(content_type):
                payload = await self._read_multipart(request, uploads)
            elif content_type != JSON:
                raise HttpError(415, "Send GraphQL requests as application/json.")
            else:
                payload = await self._read_json(request)
            if not isinstance(payload, dict):
                raise HttpError(400, "The request body must be a JSON object.")
            query = payload.get("query")
            variables = payload.get("variables")
            extensions = payload.get("extensions")
            operation_name = payload.get("operationName")
            document_id = payload.get("documentId")
        else:
            raise HttpError(405, "Use GET or POST.", {"allow": "GET, POST"})
        if document_id is not None and not isinstance(document_id, str):
            raise HttpError(400, "'documentId' must be a string.")
        persisted = document_id is not None or (
            isinstance(extensions, dict) and "persistedQuery" in extensions
        )
        if query is None and persisted:
            query = ""  # a persisted-operation plugin finds the document
        elif not isinstance(query, str) or not query.strip():
            raise HttpError(400, "The request has no GraphQL query ('query' must be a non-empty string).")
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(400, "'variables' must be a JSON object.")
        if extensions is not None and not isinstance(extensions, dict):
            raise HttpError(400, "'extensions' must be a JSON object.")
        if operation_name is not None and not isinstance(operation_name, str):
            raise HttpError(400, "'operationName' must be a string.")
        return GraphQLRequest(
            query=query,
            variables=variables,
            operation_name=operation_name,
            headers=headers,
            include_plan=include_plan,
            extensions=extensions,
            document_id=document_id,
        )

    async def _read_json(self, request: Request) -> Any:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            raise HttpError(413, f"The request body is larger than {self.max_body_bytes} bytes.")
        raw = await _read_body(request, self.max_body_bytes)
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise HttpError(400, f"The request body is not valid JSON: {error}") from error

    async def _read_multipart(self, request: Request, uploads: list[FileUpload]) -> dict[str, Any]:
        try:
            operations, files = await read_multipart(request, self.multipart)
        except MultipartError as error:
            raise HttpError(error.status, error.message) from error
        uploads.extend(files)
        return operations


async def _read_body(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def _json_param(value: str | None, name: str) -> Any:
    if value is None or value == "":
        return None
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError as error:
        raise HttpError(400, f"The '{name}' parameter is not valid JSON: {error}") from error


def _response_media_type(accept: str | None) -> str:
    """Spec: prefer application/graphql-response+json; legacy clients without Accept get application/json."""
    if not accept:
        return JSON
    ranges = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    for media_range in ranges:
        if media_range == GRAPHQL_RESPONSE:
            return GRAPHQL_RESPONSE
        if media_range in (JSON, "application/*", "*/*"):
            return JSON
    if "text/html" in ranges:
        return JSON
    raise HttpError(406, "Accept application/graphql-response+json or application/json.")


def graphql_response(
    result: GraphQLResult, media_type: str, headers: dict[str, str], cookies: list[str]
) -> Response:
    """One result as an HTTP response: its status per the media type, the plugins' headers and cookies."""
    status = 400 if result.request_error and media_type == GRAPHQL_RESPONSE else 200
    if result.status is not None:
        # A plugin's refusal (401, 403, 429...) keeps its status under either media type, as Apollo's does.
        status = result.status
    response = Response(orjson.dumps(result.body), status, headers, media_type=media_type)
    response.raw_headers.extend((b"set-cookie", cookie.encode("latin-1")) for cookie in cookies)
    return response
