"""A tender split into requirements: numbered clauses, table rows and paragraphs."""

from typing import Literal

from pydantic import BaseModel, Field

from procure_check.document import Line

Modality = Literal["requirement", "award", "wish", "information"]
"""requirement: skal, must, shall, mindstekrav; award: tildelingskriterium, evalueres;
wish: bør, ønskes, should; information: none of these."""


class Requirement(BaseModel):
    """One requirement of a tender, with the lines it stands on so evidence can be quoted."""

    id: str
    """Unique within the tender set: "R1", "R2", …"""
    document: str
    """The path of the tender file it comes from."""
    number: str | None = None
    """The clause or row number as printed ("3.2.1", "K4", "12"), if any."""
    page: int = Field(ge=1)
    lines: list[Line]
    """The printed lines of the requirement, in reading order (a table row: its cells joined by " | ")."""
    modality: Modality
    source: Literal["clause", "table_row", "paragraph", "table"]
    """`table`: a titled table of values ("Tabel 1 – Mindste energiklasse pr. sokkel"), whole; it asks for
    what the clause that refers to it asks for, and is left out where none does."""
    heading: str | None = None
    """The section heading it stands under, if any ("Miljøkrav")."""
    cell: str | None = None
    """In a spreadsheet, the cell of its requirement text ("B14")."""
    modality_from: str | None = None
    """The id of the clause that gives this one its modality: the clause whose proof it names, or one that
    refers to it as a definition (`tender.references`)."""

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)
