"""@override(label:): `percent(N)` with N from 0 to 100 (8 decimals at most), or a custom label name."""

from __future__ import annotations

import pytest

from tests.router.composition.harness import compose_sdls, error_codes, fed2, supergraph

SOURCE = fed2('type T @key(fields: "k") { k: ID a: Int }')


def overriding(label: str) -> str:
    field = f'a: Int @override(from: "a", label: "{label}")'
    return fed2(f'type Query {{ t: T }} type T @key(fields: "k") {{ k: ID {field} }}')


# The cases of Apollo's composition tests (override.compose.test.ts, "label validation").
@pytest.mark.parametrize(
    "label",
    [
        "abc123",
        "Z_1-2:3/4.5",
        "percent(0)",
        "percent(0.5)",
        "percent(1)",
        "percent(1.0)",
        "percent(99.9)",
        "percent(100)",
        "percent(12.12345678)",
    ],
)
def test_a_custom_label_or_a_percentage_composes(label: str) -> None:
    assert f'overrideLabel: "{label}"' in supergraph(a=SOURCE, b=overriding(label))


@pytest.mark.parametrize(
    "label",
    [
        "1_starts-with-non-alpha",
        "includes!@_invalid_chars",
        "percent(.1)",
        "percent(101)",
        "percent(1.123456789)",
        "percent(-1)",
        "percent()",
    ],
)
def test_any_other_label_fails(label: str) -> None:
    assert error_codes(a=SOURCE, b=overriding(label)) == ["OVERRIDE_LABEL_INVALID"]


def test_the_error_names_the_label_the_field_and_the_subgraph() -> None:
    (error,) = compose_sdls(a=SOURCE, b=overriding("percent(101)")).errors
    assert error.message == (
        'Invalid @override label "percent(101)" on field "T.a" on subgraph "b": labels must start with a '
        "letter and after that may contain alphanumerics, underscores, minuses, colons, periods, or slashes. "
        'Alternatively, labels may be of the form "percent(x)" where x is a float between 0-100 inclusive.'
    )
