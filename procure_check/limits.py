"""Limits on what one document may cost: a document over a limit is an error (`too_large`, `timeout`),
never a partial result or a pass."""

from pydantic import BaseModel, ConfigDict, Field

from procure_check.errors import DocumentError

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

    def check_file_size(self, size: int, where: str) -> None:
        """Raise `too_large` for a file of `size` bytes over `max_file_size`."""
        if self.max_file_size is not None and size > self.max_file_size:
            raise DocumentError("too_large", f"the file is {format_size(size)}, more than the limit of "
                                             f"{format_size(self.max_file_size)} (--max-file-size)", where)

    def check_pages(self, pages: int, where: str) -> None:
        """Raise `too_large` for more than `max_pages` pages."""
        if self.max_pages is not None and pages > self.max_pages:
            raise DocumentError("too_large", f"{pages} pages, more than the limit of {self.max_pages} (--max-pages)",
                                where)

    def check_chars(self, chars: int, where: str) -> None:
        """Raise `too_large` for more than `max_chars` characters of text."""
        if self.max_chars is not None and chars > self.max_chars:
            raise DocumentError("too_large", f"{chars:,} characters of text, more than the limit of "
                                             f"{self.max_chars:,} (--max-chars)", where)


def format_size(size: int) -> str:
    """`153.2 MB`, `12 KB`, `512 bytes`: decimal units, as `--max-file-size` reads them."""
    for unit, factor in (("GB", 1000 * MB), ("MB", MB), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
