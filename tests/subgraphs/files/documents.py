"""Real documents for the files tests: PDFs with text (built byte by byte), DOCX (python-docx), PNG, JPEG,
plus the realistic resumes and job descriptions the match is checked on."""

from __future__ import annotations

import io
import struct
import zlib

import docx


def pdf(lines: list[str], *, padding: int = 0) -> bytes:
    """A valid one-page PDF showing `lines` in Helvetica (pypdf extracts them back); `padding` adds an
    unreferenced stream of that many bytes, to make large but real PDFs."""
    text = (
        "BT /F1 11 Tf 50 780 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
            for line in lines
        )
        + " ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.encode("latin-1")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if padding:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (padding, b"0" * padding))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_file(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def png() -> bytes:
    """A 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"

BACKEND_RESUME = [
    "Ada Byron - Senior Backend Engineer",
    "Skills: Python, Django, FastAPI, PostgreSQL, Redis, Docker, Kubernetes, AWS, GraphQL, Git",
    "Initech (2021-2025): built payment APIs in Python and FastAPI serving 2M users;",
    "cut p99 latency by 40% with Redis caching; led a team of 4 and mentored two juniors.",
    "Globex (2017-2021): Django and PostgreSQL services, CI/CD with GitHub Actions, code reviews.",
]

BACKEND_JOB = """Senior Backend Engineer, Payments
We are looking for a backend engineer to build our payments platform. You will design payments APIs in
Python (FastAPI or Django) on PostgreSQL, run them on Kubernetes in AWS, and keep payments reliable and
compliant. Requirements: 5+ years of Python, PostgreSQL, Docker and Kubernetes; Kafka for event streaming;
Terraform for infrastructure; experience with payments compliance (PCI) is a plus. Observability with
Prometheus and Grafana. You will mentor engineers and take part in code reviews."""

FRONTEND_JOB = """Frontend Developer
Build delightful interfaces in React and TypeScript. You know JavaScript, HTML and CSS deeply, care about
accessibility (WCAG) and user experience, work from Figma designs, and test with Jest and Playwright.
Experience with design systems and accessibility audits is a plus. React Native for mobile is a bonus."""
