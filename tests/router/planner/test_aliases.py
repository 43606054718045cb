"""Aliases: subgraph operations keep the client's aliases; planner aliases avoid the keys clients took."""

from __future__ import annotations

from router.planner.plan import Fetch, FieldSelection, Flatten, InlineFragmentSelection, KeyRenamer, Sequence

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: PRODUCTS) @join__type(graph: INVENTORY) {
  products: [Product] @join__field(graph: PRODUCTS)
}
type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: INVENTORY, key: "id") {
  id: ID!
  name: String @join__field(graph: PRODUCTS)
  weight(unit: String): Int @join__field(graph: PRODUCTS) @join__field(graph: INVENTORY, external: true)
  delivery: Int @join__field(graph: INVENTORY, requires: "weight(unit: \\"kg\\")")
  stock: Int @join__field(graph: INVENTORY)
}
""",
    "products",
    "inventory",
)


def test_client_aliases_are_kept_in_the_subgraph_operation_and_flatten_path() -> None:
    # Data merges by response key, so the subgraph must answer under the client's alias `items`.
    assert plan_text(SDL, "{ items: products { title: name stock } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "products") {
              {
                items: products {
                  __typename
                  title: name
                  id
                }
              }
            },
            Flatten(path: "items.@") {
              Fetch(service: "inventory") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    stock
                  }
                }
              },
            },
          },
        }
        """
    )


def test_key_taken_by_a_client_alias_gets_a_planner_alias() -> None:
    # The client named `name` "id"; the real key is fetched as `_id0` and the representation reads it there.
    plan = plan_of(SDL, "{ products { id: name stock } }")
    assert isinstance(plan.node, Sequence)
    root, flatten = plan.node.nodes
    assert isinstance(root, Fetch) and isinstance(flatten, Flatten) and isinstance(flatten.node, Fetch)
    assert root.operation == "{products{__typename id:name _id0:id}}"
    assert flatten.node.requires == (
        InlineFragmentSelection(
            "Product", (FieldSelection("__typename"), FieldSelection("id", alias="_id0"))
        ),
    )


def test_requirement_with_other_arguments_than_the_client_field_is_aliased() -> None:
    # The client asks weight in pounds, `delivery` requires it in kilograms: both are fetched, the
    # requirement under a planner alias that the representation reads back into `weight`.
    plan = plan_of(SDL, '{ products { weight(unit: "lb") delivery } }')
    assert isinstance(plan.node, Sequence)
    root, flatten = plan.node.nodes
    assert isinstance(root, Fetch) and isinstance(flatten, Flatten) and isinstance(flatten.node, Fetch)
    assert root.operation == '{products{__typename weight(unit: "lb") _weight0:weight(unit: "kg") id}}'
    assert flatten.node.requires == (
        InlineFragmentSelection(
            "Product",
            (FieldSelection("__typename"), FieldSelection("id"), FieldSelection("weight", alias="_weight0")),
        ),
    )


MISMATCH_SDL = supergraph(
    """
type Query @join__type(graph: A) { accounts: [Account!]! }
union Account @join__type(graph: A) @join__unionMember(graph: A, member: "User")
  @join__unionMember(graph: A, member: "Admin") = User | Admin
type User @join__type(graph: A) { id: ID @join__field(graph: A, type: "ID!") name: String }
type Admin @join__type(graph: A) { id: ID name: String }
""",
    "a",
)


def test_same_key_with_different_types_per_type_condition_is_aliased_and_renamed_back() -> None:
    # Spec SameResponseShape: `id: ID` (Admin) and `id: ID!` (User) cannot share a response key in one
    # subgraph operation; User's gets a planner alias and a KeyRenamer restores `id` before merging.
    plan = plan_of(MISMATCH_SDL, "{ accounts { ... on User { id name } ... on Admin { id name } } }")
    assert isinstance(plan.node, Fetch)
    assert plan.node.operation == "{accounts{__typename ...on Admin{id name} ...on User{_id0:id name}}}"
    assert plan.node.output_rewrites == (KeyRenamer(("accounts", "@", "... on User", "_id0"), "id"),)
