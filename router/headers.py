"""Which client headers reach which subgraph: the default forwarded list, then the configured rules
(propagate by name or pattern, rename, insert a static value or one from a client header or token claim,
remove), for every subgraph and per subgraph; and how subgraph response headers reach the client
(`Set-Cookie` appended from every subgraph, `Cache-Control` merged to the most restrictive)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from router.config import HeaderRule, HeaderRules

# Forwarded to every subgraph without any rule: the caller's token (subgraphs verify it again) and its
# address (the subgraphs' sign-in and sign-up limits). Plugins add theirs (x-request-id) separately.
FORWARDED_HEADERS: tuple[str, ...] = ("authorization", "x-forwarded-for")


@dataclass(frozen=True, slots=True)
class _Compiled:
    kind: str
    name: str | None
    pattern: re.Pattern[str] | None
    rename: str | None = None
    value: str | None = None
    from_header: str | None = None
    from_claim: str | None = None


def _compile(rule: HeaderRule) -> _Compiled:
    if rule.propagate is not None:
        given = rule.propagate
        return _Compiled(
            "propagate",
            given.named.lower() if given.named else None,
            re.compile(given.matching, re.IGNORECASE) if given.matching else None,
            rename=given.rename.lower() if given.rename else None,
            value=given.default,
        )
    if rule.insert is not None:
        insert = rule.insert
        return _Compiled(
            "insert",
            insert.name.lower(),
            None,
            value=insert.value,
            from_header=insert.from_header.lower() if insert.from_header else None,
            from_claim=insert.from_claim,
        )
    assert rule.remove is not None
    remove = rule.remove
    return _Compiled(
        "remove",
        remove.named.lower() if remove.named else None,
        re.compile(remove.matching, re.IGNORECASE) if remove.matching else None,
    )


class HeaderPropagation:
    """The headers each subgraph request carries, from the client's headers and token claims."""

    def __init__(
        self, rules: HeaderRules | None = None, forwarded: tuple[str, ...] = FORWARDED_HEADERS
    ) -> None:
        rules = rules or HeaderRules()
        self.forwarded = frozenset(name.lower() for name in forwarded)
        self.all = tuple(_compile(rule) for rule in rules.all)
        self.per_subgraph = {
            name: (*self.all, *(_compile(rule) for rule in own)) for name, own in rules.subgraphs.items()
        }

    @property
    def has_rules(self) -> bool:
        return bool(self.all or self.per_subgraph)

    def default(self, client: Mapping[str, str], claims: Mapping[str, Any] | None) -> dict[str, str]:
        """Headers for a subgraph without rules of its own: the forwarded ones, then the rules for all."""
        return self._apply(self.all, client, claims)

    def per_subgraph_headers(
        self, client: Mapping[str, str], claims: Mapping[str, Any] | None
    ) -> dict[str, dict[str, str]]:
        """Headers of each subgraph that has rules of its own."""
        return {name: self._apply(rules, client, claims) for name, rules in self.per_subgraph.items()}

    def _apply(
        self, rules: Iterable[_Compiled], client: Mapping[str, str], claims: Mapping[str, Any] | None
    ) -> dict[str, str]:
        lowered = {name.lower(): value for name, value in client.items()}
        headers = {name: value for name, value in lowered.items() if name in self.forwarded}
        for rule in rules:
            if rule.kind == "propagate":
                if rule.pattern is not None:
                    headers.update(
                        (name, value) for name, value in lowered.items() if rule.pattern.fullmatch(name)
                    )
                elif rule.name is not None:
                    value = lowered.get(rule.name, rule.value)
                    if value is not None:
                        headers[rule.rename or rule.name] = value
            elif rule.kind == "insert":
                assert rule.name is not None
                inserted = _inserted(rule, lowered, claims)
                if inserted is not None:
                    headers[rule.name] = inserted
            else:
                for name in list(headers):
                    if name == rule.name or (rule.pattern is not None and rule.pattern.fullmatch(name)):
                        del headers[name]
        return headers


def _inserted(rule: _Compiled, client: Mapping[str, str], claims: Mapping[str, Any] | None) -> str | None:
    if rule.from_header is not None:
        return client.get(rule.from_header)
    if rule.from_claim is not None:
        claim = (claims or {}).get(rule.from_claim)
        if claim is None:
            return None
        return " ".join(map(str, claim)) if isinstance(claim, list | tuple) else str(claim)
    return rule.value


def merged_cache_control(values: Iterable[str]) -> str | None:
    """The most restrictive of the subgraphs' `Cache-Control`s (those that sent one): `no-store` over
    `private` over the smallest `max-age`; a directive without a `max-age` (`no-cache`) wins over any age."""
    directives = [
        {part.strip().split("=")[0].lower(): part.strip() for part in value.split(",") if part.strip()}
        for value in values
    ]
    if not directives:
        return None
    if any("no-store" in parts for parts in directives):
        return "no-store"
    scope = "private, " if any("private" in parts for parts in directives) else ""
    ages: list[int] = []
    for parts in directives:
        try:
            ages.append(int(parts["max-age"].split("=", 1)[1]))
        except (KeyError, IndexError, ValueError):
            return f"{scope}no-cache"
    return f"{scope}max-age={min(ages)}"
