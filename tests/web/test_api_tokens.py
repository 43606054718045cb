"""The partner API tokens screen in a real browser: a person creates a token, sees its secret once, a partner
reads their applications with it, and after the person revokes it the router refuses it (401)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from tests.web.people import add_application, sign_up

APPLICATIONS = "{ applications(first: 10) { totalCount edges { node { company } } } }"


def partner_asks(page: Page, token: str) -> tuple[int, dict[str, object]]:
    """What the graph answers a partner sending `token` (outside the app: no session of its own)."""
    response = page.request.post(
        "/graphql",
        data={"query": APPLICATIONS},
        headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
    )
    return response.status, response.json()


def test_a_token_is_shown_once_reads_applications_and_is_refused_once_revoked(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Carla Coach")
    add_application(page, "Initech", "Data engineer")
    page.goto("/profile")
    page.get_by_role("link", name="Partner API tokens").click()
    expect(page.get_by_role("heading", name="Partner API tokens")).to_be_visible()
    expect(page.get_by_text("No tokens yet.")).to_be_visible()

    form = page.get_by_role("form", name="New API token")
    # The graph's BAD_USER_INPUT errors show at their fields: first the empty name, then no scope at all.
    form.get_by_role("button", name="Create token").click()
    expect(form.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    form.get_by_label("Name").fill("Bootcamp")
    form.get_by_role("button", name="Create token").click()
    expect(form.get_by_role("group", name="Scopes").get_by_role("alert")).to_contain_text("scope")
    form.get_by_label("applications:read").check()
    form.get_by_label("profile:read").check()
    # Safe retries: the app sends every mutation with an Idempotency-Key of its own.
    with page.expect_request(lambda request: "CreateApiToken" in (request.post_data or "")) as sent:
        form.get_by_role("button", name="Create token").click()
    assert re.fullmatch(r"[0-9a-f-]{36}", sent.value.headers.get("idempotency-key", "")), sent.value.headers

    secret = page.get_by_label("Token secret")
    expect(secret).to_have_value(re.compile(r"^jgp_[\w-]{43}$"))
    expect(page.get_by_text("this is the only time it is shown")).to_be_visible()
    token = secret.input_value()
    row = page.get_by_role("listitem").filter(has_text="Bootcamp")
    expect(row).to_contain_text("applications:read")
    expect(row).to_contain_text("never used")

    status, answer = partner_asks(page, token)
    assert status == 200, answer
    assert answer["data"] == {"applications": {"totalCount": 1, "edges": [{"node": {"company": "Initech"}}]}}

    # The secret is gone once acknowledged and never comes back with the list.
    page.get_by_role("button", name="I have copied it").click()
    expect(page.get_by_label("Token secret")).to_have_count(0)
    page.reload()
    expect(row).to_contain_text("last used")
    expect(page.get_by_label("Token secret")).to_have_count(0)

    row.get_by_role("button", name="Revoke Bootcamp").click()
    dialog = page.get_by_role("dialog", name="Revoke Bootcamp?")
    dialog.get_by_role("button", name="Revoke", exact=True).click()
    expect(page.get_by_text("No tokens yet.")).to_be_visible()

    # The router remembers an exchange for 30 s: the revocation takes effect within that.
    deadline = time.monotonic() + 45
    while (status := partner_asks(page, token)[0]) == 200 and time.monotonic() < deadline:
        page.wait_for_timeout(1_000)
    assert status == 401
