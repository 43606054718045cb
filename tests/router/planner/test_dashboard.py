"""The jobgraph dashboard (DESIGN.md): one query composed from users, applications and interviews."""

from __future__ import annotations

from .sdl import dedent, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: USERS) @join__type(graph: APPLICATIONS) @join__type(graph: INTERVIEWS) {
  me: User @join__field(graph: USERS)
}
type User @join__type(graph: USERS, key: "id") @join__type(graph: APPLICATIONS, key: "id")
  @join__type(graph: INTERVIEWS, key: "id") {
  id: ID!
  name: String @join__field(graph: USERS)
  applicationCounts: ApplicationCounts @join__field(graph: APPLICATIONS)
  recentApplications(first: Int = 5): [Application!]! @join__field(graph: APPLICATIONS)
  upcomingInterviews(first: Int = 5): [Interview!]! @join__field(graph: INTERVIEWS)
}
type ApplicationCounts @join__type(graph: APPLICATIONS) { total: Int! inProgress: Int! }
type Application @join__type(graph: APPLICATIONS, key: "id") @join__type(graph: INTERVIEWS, key: "id") {
  id: ID!
  company: String! @join__field(graph: APPLICATIONS)
  position: String! @join__field(graph: APPLICATIONS)
}
type Interview @join__type(graph: INTERVIEWS, key: "id") {
  id: ID!
  startsAt: String!
  application: Application!
}
""",
    "users",
    "applications",
    "interviews",
)

DASHBOARD = """
query Dashboard($first: Int = 5) {
  me {
    name
    applicationCounts { total inProgress }
    recentApplications(first: $first) { id company }
    upcomingInterviews(first: $first) { id startsAt application { company position } }
  }
}
"""


def test_dashboard_plan() -> None:
    # After `me` (users), applications and interviews run in parallel; interview applications need a
    # last applications fetch. Four fetches, three rounds: the minimum for this shape.
    assert plan_text(SDL, DASHBOARD) == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "users") {
              {
                me {
                  __typename
                  name
                  id
                }
              }
            },
            Parallel {
              Flatten(path: "me") {
                Fetch(service: "applications") {
                  {
                    ... on User {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on User {
                      applicationCounts {
                        total
                        inProgress
                      }
                      recentApplications(first: $first) {
                        id
                        company
                      }
                    }
                  }
                },
              },
              Sequence {
                Flatten(path: "me") {
                  Fetch(service: "interviews") {
                    {
                      ... on User {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on User {
                        upcomingInterviews(first: $first) {
                          id
                          startsAt
                          application {
                            __typename
                            id
                          }
                        }
                      }
                    }
                  },
                },
                Flatten(path: "me.upcomingInterviews.@.application") {
                  Fetch(service: "applications") {
                    {
                      ... on Application {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on Application {
                        company
                        position
                      }
                    }
                  },
                },
              },
            },
          },
        }
        """
    )
