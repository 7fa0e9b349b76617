"""Table rows read as rows: cells apart in PDFs, Word tables and aligned text; key and value read
together; only the column of the model a data sheet is about (procure_check/document.py,
parse/pdf.py, parse/docx.py, parse/text.py, extract/pagetext.py)."""

from datetime import date
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from procure_check.document import Document, Line, Page
from procure_check.extract import extract_facts
from procure_check.extract.pagetext import PageText, model_columns
from procure_check.parse import parse_document
from procure_check.parse.pdf import parse_pdf

AS_OF = date(2026, 11, 22)


def facts_of(lines: list[Line], title: str = "Datablad") -> list:
    document = Document(path="t", sha256="0" * 64, format="text",
                        pages=[Page(number=1, lines=[Line(text=title), *lines])])
    return extract_facts(document).facts


def test_row_joins_cells_with_one_space_and_knows_where_they_start():
    line = Line.row(["Parfume", "", "Nej – parfumefri"])
    assert line.text == "Parfume Nej – parfumefri"
    assert line.cells == [8]
    assert Line.row(["A", "A", "B"], merged=True).text == "A B"
    assert Line.row(["1", "1", "1"]).text == "1 1 1"


def test_pdf_row_without_grid_is_cut_into_cells_at_wide_gaps(tmp_path: Path):
    path = tmp_path / "sheet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 700, "Parfume")
    pdf.drawString(250, 700, "Nej – parfumefri")
    pdf.drawString(60, 680, "Produktet er uden farvestoffer og egnet til alle vaskbare overflader.")
    pdf.save()
    first, prose = parse_pdf(path).pages[0].lines
    assert (first.text, first.cells) == ("Parfume Nej – parfumefri", [8])
    assert prose.cells == []


def test_word_table_rows_keep_their_cells(tmp_path: Path):
    path = tmp_path / "sheet.docx"
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    for row, (key, value) in zip(table.rows, [("Miljømærke", "Svanemærket, licens 5041 0012"),
                                              ("Emballage", "1 L flaske med skruelåg")], strict=True):
        row.cells[0].text, row.cells[1].text = key, value
    word.save(str(path))
    lines = parse_document(path).pages[0].lines
    assert [(line.text, line.cells) for line in lines] == [
        ("Miljømærke Svanemærket, licens 5041 0012", [11]), ("Emballage 1 L flaske med skruelåg", [10])]


def test_text_columns_aligned_with_spaces_are_cells(tmp_path: Path):
    path = tmp_path / "sheet.txt"
    path.write_text("Parfume        Nej\nBrug 25 ml pr. 5 l vand.\n", "utf-8")
    key_value, sentence = parse_document(path).pages[0].lines
    assert key_value.cells == [15]
    assert sentence.cells == []


def test_two_cells_read_as_key_and_value_and_quote_as_printed():
    page = PageText(Page(number=1, lines=[Line.row(["Parfume", "Nej"]), Line.row(["Duft:", "Citrus"]),
                                          Line.row(["Nr.", "Krav", "Type"])]))
    assert page.text.split("\n") == ["Parfume: Nej", "Duft: Citrus", "Nr. | Krav | Type"]
    assert page.evidence(0, len("Parfume: Nej")).text == "Parfume Nej"


def test_key_value_row_without_colon_is_read():
    fragrance = [fact for fact in facts_of([Line.row(["Parfume", "Nej – parfumefri"])])
                 if fact.kind == "substance"]
    assert fragrance
    assert {(fact.group, fact.presence) for fact in fragrance} == {("fragrance", "absent")}
    dosing = [fact for fact in facts_of([Line.row(["Dosering", "25 ml pr. 5 liter vand"])])
              if fact.kind == "statement"]
    assert [fact.statement for fact in dosing] == ["dosing"]


def test_label_row_is_not_judged_by_the_packaging_row_below():
    labels = [fact for fact in facts_of([Line.row(["Miljømærke", "Svanemærket, licens 5041 0012"]),
                                         Line.row(["Emballage", "1 L flaske med skruelåg"])])
              if fact.kind == "label"]
    assert [(fact.label, fact.about, fact.identifier) for fact in labels] == [("nordic-swan", "product", "5041 0012")]


MODELS = [
    Line.row(["E22h", "E24h", "E27h"]),
    Line(text="Power"),
    Line.row(["Energy class", "D", "D", "E"]),
    Line.row(["TCO Certified", "—", "—", "Generation 9"]),
    Line.row(["E24h", "E27h"]),  # another header: its own table
]


