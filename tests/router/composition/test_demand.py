"""Composition carries @cost and @listSize (Federation 2.9 demand control) into the supergraph, and refuses a
@listSize that describes no list."""

from __future__ import annotations

import pytest

from tests.router.composition.harness import error_codes, fed2, supergraph

IMPORTS = '"@key", "@shareable", "@cost", "@listSize"'
JOBS = fed2(
    """
type Query {
  jobs(first: Int, after: String): JobConnection
    @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
  featured: [Job!]! @listSize(assumedSize: 5) @cost(weight: 3)
  job(id: ID!): Job @shareable
}
type JobConnection { edges: [JobEdge!]! }
type JobEdge { node: Job! }
type Job @key(fields: "id") { id: ID! title: String @cost(weight: 2) @shareable }
""",
    IMPORTS,
)
BOARD = fed2(
    """
type Query { job(id: ID!): Job @shareable @cost(weight: 7) }
type Job @key(fields: "id") { id: ID! title: String @shareable @cost(weight: 1) }
""",
    IMPORTS,
)


def test_the_directives_are_printed_with_their_spec() -> None:
    sdl = supergraph(jobs=JOBS)
    assert '@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])' in sdl
    assert "directive @cost(weight: Int!) on ARGUMENT_DEFINITION" in sdl
    assert "directive @listSize(assumedSize: Int, slicingArguments: [String!]" in sdl
    assert '@listSize(slicingArguments: ["first"], sizedFields: ["edges"])' in sdl
    assert "featured: [Job!]! @cost(weight: 3) @listSize(assumedSize: 5)" in sdl


def test_a_supergraph_without_them_does_not_link_the_spec() -> None:
    sdl = supergraph(board=fed2("type Query { job: String }", IMPORTS))
    assert "cost/v0.1" not in sdl and "@listSize" not in sdl


def test_annotations_from_several_subgraphs_merge_to_the_largest_weight() -> None:
    sdl = supergraph(jobs=JOBS, board=BOARD)
    assert "job(id: ID!): Job @cost(weight: 7)" in sdl
    assert "title: String @cost(weight: 2)" in sdl


@pytest.mark.parametrize(
    ("field", "code"),
    [
        ("jobs(first: Int): [String] @listSize(assumedSize: -1)", "LIST_SIZE_INVALID_ASSUMED_SIZE"),
        (
            'jobs(first: String): [String] @listSize(slicingArguments: ["first"])',
            "LIST_SIZE_INVALID_SLICING_ARGUMENT",
        ),
        ('jobs: [String] @listSize(slicingArguments: ["last"])', "LIST_SIZE_INVALID_SLICING_ARGUMENT"),
        ('jobs: Page @listSize(sizedFields: ["total"])', "LIST_SIZE_INVALID_SIZED_FIELD"),
        ("jobs: String @listSize(assumedSize: 3)", "LIST_SIZE_APPLIED_TO_NON_LIST"),
    ],
)
def test_a_list_size_describing_no_list_is_refused(field: str, code: str) -> None:
    sdl = fed2(f"type Query {{ {field} }}\ntype Page {{ total: Int items: [String] }}", IMPORTS)
    assert error_codes(jobs=sdl) == [code]
