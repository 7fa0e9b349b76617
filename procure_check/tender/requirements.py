"""Split a tender set into requirements: numbered clauses, requirement-table rows and paragraphs.

Each document is read in two passes. `_units` walks the lines in reading order, drops page
furniture (page numbers, running headers) and the text lines that repeat a requirement table, and
groups the rest into units: a numbered clause start, a heading, a bullet, or text, each with the
lines that continue it (wrapped lines, a line starting in lower case, a line after one ending in
"," or "og"). `_requirements` then groups units into requirements: a clause keeps its bullets and
the explanatory text after it; a paragraph with a modality word of its own starts a new one.

Over 400 lines because both passes share the unit and table-layout models and the clause, bullet and
heading patterns; the modality a clause takes from other clauses is in `procure_check.tender.references`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from procure_check.data import rules_file
from procure_check.document import Document, Line, Page, Table
from procure_check.extract.pagetext import normalise
from procure_check.extract.patterns import words_pattern
from procure_check.tender.model import Modality, Requirement

__all__ = ["classify_modality", "split_requirements"]

PRECEDENCE: tuple[Modality, ...] = ("award", "requirement", "wish")
"""The first kind whose words a text holds is its modality; none of them: "information"."""

_CAPITALS = "A-ZÆØÅÄÖÜ"
_UPPER = _CAPITALS + "\"'„“«("
# A clause number starts a line: "3.2", "3.2.1", "3." (before a capital), "4)", "Krav 12:", "Req. 5",
# "K4", "MK3". Dotted numbers need a capital or the line end after them ("2.5 liter" is no clause).
CLAUSE_NUMBER = re.compile(
    r"\s*(?:"
    rf"(?P<dotted>\d{{1,2}}(?:\.\d{{1,2}}){{1,4}})\.?(?=\s+[{_UPPER}]|\s*$)"
    rf"|(?P<single>\d{{1,3}})\.(?=\s+[{_UPPER}])"
    r"|\(?(?P<paren>\d{1,3})\)(?=\s|$)"
    r"|(?P<label>(?i:krav|req\.?|requirement|anforderung|punkt|pkt\.?)\s*(?i:nr\.?\s*)?\d{1,3}(?:\.\d{1,3})*)"
    r"(?=[\s:.)–-]|$)"
    r"|(?P<code>(?P<prefix>MK|ØK|TK|K|Ø)-?\d{1,3}(?:\.\d{1,3})*[a-z]?)(?=[\s:.)–-]|$)"
    r")[\s:.)–-]*"
)
# "*" only before a space: "**Bevis:**" is Markdown bold, not a bullet.
BULLET = re.compile(r"\s*(?:[•·▪◦‣●○■□➢►✓✔]|[*–—-](?=\s)|o(?=\s)|\(?[a-zæøå]\)(?=\s)|\(?[ivx]{1,4}\)(?=\s))")
TABLE_TITLE = re.compile(r"(?:Tabel|Table|Tabell|Tabelle)\s+\d{1,2}\b", re.IGNORECASE)
"""A table's title ("Tabel 1 – Mindste energiklasse pr. sokkel/type"): the table is kept whole, for a clause to
refer to."""
# A line ending like this goes on in the next one ("…, og", "følgende:", "svane-").
OPEN_END = re.compile(
    r"(?:[,;:(/&+–—-]|…|\b(?:og|eller|samt|at|af|i|til|med|for|som|der|den|det|de|en|et|på|om|fra|ved|"
    r"and|or|of|the|to|with|in|on|by|a|an|und|oder|mit|von|für|och|av|till|för))\s*$"
)
# A paragraph after a requirement that starts like this explains or documents it.
CONTINUATION_LEAD = re.compile(
    r"\s*(?:som |as )?(?:dokumentation\w*|documentation|proof|evidence|nachweis\w*|bemærk|note|nb|obs|"
    r"eller tilsvarende|or equivalent|tilsvarende|equivalent|der accepteres|ordregiver accepterer|kravet|"
    r"this requirement|hvis|såfremt|if)\b",
    re.IGNORECASE,
)
# Modality words that a heading may hold: section names ("Mindstekrav", "Tildelingskriterier"), no verbs.
SECTION_NOUN = re.compile(
    r"[\w-]*(?:krav|kriteri|criteri|paramet|requirement|anforderung)[\w-]*|ønsker?|önskemål|evaluering\w*|"
    r"evaluation|point|minimum requirements?|award criteri\w*",
    re.IGNORECASE,
)
HEADING_START = re.compile(rf"(?:\d{{1,2}}\.?\s+)?[{_CAPITALS}]")
PAGE_NUMBER = re.compile(
    r"(?i)(?:(?:side|page|sida|seite|s\.)\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:af|of|av|von|fra|/)\s*\d{1,4})?\s*[-–—]?"
)
PAGE_NUMBER_END = re.compile(r"(?i)\b(?:side|page|sida|seite)\s+\d{1,4}(?:\s*(?:af|of|av|von|/)\s*\d{1,4})?\s*$")
MAX_REMARKS, MAX_REMARK_CHARS = 2, 300
"""An unnumbered paragraph takes at most this many following pieces of text without a modality word,
each at most this long; a numbered clause takes all of them (up to the next clause or heading)."""
RUNNING_LINES = 3
"""Lines this close to the top or bottom of a page can be a running header or footer."""

# Header cells of a requirements table, by role (matched in this order, whole cell, lower case).
COLUMN_ROLES = (
    ("number", r"nr|no|nummer|number|#|id|ref|reference|kravnr|krav ?-?(?:nr|id)|kravnummer|pkt|punkt|løbenr|"
               r"req(?:uirement)? ?(?:no|id|number)|id ?nr|lfd ?nr"),
    ("type", r"(?:krav ?)?(?:type|kategori|category|art)|kravtype|kravkategori|type af krav|requirement type|"
             r"(?:(?:mindste|minimums?)krav|krav|mk|m|k|skal|mandatory) ?(?:/|eller|og|-) ?"
             r"(?:ønske\w*|ø|øk|bør|optional)|"
             r"ønske\w* ?/ ?(?:mindste|minimums?)?krav|priorit\w*|status|modalitet"),
    ("documentation", r".*(?:dokumentation|documentation|nachweis|bevis|proof|evidence).*"),
    ("text", r".*(?:krav|requirement|anforderung|kriteri|criteri).*"),
    ("description", r".*(?:beskrivelse|description|specifikation|specification|tekst|text).*"),
)


def classify_modality(text: str) -> Modality:
    """What `text` states: a requirement, an award criterion, a wish, or only information.

    By whole words (rules/tender.yaml, `modality`), after blanking phrases such as "må gerne".
    """
    patterns = _modality_patterns()
    cleaned = patterns["neutral"].sub(" ", " ".join(text.split()))
    return next((kind for kind in PRECEDENCE if patterns[kind].search(cleaned)), "information")


def split_requirements(documents: list[Document]) -> list[Requirement]:
    """The requirements of a tender set in document and reading order, numbered "R1", "R2", … across it.

    A document that says it binds no one (`non_binding`) states no requirement: its clauses are left out.
    """
    drafts = [draft for document in documents if not non_binding(document) for draft in _requirements(document)]
    return [Requirement(id=f"R{number}", **draft) for number, draft in enumerate(drafts, start=1)]


def non_binding(document: Document) -> bool:
    """Whether the document says it is guidance, example wordings, minutes or market-dialogue questions."""
    pattern = _non_binding_pattern()
    return any(pattern.search(normalise(page.text)) for page in document.pages)


@cache
def _non_binding_pattern() -> re.Pattern[str]:
    return words_pattern(rules_file("tender.yaml")["non_binding"])


@cache
def _modality_patterns() -> dict[str, re.Pattern[str]]:
    data = rules_file("tender.yaml")["modality"]
    patterns = {kind: words_pattern(data[kind]) for kind in (*PRECEDENCE, "neutral")}
    patterns["any"] = words_pattern([word for kind in PRECEDENCE for word in data[kind]])
    for kind in PRECEDENCE:
        words = sorted(data["type_values"][kind], key=len, reverse=True)
        patterns[f"type:{kind}"] = re.compile("(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)
    return patterns


def _type_modality(value: str | None) -> Modality | None:
    """The modality a type cell ("Mindstekrav", "Ø") or a clause letter ("MK") names, if any."""
    value = re.sub(r"^\W+", "", value or "")
    patterns = _modality_patterns()
    return next((kind for kind in PRECEDENCE if patterns[f"type:{kind}"].match(value)), None)


@dataclass
class _Layout:
    """Which columns of a requirements table hold what; rows before `body` are its header."""

    columns: dict[str, int]
    body: int
    header: list[str]
    modality: Modality | None
    """What the text column's header says ("Mindstekrav"), for tables without a type column."""
    page: int
    stated: bool = False
    """The text column is headed by the plain word for a requirement ("Krav", "Requirement"): a row in
    the indicative ("Alle produkter opfylder krav O5–O29") states one; a row that says "bør" is a wish."""


