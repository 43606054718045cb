"""Named fragments: expanded once each and merged where identical, so planning is linear in the document."""

from __future__ import annotations

import graphql
import pytest

from router.planner import PlanningBudget, PlanningLimitExceeded, build_plan
from router.planner.operation import FieldItem, normalize
from router.supergraph import load_supergraph

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: ACCOUNTS) { me: User @join__field(graph: ACCOUNTS) }
type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  name: String @join__field(graph: ACCOUNTS)
  friends: [User!]! @join__field(graph: ACCOUNTS)
  reviewCount: Int @join__field(graph: REVIEWS)
}
""",
    "accounts",
    "reviews",
)


def chain(n: int, leaf: str = "id name reviewCount") -> str:
    fragments = [f"fragment F{i} on User {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n)]
    return "{ me { ...F0 } } " + " ".join([*fragments, f"fragment F{n} on User {{ {leaf} }}"])


def test_a_fragment_chain_spreading_each_fragment_twice_plans_like_its_fields() -> None:
    # 2^40 spreads if expanded naively; merged, the chain is the three fields of its last fragment.
    expected = dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "accounts") {
              {
                me {
                  __typename
                  id
                  name
                }
              }
            },
            Flatten(path: "me") {
              Fetch(service: "reviews") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    reviewCount
                  }
                }
              },
            },
          },
        }
        """
    )
    assert plan_text(SDL, chain(40)) == expected
    assert plan_text(SDL, "{ me { id name reviewCount } }") == expected


def test_a_spread_fragment_is_expanded_once_and_shared() -> None:
    # `...F1 ...F1` collapses into one item at every level, and a fragment on the type it is in is its
    # fields: the chain's normal form is the fields of its last fragment.
    supergraph = load_supergraph(SDL)
    operation = normalize(graphql.parse(chain(3)), None, supergraph)
    [me] = operation.items
    assert isinstance(me, FieldItem)
    names = [item.name for item in me.selections if isinstance(item, FieldItem)]
    assert names == ["id", "name", "reviewCount"]
    inline = normalize(graphql.parse("{ me { id name reviewCount } }"), None, supergraph)
    assert operation.key == inline.key


def test_the_expanded_size_counts_a_shared_fragment_where_it_is_spread() -> None:
    # Each level selects `friends` twice under two aliases: those cannot merge, so the size doubles.
    fragments = [
        f"fragment F{i} on User {{ a: friends {{ ...F{i + 1} }} b: friends {{ ...F{i + 1} }} }}"
        for i in range(20)
    ]
    query = "{ me { ...F0 } } " + " ".join([*fragments, "fragment F20 on User { id }"])
    with pytest.raises(PlanningLimitExceeded) as refused:
        build_plan(load_supergraph(SDL), graphql.parse(query), None, PlanningBudget(max_selections=10_000))
    assert refused.value.limit == "max_selections"
    assert "more than the limit of 10000" in refused.value.message
