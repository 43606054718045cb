"""Mutations: top-level fields run strictly in order (spec: ExecuteMutation → serial execution)."""

from __future__ import annotations

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { user(id: ID!): User @join__field(graph: A) }
type Mutation @join__type(graph: A) @join__type(graph: B) {
  addUser(name: String!): User @join__field(graph: A)
  renameUser(id: ID!, name: String!): User @join__field(graph: A)
  addReview(body: String!): Review @join__field(graph: B)
}
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  name: String @join__field(graph: A)
  reviewCount: Int @join__field(graph: B)
}
type Review @join__type(graph: B) { body: String }
""",
    "a",
    "b",
    mutation=True,
)


def test_mutation_fields_run_in_order_with_their_entity_fetches_in_between() -> None:
    # addUser (A) and its reviewCount (B) finish before addReview (B) starts; renameUser follows addReview
    # so it cannot join addUser's fetch. Root mutation fetches print their operation type, as Hive does.
    query = """
    mutation($n: String!) {
      addUser(name: $n) { id reviewCount }
      addReview(body: "hi") { body }
      renameUser(id: "1", name: $n) { name }
    }
    """
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              mutation {
                addUser(name: $n) {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "addUser") {
              Fetch(service: "b") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    reviewCount
                  }
                }
              },
            },
            Fetch(service: "b") {
              mutation {
                addReview(body: "hi") {
                  body
                }
              }
            },
            Fetch(service: "a") {
              mutation {
                renameUser(id: "1", name: $n) {
                  name
                }
              }
            },
          },
        }
        """
    )


def test_consecutive_fields_of_one_subgraph_share_a_fetch() -> None:
    plan = plan_text(SDL, 'mutation { addUser(name: "a") { id } renameUser(id: "1", name: "b") { name } }')
    assert plan.count("Fetch(") == 1
