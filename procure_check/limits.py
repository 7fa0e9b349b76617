"""Limits on what one document may cost: a document over a limit is an error (`too_large`, `timeout`),
never a partial result or a pass."""

from pydantic import BaseModel, ConfigDict, Field

MB = 1_000_000


class Limits(BaseModel):
    """Per-document limits; `None` means no limit."""

    model_config = ConfigDict(frozen=True)

    max_file_size: int | None = Field(100 * MB, ge=1)
    """Bytes per file; a bigger file is `too_large` before it is parsed."""
    max_pages: int | None = Field(2000, ge=1)
    """Pages per file (PDFs are refused before their pages are read)."""
    max_chars: int | None = Field(5_000_000, ge=1)
    """Characters of text per file."""
    timeout: float | None = Field(120.0, gt=0)
    """Wall-clock seconds per document (or tender set); enforced by the batch runner (`procure_check.batch`)."""


def format_size(size: int) -> str:
    """`153.2 MB`, `12 KB`, `512 bytes`: decimal units, as `--max-file-size` reads them."""
    for unit, factor in (("GB", 1000 * MB), ("MB", MB), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
