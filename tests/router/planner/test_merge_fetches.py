"""Optimisation pass: sibling fetches to one subgraph at one path merge into one `_entities` call."""

from __future__ import annotations

import graphql

from router.planner.groups import FetchGroup
from router.planner.merge_fetches import merge_sibling_fetches

from .sdl import dedent, plan_text, supergraph
from .test_requires import SDL


def test_fetch_waiting_for_a_requirement_absorbs_its_sibling() -> None:
    # `inStock` could go right after products, `shippingEstimate` must wait for shipping's weight: one
    # inventory fetch after shipping beats two inventory fetches (Matches Apollo's fetch-group merging).
    assert plan_text(SDL, "{ products { inStock shippingEstimate } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "products") {
              {
                products {
                  __typename
                  id
                  price
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "shipping") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    weight(unit: "kg")
                  }
                }
              },
            },
            Flatten(path: "products.@") {
              Fetch(service: "inventory") {
                {
                  ... on Product {
                    __typename
                    id
                    weight
                    price
                  }
                } =>
                {
                  ... on Product {
                    inStock
                    shippingEstimate
                  }
                }
              },
            },
          },
        }
        """
    )


def test_groups_that_wait_on_each_other_never_merge() -> None:
    root = FetchGroup(0, "a", (), False)
    first = FetchGroup(1, "b", ("x",), True, parent=root)
    second = FetchGroup(2, "b", ("x",), True, parent=root, depends_on={first})
    other_path = FetchGroup(3, "b", ("y", "z"), True, parent=root)
    kept = merge_sibling_fetches([root, first, second, other_path])
    assert [group.id for group in kept] == [0, 1, 2, 3]


def test_the_same_entities_under_two_root_keys_merge_into_one_fetch_over_both_paths() -> None:
    # `{ products { a } a3: products { b } }`: one `_entities` call resolves each product once.
    root = FetchGroup(0, "a", (), False)
    root.selection.add_field("products", composite=True)
    root.selection.add_field("products", "a3", composite=True)
    first = FetchGroup(1, "b", ("products", "@"), True, parent=root)
    second = FetchGroup(2, "b", ("a3", "@"), True, parent=root)
    nested = FetchGroup(3, "b", ("products", "@", "x"), True, parent=first)
    first.selection.add_field("a")
    second.selection.fragment("Product").add_field("b")
    kept = merge_sibling_fetches([root, first, second, nested])
    assert [group.id for group in kept] == [0, 1, 3]
    assert (first.path, first.other_paths) == (("products", "@"), [("a3", "@")])
    # Which path asked for which field, so an error about `b` is reported under `a3` alone.
    assert first.path_fields == {("products", "@"): {"a"}, ("a3", "@"): {"b"}}


def test_independent_siblings_merge_and_their_children_follow() -> None:
    root = FetchGroup(0, "a", (), False)
    first = FetchGroup(1, "b", ("x",), True, parent=root)
    second = FetchGroup(2, "b", ("x",), True, parent=root)
    child = FetchGroup(3, "c", ("x", "y"), True, parent=second)
    first.selection.add_field("f")
    second.selection.add_field("g")
    kept = merge_sibling_fetches([root, first, second, child])
    assert [group.id for group in kept] == [0, 1, 3]
    assert child.parent is first
    assert first.selection.print() == "{f g}"


def test_fetches_at_two_root_keys_stay_apart_when_a_key_would_select_two_fields() -> None:
    # `comments(limit: 3)` at one path, `comments(limit: 2)` at the other: one selection cannot hold both.
    root = FetchGroup(0, "a", (), False)
    root.selection.add_field("feed", composite=True)
    root.selection.add_field("feed", "a6", composite=True)
    first = FetchGroup(1, "b", ("feed", "@"), True, parent=root)
    second = FetchGroup(2, "b", ("a6", "@"), True, parent=root)
    first.selection.add_field("comments", None, _arguments("comments(limit: 3)"), (), True)
    second.selection.add_field("comments", None, _arguments("comments(limit: 2)"), (), True)
    assert [group.id for group in merge_sibling_fetches([root, first, second])] == [0, 1, 2]


def test_fetches_under_two_different_root_fields_stay_apart() -> None:
    # `{ user(id: "2") { files } me { resume } }`: other entities, each asked only for its own path's fields.
    root = FetchGroup(0, "a", (), False)
    root.selection.add_field("user", None, _arguments('user(id: "2")'), (), True)
    root.selection.add_field("me", composite=True)
    first = FetchGroup(1, "b", ("user",), True, parent=root)
    second = FetchGroup(2, "b", ("me",), True, parent=root)
    assert [group.id for group in merge_sibling_fetches([root, first, second])] == [0, 1, 2]


def test_fetches_under_one_root_field_with_other_arguments_stay_apart() -> None:
    # `{ user(id: "1") { files } a1: user(id: "2") { resume } }`: two people, not one reached twice.
    root = FetchGroup(0, "a", (), False)
    root.selection.add_field("user", None, _arguments('user(id: "1")'), (), True)
    root.selection.add_field("user", "a1", _arguments('user(id: "2")'), (), True)
    first = FetchGroup(1, "b", ("user",), True, parent=root)
    second = FetchGroup(2, "b", ("a1",), True, parent=root)
    assert [group.id for group in merge_sibling_fetches([root, first, second])] == [0, 1, 2]


def _arguments(field: str) -> tuple[graphql.ArgumentNode, ...]:
    [selection] = graphql.parse("{" + field + "}").definitions[0].selection_set.selections  # type: ignore[attr-defined]
    return tuple(selection.arguments)


# The audit's mutations suite, reduced: B resolves `isAvailable` (its reference resolver has side effects).
ALIASED_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { products: [Product!]! @join__field(graph: A) }
type Product @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  isAvailable: Boolean! @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_an_aliased_repeat_of_a_root_list_shares_one_entity_fetch() -> None:
    query = "{ products { isAvailable } a3: products { a4: isAvailable } }"
    assert plan_text(ALIASED_SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                products {
                  __typename
                  id
                }
                a3: products {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "products.@", "a3.@") {
              Fetch(service: "b") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    isAvailable
                    a4: isAvailable
                  }
                }
              },
            },
          },
        }
        """
    )


# jobgraph's own shape, reduced: users answers `me` and `user(id:)`, files adds `files` and `resume` to User.
PEOPLE_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  me: User @join__field(graph: A)
  user(id: ID!): User @join__field(graph: A)
}
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  files(after: String): [String!] @join__field(graph: B)
  resume: String @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_two_root_fields_of_one_entity_type_get_a_fetch_each() -> None:
    # Found by the differential run over jobgraph's own supergraph: merged into one fetch over both paths,
    # `files(after: "x")` was asked of `me` too, and its error reached the client at `me.files`, a field it
    # never selected. Each path's entities are asked for that path's fields only (Hive Gateway does the same).
    query = '{ user(id: "2") { files(after: "x") } me { resume } }'
    assert plan_text(PEOPLE_SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                user(id: "2") {
                  __typename
                  id
                }
                me {
                  __typename
                  id
                }
              }
            },
            Parallel {
              Flatten(path: "user") {
                Fetch(service: "b") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      files(after: "x")
                    }
                  }
                },
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
                      resume
                    }
                  }
                },
              },
            },
          },
        }
        """
    )
