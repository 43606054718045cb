"""The loader reads progressive @override (`@join__field(overrideLabel:)`) with every label off."""

from __future__ import annotations

from router.supergraph import load_supergraph
from tests.router.composition.harness import fed2, supergraph

SDL = supergraph(
    old=fed2('type Query { t: T } type T @key(fields: "k") { k: ID a: Int }'),
    new=fed2('type T @key(fields: "k") { k: ID a: Int @override(from: "old", label: "percent(25)") }'),
)


def test_the_labels_are_read_from_both_joins() -> None:
    loaded = load_supergraph(SDL)
    joins = loaded.types["T"].fields["a"].graphs
    assert loaded.override_labels == {"percent(25)"}
    assert joins["old"].override_label == joins["new"].override_label == "percent(25)"
    assert joins["new"].override == "old"


def test_as_loaded_the_source_resolves_the_field_and_the_overriding_subgraph_does_not() -> None:
    assert load_supergraph(SDL).types["T"].fields["a"].resolving_graphs() == ("old",)


def test_a_supergraph_without_labels_has_none() -> None:
    plain = supergraph(
        old=fed2("type Query { a: Int }"), new=fed2('type Query { a: Int @override(from: "old") }')
    )
    assert load_supergraph(plain).override_labels == frozenset()
