"""Runs the plugins' hooks in order; only the plugins that override a hook are called for it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from router.plugins.plugin import Plugin, RequestContext
from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse

if TYPE_CHECKING:
    from router.operation import PreparedOperation
    from router.planner.plan import QueryPlan


def _overriding(plugins: Sequence[Plugin], hook: str) -> tuple[Plugin, ...]:
    """The plugins whose class overrides `hook`: a hook nobody overrides costs no call per request."""
    default = getattr(Plugin, hook)
    return tuple(plugin for plugin in plugins if getattr(type(plugin), hook) is not default)


class PluginChain:
    """The router's plugins, in order, with their hooks resolved once."""

    def __init__(self, plugins: Sequence[Plugin] = ()) -> None:
        self.plugins = tuple(plugins)
        self._received = _overriding(self.plugins, "request_received")
        self._prepared = _overriding(self.plugins, "operation_prepared")
        self._planned = _overriding(self.plugins, "plan_ready")
        self._subgraph_requests = _overriding(self.plugins, "subgraph_request")
        self._subgraph_responses = _overriding(self.plugins, "subgraph_response")
        self._responses = _overriding(self.plugins, "response")
        self._events = _overriding(self.plugins, "subscription_event")
        # Every plugin's @policy checks by name; a later plugin's check replaces an earlier one's.
        self.policies = {name: check for plugin in self.plugins for name, check in plugin.policies.items()}

    async def request_received(self, context: RequestContext) -> None:
        for plugin in self._received:
            await plugin.request_received(context)

    async def operation_prepared(self, context: RequestContext, prepared: PreparedOperation) -> None:
        for plugin in self._prepared:
            await plugin.operation_prepared(context, prepared)

    async def plan_ready(self, context: RequestContext, plan: QueryPlan) -> None:
        for plugin in self._planned:
            await plugin.plan_ready(context, plan)

    async def response(self, context: RequestContext, body: dict[str, Any]) -> None:
        for plugin in self._responses:
            await plugin.response(context, body)

    async def subscription_event(self, context: RequestContext, body: dict[str, Any]) -> None:
        for plugin in self._events:
            await plugin.subscription_event(context, body)

    async def aclose(self) -> None:
        for plugin in self.plugins:
            await plugin.aclose()

    def clients(
        self, clients: Mapping[str, SubgraphClient], context: RequestContext
    ) -> Mapping[str, SubgraphClient]:
        """The subgraph clients one request uses: wrapped so the subgraph hooks see every call, or the
        shared clients themselves when no plugin has a subgraph hook."""
        if not self._subgraph_requests and not self._subgraph_responses:
            return clients
        return {name: _HookedClient(name, client, self, context) for name, client in clients.items()}

    async def _subgraph_request(
        self, context: RequestContext, name: str, request: SubgraphRequest
    ) -> SubgraphRequest:
        for plugin in self._subgraph_requests:
            request = await plugin.subgraph_request(context, name, request)
        return request

    async def _subgraph_response(
        self, context: RequestContext, name: str, response: SubgraphResponse
    ) -> SubgraphResponse:
        for plugin in self._subgraph_responses:
            response = await plugin.subgraph_response(context, name, response)
        return response


class _HookedClient:
    """One subgraph's client for one request, calling the subgraph hooks around every call."""

    def __init__(self, name: str, inner: SubgraphClient, chain: PluginChain, context: RequestContext) -> None:
        self.name = name
        self.inner = inner
        self.chain = chain
        self.context = context

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        request = await self.chain._subgraph_request(self.context, self.name, request)
        response = await self.inner.execute(request)
        return await self.chain._subgraph_response(self.context, self.name, response)

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        request = await self.chain._subgraph_request(self.context, self.name, request)
        events = self.inner.subscribe(request)
        try:
            async for event in events:
                yield await self.chain._subgraph_response(self.context, self.name, event)
        finally:
            aclose = getattr(events, "aclose", None)
            if aclose is not None:
                await aclose()

    async def aclose(self) -> None:
        # The wrapped client is shared by every request; the router closes it, not a request.
        return None
