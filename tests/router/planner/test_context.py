"""`@fromContext`: the context value is selected on the enclosing object that sets the context, and the field
is fetched through `_entities` with one variable per contextual argument (Matches Apollo's query planner:
`query-planner-js/src/__tests__/buildPlan.test.ts`, "@fromContext impacts on query planning"; the
`KeyRenamer` lines are Apollo's `contextRewrites`, which its text form leaves out).
"""

from __future__ import annotations

import pytest

from router.planner.operation import PlanningError
from tests.router.composition.harness import supergraph

from .sdl import dedent, plan_text

IMPORTS = '"@key", "@external", "@context", "@fromContext"'
FED = f'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [{IMPORTS}])\n'
SUBGRAPH2 = FED + 'type Query { a: Int! } type U @key(fields: "id") { id: ID! }'


def test_the_value_from_the_same_subgraph_rides_in_the_parent_fetch() -> None:
    # Even in the same subgraph the field is fetched again through `_entities`: that call is the only way
    # to pass the value (Apollo plans exactly this).
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: T! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }
type U @key(fields: "id") {
  id: ID!
  b: String!
  field(a: String @fromContext(field: "$context { prop }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert plan_text(sdl, "{ t { u { b field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    b
                    id
                  }
                  prop
                }
              }
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on T", "prop"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )


def test_a_value_only_another_subgraph_has_is_fetched_before() -> None:
    # `prop` is @external where the context is set: it comes from Subgraph2 first, then the field.
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: T! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! @external }
type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$context { prop }")): Int! }
""",
        Subgraph2=FED + """
type Query { a: Int! }
type T @key(fields: "id") { id: ID! prop: String! }
type U @key(fields: "id") { id: ID! }
""",
    )
    assert plan_text(sdl, "{ t { u { id field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    id
                  }
                  id
                }
              }
            },
            Flatten(path: "t") {
              Fetch(service: "Subgraph2") {
                {
                  ... on T {
                    __typename
                    id
                  }
                } =>
                {
                  ... on T {
                    prop
                  }
                }
              },
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on T", "prop"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )


def test_a_context_set_in_another_subgraph_is_read_where_the_object_already_is() -> None:
    # Subgraph2 sets the context on T, but T is reached (with `prop`) in Subgraph1's root fetch: the value
    # rides there, and Subgraph2 is called once, for the field (Apollo: "fromContext variable is already in a
    # different fetch group").
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query { t: T! }
type T @key(fields: "id") { id: ID! u: U! prop: String! }
type U @key(fields: "id") { id: ID! }
""",
        Subgraph2=FED
        + """
type Query { a: Int! }
type T @key(fields: "id") @context(name: "context") { id: ID! prop: String! @external }
type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$context { prop }")): Int! }
""",
    )
    assert plan_text(sdl, "{ t { u { id field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    id
                  }
                  prop
                }
              }
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph2") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_2_0)
                  }
                }
                KeyRenamer(path: ["..", "... on T", "prop"], renameKeyTo: "contextualArgument_2_0")
              },
            },
          },
        }
        """
    )

def test_lists_between_the_context_and_the_field_do_not_count_as_steps_up() -> None:
    # One `..` for `u`: list positions are walked past, as in Apollo's relative paths.
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: [T]! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: [U]! prop: String! }
type U @key(fields: "id") {
  id: ID!
  b: String!
  field(a: String @fromContext(field: "$context { prop }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert plan_text(sdl, "{ t { u { b field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    b
                    id
                  }
                  prop
                }
              }
            },
            Flatten(path: "t.@.u.@") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on T", "prop"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )


def test_a_context_on_an_interface_is_read_per_implementation() -> None:
    # Matches Apollo: one rewrite per implementation, both into the same variable.
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: I! }
interface I @context(name: "context") @key(fields: "id") { id: ID! u: U! prop: String! }
type A implements I @key(fields: "id") { id: ID! u: U! prop: String! }
type B implements I @key(fields: "id") { id: ID! u: U! prop: String! }
type U @key(fields: "id") {
  id: ID!
  b: String!
  field(a: String @fromContext(field: "$context { prop }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert plan_text(sdl, "{ t { u { b field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    b
                    id
                  }
                  prop
                }
              }
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on A", "prop"], renameKeyTo: "contextualArgument_1_0")
                KeyRenamer(path: ["..", "... on B", "prop"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )


def test_a_context_on_a_union_reads_through_type_conditions() -> None:
    # The selection's `... on A` / `... on B` become the rewrites' type steps.
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: T! }
union T @context(name: "context") = A | B
type A @key(fields: "id") { id: ID! u: U! prop: String! }
type B @key(fields: "id") { id: ID! u: U! other: String! }
type U @key(fields: "id") {
  id: ID!
  b: String!
  field(a: String @fromContext(field: "$context ... on A { prop } ... on B { other }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert plan_text(sdl, "{ t { ... on A { u { b field } } ... on B { u { b field } } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  ... on A {
                    __typename
                    u {
                      __typename
                      b
                      id
                    }
                    prop
                  }
                  ... on B {
                    __typename
                    u {
                      __typename
                      b
                      id
                    }
                    other
                  }
                }
              }
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on A", "prop"], renameKeyTo: "contextualArgument_1_0")
                KeyRenamer(path: ["..", "... on B", "other"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )


def test_each_argument_reads_the_nearest_object_setting_its_context() -> None:
    # Two contexts on one field: `outer` two objects up, `inner` one up; one variable each.
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: T! }
type T @key(fields: "id") @context(name: "outer") { id: ID! v: V! name: String! }
type V @key(fields: "id") @context(name: "inner") { id: ID! u: U! code: Int! }
type U @key(fields: "id") {
  id: ID!
  field(a: String @fromContext(field: "$outer { name }"), b: Int @fromContext(field: "$inner { code }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert plan_text(sdl, "{ t { v { u { field } } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  v {
                    __typename
                    u {
                      __typename
                      id
                    }
                    code
                  }
                  name
                }
              }
            },
            Flatten(path: "t.v.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0, b: $contextualArgument_1_1)
                  }
                }
                KeyRenamer(path: ["..", "..", "... on T", "name"], renameKeyTo: "contextualArgument_1_0")
                KeyRenamer(path: ["..", "... on V", "code"], renameKeyTo: "contextualArgument_1_1")
              },
            },
          },
        }
        """
    )


