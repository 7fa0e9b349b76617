"""`parse_pdf` on PDFs drawn with reportlab: reading order, tables, characters, positions and errors."""

import hashlib
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from procure_check.document import Document
from procure_check.errors import DocumentError
from procure_check.parse.pdf import parse_pdf
from tests.conftest import draw_columns

WIDTH, HEIGHT = A4
FONT, SIZE, LEADING = "Helvetica", 10, 13

LEFT_TEXT = [
    "The supplier shall deliver office chairs whose wooden parts come from legally harvested and "
    "sustainably managed forests, certified under FSC or PEFC.",
    "Upholstery fabrics shall meet the EU Ecolabel criteria for textile products or an equivalent "
    "type I ecolabel; the tenderer provides the licence number.",
]
RIGHT_TEXT = [
    "Spare parts shall remain available for at least five years after the end of production, and "
    "the warranty covers ten years of normal use in an office.",
    "Packaging shall consist of at least 80 per cent recycled cardboard and must not contain any "
    "expanded polystyrene or other halogenated plastics.",
]


def _wrap(paragraphs: list[str], width: float) -> list[str]:
    """Lines of the paragraphs wrapped to `width`, with an empty line between paragraphs."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*simpleSplit(paragraph, FONT, SIZE, width), ""]
    return lines[:-1]


@pytest.fixture
def two_columns(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """A data sheet: a full-width title, then two columns whose lines share their baselines."""
    left, right = _wrap(LEFT_TEXT, 220), _wrap(RIGHT_TEXT, 220)
    path = tmp_path / "two-columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, HEIGHT - 70, "Product data sheet: ergonomic office chair model ErgoSit 300 Pro")
    pdf.setFont(FONT, SIZE)
    draw_columns(pdf, HEIGHT - 110, LEADING, (60, left), (315, right))
    pdf.save()
    return path, [line for line in left if line], [line for line in right if line]


def test_two_columns_are_read_left_column_first(two_columns):
    path, left, right = two_columns
    lines = [line.text for line in parse_pdf(path).pages[0].lines]
    assert lines == ["Product data sheet: ergonomic office chair model ErgoSit 300 Pro", *left, *right]


def test_header_with_a_gap_over_the_gutter_stays_one_line(tmp_path):
    """A header whose gap lies partly over the gutter must not start the column block (it would end
    early where a longer line narrows the gutter, and the columns would be read in two halves)."""
    left = _wrap(LEFT_TEXT[:1], 215) + _wrap(LEFT_TEXT[1:], 236)  # the second paragraph reaches further right
    right = _wrap(RIGHT_TEXT, 220)
    path = tmp_path / "header.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    pdf.drawRightString(268, 740, "Call for tenders 2024/17")
    pdf.drawString(300, 740, "Technical specifications, lot 3")
    draw_columns(pdf, 715, LEADING, (60, left), (310, right))
    pdf.save()
    lines = [line.text for line in parse_pdf(path).pages[0].lines]
    assert lines == ["Call for tenders 2024/17 Technical specifications, lot 3", *filter(None, left + right)]


def test_column_blocks_apart_are_read_one_after_the_other(tmp_path):
    """Two sections of two columns, with a wide empty band between them: section by section."""
    path = tmp_path / "sections.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    sections = []
    for top, texts in ((760, (LEFT_TEXT[0], RIGHT_TEXT[0])), (560, (LEFT_TEXT[1], RIGHT_TEXT[1]))):
        columns = [_wrap([text], 220) for text in texts]
        for x, column in zip((60, 315), columns, strict=True):
            for k, line in enumerate(column):
                pdf.drawString(x, top - k * LEADING, line)
        sections += columns[0] + columns[1]
    pdf.save()
    assert [line.text for line in parse_pdf(path).pages[0].lines] == sections


def test_overprinted_text_is_read_once(tmp_path):
    """Text printed twice, a hair apart (a bold effect), once from a form XObject: PDFium keeps both."""
    path = tmp_path / "bold.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.beginForm("stamp")
    pdf.setFont(FONT, 12)
    pdf.drawString(72.3, 700, "Nordic Swan Ecolabel")
    pdf.endForm()
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 700, "Nordic Swan Ecolabel")
    pdf.doForm("stamp")
    pdf.drawString(72, 680, "Licence 3045 0012")
    pdf.save()
    assert [line.text for line in parse_pdf(path).pages[0].lines] == ["Nordic Swan Ecolabel", "Licence 3045 0012"]


def test_label_value_rows_stay_whole_lines(tmp_path):
    """A wide gap between a label and its value is no column gutter, even over many rows."""
    rows = [
        ("Seat height", "42–53 cm"),
        ("Weight", "14,5 kg"),
        ("Recycled aluminium", "62 %"),
        ("Warranty", "10 years"),
        ("Energy class", "A++"),
    ]
    path = tmp_path / "specs.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    for k, (label, value) in enumerate(rows):
        pdf.drawString(60, 700 - k * LEADING, label)
        pdf.drawString(300, 700 - k * LEADING, value)
    pdf.save()
    assert [line.text for line in parse_pdf(path).pages[0].lines] == [f"{a} {b}" for a, b in rows]


def test_prose_beside_a_spec_list_is_read_column_by_column(tmp_path):
    """A data sheet: a paragraph on the left, label/value rows on the right at the same heights."""
    left = _wrap(LEFT_TEXT[:1], 230)
    specs = [("Seat height", "42–53 cm"), ("Weight", "14,5 kg"), ("Recycled steel", "62 %"), ("Warranty", "10 years")]
    path = tmp_path / "sheet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    for k in range(max(len(left), len(specs))):
        y = 700 - k * LEADING
        if k < len(left):
            pdf.drawString(60, y, left[k])
        if k < len(specs):
            pdf.drawString(330, y, specs[k][0])
            pdf.drawString(450, y, specs[k][1])
    pdf.save()
    lines = [line.text for line in parse_pdf(path).pages[0].lines]
    assert lines == [*left, *(f"{label} {value}" for label, value in specs)]


def test_table_with_a_column_of_descriptions_keeps_its_rows(tmp_path):
    """A prose-like column between columns of codes and amounts is a table's, not a page column."""
    rows = [
        ("2024-001", "Recycled copy paper A4 80 g/m² with the EU Ecolabel", "1.250,00"),
        ("2024-002", "Refillable toner cartridges for the office printers", "3.400,50"),
        ("2024-003", "LED desk lamps with energy class A and a timer", "860,00"),
        ("2024-004", "Office chairs made from FSC certified beech wood", "12.980,00"),
        ("2024-005", "Cleaning of the premises with Nordic Swan products", "45.000,00"),
    ]
    path = tmp_path / "orders.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    for k, (number, description, amount) in enumerate(rows):
        y = 700 - k * LEADING
        pdf.drawString(60, y, number)
        pdf.drawString(130, y, description)
        pdf.drawRightString(540, y, amount)
    pdf.save()
    assert [line.text for line in parse_pdf(path).pages[0].lines] == [" ".join(row) for row in rows]


