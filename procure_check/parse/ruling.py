"""Ruled tables found from PDFium's page objects, as pdfplumber would find them, without pdfplumber's parse.

pdfplumber builds ruled tables (its default "lines" strategy) from the edges of the page's lines,
rectangles and curves, which it gets by interpreting the whole page in Python: most of the time of
checking a tender with a table on every page. Here the same edges are read from PDFium's path
objects, following pdfminer's rules for what a path is (a line, a rectangle or a curve whose
axis-parallel segments are edges), and handed to pdfplumber's own `TableFinder`, so the grid and its
cells are pdfplumber's. The cells are filled with PDFium's words, by their centres, as pdfplumber
fills them with characters. Wherever the two could disagree (a word across a cell boundary or close
to one, text that does not run left to right, paths inside form XObjects) the answer is None and the
page is left to pdfplumber.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from procure_check.document import Table

_Edge = dict[str, float | str]
_Point = tuple[float, float]

_MARGIN = 1.0
"""A word whose vertical centre is this close (points) to a row boundary could fall either way:
PDFium's character boxes are not pdfminer's."""
_END = 0.5
"""How far in from a word's box its first and last character's centres lie, at least (points)."""


class Word(Protocol):
    """A word on the page, boxed in pdfplumber's frame (points from the top left of the MediaBox)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


def page_edges(page: pdfium.PdfPage) -> list[_Edge] | None:
    """The edges pdfplumber would take from the page's paths; None if only pdfplumber can tell
    (a path inside a form XObject, drawn in the form's own space)."""
    height = page.get_mediabox()[3]
    edges: list[_Edge] = []
    bounds = [ctypes.c_float() for _ in range(4)]
    matrix = pdfium_c.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and _form_has_paths(obj, 0):
            return None
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
            continue
        left, bottom, right, top = (value.value for value in bounds)
        if right - left < 1 and top - bottom < 1:  # every edge of it is under pdfplumber's 1-point prefilter
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not (fill.value or stroke.value):
            continue  # an unpainted path (`n`, a clip): pdfminer makes no object of it
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            return None
        for subpath in _subpaths(obj, matrix, height):
            edges.extend(_subpath_edges(*subpath))
    return edges


def _form_has_paths(form: ctypes.c_void_p, depth: int) -> bool:
    for index in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        obj = pdfium_c.FPDFFormObj_GetObject(form, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH or (
            kind == pdfium_c.FPDF_PAGEOBJ_FORM and (depth >= 15 or _form_has_paths(obj, depth + 1))
        ):
            return True
    return False


def _subpaths(obj: ctypes.c_void_p, matrix: pdfium_c.FS_MATRIX, height: float) -> list[tuple[str, list[_Point]]]:
    """The path's subpaths as pdfminer sees them: the shape (`m`, `l`, `c`, `h` per operator) and one
    point per operator (its end point; for `h`, the start), on the page with y from the top."""
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[str, list[_Point]]] = []
    shape, points, curve = "", [], 0
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        # Rounded: PDFium computes in single precision, pdfminer in double from the file's decimals.
        point = (round(a * x.value + c * y.value + e, 4), round(height - (b * x.value + d * y.value + f), 4))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                subpaths.append((shape, points))
            shape, points, curve = "m", [point], 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:  # three points (two control points, the end) per `c`
            curve += 1
            if curve % 3 == 0:
                shape += "c"
                points.append(point)
        else:
            shape += "l"
            points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and points:
            # PDFium closes a subpath with a line back to its start; pdfminer reads `h` as that line.
            if shape[-1] == "l" and point == points[0]:
                shape, points = shape[:-1], points[:-1]
            shape += "h"
            points.append(points[0])
    if shape:
        subpaths.append((shape, points))
    return subpaths


def _subpath_edges(shape: str, points: list[_Point]) -> list[_Edge]:
    """pdfplumber's edges of one subpath: a line is one edge, a rectangle four, and any other shape
    an edge for every segment parallel to an axis (pdfminer's LTLine, LTRect, LTCurve)."""
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = points[0], points[1]
        return [_edge(x0, y0, x1, y1, "h" if y0 == y1 else "v")]
    if shape in ("mlllh", "mllll") and points[0] == points[4]:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0):
            left, right, top, bottom = min(x0, x2), max(x0, x2), min(y0, y2), max(y0, y2)
            return [_edge(left, top, right, top, "h"), _edge(left, bottom, right, bottom, "h"),
                    _edge(left, top, left, bottom, "v"), _edge(right, top, right, bottom, "v")]
    edges = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 == x1 or y0 == y1:
            edges.append(_edge(x0, y0, x1, y1, "v" if x0 == x1 else "h"))
    return edges


def _edge(x0: float, y0: float, x1: float, y1: float, orientation: str) -> _Edge:
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return {"x0": left, "x1": right, "top": top, "bottom": bottom, "doctop": top,
            "width": right - left, "height": bottom - top, "orientation": orientation}


