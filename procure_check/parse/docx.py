"""Word documents: paragraphs and table rows in document order; a page break starts a new page."""

import hashlib
import zipfile
from pathlib import Path

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from procure_check.document import Document, Line, Page, Table
from procure_check.errors import DocumentError

_PAGE_BREAK = 'w:br[@w:type="page"]'


def parse_docx(path: Path) -> Document:
    data = path.read_bytes()
    try:
        word = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError("corrupt", f"not a readable Word document ({error})", str(path)) from None
    except Exception as error:  # python-docx raises library-specific errors on damaged parts
        raise DocumentError("corrupt", f"not a readable Word document ({type(error).__name__})", str(path)) from None
    pages = [Page(number=1)]
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.contains_page_break or block._p.xpath(f".//{_PAGE_BREAK}"):
                pages.append(Page(number=len(pages) + 1))
            if block.text.strip():
                pages[-1].lines.append(Line(text=block.text.strip()))
        elif isinstance(block, DocxTable):
            rows = [[cell.text.strip() for cell in row.cells] for row in block.rows]
            pages[-1].tables.append(Table(rows=rows))
            for row in rows:
                line = Line.row(row, merged=True)
                if line.text:
                    pages[-1].lines.append(line)
    pages = [page for page in pages if page.lines or page.tables] or pages[:1]
    for number, page in enumerate(pages, start=1):
        page.number = number
    if not any(page.lines for page in pages):
        raise DocumentError("no_text", "the document has no text", str(path))
    return Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="docx", pages=pages)
