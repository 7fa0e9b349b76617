"""Read a PDF into a `Document`: positioned text lines in reading order, and optionally tables.

Text and positions come from PDFium (pypdfium2), which is fast. Per page, PDFium's text is cut
into words (two character-box look-ups per word), the words are grouped into rows by vertical
position, and the rows are put in reading order: where a vertical gutter of white space runs
through consecutive rows and the text beside it reads as prose (or both sides wrap running text
on their own), each column is read top to bottom before the next, while a borderless table's keys
stay on the line of their values (see `_order_rows` and `_columns`). Ruled tables, only when
asked for, are found from PDFium's paths with pdfplumber's table finder
(`procure_check.parse.ruling`); only pages where that could read differently from pdfplumber are
handed to pdfplumber itself, 10 to 40 times slower than all the rest.

Over 400 lines because reading order, cell gaps and the table hand-off all work on the same words
and rows of one page; split apart, each would re-derive them.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import io
import itertools
import logging
import operator
import re
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from procure_check.document import BBox, Document, Line, Page, Table
from procure_check.errors import DocumentError
from procure_check.fanout import fan_out, parts_for
from procure_check.parse.integrity import damaged_page
from procure_check.parse.ruling import find_tables, page_edges

log = logging.getLogger(__name__)

# PDFium turns a hyphen at the end of a line into U+FFFE and joins the lines: a word ends there.
_EOL_HYPHEN = "\ufffe"
_WORD = re.compile(rf"[^\s{_EOL_HYPHEN}]+{_EOL_HYPHEN}?|{_EOL_HYPHEN}")
# Control characters are dropped, except C1 ones: fonts with a broken Unicode map give those for the
# Windows-1252 characters that were printed (“ ” – € ...).
_CLEAN = {
    ord(_EOL_HYPHEN): "-",
    **{c: None for c in [*range(0x20), 0x7F]},
    **{c: bytes([c]).decode("cp1252", errors="ignore") or None for c in range(0x80, 0xA0)},
}

_MIN_GUTTER_EM = 0.75  # narrowest column gutter, in median word heights
_MAX_ROW_GAP_EM = 2.5  # a wider vertical gap between two rows ends a column block
_CELL_GAP_EM = 1.0  # a wider gap between two words of a row separates table cells (word spaces: < 0.8)
_PROSE_WORDS = 3  # rows of prose have at least this many words (median) ...
_PROSE_FILL = 0.7  # ... and span at least this share of their column's width (median)
_PROSE_WIDE_GAPS = 0.1  # ... and at most this share of the gaps between words are gutter-wide ...
_PROSE_WIDTH = 0.2  # ... and the column is at least this share of its block's width
_FLOW_WRAPS = 2  # a column of running text wraps at least this often ...
_FLOW_WORDS = 4  # ... a line of at least this many words ...
_FLOW_FILL = 0.6  # ... reaching at least this share of the column's width
_KEY_WORDS = 3  # the keys of a table have at most this many words (median) ...
_KEY_PAIRED = 0.66  # ... and at least this share of them have a value in their row


class _Word(NamedTuple):
    x0: float  # x0, top, x1, bottom: in the frame where the page's text runs left to right
    top: float
    x1: float
    bottom: float
    text: str
    bbox: BBox  # on the page as displayed


_Row = list[_Word]  # the words of one row, left to right
_Intervals = list[tuple[float, float]]  # sorted, disjoint x intervals
_Transform = Callable[[float, float, float, float], tuple[float, float, float, float]]


def parse_pdf(
    path: Path, *, password: str | None = None, tables: bool = False, max_pages: int | None = None,
    ocr: bool = False, processes: int = 1, meanwhile: Callable[[], object] | None = None,
) -> Document:
    """Parse the PDF at `path`; raise `DocumentError` (never a library error) if it cannot be read.

    With `ocr`, pages without text are read by OCR (`procure_check.parse.ocr`). A long PDF's pages are read
    by up to `processes` processes (`procure_check.fanout`), this one doing `meanwhile()` as the others start.
    """
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError("not_found", f"cannot read the file: {exc.strerror or exc}", where) from exc
    doc, password = _open(data, where, password)
    from_ocr = False
    plumbed: set[int] | None = set() if tables else None
    try:
        pages, damaged = _read_pages(doc, where, max_pages, plumbed, processes,
                                     functools.partial(damaged_page, data, password), meanwhile)
        if damaged is not None:
            raise DocumentError("corrupt", f"damaged PDF: the content of page {damaged} is cut short or garbled", where)
        if ocr:
            from procure_check.parse.ocr import ocr_blank_pages

            from_ocr = ocr_blank_pages(doc, pages, where)
    finally:
        doc.close()
    if not any(page.lines for page in pages):
        hint = "none found by OCR either" if ocr else "it needs OCR (--ocr)"
        raise DocumentError("no_text", f"no extractable text on any page (a scanned or image-only PDF?): {hint}", where)
    if plumbed:
        _add_tables(data, where, password, [page for page in pages if page.number in plumbed])
    return Document(path=where, sha256=hashlib.sha256(data).hexdigest(), format="pdf", pages=pages, ocr=from_ocr)


def _open(data: bytes, where: str, password: str | None) -> tuple[pdfium.PdfDocument, str | None]:
    """The PDFium document, and the password that opened it."""
    try:
        try:
            return pdfium.PdfDocument(data, password=password), password
        except pdfium.PdfiumError as exc:
            if not (password and exc.err_code == pdfium_c.FPDF_ERR_PASSWORD):
                raise
            # A password given for a whole run may not fit a file that opens without one.
            return pdfium.PdfDocument(data), None
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            message = (
                "wrong password: give the right one with --password"
                if password
                else "password-protected: give the password with --password"
            )
            raise DocumentError("encrypted", message, where) from exc
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError("encrypted", "encrypted with an unsupported security handler", where) from exc
        reason = re.search(r"PDFium: ([^)]*)", str(exc))
        raise DocumentError("corrupt", f"damaged or not a PDF ({reason.group(1) if reason else exc})", where) from exc
    except Exception as exc:  # PDFium is C code behind ctypes: treat anything else as damage too
        raise DocumentError("corrupt", f"damaged or not a PDF ({type(exc).__name__}: {exc})", where) from exc


def _read_pages(
    doc: pdfium.PdfDocument, where: str, max_pages: int | None, plumbed: set[int] | None, processes: int,
    verify: Callable[[], int | None], meanwhile: Callable[[], object] | None = None,
) -> tuple[list[Page], int | None]:
    """The readable pages with their lines, skipping pages PDFium cannot load (`corrupt` if none), and what
    `verify()` (the first damaged page) says, worked out beside the pages.

    With a set `plumbed` (tables wanted), every page gets its ruled tables (`procure_check.parse.ruling`)
    or, where only pdfplumber can tell them, its number is added to the set."""
    try:
        count = len(doc)
        if max_pages is not None and count > max_pages:
            raise DocumentError("too_large", f"{count} pages, more than the limit of {max_pages} (--max-pages)", where)
        # The check of the streams is a part of its own, first, so that it does not hold up the last pages.
        parts = [None, *parts_for(range(count), processes, _PAGES_PER_PART)]
        read = functools.partial(_read_part, doc, where, plumbed is not None, verify)
        pages, damaged = [], None
        for part_pages, part_plumbed, part_damaged in fan_out(read, parts, processes, meanwhile):
            pages.extend(part_pages)
            damaged = damaged or part_damaged
            if plumbed is not None:
                plumbed.update(part_plumbed)
    except DocumentError:
        raise
    except Exception as exc:
        log.debug("%s: cannot read", where, exc_info=True)
        raise DocumentError("corrupt", f"damaged PDF ({type(exc).__name__}: {exc})", where) from exc
    if not pages:
        raise DocumentError("corrupt", "damaged PDF: none of its pages can be read", where)
    return pages, damaged


_PAGES_PER_PART = 8
"""The fewest pages given to another process at a time (`procure_check.fanout`)."""


def _read_part(
    doc: pdfium.PdfDocument, where: str, tables: bool, verify: Callable[[], int | None], indices: range | None
) -> tuple[list[Page], set[int], int | None]:
    """The readable pages of `indices` and the numbers of those whose tables only pdfplumber can tell; or, for
    None, what `verify()` says."""
    if indices is None:
        return [], set(), verify()
    plumbed: set[int] | None = set() if tables else None
    pages = []
    for index in indices:
        try:
            pages.append(_page(doc, index, plumbed))
        except pdfium.PdfiumError as exc:
            log.warning("%s: skipping page %d: %s", where, index + 1, exc)
    return pages, plumbed or set(), None


def _page(doc: pdfium.PdfDocument, index: int, plumbed: set[int] | None = None) -> Page:
    """One page, its lines in reading order, and its tables if `plumbed` is a set (see `_read_pages`).
    PDFium's page is released before returning."""
    page = doc[index]
    try:
        mediabox = page.get_mediabox()
        edges = page_edges(page) if plumbed is not None else []
        # A MediaBox of its own at the origin, not turned: pdfplumber's frame is then PDFium's.
        upright = page.get_rotation() % 360 == 0 and page.get_mediabox(fallback_ok=False) == mediabox \
            and mediabox[:2] == (0, 0)
        textpage = page.get_textpage()
        try:
            words = _words(textpage, mediabox, page.get_rotation())
        finally:
            textpage.close()
    finally:
        page.close()
    result = Page(number=index + 1, lines=_order_rows(_rows(words)))
    if edges or edges is None:
        # pdfplumber's frame is the page's as displayed; the words must run left to right in it.
        upright = upright and all(word.bbox == word[:4] for word in words)
        tables = _ruled_tables(edges, words) if upright and edges is not None else None
        if tables is None:
            plumbed.add(result.number)
        else:
            result.tables = tables
    return result


