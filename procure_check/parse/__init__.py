"""Files → `Document`: PDF, Word, plain text, eForms XML notices.

Every failure is a `DocumentError` with a stable code.
"""

from pathlib import Path

from procure_check.document import Document
from procure_check.errors import DocumentError
from procure_check.limits import Limits

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
SUFFIXES = {".pdf", ".docx", ".xml", *TEXT_SUFFIXES}


def parse_document(
    path: Path, *, password: str | None = None, tables: bool = False, limits: Limits | None = None,
    ocr: bool = False,
) -> Document:
    """Read one document; raise DocumentError (never another exception) when it cannot be read.

    A file over one of the `limits` (default: `Limits()`) is `too_large`: refused before parsing
    for its size (and a PDF for its page count), after parsing for its pages and characters.
    """
    limits = limits or Limits()
    document = _parse(path, password=password, tables=tables, limits=limits, ocr=ocr)
    limits.check_pages(len(document.pages), str(path))
    limits.check_chars(document.char_count, str(path))
    return document


def _parse(path: Path, *, password: str | None, tables: bool, limits: Limits, ocr: bool) -> Document:
    if not path.is_file():
        raise DocumentError("not_found", "no such file", str(path))
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise DocumentError("not_found", f"cannot read the file ({error.strerror})", str(path)) from None
    limits.check_file_size(size, str(path))
    if suffix == ".pdf" or b"%PDF-" in head:
        from procure_check.parse.pdf import parse_pdf

        return parse_pdf(path, password=password, tables=tables, max_pages=limits.max_pages, ocr=ocr)
    if suffix == ".docx":
        from procure_check.parse.docx import parse_docx

        return parse_docx(path)
    if suffix == ".xml":
        from procure_check.parse.eforms import parse_eforms

        return parse_eforms(path)
    if suffix in TEXT_SUFFIXES:
        from procure_check.parse.text import parse_text

        return parse_text(path)
    raise DocumentError("unsupported", f"unsupported file type '{suffix or path.name}' (supported: PDF, DOCX, TXT, "
                                       "Markdown, eForms XML; product lists: CSV, XLSX, JSON)", str(path))
