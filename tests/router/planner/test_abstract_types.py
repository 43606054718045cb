"""Interfaces and unions across subgraphs: shared fields on the interface, type conditions per object."""

from __future__ import annotations

import pytest

from router.planner import PlanningError

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  media: [Media] @join__field(graph: A)
  search: [Result] @join__field(graph: A)
}
interface Media @join__type(graph: A) @join__type(graph: B) {
  id: ID!
  title: String @join__field(graph: A)
}
type Book implements Media @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
  @join__implements(graph: A, interface: "Media") @join__implements(graph: B, interface: "Media") {
  id: ID!
  title: String @join__field(graph: A)
  pages: Int @join__field(graph: B)
}
type Movie implements Media @join__type(graph: A, key: "id") @join__implements(graph: A, interface: "Media") {
  id: ID!
  title: String
  duration: Int
}
union Result @join__type(graph: A) @join__unionMember(graph: A, member: "Book")
  @join__unionMember(graph: A, member: "Movie") = Book | Movie
""",
    "a",
    "b",
)


def test_interface_fields_stay_on_the_interface_and_type_conditions_jump_per_type() -> None:
    # `title` is an interface field A resolves for every implementation; only Book.pages lives in B,
    # so only Book objects become representations (the executor filters by `... on Book`).
    assert plan_text(SDL, "{ media { title ... on Book { pages } ... on Movie { duration } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                media {
                  __typename
                  title
                  ... on Book {
                    __typename
                    id
                  }
                  ... on Movie {
                    duration
                  }
                }
              }
            },
            Flatten(path: "media.@") {
              Fetch(service: "b") {
                {
                  ... on Book {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Book {
                    pages
                  }
                }
              },
            },
          },
        }
        """
    )


def test_union_members_and_named_fragments() -> None:
    # The named fragment on the interface applies to both union members; the subgraph receives it
    # expanded per member type, with `__typename` so the executor knows each value's runtime type.
    query = """
    query { search { ...M ... on Book { pages } } }
    fragment M on Media { title }
    """
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                search {
                  __typename
                  ... on Book {
                    __typename
                    title
                    id
                  }
                  ... on Movie {
                    title
                  }
                }
              }
            },
            Flatten(path: "search.@") {
              Fetch(service: "b") {
                {
                  ... on Book {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Book {
                    pages
                  }
                }
              },
            },
          },
        }
        """
    )


def test_fragment_on_a_type_the_subgraph_cannot_return_is_dropped() -> None:
    # B implements Media only with Book; a root field returning Media from A still keeps Movie,
    # but inside B's entity fetch a Movie condition could never match and is not sent.
    plan = plan_text(SDL, "{ media { ... on Movie { title } ... on Book { title pages } } }")
    assert "... on Movie" in plan
    b_fetch = plan.split('Fetch(service: "b")')[1]
    assert "Movie" not in b_fetch


NODE_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  node(id: ID!): Node @join__field(graph: A) @join__field(graph: B)
}
interface Node @join__type(graph: A) @join__type(graph: B) { id: ID! }
type Account implements Node @join__type(graph: A, key: "id") @join__implements(graph: A, interface: "Node") {
  id: ID!
}
type Chat implements Node @join__type(graph: B, key: "id") @join__implements(graph: B, interface: "Node") {
  id: ID!
}
""",
    "a",
    "b",
)


def test_shared_abstract_root_field_goes_where_the_type_condition_can_match() -> None:
    # Only B can return a Chat: asking A would silently drop the client's `... on Chat`.
    plan = plan_text(NODE_SDL, '{ chat: node(id: "c1") { ... on Chat { id } } }')
    assert 'Fetch(service: "b")' in plan
    assert 'Fetch(service: "a")' not in plan


OVERRIDE_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { feed: [Post] @join__field(graph: A) }
interface Post @join__type(graph: A) @join__type(graph: B) { id: ID! createdAt: String! }
type ImagePost implements Post @join__implements(graph: A, interface: "Post")
  @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  createdAt: String! @join__field(graph: A, usedOverridden: true) @join__field(graph: B, override: "a")
}
type TextPost implements Post @join__implements(graph: A, interface: "Post")
  @join__type(graph: A, key: "id") {
  id: ID!
  createdAt: String!
}
""",
    "a",
    "b",
)


def test_interface_field_overridden_on_one_implementation_is_not_read_on_the_interface() -> None:
    # A declares `Post.createdAt`, but ImagePost's moved to B (`@override`): asking A on the interface would
    # return A's stale value, so ImagePost gets its own jump while TextPost stays in A.
    assert plan_text(OVERRIDE_SDL, "{ feed { createdAt } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                feed {
                  __typename
                  ... on ImagePost {
                    __typename
                    id
                  }
                  ... on TextPost {
                    createdAt
                  }
                }
              }
            },
            Flatten(path: "feed.@") {
              Fetch(service: "b") {
                {
                  ... on ImagePost {
                    __typename
                    id
                  }
                } =>
                {
                  ... on ImagePost {
                    createdAt
                  }
                }
              },
            },
          },
        }
        """
    )


