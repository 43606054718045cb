"""Incremental delivery (`@defer`, `@stream`): what the initial payload announces and what each later payload
carries, in the two formats clients speak.

Spec: the incremental delivery RFC (graphql/graphql-spec#1110, graphql-js 17). Formats, chosen by the
transport from the request's `Accept`:
- "20220824" — Apollo's `deferSpec=20220824` (Apollo Client and Router; graphql-yoga and Hive Gateway send
  the same shape): a later payload is `{"incremental": [{"data", "path", "label"?, "errors"?}], "hasNext"}`,
  streamed items `{"items", "path": [...list, first index]}`.
- "v0.2" — the RFC's current draft: the initial payload announces `pending: [{"id", "path", "label"?}]`,
  later ones carry `incremental: [{"id", "data" | "items", "errors"?}]` and `completed: [{"id",
  "errors"?}]`; a deferred fragment nulled by an error has only its `completed` entry with the errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from router.executor.paths import ResponsePath, TypeMatcher, objects_at
from router.executor.projection import Projector, StreamedList
from router.planner.plan import DeferredNode

IncrementalFormat = Literal["20220824", "v0.2"]
FORMATS: tuple[IncrementalFormat, ...] = ("20220824", "v0.2")


@dataclass
class Delivery:
    """One thing delivered after the initial payload: a deferred fragment of one object (`data`), or the
    rest of a streamed list (`items`, from index `start`)."""

    id: str
    # The deferred fragment's object, or the streamed list.
    path: ResponsePath
    label: str | None
    is_stream: bool = False
    start: int = 0
    # Set once delivered: the fragment's data (None when an error nulled it) or the streamed items.
    data: dict[str, Any] | None = None
    items: list[Any] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DeferredRun:
    """A deferred part to fetch: a delivery per object of the primary data it applies to, with the object
    and its type name (what its fragment is projected on)."""

    part: DeferredNode
    deliveries: list[Delivery]
    objects: list[tuple[dict[str, Any], str]]


def streamed_lists(
    projector: Projector, data: Any, ids: Iterator[str]
) -> list[tuple[Delivery, StreamedList]]:
    """The streamed lists of the initial payload (not those under a parent an error nulled)."""
    return [
        (Delivery(next(ids), stream.path, stream.label, is_stream=True, start=stream.start), stream)
        for stream in projector.streamed
        if isinstance(value_at(data, stream.path), list)
    ]


def deferred_runs(
    parts: list[DeferredNode],
    merged: dict[str, Any],
    matches: TypeMatcher,
    projector: Projector,
    data: Any,
    ids: Iterator[str],
    streaming: bool,
) -> list[DeferredRun]:
    """The deferred parts to run: each object at a part's path in the merged data that the initial payload
    `data` holds (not under a nulled parent) and that its fragment applies to gets a delivery. With
    `streaming`, a part whose objects are all in streamed items runs too: those items carry its fragment."""
    runs: list[DeferredRun] = []
    for part in parts:
        found = objects_at(merged, part.path, matches)
        run = DeferredRun(part, [], [])
        for obj, path in found:
            object_type = projector.runtime_type(part.type_condition, obj)
            if object_type is None or not isinstance(value_at(data, path), dict):
                continue
            if projector.applies(part.type_condition, object_type):
                run.deliveries.append(Delivery(next(ids), path, part.label))
                run.objects.append((obj, object_type.name))
        if run.deliveries or (streaming and found):
            runs.append(run)
    return runs


def initial_payload(body: dict[str, Any], later: list[Delivery], form: IncrementalFormat) -> dict[str, Any]:
    """The first response: the primary data, and (draft form) what is still to come."""
    payload = dict(body)
    if form == "v0.2":
        payload["pending"] = [_pending(delivery) for delivery in later]
    payload["hasNext"] = bool(later)
    return payload


def subsequent_payload(done: list[Delivery], has_next: bool, form: IncrementalFormat) -> dict[str, Any]:
    """A later response delivering `done`."""
    if form == "20220824":
        return {"incremental": [_apollo_entry(delivery) for delivery in done], "hasNext": has_next}
    incremental: list[dict[str, Any]] = []
    completed: list[dict[str, Any]] = []
    for delivery in done:
        failed = delivery.items is None if delivery.is_stream else delivery.data is None
        if failed:
            completed.append({"id": delivery.id, "errors": delivery.errors})
            continue
        entry: dict[str, Any] = {"id": delivery.id}
        if delivery.is_stream:
            entry["items"] = delivery.items
        else:
            entry["data"] = delivery.data
        if delivery.errors:
            entry["errors"] = delivery.errors
        incremental.append(entry)
        completed.append({"id": delivery.id})
    payload: dict[str, Any] = {}
    if incremental:
        payload["incremental"] = incremental
    payload["completed"] = completed
    payload["hasNext"] = has_next
    return payload


def _pending(delivery: Delivery) -> dict[str, Any]:
    pending: dict[str, Any] = {"id": delivery.id, "path": list(delivery.path)}
    if delivery.label is not None:
        pending["label"] = delivery.label
    return pending


def _apollo_entry(delivery: Delivery) -> dict[str, Any]:
    entry: dict[str, Any]
    if delivery.is_stream:
        entry = {"items": delivery.items, "path": [*delivery.path, delivery.start]}
    else:
        entry = {"data": delivery.data, "path": list(delivery.path)}
    if delivery.label is not None:
        entry["label"] = delivery.label
    if delivery.errors:
        entry["errors"] = delivery.errors
    return entry


def value_at(data: Any, path: ResponsePath) -> Any:
    """The response data's value at `path`, None where there is none (a fragment or a list under a nulled
    parent is not delivered)."""
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def errors_under(
    errors: list[dict[str, Any]], paths: list[ResponsePath]
) -> tuple[list[list[dict[str, Any]]], list[dict[str, Any]]]:
    """`errors` shared out to the deliveries at `paths` (each to the first whose path starts the error's),
    and the errors under none of them."""
    shared: list[list[dict[str, Any]]] = [[] for _ in paths]
    rest: list[dict[str, Any]] = []
    for error in errors:
        error_path = error.get("path")
        position = None
        if isinstance(error_path, list):
            position = next(
                (i for i, path in enumerate(paths) if tuple(error_path[: len(path)]) == path), None
            )
        if position is None:
            rest.append(error)
        else:
            shared[position].append(error)
    return shared, rest
