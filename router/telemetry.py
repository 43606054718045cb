"""Tracing for the router and every jobgraph process: OTLP export when a collector is configured.

With `OTEL_EXPORTER_OTLP_ENDPOINT` set (e.g. `http://otel-collector:4318`), spans go to that collector over
OTLP/HTTP: a server span for every request a process serves (OpenTelemetry's ASGI middleware) and a client
span for every call the router makes to a subgraph (`client_span`, network or in-process), which also
carries W3C trace context to the subgraph, so one client request is one trace across
the router, the subgraphs and their events. Without it, nothing is instrumented and tracing costs nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter

logger = logging.getLogger("jobgraph.telemetry")
# The provider `configure_tracing` made for this process, if any: subgraph clients made later use it.
_provider: TracerProvider | None = None
# Spans wait at most this long in the batch before export; the exporter gives up on a collector after this.
EXPORT_TIMEOUT_SECONDS = 10


def configure_tracing(
    service: str,
    environ: Mapping[str, str] | None = None,
    *,
    exporter: SpanExporter | None = None,
    install: bool = True,
) -> TracerProvider | None:
    """Make this process's tracer provider; None when tracing is off.

    `service` names the process unless `OTEL_SERVICE_NAME` does. `exporter` replaces the OTLP exporter and
    `install=False` leaves the global provider alone (tests).
    """
    global _provider
    env = os.environ if environ is None else environ
    endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip()
    if exporter is None and not endpoint:
        return None
    name = env.get("OTEL_SERVICE_NAME") or service
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: name}))
    if exporter is None:
        exporter = OTLPSpanExporter(
            endpoint=f"{endpoint.rstrip('/')}/v1/traces", timeout=EXPORT_TIMEOUT_SECONDS
        )
        logger.info("exporting traces of %s to %s", name, endpoint)
    provider.add_span_processor(BatchSpanProcessor(exporter))
    if install:
        # Also the provider of spans made without an explicit one (event consumers, the envelope's trace).
        trace.set_tracer_provider(provider)
    _provider = provider
    return provider


def reset_tracing() -> None:
    """Forget the process's provider (tests); clients made afterwards are not instrumented."""
    global _provider
    _provider = None


@contextlib.contextmanager
def client_span(subgraph: str, url: str, headers: MutableMapping[str, str]) -> Iterator[None]:
    """A client span around one call to a subgraph, its trace context written into `headers`; nothing at
    all when tracing is off."""
    if _provider is None:
        yield
        return
    tracer = _provider.get_tracer("router.subgraph_client")
    attributes = {"http.request.method": "POST", "url.full": url, "jobgraph.subgraph": subgraph}
    with tracer.start_as_current_span("POST", kind=trace.SpanKind.CLIENT, attributes=attributes):
        propagate.inject(headers)
        yield


def traced(app: Any, provider: TracerProvider | None) -> Any:
    """`app` with a server span per request (continuing the caller's trace); `app` itself when off."""
    if provider is None:
        return app
    return OpenTelemetryMiddleware(app, tracer_provider=provider)