def test_table_with_notes_below_keeps_its_rows(tmp_path):
    """Notes under a table of figures cross the gaps between figures, but not the one after the names:
    the figures, with gaps as wide as gutters between them, are still no column of prose."""
    rows = [
        ("Region North", "120", "3.400", "56", "7.800", "12", "930"),
        ("Region South", "98", "2.150", "61", "6.420", "9", "815"),
        ("Region East", "143", "4.020", "47", "8.115", "15", "1.020"),
        ("Region West", "77", "1.890", "52", "5.960", "7", "640"),
    ]
    notes = [
        "Notes: the figures are the tonnes of waste collected per quarter in each region of the municipality,",
        "as reported by the contractors; recycled fractions are counted separately in annex four of the report.",
    ]
    path = tmp_path / "figures.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 9)
    for k, (name, *figures) in enumerate(rows):
        pdf.drawString(40, 700 - k * 12, name)
        for j, figure in enumerate(figures):
            pdf.drawRightString(190 + 60 * j, 700 - k * 12, figure)
    for k, note in enumerate(notes):
        pdf.drawString(150, 700 - (len(rows) + 1) * 12 - k * 12, note)
    pdf.save()
    lines = [line.text for line in parse_pdf(path).pages[0].lines]
    assert lines == [" ".join(row) for row in rows] + notes


