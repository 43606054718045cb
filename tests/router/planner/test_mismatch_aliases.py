"""Fields whose types differ between type conditions of one response object get planner aliases."""

from __future__ import annotations

from .sdl import dedent, plan_text, supergraph

# The audit's child-type-mismatch: B types `User.id` as `ID!`, `Admin.id` as `ID`.
SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { accounts: [Account!]! @join__field(graph: B) }
type User @join__type(graph: A) @join__type(graph: B, key: "id") {
  id: ID @join__field(graph: A, type: "ID") @join__field(graph: B, type: "ID!")
  similarAccounts: [Account!]! @join__field(graph: B)
}
type Admin @join__type(graph: B) { id: ID similarAccounts: [Account!]! }
union Account @join__type(graph: B) @join__unionMember(graph: B, member: "User")
  @join__unionMember(graph: B, member: "Admin") = User | Admin
""",
    "a",
    "b",
)


def test_the_same_field_under_sibling_type_conditions_shares_one_scope_for_its_subfields() -> None:
    # Both `similarAccounts` land under one response key, so their subfields must merge too: User's `ID!`
    # id takes a planner alias (subgraph validation rejected the operation before).
    query = (
        "{ accounts { ... on User { similarAccounts { ... on User { id } } }"
        " ... on Admin { similarAccounts { ... on Admin { id } } } } }"
    )
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Fetch(service: "b") {
            {
              accounts {
                __typename
                ... on Admin {
                  similarAccounts {
                    __typename
                    ... on Admin {
                      id
                    }
                  }
                }
                ... on User {
                  similarAccounts {
                    __typename
                    ... on User {
                      _id0: id
                    }
                  }
                }
              }
            }
          },
        }
        """
    )
