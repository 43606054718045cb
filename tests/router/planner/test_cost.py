"""Costs: how many fetches a field needs from a subgraph, memoised on the values asked about."""

from __future__ import annotations

import graphql

from router.planner.budget import UNLIMITED
from router.planner.cost import Costs
from router.planner.operation import FieldItem, normalize
from router.planner.routes import INFEASIBLE
from router.supergraph import load_supergraph

from .test_fragments import SDL


def root_field(query: str) -> FieldItem:
    [item] = normalize(graphql.parse(query), None, load_supergraph(SDL)).items
    assert isinstance(item, FieldItem)
    return item


def test_a_field_costs_its_fetch_and_the_jumps_below_it() -> None:
    costs = Costs(load_supergraph(SDL), UNLIMITED)
    assert costs.estimate("accounts", "Query", root_field("{ me { name } }")) == 1
    assert costs.estimate("accounts", "Query", root_field("{ me { name reviewCount } }")) == 2


def test_a_field_the_subgraph_cannot_reach_is_infeasible() -> None:
    costs = Costs(load_supergraph(SDL), UNLIMITED)
    assert costs.estimate("reviews", "Query", root_field("{ me { name } }")) == INFEASIBLE


def test_equal_fields_written_apart_share_one_estimate() -> None:
    first, second = root_field("{ me { name reviewCount } }"), root_field("query { me { name reviewCount } }")
    assert first is not second and first == second
    costs = Costs(load_supergraph(SDL), UNLIMITED)
    cost = costs.estimate("accounts", "Query", first)
    asked = len(costs.memo)
    assert costs.estimate("accounts", "Query", second) == cost
    assert len(costs.memo) == asked