def test_narrow_column_of_short_phrases_is_part_of_its_table(tmp_path):
    """A narrow column of three-word cells at the edge of a table does not make it a page column."""
    rows = [
        ("06/22/2015", "Maxim Integrated", "San Jose", "150", "closure, not temporary"),
        ("06/30/2015", "McGraw-Hill Education", "Monterey", "137", "layoff, not temporary"),
        ("06/30/2015", "Long Beach Memorial", "Long Beach", "90", "layoff, not temporary"),
        ("07/01/2015", "Leidos", "El Segundo", "72", "closure, not temporary"),
    ]
    path = tmp_path / "warn.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 8)
    for k, row in enumerate(rows):
        for x, cell in zip((40, 110, 260, 360, 450), row, strict=True):
            pdf.drawString(x, 700 - k * 11, cell)
    pdf.save()
    assert [line.text for line in parse_pdf(path).pages[0].lines] == [" ".join(row) for row in rows]


TABLE = [
    ["Product", "Energy class", "Weight (kg)", "Recycled content"],
    ["Laptop X1", "A++", "1,2", "35 %"],
    ["Monitor M27", "B", "4,8", "20 %"],
    ["Docking station", "A", "0,6", "50 %"],
]


@pytest.fixture
def table_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "table.pdf"
    table = Table(TABLE)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), FONT, SIZE)]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def test_tables_are_extracted_when_asked(table_pdf):
    page = parse_pdf(table_pdf, tables=True).pages[0]
    assert [table.rows for table in page.tables] == [TABLE]
    x0, top, x1, bottom = page.tables[0].bbox
    assert 0 < x0 < x1 < WIDTH and 0 < top < bottom < HEIGHT


def test_table_rows_are_lines_without_tables(table_pdf, monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # importing it now fails: it must not be used
    page = parse_pdf(table_pdf).pages[0]
    assert page.tables == []
    assert [line.text for line in page.lines] == [" ".join(row) for row in TABLE]


def test_danish_text_and_decimal_commas_round_trip(tmp_path):
    texts = [
        "Årligt energiforbrug: 0,55 kWh pr. døgn – ½ time i standby",
        "Æsken er af genbrugspap; brugsanvisningen er på dansk, svensk og færøsk.",
        "It’s “recyclable” at 99,9 % – 12.345,67 DKK ekskl. moms",
    ]
    path = tmp_path / "dansk.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 11)
    for k, text in enumerate(texts):
        pdf.drawString(72, 700 - 20 * k, text)
    pdf.save()
    document = parse_pdf(path)
    assert [line.text for line in document.pages[0].lines] == texts
    assert document.format == "pdf" and document.path == str(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_hyphen_at_line_end_is_kept_and_lines_stay_apart(tmp_path):
    """PDFium joins a line ending in a hyphen with the next one; parse_pdf must undo that."""
    path = tmp_path / "hyphen.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 11)
    for k, text in enumerate(["The environmental require-", "ments of the procure-", "ment are strict."]):
        pdf.drawString(72, 700 - 14 * k, text)
    pdf.save()
    lines = parse_pdf(path).pages[0].lines
    assert [line.text for line in lines] == ["The environmental require-", "ments of the procure-", "ment are strict."]


def test_bbox_of_a_line_is_where_it_was_drawn(tmp_path):
    path = tmp_path / "bbox.pdf"
    text, x, baseline = "Noise level 42 dB(A)", 100, 500
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 12)
    pdf.drawString(x, baseline, text)
    pdf.drawString(x, 300, "Another line further down")
    pdf.save()
    line = parse_pdf(path).pages[0].lines[0]
    assert line.text == text
    x0, top, x1, bottom = line.bbox
    baseline_from_top = HEIGHT - baseline
    assert x0 == pytest.approx(x, abs=1)
    assert x1 == pytest.approx(x + stringWidth(text, FONT, 12), abs=1.5)
    assert baseline_from_top - 14 <= top <= baseline_from_top - 8  # ascent of a 12 pt font
    assert baseline_from_top <= bottom <= baseline_from_top + 5  # descent


def test_rotated_page_is_read_in_order_with_bboxes_on_the_displayed_page(tmp_path):
    path = tmp_path / "rotated.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setPageRotation(90)
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 700, "First line")
    pdf.drawString(72, 680, "Second line")
    pdf.save()
    lines = parse_pdf(path).pages[0].lines
    assert [line.text for line in lines] == ["First line", "Second line"]
    for line in lines:  # displayed landscape: A4's height across, its width down
        x0, top, x1, bottom = line.bbox
        assert 0 <= x0 < x1 <= HEIGHT and 0 <= top < bottom <= WIDTH


