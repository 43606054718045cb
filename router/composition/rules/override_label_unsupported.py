"""INVALID_GRAPHQL: `@override(label:)` in a subgraph linking federation below v2.7, where it has no label."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.links import OVERRIDE_LABEL_SINCE
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    # Matches Apollo: below v2.7 the subgraph's @override is defined with `from:` only
    # (internals-js/src/specs/federationSpec.ts), so graphql-js's KnownArgumentNamesOnDirectivesRule refuses
    # the argument when the subgraph is validated (Schema.validate in internals-js/src/definitions.ts), and
    # Subgraph.validate (internals-js/src/federation.ts) reports it as INVALID_GRAPHQL prefixed with the
    # subgraph's name. Any `label:` counts, even `""` or `null`: the argument is refused, whatever its value.
    for subgraph, type_def, field_def in context.fields():
        node = field_def.override_directive
        version = subgraph.federation_version
        if node is None or version is None or version >= OVERRIDE_LABEL_SINCE:
            continue
        if any(argument.name.value == "label" for argument in node.arguments or ()):
            yield CompositionError(
                "INVALID_GRAPHQL",
                f'[{subgraph.name}] Unknown argument "label" on directive "@{node.name.value}".',
                (subgraph.name,),
                (f"{type_def.name}.{field_def.name}",),
            )
