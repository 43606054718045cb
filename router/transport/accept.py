"""The media type a client prefers, from its `Accept` header (RFC 9110 §12.5.1: highest q, then first)."""

from __future__ import annotations


def preferred_media_type(accept: str | None) -> str | None:
    """The media range the client ranks highest, lower-cased with its parameters (`q` dropped), or None.

    Clients such as urql list every format they can read (`application/graphql-response+json, ...,
    text/event-stream, multipart/mixed`); only the one they prefer decides how the router answers, so a
    query or an upload from such a client gets an ordinary JSON response, not a stream.
    """
    best: tuple[float, int, str] | None = None
    for position, item in enumerate((accept or "").split(",")):
        parts = [part.strip() for part in item.split(";") if part.strip()]
        if not parts:
            continue
        quality = 1.0
        params: list[str] = []
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
            else:
                params.append(param.replace(" ", ""))
        if quality <= 0:
            continue
        # Highest quality wins; among equals, the first listed.
        if best is None or quality > best[0]:
            best = (quality, position, ";".join([parts[0].lower(), *params]).lower())
    return best[2] if best else None
