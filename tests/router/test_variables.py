"""Variables that do not fit the API schema: BAD_USER_INPUT request errors naming the offending field."""

from __future__ import annotations

from typing import Any

from router.app import build_router
from router.pipeline import GraphQLRequest, Router
from tests.router.planner.sdl import supergraph

SDL = supergraph(
    """
enum Status @join__type(graph: JOBS) { APPLIED INTERVIEW }

input LinkInput @join__type(graph: JOBS) { url: String! label: String }

input ApplicationInput @join__type(graph: JOBS) { company: String! status: Status links: [LinkInput!] }

type Application @join__type(graph: JOBS) @join__type(graph: JOBS, key: "id") { id: ID! }

type Query @join__type(graph: JOBS) { application(id: ID!): Application }

type Mutation @join__type(graph: JOBS) { createApplication(input: ApplicationInput!): Application }
""",
    "jobs",
    mutation=True,
)
CREATE = "mutation($input: ApplicationInput!) { createApplication(input: $input) { id } }"
FIND = "query($id: ID!) { application(id: $id) { id } }"


async def errors_of(query: str, variables: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The request errors of `query` with `variables`; no subgraph is reached (none is running)."""
    router: Router = build_router(SDL)
    result = await router.execute(GraphQLRequest(query=query, variables=variables))
    assert result.request_error
    return result.body["errors"]


async def test_an_unknown_enum_value_inside_an_input_names_its_field_and_keeps_its_message() -> None:
    errors = await errors_of(CREATE, {"input": {"company": "Initech", "status": "HIRED"}})
    assert [(error["message"], error["extensions"]) for error in errors] == [
        (
            "Variable '$input' has invalid value at .status: Value 'HIRED' does not exist in 'Status' enum.",
            {"code": "BAD_USER_INPUT", "field": "input.status"},
        )
    ]


async def test_a_wrong_scalar_in_a_list_names_the_dotted_path_with_the_index() -> None:
    links = [{"url": "https://a.example"}, {"url": 42}]
    errors = await errors_of(CREATE, {"input": {"company": "Initech", "links": links}})
    assert [error["extensions"] for error in errors] == [
        {"code": "BAD_USER_INPUT", "field": "input.links.1.url"}
    ]
    assert errors[0]["message"] == (
        "Variable '$input' has invalid value at .links[1].url: String cannot represent a non string value: 42"
    )


async def test_a_missing_required_variable_names_the_variable() -> None:
    errors = await errors_of(FIND, None)
    assert errors == [
        {
            "message": "Variable '$id' has invalid value: "
            "Expected a value of non-null type 'ID!' to be provided.",
            "locations": [{"line": 1, "column": 7}],
            "extensions": {"code": "BAD_USER_INPUT", "field": "id"},
        }
    ]


async def test_a_scalar_variable_wrong_as_a_whole_names_the_variable() -> None:
    errors = await errors_of(FIND, {"id": ["1"]})
    assert [error["extensions"] for error in errors] == [{"code": "BAD_USER_INPUT", "field": "id"}]


async def test_a_missing_input_field_names_the_object_that_lacks_it() -> None:
    # graphql-core reports a missing required field at the object's path, as it does an unknown field.
    errors = await errors_of(CREATE, {"input": {"company": "Initech", "links": [{"label": "home"}]}})
    assert [error["extensions"] for error in errors] == [{"code": "BAD_USER_INPUT", "field": "input.links.0"}]
    errors = await errors_of(CREATE, {"input": {"status": "APPLIED"}})
    assert [error["extensions"] for error in errors] == [{"code": "BAD_USER_INPUT", "field": "input"}]


async def test_each_error_of_one_variable_gets_its_own_field_in_order() -> None:
    value = {"status": "HIRED", "links": [{"url": 1}, {"label": "x"}]}
    errors = await errors_of(CREATE, {"input": value})
    assert [error["extensions"]["field"] for error in errors] == [
        "input",
        "input.status",
        "input.links.0.url",
        "input.links.1",
    ]
    assert [error["message"].split(":")[0] for error in errors] == [
        "Variable '$input' has invalid value",
        "Variable '$input' has invalid value at .status",
        "Variable '$input' has invalid value at .links[0].url",
        "Variable '$input' has invalid value at .links[1]",
    ]


async def test_errors_of_several_variables_name_their_own_fields() -> None:
    query = "query($a: ID!, $b: ID!) { first: application(id: $a) { id } second: application(id: $b) { id } }"
    errors = await errors_of(query, {"b": [1, 2]})
    assert [(error["message"].split(":")[0], error["extensions"]["field"]) for error in errors] == [
        ("Variable '$a' has invalid value", "a"),
        ("Variable '$b' has invalid value", "b"),
    ]


async def test_past_fifty_errors_graphql_cores_limit_error_ends_the_list() -> None:
    links = [{"url": index} for index in range(60)]
    errors = await errors_of(CREATE, {"input": {"company": "Initech", "links": links}})
    assert len(errors) == 51
    assert [error["extensions"]["field"] for error in errors[:50]] == [
        f"input.links.{i}.url" for i in range(50)
    ]
    too_many = "Too many errors processing variables, error limit reached. Execution aborted."
    assert errors[50]["message"] == too_many
    assert errors[50]["extensions"] == {"code": "BAD_USER_INPUT"}
