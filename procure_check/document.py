"""The parsed document: pages of lines with positions, and tables as rows."""

from typing import Literal

from pydantic import BaseModel, Field

BBox = tuple[float, float, float, float]
"""`(x0, top, x1, bottom)` in PDF points from the top left of the page."""


class Line(BaseModel):
    text: str
    bbox: BBox | None = None


class Table(BaseModel):
    rows: list[list[str]]
    bbox: BBox | None = None


class Page(BaseModel):
    number: int = Field(ge=1)
    lines: list[Line] = []
    tables: list[Table] = []

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Document(BaseModel):
    path: str
    sha256: str
    format: Literal["pdf", "docx", "text"]
    pages: list[Page]
    ocr: bool = False

    @property
    def char_count(self) -> int:
        return sum(len(line.text) for page in self.pages for line in page.lines)
