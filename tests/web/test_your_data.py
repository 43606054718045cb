"""Data rights in a real browser: a person exports everything about them and downloads the archive once it is
ready, then deletes their account (a wrong password refused at the field) and lands on the sign-in page."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect

from tests.web.people import add_application, sign_up


def test_export_then_delete_the_account(new_context: Callable[[], BrowserContext]) -> None:
    page = new_context().new_page()
    email = sign_up(page, "Rosalind Franklin")
    add_application(page, "King's College", "Research associate")
    page.goto("/profile")
    data = page.get_by_role("region", name="Your data")
    expect(data.get_by_text("No exports yet.")).to_be_visible()

    data.get_by_role("button", name="Export my data").click()
    exports = data.get_by_role("list", name="Your exports")
    # The row follows the export (polling myDataExport) until the archive is ready, without a reload.
    download = exports.get_by_role("link", name=re.compile(r"^Download archive"))
    expect(download).to_be_visible(timeout=60_000)
    expect(exports.get_by_text("READY")).to_be_visible()
    archive = page.request.get(download.get_attribute("href") or "")
    assert archive.ok and archive.body()[:2] == b"PK", archive.status

    data.get_by_role("button", name="Delete my account…").click()
    dialog = page.get_by_role("dialog", name="Delete your account?")
    dialog.get_by_label("Your password").fill("not my password")
    dialog.get_by_role("button", name="Delete my account").click()
    expect(dialog.get_by_label("Your password")).to_have_attribute("aria-invalid", "true")
    expect(dialog.get_by_role("alert")).to_contain_text("password")
    dialog.get_by_label("Your password").fill("correct horse battery")
    dialog.get_by_role("button", name="Delete my account").click()
    expect(page).to_have_url(re.compile(r"/signin$"))

    # The account is gone: signing in again is refused.
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/signin$"))