@dataclass
class _Unit:
    kind: str  # "clause", "heading", "bullet", "text" or "table"
    page: int
    lines: list[tuple[int, Line]] = field(default_factory=list)  # (page number, line)
    number: str | None = None
    numeric: bool = False  # numbered like a section ("3.2", "3."): may be a heading
    title: bool = False  # the clause line is a short title, its body follows
    modality: Modality | None = None  # from the clause letters (MK, Ø, TK)
    table: Table | None = None
    layout: _Layout | None = None

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for _, line in self.lines)


@dataclass
class _Block:
    """A requirement being collected."""

    source: str
    unit: _Unit
    heading: str | None
    expect_body: bool = False
    list_open: bool = False
    remarks: int = 0  # text without a modality word taken after a paragraph
    lines: list[tuple[int, Line]] = field(default_factory=list)
    lead_in: int = 0  # where a list is introduced with ":", the number of lines up to and including that line
    items: list[list[tuple[int, Line]]] = field(default_factory=list)  # the list's items (bullets)
    after: list[tuple[int, Line]] = field(default_factory=list)  # the lines after the list

    def __post_init__(self) -> None:
        self.lines = list(self.unit.lines)
        self.list_open = _ends_list_intro(self.lines)

    def takes(self, unit: _Unit) -> bool:
        """Whether `unit` continues this requirement rather than starting its own.

        It does if it is the body of a titled clause, a bullet of a clause or of a list introduced
        with ":", text that starts like an explanation ("Dokumentation: …"), or text without a
        modality word: all of it after a numbered clause, but after an unnumbered paragraph only
        a few short pieces (a remark like "eller tilsvarende accepteres", not the prose after it).
        """
        if self.expect_body or CONTINUATION_LEAD.match(unit.text):
            return True
        if unit.kind == "bullet" and (self.source == "clause" or self.list_open):
            return True
        if classify_modality(unit.text) != "information":
            return False
        if self.source in ("clause", "table"):
            return True
        return self.remarks < MAX_REMARKS and len(unit.text) <= MAX_REMARK_CHARS

    def add(self, unit: _Unit) -> None:
        self.remarks += self.source == "paragraph" and unit.kind == "text"
        if unit.kind == "bullet" and self.list_open and not self.after:
            self.lead_in = self.lead_in or len(self.lines)
            self.items.append(list(unit.lines))
        elif self.items:
            self.after += unit.lines
        self.lines += unit.lines
        self.list_open = _ends_list_intro(unit.lines) or (self.list_open and unit.kind == "bullet")
        self.expect_body = False

    def drafts(self, path: str) -> list[dict]:
        """The requirement's fields. A list after a lead-in ("Det er et mindstekrav, at produkterne: • … • …")
        is a requirement per item, and what follows the list one more, each with the lead-in's modality where
        it has no modality word of its own; the lead-in stands with the first item (every line is in one
        requirement only)."""
        if len(self.items) < 2:
            return [draft] if (draft := self._draft(path, self.lines)) else []
        lead_in = self.lines[: self.lead_in]
        lead = self.unit.modality or _modality(lead_in)
        parts = [(item, _modality(item)) for item in [*self.items, self.after] if item]
        parts = [(lines, lead if own == "information" else own) for lines, own in parts]
        parts[0] = (lead_in + parts[0][0], parts[0][1])
        return [draft for lines, modality in parts if (draft := self._draft(path, lines, modality))]

    def _draft(self, path: str, lines: list[tuple[int, Line]], modality: Modality | None = None) -> dict | None:
        """None for a paragraph without a modality word, unless it says what proof is accepted ("Annat
        lämpligt bevis godtas": the legal checks read that from any clause) or states a value a criterion
        reads (a CO2 price in an award formula)."""
        modality = modality or self.unit.modality or _modality(lines)
        printed = normalise("\n".join(line.text for _, line in lines))
        if self.source == "paragraph" and modality == "information" and not _proof_terms().search(printed):
            return None
        # The requirement is on its first page; lines carried over from the next page lose their box.
        first = lines[0][0]
        kept = [line if page == first or line.bbox is None else line.model_copy(update={"bbox": None})
                for page, line in lines]
        return {"document": path, "number": self.unit.number, "page": first, "lines": kept,
                "modality": modality, "source": self.source, "heading": self.heading}


