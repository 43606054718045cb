"""The events the users subgraph publishes (its public contract): `user.registered` and `user.updated`.

`data`: id, email, name, showEmail and showPhone (whether the person shows them to others: consumers must
not show or link by a private email — contacts links a contact to a person only when showEmail is true), and
the public profile fields headline, location, skills (a list) that search indexes; `user.updated` adds
`changed` (the names of the fields that changed). Phone is never published.
"""

from __future__ import annotations

from typing import Any

from subgraphs.users.models import User

PRODUCER = "users"
USER_REGISTERED = "user.registered"
USER_UPDATED = "user.updated"
_API_NAMES = {"show_email": "showEmail", "show_phone": "showPhone"}


def user_data(user: User, changed: tuple[str, ...] = ()) -> dict[str, Any]:
    """The event payload: who, with the email other subgraphs link contacts by and whether it is shown."""
    data: dict[str, Any] = {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "showEmail": user.show_email,
        "showPhone": user.show_phone,
        "headline": user.headline,
        "location": user.location,
        "skills": list(user.skills),
    }
    if changed:
        # API names (camelCase), like the other producers' `changed`.
        data["changed"] = [_API_NAMES.get(name, name) for name in changed]
    return data
