"""The differential harness's operations: valid, replayable from a seed, and covering what found bugs."""

from __future__ import annotations

import graphql

from bench.differential.compare import differs
from bench.differential.generate import OperationGenerator
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
