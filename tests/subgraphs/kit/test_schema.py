"""The subgraph schema: coded errors, quiet expected failures, loud masked bugs, instants that explain."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
import strawberry

from subgraphs.kit.errors import NotFound
from subgraphs.kit.schema import SubgraphSchema


@strawberry.type
class Query:
    @strawberry.field
    def later(self, at: datetime) -> datetime:
        return at.astimezone(UTC)

    @strawberry.field
    def missing(self) -> str:
        raise NotFound("no such thing", field="id")

    @strawberry.field
    def broken(self) -> str:
        raise RuntimeError("database password is hunter2")


SCHEMA = SubgraphSchema(query=Query)


async def test_instants_round_trip_in_utc() -> None:
    result = await SCHEMA.execute(
        "query($at: DateTime!) { later(at: $at) }", {"at": "2031-03-10T09:00:00+01:00"}
    )
    assert result.data == {"later": "2031-03-10T08:00:00+00:00"}


async def test_a_bad_instant_is_bad_user_input_saying_what_is_expected() -> None:
    result = await SCHEMA.execute("query($at: DateTime!) { later(at: $at) }", {"at": "next tuesday"})
    assert result.errors is not None
    [error] = result.errors
    assert error.extensions == {"code": "BAD_USER_INPUT", "field": "at"}
    assert (
        "'next tuesday' is not an ISO 8601 date and time such as 2031-03-10T09:00:00+01:00" in error.message
    )


async def test_expected_errors_reach_the_client_without_an_error_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG):
        result = await SCHEMA.execute("{ missing }")
    assert result.errors is not None and result.errors[0].extensions == {"code": "NOT_FOUND", "field": "id"}
    assert [record for record in caplog.records if record.levelno >= logging.WARNING] == []


async def test_a_bug_is_masked_for_the_client_and_logged_with_its_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    result = await SCHEMA.execute("{ broken }")
    assert result.errors is not None
    [error] = result.errors
    assert (error.message, error.extensions) == ("Internal server error", {"code": "INTERNAL_SERVER_ERROR"})
    [record] = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert record.exc_info is not None and "hunter2" in str(record.exc_info[1])
