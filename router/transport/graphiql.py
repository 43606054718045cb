"""GraphiQL in the browser at GET /graphql, with its assets served by the router (no CDN: works offline)."""

from __future__ import annotations

from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "graphiql_static"
STATIC_PREFIX = "/graphiql/static"

# The page asks the router for the query plan of each operation (header x-jobgraph-plan), so a developer sees
# it under `extensions.queryPlan` in the result pane. Subscriptions go over SSE (the router's graphql-sse
# transport, router/transport/sse.py): the fetcher returns an async iterator of results, which GraphiQL shows
# live, one after the other, and closing it (the stop button) aborts the request.
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
    const url = window.location.pathname;
    const httpFetcher = GraphiQL.createFetcher({{ url, headers: {{ "x-jobgraph-plan": "true" }} }});
    function isSubscription(params, opts) {{
      const operations = ((opts && opts.documentAST) || {{ definitions: [] }}).definitions
        .filter((d) => d.kind === "OperationDefinition");
      const named = (d) => !params.operationName || (d.name && d.name.value === params.operationName);
      const chosen = operations.find(named);
      return Boolean(chosen && chosen.operation === "subscription");
    }}
    async function* subscribeOverSse(params, opts) {{
      const abort = new AbortController();
      try {{
        const response = await fetch(url, {{
          method: "POST",
          signal: abort.signal,
          headers: {{
            ...((opts && opts.headers) || {{}}),
            "content-type": "application/json",
            accept: "text/event-stream",
          }},
          body: JSON.stringify(params),
        }});
        if (!response.ok) {{ yield await response.json(); return; }}
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {{
          const {{ value, done }} = await reader.read();
          if (done) return;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\\n\\n")) >= 0) {{
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = "", data = "";
            for (const line of block.split("\\n")) {{
              if (line.startsWith("event:")) event = line.slice(6).trim();
              else if (line.startsWith("data:")) data += line.slice(5).trim();
            }}
            if (event === "next") yield JSON.parse(data);
            if (event === "complete") return;
          }}
        }}
      }} finally {{
        abort.abort();
      }}
    }}
    const fetcher = (params, opts) =>
      isSubscription(params, opts) ? subscribeOverSse(params, opts) : httpFetcher(params, opts);
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
