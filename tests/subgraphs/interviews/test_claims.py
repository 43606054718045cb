"""Scheduling never waits on the projection: an application not heard of yet is claimed for the caller, and
`application.created` confirms or overrules the claim; claims that nothing confirms go after `CLAIM_TTL`."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.interviews.events import CancelReason, InterviewCancelled
from subgraphs.interviews.service import CLAIM_TTL, InterviewService
from subgraphs.kit.errors import NotFound
from tests.subgraphs.interviews.conftest import NOW, RecordedEvents
from tests.subgraphs.interviews.test_events import phone_call


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def claims(backend_engine: AsyncEngine, recorded: RecordedEvents, clock: Clock) -> InterviewService:
    """The service on each backend (the claim is a row lock and an upsert on both)."""
    return InterviewService(async_sessionmaker(backend_engine), recorded, clock=clock)


def cancelled(recorded: RecordedEvents) -> list[tuple[str, CancelReason]]:
    return [(event.interview.id, event.reason) for event in recorded if isinstance(event, InterviewCancelled)]


async def test_an_application_not_heard_of_yet_is_claimed_then_confirmed(claims: InterviewService) -> None:
    # Created during a broker outage: `application.created` has not arrived, the owner schedules anyway.
    app = str(uuid.uuid4())
    interview = await claims.schedule("alice", phone_call(app))
    assert await claims.owned_applications("alice", [app]) == [True]
    second = await claims.schedule("alice", phone_call(app))  # the claim is hers: more interviews are fine
    await claims.application_created(app, "alice")
    await claims.application_created(app, "alice")  # redelivered
    [listed] = await claims.for_applications("alice", [app])
    assert {item.id for item in listed} == {interview.id, second.id}


async def test_someone_elses_claim_is_not_found(claims: InterviewService) -> None:
    app = str(uuid.uuid4())
    await claims.schedule("alice", phone_call(app))
    with pytest.raises(NotFound):
        await claims.schedule("bob", phone_call(app))


async def test_the_event_overrules_a_claim_on_someone_elses_application(
    claims: InterviewService, recorded: RecordedEvents
) -> None:
    # Mallory learned the id of Alice's brand-new application and got there before the event.
    app = str(uuid.uuid4())
    mallorys = await claims.schedule("mallory", phone_call(app))
    await claims.application_created(app, "alice")
    assert await claims.get("mallory", mallorys.id) is None
    assert cancelled(recorded) == [(mallorys.id, CancelReason.APPLICATION_DELETED)]
    assert await claims.owned_applications("alice", [app]) == [True]
    assert (await claims.schedule("alice", phone_call(app))).owner_id == "alice"
    with pytest.raises(NotFound):
        await claims.schedule("mallory", phone_call(app))


async def test_a_claimed_application_deleted_unconfirmed_stays_deleted(claims: InterviewService) -> None:
    app = str(uuid.uuid4())
    interview = await claims.schedule("alice", phone_call(app))
    await claims.application_deleted(app, "alice")
    await claims.application_created(app, "alice")  # late
    assert await claims.get("alice", interview.id) is None
    with pytest.raises(NotFound):
        await claims.schedule("alice", phone_call(app))


async def test_an_id_that_can_never_be_an_application_is_not_claimed(claims: InterviewService) -> None:
    with pytest.raises(NotFound):
        await claims.schedule("alice", phone_call("not-an-application-id"))


async def test_claims_nothing_confirms_are_dropped_after_the_ttl(
    claims: InterviewService, clock: Clock, recorded: RecordedEvents
) -> None:
    typo, real = str(uuid.uuid4()), str(uuid.uuid4())
    lost = await claims.schedule("alice", phone_call(typo))
    kept = await claims.schedule("alice", phone_call(real))
    await claims.application_created(real, "alice")
    clock.now = NOW + CLAIM_TTL - timedelta(seconds=1)
    assert await claims.drop_stale_claims() == 0
    clock.now = NOW + CLAIM_TTL + timedelta(seconds=1)
    assert await claims.drop_stale_claims() == 1
    assert await claims.get("alice", lost.id) is None
    assert await claims.get("alice", kept.id) is not None
    assert cancelled(recorded) == [(lost.id, CancelReason.APPLICATION_DELETED)]
    # The id is forgotten, not tombstoned: should the application appear after all, it is Alice's again.
    await claims.application_created(typo, "alice")
    assert await claims.owned_applications("alice", [typo]) == [True]
