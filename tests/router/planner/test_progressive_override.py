"""Progressive @override: the field comes from the overriding subgraph while its label is on, from the source
while it is off, and the plan cache keeps one plan per operation and set of labels on.

The subgraphs and the expected plans are Apollo's (apollo-federation,
tests/query_plan/build_query_plan_tests/overrides.rs: `it_handles_progressive_override_on_*` with the label
on, `it_does_not_override_unset_labels_on_*` with it off).
"""

from __future__ import annotations

import graphql

from router.planner import Planner, print_plan
from router.planner.override_labels import labels_touched
from router.supergraph import load_supergraph
from tests.router.composition.harness import fed2, supergraph

from .sdl import dedent
from .subgraph_schema import invalid_operations

ROOT = load_supergraph(
    supergraph(
        s1=fed2("type Query { hello: String }"),
        s2=fed2('type Query { hello: String @override(from: "s1", label: "test") }'),
    )
)
ENTITIES = load_supergraph(
    supergraph(
        s1=fed2("""
type Query { t: T t2: T2 }
type T @key(fields: "id") { id: ID! f1: String }
type T2 @key(fields: "id") { id: ID! f1: String @override(from: "s2", label: "test2") t: T }
"""),
        s2=fed2("""
type T @key(fields: "id") { id: ID! f1: String @override(from: "s1", label: "test") f2: String }
type T2 @key(fields: "id") { id: ID! f1: String f2: String }
"""),
    )
)


def plan_text(planner: Planner, query: str, *labels: str) -> str:
    plan = planner.plan(graphql.parse(query), None, labels=frozenset(labels))
    problems = invalid_operations(planner.supergraph, plan)
    assert not problems, problems
    return print_plan(plan)


def test_the_supergraph_knows_its_labels() -> None:
    assert ROOT.override_labels == {"test"}
    assert ENTITIES.override_labels == {"test", "test2"}


def test_a_root_field_comes_from_the_overriding_subgraph_while_its_label_is_on() -> None:
    assert plan_text(Planner(ROOT), "{ hello }", "test") == dedent(
        """
        QueryPlan {
          Fetch(service: "s2") {
            {
              hello
            }
          },
        }
        """
    )


def test_a_root_field_comes_from_the_source_while_its_label_is_off() -> None:
    assert plan_text(Planner(ROOT), "{ hello }") == dedent(
        """
        QueryPlan {
          Fetch(service: "s1") {
            {
              hello
            }
          },
        }
        """
    )


def test_an_entity_field_jumps_to_the_overriding_subgraph_while_its_label_is_on() -> None:
    # T.f1 now lives in s2 with f2: one entity fetch brings both.
    assert plan_text(Planner(ENTITIES), "{ t { f1 f2 } }", "test") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "s1") {
              {
                t {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "t") {
              Fetch(service: "s2") {
                {
                  ... on T {
                    __typename
                    id
                  }
                } =>
                {
                  ... on T {
                    f1
                    f2
                  }
                }
              },
            },
          },
        }
        """
    )


def test_an_entity_field_stays_with_the_source_while_its_label_is_off() -> None:
    # Apollo's plan, with this planner's order in the first fetch (the client's fields, then the key).
    assert plan_text(Planner(ENTITIES), "{ t { f1 f2 } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "s1") {
              {
                t {
                  __typename
                  f1
                  id
                }
              }
            },
            Flatten(path: "t") {
              Fetch(service: "s2") {
                {
                  ... on T {
                    __typename
                    id
                  }
                } =>
                {
                  ... on T {
                    f2
                  }
                }
              },
            },
          },
        }
        """
    )


def test_a_nested_entity_field_jumps_while_its_label_is_on() -> None:
    assert plan_text(Planner(ENTITIES), "{ t2 { t { f1 } } }", "test") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "s1") {
              {
                t2 {
                  t {
                    __typename
                    id
                  }
                }
              }
            },
            Flatten(path: "t2.t") {
              Fetch(service: "s2") {
                {
                  ... on T {
                    __typename
                    id
                  }
                } =>
                {
                  ... on T {
                    f1
                  }
                }
              },
            },
          },
        }
        """
    )


def test_a_nested_entity_field_needs_no_jump_while_its_label_is_off() -> None:
    # `test2` (T2.f1 into s1) is on but not asked for: it changes nothing here.
    assert plan_text(Planner(ENTITIES), "{ t2 { t { f1 } } }", "test2") == dedent(
        """
        QueryPlan {
          Fetch(service: "s1") {
            {
              t2 {
                t {
                  f1
                }
              }
            }
          },
        }
        """
    )


def test_the_overriding_subgraph_answers_the_other_labelled_field_only_while_its_label_is_off() -> None:
    # T2.f1 moves from s2 into s1 under `test2`: off, s2 still answers it.
    planner = Planner(ENTITIES)
    assert 'Fetch(service: "s2")' in plan_text(planner, "{ t2 { f1 } }")
    assert 'Fetch(service: "s2")' not in plan_text(planner, "{ t2 { f1 } }", "test2")


def test_the_plan_cache_keeps_one_plan_per_set_of_labels_on() -> None:
    planner = Planner(ROOT)
    off = planner.plan(graphql.parse("{ hello }"), None)
    on = planner.plan(graphql.parse("{ hello }"), None, labels=frozenset({"test"}))
    assert len(planner) == 2
    assert planner.plan(graphql.parse("{ hello }"), None) is off
    assert planner.plan(graphql.parse("{hello}"), None, labels=frozenset({"test"})) is on
    assert len(planner) == 2


def test_labels_the_supergraph_does_not_have_share_the_plan_with_no_labels() -> None:
    planner = Planner(ROOT)
    off = planner.plan(graphql.parse("{ hello }"), None)
    assert planner.plan(graphql.parse("{ hello }"), None, labels=frozenset({"elsewhere"})) is off
    assert len(planner) == 1


def test_an_operation_touches_the_labels_of_the_fields_it_selects() -> None:
    # By name: `f1` is labelled on T (`test`) and on T2 (`test2`), so both count, which can only cost a plan.
    assert labels_touched(ENTITIES, graphql.parse("{ t { f1 } }")) == {"test", "test2"}
    assert labels_touched(ENTITIES, graphql.parse("{ t { f2 } t2 { f2 } }")) == frozenset()
    assert labels_touched(ROOT, graphql.parse("query Q { ...F } fragment F on Query { hello }")) == {"test"}


def test_an_operation_touches_the_labels_its_requires_need() -> None:
    requiring = load_supergraph(
        supergraph(
            a=fed2('type Query { t: T } type T @key(fields: "id") { id: ID! price: Int }'),
            b=fed2(
                'type T @key(fields: "id") { id: ID! price: Int @external '
                'total: Int @requires(fields: "price") }'
            ),
            c=fed2('type T @key(fields: "id") { id: ID! price: Int @override(from: "a", label: "beta") }'),
        )
    )
    assert labels_touched(requiring, graphql.parse("{ t { total } }")) == {"beta"}
    assert labels_touched(requiring, graphql.parse("{ t { id } }")) == frozenset()


def test_a_labelled_key_field_is_touched_by_every_operation() -> None:
    sku = 'sku: String @override(from: "a", label: "beta")'
    keyed = load_supergraph(
        supergraph(
            a=fed2('type Query { t: T } type T @key(fields: "id") { id: ID! sku: String }'),
            b=fed2(f'type T @key(fields: "sku") {{ {sku} name: String }}'),
        )
    )
    assert labels_touched(keyed, graphql.parse("{ t { id } }")) == {"beta"}
