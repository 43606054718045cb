"""`@interfaceObject`: a subgraph that knows an interface only as an object type with a key."""

from __future__ import annotations

from router.planner.plan import Fetch, Flatten, Sequence, ValueSetter

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  media: [Media] @join__field(graph: A)
  topMedia: Media @join__field(graph: B)
}
interface Media @join__type(graph: A, key: "id") @join__type(graph: B, key: "id", isInterfaceObject: true) {
  id: ID!
  title: String @join__field(graph: A)
  reviews: [String] @join__field(graph: B)
}
type Book implements Media @join__implements(graph: A, interface: "Media") @join__type(graph: A, key: "id") {
  id: ID!
  title: String @join__field(graph: A)
  reviews: [String] @join__field
  pages: Int @join__field(graph: A)
}
""",
    "a",
    "b",
)


def test_field_of_the_interface_object_is_fetched_as_the_interface() -> None:
    # B only knows `Media`: one `... on Media` jump covers every implementation, and each representation's
    # `__typename` (Book, ...) is rewritten to "Media" before it is sent (Matches Apollo).
    query = "{ media { title reviews } }"
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                media {
                  __typename
                  title
                  id
                }
              }
            },
            Flatten(path: "media.@") {
              Fetch(service: "b") {
                {
                  ... on Media {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Media {
                    reviews
                  }
                }
              },
            },
          },
        }
        """
    )
    plan = plan_of(SDL, query)
    assert isinstance(plan.node, Sequence)
    flatten = plan.node.nodes[1]
    assert isinstance(flatten, Flatten)
    assert isinstance(flatten.node, Fetch)
    assert flatten.node.input_rewrites == (ValueSetter(("... on Media", "__typename"), "Media"),)


def test_implementation_fragment_jumps_per_object_type() -> None:
    # Inside `... on Book` the object type is known; the representation is still rewritten to the interface.
    plan = plan_of(SDL, "{ media { ... on Book { reviews } } }")
    assert isinstance(plan.node, Sequence)
    flatten = plan.node.nodes[1]
    assert isinstance(flatten, Flatten) and isinstance(flatten.node, Fetch)
    assert flatten.node.input_rewrites == (ValueSetter(("... on Book", "__typename"), "Media"),)
    assert "...on Media{reviews}" in flatten.node.operation


def test_runtime_type_and_implementation_fields_come_from_the_real_interface() -> None:
    # B would answer `__typename: "Media"`; the concrete type and Book.pages come from A's entity interface.
    assert plan_text(SDL, "{ topMedia { reviews __typename ... on Book { pages } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "b") {
              {
                topMedia {
                  __typename
                  reviews
                  id
                }
              }
            },
            Flatten(path: "topMedia") {
              Fetch(service: "a") {
                {
                  ... on Media {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Media {
                    __typename
                    ... on Book {
                      pages
                    }
                  }
                }
              },
            },
          },
        }
        """
    )
