"""Reading order of `parse_pdf` where two text flows stand side by side, and where a borderless
table's keys stand beside values that wrap: flows are read column by column, table rows stay whole."""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from procure_check.parse.pdf import parse_pdf
from tests.conftest import draw_columns

FONT, SIZE, LEADING = "Helvetica", 10, 13
_, HEIGHT = A4

DESCRIPTION = (
    "Acidic sanitary cleaner for daily cleaning of wash basins, toilets, showers, tiles and fittings. "
    "Removes limescale, soap residue and urine scale. Safe on stainless steel and chrome."
)
DIRECTIONS = (
    "Spray onto the surface or onto a damp cloth. Leave for a short while, wipe and rinse with clean "
    "water. Wear gloves for frequent use."
)
ENVIRONMENT = (
    "The product carries the EU Ecolabel, registration number DK/020/012. Fragrance free and free "
    "from colourants. The surfactants are readily biodegradable in line with Regulation (EC) 648/2004."
)
SPECS = ["Form: liquid, ready to use", "Dispenser: pump trigger", "Propellant: none", "pH: 2.5",
         "Density: 1.03 g/ml", "Shelf life: 24 months", "Pack size: 750 ml", "Colour: blue", "Dosing: 5 ml"]


def _wrap(text: str, width: float) -> list[str]:
    return simpleSplit(text, FONT, SIZE, width)


def _two_flows(path: Path) -> tuple[list[str], list[str]]:
    """A data sheet whose columns each hold headings, wrapped prose and (left) a key: value list,
    on one grid of baselines, so that most rows hold words of both columns."""
    left = ["Description", *_wrap(DESCRIPTION, 215), "Technical data", *SPECS]
    right = ["Directions", *_wrap(DIRECTIONS, 215), "Environment and health", *_wrap(ENVIRONMENT, 215), "Safety",
             *_wrap("H319 Causes serious eye irritation. Keep out of reach of children.", 215),
             "Pack sizes", "750 ml trigger bottle", "5 l refill can", "Dispenser: 2 l", "Case: 6 bottles"]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(57, HEIGHT - 70, "Brightmoor Bathroom Cleaner – sanitary cleaner")
    pdf.setFont(FONT, SIZE)
    draw_columns(pdf, HEIGHT - 110, LEADING, (57, left), (312, right))
    pdf.save()
    return left, right


def test_two_flows_with_headings_and_a_key_value_list_never_mix(tmp_path):
    path = tmp_path / "flows.pdf"
    left, right = _two_flows(path)
    lines = [line.text for line in parse_pdf(path).pages[0].lines]
    assert lines == ["Brightmoor Bathroom Cleaner – sanitary cleaner", *left, *right]
    assert "Propellant: none" in lines  # not "Propellant: none Fragrance free ..."


def test_borderless_key_value_table_with_wrapped_values_keeps_key_and_value(tmp_path):
    """Keys on the left, values on the right of which some wrap onto a second line: each key stays
    on the line of its value's first line (not a run of keys, then a run of values)."""
    rows = [
        ("Tilslutning", ["400 V 3N, 9,9 kW, 16 A"]),
        ("Vandtilslutning", ["Koldt vand 10 °C, 2–6 bar"]),
        ("Mål (B × D × H)", ["635 × 750 × 1.500 mm (hætte", "åben 1.960 mm)"]),
        ("Reservedele", ["Garanteret tilgængelige i 10 år", "fra købsdato"]),
        ("Garanti", ["2 år"]),
        ("Pris", ["kr. 64.900 ekskl. moms og", "installation"]),
    ]
    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 8)
    y = 500.0
    for key, value in rows:
        pdf.drawString(297, y, key)
        for k, part in enumerate(value):
            pdf.drawString(405, y - k * 10, part)
        y -= 10 * len(value) + 5
    pdf.save()
    lines = [line.text for line in parse_pdf(path).pages[0].lines]
    expected = []
    for key, value in rows:
        expected += [f"{key} {value[0]}", *value[1:]]
    assert lines == expected
