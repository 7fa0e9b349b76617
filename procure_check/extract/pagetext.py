"""Normalised page text that maps every character back to the printed lines.

Extractors search `PageText.text`: words broken across lines are re-joined ("svane-⏎mærket" →
"svanemærket"), whitespace is collapsed, ligatures and typographic quotes are plain, footnote markers
("EPEAT® Gold³") are dropped, dot leaders ("Energiklass ....... D") read as a key's colon, and the cells
of a table row are set apart: a row of two cells reads as a key and its value ("Parfume: Nej –
parfumefri"), a longer one as cells (" | "). Evidence is then cut from the *original* lines, so a
quote stands as it does in the document.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from procure_check.document import Line, Page
from procure_check.extract import context
from procure_check.facts import Evidence

_LOWER = "a-zæøåäöüßéè"
_KEEP_HYPHEN_BEFORE = r"(?:og|eller|and|or|und|oder|och|eller|samt|til|to)\b"
_CHAR_MAP = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\u2019": "'", "\u2018": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2082": "2", "\u2212": "-", "\u2010": "-", "\u2011": "-",
}
# A line-end hyphen between lower-case letters breaks a word ("svane-⏎mærket"); after a capital it
# belongs to the word ("EU-⏎Blomsten", "PVC-⏎fri"), so that case is matched case-sensitively.
_CELL, _KEY, _HIDDEN = "\x1f", "\x1e", "\x1d"
"""Stand, in the text that is normalised, for the space between two cells of a table row, between a key
and its value, and for the characters of a cell that is not read (another model's column)."""
_NORMALISE = re.compile(
    rf"(?P<cell>[ \t]*{_CELL}[ \t]*)|(?P<key>[ \t]*{_KEY}[ \t]*|[ \t]*(?:\.{{4,}}|…{{2,}})[ \t]*)"
    rf"|(?P<hidden>{_HIDDEN}+)"
    rf"|(?P<hyphen>(?-i:(?<=[{_LOWER}])-[ \t]*\n[ \t]*(?=[{_LOWER}]))(?!{_KEEP_HYPHEN_BEFORE}))"
    # A soft hyphen joins the word it ends to the next line; one that ends no word is white space.
    r"|(?P<soft>(?<=\w)\u00ad[ \t]*\n?[ \t]*)"
    r"|(?P<para>[ \t\u00ad]*\n(?:[ \t\u00ad]*\n)+[ \t\u00ad]*)"
    r"|(?P<newline>[ \t\u00ad]*\n[ \t\u00ad]*)"
    r"|(?P<space>[ \t\u00a0\u2009\u202f\u2007\r\f\v\u00ad]+)"
    # A superscript number glued to a word or a bracket is a footnote marker ("EPEAT® Gold³", "(EU)¹"), except
    # after "m", where it is an exponent ("cd/m²").
    r"|(?P<footnote>(?-i:(?<=[^\W\dm¹²³⁴⁵⁶⁷⁸⁹⁰]|[)®™]))[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    "|(?P<char>[" + "".join(_CHAR_MAP) + "])",
    re.IGNORECASE,
)
_SPACE = " \t\u00a0\u2009\u202f\u2007\r\f\v\u00ad"
_START = re.compile(
    rf"[\n{_SPACE[1:]}{_CELL}{_KEY}{_HIDDEN}\-¹²³⁴⁵⁶⁷⁸⁹⁰" + "".join(_CHAR_MAP) + rf"]| [\n{_SPACE}{_CELL}{_KEY}]"
    r"| ?(?:\.{4}|…{2})"
)
"""Where a match of `_NORMALISE` can start, except a lone plain space, which it would replace by itself. A
scan for these is many times faster than one for `_NORMALISE`, which tries all its branches everywhere."""
_UNMARK = {ord(marker): " " for marker in (_CELL, _KEY, _HIDDEN)}
"""A marker character printed in a document is white space there."""
_REPLACEMENT = {"cell": " | ", "key": ": ", "hidden": "", "hyphen": "", "soft": "", "para": "\n\n", "newline": "\n",
                "space": " ", "footnote": ""}
_WHITESPACE = re.compile(r"\s+")


class PageText:
    """One page's searchable text, with `evidence(start, end)` to quote a span of it."""

    def __init__(self, page: Page, *, ocr: bool = False, title: str = ""):
        """`title`: the document's title lines; in a table with a column per model, only the column of
        the model the title names is read (see `model_columns`)."""
        self.number = page.number
        self.ocr = ocr
        self._lines: list[Line] = page.lines
        self.raw = "\n".join(line.text for line in page.lines)
        kept = model_columns(page.lines, title)
        marked = "\n".join(_marked_cells(line, kept.get(index)) for index, line in enumerate(page.lines))
        self._line_starts: list[int] = []
        offset = 0
        for line in page.lines:
            self._line_starts.append(offset)
            offset += len(line.text) + 1
        self.text, self._to_raw = _normalise(marked)
        self._headers = column_headers(page.lines)

    def row_cells(self, position: int) -> list[tuple[str | None, int, int]]:
        """The cells of the table row at `text[position]`: per cell, the header of its column (None if the
        table has none) and its span in `text`. Empty if the position is not in a table row."""
        if not 0 <= position < len(self._to_raw):
            return []
        index = bisect_right(self._line_starts, self._to_raw[position]) - 1
        headers = self._headers.get(index)
        if not headers:
            return []
        base = self._line_starts[index]
        return [(header, bisect_left(self._to_raw, base + start), bisect_left(self._to_raw, base + end))
                for header, (start, end) in zip(headers, _cell_spans(self._lines[index]), strict=True)]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the printed text behind `text[start:end]`."""
        end = min(end, len(self._to_raw))
        if end <= start:
            return (0, 0)
        return self._to_raw[start], self._to_raw[end - 1] + 1

    def evidence(self, start: int, end: int, focus: tuple[int, int] | None = None) -> Evidence:
        """Quote `text[start:end]` as printed, with the union of the lines' boxes. `focus`, a span of `text`
        within it, is the words that decide; the quote then holds at least their block: the sentence, table
        row or list item around them (`context.quote_span`)."""
        if focus:
            block = context.quote_span(self.text, *context.clause_bounds(self.text, *focus), *focus, reach=150)
            start, end = min(start, block[0]), max(end, block[1])
        raw_start, raw_end = self.raw_span(start, end)
        quote = _WHITESPACE.sub(" ", self.raw[raw_start:raw_end]).strip()
        words = _WHITESPACE.sub(" ", self.raw[slice(*self.raw_span(*focus))]).strip() if focus else None
        return Evidence(page=self.number, text=quote, bbox=self._bbox(raw_start, raw_end), ocr=self.ocr, focus=words)

    def _bbox(self, raw_start: int, raw_end: int):
        first = max(bisect_right(self._line_starts, raw_start) - 1, 0)
        last = max(bisect_right(self._line_starts, max(raw_end - 1, raw_start)) - 1, first)
        boxes = [line.bbox for line in self._lines[first : last + 1] if line.bbox]
        if not boxes:
            return None
        return (
            round(min(b[0] for b in boxes), 1),
            round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1),
            round(max(b[3] for b in boxes), 1),
        )


def _marked_cells(line: Line, kept: list[int] | None = None) -> str:
    """The line's text with the space before each of its cells replaced by a marker (same length):
    `_KEY` where two cells are read (none if the key already ends in a colon), else `_CELL`. Cells not
    in `kept` (indexes; default all) are hidden with the space before them."""
    text = line.text.translate(_UNMARK)
    if not line.cells:
        return text
    spans = _cell_spans(line)
    kept = list(range(len(spans))) if kept is None else kept
    chars = list(text)
    for k, (start, end) in enumerate(spans):
        if k not in kept:
            chars[max(start - 1, 0):end] = _HIDDEN * (end - max(start - 1, 0))
    shown = [k for k in kept if k < len(spans)]
    for k in shown[1:]:
        start = spans[k][0]
        if not chars[start - 1].isspace():
            continue
        key = len(shown) == 2 and line.text[: spans[shown[0]][1]].rstrip()[-1:] not in ":="
        chars[start - 1] = _KEY if key else (" " if len(shown) == 2 else _CELL)
    return "".join(chars)


_MODEL = re.compile(r"^(?=[^\s]*\d)[\w.\-/+]{2,20}$")
"""A model name as a column header: one token with a digit ("E24h", "KP-650-R", "A60")."""


def model_columns(lines: list[Line], title: str) -> dict[int, list[int]]:
    """For the rows of a table with a column per model, the cells to read: the row's key and the
    column of the model named in `title` (line index → cell indexes).

    The header row's cells are all model names, one of which the title names (first); the rows after
    it that have a cell per model (with or without a key cell in front) belong to the table, and rows
    of one cell (section headings) do not end it.
    """
    kept: dict[int, list[int]] = {}
    title_words = re.findall(r"[\w.\-/+]+", title.casefold())
    columns, wanted = 0, -1
    for index, line in enumerate(lines):
        cells = cell_texts(line)
        if len(cells) >= 2 and all(_MODEL.match(cell) for cell in cells):
            # The model the title names first: "E24h … (this sheet also covers E22h and E27h)".
            named = sorted((title_words.index(cell.casefold()), k) for k, cell in enumerate(cells)
                           if cell.casefold() in title_words)
            columns, wanted = (len(cells), named[0][1]) if named else (0, -1)
            if columns:
                kept[index] = [wanted]
            continue
        if not columns or len(cells) == 1:
            continue
        if len(cells) == columns + 1:
            kept[index] = [0, wanted + 1]
        elif len(cells) == columns:
            kept[index] = [wanted]
        else:
            columns = 0
    return kept


def column_headers(lines: list[Line]) -> dict[int, list[str | None]]:
    """For the rows of tables with a header row, the header of each cell's column (line index → headers).

    A header row has several cells and no digits ("Certifikat | Nummer | Udstedt af | Gyldig til"); the
    rows of several cells after it are its table, whose cells stand under the header cell they start
    beneath (PDF) or at the same position (Word, text). Short lines of one cell (a cell's wrapped text,
    a section heading) do not end the table; a longer line of running text does.
    """
    headers: dict[int, list[str | None]] = {}
    header: Line | None = None
    for index, line in enumerate(lines):
        cells = cell_texts(line)
        if len(cells) < 2:
            if header is not None and len(line.text) > _TABLE_NOTE:
                header = None
            continue
        if header is None:
            if not any(character.isdigit() for character in line.text):
                header = line
            continue
        headers[index] = _under(line, header)
    return headers


_TABLE_NOTE = 40
"""A line of one cell longer than this is running text after a table, not part of it."""


def _under(row: Line, header: Line) -> list[str | None]:
    """The header text over each cell of `row`."""
    names = cell_texts(header)
    if row.cell_x and header.cell_x:
        tolerance = 2.0
        return [names[max(bisect_right(header.cell_x, x + tolerance) - 1, 0)] for x in row.cell_x]
    count = len(row.cells) + 1
    return names if count == len(names) else [None] * count


def cell_texts(line: Line) -> list[str]:
    """The texts of a table row's cells (the whole line for a line without cells)."""
    return [line.text[start:end].strip() for start, end in _cell_spans(line)]


def _cell_spans(line: Line) -> list[tuple[int, int]]:
    """Where each cell of the line starts and ends in its text (the whole line when it has no cells):
    a cell ends at the space before the next one."""
    bounds = [0, *line.cells, len(line.text) + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


def normalise(raw: str) -> str:
    """The normalised form of `raw` (see the module docstring)."""
    return _normalise(raw.translate(_UNMARK))[0]


def _matches(raw: str) -> Iterator[re.Match[str]]:
    """The matches `_NORMALISE.finditer(raw)` gives, without those of a lone plain space."""
    position = 0
    while start := _START.search(raw, position):
        match = _NORMALISE.match(raw, start.start())
        if match is None:
            position = start.start() + 1
        else:
            yield match
            position = match.end()


def _normalise(raw: str) -> tuple[str, list[int]]:
    """Return the normalised text and, per character of it, its index in `raw`."""
    pieces: list[str] = []
    to_raw: list[int] = []
    position = 0
    for match in _matches(raw):
        start, end = match.span()
        if not to_raw and raw.startswith(" ", position):  # white space before any text is dropped
            position += 1
        pieces.append(raw[position:start])
        to_raw.extend(range(position, start))
        kind = match.lastgroup
        replacement = _CHAR_MAP[match.group()] if kind == "char" else _REPLACEMENT[kind]
        if not to_raw and kind in ("space", "newline", "para"):  # nothing before it
            replacement = ""
        pieces.append(replacement)
        # Every character of a replacement points into the replaced span; the last one to its end,
        # so a quote that ends on it includes the whole replaced text.
        to_raw.extend([start] * (len(replacement) - 1) + [end - 1] if replacement else [])
        position = end
    if not to_raw and raw.startswith(" ", position):
        position += 1
    pieces.append(raw[position:])
    to_raw.extend(range(position, len(raw)))
    text = "".join(pieces)
    stripped = text.rstrip()
    return stripped, to_raw[: len(stripped)]
