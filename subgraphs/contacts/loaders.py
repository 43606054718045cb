"""Per-request DataLoaders so `_entities` and lists of contacts cost one store query per batch."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from strawberry.dataloader import DataLoader

from subgraphs.contacts.models import Contact
from subgraphs.contacts.service import ContactService


@dataclass(frozen=True, slots=True)
class ContactLoaders:
    """The loaders of one request, scoped to its caller: someone else's ids load as None."""

    # Contact id → the caller's contact; backs `Contact.resolve_reference` and `contact(id)`.
    contact: DataLoader[str, Contact | None]


def build_loaders(service: ContactService, user_id: str) -> ContactLoaders:
    """Fresh loaders for one request by `user_id`; never share them between requests (they cache)."""
    return ContactLoaders(contact=DataLoader(load_fn=partial(service.get_many, user_id)))