def _ruled_tables(edges: list, words: list[_Word]) -> list[Table] | None:
    """`find_tables`, or None (pdfplumber decides) where it fails on odd geometry: one page's tables
    never make a document unreadable."""
    try:
        return find_tables(edges, words)
    except Exception as exc:
        log.debug("tables from PDFium's paths failed, pdfplumber reads the page: %s: %s", type(exc).__name__, exc)
        return None


def _transform(mediabox: tuple[float, float, float, float], rotation: int) -> _Transform:
    """Maps a PDFium box (left, top, right, bottom; y up) to `BBox` on the page turned by `rotation`.

    As in pdfplumber, coordinates are relative to the MediaBox origin.
    """
    left, bottom, right, top = mediabox
    x0, x1, y0, y1 = min(left, right), max(left, right), min(bottom, top), max(bottom, top)
    if rotation % 360 == 90:
        return lambda lf, tp, rt, bt: (bt - y0, lf - x0, tp - y0, rt - x0)
    if rotation % 360 == 180:
        return lambda lf, tp, rt, bt: (x1 - rt, bt - y0, x1 - lf, tp - y0)
    if rotation % 360 == 270:
        return lambda lf, tp, rt, bt: (y1 - tp, x1 - rt, y1 - bt, x1 - lf)
    return lambda lf, tp, rt, bt: (lf - x0, y1 - tp, rt - x0, y1 - bt)


