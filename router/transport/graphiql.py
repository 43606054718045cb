"""GraphiQL in the browser at GET /graphql: the page the web build made (web/graphiql.html), no CDN.

GraphiQL comes from npm and is bundled by the same Vite build as the web app; its page loads its scripts from
`/assets/`, which the web app's mount serves. Without a built web app the page says how to build it.
"""

from __future__ import annotations

from pathlib import Path

from starlette.responses import FileResponse, HTMLResponse, Response

PAGE = "graphiql.html"

_NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>jobgraph — GraphiQL</title></head>
<body><h1>GraphiQL is not built</h1>
<p>GraphiQL is part of the web build: run <code>make web</code> (or <code>make run</code>) and reload.
GraphQL requests to this URL work as usual.</p></body></html>
"""


def wants_html(accept: str | None) -> bool:
    """A browser navigating to /graphql (Accept: text/html first), not a GraphQL client."""
    if not accept:
        return False
    first = accept.split(",")[0].split(";")[0].strip().lower()
    return first == "text/html"


def graphiql_page(web_dir: Path | None) -> Response:
    """The built GraphiQL page from `web_dir`, or a 503 page saying how to build it."""
    page = web_dir / PAGE if web_dir is not None else None
    if page is None or not page.is_file():
        return HTMLResponse(_NOT_BUILT, status_code=503)
    # The page names hashed asset files: it must not be cached past a rebuild.
    return FileResponse(page, media_type="text/html", headers={"cache-control": "no-cache"})
