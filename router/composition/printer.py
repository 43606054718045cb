"""Prints the merged supergraph as Federation 2 supergraph SDL, in the layout composed supergraphs use."""

from __future__ import annotations

import json

import graphql

from router.composition import authorization, context_spec, demand
from router.composition.supergraph_model import FieldJoin, MergedField, MergedSupergraph, MergedType, TypeJoin
from router.composition.typerefs import print_type

_LINKS = (
    "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) "
    "repeatable on SCHEMA"
)
_JOIN_FIELD = (
    "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, "
    "type: String, external: Boolean, override: String, usedOverridden: Boolean{}) "
    "repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
)
_JOIN_DIRECTIVES = (
    "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE",
    "directive @join__graph(name: String!, url: String!) on ENUM_VALUE",
    "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE",
    "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, "
    "resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) "
    "repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR",
    "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION",
)
# join v0.4 (Federation 2.7): `overrideLabel` on @join__field for progressive @override, and @join__directive.
_JOIN_V04_DIRECTIVE = (
    "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) "
    "repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION"
)
_LOCATIONS = (
    "FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | "
    "INPUT_OBJECT | INPUT_FIELD_DEFINITION"
)
_INACCESSIBLE = f"directive @inaccessible on {_LOCATIONS}"
_TAG = f"directive @tag(name: String!) repeatable on {_LOCATIONS} | SCHEMA"
_LINK_PURPOSE = '''enum link__Purpose {
  """
  `SECURITY` features provide metadata necessary to securely resolve fields.
  """
  SECURITY

  """
  `EXECUTION` features provide metadata necessary for operation execution.
  """
  EXECUTION
}'''


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _description(text: str | None, indent: str, first: bool) -> str:
    """graphql-js printDescription: block string, multi-line when longer than 70 characters."""
    if text is None:
        return ""
    lead = "" if first else "\n"
    if len(text) > 70 or "\n" in text:
        body = "\n".join(indent + line if line else "" for line in text.replace('"""', '\\"""').split("\n"))
        return f'{lead}{indent}"""\n{body}\n{indent}"""\n'
    return f'{lead}{indent}"""{text.replace(chr(34) * 3, chr(92) + chr(34) * 3)}"""\n'


def _access(inaccessible: bool, tags: set[str]) -> list[str]:
    marks = ["@inaccessible"] if inaccessible else []
    return marks + [f"@tag(name: {_string(t)})" for t in sorted(tags)]


def _type_join(join: TypeJoin) -> str:
    args = [f"graph: {join.graph}"]
    if join.key is not None:
        args.append(f"key: {_string(join.key)}")
    if join.extension:
        args.append("extension: true")
    if join.resolvable is not None:
        args.append(f"resolvable: {'true' if join.resolvable else 'false'}")
    if join.interface_object:
        args.append("isInterfaceObject: true")
    return f"@join__type({', '.join(args)})"


def _field_join(join: FieldJoin) -> str:
    if join.graph is None:
        return "@join__field"
    args = [f"graph: {join.graph}"]
    for name, value in (("requires", join.requires), ("provides", join.provides), ("type", join.type)):
        if value is not None:
            args.append(f"{name}: {_string(value)}")
    if join.external:
        args.append("external: true")
    if join.override is not None:
        args.append(f"override: {_string(join.override)}")
    if join.used_overridden:
        args.append("usedOverridden: true")
    if join.override_label is not None:
        args.append(f"overrideLabel: {_string(join.override_label)}")
    if join.context_arguments:
        args.append(context_spec.print_context_arguments(join.context_arguments))
    return f"@join__field({', '.join(args)})"


def _field(field: MergedField, first: bool) -> str:
    text = _description(field.description, "  ", first) + "  " + field.name
    if field.args:
        args = []
        for arg in field.args.values():
            printed = f"{arg.name}: {print_type(arg.type)}"
            if arg.default is not None:
                printed += f" = {arg.default}"
            args.append(" ".join([printed, *_access(arg.inaccessible, arg.tags)]))
        text += f"({', '.join(args)})"
    text += f": {print_type(field.type)}"
    if field.default is not None:
        text += f" = {field.default}"
    directives = _access(field.inaccessible, field.tags) + field.access.printed() + field.demand.printed()
    directives += [graphql.print_ast(d) for d in field.composed]
    if field.print_joins:
        directives += [_field_join(j) for j in field.joins]
    return " ".join([text, *sorted(directives, key=_directive_name)])


def _directive_name(printed: str) -> str:
    # Directives print sorted by name; same-name directives keep their (already sorted) order.
    return printed.split("(", 1)[0]


