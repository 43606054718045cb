"""Per-request DataLoaders so `_entities` and nested interview lists cost a constant number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from strawberry.dataloader import DataLoader

from subgraphs.interviews.models import Interview
from subgraphs.interviews.service import InterviewService


@dataclass(frozen=True, slots=True)
class InterviewLoaders:
    """The loaders of one request, scoped to its caller: someone else's ids load as None / [] / False."""

    # Interview id → the caller's interview; backs `Interview.resolve_reference`.
    interview: DataLoader[str, Interview | None]
    # Application id → the caller's interviews of it by start time; backs `Application.interviews`.
    application_interviews: DataLoader[str, list[Interview]]


def build_loaders(service: InterviewService, user_id: str) -> InterviewLoaders:
    """Fresh loaders for one request by `user_id`; never share them between requests (they cache)."""
    return InterviewLoaders(
        interview=DataLoader(load_fn=partial(_interviews, service, user_id)),
        application_interviews=DataLoader(load_fn=partial(_application_interviews, service, user_id)),
    )


async def _interviews(service: InterviewService, user_id: str, ids: Sequence[str]) -> list[Interview | None]:
    return await service.get_many(user_id, ids)


async def _application_interviews(
    service: InterviewService, user_id: str, application_ids: Sequence[str]
) -> list[list[Interview]]:
    return await service.for_applications(user_id, application_ids)
