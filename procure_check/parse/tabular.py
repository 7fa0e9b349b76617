"""Product lists: CSV, XLSX and JSON files with one product per row (or object), each read as a
small data sheet.

A row becomes lines of text like a data sheet's: the product's name as its title, then one
"Column: value" line per mapped column (empty cells are left out), so that the extractors and
their evidence work on rows as on any document. Which column is what comes from a mapping file
(YAML, `Mapping`); without one every column becomes a "Column: value" line, in the header's order.

Rows are streamed: a file is read a row at a time (CSV through the `csv` module, XLSX with
openpyxl in read-only mode, a JSON array one element at a time), so memory does not grow with the
file. Row numbers are 1-based and leave the header out (row 1 is the first product; in a
spreadsheet it is on line 2).

One module over 400 lines: the three streaming readers share the row model, the header rules and the
limits check, and the incremental JSON reader (a third of it) is needed by no one else.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from procure_check.document import Document, Line, Page
from procure_check.errors import DocumentError, ProcureCheckError
from procure_check.limits import Limits

TABULAR_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson"}
"""Files named on the command line with these endings are product lists (a folder scan skips them)."""

_SNIFF_BYTES = 64 * 1024
_BLOCK = 1 << 20
_JSON_BLOCK = 256 * 1024


class MappingError(ProcureCheckError):
    """The mapping file is invalid: a usage error."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__("mapping", message, path)


class Mapping(BaseModel):
    """Which columns of a product list say what (`--mapping FILE`, YAML)::

        name: Produktnavn            # the product's name: the title line of its "data sheet"
        id: Varenummer               # optional: the product's number, a "Varenummer: …" line after the name
        text: [Beskrivelse, Miljømærke, Dosering]   # optional: the columns read, in this order
                                                    # (default: every column but name, id and group)
        group: Varegruppe            # optional: the product group of each row (as --group; --group wins)
        sheet: Produkter             # optional, XLSX: the worksheet (default: the first)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str | None = None
    id: str | None = None
    text: tuple[str, ...] | None = None
    group: str | None = None
    sheet: str | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def columns(self) -> list[str]:
        """Every column the mapping names."""
        named = [self.name, self.id, self.group, *(self.text or ())]
        return [column for column in named if column]


def load_mapping(path: Path) -> Mapping:
    """Read and validate a mapping file; any problem is a one-line `MappingError` naming the file."""
    from procure_check.data import read_yaml
    from procure_check.errors import CatalogueError

    try:
        data = read_yaml(path)
    except CatalogueError as error:
        raise MappingError(error.message, str(path)) from None
    if not isinstance(data, dict):
        raise MappingError("a mapping file is a YAML mapping of name, id, text, group and sheet", str(path))
    try:
        return Mapping.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(map(str, first["loc"])) or "(top level)"
        message = "unknown key (known: name, id, text, group, sheet)" if first["type"] == "extra_forbidden" else (
            first["msg"])
        raise MappingError(f"'{field}': {message}", str(path)) from None


@dataclass(frozen=True, slots=True)
class Row:
    """One product of a list: its 1-based number, its lines of text and the group its group column gives."""

    number: int
    lines: tuple[str, ...]
    group: str | None = None

    @property
    def sha256(self) -> str:
        """The digest of the row's text (the `sha256` of its report)."""
        return hashlib.sha256("\n".join(self.lines).encode()).hexdigest()


def row_path(path: str | Path, number: int) -> str:
    """The name of a row in reports: `products.csv#row-12`."""
    return f"{path}#row-{number}"


def row_document(path: str | Path, row: Row, sha256: str | None = None, limits: Limits | None = None) -> Document:
    """The row as a one-page document, each line as it will be quoted; a row over `limits.max_chars` is
    `too_large`."""
    document = Document(
        path=row_path(path, row.number), sha256=sha256 or row.sha256, format="table",
        pages=[Page(number=1, lines=[Line(text=line) for line in row.lines])],
    )
    if limits is not None:
        limits.check_chars(document.char_count, document.path)
    return document


