"""What a person does in the app, step by step through the UI (shared by the browser tests)."""

from __future__ import annotations

import itertools

from playwright.sync_api import Page, expect

_serial = itertools.count(1)


def sign_up(page: Page, name: str) -> str:
    """Create an account through the sign-up form; returns the email used. Lands on the dashboard."""
    email = f"{name.split()[0].lower()}{next(_serial)}@example.com"
    page.goto("/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name=f"Hello, {name}")).to_be_visible()
    return email


def add_application(page: Page, company: str, position: str, **fields: str) -> str:
    """Fill the new-application form (labels → values in `fields`); returns the new application's id."""
    page.goto("/applications/new")
    page.get_by_label("Company").fill(company)
    page.get_by_label("Position").fill(position)
    for label, value in fields.items():
        control = page.get_by_label(label, exact=True)
        if control.evaluate("element => element.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    page.get_by_role("button", name="Save application").click()
    expect(page.get_by_role("heading", name=position)).to_be_visible()
    return page.url.rsplit("/", 1)[-1]


def sign_in(page: Page, email: str) -> None:
    """Sign in through the form (the password every test person has); lands on the dashboard."""
    page.goto("/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()


def move_on_board(page: Page, title: str, status: str, note: str = "") -> None:
    """Move the card `title` ("Position at Company") to `status` with the keyboard-friendly Move dialog."""
    page.goto("/applications")
    page.get_by_role("button", name=f"Move {title}").click()
    dialog = page.get_by_role("dialog", name=f"Move {title}")
    dialog.get_by_label("New status").select_option(status)
    dialog.get_by_label("Note").fill(note)
    dialog.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_test_id(f"column-{status}").get_by_text(title.split(" at ")[0])).to_be_visible()
