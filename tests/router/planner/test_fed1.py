"""Fed 1 supergraphs (`@core`, `@join__owner`): owned fields and extended entities plan like Fed 2."""

from __future__ import annotations

from .sdl import dedent, plan_text

FED1_SDL = """
schema @core(feature: "https://specs.apollo.dev/core/v0.2")
  @core(feature: "https://specs.apollo.dev/join/v0.1", for: EXECUTION) { query: Query }
directive @core(feature: String!, as: String, for: core__Purpose) repeatable on SCHEMA
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet)
  on FIELD_DEFINITION
directive @join__type(graph: join__Graph!, key: join__FieldSet) repeatable on OBJECT | INTERFACE
directive @join__owner(graph: join__Graph!) on OBJECT | INTERFACE
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
enum core__Purpose { EXECUTION SECURITY }
scalar join__FieldSet
enum join__Graph {
  ACCOUNTS @join__graph(name: "accounts" url: "http://accounts")
  REVIEWS @join__graph(name: "reviews" url: "http://reviews")
}
type Query {
  me: User @join__field(graph: ACCOUNTS)
  topReviews: [Review] @join__field(graph: REVIEWS)
}
type User @join__owner(graph: ACCOUNTS) @join__type(graph: ACCOUNTS, key: "id")
  @join__type(graph: REVIEWS, key: "id") {
  id: ID! @join__field(graph: ACCOUNTS)
  name: String @join__field(graph: ACCOUNTS)
  email: String
  reviews: [Review] @join__field(graph: REVIEWS)
}
type Review @join__owner(graph: REVIEWS) @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  body: String
  author: User @join__field(graph: REVIEWS, provides: "name")
}
"""


def test_extending_subgraph_sends_the_key_it_declares_back_to_the_owner() -> None:
    # REVIEWS extends User with key `id` (external there): it can still return `id` for the jump to the
    # owner ACCOUNTS, whose supergraph `@join__field` names only itself; `email` has no `@join__field`,
    # so in Fed 1 it belongs to the owner; `name` is provided by REVIEWS.
    assert plan_text(FED1_SDL, "{ topReviews { author { name email } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "reviews") {
              {
                topReviews {
                  author {
                    __typename
                    name
                    id
                  }
                }
              }
            },
            Flatten(path: "topReviews.@.author") {
              Fetch(service: "accounts") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    email
                  }
                }
              },
            },
          },
        }
        """
    )


def test_owner_subgraph_answers_extension_fields_through_the_extending_subgraph() -> None:
    plan = plan_text(FED1_SDL, "{ me { reviews { body } } }")
    assert plan.count("Fetch(") == 2
    assert 'Flatten(path: "me")' in plan