def _modality(lines: list[tuple[int, Line]]) -> Modality:
    """The modality of printed lines, read both as printed and with line-end hyphens joined
    ("tildelings-⏎kriterium", "foo-⏎skal")."""
    printed = "\n".join(line.text for _, line in lines)
    return classify_modality(f"{normalise(printed)}\n{printed}")


@cache
def _proof_terms() -> re.Pattern[str]:
    terms = rules_file("tender_terms.yaml")
    return words_pattern(terms["other_proof"] + terms["equivalent"] + terms["stated_values"])


def _ends_list_intro(lines: list[tuple[int, Line]]) -> bool:
    return lines[-1][1].text.rstrip().endswith(":")


def _requirements(document: Document) -> Iterator[dict]:
    """The requirement drafts of one document (pass 2: units → requirements)."""
    units = _units(document)
    headings = _Headings()
    block: _Block | None = None
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        body_follows = following is not None and following.kind in ("text", "bullet")
        if block and block.source == "table" and unit.kind in ("heading", "text") \
                and any(line.cells for _, line in unit.lines):
            block.add(unit)  # a row of a titled table (short rows read like headings)
            continue
        if unit.kind in ("table", "heading", "clause") or not (block and block.takes(unit)):
            if block:
                yield from block.drafts(document.path)
            block = None
        if unit.kind == "table":
            yield from _table_rows(document.path, unit, headings.over(None))
        elif unit.kind == "heading" and (title := TABLE_TITLE.match(unit.text)):
            unit.number = title.group()
            block = _Block("table", unit, headings.over(None))
        elif unit.kind == "heading" or (unit.kind == "clause" and unit.numeric and unit.title and not body_follows):
            headings.add(unit.text)
        elif unit.kind == "clause":
            block = _Block("clause", unit, headings.over(unit.number if unit.numeric else None),
                           expect_body=unit.title)
            if unit.numeric and unit.title:  # "3.3 Emballage" heads the paragraphs after its body
                headings.add(unit.text)
        elif block:
            block.add(unit)
        else:
            block = _Block("paragraph", unit, headings.over(None))
    if block:
        yield from block.drafts(document.path)


