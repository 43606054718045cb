"""Idempotency keys for every subgraph's mutations (the `Idempotency-Key` header): see guard.py."""

from subgraphs.kit.idempotency.fingerprint import mutation_fingerprint
from subgraphs.kit.idempotency.guard import (
    HEADER,
    Acting,
    IdempotencyGuard,
    Refused,
    Replay,
    acted,
    key_problem,
)
from subgraphs.kit.idempotency.mongo import MongoIdempotencyStore
from subgraphs.kit.idempotency.sql import (
    SqlIdempotencyStore,
    create_idempotency_table,
    drop_idempotency_table,
    idempotency_table,
    sql_idempotency,
)
from subgraphs.kit.idempotency.store import Claim, IdempotencyStore, KeyRecord

__all__ = [
    "HEADER",
    "Acting",
    "Claim",
    "IdempotencyGuard",
    "IdempotencyStore",
    "KeyRecord",
    "MongoIdempotencyStore",
    "Refused",
    "Replay",
    "SqlIdempotencyStore",
    "acted",
    "create_idempotency_table",
    "drop_idempotency_table",
    "idempotency_table",
    "key_problem",
    "mutation_fingerprint",
    "sql_idempotency",
]
