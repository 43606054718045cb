"""The values compose() takes and returns: subgraph sources, errors, hints and the result."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SubgraphSource:
    """One subgraph as the composer sees it: its name, routing URL and SDL text."""

    name: str
    url: str
    sdl: str


@dataclass(frozen=True)
class CompositionError:
    """A reason composition failed; codes follow Apollo's composer (e.g. INVALID_FIELD_SHARING)."""

    code: str
    message: str
    subgraphs: tuple[str, ...] = ()
    coordinates: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompositionHint:
    """Something composition changed or dropped that the author may want to know about."""

    code: str
    message: str
    subgraphs: tuple[str, ...] = ()
    coordinates: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompositionResult:
    """Either a supergraph SDL (errors empty) or errors (supergraph_sdl None); hints in both cases."""

    supergraph_sdl: str | None
    errors: tuple[CompositionError, ...] = ()
    hints: tuple[CompositionHint, ...] = ()

    @property
    def ok(self) -> bool:
        return self.supergraph_sdl is not None