class _Headings:
    """The headings read so far; a clause's heading is the nearest one that can be its parent."""

    def __init__(self) -> None:
        self._seen: list[tuple[str, list[str] | None]] = []  # text, its section number's parts

    def add(self, text: str) -> None:
        number = re.match(r"(\d{1,2}(?:\.\d{1,2})*)\.?\s", text)  # "3.2 Miljø", not "2026 Udbud"
        self._seen.append((text, number.group(1).split(".") if number else None))

    def over(self, number: str | None) -> str | None:
        """The heading of a clause numbered `number` ("3.3" is not under "3.2 …" but under "3 …");
        for anything else the nearest heading."""
        parts = number.split(".") if number else None
        for text, section in reversed(self._seen):
            if section is None or parts is None or (len(section) < len(parts) and parts[: len(section)] == section):
                return text
        return None


def _units(document: Document) -> list[_Unit]:
    """Pass 1: the document's lines and requirement tables as units, in reading order."""
    furniture = _furniture(document)
    units: list[_Unit] = []
    layout: _Layout | None = None
    in_list = False  # after a line ending in ":", "1)" and "2." are list items, not clauses
    for page_index, page in enumerate(document.pages):
        lines = [line for index, line in enumerate(page.lines) if (page_index, index) not in furniture]
        items, layout = _place_tables(page, lines, layout)
        width = _wrap_width(lines) if document.format == "text" else None
        first_on_page = True
        for item in items:
            if isinstance(item, _Unit):
                units.append(item)
                in_list, first_on_page = False, False
                continue
            text = item.text.strip()
            if not text:
                continue
            last = units[-1] if units and units[-1].kind != "table" else None
            clause = CLAUSE_NUMBER.match(text)
            if BULLET.match(text) or (clause and in_list and (clause["paren"] or clause["single"])):
                unit = _Unit("bullet", page.number, [(page.number, item)])
            elif clause:
                unit = _clause_unit(clause, text, page.number, item)
            elif last and _continues(last, item, None if first_on_page else (lines, width)):
                last.lines.append((page.number, item))
                last.kind = "text" if last.kind == "heading" else last.kind
                last.title = False
                unit = last
            else:
                unit = _Unit("heading" if _is_heading(text) else "text", page.number, [(page.number, item)])
            if unit is not last:
                units.append(unit)
            in_list = text.endswith(":") or (in_list and unit.kind == "bullet")
            first_on_page = False
    return units


