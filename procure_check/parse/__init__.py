"""Files → `Document`: PDF, Word, plain text, XML notices (eForms, TED); for tenders also ZIP archives of
these and requirement matrices in spreadsheets (`parse_tender_file`).

Every failure is a `DocumentError` with a stable code.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from procure_check.document import Document
from procure_check.errors import DocumentError
from procure_check.limits import Limits
from procure_check.parse.archive import is_archive, read_archive
from procure_check.parse.spreadsheet import SPREADSHEET_SUFFIXES, parse_spreadsheet

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
SUFFIXES = {".pdf", ".docx", ".xml", *TEXT_SUFFIXES}
TENDER_SUFFIXES = SUFFIXES | {".zip", ".xlsx", ".xlsm"}
"""What a folder scan reads as a tender's files: also archives and requirement workbooks (a CSV only when
named: in a folder it is more often a price list)."""


class TenderFile(NamedTuple):
    """A file named in a tender set: its digest and the documents it holds."""

    sha256: str
    documents: list[Document]


Reader = Callable[[Path], Document]
"""Reads one document of a tender (as `parse_document` with the run's options)."""


def parse_tender_file(path: Path, read: Reader, limits: Limits | None = None) -> TenderFile:
    """A file of a tender set: a document (read by `read`); a ZIP archive's documents, each named by its path
    inside it (`udbud.zip/bilag/krav.pdf`); a spreadsheet's sheets (`krav.xlsx!Kravspecifikation`), one
    requirement per row. Raise DocumentError for the file (an archive is never read in part)."""
    limits = limits or Limits()
    if is_archive(path):
        _check_file(path, limits)
        documents = read_archive(path, str(path), lambda member, name: _tender_documents(member, name, read, limits),
                                 _readable_member)
        return TenderFile(_digest(path), documents)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        documents = _tender_documents(path, str(path), read, limits)  # the file is checked before it is read
        return TenderFile(_digest(path), documents)
    document = read(path)
    return TenderFile(document.sha256, [document])


def _tender_documents(path: Path, name: str, read: Reader, limits: Limits) -> list[Document]:
    """The documents of one (perhaps extracted) file, reported as `name`."""
    try:
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            _check_file(path, limits)
            documents = parse_spreadsheet(path, name)
            for document in documents:
                _check_size(document, limits, document.path)
            return documents
        document = read(path)
    except DocumentError as error:
        raise DocumentError(error.code, error.message, name) from None
    return [document if document.path == name else document.model_copy(update={"path": name})]


def _readable_member(member: str) -> bool:
    """Whether an archive member is a document a tender set is read from (a folder's README is not)."""
    path = PurePosixPath(member)
    return path.suffix.lower() in SUFFIXES | SPREADSHEET_SUFFIXES and path.stem.lower() != "readme"


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def parse_document(
    path: Path, *, password: str | None = None, tables: bool = False, limits: Limits | None = None,
    ocr: bool = False, processes: int = 1, meanwhile: Callable[[], object] | None = None,
) -> Document:
    """Read one document; raise DocumentError (never another exception) when it cannot be read.

    A file over one of the `limits` (default: `Limits()`) is `too_large`: refused before parsing
    for its size (and a PDF for its page count), after parsing for its pages and characters. A long PDF
    is read by up to `processes` processes, this one doing `meanwhile()` as the others start
    (`procure_check.fanout`).
    """
    limits = limits or Limits()
    document = _parse(path, password=password, tables=tables, limits=limits, ocr=ocr, processes=processes,
                      meanwhile=meanwhile)
    _check_size(document, limits, str(path))
    return document


def _check_size(document: Document, limits: Limits, where: str) -> None:
    limits.check_pages(len(document.pages), where)
    limits.check_chars(document.char_count, where)


def _parse(path: Path, *, password: str | None, tables: bool, limits: Limits, ocr: bool, processes: int,
           meanwhile: Callable[[], object] | None) -> Document:
    head = _check_file(path, limits)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or b"%PDF-" in head:
        from procure_check.parse.pdf import parse_pdf

        return parse_pdf(path, password=password, tables=tables, max_pages=limits.max_pages, ocr=ocr,
                         processes=processes, meanwhile=meanwhile)
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


def _check_file(path: Path, limits: Limits) -> bytes:
    """The file's first bytes, once it is known to exist and to be within `--max-file-size`."""
    if not path.is_file():
        raise DocumentError("not_found", "no such file", str(path))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise DocumentError("not_found", f"cannot read the file ({error.strerror})", str(path)) from None
    limits.check_file_size(size, str(path))
    return head
