"""GraphiQL in the browser at GET /graphql, with its assets served by the router (no CDN: works offline)."""

from __future__ import annotations

from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "graphiql_static"
STATIC_PREFIX = "/graphiql/static"

# The page asks the router for the query plan of each operation (header x-jobgraph-plan), so a developer sees
# it under `extensions.queryPlan` in the result pane.
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>jobgraph — GraphiQL</title>
  <link rel="stylesheet" href="{prefix}/graphiql.min.css">
  <style>body {{ margin: 0; height: 100vh; }} #graphiql {{ height: 100vh; }}</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="{prefix}/react.production.min.js"></script>
  <script src="{prefix}/react-dom.production.min.js"></script>
  <script src="{prefix}/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({{
      url: window.location.pathname,
      headers: {{ "x-jobgraph-plan": "true" }},
    }});
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {{
        fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true,
      }})
    );
  </script>
</body>
</html>
"""


def wants_html(accept: str | None) -> bool:
    """A browser navigating to /graphql (Accept: text/html first), not a GraphQL client."""
    if not accept:
        return False
    first = accept.split(",")[0].split(";")[0].strip().lower()
    return first == "text/html"


def graphiql_page() -> HTMLResponse:
    return HTMLResponse(_PAGE.format(prefix=STATIC_PREFIX))


def graphiql_assets() -> StaticFiles:
    return StaticFiles(directory=STATIC_DIR)
