"""Tiny test harness: compose inline subgraph SDLs and inspect the result."""

from __future__ import annotations

from router.composition import CompositionResult, SubgraphSource, compose

FED2 = 'extend schema @link(url: "https://specs.apollo.dev/federation/v{version}", import: [{imports}])\n'
ALL_IMPORTS = (
    '"@key", "@shareable", "@external", "@requires", "@provides", "@override", "@inaccessible", "@tag", '
    '"@interfaceObject", "@extends"'
)


def fed2(sdl: str, imports: str = ALL_IMPORTS, version: str = "2.7") -> str:
    """A Federation 2 subgraph SDL linking federation `version` and importing the common directives.

    v2.7 by default: the first version whose @override has `label:` (progressive override)."""
    return FED2.format(version=version, imports=imports) + sdl


def compose_sdls(**subgraphs: str) -> CompositionResult:
    """compose() over `name=sdl` pairs, each served at http://<name>."""
    return compose([SubgraphSource(name, f"http://{name}", sdl) for name, sdl in subgraphs.items()])


def supergraph(**subgraphs: str) -> str:
    result = compose_sdls(**subgraphs)
    assert result.errors == (), result.errors
    assert result.supergraph_sdl is not None
    return result.supergraph_sdl


def error_codes(**subgraphs: str) -> list[str]:
    result = compose_sdls(**subgraphs)
    assert result.supergraph_sdl is None
    return [e.code for e in result.errors]


def type_block(sdl: str, header: str) -> str:
    """The printed block of one type, from its header line to its closing line."""
    start = sdl.index(header + "\n")
    end = sdl.index("\n}", start) + 2 if "\n}" in sdl[start:] else len(sdl)
    return sdl[start:end]
