"""Value types without keys: split a shared root field, re-fetch the parent entity, gather key fields."""

from __future__ import annotations

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
