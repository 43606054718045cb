"""Who may resolve a field: scopes declared once per field, composed for the router and enforced here.

A person's own access token carries `SESSION`, which satisfies every rule; a partner's token (an API token
the router exchanged for a short-lived JWT, subgraphs/users/api_tokens.py) carries only the scopes its
owner granted. `scoped(APPLICATIONS_READ)` on a field does both halves of the rule:

- it adds `@requiresScopes(scopes: [["session"], ["applications:read"]])` to the field's SDL, which
  `jobgraph compose` carries into the supergraph and the router enforces while planning
  (router/authorization.py: the field is null with UNAUTHORIZED_FIELD_OR_TYPE, the rest of the operation
  runs);
- it checks the same rule in the subgraph (`require_scope`) before the resolver runs, so a request that
  reaches the subgraph without the router is refused too: UNAUTHENTICATED without a token, FORBIDDEN
  without the scope.

`scoped()` with no scope is for the person only (their session), e.g. notifications or token management.
"""

from __future__ import annotations

from typing import Any

from strawberry.extensions.field_extension import FieldExtension
from strawberry.federation.schema_directives import RequiresScopes
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types import Info

from subgraphs.kit.auth import SESSION_SCOPE, Identity
from subgraphs.kit.errors import Forbidden, Unauthenticated

SESSION = SESSION_SCOPE
PROFILE_READ = "profile:read"
APPLICATIONS_READ = "applications:read"
APPLICATIONS_WRITE = "applications:write"
INTERVIEWS_READ = "interviews:read"
INTERVIEWS_WRITE = "interviews:write"
CONTACTS_READ = "contacts:read"
ANALYTICS_READ = "analytics:read"
# What a partner API token may be granted (the README's "Partner API" table); `session` never.
PARTNER_SCOPES: tuple[str, ...] = (
    PROFILE_READ,
    APPLICATIONS_READ,
    APPLICATIONS_WRITE,
    INTERVIEWS_READ,
    INTERVIEWS_WRITE,
    CONTACTS_READ,
    ANALYTICS_READ,
)


def allows(identity: Identity, scopes: tuple[str, ...]) -> bool:
    """Whether `identity` passes a rule satisfied by the session or by any one of `scopes`."""
    return SESSION in identity.scopes or any(scope in identity.scopes for scope in scopes)


def require_scope(info: Info, *scopes: str) -> Identity:
    """The caller, when it holds the session or any one of `scopes` (none given: the session only).

    UNAUTHENTICATED without a valid token; FORBIDDEN for a token whose scopes do not reach.
    """
    context = info.context
    error = getattr(context, "auth_error", None)
    if error is not None:
        raise error
    identity: Identity | None = getattr(context, "identity", None)
    if identity is None:
        raise Unauthenticated(getattr(context, "sign_in_message", "sign in first"))
    if not allows(identity, scopes):
        needed = " or ".join(scopes) if scopes else "your own session (not an API token)"
        raise Forbidden(f"this needs {needed}")
    return identity


class RequiresScope(BasePermission):
    """The field's rule as a Strawberry permission that also writes the `@requiresScopes` directive."""

    def __init__(self, *scopes: str) -> None:
        unknown = set(scopes) - set(PARTNER_SCOPES)
        if unknown:
            raise ValueError(f"unknown scopes {sorted(unknown)}")
        self.scopes = scopes
        self._directive = RequiresScopes(scopes=[[SESSION], *([scope] for scope in scopes)])

    @property
    def schema_directive(self) -> object:
        return self._directive

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        require_scope(info, *self.scopes)
        return True


def scoped(*scopes: str) -> list[FieldExtension]:
    """The `extensions=` of a field that the session or any one of `scopes` may resolve."""
    return [PermissionExtension(permissions=[RequiresScope(*scopes)])]
