"""`@skip` / `@include`: passed through to the subgraphs, with the variables they use."""

from __future__ import annotations

from router.planner.plan import Condition, Fetch, Flatten, Sequence

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { users: [User] @join__field(graph: A) }
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  name: String @join__field(graph: A)
  email: String @join__field(graph: B)
}
""",
    "a",
    "b",
)


def test_directives_travel_with_their_fields() -> None:
    # The subgraphs evaluate the conditions themselves; each fetch declares the variable it uses. B's fetch
    # selects nothing else, so with `$e` true it is not sent at all (Matches Apollo's `Skip(if:)`).
    query = "query($n: Boolean!, $e: Boolean = false) { users { name @include(if: $n) email @skip(if: $e) } }"
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                users {
                  __typename
                  name @include(if: $n)
                  id
                }
              }
            },
            Skip(if: $e) {
              Flatten(path: "users.@") {
                Fetch(service: "b") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      email @skip(if: $e)
                    }
                  }
                },
              },
            },
          },
        }
        """
    )
    plan = plan_of(SDL, query)
    assert isinstance(plan.node, Sequence)
    root, condition = plan.node.nodes
    assert isinstance(condition, Condition)
    flatten = condition.else_clause
    assert isinstance(root, Fetch) and root.variable_usages == ("n",)
    assert root.operation == "query($n:Boolean!){users{__typename name @include(if: $n) id}}"
    assert isinstance(flatten, Flatten) and isinstance(flatten.node, Fetch)
    assert flatten.node.variable_usages == ("e",)
    assert flatten.node.operation.startswith("query($representations:[_Any!]!,$e:Boolean=false){")


def test_fragment_directives_are_kept_on_the_fragment() -> None:
    query = "query($n: Boolean!) { users { ... @include(if: $n) { name } } }"
    assert "... on User @include(if: $n) {" in plan_text(SDL, query)


def test_keys_for_a_conditional_jump_are_selected_unconditionally() -> None:
    # The entity fetch runs whatever `$n` is, so its representation's key must not sit under the condition.
    query = "query($n: Boolean!) { users { ... @include(if: $n) { name email } } }"
    plan = plan_of(SDL, query)
    assert isinstance(plan.node, Sequence)
    root = plan.node.nodes[0]
    assert isinstance(root, Fetch)
    assert root.operation == "query($n:Boolean!){users{__typename id ...on User @include(if: $n){name}}}"
    # `email` left the conditional fragment for B but keeps its condition, so B's fetch is conditional too.
    condition = plan.node.nodes[1]
    assert isinstance(condition, Condition) and condition.condition == "n"
    assert isinstance(condition.if_clause, Flatten) and isinstance(condition.if_clause.node, Fetch)
    assert "...on User{...on User @include(if: $n){email}}" in condition.if_clause.node.operation


def test_condition_of_a_fragment_left_empty_is_not_declared() -> None:
    # Every field under the condition moved to B, so A's operation has no use for `$n` and must not declare it
    # (spec: NoUnusedVariables would reject the subgraph operation).
    plan = plan_of(SDL, "query($n: Boolean!) { users { ... @include(if: $n) { email } } }")
    assert isinstance(plan.node, Sequence)
    root = plan.node.nodes[0]
    assert isinstance(root, Fetch)
    assert root.operation == "{users{__typename id}}"
    assert root.variable_usages == ()


ROOTS_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  users: [User] @join__field(graph: A)
  banner: String @join__field(graph: B)
}
type User @join__type(graph: A, key: "id") { id: ID! }
""",
    "a",
    "b",
)


def test_root_fetch_entirely_under_one_condition_becomes_an_include_node() -> None:
    # Every field B would answer hangs on `$b`: with `$b` false the executor skips B entirely (Matches
    # Apollo's `Include(if:)`); the directive stays in the operation too.
    assert plan_text(ROOTS_SDL, "query($b: Boolean!) { users { id } banner @include(if: $b) }") == dedent(
        """
        QueryPlan {
          Parallel {
            Fetch(service: "a") {
              {
                users {
                  id
                }
              }
            },
            Include(if: $b) {
              Fetch(service: "b") {
                {
                  banner @include(if: $b)
                }
              },
            },
          },
        }
        """
    )


def test_skip_on_every_root_field_of_a_subgraph_becomes_a_skip_node() -> None:
    plan = plan_of(ROOTS_SDL, "query($s: Boolean!) { users @skip(if: $s) { id } }")
    assert isinstance(plan.node, Condition)
    assert (plan.node.condition, plan.node.if_clause) == ("s", None)
    assert isinstance(plan.node.else_clause, Fetch)


# The audit's requires-interface, reduced: A's `city` requires `address { id }`, which only B resolves.
REQUIRES_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) { a: User @join__field(graph: A) }
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  address: Address @join__field(graph: A, external: true) @join__field(graph: B)
  city: String @join__field(graph: A, requires: "address { id }")
  country: String @join__field(graph: A)
}
type Address @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") { id: ID! }
""",
    "a",
    "b",
)


