"""A job search to run the differential harness over jobgraph's own supergraph: two people, filled in through
a router, printed as the harness's `--header`, `--id` and `--string` arguments.

    python -m bench.differential.jobgraph_data --router http://127.0.0.1:4910/graphql > own.args

The first run signs Ada and Grace up and gives Ada applications in every status (with salaries, tags, notes
and status histories), interviews, contacts linked to applications, a profile with links and skills, an
uploaded resume, and Grace's interest (so notifications exist); Grace gets a few applications of her own,
whose ids Ada's queries must not reach. A later run only signs Ada in again (access tokens live 15 minutes)
and prints the same ids. The arguments go one a line, for `python -m bench.differential @own.args ...`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from typing import Any

import httpx

ADA = {"email": "ada@example.com", "password": "correct horse battery", "name": "Ada Lovelace"}
GRACE = {"email": "grace@example.com", "password": "staple battery horse", "name": "Grace Hopper"}
# Where each interview type happens (only ONSITE has a location, only ONLINE a meeting link).
INTERVIEW_PLACES: tuple[dict[str, str], ...] = (
    {},
    {"location": "Lisbon office"},
    {"meetingUrl": "https://meet.example.com/ada"},
)
STATUSES = ("SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN")
# Each application's way through the statuses: the last one is where it stays.
HISTORIES = (
    ("SAVED",),
    ("SAVED", "APPLIED"),
    ("APPLIED", "INTERVIEW"),
    ("APPLIED", "INTERVIEW", "OFFER"),
    ("APPLIED", "REJECTED"),
    ("SAVED", "APPLIED", "WITHDRAWN"),
)
COMPANIES = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Soylent",
)
POSITIONS = ("Backend Engineer", "Data Engineer", "Frontend Developer", "DevOps Engineer", "Product Manager")
PLACES = ("Lisbon", "Remote", "Berlin", "London")
# Search words and names the data holds, so `search` and `users(search:)` find something.
STRINGS = ("Acme", "Engineer", "Ada", "Grace", "Lisbon", "recruiter", "a")
IDS_QUERY = """
{ me { id interestedIn { id } resume { id } }
  applications(first: 50) { edges { node { id timeline { id } } } }
  interviews(first: 50, filter: {includeCancelled: true}) { edges { node { id } } }
  contacts(first: 50) { edges { node { id } } }
  notifications(first: 50) { edges { node { id } } } }
