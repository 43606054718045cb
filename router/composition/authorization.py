"""The authorization directives of Federation 2.5+ (`@authenticated`, `@requiresScopes`, `@policy`) as
composition carries them: read per subgraph, merged per field and type, printed into the supergraph.

Matches Apollo's composition: a field or type that several subgraphs restrict needs every restriction (the
scope and policy sets are combined into the OR-of-ANDs that satisfies all of them); the supergraph links the
`authenticated/v0.1`, `requiresScopes/v0.1` and `policy/v0.1` specs, which the router enforces
(router/authorization.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

_LOCATIONS = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"
LINKS = {
    "authenticated": '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
    "requiresScopes": '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
    "policy": '@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)',
}
DEFINITIONS = {
    "authenticated": f"directive @authenticated on {_LOCATIONS}",
    "requiresScopes": f"directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on {_LOCATIONS}",
    "policy": f"directive @policy(policies: [[policy__Policy!]!]!) on {_LOCATIONS}",
}
SCALARS = {"requiresScopes": "requiresScopes__Scope", "policy": "policy__Policy"}

Groups = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Access:
    """What a field or type requires of its caller; empty when nothing."""

    authenticated: bool = False
    scopes: Groups = ()
    policies: Groups = ()

    @classmethod
    def from_marks(cls, marks: dict[str, list[dict[str, Any]]]) -> Access:
        """From a subgraph element's federation directives (canonical name → argument dicts)."""
        return cls(
            authenticated="authenticated" in marks,
            scopes=_groups(mark.get("scopes") for mark in marks.get("requiresScopes", [])),
            policies=_groups(mark.get("policies") for mark in marks.get("policy", [])),
        )

    def merge(self, other: Access) -> Access:
        """Both requirements at once."""
        return Access(
            self.authenticated or other.authenticated,
            _both(self.scopes, other.scopes),
            _both(self.policies, other.policies),
        )

    def used(self) -> set[str]:
        """The specs this requirement prints (keys of LINKS)."""
        names = {"authenticated"} if self.authenticated else set()
        return (
            names | ({"requiresScopes"} if self.scopes else set()) | ({"policy"} if self.policies else set())
        )

    def printed(self) -> list[str]:
        directives = ["@authenticated"] if self.authenticated else []
        if self.scopes:
            directives.append(f"@requiresScopes(scopes: {_print(self.scopes)})")
        if self.policies:
            directives.append(f"@policy(policies: {_print(self.policies)})")
        return directives


def _groups(values: Any) -> Groups:
    merged: Groups = ()
    for value in values:
        groups = tuple(tuple(sorted({str(item) for item in group})) for group in value or () if group)
        merged = _both(merged, groups)
    return merged


def _both(left: Groups, right: Groups) -> Groups:
    """OR-of-ANDs satisfying both: every pair of alternatives joined (either side empty: the other)."""
    if not left or not right:
        return left or right
    joined = (tuple(sorted(set(a) | set(b))) for a, b in product(left, right))
    return tuple(dict.fromkeys(joined))


def _print(groups: Groups) -> str:
    return "[" + ", ".join("[" + ", ".join(f'"{item}"' for item in group) + "]" for group in groups) + "]"
