"""OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE: @override clashing with @interfaceObject, @requires and co."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.model import Field, Subgraph, TypeDef
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext

_CODE = "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE"


def check(context: RuleContext) -> Iterator[CompositionError]:
    """The three cases of Apollo's validateOverride (composition-js/src/merging/merge.ts), in its order.

    Apollo checks an @override in turn for: an interface field (OVERRIDE_ON_INTERFACE), an @interfaceObject
    field (here), an unknown `from` (a hint), `from` itself (OVERRIDE_FROM_SELF_ERROR), a `from` that
    overrides the field too (OVERRIDE_SOURCE_HAS_OVERRIDE), a `from` without the field (a hint, or here when
    an @interfaceObject there stands for it), then a clash with @requires/@provides in `from` or @external
    here. Each case stops the checks, so a case here is reported only when the earlier ones do not apply.
    """
    by_name = {s.name: s for s in context.subgraphs}
    for subgraph, type_def, field_def in context.fields():
        if field_def.override_directive is None or type_def.kind == "interface":
            continue
        coordinate = f"{type_def.name}.{field_def.name}"
        if type_def.interface_object:
            # Checked before `from` is looked at: an unknown or self `from` is reported this way too.
            yield CompositionError(
                _CODE,
                "@override is not yet supported on fields of @interfaceObject types: cannot be used on field "
                f'"{coordinate}" on subgraph "{subgraph.name}".',
                (subgraph.name,),
                (coordinate,),
            )
            continue
        source = by_name.get(field_def.override or "")
        if source is None or source is subgraph:
            continue
        source_field = source.field(type_def.name, field_def.name)
        if source_field is None:
            yield from _abstracted(context, subgraph, type_def, field_def, source)
            continue
        if source_field.override_directive is not None:
            continue
        yield from _clash(subgraph, coordinate, field_def, source, source_field)


def _abstracted(
    context: RuleContext, subgraph: Subgraph, type_def: TypeDef, field_def: Field, source: Subgraph
) -> Iterator[CompositionError]:
    """`from` lacks the object type but has an @interfaceObject for one of its interfaces with the field."""
    if type_def.name in source.types or type_def.kind != "object":
        return
    interfaces = {i for _, t in context.definitions(type_def.name) for i in t.interfaces}
    abstracting = sorted(
        name
        for name in interfaces
        if (stand_in := source.types.get(name)) is not None
        and stand_in.interface_object
        and field_def.name in stand_in.fields
    )
    if not abstracting:
        return
    coordinate = f"{type_def.name}.{field_def.name}"
    yield CompositionError(
        _CODE,
        f'Invalid @override on field "{coordinate}" of subgraph "{subgraph.name}": source subgraph '
        f'"{source.name}" does not have field "{coordinate}" but abstract it in {_types(abstracting)} and '
        "overriding abstracted fields is not supported.",
        (subgraph.name, source.name),
        (coordinate,),
    )


def _clash(
    subgraph: Subgraph, coordinate: str, field_def: Field, source: Subgraph, source_field: Field
) -> Iterator[CompositionError]:
    """@requires or @provides on the overridden field, or @external on the overriding one."""
    if source_field.requires is not None:
        directive, marked_in = "requires", source
    elif source_field.provides is not None:
        directive, marked_in = "provides", source
    elif field_def.external:
        directive, marked_in = "external", subgraph
    else:
        return
    # Matches Apollo: the directive is named as `from` defines it (its @link import), even for @external,
    # which is on the overriding subgraph's field.
    name = source.directive_names.get(directive, directive)
    yield CompositionError(
        _CODE,
        f'@override cannot be used on field "{coordinate}" on subgraph "{subgraph.name}" since '
        f'"{coordinate}" on "{marked_in.name}" is marked with directive "@{name}"',
        (subgraph.name, source.name),
        (coordinate,),
    )


def _types(names: list[str]) -> str:
    """Apollo's printHumanReadableList with its `type`/`types` prefixes (internals-js/src/utils.ts)."""
    quoted = [f'"{name}"' for name in names]
    if len(quoted) == 1:
        return f"type {quoted[0]}"
    return "types " + ", ".join(quoted[:-1]) + " and " + quoted[-1]
