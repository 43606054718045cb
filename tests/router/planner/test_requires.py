"""`@requires`: the required fields are fetched first and sent in the representation."""

from __future__ import annotations

from router.planner.plan import Fetch, FieldSelection, Flatten, InlineFragmentSelection, Sequence

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: PRODUCTS) @join__type(graph: INVENTORY) @join__type(graph: SHIPPING) {
  products: [Product] @join__field(graph: PRODUCTS)
}
type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: INVENTORY, key: "id")
  @join__type(graph: SHIPPING, key: "id") {
  id: ID!
  price: Int @join__field(graph: PRODUCTS)
  weight(unit: String): Int @join__field(graph: SHIPPING) @join__field(graph: INVENTORY, external: true)
  dims: Dims @join__field(graph: PRODUCTS) @join__field(graph: INVENTORY, external: true)
  inStock: Boolean @join__field(graph: INVENTORY)
  packaging: String @join__field(graph: INVENTORY, requires: "dims { width height }")
  shippingEstimate: Int @join__field(graph: INVENTORY, requires: "weight(unit: \\"kg\\") price")
}
type Dims @join__type(graph: PRODUCTS) @join__type(graph: INVENTORY) { width: Int height: Int depth: Int }
""",
    "products",
    "inventory",
    "shipping",
)


def test_nested_required_fields_come_from_the_parent_fetch() -> None:
    # `dims { width height }` is in products, so products selects it next to the key and inventory
    # receives it in each representation; `inStock` (no requirement) rides along in the same fetch.
    assert plan_text(SDL, "{ products { inStock packaging } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "products") {
              {
                products {
                  __typename
                  id
                  dims {
                    width
                    height
                  }
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "inventory") {
                {
                  ... on Product {
                    __typename
                    id
                    dims {
                      width
                      height
                    }
                  }
                } =>
                {
                  ... on Product {
                    inStock
                    packaging
                  }
                }
              },
            },
          },
        }
        """
    )


def test_required_field_with_arguments_from_a_third_subgraph_waits_for_it() -> None:
    # `weight(unit: "kg")` lives in shipping: the inventory fetch must wait until shipping merged it.
    assert plan_text(SDL, "{ products { shippingEstimate } }") == dedent(
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
                    shippingEstimate
                  }
                }
              },
            },
          },
        }
        """
    )


ARGS_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { test: Test @join__field(graph: A) }
type Test @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  inKg: String @join__field(graph: A, requires: "weight(unit: \\"kg\\")")
  inLb: String @join__field(graph: A, requires: "weight(unit: \\"lb\\")")
  weight(unit: String!): Int @join__field(graph: A, external: true) @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_requirements_with_different_arguments_use_separate_representations() -> None:
    # B returns both weights (one under a planner alias); one representation cannot hold two `weight`
    # values, so A gets two entity fetches, one reading the alias back into `weight`.
    assert plan_text(ARGS_SDL, "{ test { inKg inLb } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                test {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "test") {
              Fetch(service: "b") {
                {
                  ... on Test {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Test {
                    weight(unit: "kg")
                    _weight0: weight(unit: "lb")
                  }
                }
              },
            },
            Parallel {
              Flatten(path: "test") {
                Fetch(service: "a") {
                  {
                    ... on Test {
                      __typename
                      id
                      weight
                    }
                  } =>
                  {
                    ... on Test {
                      inKg
                    }
                  }
                },
              },
              Flatten(path: "test") {
                Fetch(service: "a") {
                  {
                    ... on Test {
                      __typename
                      id
                      weight: _weight0
                    }
                  } =>
                  {
                    ... on Test {
                      inLb
                    }
                  }
                },
              },
            },
          },
        }
        """
    )


NESTED_ARGS_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { products: [Product] @join__field(graph: B) }
type Product @join__type(graph: A, key: "upc") @join__type(graph: B, key: "upc") {
  upc: String!
  category: Category @join__field(graph: A, external: true) @join__field(graph: B)
  isExpensiveCategory: Boolean
    @join__field(graph: A, requires: "category { averagePrice(currency: \\"USD\\") }")
}
type Category @join__type(graph: A) @join__type(graph: B) {
  averagePrice(currency: String!): Int @join__field(graph: A, external: true) @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_nested_requirement_conflicting_with_the_client_selection_is_aliased() -> None:
    # The client reads the EUR price where the requirement needs USD: B returns both, the requirement under
    # a planner alias, and the representation reads `category.averagePrice` from that alias.
    query = '{ products { category { averagePrice(currency: "EUR") } isExpensiveCategory } }'
    plan = plan_of(NESTED_ARGS_SDL, query)
    assert isinstance(plan.node, Sequence)
    root, flatten = plan.node.nodes
    assert isinstance(root, Fetch) and isinstance(flatten, Flatten) and isinstance(flatten.node, Fetch)
    assert root.operation == (
        '{products{__typename category{averagePrice(currency: "EUR") '
        '_averagePrice0:averagePrice(currency: "USD")} upc}}'
    )
    assert flatten.node.requires == (
        InlineFragmentSelection(
            "Product",
            (
                FieldSelection("__typename"),
                FieldSelection("upc"),
                FieldSelection("category", (FieldSelection("averagePrice", alias="_averagePrice0"),)),
            ),
        ),
    )


# The audit's requires-with-argument-conflict: A's `isExpensiveCategory` requires B's `averagePrice` in USD.
ARGUMENT_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { products: [Product] @join__field(graph: B) }
type Product @join__type(graph: A, key: "upc") @join__type(graph: B, key: "upc") {
  upc: String!
  category: Category @join__field(graph: A, external: true) @join__field(graph: B)
  isExpensiveCategory: Boolean
    @join__field(graph: A, requires: "category { averagePrice(currency: \\"USD\\") }")
}
type Category @join__type(graph: A) @join__type(graph: B) {
  averagePrice(currency: String!): Int @join__field(graph: A, external: true) @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_a_requirement_with_arguments_is_aliased_away_from_the_same_field_repeated_by_the_client() -> None:
    # The two `products` merge (spec: field merging) before planning, so the requirement, added after the
    # client's own `averagePrice(currency: "1")`, takes a planner alias instead of failing the plan.
    query = '{ products { isExpensiveCategory } products { category { averagePrice(currency: "1") } } }'
    assert plan_text(ARGUMENT_SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "b") {
              {
                products {
                  __typename
                  category {
                    averagePrice(currency: "1")
                    _averagePrice0: averagePrice(currency: "USD")
                  }
                  upc
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "a") {
                {
                  ... on Product {
                    __typename
                    upc
                    category {
                      averagePrice: _averagePrice0
                    }
                  }
                } =>
                {
                  ... on Product {
                    isExpensiveCategory
                  }
                }
              },
            },
          },
        }
        """
    )
