"""Per-request DataLoaders: `_entities` for many users and `interestedIn` lists cost one query each."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from subgraphs.users.models import User
from subgraphs.users.service import UserService


@dataclass(frozen=True, slots=True)
class UserLoaders:
    """The loaders of one request (they cache, so never share them between requests)."""

    # User id → profile; backs `User.resolve_reference`, `user(id)` and `interestedIn`.
    user: DataLoader[str, User | None]
    # User id → the ids that user is interested in.
    interests: DataLoader[str, list[str]]


def build_loaders(service: UserService) -> UserLoaders:
    return UserLoaders(
        user=DataLoader(load_fn=service.get_many),
        interests=DataLoader(load_fn=service.interests_of),
    )
