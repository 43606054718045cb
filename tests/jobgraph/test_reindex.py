"""`jobgraph search reindex` rebuilds a lost or stale search index from what the other subgraphs hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobgraph.cli import main
from jobgraph.reindex import reindex_search
from tests.e2e.client import system_client
from tests.e2e.test_job_search import apply
from tests.e2e.test_search import SEARCH, attach, recruiter_screen


async def test_a_lost_index_is_rebuilt_from_the_subgraphs(tmp_path: Path) -> None:
    async with system_client(tmp_path) as client:
        ada = await client.sign_up("ada@example.com", "Ada Lovelace")
        initech = await apply(client, ada, "Initech", "DevOps engineer", description="Kubernetes")
        await apply(client, ada, "Globex", "Analyst")
        await recruiter_screen(client, ada, initech)
        await attach(client, ada, initech, "letter.pdf", "I ran payments ledgers at Umbrella")
        cancelled = await apply(client, ada, "Hooli", "Engineer")
        await client.data("mutation($id: ID!) { deleteApplication(id: $id) }", ada.token, id=cancelled)
        await client.data(
            'mutation { createContact(input: {name: "Bill Lumbergh", company: "Initech"}) { id } }', ada.token
        )

    shutil.rmtree(tmp_path / "search")
    indexed = await reindex_search({"JOBGRAPH_DATA_DIR": str(tmp_path)})
    # Ada, two applications (Hooli is gone), the interview, the contact, the cover letter.
    assert indexed == 6

    async with system_client(tmp_path) as client:
        login = '{email: "ada@example.com", password: "correct horse battery"}'
        token = (await client.data(f"mutation {{ login(input: {login}) {{ token }} }}"))["login"]["token"]
        result = (await client.data(SEARCH, token, text="initech"))["search"]
        assert sorted(edge["node"]["item"]["__typename"] for edge in result["edges"]) == [
            "Application",
            "Contact",
            "Interview",
        ]
        recruiter = (await client.data(SEARCH, token, text="recruiter devops"))["search"]
        assert [edge["node"]["item"]["__typename"] for edge in recruiter["edges"]] == ["Interview"]
        assert (await client.data(SEARCH, token, text="hooli"))["search"]["totalCount"] == 0
        letter = (await client.data(SEARCH, token, text='"payments ledgers"'))["search"]
        assert [edge["node"]["item"]["id"] for edge in letter["edges"]] == [initech]
        people = (await client.data(SEARCH, token, text="lovelace"))["search"]
        assert people["totalCount"] == 1


def test_the_command_rebuilds_an_empty_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBGRAPH_DATA_DIR", str(tmp_path))
    assert main(["search", "reindex"]) == 0
    # The first generation was made when the index was opened, the rebuilt one replaced it.
    assert (tmp_path / "search" / "CURRENT").read_text() == "generation-2"
    assert not (tmp_path / "search" / "generation-1").exists()