def _clause_unit(clause: re.Match[str], text: str, page: int, line: Line) -> _Unit:
    number = next(clause[group] for group in ("dotted", "single", "paren", "label", "code") if clause[group])
    rest = text[clause.end():]
    title = not rest or (not rest[0].islower() and _is_heading(rest))
    return _Unit("clause", page, [(page, line)], number=" ".join(number.split()),
                 numeric=bool(clause["dotted"] or clause["single"]), title=title,
                 modality=_type_modality(clause["prefix"]) if clause["prefix"] else None)


def _continues(last: _Unit, line: Line, page: tuple[list[Line], int | None] | None) -> bool:
    """Whether `line` goes on with the unit before it (`page`: its page's lines and text width;
    None at the top of a page, where only the words can tell)."""
    text = line.text.strip()
    previous = last.lines[-1][1].text.rstrip()
    if text[:1].islower():
        return True
    if last.kind == "heading" or last.title:
        return False
    return bool(OPEN_END.search(previous)) or (page is not None and _wrapped(last.lines[-1][1], line, *page))


def _wrapped(previous: Line, line: Line, lines: list[Line], width: int | None) -> bool:
    """Whether `previous` was wrapped: the first word of `line` would not have fitted after it."""
    first = line.text.split()[0]
    if previous.bbox and line.bbox:
        x0, top, x1, bottom = previous.bbox
        height = bottom - top
        if height <= 0 or not -0.3 * height <= line.bbox[1] - bottom <= height:
            return False
        right = max(other.bbox[2] for other in lines if other.bbox and abs(other.bbox[0] - x0) <= 2 * height)
        char = (line.bbox[2] - line.bbox[0]) / max(len(line.text), 1)
        return x1 + char * (len(first) + 1) > right
    return width is not None and len(previous.text.rstrip()) + 1 + len(first) > width


def _wrap_width(lines: list[Line]) -> int | None:
    """The width plain text is wrapped at (50 to 110 characters), if many lines end near it."""
    lengths = [len(line.text.rstrip()) for line in lines]
    width = max(lengths, default=0)
    near = sum(length >= 0.85 * width for length in lengths)
    return width if 50 <= width <= 110 and near >= max(3, len(lengths) / 5) else None


