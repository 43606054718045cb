"""Live updates through the router on embedded defaults, over each protocol a client may use: a person's
other device sees `notificationReceived` (with fields of three subgraphs resolved per event) after an
interview is scheduled, and `applicationChanged` after a status change; another person sees nothing of it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.e2e.live import PROTOCOLS, ServedSystem, served_system, subscribe
from tests.e2e.test_job_search import SCHEDULE, apply, eventually

RECEIVED = """subscription { notificationReceived {
  kind title interview { startsAt application { company position } } } }"""
CHANGED = "subscription { applicationChanged { id company status } }"
MOVE = "mutation($id: ID!) { changeApplicationStatus(id: $id, status: INTERVIEW) { status } }"


async def until_listening(served: ServedSystem, subgraph: str, count: int) -> None:
    """Wait until `count` subscribers listen at `subgraph` (an event published earlier reaches nobody)."""
    live = served.system.subgraphs[subgraph].live
    assert live is not None

    async def poll() -> None:
        while live.subscriber_count < count:  # noqa: ASYNC110 - no signal for "subscribed"
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout=15)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_another_device_sees_new_notifications_and_changed_applications(
    protocol: str, tmp_path: Path
) -> None:
    async with served_system(tmp_path) as served:
        client = served.client
        ada = await client.sign_up("ada@example.com", "Ada Lovelace")
        bob = await client.sign_up("bob@example.com", "Bob Babbage")
        initech = await apply(client, ada, "Initech", "Data engineer")
        bobs = await apply(client, bob, "Globex", "Analyst")
        async with (
            subscribe(protocol, served.url, RECEIVED, ada.token) as ada_notes,
            subscribe(protocol, served.url, CHANGED, ada.token) as ada_changes,
            subscribe(protocol, served.url, RECEIVED, bob.token) as bob_notes,
        ):
            await until_listening(served, "notifications", 2)
            await until_listening(served, "applications", 1)
            interview = {"applicationId": initech, "startsAt": "2099-05-04T10:00:00Z", "durationMinutes": 45,
                         "type": "PHONE"}  # fmt: skip
            await eventually(client, SCHEDULE, ada.token, input=interview)
            note = (await ada_notes.next())["data"]["notificationReceived"]
            assert note["kind"] == "INTERVIEW_SCHEDULED"
            assert note["interview"] == {
                "startsAt": "2099-05-04T10:00:00+00:00",
                "application": {"company": "Initech", "position": "Data engineer"},
            }
            await client.data(MOVE, ada.token, id=initech)
            changed = (await ada_changes.next())["data"]["applicationChanged"]
            assert changed == {"id": initech, "company": "Initech", "status": "INTERVIEW"}
            assert (await ada_notes.next())["data"]["notificationReceived"]["kind"] == "STATUS_CHANGED"
            # Bob's first notification is his own, so none of Ada's reached him before it.
            await client.data(MOVE, bob.token, id=bobs)
            own = (await bob_notes.next())["data"]["notificationReceived"]
            assert (own["kind"], own["interview"]) == ("STATUS_CHANGED", None)
            assert own["title"] == "Globex: INTERVIEW"
