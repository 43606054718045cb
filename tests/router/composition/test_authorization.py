"""Composition carries @authenticated, @requiresScopes and @policy into the supergraph (Federation 2.5+)."""

from __future__ import annotations

from router.authorization import Requirements, Rule
from router.supergraph import load_supergraph
from tests.router.composition.harness import fed2, supergraph

IMPORTS = '"@key", "@shareable", "@authenticated", "@requiresScopes", "@policy"'
USERS = fed2(
    """
type Query { me: User @authenticated }
type User @key(fields: "id") {
  id: ID!
  name: String
  email: String @shareable @requiresScopes(scopes: [["profile:read"], ["admin"]])
}
type Secret @authenticated { code: String }
""",
    IMPORTS,
)
BILLING = fed2(
    """
type User @key(fields: "id") {
  id: ID!
  email: String @shareable @requiresScopes(scopes: [["billing"]]) @policy(policies: [["owner"]])
  plan: String
}
""",
    IMPORTS,
)


def test_the_directives_are_printed_with_their_specs() -> None:
    sdl = supergraph(users=fed2(USERS.split("\n", 1)[1].replace("email", "mail"), IMPORTS))
    assert '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)' in sdl
    assert '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)' in sdl
    assert "directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM" in sdl
    assert "scalar requiresScopes__Scope" in sdl
    assert "policy" not in sdl  # a spec nobody uses is not linked
    assert "  me: User @authenticated\n" in sdl
    assert 'mail: String @requiresScopes(scopes: [["profile:read"], ["admin"]])' in sdl
    assert "type Secret @join__type(graph: USERS) @authenticated" in sdl.replace("\n  ", " ")


def test_restrictions_from_several_subgraphs_all_apply() -> None:
    sdl = supergraph(users=USERS, billing=BILLING)
    # (profile:read OR admin) AND billing, and the owner policy.
    assert (
        '@policy(policies: [["owner"]]) @requiresScopes(scopes: [["billing", "profile:read"], ["admin", '
        in sdl
    )


def test_the_router_reads_what_the_composer_wrote() -> None:
    requirements = Requirements(load_supergraph(supergraph(users=USERS, billing=BILLING)).schema)
    assert requirements.fields["Query", "me"] == Rule(authenticated=True)
    assert requirements.types["Secret"] == Rule(authenticated=True)
    email = requirements.fields["User", "email"]
    assert set(email.scopes) == {frozenset({"billing", "profile:read"}), frozenset({"admin", "billing"})}
    assert email.policies == (frozenset({"owner"}),)
    assert requirements.policy_names == {"owner"}
