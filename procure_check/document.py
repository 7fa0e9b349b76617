"""The parsed document: pages of lines with positions, and tables as rows."""

from typing import Literal

from pydantic import BaseModel, Field

BBox = tuple[float, float, float, float]
"""`(x0, top, x1, bottom)` in PDF points from the top left of the page."""


class Line(BaseModel):
    text: str
    bbox: BBox | None = None
    cells: list[int] = []
    """For a table row: where each cell after the first starts in `text`. The cells are printed apart
    (a column gap, a table grid) and `text` joins them with one space, so a quote stays as printed
    while extraction can tell a key from its value ("Parfume | Nej – parfumefri")."""
    cell_x: list[float] = []
    """For a PDF table row: the left edge of each cell, to tell which column header a cell stands under."""

    @classmethod
    def row(cls, cells: list[str], bbox: BBox | None = None, *, merged: bool = False,
            cell_x: list[float] | None = None) -> "Line":
        """A table row of `cells` (empty ones dropped), with their left edges `cell_x` if known.
        `merged`: a cell repeated in the row is one merged cell (python-docx repeats it in every
        column it spans) and is read once."""
        if merged:
            cells = [cell for position, cell in enumerate(cells) if cell not in cells[:position]]
        kept = [k for k, cell in enumerate(cells) if cell]
        text, starts = "", []
        for k in kept:
            if text:
                text += " "
                starts.append(len(text))
            text += cells[k]
        edges = [cell_x[k] for k in kept] if cell_x and len(kept) > 1 else []
        return cls(text=text, bbox=bbox, cells=starts, cell_x=edges)


class Table(BaseModel):
    rows: list[list[str]]
    bbox: BBox | None = None
    row_numbers: list[int] = []
    """A spreadsheet's row number of each row (so evidence can cite its cell); empty elsewhere."""


class Page(BaseModel):
    number: int = Field(ge=1)
    lines: list[Line] = []
    tables: list[Table] = []
    ocr: bool = False
    """The page's text was read by OCR from its image."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Notice(BaseModel):
    """The structured fields of an eForms notice that concern green procurement."""

    cpv: list[str] = []
    """CPV codes of the main and additional classifications (BT-262, BT-263)."""
    strategic_procurement: list[str] = []
    """BT-06: e.g. `env-imp` (reduction of environmental impacts)."""
    green_procurement: list[str] = []
    """BT-774: `clim-mitig`, `circ-econ`, `biodiv-eco`, `clim-adapt`, `pollu-prev`, `water-mar`, `other`."""
    gpp_criteria: list[str] = []
    """BT-805: `eu`, `national`, `other`, `none`."""
    strategic_description: list[str] = []
    """BT-777: the buyer's description of its strategic procurement."""


class Document(BaseModel):
    path: str
    sha256: str
    format: Literal["pdf", "docx", "text", "eforms", "table", "spreadsheet"]
    """`table`: a row of a product list (`procure_check.parse.tabular`); `spreadsheet`: a sheet of a
    requirement matrix (`procure_check.parse.spreadsheet`)."""
    pages: list[Page]
    ocr: bool = False
    """Some page was read by OCR (see `Page.ocr`)."""
    notice: Notice | None = None
    language: str = ""
    """The language the document states it is in (a TED notice's `LG`: `de`, `nb`, …), if any."""

    @property
    def char_count(self) -> int:
        return sum(len(line.text) for page in self.pages for line in page.lines)