def test_a_repeated_field_keeps_its_literal_exclusion() -> None:
    # Spec CollectFields: `@skip(if: false) @include(if: false)` excludes the second `users`, so `email` is
    # never asked for and B is not called (the audit's include-skip ran the excluded field).
    query = "{ users { name } users @skip(if: false) @include(if: false) { email } }"
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              users {
                name
              }
            }
          },
        }
        """
    )


def test_a_literally_skipped_field_neither_costs_its_requirements_nor_hides_them() -> None:
    # The skipped `city` needs no `address` from B; the excluded client `address { id }` does not take the
    # `@skip` onto the requirement `city` needs in the same operation.
    assert plan_text(REQUIRES_SDL, "{ a { city @skip(if: true) country } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              a {
                country
              }
            }
          },
        }
        """
    )
    assert plan_text(REQUIRES_SDL, "{ a { address { id @skip(if: true) } } a { city } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                a {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "a") {
              Fetch(service: "b") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    address {
                      __typename
                      id
                    }
                  }
                }
              },
            },
            Flatten(path: "a") {
              Fetch(service: "a") {
                {
                  ... on User {
                    __typename
                    id
                    address {
                      id
                    }
                  }
                } =>
                {
                  ... on User {
                    city
                  }
                }
              },
            },
          },
        }
        """
    )


# The audit's child-type-mismatch: B types `User.id` as `ID!`, `Admin.id` as `ID`.
MISMATCH_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  node: Account @join__field(graph: B)
  accounts: [Account!]! @join__field(graph: B)
}
type User @join__type(graph: A) @join__type(graph: B, key: "id") {
  id: ID @join__field(graph: A, type: "ID") @join__field(graph: B, type: "ID!")
}
type Admin @join__type(graph: B) { id: ID }
union Account @join__type(graph: B) @join__unionMember(graph: B, member: "User")
  @join__unionMember(graph: B, member: "Admin") = User | Admin
""",
    "a",
    "b",
)


def test_a_fragment_under_a_condition_is_aliased_like_its_siblings() -> None:
    # The `@include` fragment nests inside Admin's; its `id` lands in the same object as User's and still
    # differs in type, so one of them takes a planner alias (spec: FieldsInSetCanMerge).
    query = "query($x: Boolean!) { accounts { ... on User { id } ... on Admin @include(if: $x) { id } } }"
    assert plan_text(MISMATCH_SDL, query) == dedent(
        """
        QueryPlan {
          Fetch(service: "b") {
            {
              accounts {
                __typename
                ... on Admin {
                  ... on Admin @include(if: $x) {
                    id
                  }
                }
                ... on User {
                  _id0: id
                }
              }
            }
          },
        }
        """
    )


def test_an_abstract_selection_left_empty_by_literal_conditions_selects_its_typename() -> None:
    # Nothing of the client's remains, yet the subgraph operation must select something; the client's
    # answer is `{}` (projected from its own operation).
    assert plan_text(MISMATCH_SDL, "{ node { ... on User @include(if: false) { id } } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "b") {
            {
              node {
                __typename
              }
            }
          },
        }
        """
    )


def test_a_repeat_under_a_variable_condition_keeps_it_inside_the_unconditional_field() -> None:
    # `users @include(if: $x) { email }` joins `users { name }` as `... @include(if: $x) { email }`, so
    # with `$x` false B is not called (merging the fields used to drop the condition and fetch `email`).
    query = "query($x: Boolean!) { users { name } users @include(if: $x) { email } }"
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                users {
                  __typename
                  name
                  id
                }
              }
            },
            Include(if: $x) {
              Flatten(path: "users.@") {
                Fetch(service: "b") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      ... on User @include(if: $x) {
                        email
                      }
                    }
                  }
                },
              },
            },
          },
        }
        """
    )
