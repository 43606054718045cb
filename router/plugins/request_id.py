"""Correlation id: `x-request-id` honoured (or generated), echoed to the client, sent to every subgraph, on
every log line (router/logs.py) and on the request's span."""

from __future__ import annotations

import re
import uuid

from opentelemetry import trace

from router.logs import REQUEST_ID
from router.plugins.plugin import Plugin, RequestContext

HEADER = "x-request-id"
# A client's id is honoured only if it is short and plain: it goes into logs and other services' headers.
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._:\-]{1,128}")


class RequestIdPlugin(Plugin):
    """Gives every request a correlation id and carries it wherever the request goes."""

    async def request_received(self, context: RequestContext) -> None:
        given = context.header(HEADER)
        request_id = given if given and _ACCEPTABLE.fullmatch(given) else uuid.uuid4().hex
        context.request_id = request_id
        context.response_headers[HEADER] = request_id
        context.subgraph_headers[HEADER] = request_id
        # The request's own task: log lines written while answering it carry the id.
        REQUEST_ID.set(request_id)
        span = trace.get_current_span()
        if span.is_recording():
            span.set_attribute("jobgraph.request_id", request_id)
