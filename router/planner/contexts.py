"""`@fromContext` in the walk: which enclosing object sets a context, and the paths its value is read from."""

from __future__ import annotations

from router.planner.plan import PathSegment
from router.planner.selection import SelectionTree
from router.supergraph import Supergraph


def setter_types(supergraph: Supergraph, context: str, type_name: str) -> list[str]:
    """The object types a value of `type_name` can have that set `context` (`@context` on the object type, or
    on an interface or union it belongs to), sorted; empty when no such object sets it."""
    setters = [name for name, model in supergraph.types.items() if context in model.contexts]
    return sorted(
        object_type
        for object_type in supergraph.possible_types(type_name)
        if any(object_type in supergraph.possible_types(setter) for setter in setters)
    )


def steps_up(ancestor: tuple[PathSegment, ...], path: tuple[PathSegment, ...]) -> int:
    """How many response keys lie between an enclosing object's path and an object's path below it (the
    `..` steps of a context rewrite; list positions do not count, as in Apollo's relative paths)."""
    return sum(1 for segment in path[len(ancestor) :] if isinstance(segment, str) and segment != "@")


def read_paths(supergraph: Supergraph, tree: SelectionTree, object_type: str) -> list[tuple[str, ...]]:
    """The response-key paths of the leaves of a context selection on an object of `object_type` (fragments
    that cannot apply to it are left out; those that can are read in place)."""
    paths: list[tuple[str, ...]] = []
    for key, node in tree.fields.items():
        if node.sub is None:
            paths.append((key,))
        else:
            # Nested objects may be abstract: their fragments are read as written.
            paths.extend((key, *rest) for rest in _nested_paths(node.sub))
    for (condition, _), (_, fragment) in tree.fragments.items():
        if object_type in supergraph.possible_types(condition):
            paths.extend(read_paths(supergraph, fragment, object_type))
    return paths


def _nested_paths(tree: SelectionTree) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for key, node in tree.fields.items():
        paths.extend([(key,)] if node.sub is None else [(key, *rest) for rest in _nested_paths(node.sub)])
    for (condition, _), (_, fragment) in tree.fragments.items():
        paths.extend((f"... on {condition}", *rest) for rest in _nested_paths(fragment))
    return paths
