"""What a client meets through the router when its input is bad or a projection is behind: coded errors
naming the field, and answers that do not read as failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.client import system_client


async def test_bad_input_through_the_router_is_bad_user_input_naming_the_field(tmp_path: Path) -> None:
    async with system_client(tmp_path) as client:
        ada = await client.sign_up("ada@example.com", "Ada")
        cases: list[tuple[str, dict[str, Any], str]] = [
            # Was GRAPHQL_VALIDATION_FAILED without a path, plus a spurious INVALID_GRAPHQL.
            ('{ interviews(filter: {from: ""}) { totalCount } }', {}, "filter.from"),
            # Was INTERNAL_SERVER_ERROR on PostgreSQL and stored as-is on SQLite.
            ("query($s: String) { contacts(search: $s) { totalCount } }", {"s": "\x00"}, "search"),
            (
                'mutation($c: String!) { createApplication(input: {company: $c, position: "Dev"}) { id } }',
                {"c": "Acme\x00"},
                "input.company",
            ),
        ]
        for query, variables, field in cases:
            body = await client.raw(query, ada.token, **variables)
            extensions = [error.get("extensions", {}) for error in body["errors"]]
            assert {"code": "BAD_USER_INPUT", "field": field} in [
                {"code": item.get("code"), "field": item.get("field")} for item in extensions
            ], (query, body)


async def test_a_new_application_has_no_interviews_rather_than_failing(tmp_path: Path) -> None:
    # Was `data: null`: the interviews subgraph had not heard of the application yet and resolved it to null.
    async with system_client(tmp_path) as client:
        ada = await client.sign_up("ada@example.com", "Ada")
        create = (
            'mutation { createApplication(input: {company: "Initech", position: "Dev"}) '
            "{ id interviews { id } } }"
        )
        body = await client.raw(create, ada.token)
        assert "errors" not in body, body
        assert body["data"]["createApplication"]["interviews"] == []