def is_product_list(path: Path) -> bool:
    return path.suffix.lower() in TABULAR_SUFFIXES


def estimate_rows(path: Path) -> int | None:
    """About how many rows a product list has, cheaply (for a progress bar); None if that is not known."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            workbook = _load_workbook(path, read_only=True)
            try:
                rows = workbook.worksheets[0].max_row
            finally:
                workbook.close()
            return max(0, rows - 1) if rows else None
        if suffix == ".json":
            return None
        lines = 0
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                lines += block.count(b"\n")
        return max(0, lines - (0 if suffix in (".jsonl", ".ndjson") else 1))
    except Exception:
        return None


def read_rows(path: Path, mapping: Mapping | None = None, limits: Limits | None = None) -> Iterator[Row]:
    """The products of the list at `path`, one `Row` at a time (rows without any text are left out).

    Raises `DocumentError` (with `path`) when the file cannot be read: not found, over
    `limits.max_file_size`, not a product list of its type, a mapped column missing from its header. An
    error after some rows have been read (a damaged line far down) comes after those rows.
    """
    mapping = mapping or Mapping()
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DocumentError("not_found", "no such file", str(path))
    if limits is not None:
        try:
            size = path.stat().st_size
        except OSError as error:
            raise DocumentError("not_found", f"cannot read the file ({error.strerror})", str(path)) from None
        limits.check_file_size(size, str(path))
    if suffix in (".xlsx", ".xlsm"):
        records = _xlsx_records(path, mapping)
    elif suffix in (".json", ".jsonl", ".ndjson"):
        records = _json_records(path)
    else:
        records = _csv_records(path, tab=suffix == ".tsv")
    header: list[str] | None = None
    any_row = False
    for number, record in records:
        if header is None:  # the first record gives the columns
            header = _unique([_clean(name) or f"Column {k}" for k, name in enumerate(record, start=1)])
            _check_columns(mapping, header, path)
            continue
        row = _row(number, _values(header, record), mapping)
        if row is not None:
            any_row = True
            yield row
    if not any_row:
        raise DocumentError("no_text", "the product list has no rows with text", str(path))


def _check_columns(mapping: Mapping, header: list[str], path: Path) -> None:
    missing = [column for column in mapping.columns if column not in header]
    if missing:
        shown = ", ".join(header[:20]) + (", …" if len(header) > 20 else "")
        raise DocumentError("unsupported", f"the mapping names the column '{missing[0]}', which the header does not "
                                           f"have (columns: {shown})", str(path))


def _values(header: list[str], record: list[Any] | dict[str, Any]) -> dict[str, str]:
    """A record's cells by column name: a list by the header's names, an object (JSON) by its own keys."""
    if isinstance(record, dict):
        return {str(key): _clean(value) for key, value in record.items()}
    values = dict(zip(header, (_clean(value) for value in record), strict=False))
    for extra, value in enumerate(record[len(header):], start=len(header) + 1):  # more cells than the header
        if _clean(value):
            values[f"Column {extra}"] = _clean(value)
    return values


def _row(number: int, values: dict[str, str], mapping: Mapping) -> Row | None:
    special = {mapping.name, mapping.id, mapping.group}
    columns = mapping.text if mapping.text is not None else [column for column in values if column not in special]
    lines = []
    if mapping.name and values.get(mapping.name):
        lines.append(values[mapping.name])
    if mapping.id and values.get(mapping.id):
        lines.append(f"{mapping.id}: {values[mapping.id]}")
    lines.extend(f"{column}: {values[column]}" for column in columns if values.get(column))
    if not lines:
        return None
    group = values.get(mapping.group) if mapping.group else None
    return Row(number, tuple(lines), group or None)


def _clean(value: Any) -> str:
    """A cell's text on one line: numbers as written (no `.0` on whole numbers), dates as ISO dates."""
    if type(value) is str:
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return " ".join(str(value).split())


