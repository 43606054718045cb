"""Progressive @override per request: `percent(N)` labels drawn at random (seeded here), custom labels turned
on by a plugin, and the subgraph that answers the field following the label."""

from __future__ import annotations

import random
import textwrap
from collections.abc import AsyncIterator
from typing import Any

import pytest

from router.pipeline import GraphQLRequest, Router
from router.planner.plan import QueryPlan
from router.plugins import Plugin, PluginChain, RequestContext
from router.progressive_override import OVERRIDE_LABELS, OverrideLabels, percentage
from router.subgraph_client import SubgraphRequest, SubgraphResponse
from router.supergraph import load_supergraph
from tests.router.composition.harness import fed2, supergraph


class Answering:
    """A subgraph that answers `jobs` with its own name, counting the calls."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.calls = 0

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        self.calls += 1
        return SubgraphResponse({"jobs": self.name})

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        raise AssertionError("no subscriptions here")

    async def aclose(self) -> None:
        return None


def moving(label: str) -> str:
    """`Query.jobs` moving from subgraph `old` to subgraph `new` under `label`; `Query.staying` stays."""
    return supergraph(
        old=fed2("type Query { jobs: String staying: String }"),
        new=fed2(f'type Query {{ jobs: String @override(from: "old", label: "{label}") }}'),
    )


class TurnOn(Plugin):
    """Turns custom labels on for requests with an `x-labels` header (comma-separated)."""

    async def request_received(self, context: RequestContext) -> None:
        if labels := context.header("x-labels"):
            context.values[OVERRIDE_LABELS] = labels.split(",")


def router(label: str, seed: int = 7) -> tuple[Router, Answering, Answering]:
    old, new = Answering("old"), Answering("new")
    loaded = load_supergraph(moving(label))
    plugins = PluginChain([TurnOn()])
    return Router(loaded, {"old": old, "new": new}, plugins=plugins, rng=random.Random(seed)), old, new


def recorded_plans(served: Router) -> list[QueryPlan]:
    """The plan of each request `served` runs from now on, in order."""
    plans: list[QueryPlan] = []

    class Plans(Plugin):
        async def plan_ready(self, context: RequestContext, plan: QueryPlan) -> None:
            plans.append(plan)

    served.plugins = PluginChain([TurnOn(), Plans()])
    return plans


async def answer(router: Router, **headers: str) -> Any:
    result = await router.execute(GraphQLRequest(query="{ jobs }", headers=headers))
    return result.body["data"]["jobs"]


def test_a_percent_label_reads_as_its_number() -> None:
    assert percentage("percent(12.5)") == 12.5
    assert percentage("percent(100)") == 100
    assert percentage("beta") is None


def test_a_supergraph_without_labels_turns_none_on() -> None:
    labels = OverrideLabels(frozenset(), random.Random(1).random)
    assert labels.choose(["beta"]) == frozenset()


def test_custom_labels_are_on_only_when_requested_and_in_the_supergraph() -> None:
    labels = OverrideLabels(frozenset({"beta", "percent(0)"}), random.Random(1).random)
    assert labels.choose([]) == frozenset()
    assert labels.choose(["beta", "gamma"]) == {"beta"}
    assert labels.choose("beta") == {"beta"}


async def test_percent_0_never_overrides() -> None:
    served, old, new = router("percent(0)")
    assert {await answer(served) for _ in range(200)} == {"old"}
    assert (old.calls, new.calls) == (200, 0)


async def test_percent_100_always_overrides() -> None:
    served, old, new = router("percent(100)")
    assert {await answer(served) for _ in range(200)} == {"new"}
    assert (old.calls, new.calls) == (0, 200)


async def test_percent_50_splits_the_requests() -> None:
    # Seeded: the same 1,000 draws every run, so the split is exact, not a statistical hope.
    draws = random.Random(7)
    expected_new = sum(draws.random() * 100 < 50 for _ in range(1000))
    served, old, new = router("percent(50)", seed=7)
    answers = [await answer(served) for _ in range(1000)]
    assert answers.count("new") == new.calls == expected_new
    assert answers.count("old") == old.calls == 1000 - expected_new
    assert 450 < expected_new < 550


async def test_percent_labels_follow_the_injected_generator() -> None:
    first, _, _ = router("percent(30)", seed=3)
    second, _, _ = router("percent(30)", seed=3)
    assert [await answer(first) for _ in range(50)] == [await answer(second) for _ in range(50)]


async def test_a_plugin_turns_a_custom_label_on_for_its_request() -> None:
    served, old, new = router("beta")
    assert await answer(served) == "old"
    assert await answer(served, **{"x-labels": "beta"}) == "new"
    assert await answer(served, **{"x-labels": "other"}) == "old"
    assert (old.calls, new.calls) == (2, 1)


class BetaTesters(Plugin):
    """The README's example plugin (Plugins), word for word."""

    async def request_received(self, context: RequestContext) -> None:
        if context.header("x-beta") == "1":
            context.values[OVERRIDE_LABELS] = {"search-beta"}


