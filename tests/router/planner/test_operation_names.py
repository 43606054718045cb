"""Subgraph operations are named `{ClientName}__{subgraph}__{index}` in plan order (Matches Apollo Router)."""

from __future__ import annotations

from router.planner.plan import Fetch, Flatten, Sequence

from .sdl import plan_of
from .test_mutations import SDL


def test_named_client_operation_names_every_fetch_in_plan_order() -> None:
    plan = plan_of(SDL, "mutation AddOne($n: String!) { addUser(name: $n) { reviewCount } }")
    assert isinstance(plan.node, Sequence)
    root, flatten = plan.node.nodes
    assert isinstance(root, Fetch) and isinstance(flatten, Flatten) and isinstance(flatten.node, Fetch)
    assert root.operation_name == "AddOne__a__0"
    assert root.operation == "mutation AddOne__a__0($n:String!){addUser(name: $n){__typename id}}"
    assert flatten.node.operation_name == "AddOne__b__1"
    assert flatten.node.operation.startswith("query AddOne__b__1($representations:[_Any!]!){_entities(")


def test_anonymous_client_operation_keeps_anonymous_fetches() -> None:
    plan = plan_of(SDL, '{ user(id: "1") { name } }')
    assert isinstance(plan.node, Fetch)
    assert plan.node.operation_name is None
    assert plan.node.operation == '{user(id: "1"){name}}'
