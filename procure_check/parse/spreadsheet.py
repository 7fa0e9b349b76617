"""Requirement matrices in spreadsheets (XLSX, CSV) named as tender files: one requirement per row.

Each worksheet becomes a document of its own, named `krav.xlsx!Kravspecifikation`, whose one page holds
the sheet's rows as a table, so the tender's table reading applies: the header row (found below any title
rows), the requirement's ID, text and type column (Mindstekrav / Ønske / Tildelingskriterium → its
modality). A merged cell counts in every row and column it spans (a type written once for several rows).
Formulas are read as the values last calculated; hidden sheets are read too (a buyer may hide the
explanatory sheets, never the requirements).
"""

import csv
import hashlib
import io
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

from procure_check.document import Document, Line, Page, Table
from procure_check.errors import DocumentError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".csv"}
_DELIMITERS = (";", "\t", "|", ",")
"""CSV separators, the first winning a tie (Danish spreadsheets write ";")."""
MAX_TITLE_ROWS = 20
"""The header is looked for among this many rows at the top of a sheet."""


def parse_spreadsheet(path: Path, name: str) -> list[Document]:
    """One document per worksheet with rows (a CSV file: one), reported as `name` (`name!sheet`)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() == ".csv":
        sheets = [(name, _csv_rows(data, name))]
    else:
        sheets = [(f"{name}!{title}", rows) for title, rows in _xlsx_sheets(path, name)]
    documents = [Document(path=label, sha256=digest, format="spreadsheet", pages=[_page(rows)])
                 for label, rows in sheets if rows]
    if not documents:
        raise DocumentError("no_text", "the spreadsheet has no filled rows", name)
    return documents


def _page(numbered: list[tuple[int, list[str]]]) -> Page:
    """The rows as lines, and from the header row on as a table that knows each row's number in the sheet."""
    rows = [row for _, row in numbered]
    header = _header(rows)
    table = Table(rows=rows[header:], row_numbers=[number for number, _ in numbered[header:]])
    return Page(number=1, lines=[Line.row(row, merged=True) for row in rows], tables=[table])


def _header(rows: list[list[str]]) -> int:
    """The first row with two or more different cells, none of them a long text or a number: title rows and
    notes above it are lines of their own."""
    for index, row in enumerate(rows[:MAX_TITLE_ROWS]):
        cells = list(dict.fromkeys(cell for cell in row if cell))
        if len(cells) >= 2 and all(len(cell) <= 60 and not _number(cell) for cell in cells):
            return index
    return 0


def _number(text: str) -> bool:
    return text.replace(".", "").replace(",", "").strip().isdigit()


def _xlsx_sheets(path: Path, name: str) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise DocumentError("corrupt", f"not a readable XLSX workbook ({type(error).__name__}: {error})",
                            name) from None
    try:
        return [(sheet.title, _sheet_rows(sheet)) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _sheet_rows(sheet: Any) -> list[tuple[int, list[str]]]:
    """The sheet's values as text, each merged range's value in all its cells, empty rows left out."""
    values = [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        value = values[top][left] if top < len(values) and left < len(values[top]) else ""
        for row in range(top, min(merged.max_row, len(values))):
            for column in range(left, min(merged.max_col, len(values[row]))):
                values[row][column] = value
    return _trimmed(values)


def _csv_rows(data: bytes, name: str) -> list[tuple[int, list[str]]]:
    if b"\x00" in data[:4096]:
        raise DocumentError("unsupported", "binary data, not a CSV file", name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        return _trimmed([[_text(cell) for cell in row]
                         for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text))])
    except csv.Error as error:
        raise DocumentError("corrupt", f"not a readable CSV file ({error})", name) from None


def _delimiter(text: str) -> str:
    """The separator that gives the most of the first rows one common width of two cells or more (a title
    row above the header has none; commas inside a sentence do not line up)."""
    sample = text[:16384].splitlines()[:50]

    def rows_aligned(delimiter: str) -> int:
        widths = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter) if len(row) > 1)
        return widths.most_common(1)[0][1] if widths else 0

    return max(_DELIMITERS, key=rows_aligned)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _trimmed(rows: list[list[str]]) -> list[tuple[int, list[str]]]:
    """Rows with a filled cell, each with its 1-based row number in the sheet, without the empty columns at
    their right."""
    kept = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    width = max((max(i for i, cell in enumerate(row) if cell) + 1 for _, row in kept), default=0)
    return [(number, row[:width] + [""] * (width - len(row))) for number, row in kept]
