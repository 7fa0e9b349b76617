"""Plain text and Markdown: a form feed starts a new page; columns aligned with spaces or tabs are cells,
a Markdown pipe table is a table whose rows read as their cells ("| Parfume | Nej |"), and a Markdown
heading reads as its words ("### 2. Minimum requirements" as "2. Minimum requirements")."""

import hashlib
import re
from pathlib import Path

from procure_check.document import Document, Line, Page, Table
from procure_check.errors import DocumentError


def parse_text(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise DocumentError("unsupported", "binary data, not a text file", str(path))
    pages = [_page(number, chunk) for number, chunk in enumerate(text.split("\f"), start=1)]
    if not any(page.lines for page in pages):
        raise DocumentError("no_text", "the file is empty", str(path))
    return Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="text", pages=pages)


def _page(number: int, chunk: str) -> Page:
    page = Page(number=number)
    rows: list[list[str]] = []
    for raw in chunk.splitlines():
        text = raw.rstrip()
        cells = _pipe_cells(text)
        if cells is None and rows:
            page.tables.append(Table(rows=rows))
            rows = []
        if cells is not None:
            if not _RULE.fullmatch(text.strip()):  # the |---|---| line under a header
                rows.append(cells)
                page.lines.append(Line.row(cells))
        elif text.strip():
            page.lines.append(_line(_HEADING.sub("", text)))
    if rows:
        page.tables.append(Table(rows=rows))
    return page


# Two spaces or a tab between words: a column gap ("Parfume      Nej"), not a word space.
_CELL_GAP = re.compile(r"(?<=\S)(?: {2,}|\t[ \t]*)(?=\S)")
_HEADING = re.compile(r"^#{1,6}\s+")
_RULE = re.compile(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*")


def _line(text: str) -> Line:
    """A line of text; where it is aligned in columns, its cells."""
    return Line(text=text, cells=[gap.end() for gap in _CELL_GAP.finditer(text)])


def _pipe_cells(text: str) -> list[str] | None:
    """The cells of a Markdown table row ("| a | b |"), or None for any other line."""
    stripped = text.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3):
        return None
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", stripped[1:-1])]
