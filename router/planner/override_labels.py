"""Progressive @override for the planner: the supergraph as a request with some override labels on sees it."""

from __future__ import annotations

import re
from dataclasses import replace

import graphql

from router.supergraph import Supergraph
from router.supergraph.model import FieldInGraph, FieldModel, TypeModel

# A name in a field set (`id org { id }`, `... on Book { isbn }`): over-inclusive, which only keeps a label.
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


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


def labels_touched(supergraph: Supergraph, document: graphql.DocumentNode) -> frozenset[str]:
    """The override labels the plans of `document`'s operations can depend on, so the others need not multiply
    the cached plans (Matches Apollo Router, which keeps the labels of the fields an operation selects).

    By field name, so it errs towards more labels, never fewer: the labels of the fields the document selects,
    of the fields their `@requires` and `@provides` name (and theirs, transitively), and of any field a
    `@key` names, since entity jumps may need it wherever the operation goes.
    """
    if not supergraph.override_labels:
        return frozenset()
    labels: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
    key_names: set[str] = set()
    for model in supergraph.types.values():
        for type_info in model.graphs.values():
            for key in type_info.keys:
                key_names.update(_names(key.fields))
        for name, field in model.fields.items():
            for info in field.graphs.values():
                if info.override_label is not None:
                    labels.setdefault(name, set()).add(info.override_label)
                for field_set in (info.requires, info.provides):
                    if field_set:
                        named.setdefault(name, set()).update(_names(field_set))
    reached = _selected_names(document) | key_names
    queue = list(reached)
    while queue:
        for name in named.get(queue.pop(), ()):
            if name not in reached:
                reached.add(name)
                queue.append(name)
    return frozenset(label for name in reached for label in labels.get(name, ()))


def _names(field_set: str) -> set[str]:
    return set(_NAME.findall(field_set))


def _selected_names(document: graphql.DocumentNode) -> set[str]:
    found: set[str] = set()

    class Collect(graphql.Visitor):
        def enter_field(self, node: graphql.FieldNode, *_: object) -> None:
            found.add(node.name.value)

    graphql.visit(document, Collect())
    return found
