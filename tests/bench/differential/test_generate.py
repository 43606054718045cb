"""The differential harness's operations: valid, replayable from a seed, covering what found bugs, and built
from the argument values and ignored fields the command line gives."""

from __future__ import annotations

import argparse

import graphql
import pytest

from bench.differential.__main__ import choices, header, parse_args
from bench.differential.compare import differs
from bench.differential.generate import IDS, STRINGS, Choices, OperationGenerator
from router.supergraph import load_supergraph
from tests.router.planner.test_abstract_types import CONCRETE_SDL

SCHEMA = load_supergraph(CONCRETE_SDL).api_schema


def test_every_operation_is_valid_and_declares_the_variables_it_uses() -> None:
    for operation in OperationGenerator(SCHEMA, seed=7).operations(60):
        document = graphql.parse(operation.query)
        assert graphql.validate(SCHEMA, document) == []
        [definition] = document.definitions
        assert isinstance(definition, graphql.OperationDefinitionNode)
        declared = {variable.variable.name.value for variable in definition.variable_definitions or ()}
        assert declared == set(operation.variables)


def test_the_same_seed_gives_the_same_operations() -> None:
    first = OperationGenerator(SCHEMA, seed=3).operations(20)
    assert first == OperationGenerator(SCHEMA, seed=3).operations(20)
    assert first != OperationGenerator(SCHEMA, seed=4).operations(20)


def test_operations_use_fragments_aliases_conditions_and_typename() -> None:
    text = " ".join(operation.query for operation in OperationGenerator(SCHEMA, seed=1).operations(60))
    for feature in ("... on Book", "... on Song", "a1: ", "@include(if: $", "@skip(if: ", "__typename"):
        assert feature in text


def test_answers_differ_by_data_or_by_having_errors_not_by_messages() -> None:
    assert not differs({"data": {"a": 1}}, {"data": {"a": 1}})
    assert differs({"data": {"a": 1}}, {"data": {"a": None}})
    assert differs({"data": None, "errors": [{"message": "x"}]}, {"data": None})
    assert not differs(
        {"data": None, "errors": [{"message": "x"}]}, {"data": None, "errors": [{"message": "y"}]}
    )


PEOPLE = graphql.build_schema(
    """
    type Query { user(id: ID!): User  people(search: String!): [User!]! }
    type User { id: ID! name: String! downloadUrl: String }
    """
)


def test_id_and_string_arguments_come_from_the_values_given() -> None:
    choices = Choices(ids=("b244f831",), strings=("Ada",))
    text = " ".join(
        operation.query for operation in OperationGenerator(PEOPLE, 5, choices=choices).operations(40)
    )
    assert 'user(id: "b244f831")' in text and 'people(search: "Ada")' in text
    assert not any(f'"{value}"' in text for value in (*IDS, *STRINGS) if value not in ("b244f831", "Ada"))


def test_an_ignored_field_is_never_selected() -> None:
    choices = Choices(ignored=frozenset({"User.downloadUrl"}))
    operations = OperationGenerator(PEOPLE, 5, choices=choices).operations(40)
    assert "downloadUrl" not in " ".join(operation.query for operation in operations)
    assert "downloadUrl" in " ".join(
        operation.query for operation in OperationGenerator(PEOPLE, 5).operations(40)
    )


def test_header_arguments_split_at_the_first_colon() -> None:
    assert header("authorization: Bearer a:b") == ("authorization", "Bearer a:b")
    with pytest.raises(argparse.ArgumentTypeError):
        header("no colon")


def test_command_line_values_replace_the_defaults_and_headers_reach_both_gateways() -> None:
    args = parse_args(
        [
            "--supergraph",
            "sg.graphql",
            "--id",
            "x1",
            "--ignore-field",
            "File.downloadUrl",
            "--header",
            "authorization: Bearer t",
        ]
    )
    assert choices(args) == Choices(ids=("x1",), strings=STRINGS, ignored=frozenset({"File.downloadUrl"}))
    assert args.header == [("authorization", "Bearer t")]
    assert choices(parse_args(["--supergraph", "sg.graphql"])) == Choices()


def test_on_request_answers_differ_by_where_their_errors_are() -> None:
    ours = {"data": None, "errors": [{"message": "x", "path": ["a4"]}, {"message": "y", "path": ["b"]}]}
    theirs = {"data": None, "errors": [{"message": "z", "path": ["a4"]}]}
    assert not differs(ours, theirs)
    assert differs(ours, theirs, error_paths=True)
    assert not differs(ours, {"data": None, "errors": [{"path": ["b"]}, {"path": ["a4"]}]}, error_paths=True)