def _type(merged: MergedType) -> str:
    keyword = {"object": "type", "input": "input"}.get(merged.kind, merged.kind)
    head = f"{keyword} {merged.name}"
    if merged.interfaces:
        head += " implements " + " & ".join(merged.interfaces)
    directives = [f'@join__implements(graph: {g}, interface: "{i}")' for g, i in merged.implements]
    directives += [_type_join(j) for j in merged.joins]
    directives += [f'@join__unionMember(graph: {g}, member: "{m}")' for g, m in merged.member_joins]
    directives = sorted(directives, key=_directive_name)
    directives += [f"@context(name: {_string(name)})" for name in merged.contexts]
    # Matches the reference supergraphs: on types, access control and composed directives follow the joins.
    directives += _access(merged.inaccessible, merged.tags) + merged.access.printed()
    directives += [graphql.print_ast(d) for d in merged.composed]
    text = _description(merged.description, "", True) + head
    text += "".join(f"\n  {d}" for d in directives)
    if merged.kind == "union":
        return text + ("\n = " + " | ".join(merged.members) if merged.members else "")
    if merged.kind == "scalar":
        return text
    if merged.kind == "enum":
        lines = []
        for index, value in enumerate(merged.values.values()):
            marks = _access(value.inaccessible, value.tags)
            marks += [f"@join__enumValue(graph: {g})" for g in value.graphs]
            lines.append(
                _description(value.description, "  ", index == 0) + " ".join([f"  {value.name}", *marks])
            )
        body = lines
    else:
        body = [_field(f, i == 0) for i, f in enumerate(merged.fields.values())]
    return text + "\n{\n" + "\n".join(body) + "\n}"


def _graph_enum(supergraph: MergedSupergraph) -> str:
    values = [
        f"  {s.graph} @join__graph(name: {_string(s.name)}, url: {_string(s.url)})"
        for s in sorted(supergraph.subgraphs, key=lambda s: s.graph)
    ]
    return "enum join__Graph {\n" + "\n".join(values) + "\n}"


def print_supergraph(supergraph: MergedSupergraph) -> str:
    """The supergraph SDL: schema with @link, directive definitions, then all types sorted by name."""
    types = supergraph.types.values()
    has_inaccessible = any(
        t.inaccessible
        or any(f.inaccessible or any(a.inaccessible for a in f.args.values()) for f in t.fields.values())
        or any(v.inaccessible for v in t.values.values())
        for t in types
    )
    has_tag = any(
        t.tags
        or any(f.tags or any(a.tags for a in f.args.values()) for f in t.fields.values())
        or any(v.tags for v in t.values.values())
        for t in types
    )
    # v0.3 as in the reference supergraphs; v0.4 once a progressive @override needs `overrideLabel` (Apollo
    # moves to v0.4 with Federation 2.7, which brought the `label:` argument of @override); v0.5 once a
    # `@fromContext` needs `contextArguments` (Federation 2.8). Each adds to the one before.
    labels = any(j.override_label for t in types for f in t.fields.values() for j in f.joins)
    uses_context = any(
        t.contexts or any(j.context_arguments for f in t.fields.values() for j in f.joins) for t in types
    )
    version = "v0.5" if uses_context else "v0.4" if labels else "v0.3"
    links = [
        '@link(url: "https://specs.apollo.dev/link/v1.0")',
        f'@link(url: "https://specs.apollo.dev/join/{version}", for: EXECUTION)',
    ]
    # v0.4 adds `overrideLabel`, v0.5 `contextArguments` after it.
    added = ", overrideLabel: String" if labels or uses_context else ""
    if uses_context:
        added += ", contextArguments: [join__ContextArgument!]"
    join_field = _JOIN_FIELD.format(added)
    directives = [*_JOIN_DIRECTIVES, join_field, _LINKS]
    if labels or uses_context:
        directives.append(_JOIN_V04_DIRECTIVE)
    if has_tag:
        links.append('@link(url: "https://specs.apollo.dev/tag/v0.3")')
        directives.append(_TAG)
    if has_inaccessible:
        links.append('@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)')
        directives.append(_INACCESSIBLE)
    access_specs = {
        name
        for t in types
        for access in (t.access, *(f.access for f in t.fields.values()))
        for name in access.used()
    }
    for name in sorted(access_specs):
        links.append(authorization.LINKS[name])
        directives.append(authorization.DEFINITIONS[name])
    if any(f.demand.used for t in types for f in t.fields.values()):
        links.append(demand.LINK)
        directives.extend(demand.DEFINITIONS)
    if uses_context:
        links.append(context_spec.LINK)
        directives.extend(context_spec.DEFINITIONS)
    for local, (url, definition) in sorted(supergraph.composed_directives.items()):
        if url:
            links.append(f"@link(url: {_string(url)}, import: [{_string('@' + local)}])")
        if definition is not None:
            directives.append(graphql.print_ast(definition))
    roots = "\n".join(
        f"  {op}: {supergraph.roots[op]}"
        for op in ("query", "mutation", "subscription")
        if op in supergraph.roots
    )
    schema = "schema\n" + "".join(f"  {link}\n" for link in links) + "{\n" + roots + "\n}"
    printed_types = {name: _type(t) for name, t in supergraph.types.items()}
    printed_types["join__FieldSet"] = "scalar join__FieldSet"
    if labels or uses_context:
        printed_types["join__DirectiveArguments"] = "scalar join__DirectiveArguments"
    printed_types["join__Graph"] = _graph_enum(supergraph)
    printed_types["link__Import"] = "scalar link__Import"
    printed_types["link__Purpose"] = _LINK_PURPOSE
    if uses_context:
        printed_types.update(context_spec.JOIN_TYPES)
        printed_types.update(context_spec.TYPES)
    for name in access_specs & set(authorization.SCALARS):
        printed_types[authorization.SCALARS[name]] = f"scalar {authorization.SCALARS[name]}"
    ordered = [printed_types[n] for n in sorted(printed_types, key=lambda n: (n.lower(), n))]
    sorted_directives = sorted(directives, key=lambda d: d.split("(", 1)[0].split(" on ", 1)[0])
    return "\n\n".join([schema, *sorted_directives, *ordered])