def _words(textpage: pdfium.PdfTextPage, mediabox: tuple, rotation: int) -> list[_Word]:
    """The page's words (runs of non-space characters), boxed by their first and last character.

    Their `bbox` is on the page as displayed (after /Rotate); their x0, top, x1, bottom are in the
    frame where most words run left to right, so that pages of sideways text are read in order.
    """
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) != count:  # PDFium left characters out of its text (e.g. unmapped glyphs): rebuild it
        text = "".join(_char(textpage, i) for i in range(count))
    rect = pdfium_c.FS_RECTF()

    def box(i: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect)  # font-height box: even rows
        return rect.left, rect.top, rect.right, rect.bottom

    found = []  # (text, box in PDF space)
    directions = [0, 0, 0, 0]  # words running right, up, left, down in PDF space
    for match in _WORD.finditer(text):
        start, end = match.span()
        first, last = box(start), box(end - 1)
        pieces = [(match.group(), first, last)]
        if not _same_line(first, last):  # rare: PDFium put no space or line break between two places
            pieces = _split_word(text, start, end, box)
        for word, (l0, t0, r0, b0), (l1, t1, r1, b1) in pieces:
            clean = word if word.isprintable() else word.translate(_CLEAN)
            if clean:
                found.append((clean, (min(l0, l1), max(t0, t1), max(r0, r1), min(b0, b1))))
                dx, dy = l1 + r1 - l0 - r0, t1 + b1 - t0 - b0
                if dx or dy:
                    directions[(0 if dx > 0 else 2) if abs(dx) >= abs(dy) else (1 if dy > 0 else 3)] += 1
    to_layout = _transform(mediabox, 90 * directions.index(max(directions)))
    to_page = _transform(mediabox, rotation)
    return [_Word(*to_layout(*pdf_box), text=word, bbox=to_page(*pdf_box)) for word, pdf_box in found]


