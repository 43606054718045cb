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
        Subgraph1=FED
        + """
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
        Subgraph1=FED
        + """
type Query { t: T! }
type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! @external }
type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$context { prop }")): Int! }
""",
        Subgraph2=FED
        + """
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
        Subgraph1=FED
        + """
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
        Subgraph1=FED
        + """
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
        Subgraph1=FED
        + """
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
        Subgraph1=FED
        + """
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
        Subgraph1=FED
        + """
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


def test_a_fetch_below_the_context_object_takes_the_value_as_a_variable_of_its_own() -> None:
    # teams sets the context on Org but has `currency` @external; orgs, whose root fetch already selects the
    # organisations, answers it there. The teams fetch for each Org then selects `budget` itself, the value
    # read from each of its entities (Matches Apollo: "fromContext efficiently merge fetch groups").
    orgs = FED + 'type Query { orgs: [Org!]! } type Org @key(fields: "id") { id: ID! currency: String! }'
    teams = (
        FED
        + """
type Org @key(fields: "id") @context(name: "org") { id: ID! currency: String! @external teams: [Team!]! }
type Team @key(fields: "id") {
  id: ID!
  budget(currency: String @fromContext(field: "$org { currency }")): String!
}
"""
    )
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
                      budget(currency: $contextualArgument_2_0)
                    }
                  }
                }
                KeyRenamer(path: ["currency"], renameKeyTo: "contextualArgument_2_0")
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


def test_apollos_efficiently_merged_fetch_groups() -> None:
    # Apollo: "fromContext efficiently merge fetch groups" (four subgraphs, two contexts on Customer): both
    # values of `foo` come from sg2's root fetch and ride in sg3's one fetch for the customer.
    fed = FED.replace('"@external"', '"@external", "@shareable", "@requires"')
    sdl = supergraph(
        sg1=fed
        + """
type Identifiers @key(fields: "id") {
  id: ID!
  id2: ID @external
  id3: ID @external
  wid: ID @requires(fields: "id2 id3")
}
""",
        sg2=fed
        + """
type Query { customer: Customer }
type Customer @key(fields: "id") { id: ID! identifiers: Identifiers mid: ID }
type Identifiers @key(fields: "id") { id: ID! id2: ID id3: ID id5: ID }
""",
        sg3=fed
        + """
type Customer @key(fields: "id") @context(name: "retailCtx") {
  accounts: Accounts @shareable
  id: ID!
  mid: ID @external
  identifiers: Identifiers @external
}
type Identifiers @key(fields: "id") { id: ID! id5: ID @external }
type Accounts @key(fields: "id") {
  foo(
    randomInput: String
    ctx_id5: ID @fromContext(field: "$retailCtx { identifiers { id5 } }")
    ctx_mid: ID @fromContext(field: "$retailCtx { mid }")
  ): Foo
  id: ID!
}
type Foo { id: ID }
""",
        sg4=fed
        + """
type Customer @key(fields: "id", resolvable: false) @context(name: "widCtx") {
  accounts: Accounts @shareable
  id: ID!
  identifiers: Identifiers @external
}
type Identifiers @key(fields: "id", resolvable: false) { id: ID! wid: ID @external }
type Accounts @key(fields: "id") {
  bar(ctx_wid: ID @fromContext(field: "$widCtx { identifiers { wid } }")): Bar
  id: ID!
}
type Bar { id: ID }
""",
    )
    assert plan_text(sdl, "{ customer { accounts { foo { id } } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "sg2") {
              {
                customer {
                  __typename
                  id
                  identifiers {
                    id5
                  }
                  mid
                }
              }
            },
            Flatten(path: "customer") {
              Fetch(service: "sg3") {
                {
                  ... on Customer {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Customer {
                    accounts {
                      foo(ctx_id5: $contextualArgument_3_0, ctx_mid: $contextualArgument_3_1) {
                        id
                      }
                    }
                  }
                }
                KeyRenamer(path: ["identifiers", "id5"], renameKeyTo: "contextualArgument_3_0")
                KeyRenamer(path: ["mid"], renameKeyTo: "contextualArgument_3_1")
              },
            },
          },
        }
        """
    )
