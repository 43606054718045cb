"""Small Federation 2 supergraphs for planner tests, and a helper that plans and prints an operation."""

from __future__ import annotations

import functools
import textwrap

import graphql

from router.planner import build_plan, print_plan
from router.planner.plan import QueryPlan
from router.supergraph import Supergraph, load_supergraph

from .subgraph_schema import invalid_operations

HEADER = """
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
{
  query: Query
  %(roots)s
}

directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM
  | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String,
  external: Boolean, override: String, usedOverridden: Boolean) repeatable
  on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false,
  resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable
  on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
"""


def supergraph(body: str, *graphs: str, mutation: bool = False, subscription: bool = False) -> str:
    """A supergraph over `graphs` (enum values are the upper-cased names) with the given type definitions."""
    roots = "mutation: Mutation\n" if mutation else ""
    roots += "subscription: Subscription" if subscription else ""
    values = "\n".join(f'  {g.upper()} @join__graph(name: "{g}", url: "http://{g}/graphql")' for g in graphs)
    return HEADER % {"roots": roots} + "enum join__Graph {\n" + values + "\n}\n" + body


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
