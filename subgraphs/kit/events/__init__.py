"""Domain events: envelope, transactional outbox, relay, in-process and RabbitMQ buses, idempotent consumers.

Read `subgraphs/kit/events/README.md` for how a subgraph wires them.
"""

from subgraphs.kit.events.bus import DeadLetter, EventBus, Publisher
from subgraphs.kit.events.consumer import EventConsumer, Handler, RetryPolicy, topic_matches
from subgraphs.kit.events.envelope import EventEnvelope, PoisonMessage, parse_envelope
from subgraphs.kit.events.inprocess import InProcessBus
from subgraphs.kit.events.live import LiveEvents, RabbitLiveSource, attach_live
from subgraphs.kit.events.mongo_outbox import MongoOutbox
from subgraphs.kit.events.outbox import create_outbox_table, outbox_table, record_event, record_events
from subgraphs.kit.events.processed import (
    claim_event,
    create_processed_events_table,
    idempotent,
    processed_events_table,
)
from subgraphs.kit.events.rabbit_bus import RabbitBus
from subgraphs.kit.events.rabbit_publisher import RabbitPublisher
from subgraphs.kit.events.relay import OutboxRelay
from subgraphs.kit.events.settings import EventSettings, create_event_bus
from subgraphs.kit.events.source import OutboxBatch, OutboxSource, SqlOutboxSource

__all__ = [
    "DeadLetter",
    "EventBus",
    "EventConsumer",
    "EventEnvelope",
    "EventSettings",
    "Handler",
    "InProcessBus",
    "LiveEvents",
    "MongoOutbox",
    "OutboxBatch",
    "OutboxRelay",
    "OutboxSource",
    "PoisonMessage",
    "Publisher",
    "RabbitBus",
    "RabbitLiveSource",
    "RabbitPublisher",
    "RetryPolicy",
    "SqlOutboxSource",
    "attach_live",
    "claim_event",
    "create_event_bus",
    "create_outbox_table",
    "create_processed_events_table",
    "idempotent",
    "outbox_table",
    "parse_envelope",
    "processed_events_table",
    "record_event",
    "record_events",
    "topic_matches",
]
