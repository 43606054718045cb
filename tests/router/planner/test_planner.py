"""Planner: operations are normalized first, and each normal form is planned once (the plan cache)."""

from __future__ import annotations

import graphql

from router.planner import Planner, build_plan, print_plan
from router.planner.fetches import map_fetches
from router.planner.plan import Fetch, QueryPlan
from router.supergraph import load_supergraph

from .test_fragments import SDL


def plans(*queries: str) -> tuple[Planner, list[QueryPlan]]:
    planner = Planner(load_supergraph(SDL))
    return planner, [planner.plan(graphql.parse(query), None) for query in queries]


def test_two_spellings_of_one_operation_are_planned_once() -> None:
    inline = "{ me { name reviewCount } }"
    spellings = (
        inline,
        "query { me { ... on User { name } reviewCount } }",
        "{ me { ...F } } fragment F on User { name reviewCount }",
        "{ me { name reviewCount name @include(if: true) id @skip(if: true) } }",
    )
    planner, planned = plans(*spellings)
    assert len(planner) == 1
    assert all(plan is planned[0] for plan in planned)
    assert planned[0] == build_plan(load_supergraph(SDL), graphql.parse(inline), None)


def test_different_operations_have_their_own_plans() -> None:
    planner, planned = plans(
        "{ me { name } }",
        "{ me { reviewCount } }",
        "{ me { other: name } }",
        "query Named { me { name } }",
        "query($v: Boolean!) { me { name @include(if: $v) } }",
        "query($v: Boolean! = true) { me { name @include(if: $v) } }",
    )
    assert len(planner) == 6
    # The last two differ only in the variable's default, which the subgraph operation declares too.
    assert len({print_plan(plan) + repr(operations(plan)) for plan in planned}) == 6


def operations(plan: QueryPlan) -> list[str]:
    """The subgraph operations of a plan, in plan order."""
    found: list[str] = []

    def note(fetch: Fetch) -> Fetch:
        found.append(fetch.operation)
        return fetch

    if plan.node is not None:
        map_fetches(plan.node, note)
    return found


def test_a_cached_plan_is_the_same_plan_object() -> None:
    planner = Planner(load_supergraph(SDL))
    first = planner.plan(graphql.parse("{ me { name } }"), None)
    again = planner.plan(graphql.parse("{\n  me {\n    name\n  }\n}"), None)
    assert again is first