def _is_heading(text: str) -> bool:
    """A short line without final punctuation, starting with a capital (or "3 "), no modal verb,
    no "label: value with a number"."""
    text = text.strip()
    if not text or len(text) > 80 or len(text.split()) > 10 or text[-1] in ".,;:!?" or "|" in text:
        return False
    if not HEADING_START.match(text) or not re.search(r"[^\W\d_]{3}", text) or OPEN_END.search(text):
        return False
    if re.search(r":\s.*\d", text):  # a label and its value: "Anslået værdi: 900.000 kr."
        return False
    cleaned = _modality_patterns()["neutral"].sub(" ", text)
    return all(SECTION_NOUN.fullmatch(match.group()) for match in _modality_patterns()["any"].finditer(cleaned))


def _furniture(document: Document) -> set[tuple[int, int]]:
    """(page index, line index) of page numbers and of running headers and footers.

    A line ending in "Side 3 af 12" is one if short or near the top or bottom of its page. A running
    line is one near the top or bottom of at least half the pages (two or more), numbers blanked
    out, that is no numbered clause. Lines with a modality word are never furniture.
    """
    dropped: set[tuple[int, int]] = set()
    running: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for page_index, page in enumerate(document.pages):
        count = len(page.lines)
        for index, line in enumerate(page.lines):
            text = line.text.strip()
            edge = index < RUNNING_LINES or index >= count - RUNNING_LINES
            if PAGE_NUMBER.fullmatch(text) or ((edge or len(text) <= 80) and PAGE_NUMBER_END.search(text)):
                dropped.add((page_index, index))
            elif edge and not CLAUSE_NUMBER.match(text):
                running[re.sub(r"\d+", "#", " ".join(text.lower().split()))].append((page_index, index))
    pages = sum(1 for page in document.pages if page.lines)
    for key, places in running.items():
        seen_on = {page_index for page_index, _ in places}
        if len(seen_on) >= 2 and 2 * len(seen_on) >= pages and classify_modality(key) == "information":
            dropped.update(places)
    return {place for place in dropped if classify_modality(_line_at(document, place)) == "information"}


def _line_at(document: Document, place: tuple[int, int]) -> str:
    return document.pages[place[0]].lines[place[1]].text


def _place_tables(page: Page, lines: list[Line], carried: _Layout | None) -> tuple[list, _Layout | None]:
    """The page's lines with each requirements table in its place, its duplicate text lines removed.

    Duplicates are the lines inside the table's box (PDF) or, without boxes, the lines that read as
    its rendered rows (DOCX). A table without a header that follows a requirements table on the
    page before, with as many columns, continues it.
    """
    items: list[Line | _Unit] = list(lines)
    for table in page.tables:
        layout = _layout(table, page.number)
        if layout is None and carried and carried.page == page.number - 1 and table.rows \
                and len(table.rows[0]) == len(carried.header):
            layout = _Layout(carried.columns, 0, carried.header, carried.modality, page.number)
        if layout is None:
            continue
        carried = layout
        copies = _copies(table, items)
        position = min(copies) if copies else _position(table, items)
        items = [item for index, item in enumerate(items) if index not in copies]
        position -= sum(1 for index in copies if index < position)
        items.insert(position, _Unit("table", page.number, table=table, layout=layout))
    return items, carried


def _copies(table: Table, items: list) -> set[int]:
    """Indexes of the lines that repeat the table's text."""
    lines = [(index, item) for index, item in enumerate(items) if isinstance(item, Line)]
    if table.bbox and any(line.bbox for _, line in lines):
        return {index for index, line in lines if line.bbox and _inside(line.bbox, table.bbox)}
    rendered = [text for text in (Line.row(row, merged=True).text for row in table.rows) if text]
    texts = [line.text for _, line in lines]
    for start in range(len(texts) - len(rendered) + 1):  # the rows as one run (the DOCX parser's order)
        if texts[start : start + len(rendered)] == rendered:
            return {index for index, _ in lines[start : start + len(rendered)]}
    return {index for index, line in lines if line.text in rendered}


def _inside(box: tuple, table: tuple) -> bool:
    """The line's vertical centre lies in the table and at least half of its width over it."""
    centre = (box[1] + box[3]) / 2
    overlap = min(box[2], table[2]) - max(box[0], table[0])
    return table[1] <= centre <= table[3] and overlap >= 0.5 * (box[2] - box[0])


