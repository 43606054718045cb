"""The notifications API as a client sees it: own notifications only, read marks, settings, `_entities`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from subgraphs.kit.events import EventConsumer
from subgraphs.notifications.service import NotificationService
from tests.subgraphs.harness import Caller
from tests.subgraphs.notifications.conftest import IN_TWO_DAYS, event, scheduled

LIST = """query($unread: Boolean!, $first: Int, $after: String) {
  notifications(unreadOnly: $unread, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind title readAt interview { id } application { id } contact { id } } }
  }
}"""


async def three_for_alice(consumer: EventConsumer) -> None:
    for number in range(3):
        await consumer.dispatch(scheduled(f"int-{number}", "alice", IN_TWO_DAYS + timedelta(hours=number)))
    await consumer.dispatch(scheduled("int-bob", "bob", IN_TWO_DAYS))


async def test_notifications_are_listed_newest_first_in_pages(consumer: EventConsumer, alice: Caller) -> None:
    await three_for_alice(consumer)
    first = (await alice.data(LIST, {"unread": False, "first": 2}))["notifications"]
    assert first["totalCount"] == 3
    assert first["pageInfo"]["hasNextPage"] is True
    nodes = [edge["node"] for edge in first["edges"]]
    assert [node["interview"]["id"] for node in nodes] == ["int-2", "int-1"]
    assert nodes[0]["kind"] == "INTERVIEW_SCHEDULED"
    assert nodes[0]["application"] == {"id": "app-1"}
    assert nodes[0]["contact"] is None
    after = first["pageInfo"]["endCursor"]
    rest = (await alice.data(LIST, {"unread": False, "first": 2, "after": after}))["notifications"]
    assert [edge["node"]["interview"]["id"] for edge in rest["edges"]] == ["int-0"]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_marking_read_counts_what_changed_and_filters_unread(
    consumer: EventConsumer, alice: Caller, bob: Caller
) -> None:
    await three_for_alice(consumer)
    nodes = [edge["node"] for edge in (await alice.data(LIST, {"unread": False}))["notifications"]["edges"]]
    mark = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }"
    bobs = [
        edge["node"]["id"] for edge in (await bob.data(LIST, {"unread": False}))["notifications"]["edges"]
    ]
    # Someone else's ids change nothing.
    assert (await alice.data(mark, {"ids": bobs}))["markNotificationsRead"] == 0
    assert (await alice.data(mark, {"ids": [nodes[0]["id"]]}))["markNotificationsRead"] == 1
    unread = (await alice.data(LIST, {"unread": True}))["notifications"]
    assert unread["totalCount"] == 2
    assert nodes[0]["id"] not in [edge["node"]["id"] for edge in unread["edges"]]
    assert (await alice.data(mark))["markNotificationsRead"] == 2
    assert (await alice.data(LIST, {"unread": True}))["notifications"]["totalCount"] == 0
    assert (await bob.data(LIST, {"unread": True}))["notifications"]["totalCount"] == 1
    assert await alice.error(mark, {"ids": [" "]}) == {"code": "BAD_USER_INPUT", "field": "ids"}


async def test_everything_needs_a_signed_in_caller(anonymous: Caller) -> None:
    assert (await anonymous.error(LIST, {"unread": False}))["code"] == "UNAUTHENTICATED"
    assert (await anonymous.error("mutation { markNotificationsRead }"))["code"] == "UNAUTHENTICATED"
    update = "mutation { updateNotificationSettings(input: {emailEnabled: true}) { emailEnabled } }"
    assert (await anonymous.error(update))["code"] == "UNAUTHENTICATED"


USER_FIELDS = """query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on User { id unreadNotificationCount notificationSettings { emailEnabled reminderLeadMinutes } } } }"""


async def test_user_fields_are_for_the_person_themselves_only(
    consumer: EventConsumer, alice: Caller, bob: Caller
) -> None:
    await three_for_alice(consumer)
    reps = {"reps": [{"__typename": "User", "id": "alice"}]}
    assert (await alice.data(USER_FIELDS, reps))["_entities"] == [
        {
            "id": "alice",
            "unreadNotificationCount": 3,
            "notificationSettings": {"emailEnabled": False, "reminderLeadMinutes": [1440, 60]},
        }
    ]
    result = await bob.execute(USER_FIELDS, reps)
    assert result.errors is not None
    assert {error.extensions["code"] for error in result.errors if error.extensions} == {"FORBIDDEN"}


async def test_notification_entities_resolve_only_for_their_owner(
    consumer: EventConsumer, alice: Caller, bob: Caller
) -> None:
    await three_for_alice(consumer)
    ids = [
        edge["node"]["id"] for edge in (await alice.data(LIST, {"unread": False}))["notifications"]["edges"]
    ]
    query = (
        "query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Notification { id title } } }"
    )
    reps = {"reps": [{"__typename": "Notification", "id": item} for item in ids]}
    assert [item["id"] for item in (await alice.data(query, reps))["_entities"]] == ids
    assert (await bob.data(query, reps))["_entities"] == [None, None, None]


SETTINGS = """mutation($input: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $input) { emailEnabled reminderLeadMinutes } }"""


async def test_settings_change_only_what_is_given_and_are_validated(
    alice: Caller, service: NotificationService
) -> None:
    changed = await alice.data(SETTINGS, {"input": {"reminderLeadMinutes": [30, 2880]}})
    assert changed["updateNotificationSettings"] == {"emailEnabled": False, "reminderLeadMinutes": [2880, 30]}
    changed = await alice.data(SETTINGS, {"input": {"emailEnabled": True}})
    assert changed["updateNotificationSettings"] == {"emailEnabled": True, "reminderLeadMinutes": [2880, 30]}
    assert (await service.settings("bob")).email_enabled is False
    for bad in ([0], [10081], [60, 60], [1, 2, 3, 4, 5, 6], None):
        error = await alice.error(SETTINGS, {"input": {"reminderLeadMinutes": bad}})
        assert error == {"code": "BAD_USER_INPUT", "field": "reminderLeadMinutes"}, bad
    error = await alice.error(SETTINGS, {"input": {"emailEnabled": None}})
    assert error == {"code": "BAD_USER_INPUT", "field": "emailEnabled"}
    assert (await alice.data(SETTINGS, {"input": {"reminderLeadMinutes": []}}))["updateNotificationSettings"][
        "reminderLeadMinutes"
    ] == []


async def test_page_size_and_cursor_are_checked(alice: Caller) -> None:
    assert await alice.error(LIST, {"unread": False, "first": 101}) == {
        "code": "BAD_USER_INPUT",
        "field": "first",
    }
    assert await alice.error(LIST, {"unread": False, "after": "nope"}) == {
        "code": "BAD_USER_INPUT",
        "field": "after",
    }


async def test_a_status_change_links_its_application(consumer: EventConsumer, alice: Caller) -> None:
    moved: dict[str, Any] = {"from": "SAVED", "to": "APPLIED"}
    await consumer.dispatch(
        event(
            "application.status_changed",
            "alice",
            id="app-9",
            company="Acme",
            position="Dev",
            note=None,
            **moved,
        )
    )
    node = (await alice.data(LIST, {"unread": False}))["notifications"]["edges"][0]["node"]
    assert (node["kind"], node["application"], node["interview"]) == ("STATUS_CHANGED", {"id": "app-9"}, None)
