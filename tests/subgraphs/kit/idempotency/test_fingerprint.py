"""The fingerprint of a request: only mutations have one; layout, comments and variable order do not change
it; the query, the variables, the operation and an uploaded file's bytes do."""

from __future__ import annotations

import io

from starlette.datastructures import UploadFile

from subgraphs.kit.idempotency import mutation_fingerprint

ADD = "mutation Add($n: Int!) { add(n: $n) }"


def test_queries_and_unreadable_documents_have_none() -> None:
    assert mutation_fingerprint("{ total }", None, None) is None
    assert mutation_fingerprint("query Q { total }", None, "Q") is None
    assert mutation_fingerprint("mutation {", None, None) is None
    assert mutation_fingerprint(None, None, None) is None


def test_the_operation_named_is_the_one_that_counts() -> None:
    document = "query Q { total } mutation M { add(n: 1) }"
    assert mutation_fingerprint(document, None, "Q") is None
    assert mutation_fingerprint(document, None, "M") is not None
    # Two operations and no name: GraphQL refuses it, and so nothing is keyed.
    assert mutation_fingerprint(document, None, None) is None


def test_layout_comments_and_variable_order_do_not_matter() -> None:
    relaid = "# add one\nmutation Add(\n  $n: Int!\n) {\n  add(n: $n)\n}"
    assert mutation_fingerprint(ADD, {"n": 1}, "Add") == mutation_fingerprint(relaid, {"n": 1}, "Add")
    two = "mutation Add($n: Int!, $m: Int!) { add(n: $n, m: $m) }"
    assert mutation_fingerprint(two, {"n": 1, "m": 2}, None) == mutation_fingerprint(
        two, {"m": 2, "n": 1}, None
    )


def test_the_query_variables_and_operation_name_matter() -> None:
    base = mutation_fingerprint(ADD, {"n": 1}, "Add")
    assert mutation_fingerprint(ADD, {"n": 2}, "Add") != base
    assert mutation_fingerprint(ADD, {"n": 1}, None) != base
    assert mutation_fingerprint("mutation Add($n: Int!) { add(n: $n, twice: true) }", {"n": 1}, "Add") != base


def test_an_uploaded_file_counts_by_its_bytes() -> None:
    upload = "mutation($file: Upload!) { upload(file: $file) }"

    def fingerprint(content: bytes) -> str | None:
        file = UploadFile(io.BytesIO(content), filename="cv.txt")
        return mutation_fingerprint(upload, {"file": file}, None)

    assert fingerprint(b"hello") == fingerprint(b"hello")
    assert fingerprint(b"hello") != fingerprint(b"world")
