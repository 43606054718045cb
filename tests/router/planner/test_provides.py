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


# The audit's provides-on-interface: `media` is shareable in A and B. From A (which knows only the media's
# id) the animals come from C; from B, whose `@provides` covers the animals' id and name, only Cat.age does.
INTERFACE_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  media: Media @join__field(graph: A) @join__field(graph: B, provides: "animals { id name }")
}
interface Media @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  id: ID!
  animals: [Animal] @join__field(graph: B) @join__field(graph: C)
}
interface Animal @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) { id: ID! name: String }
type Book implements Media @join__implements(graph: A, interface: "Media")
  @join__implements(graph: B, interface: "Media") @join__implements(graph: C, interface: "Media")
  @join__type(graph: A, key: "id") @join__type(graph: B) @join__type(graph: C, key: "id") {
  id: ID!
  animals: [Animal] @join__field(graph: A) @join__field(graph: B, external: true) @join__field(graph: C)
}
type Cat implements Animal @join__implements(graph: A, interface: "Animal")
  @join__implements(graph: B, interface: "Animal") @join__implements(graph: C, interface: "Animal")
  @join__type(graph: A, key: "id") @join__type(graph: B) @join__type(graph: C, key: "id") {
  id: ID! @join__field(graph: A, external: true) @join__field(graph: B, external: true) @join__field(graph: C)
  name: String @join__field(graph: B, external: true) @join__field(graph: C)
  age: Int @join__field(graph: C)
}
""",
    "a",
    "b",
    "c",
)


def test_equal_fetch_counts_prefer_the_subgraph_whose_first_fetch_answers_more() -> None:
    # Two fetches either way; from B the second one selects only `age` for the cats, from A it would select
    # every animal field. Matches Apollo (later stages of a plan cost more) and the audit, whose A refuses
    # `media` precisely to catch the plan that starts there.
    assert plan_text(INTERFACE_SDL, "{ media { id animals { id name ... on Cat { age } } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "b") {
              {
                media {
                  __typename
                  id
                  animals {
                    __typename
                    id
                    name
                    ... on Cat {
                      __typename
                      id
                    }
                  }
                }
              }
            },
            Flatten(path: "media.animals.@") {
              Fetch(service: "c") {
                {
                  ... on Cat {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Cat {
                    age
                  }
                }
              },
            },
          },
        }
        """
    )
