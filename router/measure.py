"""Measures of a client operation (depth, root fields), each linear in the document's size."""

from __future__ import annotations

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    visit,
)

INTROSPECTION_ROOT_FIELDS = frozenset({"__schema", "__type"})


def operation_depth(operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]) -> int:
    """The deepest field nesting, fragments included. Each fragment is measured once (its depth does not
    depend on where it is spread), so a chain of fragments each spreading the next twice stays linear."""
    memo: dict[str, int] = {}

    def depth(selection_set: SelectionSetNode | None, visiting: frozenset[str]) -> int:
        if selection_set is None:
            return 0
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value in INTROSPECTION_ROOT_FIELDS:
                    continue  # introspection is deep by nature and bounded by the schema
                deepest = max(deepest, 1 + depth(selection.selection_set, visiting))
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, depth(selection.selection_set, visiting))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is None or name in visiting:
                    continue  # unknown or cyclic: validation reports those
                if name not in memo:
                    memo[name] = depth(fragment.selection_set, visiting | {name})
                deepest = max(deepest, memo[name])
        return deepest

    return depth(operation.selection_set, frozenset())


def root_field_count(operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]) -> int:
    """How many distinct response keys the operation selects at its root (spec CollectFields, fragments and
    inline fragments included, @skip/@include ignored: a limit must hold whatever the variables say)."""
    keys: set[str] = set()
    visited: set[str] = set()

    def collect(selection_set: SelectionSetNode) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                keys.add(selection.alias.value if selection.alias else selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                collect(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in visited:
                visited.add(selection.name.value)
                fragment = fragments.get(selection.name.value)
                if fragment is not None:
                    collect(fragment.selection_set)

    collect(operation.selection_set)
    return len(keys)


def alias_and_directive_count(document: DocumentNode) -> tuple[int, int]:
    """How many aliases and how many directives the document spells (each occurrence once, fragments where
    they are defined): limits on what the client wrote, whatever the variables say."""
    counter = _Counter()
    visit(document, counter)
    return counter.aliases, counter.directives


class _Counter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.aliases = 0
        self.directives = 0

    def enter_field(self, node: FieldNode, *_: object) -> None:
        if node.alias is not None:
            self.aliases += 1

    def enter_directive(self, node: DirectiveNode, *_: object) -> None:
        self.directives += 1
