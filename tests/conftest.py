"""Shared helpers: build parsed documents and page texts from plain strings."""

import os
from collections.abc import Callable
from datetime import date

# Test modules import openpyxl, which imports numpy, whose OpenBLAS would start a thread per core: the worker
# pool would then use a fork server, and tests that patch a function for the workers need them forked.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest

from procure_check.document import Document, Line, Page
from procure_check.extract.pagetext import PageText
from procure_check.facts import fact_ids

AS_OF = date(2026, 11, 22)
"""The check date the extraction tests judge validity against."""


def make_document(text: str, *, ocr: bool = False) -> Document:
    """A text document: pages split on "\\f", lines on "\\n" (blank lines dropped, as the text parser does)."""
    pages = [
        Page(number=number, lines=[Line(text=line) for line in chunk.split("\n") if line.strip()])
        for number, chunk in enumerate(text.split("\f"), start=1)
    ]
    return Document(path="test.txt", sha256="0" * 64, format="text", pages=pages, ocr=ocr)


def make_page(text: str, *, number: int = 1, keep_blank: bool = False) -> PageText:
    """One page's `PageText`; `keep_blank` keeps empty lines (paragraph breaks) as they are."""
    lines = [Line(text=line) for line in text.split("\n") if keep_blank or line.strip()]
    return PageText(Page(number=number, lines=lines))


def make_pages(text: str) -> list[PageText]:
    """Every page of `text` (split on form feeds) as a `PageText`."""
    return [PageText(page) for page in make_document(text).pages]


def id_counter() -> Callable[[str], str]:
    """A fresh `new_id` function, as `extract_facts` passes to the extractors."""
    return fact_ids()


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch, tmp_path_factory):
    """The CLI's result cache is off in tests (tests/test_cache.py turns it on), and its folder is never the
    user's: files with the same content in one test would otherwise be answered from the cache."""
    monkeypatch.setenv("PROCURE_CHECK_NO_CACHE", "1")
    monkeypatch.setenv("PROCURE_CHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def draw_columns(pdf, top: float, leading: float, *columns: tuple[float, list[str]]) -> None:
    """Draw columns of lines side by side on a reportlab canvas, row by row from the baseline `top` down, so that
    the content stream interleaves the columns as most writers' do. Each column: its left x and its lines."""
    for k in range(max(len(lines) for _, lines in columns)):
        for x, lines in columns:
            if k < len(lines):
                pdf.drawString(x, top - k * leading, lines[k])
