"""Value types without keys: split a shared root field, re-fetch the parent entity, gather key fields."""

from __future__ import annotations

import graphql
import pytest

from router.planner import build_plan
from router.planner.operation import PlanningError
from router.supergraph import load_supergraph

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  shop: Shop @join__field(graph: A) @join__field(graph: B)
  products: [Product] @join__field(graph: A)
}
type Shop @join__type(graph: A) @join__type(graph: B) {
  name: String @join__field(graph: A)
  rating: Int @join__field(graph: B)
}
type Product @join__type(graph: A, key: "id") @join__type(graph: C, key: "id") {
  id: ID!
  category: Category
}
type Category @join__type(graph: A) @join__type(graph: C) {
  title: String @join__field(graph: A)
  details: String @join__field(graph: C)
}
""",
    "a",
    "b",
    "c",
)


def test_shared_root_field_is_split_over_subgraphs_when_none_has_everything() -> None:
    # Shop has no key, so no entity jump can bring `rating` to A's shop: each subgraph answers its part
    # of `shop` and both results merge at the root.
    assert plan_text(SDL, "{ shop { name rating } }") == dedent(
        """
        QueryPlan {
          Parallel {
            Fetch(service: "a") {
              {
                shop {
                  name
                }
              }
            },
            Fetch(service: "b") {
              {
                shop {
                  rating
                }
              }
            },
          },
        }
        """
    )


def test_unreachable_value_type_field_refetches_the_parent_entity() -> None:
    # Category has no key, so C's `details` is reached through the parent Product (a key in both):
    # C answers `category { details }` for each product; A keeps `category { title }`.
    assert plan_text(SDL, "{ products { category { title details } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                products {
                  __typename
                  id
                  category {
                    title
                  }
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "c") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    category {
                      details
                    }
                  }
                }
              },
            },
          },
        }
        """
    )


# The audit's parent-entity-call: A and B both key Product and know Category's `title`; only C (where
# Category has no key) knows `details`.
TWO_SHORT_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  products: [Product] @join__field(graph: A)
}
type Product @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
  @join__type(graph: C, key: "id") {
  id: ID!
  category: Category
}
type Category @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  title: String @join__field(graph: A) @join__field(graph: B)
  details: String @join__field(graph: C)
}
""",
    "a",
    "b",
    "c",
)


def test_a_fragment_restating_the_type_is_split_field_by_field_for_a_parent_entity_call() -> None:
    # `... on Category { }` is the field's own type: `title` stays in A and only `details` re-fetches the
    # parent (A and B used to hand the whole fragment back and forth until RecursionError).
    query = "{ products { category { ... on Category { title details } } } }"
    assert plan_text(TWO_SHORT_SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                products {
                  __typename
                  id
                  category {
                    title
                  }
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "c") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    category {
                      details
                    }
                  }
                }
              },
            },
          },
        }
        """
    )


def test_a_conditional_fragment_is_split_field_by_field_too() -> None:
    query = "query($s: Boolean!) { products { category { ... @skip(if: $s) { title details } } } }"
    assert plan_text(TWO_SHORT_SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                products {
                  __typename
                  id
                  category {
                    ... on Category @skip(if: $s) {
                      title
                    }
                  }
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "c") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    category {
                      ... on Category @skip(if: $s) {
                        details
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


def test_a_field_no_subgraph_can_finish_is_a_planning_error_not_a_recursion() -> None:
    # C cannot be entered (its Product is not resolvable), so A and B each fall short: each is tried once,
    # then planning fails with a reason instead of handing the field back and forth.
    sdl = TWO_SHORT_SDL.replace(
        '@join__type(graph: C, key: "id")', '@join__type(graph: C, key: "id", resolvable: false)'
    )
    with pytest.raises(PlanningError, match="no subgraph can resolve"):
        build_plan(load_supergraph(sdl), graphql.parse("{ products { category { title details } } }"), None)
