"""Which event bus a process uses, read once from the environment by its composition root."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from subgraphs.kit.events.bus import EventBus
from subgraphs.kit.events.inprocess import InProcessBus
from subgraphs.kit.events.rabbit_bus import RabbitBus
from subgraphs.kit.events.rabbit_publisher import EXCHANGE


@dataclass(frozen=True, slots=True)
class EventSettings:
    """`JOBGRAPH_RABBITMQ_URL` set → RabbitMQ (`amqp://user:pass@host:5672/jobgraph`), else in-process.

    `JOBGRAPH_EVENTS_EXCHANGE` overrides the topic exchange name; `JOBGRAPH_RABBITMQ_TIMEOUT` (seconds)
    bounds every broker call. The URL holds a password, so it never appears in the repr.
    """

    rabbitmq_url: str | None = field(default=None, repr=False)
    exchange: str = EXCHANGE
    timeout: float = 10.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> EventSettings:
        env = os.environ if environ is None else environ
        return cls(
            rabbitmq_url=env.get("JOBGRAPH_RABBITMQ_URL") or None,
            exchange=env.get("JOBGRAPH_EVENTS_EXCHANGE") or EXCHANGE,
            timeout=float(env.get("JOBGRAPH_RABBITMQ_TIMEOUT") or 10.0),
        )

    @property
    def safe_rabbitmq_url(self) -> str | None:
        """The broker URL with its password masked, for logs."""
        if self.rabbitmq_url is None:
            return None
        parts = urlsplit(self.rabbitmq_url)
        if parts.password is None:
            return self.rabbitmq_url
        netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))


def create_event_bus(settings: EventSettings) -> EventBus:
    """The bus `settings` ask for: RabbitMQ when a broker URL is configured, the in-process bus otherwise."""
    if settings.rabbitmq_url:
        return RabbitBus(settings.rabbitmq_url, exchange=settings.exchange, timeout=settings.timeout)
    return InProcessBus()