def test_a_nested_selection_is_read_key_by_key() -> None:
    # `$context { owner { name } }`: the whole path below the context object is in the rewrite.
    sdl = supergraph(
        Subgraph1=FED + """
type Query { t: T! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: U! owner: Owner! }
type Owner { name: String! }
type U @key(fields: "id") {
  id: ID!
  field(a: String @fromContext(field: "$context { owner { name } }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert plan_text(sdl, "{ t { u { field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    id
                  }
                  owner {
                    name
                  }
                }
              }
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on T", "owner", "name"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )


def test_the_value_is_selected_in_an_earlier_fetch_that_answers_it_in_place() -> None:
    # teams sets the context on Org but has `currency` @external; orgs, whose root fetch already selects the
    # organisations, answers it there: no `_entities` call back to orgs just for the value.
    orgs = FED + 'type Query { orgs: [Org!]! } type Org @key(fields: "id") { id: ID! currency: String! }'
    teams = FED + """
type Org @key(fields: "id") @context(name: "org") { id: ID! currency: String! @external teams: [Team!]! }
type Team @key(fields: "id") {
  id: ID!
  budget(currency: String @fromContext(field: "$org { currency }")): String!
}
"""
    assert plan_text(supergraph(orgs=orgs, teams=teams), "{ orgs { teams { budget } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "orgs") {
              {
                orgs {
                  __typename
                  id
                  currency
                }
              }
            },
            Flatten(path: "orgs.@") {
              Fetch(service: "teams") {
                {
                  ... on Org {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Org {
                    teams {
                      __typename
                      id
                    }
                  }
                }
              },
            },
            Flatten(path: "orgs.@.teams.@") {
              Fetch(service: "teams") {
                {
                  ... on Team {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Team {
                    budget(currency: $contextualArgument_2_0)
                  }
                }
                KeyRenamer(path: ["..", "... on Org", "currency"], renameKeyTo: "contextualArgument_2_0")
              },
            },
          },
        }
        """
    )


