"""OCR for PDF pages without text (scans): PDFium renders the page, the `tesseract` program reads it.

Tesseract is a program, not a Python package (Debian: `apt-get install tesseract-ocr tesseract-ocr-dan`).
Its TSV output gives each word with its box in pixels; words are joined into tesseract's lines, and the
boxes are turned back into PDF points from the top left of the page as displayed.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from procure_check.document import Line, Page
from procure_check.errors import DocumentError

log = logging.getLogger(__name__)

PROGRAM = "tesseract"
LANGUAGES = "dan+eng"
DPI = 300
MAX_PIXELS = 40_000_000
"""A page is rendered at `DPI` unless that takes more pixels (a poster): then at fewer dots per inch."""
PAGE_TIMEOUT = 120
"""Seconds tesseract may take for one page."""


def program() -> str | None:
    """The tesseract program to run, or None if it is not installed."""
    return shutil.which(PROGRAM)


def ocr_blank_pages(doc: pdfium.PdfDocument, pages: list[Page], where: str) -> bool:
    """Fill in the lines of the pages without any by OCR; whether OCR found text on any of them."""
    blank = [page for page in pages if not page.lines]
    if not blank:
        return False
    tesseract = program()
    if tesseract is None:
        raise DocumentError("no_text", f"OCR needs the program '{PROGRAM}', which is not installed", where)
    for page in blank:
        try:
            page.lines = _read_page(doc, page.number, tesseract, where)
            page.ocr = bool(page.lines)
        except pdfium.PdfiumError as exc:  # a damaged page: it stays without text
            log.warning("%s: cannot render page %d for OCR: %s", where, page.number, exc)
    return any(page.lines for page in blank)


def _read_page(doc: pdfium.PdfDocument, number: int, tesseract: str, where: str) -> list[Line]:
    page = doc[number - 1]
    try:
        width, height = page.get_size()
        scale = min(DPI / 72, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()
    try:
        with tempfile.TemporaryDirectory(prefix="procure-check-ocr-") as folder:
            png = Path(folder) / "page.png"
            image.save(png)
            completed = subprocess.run(
                [tesseract, str(png), "stdout", "-l", LANGUAGES, "tsv"], capture_output=True, text=True,
                encoding="utf-8", errors="replace", timeout=PAGE_TIMEOUT, check=False,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one thread: parallel checks share the CPUs
            )
    except subprocess.TimeoutExpired:
        raise DocumentError("timeout", f"OCR of page {number} took more than {PAGE_TIMEOUT} s", where) from None
    except OSError as error:  # no space for the page image, or tesseract cannot be run
        raise DocumentError("no_text", f"OCR of page {number} failed: {error.strerror or error}", where) from None
    if completed.returncode != 0:
        problem = next((line for line in completed.stderr.splitlines() if line.strip()), "no message")
        raise DocumentError("no_text", f"OCR of page {number} failed: {PROGRAM}: {problem.strip()}", where)
    return tsv_lines(completed.stdout, scale)


def tsv_lines(tsv: str, scale: float) -> list[Line]:
    """Tesseract's TSV → lines of words, in its reading order, with boxes in points (pixels / `scale`)."""
    lines: dict[tuple[str, ...], list[tuple[str, int, int, int, int]]] = {}
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():  # level 5: a word
            continue
        try:
            left, top, width, height = (int(value) for value in fields[6:10])
        except ValueError:
            continue
        lines.setdefault(tuple(fields[1:5]), []).append((fields[11].strip(), left, top, left + width, top + height))
    return [
        Line(
            text=" ".join(word[0] for word in words),
            bbox=(
                round(min(w[1] for w in words) / scale, 2),
                round(min(w[2] for w in words) / scale, 2),
                round(max(w[3] for w in words) / scale, 2),
                round(max(w[4] for w in words) / scale, 2),
            ),
        )
        for words in lines.values()
    ]