def _unique(names: list[str]) -> list[str]:
    """Header names, a repeated one numbered ("Note", "Note (2)") so that no column hides another."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


# --- CSV ------------------------------------------------------------------------------------------


def _csv_records(path: Path, tab: bool) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) per record; the header is number 0. UTF-8 (with or without BOM), else Windows-1252."""
    where = str(path)
    encoding = _text_encoding(path)
    reader = None
    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            sample = handle.read(_SNIFF_BYTES)
            if "\x00" in sample:
                raise DocumentError("unsupported", "binary data, not a CSV file", where)
            handle.seek(0)
            reader = csv.reader(handle, dialect=_dialect(sample, tab))
            yield from enumerate(reader)
    except csv.Error as error:
        line = f"line {reader.line_num}: " if reader is not None else ""
        raise DocumentError("corrupt", f"not a readable CSV file ({line}{error})", where) from None
    except OSError as error:
        raise DocumentError("not_found", f"cannot read the file ({error.strerror or error})", where) from None


def _text_encoding(path: Path) -> str:
    """`utf-8-sig` if the whole file decodes as UTF-8 (checked a block at a time), else `cp1252`."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as error:
        raise DocumentError("not_found", f"cannot read the file ({error.strerror or error})", str(path)) from None
    return "utf-8-sig"


def _dialect(sample: str, tab: bool) -> type[csv.Dialect] | csv.Dialect:
    if tab:
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample.rsplit("\n", 1)[0] if "\n" in sample else sample, delimiters=",;\t|")
    except csv.Error:  # one column, or nothing to tell from
        return csv.excel


# --- XLSX -----------------------------------------------------------------------------------------


def _load_workbook(path: Path, **options):
    """openpyxl's `load_workbook`, imported when first needed."""
    from openpyxl import load_workbook

    return load_workbook(path, **options)


def _xlsx_records(path: Path, mapping: Mapping) -> Iterator[tuple[int, list[Any]]]:
    import zipfile

    where = str(path)
    try:
        workbook = _load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise DocumentError("corrupt", f"not a readable XLSX workbook ({type(error).__name__}: {error})",
                            where) from None
    except Exception as error:  # openpyxl raises its own errors on damaged parts
        raise DocumentError("corrupt", f"not a readable XLSX workbook ({type(error).__name__})", where) from None
    try:
        if mapping.sheet is not None:
            if mapping.sheet not in workbook.sheetnames:
                raise DocumentError("unsupported", f"no worksheet '{mapping.sheet}' (sheets: "
                                                   f"{', '.join(workbook.sheetnames)})", where)
            sheet = workbook[mapping.sheet]
        else:
            sheet = workbook.worksheets[0]
        try:
            for number, record in enumerate(sheet.iter_rows(values_only=True)):
                yield number, list(record)
        except DocumentError:
            raise
        except Exception as error:
            raise DocumentError("corrupt", f"not a readable XLSX workbook ({type(error).__name__}: {error})",
                                where) from None
    finally:
        workbook.close()


# --- JSON -----------------------------------------------------------------------------------------


def _json_records(path: Path) -> Iterator[tuple[int, list[Any] | dict[str, Any]]]:
    """A JSON array of objects (streamed), JSON Lines (one object per line), or one object holding a
    list of objects (`{"products": [...]}`, read whole). The header is the keys of the first object;
    each object is read by its own keys."""
    for number, item in enumerate(_json_items(path), start=1):
        if not isinstance(item, dict):
            raise DocumentError("unsupported", f"item {number} is not an object (one product per object)", str(path))
        flat = _flatten(item)
        if number == 1:
            yield 0, list(flat)
        yield number, flat


def _flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as `parent.child` columns; a list of values as one value joined by ", "."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = ", ".join(
                json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else _clean(v) for v in value
            )
        else:
            flat[name] = value
    return flat


def _json_items(path: Path) -> Iterator[Any]:
    where = str(path)
    try:
        with path.open("r", encoding="utf-8-sig") as handle:
            reader = _JsonReader(handle, where)
            start = reader.peek()
            if start == "[":
                reader.offset += 1
                yield from reader.array()
            elif start == "{":
                yield from _json_objects(reader, handle)
            elif start != "":
                raise reader.error("expected an array of objects, or one object per line")
    except UnicodeDecodeError:
        raise DocumentError("corrupt", "not valid UTF-8 (JSON is UTF-8)", where) from None
    except OSError as error:
        raise DocumentError("not_found", f"cannot read the file ({error.strerror or error})", where) from None


