"""Root fields: one fetch per subgraph, subgraphs in parallel, variables forwarded with their definitions."""

from __future__ import annotations

from router.planner.plan import Fetch, Parallel

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
  topProducts(first: Int): [Product!]! @join__field(graph: PRODUCTS)
  product(upc: String!): Product @join__field(graph: PRODUCTS)
  topReview: Review @join__field(graph: REVIEWS)
}
type Product @join__type(graph: PRODUCTS, key: "upc") @join__type(graph: REVIEWS, key: "upc") {
  upc: String!
  name: String @join__field(graph: PRODUCTS)
}
type Review @join__type(graph: REVIEWS) { body: String }
""",
    "products",
    "reviews",
)


def test_one_subgraph_one_fetch() -> None:
    # Both root fields live in `products`: one fetch carries them both.
    assert plan_text(SDL, '{ topProducts { name } product(upc: "1") { upc } }') == dedent(
        """
        QueryPlan {
          Fetch(service: "products") {
            {
              topProducts {
                name
              }
              product(upc: "1") {
                upc
              }
            }
          },
        }
        """
    )


def test_root_fields_of_two_subgraphs_run_in_parallel() -> None:
    # Neither fetch reads the other's data, so they run concurrently.
    assert plan_text(SDL, "{ topProducts { name } topReview { body } }") == dedent(
        """
        QueryPlan {
          Parallel {
            Fetch(service: "products") {
              {
                topProducts {
                  name
                }
              }
            },
            Fetch(service: "reviews") {
              {
                topReview {
                  body
                }
              }
            },
          },
        }
        """
    )


def test_variables_are_declared_with_defaults_and_listed_as_usages() -> None:
    # Only the variables a subgraph operation uses are declared, keeping the client's default value.
    plan = plan_of(SDL, "query($n: Int = 5) { topProducts(first: $n) { name } topReview { body } }")
    assert isinstance(plan.node, Parallel)
    fetches = {fetch.service_name: fetch for fetch in plan.node.nodes if isinstance(fetch, Fetch)}
    assert fetches["products"].operation == "query($n:Int=5){topProducts(first: $n){name}}"
    assert fetches["products"].variable_usages == ("n",)
    assert fetches["reviews"].operation == "{topReview{body}}"
    assert fetches["reviews"].variable_usages == ()


def test_named_operation_is_selected() -> None:
    document = "query A { topReview { body } } query B { topProducts { upc } }"
    assert 'Fetch(service: "products")' in plan_text(SDL, document, "B")


def test_typename_and_introspection_need_no_fetch() -> None:
    # The router answers `__typename` on the root and introspection itself.
    assert plan_of(SDL, "{ __typename __schema { queryType { name } } }").node is None
    assert plan_text(SDL, "{ __typename }") == "QueryPlan {\n}"
