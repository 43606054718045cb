"""The events the users subgraph publishes (its public contract): `user.registered` and `user.updated`."""

from __future__ import annotations

from typing import Any

from subgraphs.users.models import User

PRODUCER = "users"
USER_REGISTERED = "user.registered"
USER_UPDATED = "user.updated"


def user_data(user: User, changed: tuple[str, ...] = ()) -> dict[str, Any]:
    """The event payload: who, with the email other subgraphs link contacts by."""
    data: dict[str, Any] = {"id": user.id, "email": user.email, "name": user.name}
    if changed:
        data["changed"] = list(changed)
    return data
