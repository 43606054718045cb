"""The supergraph: its SDL read into a typed model and the client API schema derived from it."""

from router.supergraph.loader import load_supergraph
from router.supergraph.model import FieldInGraph, FieldModel, Key, Supergraph, TypeInGraph, TypeModel

__all__ = ["FieldInGraph", "FieldModel", "Key", "Supergraph", "TypeInGraph", "TypeModel", "load_supergraph"]
