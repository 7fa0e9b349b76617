"""Plain text and Markdown: a form feed starts a new page; columns aligned with spaces or tabs are cells."""

import hashlib
import re
from pathlib import Path

from procure_check.document import Document, Line, Page
from procure_check.errors import DocumentError


def parse_text(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise DocumentError("unsupported", "binary data, not a text file", str(path))
    pages = [
        Page(number=number, lines=[_line(line.rstrip()) for line in chunk.splitlines() if line.strip()])
        for number, chunk in enumerate(text.split("\f"), start=1)
    ]
    if not any(page.lines for page in pages):
        raise DocumentError("no_text", "the file is empty", str(path))
    return Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="text", pages=pages)


# Two spaces or a tab between words: a column gap ("Parfume      Nej"), not a word space.
_CELL_GAP = re.compile(r"(?<=\S)(?: {2,}|\t[ \t]*)(?=\S)")


def _line(text: str) -> Line:
    """A line of text; where it is aligned in columns, its cells."""
    return Line(text=text, cells=[gap.end() for gap in _CELL_GAP.finditer(text)])