def test_sideways_text_is_read_in_order(tmp_path):
    """A landscape table set sideways on a portrait page: lines follow the text's own direction."""
    path = tmp_path / "sideways.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.translate(WIDTH - 72, 72)
    pdf.rotate(90)
    pdf.setFont(FONT, 12)
    for k, text in enumerate(["Row one of the table", "Row two of the table", "Row three of the table"]):
        pdf.drawString(0, -20 * k, text)
    pdf.save()
    lines = parse_pdf(path).pages[0].lines
    assert [line.text for line in lines] == ["Row one of the table", "Row two of the table", "Row three of the table"]


def test_multi_page_document_numbers_its_pages(tmp_path):
    path = tmp_path / "pages.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in (1, 2, 3):
        pdf.drawString(72, 700, f"Page {number} text")
        pdf.showPage()
    pdf.save()
    document = parse_pdf(path)
    assert [(page.number, page.text) for page in document.pages] == [(n, f"Page {n} text") for n in (1, 2, 3)]
    with pytest.raises(DocumentError) as error:
        parse_pdf(path, max_pages=2)
    assert error.value.code == "too_large"
    assert parse_pdf(path, max_pages=3).pages[-1].number == 3


@pytest.fixture
def encrypted_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "encrypted.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt="secret")
    pdf.drawString(72, 700, "Confidential tender annex")
    pdf.save()
    return path


def test_encrypted_pdf_needs_its_password(encrypted_pdf):
    for password in (None, "wrong"):
        with pytest.raises(DocumentError) as error:
            parse_pdf(encrypted_pdf, password=password)
        assert error.value.code == "encrypted"
        assert "--password" in error.value.message
        assert error.value.path == str(encrypted_pdf)
    document = parse_pdf(encrypted_pdf, password="secret", tables=True)
    assert document.pages[0].text == "Confidential tender annex"


def test_password_given_for_a_file_that_needs_none_is_ignored(two_columns, tmp_path):
    """A password given for a whole run must not fail files without one, nor files encrypted only
    against changes (empty user password; PDFium rejects a wrong password for those)."""
    path, left, _ = two_columns
    assert parse_pdf(path, password="secret").pages[0].lines[1].text == left[0]
    restricted = tmp_path / "restricted.pdf"
    pdf = canvas.Canvas(str(restricted), pagesize=A4, encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    pdf.drawString(72, 700, "Restricted but readable")
    pdf.save()
    for password in (None, "secret", "owner"):
        assert parse_pdf(restricted, password=password, tables=True).pages[0].text == "Restricted but readable"


def test_truncated_pdf_gives_a_document_or_corrupt(two_columns):
    path, left, _ = two_columns
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    try:
        document = parse_pdf(path)
    except DocumentError as error:
        assert error.code == "corrupt", error
    else:  # PDFium may rebuild what it can; whatever it reads must be real text
        assert isinstance(document, Document)
        assert set(document.pages[0].text.splitlines()) <= {
            "Product data sheet: ergonomic office chair model ErgoSit 300 Pro",
            *left,
            *two_columns[2],
        }


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"])
def test_damaged_or_foreign_files_are_corrupt(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        parse_pdf(path)
    assert error.value.code == "corrupt"
    assert "\n" not in error.value.message


def test_missing_file_is_not_found(tmp_path):
    with pytest.raises(DocumentError) as error:
        parse_pdf(tmp_path / "absent.pdf")
    assert error.value.code == "not_found"


def test_image_only_pdf_has_no_text(tmp_path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFillColorRGB(0.2, 0.4, 0.6)
    pdf.rect(72, 500, 300, 200, fill=1)
    pdf.drawInlineImage(_image(), 72, 200, width=200, height=100)
    pdf.showPage()
    pdf.rect(100, 100, 50, 50)
    pdf.save()
    with pytest.raises(DocumentError) as error:
        parse_pdf(path)
    assert error.value.code == "no_text"
    assert "OCR" in error.value.message


def _image():
    from PIL import Image  # reportlab's image support needs Pillow

    return Image.new("RGB", (40, 20), (200, 30, 30))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), st.binary(max_size=3000).map(lambda data: b"%PDF-1.4\n" + data)))
def test_random_bytes_give_a_document_error(data):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "random.pdf"
        path.write_bytes(data)
        with pytest.raises(DocumentError) as error:
            parse_pdf(path, tables=True)
        assert error.value.code in ("corrupt", "no_text")
