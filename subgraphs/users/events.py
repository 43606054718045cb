"""The events the users subgraph publishes (its public contract): `user.registered` and `user.updated`.

`data`: id, email, name, and the public profile fields headline, location, skills (a list) that search
indexes; `user.updated` adds `changed` (the names of the fields that changed). Phone is never published.
"""

from __future__ import annotations

from typing import Any

from subgraphs.users.models import User

PRODUCER = "users"
USER_REGISTERED = "user.registered"
USER_UPDATED = "user.updated"


def user_data(user: User, changed: tuple[str, ...] = ()) -> dict[str, Any]:
    """The event payload: who, with the email other subgraphs link contacts by."""
    data: dict[str, Any] = {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "headline": user.headline,
        "location": user.location,
        "skills": list(user.skills),
    }
    if changed:
        data["changed"] = list(changed)
    return data
