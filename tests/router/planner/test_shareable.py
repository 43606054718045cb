"""`@shareable` fields and `@override`: pick the subgraph that needs the fewest fetches."""

from __future__ import annotations

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  me: User @join__field(graph: A) @join__field(graph: B)
}
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  name: String @join__field(graph: A) @join__field(graph: B)
  nickname: String @join__field(graph: A)
  rank: Int @join__field(graph: B)
  plan: String @join__field(graph: B, override: "a") @join__field(graph: A, usedOverridden: true)
}
""",
    "a",
    "b",
)


def test_shared_root_field_goes_where_the_whole_selection_is() -> None:
    # `me` and `name` are in both; `rank` only in B: B answers everything in one fetch.
    assert plan_text(SDL, "{ me { name rank } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "b") {
            {
              me {
                name
                rank
              }
            }
          },
        }
        """
    )


def test_shared_field_stays_in_the_current_subgraph() -> None:
    # `nickname` forces A for `me`; `name` is shareable so A answers it too, without a second fetch.
    assert plan_text(SDL, "{ me { nickname name } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              me {
                nickname
                name
              }
            }
          },
        }
        """
    )


def test_overridden_field_is_fetched_from_the_new_owner() -> None:
    # `plan` moved to B (`@override(from: "a")`): A no longer resolves it.
    assert plan_text(SDL, "{ me { nickname plan } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                me {
                  __typename
                  nickname
                  id
                }
              }
            },
            Flatten(path: "me") {
              Fetch(service: "b") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    plan
                  }
                }
              },
            },
          },
        }
        """
    )


NESTED_SDL = supergraph(
    """
type Query @join__type(graph: R) @join__type(graph: S) { reviews: [Review] @join__field(graph: R) }
type Review @join__type(graph: R, key: "id") @join__type(graph: S, key: "id") {
  id: ID!
  info: Info @join__field(graph: R) @join__field(graph: S)
}
type Info @join__type(graph: R) @join__type(graph: S) {
  x: X @join__field(graph: R) @join__field(graph: S)
  y: Y @join__field(graph: R) @join__field(graph: S)
}
type X @join__type(graph: R, key: "id") @join__type(graph: S, key: "id") {
  id: ID! b: Int @join__field(graph: S)
}
type Y @join__type(graph: R, key: "id") @join__type(graph: S, key: "id") {
  id: ID! d: Int @join__field(graph: S)
}
""",
    "r",
    "s",
)


def test_shared_field_moves_to_the_subgraph_that_needs_fewer_fetches() -> None:
    # R could answer `info { x y }` but then needs two jumps (X and Y) to S; asking S for the whole
    # `info` through the Review key costs one.
    assert plan_text(NESTED_SDL, "{ reviews { info { x { b } y { d } } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "r") {
              {
                reviews {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "reviews.@") {
              Fetch(service: "s") {
                {
                  ... on Review {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Review {
                    info {
                      x {
                        b
                      }
                      y {
                        d
                      }
                    }
                  }
                }
              },
            },
          },
        }
        """
    )
