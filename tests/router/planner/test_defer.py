"""`@defer` in plans: a Defer node with the primary part and one deferred part per fragment, printed as Apollo
prints it (query-planner-js `queryPlanSerializer.ts`): each part's client selection, `:`, then its plan."""

from __future__ import annotations

from router.planner.plan import Defer

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  t: T @join__field(graph: A)
  v: V @join__field(graph: A)
}
type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  a: String @join__field(graph: A)
  b: String @join__field(graph: B)
}
type V @join__type(graph: A) {
  x: Int
  y: Int
}
""",
    "a",
    "b",
)


def test_a_deferred_field_of_another_subgraph_is_fetched_from_there_once_the_key_is_in() -> None:
    # Matches Apollo (buildPlan.defer.test.ts, 'with defer-support enabled'): the primary fetch selects the
    # key, the deferred part is one entity fetch to B that depends on it (`id: 0`).
    assert plan_text(SDL, "{ t { a ... @defer { b } } }") == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  a
                }
              }:
              Fetch(service: "a", id: 0) {
                {
                  t {
                    __typename
                    a
                    id
                  }
                }
              }
            }, [
              Deferred(depends: [0], path: "t") {
                {
                  b
                }:
                Flatten(path: "t") {
                  Fetch(service: "b") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        b
                      }
                    }
                  },
                }
              },
            ]
          },
        }
        """
    )


def test_a_deferred_field_of_the_same_subgraph_is_fetched_again_through_the_key() -> None:
    # `a` comes from A like `t` itself: deferring it costs a second A fetch, through T's key, after the first.
    assert plan_text(SDL, '{ t { b ... @defer(label: "late") { a } } }') == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  b
                }
              }:
              Sequence {
                Fetch(service: "a", id: 0) {
                  {
                    t {
                      __typename
                      id
                    }
                  }
                },
                Flatten(path: "t") {
                  Fetch(service: "b") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        b
                      }
                    }
                  },
                },
              }
            }, [
              Deferred(depends: [0], path: "t", label: "late") {
                {
                  a
                }:
                Flatten(path: "t") {
                  Fetch(service: "a") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        a
                      }
                    }
                  },
                }
              },
            ]
          },
        }
        """
    )


def test_a_deferred_fragment_on_the_root_type_has_root_fetches_of_its_own() -> None:
    # Nothing to wait for: the deferred part starts from the root (depends on no fetch).
    assert plan_text(SDL, "{ t { a } ... @defer { v { x } } }") == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  a
                }
              }:
              Fetch(service: "a") {
                {
                  t {
                    a
                  }
                }
              }
            }, [
              Deferred(depends: [], path: "") {
                {
                  v {
                    x
                  }
                }:
                Fetch(service: "a") {
                  {
                    v {
                      x
                    }
                  }
                }
              },
            ]
          },
        }
        """
    )


def test_a_deferred_fragment_on_a_value_type_comes_with_the_primary_fetch() -> None:
    # V has no key, so it cannot be fetched again on its own: `y` is fetched with the primary part and only
    # sent later (Matches Apollo's '@defer on value type': a Deferred part without a plan).
    assert plan_text(SDL, "{ v { x ... @defer { y } } }") == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                v {
                  x
                }
              }:
              Fetch(service: "a") {
                {
                  v {
                    x
                    y
                  }
                }
              }
            }, [
              Deferred(depends: [], path: "v") {
                {
                  y
                }:
              },
            ]
          },
        }
        """
    )


def test_defer_if_false_plans_as_without_defer() -> None:
    # Spec: `@defer(if: false)` does not defer; the plan is the one without the directive.
    assert plan_text(SDL, "{ t { a ... @defer(if: false) { b } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                t {
                  __typename
                  a
                  id
                }
              }
            },
            Flatten(path: "t") {
              Fetch(service: "b") {
                {
                  ... on T {
                    __typename
                    id
                  }
                } =>
                {
                  ... on T {
                    b
                  }
                }
              },
            },
          },
        }
        """
    )


