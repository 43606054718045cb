"""An application's details, the table's filters and bulk changes, the timeline and linked contacts, export
and import, in a real browser against the real graph: one person does it all (sign-ups are rate-limited)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import date, timedelta

from playwright.sync_api import BrowserContext, Page, expect

from tests.web.people import add_application, sign_up


def link_contact(page: Page, name: str, choice: str) -> None:
    """Link the contact `name` (offered as `choice`) on the open application page; the applications subgraph
    learns of a new contact from its event a moment after it is saved, so a refused link is tried again."""
    section = page.get_by_role("region", name="Contacts")
    for _ in range(20):
        page.reload()
        section.get_by_label("Contact", exact=True).select_option(label=choice)
        section.get_by_role("button", name="Link contact").click()
        try:
            expect(section.get_by_role("link", name=name)).to_be_visible(timeout=1500)
            return
        except AssertionError:
            time.sleep(0.5)
    raise AssertionError(f"{name} could not be linked")


def test_a_person_fills_in_the_details_filters_the_table_changes_rows_in_bulk_and_keeps_a_timeline(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Grace Hopper")
    page.goto("/contacts")
    page.get_by_text("Add a contact").click()
    page.get_by_label("Name", exact=True).fill("Ana Lima")
    page.get_by_label("Company").fill("Initech")
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("Ana Lima")).to_be_visible()

    # The new fields in the form; a tag too long is the graph's error at the Tags field.
    deadline = date.today() + timedelta(days=10)
    page.goto("/applications/new")
    page.get_by_label("Company").fill("Initech")
    page.get_by_label("Position").fill("Data engineer")
    page.get_by_label("Source", exact=True).select_option("REFERRAL")
    page.get_by_label("Source detail").fill("Ana")
    page.get_by_label("Priority").select_option("5")
    page.get_by_label("Work mode").select_option("REMOTE")
    page.get_by_label("Employment").select_option("CONTRACT")
    page.get_by_label("Deadline").fill(deadline.isoformat())
    page.get_by_label("Tags").fill("python, " + "x" * 41)
    page.get_by_role("button", name="Save application").click()
    tags = page.get_by_label("Tags")
    expect(tags).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"[id='{tags.get_attribute('aria-describedby')}']")).to_contain_text("40 characters")
    tags.fill("Python, ml")
    page.get_by_role("button", name="Save application").click()
    expect(page.get_by_role("heading", name="Data engineer")).to_be_visible()
    initech = page.url.rsplit("/", 1)[-1]
    details = page.get_by_role("region", name=re.compile("Data engineer"))
    for text in ("Referral (Ana)", re.compile(r"^5 . highest$"), "Remote", "Contract"):
        expect(details.get_by_text(text, exact=True)).to_be_visible()
    expect(details.get_by_role("list", name="Tags").get_by_role("listitem")).to_have_text(["python", "ml"])
    add_application(page, "Globex", "Analyst", Priority="2", Status="APPLIED", Tags="ml")
    add_application(page, "Hooli", "SRE", Priority="4", Status="APPLIED")

    # Board cards show the priority, the deadline and the tags.
    page.goto("/applications")
    card = page.get_by_test_id(f"card-{initech}")
    expect(card.get_by_label("Priority 5 of 5")).to_be_visible()
    expect(card.get_by_text("Due ")).to_be_visible()
    expect(card.get_by_role("list", name="Tags").get_by_role("listitem")).to_have_text(["python", "ml"])

    # The table: an order and filters, kept in the address so the view can be bookmarked.
    page.goto("/applications/table")
    rows = page.locator("tbody tr")
    page.get_by_label("Order", exact=True).select_option("PRIORITY")
    expect(page).to_have_url(re.compile(r"orderBy=PRIORITY"))
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Initech")
    expect(rows.nth(1)).to_contain_text("Hooli")
    expect(rows.nth(2)).to_contain_text("Globex")
    page.get_by_text("More filters").click()
    page.get_by_label("Tags (all of)").fill("ml")
    expect(rows).to_have_count(2)
    page.get_by_label("Priority at least").select_option("3")
    expect(rows).to_have_count(1)
    bookmark = page.url
    page.goto("/")
    page.goto(bookmark)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Initech")
    expect(page.get_by_label("Tags (all of)")).to_have_value("ml")
    page.get_by_label("Priority at most").select_option("1")
    expect(page.get_by_label("Priority at most")).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Clear filters").click()
    expect(rows).to_have_count(3)

    # Bulk: two rows to Interview with a note, then one deleted after a confirmation.
    page.get_by_label("Select all on this page").check()
    expect(page.get_by_text("3 selected")).to_be_visible()
    page.get_by_label("Select Data engineer at Initech").uncheck()
    page.get_by_label("New status").select_option("INTERVIEW")
    page.get_by_label("Note", exact=True).fill("both booked")
    page.get_by_role("button", name="Change status").click()
    summary = page.get_by_role("status", name="Bulk change summary")
    expect(summary).to_contain_text("2 changed")
    expect(summary.get_by_role("listitem")).to_have_count(2)
    expect(rows.filter(has_text="Globex")).to_contain_text("Interview")
    page.get_by_label("Select SRE at Hooli").check()
    page.get_by_role("button", name="Delete…").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete 1").click()
    expect(summary).to_contain_text("1 deleted")
    expect(rows).to_have_count(2)

    # The timeline: every entry, a note (an empty one is caught at the field), newest first on request.
    page.goto(f"/applications/{initech}")
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.locator("[data-kind=CREATED]")).to_be_visible()
    timeline.get_by_role("button", name="Add note").click()
    expect(timeline.get_by_label("Note", exact=True)).to_have_attribute("aria-invalid", "true")
    timeline.get_by_label("Note", exact=True).fill("Recruiter called back")
    timeline.get_by_role("button", name="Add note").click()
    expect(timeline.locator("[data-kind=NOTE]")).to_contain_text("Recruiter called back")
    timeline.get_by_role("button", name="Newest first").click()
    expect(timeline.locator("[data-kind]").first).to_have_attribute("data-kind", "NOTE")

    # Linked contacts: link one of yours, see it on the contacts screen, unlink it.
    link_contact(page, "Ana Lima", "Ana Lima (Initech)")
    expect(timeline.locator("[data-kind=CONTACT_LINKED]")).to_be_visible()
    page.goto("/contacts")
    expect(page.get_by_role("link", name="Data engineer at Initech")).to_be_visible()
    page.goto(f"/applications/{initech}")
    contacts = page.get_by_role("region", name="Contacts")
    contacts.get_by_role("button", name="Unlink Ana Lima").click()
    expect(contacts.get_by_text("No contact is linked to this application.")).to_be_visible()

    # Export the table's view to a file, then import a CSV: a preview of each row's outcome, then the import.
    page.goto("/applications/table?tags=ml")
    expect(rows).to_have_count(2)
    page.get_by_text("Export", exact=True).click()
    page.get_by_role("button", name="CSV").click()
    download = page.get_by_role("link", name=re.compile(r"^Download "))
    expect(download).to_be_visible()
    exported = page.request.get(download.get_attribute("href") or "")
    assert exported.ok, exported.status
    assert "Initech" in exported.text() and "Globex" in exported.text() and "Hooli" not in exported.text()
    page.get_by_role("link", name="Import").click()
    jobs = b"Employer,Role,Stage\nUmbrella,Chemist,APPLIED\n,Analyst,SAVED\n"
    page.get_by_label(re.compile("CSV or XLSX file")).set_input_files(
        {"name": "jobs.csv", "mimeType": "text/csv", "buffer": jobs}
    )
    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Import preview")
    expect(preview.locator("tbody tr")).to_have_count(2)
    expect(preview.locator("[data-outcome=WOULD_CREATE]")).to_contain_text("Umbrella")
    expect(preview.locator("[data-outcome=REFUSED]")).to_contain_text("company")
    page.get_by_role("button", name="Import 1 application").click()
    report = page.get_by_role("region", name="Import report")
    expect(report.locator("[data-outcome=CREATED]")).to_contain_text("Umbrella")
    page.get_by_role("link", name="See them in the table").click()
    expect(page.locator("tbody tr").filter(has_text="Umbrella")).to_be_visible()
