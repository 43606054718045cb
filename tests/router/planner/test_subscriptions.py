"""Subscriptions: the primary fetch opens the stream, the rest runs for every event."""

from __future__ import annotations

from router.planner.plan import Fetch, Subscription

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { user(id: ID!): User @join__field(graph: A) }
type Subscription @join__type(graph: B) { reviewAdded: Review @join__field(graph: B) }
type Review @join__type(graph: B) { body: String author: User }
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  name: String @join__field(graph: A)
}
""",
    "a",
    "b",
    subscription=True,
)


def test_subscription_with_entity_fetch_per_event() -> None:
    # Only B can subscribe; each event's author name comes from A.
    assert plan_text(SDL, "subscription { reviewAdded { body author { name } } }") == dedent(
        """
        QueryPlan {
          Subscription {
            Primary: {
              Fetch(service: "b") {
                subscription {
                  reviewAdded {
                    body
                    author {
                      __typename
                      id
                    }
                  }
                }
              },
            },
            Rest: {
              Flatten(path: "reviewAdded.author") {
                Fetch(service: "a") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      name
                    }
                  }
                },
              },
            },
          },
        }
        """
    )


def test_subscription_operation_kind() -> None:
    plan = plan_of(SDL, "subscription { reviewAdded { body } }")
    assert isinstance(plan.node, Subscription)
    assert plan.node.rest is None
    assert isinstance(plan.node.primary, Fetch)
    assert plan.node.primary.operation == "subscription{reviewAdded{body}}"
    assert plan.node.primary.operation_kind == "subscription"
