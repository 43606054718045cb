"""What a file really is: allowed types recognised by their magic bytes (never by the name the client gave),
and filenames made safe to store and to put in a Content-Disposition header."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"

ALLOWED_TYPES = (PDF, DOCX, TXT, PNG, JPEG)
# The types text is extracted from (for the resume match and for search).
TEXT_TYPES = (PDF, DOCX, TXT)

_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
_ZIP = b"PK\x03\x04"
# Text may hold tabs, newlines, carriage returns and form feeds, and no other control character.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_NAME = 200


def sniff(path: Path) -> str | None:
    """The allowed type `path`'s bytes are, or None (an unknown format, or a ZIP that is not a DOCX)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    if head.startswith(_ZIP):
        return DOCX if _is_docx(path) else None
    return TXT if _is_text(path) else None


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _is_text(path: Path) -> bool:
    # Decoding incrementally keeps memory flat for a 10 MB text file.
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        while chunk := handle.read(65536):
            try:
                decoded = decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
            if _CONTROL.search(decoded):
                return False
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def safe_filename(name: str) -> str:
    """`name` without any directory part, control or path characters; at most `MAX_NAME` characters with
    its extension kept. Empty when nothing printable is left (the caller rejects that)."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(
        char for char in name if unicodedata.category(char)[0] != "C" and char not in '<>:"|?*'
    ).strip(" .")
    if len(cleaned) > MAX_NAME:
        stem, dot, extension = cleaned.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            cleaned = f"{stem[: MAX_NAME - len(extension) - 1]}.{extension}"
        else:
            cleaned = cleaned[:MAX_NAME]
    return cleaned
