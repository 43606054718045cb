"""Composition validation rules, one per module; each yields CompositionErrors from a RuleContext."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext

Rule = Callable[[RuleContext], Iterable[CompositionError]]


def all_rules() -> tuple[Rule, ...]:
    """The rules compose() runs, in the order their errors are reported."""
    from router.composition.rules import (
        context_invalid_selection,
        context_name_invalid,
        context_no_resolvable_key,
        context_not_set,
        contextual_argument_not_contextual_in_all_subgraphs,
        empty_merged_input_type,
        enum_value_mismatch,
        external_missing_on_base,
        field_argument_type_mismatch,
        field_type_mismatch,
        invalid_field_sharing,
        key_fields_select_invalid_type,
        key_invalid_fields,
        list_size_invalid,
        no_context_in_selection,
        override_collision_with_another_directive,
        override_label_invalid,
        override_label_unsupported,
        override_source_has_override,
        provides_invalid_fields,
        referenced_inaccessible,
        required_input_field_missing,
        requires_fields_missing_external,
        requires_invalid_fields,
        satisfiability,
        type_kind_mismatch,
    )

    return (
        # Apollo refuses these when validating each subgraph, before merging.
        override_label_unsupported.check,
        type_kind_mismatch.check,
        field_type_mismatch.check,
        field_argument_type_mismatch.check,
        enum_value_mismatch.check,
        empty_merged_input_type.check,
        required_input_field_missing.check,
        key_invalid_fields.check,
        key_fields_select_invalid_type.check,
        external_missing_on_base.check,
        requires_invalid_fields.check,
        requires_fields_missing_external.check,
        provides_invalid_fields.check,
        override_source_has_override.check,
        override_collision_with_another_directive.check,
        override_label_invalid.check,
        list_size_invalid.check,
        context_name_invalid.check,
        context_not_set.check,
        no_context_in_selection.check,
        context_invalid_selection.check,
        context_no_resolvable_key.check,
        contextual_argument_not_contextual_in_all_subgraphs.check,
        invalid_field_sharing.check,
        referenced_inaccessible.check,
        satisfiability.check,
    )


__all__ = ["Rule", "RuleContext", "all_rules"]
