"""Spreadsheet formula injection: text that a spreadsheet would run is written with a leading `'` (OWASP).

A cell starting with = + - @ TAB or CR is a formula to Excel, LibreOffice and Google Sheets. Exports prefix
such text with `'`, and also text that already starts with quotes before one of those characters, so that
`unquoted` (on import) removes exactly the one quote `quoted` added and a round trip gives the same text back.
"""

from __future__ import annotations

import re

TRIGGERS = "=+-@\t\r"
_RISKY = re.compile(f"^'*[{re.escape(TRIGGERS)}]")
_QUOTED = re.compile(f"^'+[{re.escape(TRIGGERS)}]")


def quoted(text: str) -> str:
    """`text` as a spreadsheet cell that is never run as a formula."""
    return "'" + text if _RISKY.match(text) else text


def unquoted(cell: str) -> str:
    """The text `quoted` was given for `cell` (a cell not written by `quoted` is kept as it is)."""
    return cell[1:] if _QUOTED.match(cell) else cell
