"""Progressive @override for the planner: the supergraph as a request with some override labels on sees it."""

from __future__ import annotations

from dataclasses import replace

from router.supergraph import Supergraph
from router.supergraph.model import FieldInGraph, FieldModel, TypeModel


def with_labels_on(supergraph: Supergraph, labels: frozenset[str]) -> Supergraph:
    """The supergraph where each `@join__field(overrideLabel:)` in `labels` acts as a plain `@override`.

    As loaded, every label is off: the source subgraph resolves the field and the overriding one does not
    (router/supergraph/model.py). With a label on, the overriding join becomes a plain `@override(from:)`
    and the source's join a `usedOverridden` one: the source still declares the field (its keys and
    `@requires` may name it) but no longer answers it. Matches Apollo's query graph, where the source's
    edge holds while the label is off and the overriding subgraph's edge while it is on.
    """
    labels = labels & supergraph.override_labels
    if not labels:
        return supergraph
    types = dict(supergraph.types)
    for type_name, model in supergraph.types.items():
        fields = {
            name: _field_with(field, labels)
            for name, field in model.fields.items()
            if any(info.override_label in labels for info in field.graphs.values())
        }
        if fields:
            types[type_name] = _type_with(model, fields)
    return replace(supergraph, types=types)


def _field_with(field: FieldModel, labels: frozenset[str]) -> FieldModel:
    graphs = {
        graph: _join_with(info) if info.override_label in labels else info
        for graph, info in field.graphs.items()
    }
    return replace(field, graphs=graphs)


def _join_with(info: FieldInGraph) -> FieldInGraph:
    if info.override is not None:
        return replace(info, override_label=None)
    return replace(info, override_label=None, used_overridden=True)


def _type_with(model: TypeModel, fields: dict[str, FieldModel]) -> TypeModel:
    return replace(model, fields={**model.fields, **fields})
