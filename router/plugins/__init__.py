"""The router's plugin API: hooks around the pipeline's stages (router/plugins/plugin.py documents them)."""

from router.plugins.chain import PluginChain
from router.plugins.plugin import Plugin, RequestContext, StopRequest

__all__ = ["Plugin", "PluginChain", "RequestContext", "StopRequest"]
