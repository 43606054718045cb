"""Small Federation 2 supergraphs for planner tests, and a helper that plans and prints an operation."""

from __future__ import annotations

import functools
import textwrap

import graphql

from router.planner import build_plan, print_plan
from router.planner.plan import QueryPlan
from router.supergraph import Supergraph, load_supergraph
from tests.router.supergraph.sdl import supergraph

from .subgraph_schema import invalid_operations

__all__ = ["dedent", "plan_of", "plan_text", "supergraph"]


@functools.cache
def _load(sdl: str) -> Supergraph:
    return load_supergraph(sdl)


def plan_of(sdl: str, query: str, operation_name: str | None = None) -> QueryPlan:
    """Validate `query` against the API schema and plan it; every subgraph operation of the plan must be
    valid against that subgraph's schema (rebuilt from the supergraph)."""
    loaded = _load(sdl)
    document = graphql.parse(query)
    errors = graphql.validate(loaded.api_schema, document)
    assert not errors, errors
    plan = build_plan(loaded, document, operation_name)
    problems = invalid_operations(loaded, plan)
    assert not problems, problems
    return plan


def plan_text(sdl: str, query: str, operation_name: str | None = None) -> str:
    """The printed plan of `query` (see `plan_of`)."""
    return print_plan(plan_of(sdl, query, operation_name))


def dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n")
