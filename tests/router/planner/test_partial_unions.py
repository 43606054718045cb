"""Unions whose members differ between subgraphs, under fields more than one subgraph can answer."""

from __future__ import annotations

from .sdl import dedent, plan_text, supergraph

# The audit's partial-union-complex: `Container.wrapper` is shareable and Container is an entity in both
# subgraphs, so `wrapper { actions }` can be answered by A or by B; A's Action has OnlyA, B's has OnlyB.
SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) {
  rootA: Container @join__field(graph: A)
  only: Response @join__field(graph: A)
}
type Container @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
  id: ID!
  wrapper: Wrapper
  bWrapper: Wrapper @join__field(graph: B)
}
type Wrapper @join__type(graph: A) @join__type(graph: B) { actions: [Action!]! }
type Response @join__type(graph: A) @join__type(graph: B) { actions: [Action!]! }
union Action @join__type(graph: A) @join__type(graph: B)
  @join__unionMember(graph: A, member: "Common") @join__unionMember(graph: A, member: "OnlyA")
  @join__unionMember(graph: B, member: "Common") @join__unionMember(graph: B, member: "OnlyB")
  = Common | OnlyA | OnlyB
type Common @join__type(graph: A) @join__type(graph: B) { label: String }
type OnlyA @join__type(graph: A) { a: String }
type OnlyB @join__type(graph: B) { b: String }
""",
    "a",
    "b",
)

SELECTION = "actions { ... on Common { label } ... on OnlyA { a } ... on OnlyB { b } }"


def test_a_path_several_subgraphs_answer_keeps_only_the_members_they_share() -> None:
    # `wrapper` stays in A (one fetch), but B could answer it too (entity hop), so only Common is safe:
    # the OnlyA fragment is left out and its fields read as null (Matches Apollo Router and Hive Router on
    # the audit's partial-union-complex).
    assert plan_text(SDL, "{ rootA { wrapper { " + SELECTION + " } } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              rootA {
                wrapper {
                  actions {
                    __typename
                    ... on Common {
                      label
                    }
                  }
                }
              }
            }
          },
        }
        """
    )


def test_an_entity_hop_pins_the_path_to_the_target_subgraph_members() -> None:
    # Only B resolves `bWrapper`: its members (Common, OnlyB) are all kept.
    assert plan_text(SDL, "{ rootA { bWrapper { " + SELECTION + " } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                rootA {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "rootA") {
              Fetch(service: "b") {
                {
                  ... on Container {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Container {
                    bWrapper {
                      actions {
                        __typename
                        ... on Common {
                          label
                        }
                        ... on OnlyB {
                          b
                        }
                      }
                    }
                  }
                }
              },
            },
          },
        }
        """
    )


def test_a_value_type_only_one_subgraph_reaches_keeps_all_its_members() -> None:
    # Response is shareable but not an entity and only A answers `only`: no other subgraph can be at this
    # position, so A's members are all kept (the audit's partial-union).
    assert plan_text(SDL, "{ only { " + SELECTION + " } }") == dedent(
        """
        QueryPlan {
          Fetch(service: "a") {
            {
              only {
                actions {
                  __typename
                  ... on Common {
                    label
                  }
                  ... on OnlyA {
                    a
                  }
                }
              }
            }
          },
        }
        """
    )
