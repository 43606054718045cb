"""The plugins every router runs unless its configuration turns them off, in the order they run."""

from __future__ import annotations

from pathlib import Path

from router.config import RouterConfig
from router.plugins.api_tokens import ApiTokenExchange
from router.plugins.authentication import AuthenticationPlugin
from router.plugins.chain import PluginChain
from router.plugins.csrf import CsrfPreventionPlugin
from router.plugins.keys import FileKeys, JwksKeys, KeySource
from router.plugins.persisted_queries import AutomaticPersistedQueriesPlugin
from router.plugins.plugin import Plugin
from router.plugins.rate_limit import Rate, RateLimitPlugin
from router.plugins.request_id import RequestIdPlugin
from router.plugins.trusted_documents import TrustedDocumentsPlugin


def default_plugins(config: RouterConfig, extra: tuple[Plugin, ...] = ()) -> PluginChain:
    """The built-in plugins `config` asks for, then `extra` (a deployment's own) after them."""
    plugins: list[Plugin] = [RequestIdPlugin()] if config.request_id else []
    if config.csrf_prevention:
        plugins.append(CsrfPreventionPlugin(config.csrf_required_headers))
    keys = token_keys(config)
    if keys is not None:
        plugins.append(
            AuthenticationPlugin(
                keys,
                issuer=config.jwt_issuer,
                audience=config.jwt_audience,
                algorithms=config.jwt_algorithms,
                leeway=config.jwt_leeway,
                exchange=api_token_exchange(config),
            )
        )
    if config.rate_limit:
        # After authentication: a signed-in client is limited by its subject, wherever it connects from.
        overall = Rate(config.global_rate, config.global_burst) if config.global_rate > 0 else None
        plugins.append(RateLimitPlugin(Rate(config.client_rate, config.client_burst), overall))
    if config.trusted_documents:
        plugins.append(
            TrustedDocumentsPlugin(Path(config.trusted_documents), enforce=config.trusted_documents_only)
        )
    if config.apq and not config.trusted_documents_only:
        plugins.append(AutomaticPersistedQueriesPlugin(config.apq_max_entries))
    return PluginChain([*plugins, *extra])


def token_keys(config: RouterConfig) -> KeySource | None:
    """Where access-token keys come from, if the router verifies tokens at all."""
    if config.jwt_key_file:
        return FileKeys(Path(config.jwt_key_file))
    if config.jwks_url:
        return JwksKeys(config.jwks_url, timeout=config.jwks_timeout, max_age=config.jwks_max_age)
    return None


def api_token_exchange(config: RouterConfig) -> ApiTokenExchange | None:
    """Where partner API tokens are exchanged, if the router accepts them."""
    if not config.api_token_exchange_url:
        return None
    return ApiTokenExchange(
        config.api_token_exchange_url, router_secret=config.secret(), timeout=config.jwks_timeout
    )
