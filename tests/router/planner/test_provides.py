"""`@provides` and `@external`: provided fields are read in place, other external fields need a jump."""

from __future__ import annotations

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: REVIEWS) @join__type(graph: USERS) {
  reviews: [Review] @join__field(graph: REVIEWS)
}
type Review @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  author: User @join__field(graph: REVIEWS, provides: "username")
  editor: User @join__field(graph: REVIEWS)
}
type User @join__type(graph: REVIEWS, key: "id") @join__type(graph: USERS, key: "id") {
  id: ID!
  username: String @join__field(graph: REVIEWS, external: true) @join__field(graph: USERS)
  email: String @join__field(graph: USERS)
}
""",
    "reviews",
    "users",
)


def test_provided_field_needs_no_jump() -> None:
    # reviews is `@external` on username but `author` provides it: one fetch.
    assert plan_text(SDL, "{ reviews { author { username } } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "reviews") {
            {
              reviews {
                author {
                  username
                }
              }
            }
          },
        }
        """
    )


def test_external_field_without_provides_jumps_to_its_owner() -> None:
    # `editor` provides nothing, so the external username comes from users; the provided
    # `author.username` still stays in reviews.
    assert plan_text(SDL, "{ reviews { author { username email } editor { username } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "reviews") {
              {
                reviews {
                  author {
                    __typename
                    username
                    id
                  }
                  editor {
                    __typename
                    id
                  }
                }
              }
            },
            Parallel {
              Flatten(path: "reviews.@.author") {
                Fetch(service: "users") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      email
                    }
                  }
                },
              },
              Flatten(path: "reviews.@.editor") {
                Fetch(service: "users") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      username
                    }
                  }
                },
              },
            },
          },
        }
        """
    )
