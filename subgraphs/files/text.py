"""Text of PDF, DOCX and TXT files (pypdf, python-docx), kept with the file for the match and for search."""

from __future__ import annotations

import logging
from pathlib import Path

from subgraphs.files.content import DOCX, PDF, TXT

logger = logging.getLogger("subgraphs.files")

# Enough for any resume or cover letter; keeps metadata documents far below MongoDB's 16 MB limit.
MAX_TEXT = 100_000
# A PDF may claim thousands of pages; a resume has a few.
MAX_PAGES = 50


def extract_text(path: Path, content_type: str) -> str | None:
    """The file's text (None for types without text, or when the document cannot be read as one).

    CPU-bound: call it in a worker thread.
    """
    try:
        if content_type == PDF:
            text = _pdf(path)
        elif content_type == DOCX:
            text = _docx(path)
        elif content_type == TXT:
            with path.open(encoding="utf-8") as handle:
                text = handle.read(MAX_TEXT)
        else:
            return None
    except Exception as error:  # a damaged document still uploads; it just has no text
        logger.warning("could not extract text from a %s file: %s", content_type, error)
        return None
    text = text.strip()
    return text[:MAX_TEXT] or None


def _pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts: list[str] = []
    for page in reader.pages[:MAX_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(map(len, parts)) >= MAX_TEXT:
            break
    return "\n".join(parts)


def _docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