EXTERNAL_KEY_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { node(id: ID!): Node }
interface Node @join__type(graph: A) @join__type(graph: B) { id: ID! }
type Account implements Node @join__implements(graph: A, interface: "Node")
  @join__implements(graph: B, interface: "Node")
  @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID! @join__field(graph: A) @join__field(graph: B, external: true)
}
type Chat implements Node @join__implements(graph: A, interface: "Node")
  @join__implements(graph: B, interface: "Node")
  @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID! @join__field(graph: A, external: true) @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_shared_root_field_prefers_the_subgraph_owning_the_fragment_type() -> None:
    # Both subgraphs know both types, but Chat.id is `@external` in A (a real external: Chat is not an
    # extension there), so chats are asked of B and accounts of A (Matches Hive on the audit's
    # corrupted-supergraph-node-id).
    query = (
        '{ account: node(id: "a1") { ... on Account { id } } chat: node(id: "c1") { ... on Chat { id } } }'
    )
    plan = plan_text(EXTERNAL_KEY_SDL, query)
    a_fetch, b_fetch = plan.split('Fetch(service: "a")')[1], plan.split('Fetch(service: "b")')[1]
    assert "account: node" in a_fetch.split("Fetch(")[0]
    assert "chat: node" in b_fetch.split("Fetch(")[0]


@pytest.mark.parametrize(
    "query",
    [
        '{ node(id: "a1") { id } }',
        '{ account: node(id: "a1") { id ... on Chat { id } } }',
    ],
)
def test_an_external_key_field_is_neither_answered_nor_sent_as_a_key(query: str) -> None:
    # `Node.id` for every implementation: A cannot return Chat.id and B cannot return Account.id (both
    # `@external` on types they define), and neither can jump with a key it cannot read. No plan exists,
    # so the request fails instead of echoing whatever id the subgraph put there (Matches Apollo and Hive:
    # the audit's corrupted-supergraph-node-id expects `data: null` with errors).
    with pytest.raises(PlanningError):
        plan_text(EXTERNAL_KEY_SDL, query)


def test_an_external_key_field_under_its_own_fragment_plans_from_the_owner() -> None:
    # The same field asked only under `... on Chat` plans: B owns Chat.id.
    plan = plan_text(EXTERNAL_KEY_SDL, '{ node(id: "c1") { ... on Chat { id } } }')
    assert plan == dedent(
        """
        QueryPlan {
          Fetch(service: "b") {
            {
              node(id: "c1") {
                __typename
                ... on Chat {
                  id
                }
              }
            }
          },
        }
        """
    )


# The audit's union-intersection: A types `book` as the object Book, the supergraph as the union Media.
CONCRETE_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  book: Media @join__field(graph: A, type: "Book") @join__field(graph: B, type: "Media")
}
union Media @join__type(graph: A) @join__type(graph: B) @join__unionMember(graph: A, member: "Book")
  @join__unionMember(graph: B, member: "Book") @join__unionMember(graph: A, member: "Song") = Book | Song
type Book @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  aTitle: String! @join__field(graph: A)
}
type Song @join__type(graph: A, key: "id") { id: ID! }
""",
    "a",
    "b",
)


def test_a_field_concrete_in_the_subgraph_still_selects_the_runtime_type() -> None:
    # The projection needs `__typename` to apply `... on Book` to a Media (without it `book` read as null),
    # and `... on Song` can never match a Book, which leaves `__typename` as the whole selection.
    assert plan_text(CONCRETE_SDL, "{ book { ... on Book { aTitle } } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              book {
                __typename
                aTitle
              }
            }
          },
        }
        """
    )
    assert plan_text(CONCRETE_SDL, "{ book { ... on Song { id } } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              book {
                __typename
              }
            }
          },
        }
        """
    )
