"""print_plan: the text form Apollo and Hive print (conditions, type conditions in paths, subscriptions)."""

from __future__ import annotations

from router.planner import print_plan
from router.planner.plan import (
    Condition,
    Fetch,
    FieldSelection,
    Flatten,
    InlineFragmentSelection,
    QueryPlan,
    TypeCondition,
)

from .sdl import dedent


def test_include_condition_and_type_condition_path() -> None:
    requires = (InlineFragmentSelection("Book", (FieldSelection("__typename"), FieldSelection("id"))),)
    entity = Fetch(
        "b",
        "query($representations:[_Any!]!){_entities(representations:$representations){...on Book{pages}}}",
        requires=requires,
    )
    plan = QueryPlan(Condition("withPages", Flatten(("media", "@", TypeCondition(("Book",))), entity)))
    assert print_plan(plan) == dedent(
        """
        QueryPlan {
          Include(if: $withPages) {
            Flatten(path: "media.@|[Book]") {
              Fetch(service: "b") {
                {
                  ... on Book {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Book {
                    pages
                  }
                }
              },
            },
          },
        }
        """
    )


def test_skip_and_two_branch_condition() -> None:
    fetch = Fetch("a", "{a}")
    assert print_plan(QueryPlan(Condition("v", None, fetch))).splitlines()[1] == "  Skip(if: $v) {"
    both = print_plan(QueryPlan(Condition("v", fetch, Fetch("b", "{b}"))))
    assert both.splitlines()[1:4] == ["  Condition(if: $v) {", "    Then {", '      Fetch(service: "a") {']
    assert "    Else {" in both.splitlines()


def test_representation_read_from_a_planner_alias_prints_as_name_colon_alias() -> None:
    requires = (
        InlineFragmentSelection("T", (FieldSelection("__typename"), FieldSelection("w", alias="_w0"))),
    )
    operation = "query($representations:[_Any!]!){_entities(representations:$representations){...on T{x}}}"
    fetch = Fetch("a", operation, requires=requires)
    assert "          w: _w0" in print_plan(QueryPlan(Flatten(("t",), fetch))).splitlines()