async def test_the_readme_plugin_moves_beta_testers_to_the_new_subgraph() -> None:
    old, new = Answering("old"), Answering("new")
    loaded = load_supergraph(moving("search-beta"))
    served = Router(loaded, {"old": old, "new": new}, plugins=PluginChain([BetaTesters()]))
    assert await answer(served, **{"x-beta": "1"}) == "new"
    assert await answer(served, **{"x-beta": "0"}) == "old"
    assert await answer(served) == "old"


async def test_each_label_set_is_planned_once_and_reused() -> None:
    served, _, _ = router("beta")
    plans = recorded_plans(served)
    for _ in range(3):
        assert await answer(served) == "old"
        assert await answer(served, **{"x-labels": "beta"}) == "new"
    off, on = plans[0::2], plans[1::2]
    assert all(plan is off[0] for plan in off)
    assert all(plan is on[0] for plan in on)
    assert off[0] is not on[0]


async def test_an_operation_without_labelled_fields_keeps_one_plan_whatever_the_labels() -> None:
    served, _, _ = router("beta")
    plans = recorded_plans(served)
    for headers in ({}, {"x-labels": "beta"}):
        await served.execute(GraphQLRequest(query="{ staying }", headers=headers))
    assert plans[0] is plans[1]


@pytest.mark.parametrize("label", ["beta", "percent(100)"])
async def test_the_printed_plan_shows_the_subgraph_the_label_chose(label: str) -> None:
    served, _, _ = router(label)
    result = await served.execute(
        GraphQLRequest(query="{ jobs }", headers={"x-labels": "beta"}, include_plan=True)
    )
    assert 'Fetch(service: "new")' in result.body["extensions"]["queryPlan"]


# Apollo Router's own progressive override tests (plugins/progressive_override/tests.rs, with its supergraph
# composed here, and its expected plans): `percent(100)` always moves `percent100` to Subgraph1, `percent(0)`
# never moves `percent0`, and `foo` stays with Subgraph2 while no plugin turns its label on.
APOLLO = supergraph(
    Subgraph1=fed2("""
type Query {
  percent100: T @override(from: "Subgraph2", label: "percent(100)")
  percent0: T @override(from: "Subgraph2", label: "percent(0)")
}
type T @key(fields: "id") {
  id: ID
  foo: Int @override(from: "Subgraph2", label: "foo")
  bar: Int @override(from: "Subgraph2", label: "bar")
  baz: Int @override(from: "Subgraph2", label: "baz")
}
"""),
    Subgraph2=fed2("""
type Query { percent100: T percent0: T }
type T @key(fields: "id") { id: ID foo: Int bar: Int baz: Int }
"""),
)


class Empty:
    """A subgraph that answers null for everything."""

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        return SubgraphResponse({})

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        raise AssertionError("no subscriptions here")

    async def aclose(self) -> None:
        return None


async def plan_of(query: str) -> str:
    clients = {"Subgraph1": Empty(), "Subgraph2": Empty()}
    served = Router(load_supergraph(APOLLO), clients, rng=random.Random(5))
    result = await served.execute(GraphQLRequest(query=query, include_plan=True))
    plan: str = result.body["extensions"]["queryPlan"]
    return plan


async def test_apollo_routers_percent_100_field_is_overridden() -> None:
    # `foo` (label off) stays with Subgraph2 and `percent100` (always on) moved to Subgraph1.
    assert await plan_of("{ percent100 { foo } }") == textwrap.dedent(
        """\
        QueryPlan {
          Sequence {
            Fetch(service: "Subgraph1") {
              {
                percent100 {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "percent100") {
              Fetch(service: "Subgraph2") {
                {
                  ... on T {
                    __typename
                    id
                  }
                } =>
                {
                  ... on T {
                    foo
                  }
                }
              },
            },
          },
        }"""
    )


async def test_apollo_routers_percent_0_field_is_not_overridden() -> None:
    assert await plan_of("{ percent0 { foo } }") == textwrap.dedent(
        """\
        QueryPlan {
          Fetch(service: "Subgraph2") {
            {
              percent0 {
                foo
              }
            }
          },
        }"""
    )
