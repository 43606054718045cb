"""The screens for the analytics, notifications, search and files subgraphs in a real browser: charts that
follow the applications, a second tab of the same person kept current live, search, a resume and its match."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from tests.web.people import add_application, move_on_board, sign_in, sign_up

RESUME = b"Backend developer: Python, PostgreSQL, Kubernetes, GraphQL APIs and event-driven systems.\n"
DESCRIPTION = "We look for a backend engineer with Python, PostgreSQL, Kubernetes, Terraform and Kafka."


def eventually(page: Page, check: Callable[[], None], attempts: int = 10) -> None:
    """`check` passes after at most `attempts` reloads: subgraphs that read events catch up a moment later."""
    for _ in range(attempts - 1):
        try:
            check()
            return
        except AssertionError:
            page.wait_for_timeout(500)
            page.reload()
    check()


def test_the_analytics_charts_change_after_adding_applications(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Grace Hopper")
    page.get_by_role("link", name="Analytics").click()
    expect(page.get_by_text("No applications yet.")).to_be_visible()

    add_application(page, "Remington Rand", "Backend developer", Status="APPLIED", Location="Remote")
    page.goto("/analytics")

    def one_sent() -> None:
        expect(page.get_by_test_id("analytics-total")).to_have_text("1", timeout=2_000)

    eventually(page, one_sent)
    expect(page.get_by_test_id("status-mix-APPLIED")).to_have_text("1")
    expect(page.get_by_test_id("locations-Remote")).to_have_text("1")
    expect(page.get_by_test_id("positions-Backend")).to_have_text("1")
    expect(page.get_by_test_id("funnel-APPLIED")).to_contain_text("1")
    expect(page.get_by_role("img", name=re.compile(r"Applications per month\. .*: 1"))).to_be_visible()

    add_application(page, "Eckert-Mauchly", "iOS developer", Status="INTERVIEW", Location="Philadelphia")
    page.goto("/analytics")

    def two_sent() -> None:
        expect(page.get_by_test_id("analytics-total")).to_have_text("2", timeout=2_000)

    eventually(page, two_sent)
    expect(page.get_by_test_id("status-mix-INTERVIEW")).to_have_text("1")
    expect(page.get_by_test_id("positions-Mobile")).to_have_text("1")
    expect(page.get_by_test_id("locations-Philadelphia")).to_have_text("1")
    expect(page.get_by_role("img", name=re.compile(r"Applications per month\. .*: 2"))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"Applications per week\. .*: 2"))).to_be_visible()

    # A range: a reversed one is refused at its field; one before any application is empty; the last 3 months
    # hold both.
    page.get_by_label("Range", exact=True).select_option("CUSTOM")
    page.get_by_label("From").fill("2020-03-01")
    page.get_by_label("To (included)").fill("2020-02-01")
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("To (included)").fill("2020-12-31")
    expect(page.get_by_text("No applications were sent in this range.")).to_be_visible()
    page.get_by_label("Range", exact=True).select_option("3M")
    expect(page.get_by_test_id("analytics-total")).to_have_text("2")


def test_a_second_tab_of_the_same_person_sees_a_status_change_and_a_notification_live(
    new_context: Callable[[], BrowserContext],
) -> None:
    first = new_context().new_page()
    email = sign_up(first, "Hedy Lamarr")
    application = add_application(first, "Antheil Labs", "Radio engineer", Status="APPLIED")
    second = new_context().new_page()
    sign_in(second, email)
    second.goto("/applications")
    expect(second.get_by_test_id("column-APPLIED").get_by_test_id(f"card-{application}")).to_be_visible()
    expect(second.get_by_test_id("unread-count")).to_have_count(0)

    move_on_board(first, "Radio engineer at Antheil Labs", "INTERVIEW", "frequency hopping demo")

    # No reload in the second tab: the subscription brings the change and the notification.
    expect(second.get_by_test_id("column-INTERVIEW").get_by_test_id(f"card-{application}")).to_be_visible()
    expect(second.get_by_test_id("unread-count")).to_have_text("1")
    second.get_by_role("link", name=re.compile(r"^Notifications, 1 unread")).click()
    notifications = second.get_by_test_id("notifications")
    expect(notifications.get_by_text("Radio engineer", exact=False).first).to_be_visible()
    second.get_by_role("button", name="Mark all read").click()
    expect(second.get_by_test_id("unread-count")).to_have_count(0)
    expect(second.get_by_role("button", name=re.compile(r"^Mark read: "))).to_have_count(0)

    # Settings: email off and a one-week reminder, kept after a reload.
    second.get_by_label("Also send reminders and contact news by email").uncheck()
    second.get_by_label("1 week").check()
    second.get_by_role("button", name="Save settings").click()
    expect(second.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    second.reload()
    expect(second.get_by_label("1 week")).to_be_checked()
    expect(second.get_by_label("Also send reminders and contact news by email")).not_to_be_checked()


def test_the_search_box_finds_an_application_and_links_to_it(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Alan Turing")
    application = add_application(
        page, "Bletchley", "Cryptanalyst <b>lead</b>", Description="Breaking Enigma at Hut 8"
    )
    box = page.get_by_role("searchbox", name="Search everything")

    def found() -> None:
        box.fill("enigma")
        box.press("Enter")
        expect(page.get_by_test_id("hits-APPLICATION")).to_be_visible(timeout=2_000)

    eventually(page, found)
    hits = page.get_by_test_id("hits-APPLICATION")
    expect(hits.locator("mark")).to_have_text(["Enigma"])
    # The position's markup is text, never HTML.
    expect(hits.locator("b")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(r"Applications \(1\)"))).to_be_visible()
    hits.get_by_role("link", name="Cryptanalyst <b>lead</b> at Bletchley").click()
    expect(page).to_have_url(re.compile(f"/applications/{application}$"))


def test_a_resume_upload_shows_on_the_profile_and_an_application_gets_a_match_score(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Margaret Hamilton")
    application = add_application(page, "Draper Lab", "Backend engineer", Description=DESCRIPTION)
    expect(page.get_by_text("No match to show")).to_be_visible()

    page.goto("/profile")
    resume = page.get_by_test_id("resume")
    resume.get_by_label("Resume file (PDF, Word or text)").set_input_files(
        {"name": "hamilton-resume.txt", "mimeType": "text/plain", "buffer": RESUME}
    )
    resume.get_by_role("button", name="Upload").click()
    expect(resume.get_by_role("link", name="hamilton-resume.txt")).to_be_visible()

    page.goto(f"/applications/{application}")
    expect(page.get_by_test_id("match-score")).to_have_text(re.compile(r"^\d+%$"))
    expect(page.get_by_text("Missing:")).to_be_visible()

    # A document on the application: upload, download link, delete.
    documents = page.get_by_test_id("documents")
    documents.get_by_text("Attach a document").click()
    documents.get_by_label("Document (PDF, Word, text or image)").set_input_files(
        {"name": "cover-letter.txt", "mimeType": "text/plain", "buffer": b"Dear Draper Lab,\n"}
    )
    documents.get_by_role("button", name="Upload").click()
    link = documents.get_by_role("link", name="cover-letter.txt")
    expect(link).to_be_visible()
    download = page.request.get(link.get_attribute("href") or "")
    assert download.ok and download.body() == b"Dear Draper Lab,\n"
    page.on("dialog", lambda dialog: dialog.accept())
    documents.get_by_role("button", name="Delete cover-letter.txt").click()
    expect(documents.get_by_role("link", name="cover-letter.txt")).to_have_count(0)


def test_a_large_document_goes_directly_to_storage_and_is_listed_with_the_application(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Katherine Johnson")
    application = add_application(page, "NASA", "Flight dynamics engineer")
    page.goto(f"/applications/{application}")
    # Above the 1 MB threshold: createUpload, a PUT to the signed URL (not through /graphql), completeUpload.
    puts: list[str] = []
    page.on("request", lambda request: puts.append(request.url) if request.method == "PUT" else None)
    big = (RESUME * (1_300_000 // len(RESUME) + 1))[:1_300_000]
    page.get_by_text("Attach a document").click()
    page.get_by_label("Document (PDF, Word, text or image)").set_input_files(
        {"name": "trajectories.txt", "mimeType": "text/plain", "buffer": big}
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status").filter(has_text="Uploaded trajectories.txt.")).to_be_visible()
    expect(page.get_by_role("link", name="trajectories.txt")).to_be_visible()
    assert len(puts) == 1 and "/blobs/" in puts[0], puts


def test_search_results_and_notifications_page_through_long_lists(
    new_context: Callable[[], BrowserContext],
) -> None:
    page = new_context().new_page()
    sign_up(page, "Frances Allen")
    token = page.evaluate("() => JSON.parse(localStorage.getItem('jobgraph.session')).token")

    def graph(query: str) -> dict[str, object]:
        headers = {"authorization": f"Bearer {token}"}
        answer = page.request.post("/graphql", data={"query": query}, headers=headers)
        assert answer.ok and "errors" not in answer.json(), answer.text()
        data: dict[str, object] = answer.json()["data"]
        return data

    # 32 applications (two pages of 30 hits) and 22 status changes (two pages of 20 notifications).
    for number in range(32):
        fields = f'company: "Zephyr", position: "Compiler engineer {number}"'
        created = graph(f"mutation {{ createApplication(input: {{{fields}}}) {{ id }} }}")
        if number < 22:
            identifier = created["createApplication"]["id"]  # type: ignore[index]
            graph(f'mutation {{ changeApplicationStatus(id: "{identifier}", status: APPLIED) {{ id }} }}')

    page.goto("/search?q=zephyr")

    def all_found() -> None:
        expect(page.get_by_text("Page 1 · 32 results")).to_be_visible(timeout=2_000)

    eventually(page, all_found)
    hits = page.get_by_test_id("hits-APPLICATION").locator("li.hit")
    expect(hits).to_have_count(30)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Page 2 · 32 results")).to_be_visible()
    expect(hits).to_have_count(2)

    page.goto("/notifications")

    def all_notified() -> None:
        expect(page.get_by_text("Page 1 · 22 notifications")).to_be_visible(timeout=2_000)

    eventually(page, all_notified)
    items = page.get_by_test_id("notifications").locator(":scope > li")
    expect(items).to_have_count(20)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Page 2 · 22 notifications")).to_be_visible()
    expect(items).to_have_count(2)
