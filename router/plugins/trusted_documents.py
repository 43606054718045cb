"""Trusted documents: operations known ahead of time, from a manifest file (hot-reloaded), sent by id.

A request names its document by `documentId` (the GraphQL-over-HTTP persisted-documents form, in the body or
as a GET parameter, so a CDN can cache by URL) or by `extensions.persistedQuery.sha256Hash` (Apollo clients).
In `enforce` mode nothing else runs: a request with its own query text runs only if that text is in the
manifest.

Manifest formats:
- Apollo's persisted query manifest: `{"format": "apollo-persisted-query-manifest", "version": 1,
  "operations": [{"id": "...", "name": "...", "type": "query", "body": "..."}]}`
- Hive's (and GraphQL Code Generator's, Relay's): a flat JSON object `{"<id>": "<document>"}`; a Hive app
  deployment id `app~version~hash` is matched by its full id and by its `hash`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from pathlib import Path

import orjson

from router.config import ConfigError
from router.plugins.persisted_queries import persisted_query
from router.plugins.plugin import Plugin, RequestContext, StopRequest

logger = logging.getLogger("router.plugins.trusted_documents")

APOLLO_FORMAT = "apollo-persisted-query-manifest"


class ManifestError(ConfigError):
    """The manifest file does not load; the message says why."""


def parse_manifest(raw: bytes) -> dict[str, str]:
    """Document by id from a manifest in Apollo's or Hive's format."""
    try:
        loaded = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ManifestError(f"not JSON: {error}") from error
    if not isinstance(loaded, dict):
        raise ManifestError("the top level must be an object")
    if loaded.get("format") == APOLLO_FORMAT:
        if loaded.get("version") != 1:
            raise ManifestError(f"unsupported {APOLLO_FORMAT} version {loaded.get('version')!r}")
        documents = {}
        for operation in loaded.get("operations") or ():
            if not isinstance(operation, dict) or not all(
                isinstance(operation.get(key), str) for key in ("id", "body")
            ):
                raise ManifestError("each operation needs a string 'id' and 'body'")
            documents[operation["id"]] = operation["body"]
        return documents
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in loaded.items()):
        raise ManifestError("a flat manifest maps string ids to string documents")
    documents = dict(loaded)
    for key, value in loaded.items():
        # Hive app deployments: `name~version~hash`; clients may send the hash alone.
        if key.count("~") == 2:
            documents.setdefault(key.rsplit("~", 1)[1], value)
    return documents


class TrustedDocumentsPlugin(Plugin):
    """Resolves document ids from a manifest file, re-read when it changes (checked at most every
    `check_interval` seconds); in `enforce` mode refuses every operation that is not in it."""

    def __init__(self, path: Path, *, enforce: bool = False, check_interval: float = 2.0) -> None:
        self.path = path
        self.enforce = enforce
        self.check_interval = check_interval
        self.documents: dict[str, str] = {}
        self.hashes: frozenset[str] = frozenset()
        self._stamp: tuple[int, int] | None = None
        self._checked_at = float("-inf")
        self._reload(initial=True)

    async def request_received(self, context: RequestContext) -> None:
        self._reload_if_changed()
        request = context.request
        persisted = persisted_query(request.extensions)
        document_id = request.document_id
        if document_id is None and persisted is not None and not request.query:
            digest = persisted.get("sha256Hash")
            document_id = digest if isinstance(digest, str) else None
            if document_id is not None and document_id not in self.documents and not self.enforce:
                return  # not a trusted document: automatic persisted queries may know it
        if document_id is not None:
            document = self.documents.get(document_id)
            if document is None:
                raise StopRequest(
                    f"No persisted document with id {document_id!r}.",
                    "PERSISTED_QUERY_NOT_IN_LIST",
                    status=400,
                )
            context.request = dataclasses.replace(request, query=document)
            return
        if self.enforce and hashlib.sha256(request.query.encode()).hexdigest() not in self.hashes:
            raise StopRequest(
                "Only trusted documents run here: send a documentId from the manifest.",
                "PERSISTED_QUERY_NOT_IN_LIST",
                status=400,
            )

    def _reload_if_changed(self) -> None:
        now = time.monotonic()
        if now - self._checked_at >= self.check_interval:
            self._checked_at = now
            self._reload(initial=False)

    def _reload(self, *, initial: bool) -> None:
        """Read the manifest when its modification time or size changed; a broken new version is logged and
        the previous documents kept (at start-up it is an error)."""
        try:
            status = self.path.stat()
            stamp = (status.st_mtime_ns, status.st_size)
            if stamp == self._stamp:
                return
            documents = parse_manifest(self.path.read_bytes())
        except (OSError, ManifestError) as error:
            if initial:
                raise ManifestError(f"trusted documents manifest {self.path}: {error}") from error
            logger.error("keeping the previous trusted documents: %s: %s", self.path, error)
            return
        self.documents = documents
        self.hashes = frozenset(hashlib.sha256(text.encode()).hexdigest() for text in documents.values())
        self._stamp = stamp
        if not initial:
            logger.info("reloaded %d trusted documents from %s", len(documents), self.path)
