"""Schema check rule: a new non-null field that one subgraph adds to another subgraph's entity is flagged."""

from __future__ import annotations

from pathlib import Path

from jobgraph.contributed_fields import new_non_null_contributions, non_null_contributions
from jobgraph.schema_files import CheckReport
from router.supergraph import Supergraph, load_supergraph
from tests.router.composition.harness import fed2, supergraph

ROOT = Path(__file__).resolve().parents[2]
USERS = fed2("""
type Query { me: User }
type User @key(fields: "id") { id: ID! name: String! email: String! }
""")


def with_applications(user_fields: str) -> Supergraph:
    """users owns `User`; applications adds `user_fields` to it and owns `Application`."""
    applications = fed2(f"""
type Query {{ application(id: ID!): Application }}
type Application @key(fields: "id") {{ id: ID! company: String! }}
type User @key(fields: "id") {{ id: ID! {user_fields} }}
""")
    return load_supergraph(supergraph(users=USERS, applications=applications))


BEFORE = with_applications("applicationCount: Int")


def test_a_new_non_null_field_added_to_another_subgraphs_entity_is_flagged() -> None:
    after = with_applications("applicationCount: Int recentApplications: [Application!]!")
    [flagged] = new_non_null_contributions(BEFORE, after)
    assert (flagged.type_name, flagged.field_name, flagged.graph, flagged.owner) == (
        "User",
        "recentApplications",
        "applications",
        "users",
    )
    report = CheckReport(non_null_contributions=[flagged])
    assert not report.ok
    assert report.render() == (
        "non-null field from another subgraph: User.recentApplications: [Application!]! is non-null, but "
        "the applications subgraph adds it to the users subgraph's User: when applications fails, the null "
        "erases the whole User. Make it nullable so it can fail alone."
    )


def test_a_field_made_non_null_is_flagged_too() -> None:
    after = with_applications("applicationCount: Int!")
    assert [item.field_name for item in new_non_null_contributions(BEFORE, after)] == ["applicationCount"]


def test_nullable_contributions_and_the_owners_own_non_null_fields_pass() -> None:
    # `User.name` and `Application.company` are non-null, but their owner resolves them; the list that
    # applications adds to `User` is nullable (its items may still be non-null: they fail with the list).
    after = with_applications("applicationCount: Int recentApplications: [Application!]")
    assert non_null_contributions(after) == []
    assert new_non_null_contributions(BEFORE, after) == []


def test_a_non_null_contribution_the_baseline_already_had_is_not_new() -> None:
    reviewed = with_applications("applicationCount: Int!")
    assert new_non_null_contributions(reviewed, reviewed) == []


def test_every_field_a_subgraph_adds_to_another_subgraphs_entity_today_is_nullable() -> None:
    # The review of issue 9: recentApplications, upcomingInterviews and Application.interviews were non-null.
    checked_in = load_supergraph((ROOT / "schema" / "supergraph.graphql").read_text())
    assert non_null_contributions(checked_in) == []