def test_defer_if_a_variable_keeps_the_part_and_names_its_condition() -> None:
    # The executor delivers the part with the primary data when `$d` is false (not in Apollo's print, which
    # plans a Condition node instead).
    assert plan_text(SDL, "query($d: Boolean!) { t { a ... @defer(if: $d) { b } } }") == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  a
                }
              }:
              Fetch(service: "a", id: 0) {
                {
                  t {
                    __typename
                    a
                    id
                  }
                }
              }
            }, [
              Deferred(depends: [0], path: "t", if: $d) {
                {
                  b
                }:
                Flatten(path: "t") {
                  Fetch(service: "b") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        b
                      }
                    }
                  },
                }
              },
            ]
          },
        }
        """
    )


def test_a_deferred_named_fragment_spread_is_deferred_like_an_inline_fragment() -> None:
    # Spec: `@defer` applies to fragment spreads too; the spread's selection is the part's.
    assert plan_text(SDL, "{ t { a ...Late @defer } } fragment Late on T { b }") == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  a
                }
              }:
              Fetch(service: "a", id: 0) {
                {
                  t {
                    __typename
                    a
                    id
                  }
                }
              }
            }, [
              Deferred(depends: [0], path: "t") {
                {
                  b
                }:
                Flatten(path: "t") {
                  Fetch(service: "b") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        b
                      }
                    }
                  },
                }
              },
            ]
          },
        }
        """
    )


def test_a_defer_nested_in_a_deferred_fragment_is_delivered_with_it() -> None:
    # The RFC lets a server deliver deferred data sooner than asked: the nested fragment is part of the outer
    # one (one increment), its `a` fetched again through the key like any same-subgraph deferred field.
    assert plan_text(SDL, "{ t { a ... @defer { b ... @defer { a } } } }") == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  a
                }
              }:
              Fetch(service: "a", id: 0) {
                {
                  t {
                    __typename
                    a
                    id
                  }
                }
              }
            }, [
              Deferred(depends: [0], path: "t") {
                {
                  b
                  ... on T {
                    a
                  }
                }:
                Parallel {
                  Flatten(path: "t") {
                    Fetch(service: "a") {
                      {
                        ... on T {
                          __typename
                          id
                        }
                      } =>
                      {
                        ... on T {
                          a
                        }
                      }
                    },
                  },
                  Flatten(path: "t") {
                    Fetch(service: "b") {
                      {
                        ... on T {
                          __typename
                          id
                        }
                      } =>
                      {
                        ... on T {
                          b
                        }
                      }
                    },
                  },
                }
              },
            ]
          },
        }
        """
    )


def test_an_operation_without_defer_has_no_defer_node() -> None:
    assert not isinstance(plan_of(SDL, "{ t { a b } }").node, Defer)


def test_the_label_is_part_of_the_cached_plan() -> None:
    # Two labels, two plans: the increments carry the label the client gave.
    first = plan_of(SDL, '{ t { a ... @defer(label: "one") { b } } }').node
    second = plan_of(SDL, '{ t { a ... @defer(label: "two") { b } } }').node
    assert isinstance(first, Defer) and isinstance(second, Defer)
    assert [part.label for part in (*first.deferred, *second.deferred)] == ["one", "two"]


def test_a_root_defer_inside_a_conditional_fragment_keeps_the_condition() -> None:
    # The deferred part's root fetch and its selection stay under the `@include` around the fragment.
    query = "query($i: Boolean!) { t { a } ... @include(if: $i) { ... @defer { v { x } } } }"
    assert plan_text(SDL, query) == dedent(
        """
        QueryPlan {
          Defer {
            Primary {
              {
                t {
                  a
                }
              }:
              Fetch(service: "a") {
                {
                  t {
                    a
                  }
                }
              }
            }, [
              Deferred(depends: [], path: "") {
                {
                  ... on Query @include(if: $i) {
                    v {
                      x
                    }
                  }
                }:
                Include(if: $i) {
                  Fetch(service: "a") {
                    {
                      v @include(if: $i) {
                        x
                      }
                    }
                  },
                }
              },
            ]
          },
        }
        """
    )


def test_a_client_taking_one_response_gets_the_plan_without_defer() -> None:
    # Not printed (Apollo's plans have no such field): the Defer node keeps the operation's plan without its
    # `@defer`s, which a client without incremental delivery runs (Matches Apollo Router).
    deferred = plan_of(SDL, "{ t { b ... @defer { a } } }").node
    assert isinstance(deferred, Defer)
    assert deferred.merged == plan_of(SDL, "{ t { b a } }").node