"""


class Failed(Exception):
    """A set-up operation answered errors."""


class Session:
    """Operations on one router as one signed-in person."""

    def __init__(self, client: httpx.AsyncClient, url: str, token: str | None = None) -> None:
        self.client, self.url, self.token = client, url, token

    async def call(self, query: str, **variables: Any) -> Any:
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        body = {"query": query, "variables": variables}
        answer = (await self.client.post(self.url, json=body, headers=headers)).json()
        if answer.get("errors"):
            raise Failed(json.dumps(answer["errors"]))
        return answer["data"]

    async def retried(self, query: str, **variables: Any) -> Any:
        """`call`, retried for a few seconds: the subgraph may not have heard an event it needs yet."""
        for _ in range(100):
            try:
                return await self.call(query, **variables)
            except Failed as error:
                if "BAD_USER_INPUT" in str(error):
                    raise
                await asyncio.sleep(0.1)
        return await self.call(query, **variables)


async def sign_in(client: httpx.AsyncClient, url: str, person: dict[str, str]) -> tuple[Session, bool]:
    """A session for `person`, signing them up when they are new (the flag says so). Sign-in comes first:
    sign-ups are limited to 20 an hour per address, and a run signs in every time."""
    anonymous = Session(client, url)
    credentials = {"email": person["email"], "password": person["password"]}
    try:
        data = await anonymous.call("mutation($i: LoginInput!) { login(input: $i) { token } }", i=credentials)
        return Session(client, url, data["login"]["token"]), False
    except Failed as error:
        if "UNAUTHENTICATED" not in str(error):
            raise
    data = await anonymous.call("mutation($i: RegisterInput!) { register(input: $i) { token } }", i=person)
    return Session(client, url, data["register"]["token"]), True


async def fill(ada: Session, grace: Session, upload_url: str) -> None:
    """Ada's job search and Grace's few applications (see the module docstring)."""
    grace_id = (await grace.call("{ me { id } }"))["me"]["id"]
    await ada.call(
        "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }",
        i={
            "headline": "Analytical engineer",
            "location": "Lisbon",
            "phone": "+351 900 000 000",
            "skills": ["python", "graphql", "postgresql"],
            "showEmail": True,
            "links": [{"label": "GitHub", "url": "https://github.com/ada"}],
        },
    )
    await grace.call(
        "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }",
        i={"headline": "Compiler writer", "location": "Remote", "skills": ["cobol"]},
    )
    await ada.call("mutation($u: ID!) { addInterest(userId: $u) { id } }", u=grace_id)
    contacts = []
    for index, name in enumerate(("Alan Turing", "Barbara Liskov", "Edsger Dijkstra", "Ken Thompson")):
        data = await ada.call(
            "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }",
            i={
                "name": name,
                "company": COMPANIES[index],
                "position": "Technical recruiter",
                "email": f"contact{index}@example.com",
                "links": [{"label": "site", "url": "https://example.com"}],
                "notes": "Met at a meetup",
            },
        )
        contacts.append(data["createContact"]["id"])
    applications = []
    for index in range(18):
        history = HISTORIES[index % len(HISTORIES)]
        data = await ada.call(
            "mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id } }",
            i={
                "company": COMPANIES[index % len(COMPANIES)],
                "position": POSITIONS[index % len(POSITIONS)],
                "location": PLACES[index % len(PLACES)],
                "status": history[0],
                "salary": {"min": 50000 + 1000 * index, "max": 70000 + 1000 * index, "currency": "EUR"},
                "jobUrl": f"https://jobs.example.com/{index}",
                "tags": ["python", f"tag{index % 3}"],
                "priority": 1 + index % 5,
                "notes": f"Application {index}",
                "source": "REFERRAL",
                "appliedAt": f"2026-0{1 + index % 9}-1{index % 9}T09:00:00Z",
            },
        )
        application = data["createApplication"]["id"]
        applications.append(application)
        for status in history[1:]:
            await ada.call(
                "mutation($a: ID!, $s: ApplicationStatus!) { changeApplicationStatus(id: $a, status: $s,"
                ' note: "moved on") { id } }',
                a=application,
                s=status,
            )
        await ada.call(
            'mutation($a: ID!) { addTimelineNote(applicationId: $a, note: "Called them") { id } }',
            a=application,
        )
    for index, application in enumerate(applications[:4]):
        await ada.retried(
            "mutation($a: ID!, $c: ID!) { linkContact(applicationId: $a, contactId: $c) { id } }",
            a=application,
            c=contacts[index % len(contacts)],
        )
    interviews = []
    for index, application in enumerate(applications[2:12]):
        data = await ada.retried(
            "mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }",
            i={
                "applicationId": application,
                "startsAt": f"2027-0{1 + index % 9}-0{1 + index % 9}T10:00:00Z",
                "durationMinutes": 30 + 15 * (index % 3),
                "type": ("PHONE", "ONSITE", "ONLINE")[index % 3],
                "details": "Technical round",
                **INTERVIEW_PLACES[index % 3],
            },
        )
        interviews.append(data["scheduleInterview"]["id"])
    await ada.call("mutation($i: ID!) { cancelInterview(id: $i) { id } }", i=interviews[-1])
    operations = json.dumps(
        {
            "query": "mutation($f: Upload!, $a: ID) { uploadFile(file: $f, kind: RESUME,"
            " applicationId: $a) { id } }",
            "variables": {"f": None, "a": applications[1]},
        }
    )
    response = await ada.client.post(
        upload_url,
        headers={"authorization": f"Bearer {ada.token}", "apollo-require-preflight": "true"},
        data={"operations": operations, "map": json.dumps({"0": ["variables.f"]})},
        files={
            "0": ("resume.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "application/pdf")
        },
    )
    answer = response.json()
    if answer.get("errors"):
        raise Failed(json.dumps(answer["errors"]))
    await ada.call("mutation($f: ID) { setResume(fileId: $f) { id } }", f=answer["data"]["uploadFile"]["id"])
    for index in range(4):
        await grace.call(
            "mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id } }",
            i={"company": COMPANIES[-1 - index], "position": "COBOL Engineer", "status": STATUSES[index]},
        )


async def ids(ada: Session, grace: Session) -> list[str]:
    """Every id Ada's data holds (and Grace's applications and user id, which Ada must not see)."""
    data = await ada.retried(IDS_QUERY)
    found = [data["me"]["id"], *(user["id"] for user in data["me"]["interestedIn"])]
    if data["me"]["resume"]:
        found.append(data["me"]["resume"]["id"])
    for edge in data["applications"]["edges"]:
        found.append(edge["node"]["id"])
        found.extend(entry["id"] for entry in edge["node"]["timeline"][:1])
    for connection in ("interviews", "contacts", "notifications"):
        found.extend(edge["node"]["id"] for edge in data[connection]["edges"])
    others = await grace.call("{ me { id } applications(first: 2) { edges { node { id } } } }")
    found.append(others["me"]["id"])
    found.extend(edge["node"]["id"] for edge in others["applications"]["edges"])
    return found


async def run(url: str) -> list[str]:
    async with httpx.AsyncClient(timeout=30.0) as client:
        ada, new = await sign_in(client, url, ADA)
        grace, _ = await sign_in(client, url, GRACE)
        if new:
            await fill(ada, grace, url)
        arguments = ["--header", f"authorization: Bearer {ada.token}"]
        for value in await ids(ada, grace):
            arguments += ["--id", value]
        for value in STRINGS:
            arguments += ["--string", value]
        return arguments


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.differential.jobgraph_data", description=__doc__)
    parser.add_argument("--router", required=True, help="the router's /graphql URL")
    args = parser.parse_args(argv)
    try:
        print("\n".join(asyncio.run(run(args.router))))
    except Failed as error:
        print(f"filling in the job search failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
