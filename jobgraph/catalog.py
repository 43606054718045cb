"""The subgraphs that make up jobgraph: their names, packages and default ports."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SubgraphEntry:
    """One domain subgraph as the composition root knows it."""

    name: str
    # The package whose `app` module builds the subgraph (`subgraphs.<name>.app`).
    package: str
    # The port `jobgraph subgraph NAME` listens on by default (docker-compose.yml and infra/k8s use the same).
    port: int

    @property
    def url(self) -> str:
        """Where the router finds this subgraph when every piece runs as its own process on one machine."""
        return f"http://127.0.0.1:{self.port}/graphql"


ROUTER_PORT = 4000

# Order matters only for output: composition sorts by name itself.
SUBGRAPHS: tuple[SubgraphEntry, ...] = (
    SubgraphEntry("users", "subgraphs.users", 4001),
    SubgraphEntry("applications", "subgraphs.applications", 4002),
    SubgraphEntry("interviews", "subgraphs.interviews", 4003),
    SubgraphEntry("contacts", "subgraphs.contacts", 4004),
    SubgraphEntry("analytics", "subgraphs.analytics", 4005),
    SubgraphEntry("notifications", "subgraphs.notifications", 4008),
    SubgraphEntry("search", "subgraphs.search", 4006),
    SubgraphEntry("files", "subgraphs.files", 4007),
)


def find_subgraph(name: str) -> SubgraphEntry:
    """The catalog entry called `name`; raises KeyError naming the known subgraphs otherwise."""
    for entry in SUBGRAPHS:
        if entry.name == name:
            return entry
    known = ", ".join(entry.name for entry in SUBGRAPHS)
    raise KeyError(f"unknown subgraph {name!r} (known: {known})")


def available_subgraphs() -> tuple[SubgraphEntry, ...]:
    """The catalog's subgraphs whose package is present (every one of them in a complete checkout)."""
    return tuple(
        entry
        for entry in SUBGRAPHS
        if importlib.util.find_spec(entry.package) is not None
        and importlib.util.find_spec(f"{entry.package}.app") is not None
    )
