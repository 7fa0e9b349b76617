"""What the two sample generators (make_samples.py, make_tenders.py) have in common.

Both describe a document as pages of blocks (`h`, `p`, `kv`, plus kinds of their own), frame every page with a
`Letterhead` and write it as PDF, DOCX or TXT. Each writer returns the text lines it drew, page by page, so that
the scripts can check their expectations against what is really in the files. Output is deterministic: PDFs use
reportlab's invariant mode, DOCX files get fixed core properties and zip timestamps.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import docx
import yaml
from docx.document import Document as DocxDocument
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

SHY = "\u00ad"  # soft hyphen: where the writers may break a word across lines

# ---------------------------------------------------------------------------------------------------
# Content blocks and expectations
# ---------------------------------------------------------------------------------------------------

Block = tuple


def h(text: str) -> Block:
    """A section heading."""
    return ("h", text)


def p(text: str) -> Block:
    """A paragraph; `\\n` forces a line break, a soft hyphen (SHY) allows one inside a word."""
    return ("p", text)


def kv(*pairs: tuple[str, str]) -> Block:
    """Key/value lines, drawn as `Key: value`."""
    return ("kv", pairs)


def ok(*where: str | int) -> tuple:
    """Expect `pass`, proven by the evidence at `where`: ([file,] page, evidence)."""
    return ("pass", *where)


def bad(*where: str | int) -> tuple:
    """Expect `fail`, proven by the evidence at `where`: ([file,] page, evidence)."""
    return ("fail", *where)


NA = ("not_applicable",)


def on_one_line(pages: list[list[str]], page: int, evidence: str) -> bool:
    """Whether `evidence` lies within one drawn line of `page` (1-based)."""
    return 1 <= page <= len(pages) and any(evidence in line for line in pages[page - 1])


@dataclass(frozen=True)
class Letterhead:
    """What frames a document: issuer and kind in the page header, the footer, the title and meta lines."""

    issuer: str
    """The supplier or buyer: top left of every page, and the document's author."""
    kind: str
    """What the document is ("PRODUKTDATABLAD", "UDBUDSBETINGELSER"): top right of every page."""
    address: str
    """Printed after the issuer in the footer."""
    title: str
    meta: list[str]
    """Small lines under the title on page 1."""
    page: str
    """The page label, "Side {n} af {total}"."""
    cont: str
    """The word that marks the title on later pages ("fortsat")."""

    @property
    def header(self) -> str:
        """The page header of a DOCX file."""
        return f"{self.issuer} – {self.kind}"

    @property
    def footer(self) -> str:
        return f"{self.issuer} · {self.address}"

    @property
    def continued(self) -> str:
        return f"{self.title} ({self.cont})"

    def page_label(self, n: int, total: int) -> str:
        return self.page.format(n=n, total=total)


