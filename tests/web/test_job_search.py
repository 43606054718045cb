"""A job search in a real browser, as people use the app: sign up, track applications on the board, schedule
an interview, watch the dashboard change, while a second person sees none of it."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from playwright.sync_api import BrowserContext, expect

from tests.web.people import add_application, sign_up


def test_a_person_tracks_a_job_search_and_a_second_person_sees_none_of_it(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Ada Lovelace")
    expect(page.get_by_test_id("total-count")).to_have_text("0")

    # The graph's BAD_USER_INPUT error shows under the field it names, and the form keeps what was typed.
    page.goto("/applications/new")
    page.get_by_label("Company").fill("Initech")
    page.get_by_label("Position").fill("Data engineer")
    page.get_by_label("Job link").fill("not a link")
    page.get_by_role("button", name="Save application").click()
    job_link = page.get_by_label("Job link")
    expect(job_link).to_have_attribute("aria-invalid", "true")
    error_id = job_link.get_attribute("aria-describedby")
    expect(page.locator(f"[id='{error_id}']")).to_be_visible()
    expect(page.get_by_label("Company")).to_have_value("Initech")
    job_link.fill("https://initech.example/jobs/42")
    page.get_by_role("button", name="Save application").click()
    expect(page.get_by_role("heading", name="Data engineer")).to_be_visible()
    initech = page.url.rsplit("/", 1)[-1]
    add_application(page, "Globex", "Analyst", Status="APPLIED", Location="Remote")

    # Drag Initech's card from SAVED to INTERVIEW; the drop asks for a note.
    page.goto("/applications")
    card = page.get_by_test_id(f"card-{initech}")
    expect(page.get_by_test_id("column-SAVED").get_by_test_id(f"card-{initech}")).to_be_visible()
    card.drag_to(page.get_by_test_id("column-INTERVIEW"))
    dialog = page.get_by_role("dialog", name="Move Data engineer at Initech")
    expect(dialog.get_by_label("New status")).to_have_value("INTERVIEW")
    dialog.get_by_label("Note").fill("phone screen booked")
    dialog.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_test_id("column-INTERVIEW").get_by_test_id(f"card-{initech}")).to_be_visible()

    # The keyboard way: focus "Move…", Enter, choose the status, Enter.
    page.get_by_role("button", name="Move Analyst at Globex").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Move Analyst at Globex")
    dialog.get_by_label("New status").select_option("OFFER")
    dialog.get_by_label("Note").focus()
    page.keyboard.type("verbal offer")
    dialog.get_by_role("button", name="Move", exact=True).press("Enter")
    expect(page.get_by_test_id("column-OFFER").get_by_text("Analyst")).to_be_visible()

    # The moves are stored: after a reload the timeline has the note; then schedule an interview.
    page.goto(f"/applications/{initech}")
    expect(page.get_by_text("phone screen booked")).to_be_visible()
    page.get_by_text("Schedule an interview").click()
    starts = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0)
    page.get_by_label("Starts at").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Type").select_option("ONLINE")
    page.get_by_label("Meeting link").fill("https://meet.example/abc")
    page.get_by_role("button", name="Schedule interview").click()
    interviews = page.get_by_role("region", name="Interviews")
    expect(interviews.get_by_text("Meeting link")).to_be_visible()

    # Edit the details: the graph's error shows by the field, then the change is saved.
    page.get_by_role("button", name="Edit details").click()
    editor = page.get_by_role("region", name="Edit details")
    editor.get_by_label("Job link").fill("ftp://initech.example")
    editor.get_by_role("button", name="Save changes").click()
    expect(editor.get_by_label("Job link")).to_have_attribute("aria-invalid", "true")
    editor.get_by_label("Job link").fill("https://initech.example/jobs/43")
    editor.get_by_label("Location").fill("Lisbon")
    editor.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("link", name="https://initech.example/jobs/43")).to_be_visible()
    expect(page.get_by_text("Lisbon", exact=True)).to_be_visible()

    # The dashboard has changed: two applications, one in INTERVIEW, the interview coming up.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_test_id("total-count")).to_have_text("2")
    expect(page.get_by_test_id("in-progress-count")).to_have_text("2")
    expect(page.get_by_test_id("count-INTERVIEW")).to_have_text("1")
    upcoming = page.get_by_role("region", name="Upcoming interviews")
    expect(upcoming.get_by_text("Data engineer · Initech")).to_be_visible()

    # A second person sees none of it, not even by the application's URL.
    other = new_context().new_page()
    sign_up(other, "Bob Stone")
    expect(other.get_by_test_id("total-count")).to_have_text("0")
    expect(other.get_by_text("No interviews coming up.")).to_be_visible()
    other.goto("/applications")
    expect(other.get_by_text("No applications yet.")).to_be_visible()
    other.goto(f"/applications/{initech}")
    expect(other.get_by_text("There is no application with this id among yours.")).to_be_visible()
    other.goto("/interviews")
    expect(other.get_by_text("No interviews.")).to_be_visible()


def test_an_expired_session_is_refreshed_without_losing_the_form(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Grace Hopper")
    page.goto("/applications/new")
    page.get_by_label("Company").fill("Hooli")
    page.get_by_label("Position").fill("SRE")
    # The access token goes bad while the person types (it lives 15 minutes); the refresh token still works.
    before = page.evaluate("() => JSON.parse(localStorage.getItem('jobgraph.session'))")
    page.evaluate(
        "() => { const s = JSON.parse(localStorage.getItem('jobgraph.session'));"
        " s.token = 'e30.e30.bad'; localStorage.setItem('jobgraph.session', JSON.stringify(s)); }"
    )
    page.get_by_role("button", name="Save application").click()
    expect(page.get_by_role("heading", name="SRE")).to_be_visible()
    after = page.evaluate("() => JSON.parse(localStorage.getItem('jobgraph.session'))")
    assert after["userId"] == before["userId"]
    assert after["refreshToken"] != before["refreshToken"]  # rotated: each refresh token works once


def test_signing_out_returns_to_the_sign_in_page_and_signing_in_brings_the_data_back(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    email = sign_up(page, "Alan Turing")
    add_application(page, "Bletchley", "Cryptanalyst")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.goto("/applications/table")
    expect(page).to_have_url(re.compile(r"/signin$"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    # Back where the sign-in was asked for, with the data.
    expect(page).to_have_url(re.compile(r"/applications/table$"))
    expect(page.get_by_role("link", name="Cryptanalyst")).to_be_visible()


def test_a_contact_links_to_the_profile_of_the_person_with_that_email_and_interest_can_be_toggled(
    new_context: Callable[[], BrowserContext],
) -> None:
    barbara = new_context().new_page()
    barbara_email = sign_up(barbara, "Barbara Liskov")
    # Emails are private unless shown; a contact links to a person only by an email they show.
    barbara.goto("/profile")
    barbara.get_by_label("Show my email to signed-in people").check()
    barbara.get_by_role("button", name="Save profile").click()
    expect(barbara.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    page = new_context().new_page()
    sign_up(page, "Ada Lovelace")

    page.goto("/contacts")
    page.get_by_text("Add a contact").click()
    page.get_by_label("Name", exact=True).fill("Barbara from the meetup")
    page.get_by_label("Email").fill(barbara_email)
    page.get_by_role("button", name="Save contact").click()
    page.get_by_label("Search contacts").fill("meetup")
    expect(page.get_by_text("Barbara from the meetup")).to_be_visible()
    # The contacts subgraph learns of new people through events: the link may appear only on a later visit.
    linked = page.get_by_role("link", name="Barbara Liskov")
    deadline = time.monotonic() + 30
    while not linked.is_visible() and time.monotonic() < deadline:
        page.wait_for_timeout(500)
        page.reload()
        expect(page.get_by_text("Barbara from the meetup")).to_be_visible()
    linked.click()
    expect(page.get_by_role("heading", name="Barbara Liskov")).to_be_visible()

    # The button changes at once (optimistic): wait for the graph's whole answer before leaving the page.
    with page.expect_response(lambda response: "addInterest" in (response.request.post_data or "")) as answer:
        page.get_by_role("button", name="Mark as interested").click()
    answer.value.finished()
    expect(page.get_by_role("button", name="Interested ✓ (remove)")).to_have_attribute("aria-pressed", "true")
    page.goto("/profile")
    interested = page.get_by_role("region", name="Interested in")
    expect(interested.get_by_role("link", name="Barbara Liskov")).to_be_visible()

    # People search finds him too; removing the interest empties the list.
    page.goto("/people")
    page.get_by_label("Search people by name").fill("liskov")
    page.get_by_role("link", name="Barbara Liskov").click()
    with page.expect_response(
        lambda response: "removeInterest" in (response.request.post_data or "")
    ) as answer:
        page.get_by_role("button", name="Interested ✓ (remove)").click()
    answer.value.finished()
    expect(page.get_by_role("button", name="Mark as interested")).to_be_visible()
    page.goto("/profile")
    expect(page.get_by_text("Nobody yet")).to_be_visible()


def test_the_table_filters_by_status_and_text_and_pages_through_results(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Edsger Dijkstra")
    token = page.evaluate("() => JSON.parse(localStorage.getItem('jobgraph.session')).token")
    # Enough applications for two pages, made through the API as a partner integration would.
    for number in range(22):
        status = "APPLIED" if number % 2 else "SAVED"
        company = "Globex" if number == 7 else "Initech"
        mutation = (
            "mutation { createApplication(input: {"
            f'company: "{company}", position: "Engineer {number}", status: {status}'
            "}) { id } }"
        )
        answer = page.request.post(
            "/graphql", data={"query": mutation}, headers={"authorization": f"Bearer {token}"}
        )
        assert answer.ok and "errors" not in answer.json(), answer.text()

    page.goto("/applications/table")
    expect(page.get_by_text("Page 1 · 22 applications")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(20)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Page 2 · 22 applications")).to_be_visible()
    expect(rows).to_have_count(2)

    page.get_by_label("Applied", exact=True).check()
    expect(page.get_by_text("Page 1 · 11 applications")).to_be_visible()
    page.get_by_label("Search company or position").fill("globex")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Engineer 7")


def test_the_agenda_filters_interviews_by_type_and_dates(new_context: Callable[[], BrowserContext]) -> None:
    page = new_context().new_page()
    sign_up(page, "Frances Allen")
    application = add_application(page, "IBM", "Compiler engineer")
    token = page.evaluate("() => JSON.parse(localStorage.getItem('jobgraph.session')).token")
    soon, later = datetime.now() + timedelta(days=2), datetime.now() + timedelta(days=40)
    for when, kind in ((soon, "PHONE"), (later, "ONLINE")):
        starts = when.replace(hour=9, minute=0, second=0, microsecond=0).astimezone().isoformat()
        mutation = (
            "mutation { scheduleInterview(input: {"
            f'applicationId: "{application}", startsAt: "{starts}", durationMinutes: 30, type: {kind}'
            "}) { id } }"
        )
        headers = {"authorization": f"Bearer {token}"}
        answer = page.request.post("/graphql", data={"query": mutation}, headers=headers)
        assert answer.ok and "errors" not in answer.json(), answer.text()

    page.goto("/interviews")
    items = page.locator("li.interview")
    expect(items).to_have_count(2)
    page.get_by_label("online").check()
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("online")
    page.get_by_label("online").uncheck()
    page.get_by_label("To", exact=True).fill((soon + timedelta(days=1)).strftime("%Y-%m-%d"))
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("phone")
