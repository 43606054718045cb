"""What a plugin is: a class with async hooks around the pipeline's stages, and the per-request context.

Stages, in the order the router calls them for one operation:

- `request_received(context)`: the transport has read the request, nothing is parsed yet; may refuse or
  replace `context.request` (persisted operations).
- `operation_prepared(context, prepared)`: parsed, validated, operation chosen (cached across requests).
- `plan_ready(context, plan)`: the query plan is known, no subgraph has been called.
- `subgraph_request(context, name, request)`: before each subgraph call; returns the request to send.
- `subgraph_response(context, name, response)`: after each subgraph call; returns the response to use.
- `response(context, body)`: the response body is built; change it in place.
- `subscription_event(context, body)`: each subscription event's body is built; change it in place.

Every hook before `response` may add errors (`context.errors`, appended to the response); every hook may add
response headers (`context.response_headers`), headers for every subgraph (`context.subgraph_headers`) and
values for later hooks (`context.values`). Raising `StopRequest` ends the request with that error (no subgraph
is called when it is raised before the plan runs). Plugins run in the order given; a hook that no plugin
overrides costs nothing.

Progressive @override: a plugin turns custom override labels (`@override(from:, label: "my-label")`) on for
one request by putting their names into `context.values[OVERRIDE_LABELS]` (router/progressive_override.py)
in `request_received` or `operation_prepared`; the plan is then made with those labels on. Labels the
supergraph does not have are ignored; `percent(N)` labels are drawn by the router itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from router.subgraph_client import SubgraphRequest, SubgraphResponse

if TYPE_CHECKING:
    from router.operation import PreparedOperation
    from router.pipeline import GraphQLRequest
    from router.planner.plan import QueryPlan


class StopRequest(Exception):
    """Raised by a hook to answer the request with one error and no data.

    `status` is the HTTP status (e.g. 401, 403, 429); `headers` go on the response (e.g. Retry-After).
    """

    def __init__(
        self,
        message: str,
        code: str,
        *,
        status: int = 400,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.headers = dict(headers or {})
        self.extensions = dict(extensions or {})

    def error(self) -> dict[str, Any]:
        """The GraphQL error this refusal is answered with."""
        return {"message": self.message, "extensions": {**self.extensions, "code": self.code}}


@dataclass
class RequestContext:
    """One client request as every hook sees it; made by the transport, lives until the response is sent."""

    request: GraphQLRequest
    # The HTTP method (`GET`, `POST`), `WS` for an operation over a WebSocket, empty for an in-process call.
    method: str = ""
    # Client request headers, names lower-case.
    headers: Mapping[str, str] = field(default_factory=dict)
    # The client's network address, when the transport knows it.
    client_address: str | None = None
    # The correlation id (the request-id plugin sets it); empty when no plugin did.
    request_id: str = ""
    # Headers added to the client's response ...
    response_headers: dict[str, str] = field(default_factory=dict)
    # ... and the cookies it sets (one Set-Cookie header each: the subgraphs' set them, router/headers.py).
    set_cookies: list[str] = field(default_factory=list)
    # Headers added to every subgraph request (after the forwarded client headers).
    subgraph_headers: dict[str, str] = field(default_factory=dict)
    # Errors appended to the response's `errors`.
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Values one plugin leaves for later hooks or other plugins (e.g. verified token claims under "claims").
    values: dict[str, Any] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """A client request header by lower-case name."""
        return self.headers.get(name)


class Plugin:
    """Base class of router plugins: override the hooks you need; every default does nothing.

    `policies` names the `@policy` checks this plugin provides (router/authorization.py): each gets the
    caller's verified claims (None when anonymous) and says whether the caller passes.
    """

    policies: Mapping[str, Callable[[Mapping[str, Any] | None], bool]] = {}

    async def request_received(self, context: RequestContext) -> None:
        return None

    async def operation_prepared(self, context: RequestContext, prepared: PreparedOperation) -> None:
        return None

    async def plan_ready(self, context: RequestContext, plan: QueryPlan) -> None:
        return None

    async def subgraph_request(
        self, context: RequestContext, subgraph: str, request: SubgraphRequest
    ) -> SubgraphRequest:
        return request

    async def subgraph_response(
        self, context: RequestContext, subgraph: str, response: SubgraphResponse
    ) -> SubgraphResponse:
        return response

    async def response(self, context: RequestContext, body: dict[str, Any]) -> None:
        return None

    async def subscription_event(self, context: RequestContext, body: dict[str, Any]) -> None:
        return None

    async def aclose(self) -> None:
        """Release what the plugin holds (connections, tasks) when the router stops."""
        return
