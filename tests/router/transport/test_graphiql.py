"""GraphiQL's fetcher, run by Node against a real router: subscriptions stream live over SSE, the rest is
plain HTTP. (The page's own script is what runs; only the browser globals around it are stubbed.)"""

from __future__ import annotations

import asyncio
import json
import shutil

import pytest

from router.transport.graphiql import graphiql_page
from tests.router.transport.streaming import streaming_router

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the page's script")

_BROWSER_STUBS = """
const window = { location: { pathname: process.argv[1] } };
const GraphiQL = { createFetcher: () => async () => ({ http: true }) };
const React = { createElement: () => null };
const ReactDOM = { createRoot: () => ({ render: () => null }) };
const document = { getElementById: () => null };
"""
_RUN = """
const documentAST = { definitions: [{ kind: "OperationDefinition", operation: "subscription" }] };
(async () => {
  const results = fetcher({ query: process.argv[2] }, { documentAST, headers: {} });
  for await (const result of results) console.log(JSON.stringify(result));
})();
"""


def page_script() -> str:
    page = bytes(graphiql_page().body).decode()
    return page[page.index("<script>\n") + len("<script>\n") : page.rindex("</script>")]


async def test_the_page_fetcher_streams_a_subscription_over_sse() -> None:
    query = "subscription { reviewAdded(count: 2) { body author { name } } }"
    async with streaming_router() as served:
        process = await asyncio.create_subprocess_exec(
            "node",
            "-e",
            _BROWSER_STUBS + page_script() + _RUN,
            served.url,
            query,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        output, errors = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, errors.decode()
    results = [json.loads(line) for line in output.decode().splitlines()]
    assert len(results) == 2
    assert results[0]["data"]["reviewAdded"]["author"]["name"]