def wrap(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Greedy word wrap; `\\n` forces a break, a soft hyphen (SHY) marks where a word may be hyphenated.

    A line that does not fit (a word too long for its column) is an error: the samples must not overflow.
    """
    lines = []
    for part in text.split("\n"):
        line = ""
        for word in part.split(" "):
            trial = f"{line} {word}" if line else word
            if not line or fits(trial.replace(SHY, "")):
                line = trial
                continue
            pieces = word.split(SHY)
            for k in range(len(pieces) - 1, 0, -1):
                head = f"{line} {''.join(pieces[:k])}-"
                if fits(head.replace(SHY, "")):
                    lines.append(head)
                    line = "".join(pieces[k:])
                    break
            else:
                lines.append(line)
                line = word
        lines.append(line)
    lines = [line.replace(SHY, "") for line in lines]
    for line in lines:
        if not fits(line):
            raise SystemExit(f"line does not fit its column: {line!r}")
    return lines


# ---------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------

FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEAD = 10, 13.5
PAGE_W, PAGE_H = A4
LEFT, RIGHT = 20 * mm, PAGE_W - 20 * mm
TOP, BOTTOM = PAGE_H - 18 * mm, 24 * mm
HEAD_FILL, GRID_LINE = colors.HexColor("#dde5ea"), colors.HexColor("#6b7b86")


class Pen:
    """Draws blocks top-down in one column of a PDF page; every line sits on a LEAD grid.

    A script's pen says how far apart blocks stand (`gap`) and draws its own kinds of block (`other`).
    """

    def __init__(
        self, c: canvas.Canvas, lines: list[str], x: float = LEFT, width: float = RIGHT - LEFT, y: float = TOP - 8 * mm
    ):
        self.c, self.lines, self.x, self.width, self.y = c, lines, x, width, y
        self.fresh, self.last = True, ""

    def gap(self, kind: str) -> float:
        """The space above a block of `kind`."""
        return 0

    def other(self, block: Block) -> None:
        raise SystemExit(f"unknown block {block[0]!r}")

    def block(self, block: Block) -> None:
        kind = block[0]
        gap = self.gap(kind)
        if gap:
            self.y -= gap
        if kind == "h":
            self.line(block[1], BOLD, 11)
        elif kind == "p":
            self.paragraph(block[1])
        elif kind == "kv":
            for key, value in block[1]:
                self.kv(key, value)
        else:
            self.other(block)
        self.fresh, self.last = False, kind

    def line(self, text: str, font: str = FONT, size: float = SIZE) -> None:
        if self.y < BOTTOM + LEAD:
            raise SystemExit(f"page overflow at: {text!r}")
        self.c.setFont(font, size)
        self.c.drawString(self.x, self.y, text)
        self.lines.append(text)
        self.y -= LEAD

    def paragraph(self, text: str) -> None:
        for part in wrap(text, lambda s: stringWidth(s, FONT, SIZE) <= self.width):
            self.line(part)

    def kv(self, key: str, value: str) -> None:
        text = self.c.beginText(self.x, self.y)  # one text run, so the space after the colon is a real glyph
        text.setFont(BOLD, SIZE)
        text.textOut(f"{key}: ")
        text.setFont(FONT, SIZE)
        text.textOut(value)
        self.c.drawText(text)
        self.lines.append(f"{key}: {value}")
        self.y -= LEAD


def write_pdf(
    path: Path,
    head: Letterhead,
    pages: list[list[Block]],
    pen: Callable[[canvas.Canvas, list[str]], Pen],
    *,
    creator: str,
    title_size: float,
) -> list[list[str]]:
    """Header, footer and title on every page, then the blocks, drawn by `pen(canvas, lines)`."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(head.title)
    c.setAuthor(head.issuer)
    c.setSubject(head.kind.capitalize())
    c.setCreator(creator)
    drawn = []
    for n, blocks in enumerate(pages, 1):
        c.setFont(BOLD, 9)
        c.drawString(LEFT, PAGE_H - 12 * mm, head.issuer)
        c.drawRightString(RIGHT, PAGE_H - 12 * mm, head.kind)
        c.setLineWidth(0.6)
        c.line(LEFT, PAGE_H - 14 * mm, RIGHT, PAGE_H - 14 * mm)
        c.line(LEFT, 16 * mm, RIGHT, 16 * mm)
        c.setFont(FONT, 8)
        c.drawString(LEFT, 11 * mm, head.footer)
        label = head.page_label(n, len(pages))
        c.drawRightString(RIGHT, 11 * mm, label)
        lines = [head.issuer, head.kind, head.footer, label]
        writer = pen(c, lines)
        if n == 1:
            size = title_size
            while stringWidth(head.title, BOLD, size) > RIGHT - LEFT:
                size -= 0.5
            writer.line(head.title, BOLD, size)
            writer.y -= 3
            for m in head.meta:
                writer.line(m, FONT, 9)
        else:
            writer.line(head.continued, BOLD, 11)
        writer.y -= LEAD / 2
        for block in blocks:
            writer.block(block)
        c.showPage()
        drawn.append(lines)
    c.save()
    return drawn


# ---------------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------------


def normalise_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip archive with fixed timestamps so that DOCX output is byte-for-byte reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx_grid(document: DocxDocument, rows: Sequence[Sequence[str]], bold: Callable[[int, int], bool]) -> list[str]:
    """A gridded table; `bold(row, column)` says which cells are bold. Returns the cell texts."""
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    grid.style = "Table Grid"
    texts = []
    for r, row in enumerate(rows):
        for col, text in enumerate(row):
            grid.cell(r, col).text = text
            grid.cell(r, col).paragraphs[0].runs[0].bold = bold(r, col)
            texts.append(text)
    return texts


def write_docx(
    path: Path,
    head: Letterhead,
    pages: list[list[Block]],
    when: datetime,
    other: Callable[[DocxDocument, Block], list[str] | None],
) -> list[list[str]]:
    """Title, meta lines and blocks, a page break between pages; `other` writes a script's own kinds of block
    (returning the lines it wrote, or None if it does not know the block). Header and footer are not in the lines."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    section.header.paragraphs[0].text = head.header
    section.footer.paragraphs[0].text = head.footer
    props = document.core_properties
    props.title, props.author, props.last_modified_by = head.title, head.issuer, head.issuer
    props.created = props.modified = when
    props.revision = 1
    drawn = []
    for n, blocks in enumerate(pages, 1):
        lines: list[str] = []
        if n == 1:
            document.add_heading(head.title, level=1)
            lines.append(head.title)
            for m in head.meta:
                document.add_paragraph(m).runs[0].font.size = Pt(9)
                lines.append(m)
        else:
            document.add_page_break()
        for block in blocks:
            kind = block[0]
            if kind == "h":
                document.add_heading(block[1], level=2)
                lines.append(block[1])
            elif kind == "p":
                for part in block[1].replace(SHY, "").split("\n"):
                    document.add_paragraph(part)
                    lines.append(part)
            elif kind == "kv":
                for key, value in block[1]:
                    para = document.add_paragraph()
                    para.add_run(f"{key}:").bold = True
                    para.add_run(f" {value}")
                    lines.append(f"{key}: {value}")
            else:
                written = other(document, block)
                if written is None:
                    raise SystemExit(f"{path.name}: block {kind!r} is not supported in DOCX")
                lines += written
        drawn.append(lines)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue(), when))
    return drawn


# ---------------------------------------------------------------------------------------------------
# TXT
# ---------------------------------------------------------------------------------------------------

TXT_WIDTH = 78


def txt_wrap(text: str) -> list[str]:
    return wrap(text, lambda s: len(s) <= TXT_WIDTH)


def txt_kv(pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """Key/value lines with the values aligned."""
    pad = max(len(key) for key, _ in pairs) + 2
    return [f"{key + ':':<{pad}}{value}" for key, value in pairs]


def write_txt(
    path: Path,
    head: Letterhead,
    pages: list[list[Block]],
    first: list[str],
    render: Callable[[Block], list[str] | None],
) -> list[list[str]]:
    """Plain text, a form feed between pages: `first` (or the continued title), the blocks as `render` writes them
    (None: not supported), then the footer and page label."""
    drawn = []
    for n, blocks in enumerate(pages, 1):
        lines = list(first) if n == 1 else [head.continued]
        for block in blocks:
            written = render(block)
            if written is None:
                raise SystemExit(f"{path.name}: block {block[0]!r} is not supported in TXT")
            lines += written
        lines += ["", head.footer, head.page_label(n, len(pages))]
        drawn.append(lines)
    path.write_text("\n\f".join("\n".join(lines) for lines in drawn) + "\n", encoding="utf-8", newline="\n")
    return drawn


# ---------------------------------------------------------------------------------------------------
# expected.yaml and README tables
# ---------------------------------------------------------------------------------------------------


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def expected_yaml(
    comments: list[str], as_of: str, key: str, entries: list[tuple[dict[str, str], dict[str, tuple]]], where: list[str]
) -> str:
    """The expectations file: `entries` are (fields, expect) with the fields already YAML scalars; `where` names the
    parts of an expectation after its verdict (the last, the evidence, is quoted). Checked to load back unchanged."""
    out = [*(f"# {line}" for line in comments), f"as_of: {as_of}", f"{key}:"]
    for fields, expect in entries:
        out += [f"{'  - ' if i == 0 else '    '}{name}: {value}" for i, (name, value) in enumerate(fields.items())]
        out.append("    expect:")
        for cid, (verdict, *at) in expect.items():
            values = zip(where, [*at[:-1], yaml_str(at[-1])], strict=True) if at else []
            extra = "".join(f", {name}: {value}" for name, value in values)
            out.append(f"      {cid}: {{verdict: {verdict}{extra}}}")
    text = "\n".join(out) + "\n"
    for (fields, expect), entry in zip(entries, yaml.safe_load(text)[key], strict=True):
        first = next(iter(fields))
        assert entry[first] == fields[first], entry
        assert {cid: tuple(e.values()) for cid, e in entry["expect"].items()} == expect, entry
    return text


def verdict_label(verdict: str) -> str:
    return "n/a" if verdict == "not_applicable" else verdict


def md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; `|` inside a cell is escaped."""

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return [row(head), "|---" * len(head) + "|", *(row(cells) for cells in rows)]
