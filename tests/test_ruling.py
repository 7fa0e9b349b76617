"""Ruled tables from PDFium's paths (`procure_check.parse.ruling`): the same tables pdfplumber finds, and
pdfplumber itself wherever the two could read differently."""

from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from procure_check.parse import pdf as pdf_module
from procure_check.parse.pdf import parse_pdf
from procure_check.parse.ruling import _fill, _subpath_edges, find_tables

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ROWS = [["Nr.", "Krav", "Type"], ["K1", "Rengøringsmidler skal være Svanemærket eller tilsvarende", "Mindstekrav"],
        ["K2", "Papir skal være mærket med EU Ecolabel", "Ønske"]]


def _plumber_tables(path: Path) -> list[list]:
    """Per page, pdfplumber's own tables as (rows, bbox)."""
    with pdfplumber.open(path) as pdf:
        return [[([[cell or "" for cell in row] for row in table.extract()], tuple(round(v, 2) for v in table.bbox))
                 for table in page.find_tables()] for page in pdf.pages]


def _grid(path: Path, rows=ROWS, style=()) -> Path:
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                               *style]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("tenders/*/*.pdf")), ids=lambda path: path.parent.name)
def test_sample_tenders_have_pdfplumbers_tables(path):
    document = parse_pdf(path, tables=True)
    assert [[(table.rows, table.bbox) for table in page.tables] for page in document.pages] == _plumber_tables(path)


def test_grid_with_boxes_of_filled_rectangles_is_pdfplumbers(tmp_path):
    path = _grid(tmp_path / "boxes.pdf", style=[("BACKGROUND", (0, 0), (-1, 0), "#dddddd"),
                                                 ("BOX", (0, 0), (-1, -1), 1.5, "black")])
    tables = parse_pdf(path, tables=True).pages[0].tables
    assert [(table.rows, table.bbox) for table in tables] == _plumber_tables(path)[0]
    assert tables[0].rows == ROWS


def test_tables_are_found_without_pdfplumber_parsing_the_page(tmp_path, monkeypatch):
    path = _grid(tmp_path / "grid.pdf")
    monkeypatch.setattr(pdf_module, "_add_tables", lambda *args: pytest.fail("pdfplumber was asked"))
    assert parse_pdf(path, tables=True).pages[0].tables[0].rows == ROWS


def test_page_that_only_pdfplumber_can_read_is_left_to_it(tmp_path, monkeypatch):
    """A grid inside a form XObject is drawn in the form's own space: pdfplumber reads that page."""
    path = tmp_path / "form.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.beginForm("grid")
    for x in (100, 200, 300):
        pdf.line(x, 600, x, 700)
    for y in (600, 650, 700):
        pdf.line(100, y, 300, y)
    pdf.endForm()
    pdf.doForm("grid")
    pdf.drawString(110, 670, "Krav")
    pdf.drawString(210, 670, "Type")
    pdf.showPage()
    pdf.save()
    asked = []
    real = pdf_module._add_tables
    monkeypatch.setattr(pdf_module, "_add_tables", lambda data, where, password, pages: (
        asked.extend(page.number for page in pages), real(data, where, password, pages)))
    document = parse_pdf(path, tables=True)
    assert asked == [1]
    assert [(table.rows, table.bbox) for table in document.pages[0].tables] == _plumber_tables(path)[0]


class _Word:
    def __init__(self, x0, top, x1, bottom, text):
        self.x0, self.top, self.x1, self.bottom, self.text = x0, top, x1, bottom, text


def _box_edges(x0, top, x1, bottom, columns):
    edges = _subpath_edges("mlllh", [(x0, top), (x1, top), (x1, bottom), (x0, bottom), (x0, top)])
    for x in columns:
        edges += _subpath_edges("ml", [(x, top), (x, bottom)])
    return edges


def test_cells_are_filled_with_the_words_inside_them():
    edges = _box_edges(100, 100, 300, 120, [200])
    words = [_Word(105, 105, 130, 115, "Nr."), _Word(205, 105, 230, 115, "Krav"), _Word(232, 105, 250, 115, "A"),
             _Word(400, 105, 420, 115, "outside")]
    [table] = find_tables(edges, words)
    assert table.rows == [["Nr.", "Krav A"]]
    assert table.bbox == (100, 100, 300, 120)


def test_word_across_a_cell_boundary_is_left_to_pdfplumber():
    edges = _box_edges(100, 100, 300, 120, [200])
    assert find_tables(edges, [_Word(190, 105, 215, 115, "Nr.Krav")]) is None


def test_word_on_a_row_boundary_is_left_to_pdfplumber():
    edges = _box_edges(100, 100, 300, 140, [200]) + _subpath_edges("ml", [(100, 120), (300, 120)])
    assert find_tables(edges, [_Word(105, 115, 130, 125.5, "K1")]) is None


def test_a_line_a_rectangle_and_a_curve_give_pdfplumbers_edges():
    assert [e["orientation"] for e in _subpath_edges("ml", [(0, 5), (10, 5)])] == ["h"]
    rectangle = _subpath_edges("mlllh", [(0, 0), (10, 0), (10, 5), (0, 5), (0, 0)])
    assert sorted((e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in rectangle) == [
        ("h", 0, 0, 10, 0), ("h", 0, 5, 10, 5), ("v", 0, 0, 0, 5), ("v", 10, 0, 10, 5)]
    # A rounded corner: its straight sides are edges, the chord of the curve is not.
    curve = _subpath_edges("mlcl", [(0, 10), (0, 2), (2, 0), (10, 0)])
    assert [(e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in curve] == [
        ("v", 0, 2, 0, 10), ("h", 2, 0, 10, 0)]


def test_a_word_in_overlapping_cells_is_read_into_each_as_by_pdfplumber():
    rows = [SimpleNamespace(bbox=(100, 100, 300, 120), cells=[(100, 100, 200, 120), (100, 100, 300, 120)])]
    assert _fill(rows, (100, 100, 300, 120), [_Word(105, 105, 130, 115, "Total")]) == [["Total", "Total"]]


def test_a_failure_on_odd_geometry_leaves_the_page_to_pdfplumber(tmp_path, monkeypatch):
    path = _grid(tmp_path / "grid.pdf")
    monkeypatch.setattr(pdf_module, "find_tables", lambda edges, words: 1 / 0)
    assert parse_pdf(path, tables=True).pages[0].tables[0].rows == ROWS
