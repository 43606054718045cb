"""One declaration per field: `scoped(...)` writes `@requiresScopes` for the router and refuses the same
callers in the subgraph — the person's session always passes, a partner's token only with a listed scope."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import strawberry
from strawberry.types import Info

from subgraphs.kit.auth import Identity
from subgraphs.kit.errors import Unauthenticated
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import APPLICATIONS_READ, CONTACTS_READ, RequiresScope, scoped


@dataclass
class Context:
    identity: Identity | None
    auth_error: Unauthenticated | None = None


@strawberry.type
class Query:
    @strawberry.field(extensions=scoped(APPLICATIONS_READ, CONTACTS_READ))
    def either(self, info: Info) -> str:
        return "read"

    @strawberry.field(extensions=scoped())
    def mine(self, info: Info) -> str:
        return "mine"


schema = SubgraphSchema(query=Query)


def test_the_sdl_carries_the_rule_with_the_session_as_an_alternative() -> None:
    sdl = schema.as_str()
    assert (
        'either: String! @requiresScopes(scopes: [["session"], ["applications:read"], ["contacts:read"]])'
        in sdl
    )
    assert 'mine: String! @requiresScopes(scopes: [["session"]])' in sdl


@pytest.mark.parametrize(
    ("identity", "either", "mine"),
    [
        (Identity.person("ada"), None, None),
        (Identity("ada", frozenset({"contacts:read"})), None, "FORBIDDEN"),
        (Identity("ada", frozenset({"applications:read", "profile:read"})), None, "FORBIDDEN"),
        (Identity("ada", frozenset({"profile:read"})), "FORBIDDEN", "FORBIDDEN"),
        (Identity("ada"), "FORBIDDEN", "FORBIDDEN"),
        (None, "UNAUTHENTICATED", "UNAUTHENTICATED"),
    ],
)
async def test_who_passes(identity: Identity | None, either: str | None, mine: str | None) -> None:
    for field, expected in (("either", either), ("mine", mine)):
        result = await schema.execute(f"{{ {field} }}", context_value=Context(identity))
        codes = [(error.extensions or {}).get("code") for error in result.errors or ()]
        assert codes == ([expected] if expected else []), (field, result.errors)


async def test_a_refused_token_is_reported_rather_than_treated_as_anonymous() -> None:
    context = Context(None, Unauthenticated("the access token is invalid or expired"))
    result = await schema.execute("{ mine }", context_value=context)
    assert result.errors is not None
    assert result.errors[0].message == "the access token is invalid or expired"


def test_an_unknown_scope_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="applications:admin"):
        RequiresScope("applications:admin")
