"""Federation composition: subgraph SDLs (Fed 1 or Fed 2) → the standard Federation 2 supergraph SDL."""

from router.composition.compose import compose
from router.composition.result import CompositionError, CompositionHint, CompositionResult, SubgraphSource

__all__ = ["CompositionError", "CompositionHint", "CompositionResult", "SubgraphSource", "compose"]