def _position(table: Table, items: list) -> int:
    """Where a table whose text is not among the lines goes: before the first line below its top."""
    if table.bbox:
        for index, item in enumerate(items):
            if isinstance(item, Line) and item.bbox and item.bbox[1] >= table.bbox[1]:
                return index
    return len(items)


def _layout(table: Table, page: int) -> _Layout | None:
    """The layout of a requirements table: a header row (among the first three) with a requirement
    column ("Krav", or "Beskrivelse" beside a type or documentation column) and a number, type or
    documentation column; None for other tables (a price list: "Nr. | Beskrivelse | Pris")."""
    for index, row in enumerate(table.rows[:3]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(row):
            header = re.sub(r"\([^)]*\)", " ", cell.lower())
            header = " ".join(header.replace(".", " ").replace(":", " ").split())
            role = "type" if _names_modalities(header) else \
                next((role for role, pattern in COLUMN_ROLES if re.fullmatch(pattern, header)), None)
            if role and role not in columns:
                columns[role] = position
        text = columns.get("text")
        if text is None and columns.keys() & {"type", "documentation"}:
            text = columns.get("description")  # beside "Nr." alone, "Beskrivelse" is a price list's
        if text is not None and columns.keys() & {"number", "type", "documentation"}:
            columns["text"] = text
            header_modality = classify_modality(row[text])
            stated = bool(_REQUIREMENT_NOUN.fullmatch(" ".join(_cell(row[text]).lower().rstrip(":").split())))
            return _Layout(columns, index + 1, [_cell(cell) for cell in row],
                           None if header_modality == "information" else header_modality, page, stated)
    return None


_REQUIREMENT_NOUN = re.compile(r"krav(?:tekst|beskrivelse)?|requirements?|anforderung(?:en)?|kravet|kraven|"
                               r"krav(?:et)? til (?:produkte\w*|ydelse\w*|varen\w*|leverance\w*)")


def _names_modalities(header: str) -> bool:
    """Whether a column header lists kinds of requirement: "Mindstekrav/Tildeling", "M / Ø", "Krav eller ønske"."""
    parts = [part for part in re.split(r"\s*(?:/|\beller\b|\bog\b|\bor\b|\band\b|-)\s*", header) if part]
    kinds = [_type_modality(part) for part in parts]
    return len(parts) >= 2 and all(kinds) and len(set(kinds)) >= 2


def _table_rows(path: str, unit: _Unit, heading: str | None) -> Iterator[dict]:
    """One requirement per body row; a row with a single heading-like cell (a title above the header,
    a section between rows) is a heading."""
    table, layout = unit.table, unit.layout
    assert table is not None and layout is not None
    for index, row in enumerate(table.rows):
        cells = [_cell(cell) for cell in row]
        shown = [cell for position, cell in enumerate(cells) if cell and cell not in cells[:position]]
        if not shown or cells == layout.header:
            continue
        if len(shown) == 1 and _is_heading(shown[0]):
            heading = shown[0]
            continue
        if index < layout.body:
            continue
        number = _column(cells, layout, "number").rstrip(".:)") or None
        text = " | ".join(shown)
        modality = _type_modality(_column(cells, layout, "type")) or layout.modality or classify_modality(text)
        if modality == "information" and layout.stated:
            modality = "requirement"
        yield {"document": path, "number": number, "page": unit.page, "lines": [Line(text=text, bbox=table.bbox)],
               "modality": modality, "source": "table_row", "heading": heading,
               "cell": _cell_name(table, index, layout)}


def _cell_name(table: Table, index: int, layout: _Layout) -> str | None:
    """A spreadsheet row's requirement cell ("B14"); None for other tables."""
    if index >= len(table.row_numbers):
        return None
    column, letters = layout.columns["text"] + 1, ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"{letters}{table.row_numbers[index]}"


def _column(cells: list[str], layout: _Layout, role: str) -> str:
    position = layout.columns.get(role)
    return cells[position] if position is not None and position < len(cells) else ""


def _cell(text: str) -> str:
    """A cell on one line: words broken at a line-end hyphen re-joined, whitespace collapsed."""
    return " ".join(re.sub(r"(?<=[a-zæøå])-\n(?=[a-zæøå])", "", text or "").split())
