"""Real types come from magic bytes, never from names; filenames are made safe."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from subgraphs.files.content import DOCX, JPEG, PDF, PNG, TXT, safe_filename, sniff
from subgraphs.files.text import extract_text
from tests.subgraphs.files import documents


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (documents.pdf(["hello"]), PDF),
        (documents.docx_file(["hello"]), DOCX),
        (documents.png(), PNG),
        (documents.JPEG, JPEG),
        ("Résumé — plain text\n\tindented\r\n".encode(), TXT),
        (b"\x00\x01binary", None),
        (b"\xff\xfe not utf-8 \x80", None),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", None),
        (b"\x1b[31mterminal escapes", None),
    ],
)
def test_sniff_recognises_allowed_types_by_their_bytes(
    tmp_path: Path, content: bytes, expected: str | None
) -> None:
    path = tmp_path / "upload"
    path.write_bytes(content)
    assert sniff(path) == expected


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("evil.sh", "rm -rf /")
    assert sniff(path) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("resume.pdf", "resume.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ada\\cv.docx", "cv.docx"),
        ("bad\x00name\n.pdf", "badname.pdf"),
        ('a<b>c:"d"|e?.txt', "abcde.txt"),
        ("  .hidden  ", "hidden"),
        ("../", ""),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_text_comes_out_of_pdf_docx_and_txt(tmp_path: Path) -> None:
    cases = {
        PDF: documents.pdf(["Ada Byron", "Python and PostgreSQL"]),
        DOCX: documents.docx_file(["Ada Byron", "Python and PostgreSQL"]),
        TXT: b"Ada Byron\nPython and PostgreSQL\n",
    }
    for content_type, content in cases.items():
        path = tmp_path / "doc"
        path.write_bytes(content)
        text = extract_text(path, content_type)
        assert text is not None and "Python and PostgreSQL" in text, content_type
    path = tmp_path / "image"
    path.write_bytes(documents.png())
    assert extract_text(path, PNG) is None


def test_a_damaged_pdf_has_no_text_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\ngarbage")
    assert extract_text(path, PDF) is None