def _char(textpage: pdfium.PdfTextPage, index: int) -> str:
    if pdfium_c.FPDFText_IsHyphen(textpage, index):  # its code is 2, like some unmapped glyphs'
        return _EOL_HYPHEN
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    return chr(code) if code < 0xD800 or 0xDFFF < code <= 0x10FFFF else "\ufffd"


def _same_line(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two boxes overlap vertically (horizontal text) or horizontally (vertical text)."""
    return min(a[1], b[1]) >= max(a[3], b[3]) or min(a[2], b[2]) >= max(a[0], b[0])


def _split_word(text: str, start: int, end: int, box: Callable[[int], tuple]) -> list[tuple]:
    """`text[start:end]` cut where a character is not on the line of the one before it."""
    boxes = [box(i) for i in range(start, end)]
    pieces, begin = [], 0
    for k in range(1, len(boxes) + 1):
        if k == len(boxes) or not _same_line(boxes[k - 1], boxes[k]):
            pieces.append((text[start + begin : start + k], boxes[begin], boxes[k - 1]))
            begin = k
    return pieces


def _rows(words: list[_Word]) -> list[_Row]:
    """Words grouped into rows, top to bottom.

    A word joins the current row if its vertical centre is within the band of the row's first word
    and that word's centre is within its own band: superscripts join, while a tall (rotated) word
    does not swallow the rows beside it. Duplicated words (overprinted for a bold effect) are dropped.
    """
    rows: list[_Row] = []
    anchor, anchor_centre = None, 0.0
    for word in sorted(words, key=lambda w: w.top + w.bottom):
        centre = (word.top + word.bottom) / 2
        if anchor and anchor.top <= centre <= anchor.bottom and word.top <= anchor_centre <= word.bottom:
            rows[-1].append(word)
        else:
            rows.append([word])
            anchor, anchor_centre = word, centre
    for row in rows:
        row.sort(key=lambda w: w.x0)
        row[:] = [w for k, w in enumerate(row) if k == 0 or not _duplicate(row[k - 1], w)]
    return rows


def _duplicate(a: _Word, b: _Word) -> bool:
    tolerance = (a.bottom - a.top) / 4
    return a.text == b.text and abs(a.x0 - b.x0) <= tolerance and abs(a.top - b.top) <= tolerance


def _order_rows(rows: list[_Row]) -> list[Line]:
    """The rows as lines in reading order.

    The x intervals that no word of a row covers (at least `_MIN_GUTTER_EM` wide) are intersected
    over the rows that follow it, until none is left or a wide vertical gap comes: what remains are
    the candidate gutters of a block of rows. A gutter is accepted if a column beside it reads as
    prose (see `_columns`); else the block is a table or a list of labels and values, whose rows
    stay whole lines. A block is only split if it is maximal (it would not grow further without its
    first row, as happens when that row is a title across the columns); it is then read column after
    column, each column ordered the same way in turn (nested layouts, margin notes). Otherwise its
    first row becomes one line and the search goes on from the next row.
    """
    if not rows:
        return []
    heights = sorted(w.bottom - w.top for row in rows for w in row)
    em = max(heights[len(heights) // 2], 1.0)
    min_gutter, max_row_gap, cell_gap = _MIN_GUTTER_EM * em, _MAX_ROW_GAP_EM * em, _CELL_GAP_EM * em

    def order(rows: list[_Row]) -> list[Line]:
        span = (min(row[0].x0 for row in rows), max(w.x1 for row in rows for w in row))
        tops = [min(w.top for w in row) for row in rows]
        bottoms = [max(w.bottom for w in row) for row in rows]
        window = _Window([_free(row, span, min_gutter) for row in rows], min_gutter)

        def close(k: int) -> bool:
            return tops[k] - bottoms[k - 1] <= max_row_gap

        lines: list[Line] = []
        rejected: tuple[int, _Intervals] | None = None
        window.grow(close)
        while window.start < len(rows):
            start, end, gutters = window.start, window.end, window.common()
            window.pop()
            window.grow(close)  # the block that starts one row later
            columns = None
            # Judging a block again that only lost its first row would make tables quadratic.
            if end - start > 1 and window.end <= end and rejected != (end, gutters):
                columns = _columns(rows[start:end], gutters, min_gutter)
                rejected = None if columns else (end, gutters)
            if columns:
                for column in columns:
                    lines.extend(order([part for part in column if part]))
                window.restart(end)
                window.grow(close)
            else:
                lines.append(_line(rows[start], cell_gap))
        return lines

    return order(rows)


class _Window:
    """Rows `start` to `end` (exclusive) and the x intervals free in all of them, as a sliding window.

    It is a queue of two stacks, so each row's intervals are intersected a few times in all, and
    searching from every row on stays linear in the number of rows (pages of large tables).
    """

    def __init__(self, free: list[_Intervals], min_width: float):
        self.free, self.min_width = free, min_width
        self.start = self.end = 0
        # The window's rows are split at a row `mid`; the intersection over rows start..mid is in
        # _front[-1] (start+1..mid in _front[-2], ...), the one over rows mid..end in _back.
        self._front: list[_Intervals] = []
        self._back: _Intervals | None = None  # None: no rows

    def common(self) -> _Intervals:
        return self._meet(self._front[-1] if self._front else None, self._back) or []

    def grow(self, close: Callable[[int], bool]) -> None:
        """Add rows while they are `close` to the row before and some free interval remains."""
        while self.end < len(self.free):
            if self.end > self.start and not (close(self.end) and self._meet(self.common(), self.free[self.end])):
                return
            self._back = self._meet(self._back, self.free[self.end])
            self.end += 1

    def pop(self) -> None:
        """Drop the first row."""
        if not self._front:
            meet = None
            for k in range(self.end - 1, self.start - 1, -1):
                meet = self._meet(self.free[k], meet)
                self._front.append(meet)
            self._back = None
        self._front.pop()
        self.start += 1

    def restart(self, row: int) -> None:
        self.start = self.end = row
        self._front, self._back = [], None

    def _meet(self, a: _Intervals | None, b: _Intervals | None) -> _Intervals | None:
        if a is None or b is None:
            return b if a is None else a
        return _intersect(a, b, self.min_width)


def _free(row: _Row, span: tuple[float, float], min_width: float) -> _Intervals:
    """The x intervals within `span` that no word of the row covers, at least `min_width` wide."""
    gaps, x = [], span[0]
    for word in row:
        if word.x0 - x >= min_width:
            gaps.append((x, word.x0))
        x = max(x, word.x1)
    if span[1] - x >= min_width:
        gaps.append((x, span[1]))
    return gaps


def _intersect(a: _Intervals, b: _Intervals, min_width: float) -> _Intervals:
    """The pieces, at least `min_width` wide, of the intersection of two interval lists."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi - lo >= min_width:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _columns(rows: list[_Row], gutters: _Intervals, min_gap: float) -> list[list[_Row]] | None:
    """The block's rows cut at its accepted gutters (per column, its part of each row), or None.

    A gutter is accepted if a column beside it reads as prose, unless that column lies between two
    that do not (a table with a column of descriptions), or the column left of it holds the keys of a
    table whose values (which may wrap like prose) are right of it (`_keys`). A gutter between just
    two columns is also accepted if both hold running text that wraps on its own (`_is_flow`): two
    flows whose headings, short lines and key: value lists keep them from reading as prose on the
    whole. Judging again after merging the columns beside rejected gutters would change nothing: a
    merged column is no prose, since a gap wider than a word space runs through it.
    """
    x0, x1 = min(row[0].x0 for row in rows), max(row[-1].x1 for row in rows)
    cuts = [(lo + hi) / 2 for lo, hi in gutters if x0 < lo and hi < x1]  # not margins
    if not cuts:
        return None
    columns = [column for column in _split(rows, cuts) if any(column)]
    prose = [_is_prose(column, min_gap, _PROSE_WIDTH * (x1 - x0)) for column in columns]
    last = len(columns) - 1
    text = [is_prose and (k in (0, last) or prose[k - 1] or prose[k + 1]) for k, is_prose in enumerate(prose)]
    flows = [_is_flow(column) for column in columns]
    # Text left of the cut that reads as prose or running text holds no table's keys (a column of
    # bullets or dashes beside it may look like keys).
    text_left = list(itertools.accumulate((f or p for f, p in zip(flows, prose, strict=True)), operator.or_))
    cuts = [min(part[0].x0 for part in column if part) for column in columns[1:]]
    kept = [
        cut for k, cut in enumerate(cuts)
        if (len(columns) == 2 and flows[k] and flows[k + 1])
        or ((text[k] or text[k + 1]) and (text_left[k] or not _keys(columns[k], columns[k + 1])))
    ]
    return _split(rows, kept) if kept else None


def _split(rows: list[_Row], cuts: list[float]) -> list[list[_Row]]:
    """Every row cut at the x positions `cuts` (by word centre): per column, its part of each row."""
    columns: list[list[_Row]] = [[] for _ in range(len(cuts) + 1)]
    for row in rows:
        parts: list[_Row] = [[] for _ in columns]
        for word in row:
            parts[bisect.bisect_right(cuts, (word.x0 + word.x1) / 2)].append(word)
        for column, part in zip(columns, parts, strict=True):
            column.append(part)
    return columns


def _is_prose(column: list[_Row], min_gap: float, min_width: float) -> bool:
    """Whether the column's rows look like lines of running text: several words, filling a width
    of at least `min_width`, spaced like words (few gaps as wide as `min_gap`, unlike table cells)."""
    parts = [part for part in column if part]
    if len(parts) < 3:
        return False
    x0, x1 = min(p[0].x0 for p in parts), max(p[-1].x1 for p in parts)
    if x1 - x0 < min_width:
        return False
    words = statistics.median(len(p) for p in parts)
    fill = statistics.median((p[-1].x1 - p[0].x0) / max(x1 - x0, 1e-6) for p in parts)
    gaps = [b.x0 - a.x1 for p in parts for a, b in itertools.pairwise(p)]
    wide = sum(gap >= min_gap for gap in gaps)
    return words >= _PROSE_WORDS and fill >= _PROSE_FILL and wide <= _PROSE_WIDE_GAPS * len(gaps)


def _is_flow(column: list[_Row]) -> bool:
    """Whether the column holds running text that wraps: at least `_FLOW_WRAPS` times, a part of
    `_FLOW_WORDS` words or more (`_is_word`) that reaches the column's right side (`_FLOW_FILL` of its width) is
    followed in the next row by a part that continues it (starts lower-case, or the first part
    ends in a comma or hyphen). Two independent flows of text each wrap on their own; the keys of a
    table do not."""
    parts = [part for part in column if part]
    if len(parts) < _FLOW_WRAPS + 1:
        return False
    x0, x1 = min(p[0].x0 for p in parts), max(p[-1].x1 for p in parts)
    width = max(x1 - x0, 1e-6)
    wraps = 0
    for part, following in itertools.pairwise(column):
        if not part or not following or sum(_is_word(w.text) for w in part) < _FLOW_WORDS:
            continue
        if (part[-1].x1 - x0) / width < _FLOW_FILL:
            continue
        if following[0].text[:1].islower() or part[-1].text.endswith((",", "-")):
            wraps += 1
    return wraps >= _FLOW_WRAPS


def _is_word(text: str) -> bool:
    """Whether a token is a word of text (two letters or more), not a number, unit sign or symbol."""
    return sum(c.isalpha() for c in text) >= 2


def _keys(left: list[_Row], right: list[_Row]) -> bool:
    """Whether `left` reads as the keys of a table whose values are in `right`: short parts
    (median at most `_KEY_WORDS` words), nearly all (`_KEY_PAIRED`) beside a value in their row."""
    rows = [(a, b) for a, b in zip(left, right, strict=True) if a]
    if not rows:
        return False
    paired = sum(bool(b) for _, b in rows)
    return statistics.median(len(a) for a, _ in rows) <= _KEY_WORDS and paired >= _KEY_PAIRED * len(rows)


def _line(words: _Row, cell_gap: float) -> Line:
    """One row as a line; gaps of at least `cell_gap` between words separate its cells."""
    bbox: BBox = (
        round(min(w.bbox[0] for w in words), 2),
        round(min(w.bbox[1] for w in words), 2),
        round(max(w.bbox[2] for w in words), 2),
        round(max(w.bbox[3] for w in words), 2),
    )
    cells: list[list[str]] = [[]]
    edges = [words[0].x0]
    for k, word in enumerate(words):
        if k and word.x0 - words[k - 1].x1 >= cell_gap:
            cells.append([])
            edges.append(word.x0)
        cells[-1].append(word.text)
    return Line.row([" ".join(cell) for cell in cells], bbox, cell_x=[round(x, 1) for x in edges])


def _add_tables(data: bytes, where: str, password: str | None, pages: list[Page]) -> None:
    """Fill `Page.tables` with pdfplumber; where pdfplumber fails, pages keep no tables (logged)."""
    import pdfplumber  # slow to import and to run: only when tables are wanted

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as exc:
        log.warning("%s: no tables: pdfplumber cannot open it: %s", where, exc)
        return
    with pdf:
        try:
            plumber_pages = pdf.pages
        except Exception as exc:
            log.warning("%s: no tables: pdfplumber cannot read its pages: %s", where, exc)
            return
        for page in pages:
            if page.number > len(plumber_pages):
                break
            plumber_page = plumber_pages[page.number - 1]
            try:
                page.tables = [
                    Table(
                        rows=[[cell or "" for cell in row] for row in table.extract()],
                        bbox=tuple(round(v, 2) for v in table.bbox),
                    )
                    for table in plumber_page.find_tables()
                ]
            except Exception as exc:
                log.warning("%s: no tables on page %d: %s", where, page.number, exc)
            finally:
                plumber_page.close()  # frees its cached objects: memory stays flat on long files
