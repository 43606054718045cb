"""An application's whole story through the router: its own changes and notes, the interviews, documents and
contacts other subgraphs tell it about by events, and contacts linked across the two subgraphs."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e.client import Person, RouterClient
from tests.e2e.test_files import RESUME, multipart_upload
from tests.e2e.test_job_search import SCHEDULE, apply, eventually

TIMELINE = """query($id: ID!) { application(id: $id) {
  timeline { kind summary note status previousStatus interviewId fileId contactId contactName }
  contacts { id name company }
} }"""
LINK = """mutation($a: ID!, $c: ID!) { linkContact(applicationId: $a, contactId: $c) {
  id contacts { id name } } }"""


async def timeline_when(
    client: RouterClient, person: Person, application_id: str, expected: list[str]
) -> dict[str, Any]:
    """The application once its timeline has the `expected` kinds (entries from events arrive shortly).

    Meanwhile a contact deleted in the contacts subgraph may still be linked here until `contact.deleted`
    arrives: it no longer resolves, so `contacts` is briefly null with an error (the field is nullable).
    """
    for _ in range(200):
        body = await client.raw(TIMELINE, person.token, id=application_id)
        found: dict[str, Any] = body["data"]["application"]
        if not body.get("errors") and [entry["kind"] for entry in found["timeline"]] == expected:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"the timeline never became {expected}: {body}")


async def upload_when_known(client: RouterClient, person: Person, application_id: str) -> str:
    """Attach a resume to the application once the files subgraph has heard of it."""
    for _ in range(100):
        try:
            return str(
                (await multipart_upload(client, person.token, RESUME, applicationId=application_id))["id"]
            )
        except AssertionError as error:
            if "NOT_FOUND" not in str(error):
                raise
        await asyncio.sleep(0.05)
    raise AssertionError("files never heard of the application")


async def test_the_whole_story_of_an_application(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    initech = await apply(client, ada, "Initech", "Data engineer")

    await client.data(
        'mutation($id: ID!) { changeApplicationStatus(id: $id, status: APPLIED, note: "sent CV") { id } }',
        ada.token,
        id=initech,
    )
    await client.data(
        'mutation($id: ID!) { addTimelineNote(applicationId: $id, note: "Recruiter called back") { id } }',
        ada.token,
        id=initech,
    )
    scheduled = await eventually(
        client,
        SCHEDULE,
        ada.token,
        input={
            "applicationId": initech,
            "startsAt": "2099-05-04T10:00:00Z",
            "durationMinutes": 45,
            "type": "PHONE",
        },
    )
    interview = scheduled["scheduleInterview"]["id"]
    await client.data(
        'mutation($id: ID!) { updateInterview(id: $id, input: {startsAt: "2099-05-05T11:00:00Z"}) { id } }',
        ada.token,
        id=interview,
    )
    await client.data("mutation($id: ID!) { cancelInterview(id: $id) { id } }", ada.token, id=interview)
    resume = await upload_when_known(client, ada, initech)
    contact = await client.data(
        'mutation { createContact(input: {name: "Peter Gibbons", company: "Initech"}) { id } }', ada.token
    )
    peter = contact["createContact"]["id"]
    # Applications learns of the new contact by `contact.created`: a moment after it is created.
    linked = await eventually(client, LINK, ada.token, a=initech, c=peter)
    assert linked["linkContact"]["contacts"] == [{"id": peter, "name": "Peter Gibbons"}]

    story = await timeline_when(
        client,
        ada,
        initech,
        [
            "CREATED",
            "STATUS_CHANGED",
            "NOTE",
            "INTERVIEW_SCHEDULED",
            "INTERVIEW_RESCHEDULED",
            "INTERVIEW_CANCELLED",
            "DOCUMENT_ATTACHED",
            "CONTACT_LINKED",
        ],
    )
    entries = story["timeline"]
    assert (entries[1]["previousStatus"], entries[1]["status"], entries[1]["note"]) == (
        "SAVED",
        "APPLIED",
        "sent CV",
    )
    assert entries[2]["summary"] == "Note: Recruiter called back"
    assert {entries[index]["interviewId"] for index in (3, 4, 5)} == {interview}
    assert entries[4]["summary"] == "Interview moved from 2099-05-04 10:00 UTC to 2099-05-05 11:00 UTC"
    assert (entries[6]["fileId"], entries[6]["summary"]) == (resume, "Attached Ada Byron resume.pdf")
    assert (entries[7]["contactId"], entries[7]["contactName"]) == (peter, "Peter Gibbons")
    # Application.contacts comes from the contacts subgraph; Contact.applications from applications.
    assert story["contacts"] == [{"id": peter, "name": "Peter Gibbons", "company": "Initech"}]
    seen_from_contact = await client.data(
        "query($id: ID!) { contact(id: $id) { name applications { company position } } }", ada.token, id=peter
    )
    assert seen_from_contact["contact"] == {
        "name": "Peter Gibbons",
        "applications": [{"company": "Initech", "position": "Data engineer"}],
    }

    # Bob sees none of it and changes none of it.
    assert (await client.data(TIMELINE, bob.token, id=initech))["application"] is None
    refused = await client.raw(LINK, bob.token, a=initech, c=peter)
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    refused = await client.raw(
        'mutation($id: ID!) { addTimelineNote(applicationId: $id, note: "hi") { id } }', bob.token, id=initech
    )
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"

    # Deleting the contact unlinks it everywhere, and the timeline says so.
    await client.data("mutation($id: ID!) { deleteContact(id: $id) }", ada.token, id=peter)
    after = await timeline_when(
        client,
        ada,
        initech,
        [entry["kind"] for entry in entries] + ["CONTACT_UNLINKED"],
    )
    assert after["contacts"] == []


async def test_bad_input_is_refused_with_its_field(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    initech = await apply(client, ada, "Initech", "Data engineer")
    note = "mutation($id: ID!, $note: String!) { addTimelineNote(applicationId: $id, note: $note) { id } }"
    for text in ("   ", "x" * 5001):
        refused = await client.raw(note, ada.token, id=initech, note=text)
        extensions = refused["errors"][0]["extensions"]
        assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", "note")
    refused = await client.raw(LINK, ada.token, a=initech, c="no-such-contact")
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert refused["errors"][0]["extensions"]["field"] == "contactId"
    anonymous = await client.raw(note, None, id=initech, note="hi")
    # The router refuses it while planning: the field needs the person's session or applications:write.
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHORIZED_FIELD_OR_TYPE"
