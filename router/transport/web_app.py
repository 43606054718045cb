"""The built web app at `/`: its files as they are, index.html for any other path (client-side routes)."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

INDEX = "index.html"
# Vite names the files under assets/ by their content hash, so a browser may keep them for good.
_IMMUTABLE = "public, max-age=31536000, immutable"


class SinglePageApp(StaticFiles):
    """Static files of a single-page app: a missing file falls back to index.html, except under assets/
    (a missing script must be a 404, not a page that the browser then fails to run)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory)
        self.index = directory / INDEX

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            missing_page = error.status_code == 404 and not path.startswith("assets/")
            if not missing_page or scope["method"] not in ("GET", "HEAD"):
                raise
            return FileResponse(self.index, media_type="text/html", headers={"cache-control": "no-cache"})
        if path.startswith("assets/"):
            response.headers["cache-control"] = _IMMUTABLE
        elif path in (".", INDEX):
            response.headers["cache-control"] = "no-cache"
        return response


def web_app(web_dir: Path | None) -> SinglePageApp | None:
    """The app for a built web directory, or None when there is none (the router then serves only the API)."""
    if web_dir is None or not (web_dir / INDEX).is_file():
        return None
    return SinglePageApp(web_dir)
