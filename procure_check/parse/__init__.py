"""Files → `Document`: PDF, Word, plain text, eForms XML notices.

Every failure is a `DocumentError` with a stable code.
"""

from pathlib import Path

from procure_check.document import Document
from procure_check.errors import DocumentError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
SUFFIXES = {".pdf", ".docx", ".xml", *TEXT_SUFFIXES}


def parse_document(path: Path, *, password: str | None = None, tables: bool = False) -> Document:
    """Read one document; raise DocumentError (never another exception) when it cannot be read."""
    if not path.is_file():
        raise DocumentError("not_found", "no such file", str(path))
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise DocumentError("not_found", f"cannot read the file ({error.strerror})", str(path)) from None
    if suffix == ".pdf" or b"%PDF-" in head:
        from procure_check.parse.pdf import parse_pdf

        return parse_pdf(path, password=password, tables=tables)
    if suffix == ".docx":
        from procure_check.parse.docx import parse_docx

        return parse_docx(path)
    if suffix == ".xml":
        from procure_check.parse.eforms import parse_eforms

        return parse_eforms(path)
    if suffix in TEXT_SUFFIXES:
        from procure_check.parse.text import parse_text

        return parse_text(path)
    raise DocumentError("unsupported", f"unsupported file type '{suffix or path.name}'", str(path))