def test_only_the_column_of_the_title_model_is_read():
    kept = model_columns(MODELS, "Halvard E24h monitor (this sheet also covers E22h and E27h)")
    assert kept == {0: [1], 2: [0, 2], 3: [0, 2], 4: [0]}
    page = PageText(Page(number=1, lines=MODELS[:4]), title="Halvard E24h monitor")
    assert page.text.split("\n")[2:] == ["Energy class: D", "TCO Certified: —"]


def test_another_models_label_is_not_the_products():
    facts = facts_of(MODELS[:4], title="Halvard E24h monitor")
    assert not [fact for fact in facts if fact.kind == "label" and fact.generation]
    assert [fact.cls for fact in facts if fact.kind == "energy_class"] == ["D"]


def test_without_a_model_in_the_title_every_column_is_read():
    assert model_columns(MODELS, "Monitor data sheet") == {}


def labels_of(lines: list[Line]) -> list:
    return [fact for fact in facts_of(lines) if fact.kind == "label"]


def test_a_date_under_a_validity_header_is_the_certificates_expiry():
    header = Line.row(["Certifikat", "Nummer", "Udstedt af", "Gyldig til"], cell_x=[50, 250, 330, 450])
    # The first two cells run together in print: the date still stands under "Gyldig til".
    row = Line.row(["STANDARD 100 by OEKO-TEX®, produktklasse 18.HDK.45210", "Hohenstein HTTI", "31.03.2026"],
                   cell_x=[50, 330, 450])
    company = Line.row(["ISO 9001:2015", "DK-QMS-7781", "Nordic Certification A/S", "14.02.2028"],
                       cell_x=[50, 250, 330, 450])
    (claim,) = labels_of([header, row, company])
    assert claim.valid_until == date(2026, 3, 31)
    assert "31.03.2026" in claim.evidence[0].text


def test_a_date_in_another_column_is_no_expiry():
    header = Line.row(["Certifikat", "Udstedt", "Institut"])
    row = Line.row(["STANDARD 100 by OEKO-TEX®", "01.02.2024", "Hohenstein"])
    (claim,) = labels_of([header, row])
    assert claim.valid_until is None


def test_a_claim_reads_the_certificate_on_the_next_line():
    lines = [Line(text="Hotel Satin er certificeret efter STANDARD 100 by OEKO-TEX®."),
             Line(text="STANDARD 100 by OEKO-TEX®, certifikat 18.HDK.45210, gyldig til 31.03.2026")]
    assert {claim.valid_until for claim in labels_of(lines)} == {date(2026, 3, 31)}


def test_a_field_does_not_read_the_next_fields_or_a_note_as_its_own():
    lines = [Line(text="Miljømærke: Svanemærket – se note 1"), Line(text="Holdbarhed: 36 måneder"),
             Line(text="Note 1: Produktet blev Svanemærket i 2017 (licens 5012 1187, gyldig til 30.06.2024).")]
    claims = labels_of(lines)
    assert [(claim.identifier, claim.valid_until) for claim in claims] == [(None, date(2024, 6, 30)),
                                                                           ("5012 1187", date(2024, 6, 30))]


def test_a_sentences_certificate_details_may_follow_as_fields():
    lines = [Line(text="This article is certified according to STANDARD 100 by OEKO-TEX®, product class II."),
             Line(text="Certificate no.: 2019OK0817 CITEVE"), Line(text="Valid until: 31.08.2026")]
    (claim,) = labels_of(lines)
    assert claim.valid_until == date(2026, 8, 31)


def test_markdown_pipe_tables_are_tables_and_headings_read_as_words(tmp_path: Path):
    path = tmp_path / "krav.md"
    path.write_text("## 2. Krav\n\n| Nr | Krav | Typ |\n|----|------|:---:|\n"
                    "| 2.1 | Papper ska vara FSC-certifierat. | Ska |\n\nText efter tabellen.\n", "utf-8")
    page = parse_document(path).pages[0]
    assert [line.text for line in page.lines] == ["2. Krav", "Nr Krav Typ", "2.1 Papper ska vara FSC-certifierat. Ska",
                                                  "Text efter tabellen."]
    assert [table.rows for table in page.tables] == [[["Nr", "Krav", "Typ"],
                                                      ["2.1", "Papper ska vara FSC-certifierat.", "Ska"]]]
    assert PageText(page).text.split("\n")[2] == "2.1 | Papper ska vara FSC-certifierat. | Ska"


def test_a_fields_certificate_details_in_the_next_fields_are_read_with_it():
    lines = [Line(text="Standard: STANDARD 100 by OEKO-TEX®"), Line(text="Certifikat: 24.0.77120 Hohenstein HTTI"),
             Line(text="Gyldig til: 28.02.2025"), Line(text="Holdbarhed: 36 måneder")]
    (claim,) = labels_of(lines)
    assert claim.valid_until == date(2025, 2, 28)