def find_tables(edges: list[_Edge], words: Sequence[Word]) -> list[Table] | None:
    """The ruled tables pdfplumber finds with these edges, their cells filled with the words whose
    centres lie in them; None if a word could fall in another cell by pdfplumber's characters."""
    if not edges:
        return []
    tables = []
    for found in _table_finder(edges).tables:
        rows = _fill(found.rows, found.bbox, words)
        if rows is None:
            return None
        tables.append(Table(rows=rows, bbox=tuple(round(v, 2) for v in found.bbox)))
    return tables


def _table_finder(edges: list[_Edge]):
    """pdfplumber's `TableFinder` (its default settings) on these edges, its cells found by `_cells_of`."""
    from pdfplumber import table

    finder = table.TableFinder.__new__(table.TableFinder)  # its __init__, with the cells found in linear time
    finder.page, finder.settings = SimpleNamespace(edges=edges, bbox=None), table.TableSettings.resolve(None)
    finder.edges = finder.get_edges()
    finder.intersections = table.edges_to_intersections(finder.edges, finder.settings.intersection_x_tolerance,
                                                        finder.settings.intersection_y_tolerance)
    finder.cells = _cells_of(finder.intersections)
    finder.tables = [table.Table(finder.page, group) for group in table.cells_to_tables(finder.cells)]
    return finder


def _cells_of(intersections: dict) -> list[tuple[float, float, float, float]]:
    """pdfplumber's `intersections_to_cells`, the same cells in the same order: for each grid point, the
    smallest cell it is the top left corner of. pdfplumber scans all later points for those directly below
    and to the right of each point (quadratic in the points of a page), and builds the sets of their edges
    for every pair it tries; here the points are grouped by column and row, and each point's sets built once."""
    from pdfplumber.utils import obj_to_bbox

    points = sorted(intersections)
    vertical = {point: set(map(obj_to_bbox, intersections[point]["v"])) for point in points}
    horizontal = {point: set(map(obj_to_bbox, intersections[point]["h"])) for point in points}
    column: dict[float, list[_Point]] = {}
    row: dict[float, list[_Point]] = {}
    place: dict[_Point, tuple[int, int]] = {}  # its index in its column and in its row
    for point in points:  # in (x, top) order: each column top to bottom, each row left to right
        place[point] = (len(column.setdefault(point[0], [])), len(row.setdefault(point[1], [])))
        column[point[0]].append(point)
        row[point[1]].append(point)

    def connects(a: _Point, b: _Point) -> bool:
        return bool((a[0] == b[0] and vertical[a] & vertical[b]) or (a[1] == b[1] and horizontal[a] & horizontal[b]))

    cells = []
    for point in points:
        below = column[point[0]][place[point][0] + 1 :]
        right = row[point[1]][place[point][1] + 1 :]
        cells.append(next(((point[0], point[1], corner[0], corner[1])
                           for under in below if connects(point, under)
                           for beside in right if connects(point, beside)
                           for corner in [(beside[0], under[1])]
                           if corner in intersections and connects(corner, beside) and connects(corner, under)),
                          None))
    return [cell for cell in cells if cell]


def _fill(rows: Sequence, bbox: tuple[float, ...], words: Sequence[Word]) -> list[list[str]] | None:
    """The text of every cell of the rows (pdfplumber's `Row`s), or None if a word is ambiguous."""
    texts: list[list[list[Word]]] = [[[] for _ in row.cells] for row in rows]
    table_x0, table_top, table_x1, table_bottom = bbox
    boundaries = sorted({cell[k] for row in rows for cell in row.cells if cell for k in (1, 3)})
    for word in words:
        if word.x1 <= table_x0 or word.x0 >= table_x1 or word.bottom <= table_top or word.top >= table_bottom:
            continue
        middle = (word.top + word.bottom) / 2
        near = bisect.bisect_right(boundaries, middle - _MARGIN)
        if near < len(boundaries) and boundaries[near] < middle + _MARGIN:
            return None  # its vertical centre is close to a row boundary
        cells = _cells(rows, word.x0 + _END, middle)
        if cells != _cells(rows, word.x1 - _END, middle):
            return None
        for r, c in cells:
            texts[r][c].append(word)
    return [[_text(cell) for cell in row] for row in texts]


def _cells(rows: Sequence, x: float, y: float) -> list[tuple[int, int]]:
    """(row, column) of every cell holding the point, by pdfplumber's test (top and left edges inside).
    Cells can overlap: pdfplumber then reads the same characters into each."""
    return [(r, c) for r, row in enumerate(rows) if row.bbox[1] <= y < row.bbox[3]
            for c, cell in enumerate(row.cells)
            if cell is not None and cell[0] <= x < cell[2] and cell[1] <= y < cell[3]]


def _text(words: list[Word]) -> str:
    """The cell's words as pdfplumber writes them: lines (tops within 3 points, chained) top to bottom,
    words left to right."""
    if not words:
        return ""
    words = sorted(words, key=lambda word: word.top)
    lines, last = [[words[0]]], words[0].top
    for word in words[1:]:
        if word.top > last + 3:
            lines.append([])
        lines[-1].append(word)
        last = word.top
    return "\n".join(" ".join(word.text for word in sorted(line, key=lambda word: word.x0)) for line in lines)