def _json_objects(reader: _JsonReader, handle: io.TextIOBase) -> Iterator[Any]:
    """JSON Lines, or one object: `{"products": [...]}` gives its list, another object is one product."""
    reader.fill_line()
    first_line = reader.buffer[reader.offset:].split("\n", 1)[0]
    try:
        first = json.loads(first_line)
    except json.JSONDecodeError:
        first = None
    if isinstance(first, dict):  # JSON Lines
        for number, line in enumerate(_lines(reader, handle), start=1):
            if line.strip():
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as error:
                    raise DocumentError("corrupt", f"not valid JSON on line {number} ({error.msg})",
                                        reader.where) from None
                yield from _unwrap(item)
        return
    text = reader.buffer[reader.offset:] + handle.read()
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentError("corrupt", f"not valid JSON ({error.msg} at line {error.lineno})", reader.where) from None
    yield from _unwrap(whole)


def _unwrap(item: Any) -> list[Any]:
    """`{"products": [{…}, {…}]}` (one key, a list of objects) is its list; another value is one item."""
    if isinstance(item, dict) and len(item) == 1:
        (value,) = item.values()
        if isinstance(value, list) and value and all(isinstance(element, dict) for element in value):
            return value
    return [item]


def _lines(reader: _JsonReader, handle: io.TextIOBase) -> Iterator[str]:
    rest = reader.buffer[reader.offset:]
    reader.buffer, reader.offset = "", 0
    pending = io.StringIO(rest)
    carry = ""
    for line in pending:
        if line.endswith("\n"):
            yield carry + line
            carry = ""
        else:
            carry += line
    for line in handle:
        yield carry + line
        carry = ""
    if carry:
        yield carry


class _JsonReader:
    """The items of a JSON array read from a text stream a block at a time (`json.JSONDecoder.raw_decode`)."""

    def __init__(self, handle: io.TextIOBase, where: str):
        self.handle, self.where = handle, where
        self.buffer, self.offset = "", 0
        self.consumed = 0  # characters dropped before the buffer
        self.decoder = json.JSONDecoder()
        self.eof = False

    def fill(self) -> bool:
        """Read another block; False at the end of the file."""
        if self.eof:
            return False
        block = self.handle.read(_JSON_BLOCK)
        if not block:
            self.eof = True
            return False
        self.consumed += self.offset
        self.buffer = self.buffer[self.offset:] + block
        self.offset = 0
        return True

    def fill_line(self) -> None:
        """Read until the buffer holds a whole line (or the file ends)."""
        while "\n" not in self.buffer[self.offset:] and self.fill():
            pass

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            while self.offset < len(self.buffer) and self.buffer[self.offset] in " \t\r\n":
                self.offset += 1
            if self.offset < len(self.buffer):
                return self.buffer[self.offset]
            if not self.fill():
                return ""

    def array(self) -> Iterator[Any]:
        if self.peek() == "]":
            self.offset += 1
            return
        while True:
            self.peek()
            while True:
                try:
                    value, end = self.decoder.raw_decode(self.buffer, self.offset)
                    break
                except json.JSONDecodeError as error:  # perhaps cut at the end of the block: read on
                    if not self.fill():
                        raise self.error(error.msg, self.consumed + error.pos) from None
            self.offset = end
            yield value
            separator = self.peek()
            self.offset += 1
            if separator == "]":
                if self.peek() != "":
                    raise self.error("text after the end of the array")
                return
            if separator != ",":
                raise self.error("expected ',' or ']' after an item of the array")

    def error(self, message: str, at: int | None = None) -> DocumentError:
        where = self.consumed + self.offset if at is None else at
        return DocumentError("corrupt", f"not valid JSON ({message} at character {where + 1})", self.where)
