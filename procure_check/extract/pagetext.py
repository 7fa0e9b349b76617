"""Normalised page text that maps every character back to the printed lines.

Extractors search `PageText.text`: words broken across lines are re-joined ("svane-⏎mærket" →
"svanemærket"), whitespace is collapsed, ligatures and typographic quotes are plain. Evidence is
then cut from the *original* lines, so a quote stands as it does in the document.
"""

import re
from bisect import bisect_right

from procure_check.document import Line, Page
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
_NORMALISE = re.compile(
    rf"(?P<hyphen>(?-i:(?<=[{_LOWER}])-[ \t]*\n[ \t]*(?=[{_LOWER}]))(?!{_KEEP_HYPHEN_BEFORE}))"
    # A soft hyphen joins the word it ends to the next line; one that ends no word is white space.
    r"|(?P<soft>(?<=\w)\u00ad[ \t]*\n?[ \t]*)"
    r"|(?P<para>[ \t\u00ad]*\n(?:[ \t\u00ad]*\n)+[ \t\u00ad]*)"
    r"|(?P<newline>[ \t\u00ad]*\n[ \t\u00ad]*)"
    r"|(?P<space>[ \t\u00a0\u2009\u202f\u2007\r\f\v\u00ad]+)"
    "|(?P<char>[" + "".join(_CHAR_MAP) + "])",
    re.IGNORECASE,
)
_REPLACEMENT = {"hyphen": "", "soft": "", "para": "\n\n", "newline": "\n", "space": " "}
_WHITESPACE = re.compile(r"\s+")


class PageText:
    """One page's searchable text, with `evidence(start, end)` to quote a span of it."""

    def __init__(self, page: Page, *, ocr: bool = False):
        self.number = page.number
        self.ocr = ocr
        self._lines: list[Line] = page.lines
        self.raw = "\n".join(line.text for line in page.lines)
        self._line_starts: list[int] = []
        offset = 0
        for line in page.lines:
            self._line_starts.append(offset)
            offset += len(line.text) + 1
        self.text, self._to_raw = _normalise(self.raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the printed text behind `text[start:end]`."""
        end = min(end, len(self._to_raw))
        if end <= start:
            return (0, 0)
        return self._to_raw[start], self._to_raw[end - 1] + 1

    def evidence(self, start: int, end: int) -> Evidence:
        """Quote `text[start:end]` as printed, with the union of the lines' boxes."""
        raw_start, raw_end = self.raw_span(start, end)
        quote = _WHITESPACE.sub(" ", self.raw[raw_start:raw_end]).strip()
        return Evidence(page=self.number, text=quote, bbox=self._bbox(raw_start, raw_end), ocr=self.ocr)

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


def normalise(raw: str) -> str:
    """The normalised form of `raw` (see the module docstring)."""
    return _normalise(raw)[0]


def _normalise(raw: str) -> tuple[str, list[int]]:
    """Return the normalised text and, per character of it, its index in `raw`."""
    pieces: list[str] = []
    to_raw: list[int] = []
    position = 0
    for match in _NORMALISE.finditer(raw):
        start, end = match.span()
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
    pieces.append(raw[position:])
    to_raw.extend(range(position, len(raw)))
    text = "".join(pieces)
    stripped = text.rstrip()
    return stripped, to_raw[: len(stripped)]
