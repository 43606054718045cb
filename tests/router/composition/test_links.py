"""@link handling: imports, renames, the federation__ namespace and Fed 1 detection."""

from __future__ import annotations

import graphql

from router.composition.links import resolve_federation_names
from tests.router.composition.harness import supergraph, type_block


def _names(sdl: str) -> dict[str, str]:
    return resolve_federation_names(graphql.parse(sdl)).local_to_canonical


def test_imports_map_to_themselves() -> None:
    names = _names('extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])')
    assert names["key"] == "key"
    assert "shareable" not in names  # not imported: only reachable as federation__shareable
    assert names["federation__shareable"] == "shareable"


def test_renamed_import_and_namespace() -> None:
    names = _names(
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", as: "fed", '
        'import: [{ name: "@key", as: "@primaryKey" }])'
    )
    assert names["primaryKey"] == "key"
    assert "key" not in names
    assert names["fed__external"] == "external"


def test_the_federation_version_and_local_names_are_read_from_the_link() -> None:
    names = resolve_federation_names(
        graphql.parse(
            'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", as: "fed", '
            'import: [{ name: "@requires", as: "@needs" }])'
        )
    )
    assert names.version == (2, 6)
    assert (names.local("requires"), names.local("provides")) == ("needs", "fed__provides")


def test_no_federation_link_means_fed1() -> None:
    names = resolve_federation_names(graphql.parse("type Query { a: Int }"))
    assert not names.fed2
    assert names.canonical("key") == "key"


def test_renamed_key_composes_as_a_key() -> None:
    a = (
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", '
        'import: [{ name: "@key", as: "@primaryKey" }])\n'
        'type Query { u: User } type User @primaryKey(fields: "id") { id: ID! }'
    )
    b = (
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3")\n'
        'type User @federation__key(fields: "id") { id: ID! age: Int }'
    )
    block = type_block(supergraph(a=a, b=b), "type User")
    assert '@join__type(graph: A, key: "id")' in block
    assert '@join__type(graph: B, key: "id")' in block
