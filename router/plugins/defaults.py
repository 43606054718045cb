"""The plugins every router runs unless its configuration turns them off, in the order they run."""

from __future__ import annotations

from router.config import RouterConfig
from router.plugins.chain import PluginChain
from router.plugins.csrf import CsrfPreventionPlugin
from router.plugins.plugin import Plugin
from router.plugins.request_id import RequestIdPlugin


def default_plugins(config: RouterConfig, extra: tuple[Plugin, ...] = ()) -> PluginChain:
    """The built-in plugins `config` asks for, then `extra` (a deployment's own) after them."""
    plugins: list[Plugin] = [RequestIdPlugin()]
    if config.csrf_prevention:
        plugins.append(CsrfPreventionPlugin(config.csrf_required_headers))
    return PluginChain([*plugins, *extra])
