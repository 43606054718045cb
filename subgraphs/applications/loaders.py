"""Per-request DataLoaders so `_entities` and nested timelines cost a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from strawberry.dataloader import DataLoader

from subgraphs.applications.models import Application, StatusChange, TimelineEntry
from subgraphs.applications.service import ApplicationService


@dataclass(frozen=True, slots=True)
class ApplicationLoaders:
    """The loaders of one request, scoped to its caller: someone else's ids load as None / []."""

    # Application id → the caller's application; backs `Application.resolve_reference` and `application`.
    application: DataLoader[str, Application | None]
    # Application id → its status timeline, oldest first; backs `Application.statusHistory`.
    timeline: DataLoader[str, list[StatusChange]]
    # Application id → its whole timeline, oldest first; backs `Application.timeline`.
    timeline_entries: DataLoader[str, list[TimelineEntry]]
    # Application id → the ids of the contacts linked to it; backs `Application.contacts`.
    linked_contacts: DataLoader[str, list[str]]
    # Contact id → the ids of the caller's applications it is linked to; backs `Contact.applications`.
    linked_applications: DataLoader[str, list[str]]


def build_loaders(service: ApplicationService, user_id: str) -> ApplicationLoaders:
    """Fresh loaders for one request by `user_id`; never share them between requests (they cache)."""
    return ApplicationLoaders(
        application=DataLoader(load_fn=partial(service.get_many, user_id)),
        timeline=DataLoader(load_fn=partial(service.timelines, user_id)),
        timeline_entries=DataLoader(load_fn=partial(service.timeline.entries, user_id)),
        linked_contacts=DataLoader(load_fn=partial(service.timeline.contacts_of, user_id)),
        linked_applications=DataLoader(load_fn=partial(service.timeline.applications_of, user_id)),
    )