def test_a_field_reached_outside_every_context_cannot_be_planned() -> None:
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query { t: T! u: U! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }
type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$context { prop }")): Int! }
""",
        Subgraph2=SUBGRAPH2,
    )
    with pytest.raises(PlanningError, match="no enclosing object sets context 'Subgraph1__context'"):
        plan_text(sdl, "{ u { field } }")


def test_a_deep_selection_going_back_and_forth_between_subgraphs_is_fetched_before_the_field() -> None:
    # Apollo: "fromContext required field is several levels deep going back and forth between subgraphs":
    # `a { b { c { prop } } }` needs Subgraph2 for `b` and Subgraph1 again for `c`; the field's fetch waits.
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query { t: T! }
type A @key(fields: "id") { id: ID! b: B! @external }
type B @key(fields: "id") { id: ID! c: C! }
type C @key(fields: "id") { id: ID! prop: String! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: U! a: A! }
type U @key(fields: "id") {
  id: ID!
  b: String!
  field(a: String @fromContext(field: "$context { a { b { c { prop }}} }")): Int!
}
""",
        Subgraph2=FED
        + """
type Query { randomId: ID! }
type A @key(fields: "id") { id: ID! b: B! }
type B @key(fields: "id") { id: ID! }
""",
    )
    assert plan_text(sdl, "{ t { u { field } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                t {
                  __typename
                  u {
                    __typename
                    id
                  }
                  a {
                    __typename
                    id
                  }
                }
              }
            },
            Flatten(path: "t.a") {
              Fetch(service: "Subgraph2") {
                {
                  ... on A {
                    __typename
                    id
                  }
                } =>
                {
                  ... on A {
                    b {
                      __typename
                      id
                    }
                  }
                }
              },
            },
            Flatten(path: "t.a.b") {
              Fetch(service: "Subgraph1") {
                {
                  ... on B {
                    __typename
                    id
                  }
                } =>
                {
                  ... on B {
                    c {
                      prop
                    }
                  }
                }
              },
            },
            Flatten(path: "t.u") {
              Fetch(service: "Subgraph1") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    field(a: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "... on T", "a", "b", "c", "prop"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """  # noqa: E501 (a printed plan line)
    )


def test_a_context_on_the_query_type_is_read_from_the_response_root() -> None:
    # Apollo: "fromContext accesses a different top level query": the path has no type step at the root.
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query @context(name: "topLevelQuery") { me: User! product: Product }
type User @key(fields: "id") { id: ID! locale: String! }
type Product @key(fields: "id") {
  id: ID!
  price(locale: String @fromContext(field: "$topLevelQuery { me { locale } }")): Int!
}
""",
        Subgraph2=FED + 'type Query { randomId: ID! } type Product @key(fields: "id") { id: ID! }',
    )
    assert plan_text(sdl, "{ product { price } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                __typename
                product {
                  __typename
                  id
                }
                me {
                  locale
                }
              }
            },
            Flatten(path: "product") {
              Fetch(service: "Subgraph1") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    price(locale: $contextualArgument_1_0)
                  }
                }
                KeyRenamer(path: ["..", "me", "locale"], renameKeyTo: "contextualArgument_1_0")
              },
            },
          },
        }
        """
    )
