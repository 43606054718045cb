"""Privacy of people through the router: emails stay private unless shown, and the sign-in limits follow
the client address the router saw — a stranger neither escapes them by claiming another address nor locks
the owner out from theirs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from jobgraph.system import running_system
from subgraphs.users.service import MAX_FAILED_LOGINS
from tests.e2e.client import RouterClient

LOGIN = 'mutation($p: String!) { login(input: {email: "ada@example.com", password: $p}) { user { name } } }'


@asynccontextmanager
async def clients(data_dir: Path, *addresses: str) -> AsyncIterator[list[RouterClient]]:
    """One router client per client address, all on one running system."""
    async with running_system(data_dir, {}) as system:
        opened = [
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=system.app, client=(address, 40000)),
                base_url="http://jobgraph",
                timeout=30,
            )
            for address in addresses
        ]
        try:
            yield [RouterClient(http) for http in opened]
        finally:
            for http in opened:
                await http.aclose()


async def code_of(client: RouterClient, password: str, **headers: str) -> str | None:
    response = await client.http.post(
        "/graphql", json={"query": LOGIN, "variables": {"p": password}}, headers=headers
    )
    errors = response.json().get("errors")
    return errors[0]["extensions"]["code"] if errors else None


async def test_a_stranger_is_limited_by_the_address_the_router_saw(tmp_path: Path) -> None:
    async with clients(tmp_path, "198.51.100.7", "203.0.113.66") as (owner, stranger):
        ada = await owner.sign_up("ada@example.com", "Ada")
        for n in range(MAX_FAILED_LOGINS):
            # Claiming a new address each time changes nothing: the router appends the one it saw.
            assert (
                await code_of(stranger, "a guess", **{"x-forwarded-for": f"192.0.2.{n}"}) == "UNAUTHENTICATED"
            )
        assert await code_of(stranger, "correct horse battery") == "RATE_LIMITED"
        # Was: locked out for 15 minutes by anyone's ten wrong passwords.
        assert await code_of(owner, "correct horse battery") is None

        profile = "query($id: ID!) { user(id: $id) { name email } }"
        bob = await stranger.sign_up("bob@example.com", "Bob")
        assert await stranger.data(profile, bob.token, id=ada.id) == {"user": {"name": "Ada", "email": None}}
        await owner.data("mutation { updateProfile(input: {showEmail: true}) { id } }", ada.token)
        shown = await stranger.data(profile, bob.token, id=ada.id)
        assert shown == {"user": {"name": "Ada", "email": "ada@example.com"}}
