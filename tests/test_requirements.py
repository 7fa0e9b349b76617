"""Tender sets split into requirements (clauses, table rows, paragraphs) and the modality of each."""

import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from procure_check.document import Document, Line, Page
from procure_check.document import Table as DocTable
from procure_check.parse import parse_document
from procure_check.tender.model import Requirement
from procure_check.tender.requirements import classify_modality, split_requirements
from tests.conftest import make_document


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # Danish
        ("Leverandøren skal levere Svanemærkede produkter.", "requirement"),
        ("Produkterne må ikke indeholde parfume.", "requirement"),
        ("Det er et krav, at emballagen er PVC-fri.", "requirement"),
        ("Mindstekrav: EU-Blomsten eller tilsvarende.", "requirement"),
        ("Dokumentation kræves ved kontraktindgåelse.", "requirement"),
        ("Produkterne bør være parfumefri.", "wish"),
        ("Det ønskes, at produkterne er økologiske.", "wish"),
        ("Genbrugsemballage anbefales.", "wish"),
        ("Svanemærket indgår som tildelingskriterium.", "award"),
        ("Kvalitet vægtes 40 % og evalueres efter en skala fra 1 til 5.", "award"),
        ("Der gives 3 point for Svanemærkede produkter.", "award"),
        ("Miljø er en konkurrenceparameter.", "award"),
        ("Leverandøren skal levere, og leveringen bør ske om morgenen.", "requirement"),  # skal beats bør
        ("Tilbudsgiver skal beskrive sin miljøindsats, som evalueres under underkriteriet Miljø.", "award"),
        ("Produkterne leveres i kartoner á 10 stk.", "information"),
        # traps: words inside other words, permissions and negations
        ("Besvarelsen vurderes på en skala fra 1 til 5.", "information"),
        ("Legetøj til børn i Børnehave Solsikken.", "information"),
        ("Tilbudsgiver må gerne vedlægge brochurer.", "information"),
        ("Det er ikke et krav, men et ønske, at produkterne er økologiske.", "wish"),
        ("Pointen er, at ingen skalaer bruges.", "information"),
        ("Et afvigende forbehold kræves ikke.", "information"),
        ("Tilbud, der ikke opfylder mindstekravene, evalueres ikke.", "requirement"),
        # English
        ("The supplier shall deliver labelled products.", "requirement"),
        ("Products must not contain PVC.", "requirement"),
        ("A minimum requirement is the EU Ecolabel or equivalent.", "requirement"),
        ("Recycled packaging is preferably used.", "wish"),
        ("The supplier should offer refill packs.", "wish"),
        ("Energy consumption is evaluated as an award criterion.", "award"),
        ("Bring mustard to the collection point.", "information"),
        # Swedish and Norwegian
        ("Leverantören ska leverera Svanenmärkta produkter.", "requirement"),
        ("Produkterna bör vara ekologiska.", "wish"),
        ("Miljö utvärderas enligt tilldelningskriteriet kvalitet.", "award"),
        ("Leverandøren skal dokumentere minstekravet.", "requirement"),
        # German
        ("Der Auftragnehmer muss Produkte mit dem Blauen Engel liefern.", "requirement"),
        ("Die Verpackung sollte recycelbar sein.", "wish"),
        ("Das Umweltzeichen ist ein Zuschlagskriterium.", "award"),
    ],
)
def test_classify_modality(text, modality):
    assert classify_modality(text) == modality


def _document(text: str, path: str = "kravspec.txt") -> Document:
    return make_document(text).model_copy(update={"path": path})


def _summary(requirements: list[Requirement]) -> list[tuple]:
    return [(r.number, r.page, r.source, r.modality) for r in requirements]


def _assert_no_duplicates(requirements: list[Requirement]) -> None:
    texts = Counter((r.document, r.text) for r in requirements)
    assert [key for key, count in texts.items() if count > 1] == []


KRAVSPEC = """Bilag 1 Kravspecifikation
3 Kravspecifikation
3.1 Generelle krav
3.1.1 Leverandøren skal levere Svanemærkede rengøringsmidler
eller tilsvarende.
Dokumentation: licensnummer eller teknisk dossier.
3.1.2 Produkterne bør være parfumefri.
3.1.3 Produkterne leveres i kartoner á 10 stk.
Leverandøren skal sikre følgende:
• doseringsvejledning på emballagen
• sikkerhedsdatablade på dansk
Side 1 af 2
\fBilag 1 Kravspecifikation
Tildelingskriterier
K4 Svanemærke
Svanemærket indgår som tildelingskriterium.
MK3: Sprays med drivgas må ikke tilbydes.
Krav 12: Alt legetøj er CE-mærket.
Kommunen har 40 institutioner.
Side 2 af 2"""


def test_clauses_headings_and_footers():
    requirements = split_requirements([_document(KRAVSPEC)])
    assert _summary(requirements) == [
        ("3.1.1", 1, "clause", "requirement"),
        ("3.1.2", 1, "clause", "wish"),
        ("3.1.3", 1, "clause", "information"),  # a clause without a modality word is kept
        (None, 1, "paragraph", "requirement"),  # each item of a list is a requirement of its own
        (None, 1, "paragraph", "requirement"),
        ("K4", 2, "clause", "award"),
        ("MK3", 2, "clause", "requirement"),
        ("Krav 12", 2, "clause", "information"),
    ]
    first, _, _, listing, second_item, titled, _, last = requirements
    assert first.text == ("3.1.1 Leverandøren skal levere Svanemærkede rengøringsmidler eller tilsvarende. "
                          "Dokumentation: licensnummer eller teknisk dossier.")
    assert first.heading == "3.1 Generelle krav"
    assert listing.text == "Leverandøren skal sikre følgende: • doseringsvejledning på emballagen"
    assert second_item.text == "• sikkerhedsdatablade på dansk"
    assert titled.text == "K4 Svanemærke Svanemærket indgår som tildelingskriterium."
    assert titled.heading == "Tildelingskriterier"
    assert last.text == "Krav 12: Alt legetøj er CE-mærket. Kommunen har 40 institutioner."
    assert [r.id for r in requirements] == [f"R{n}" for n in range(1, 9)]
    every = " ".join(r.text for r in requirements)
    assert "Side" not in every and "Bilag 1 Kravspecifikation" not in every
    _assert_no_duplicates(requirements)


def test_running_footers_are_dropped_and_label_lines_are_no_headings():
    footer = "Nordvig Kommune · Skolevej 1 · 9490 Nordvig"
    pages = [f"{n}. Afsnit {n}\nAnslået værdi: 900.000 kr.\n{n}.1 Leverandøren skal levere.\n{footer}\nSide {n} af 3"
             for n in (1, 2, 3)]
    requirements = split_requirements([_document("\f".join(pages))])
    assert [(r.number, r.page, r.heading, r.text) for r in requirements] == [
        (f"{n}.1", n, f"{n}. Afsnit {n}", f"{n}.1 Leverandøren skal levere.") for n in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    ("line", "number"),
    [("3.2 Leverandøren skal levere.", "3.2"), ("3.2.1. Leverandøren skal levere.", "3.2.1"),
     ("4) Leverandøren skal levere.", "4"), ("(4) Leverandøren skal levere.", "4"),
     ("7. Leverandøren skal levere.", "7"), ("K4 Leverandøren skal levere.", "K4"),
     ("K-4: Leverandøren skal levere.", "K-4"), ("Krav 12: Leverandøren skal levere.", "Krav 12"),
     ("MK3 Leverandøren skal levere.", "MK3"), ("Req. 5 The supplier shall deliver.", "Req. 5"),
     ("2.5 liter skal leveres i dunke.", None), ("12. marts skal tilbuddet være afgivet.", None),
     ("1.000 stk. skal leveres.", None)],
)
def test_clause_numbers(line, number):
    (requirement,) = split_requirements([_document(line)])
    assert requirement.number == number
    assert requirement.source == ("clause" if number else "paragraph")


def test_clause_letters_name_the_modality():
    text = "MK1 Produkterne er Svanemærket.\nØ2 Produkterne er økologiske.\nTK3 Pris og kvalitet."
    assert [r.modality for r in split_requirements([_document(text)])] == ["requirement", "wish", "award"]


def test_paragraphs_split_at_their_own_modality_word():
    text = ("Miljøkrav\n"
            "Ordregiver har 12 institutioner.\n"  # no modality, nothing before it: dropped
            "Alle produkter skal være Svanemærket.\n"
            "Svanemærket eller tilsvarende accepteres.\n"  # explains the requirement before it
            "Emballagen bør være genanvendelig.\n"
            "Miljøindsatsen evalueres under underkriteriet Miljø.")
    requirements = split_requirements([_document(text)])
    assert [(r.modality, r.text) for r in requirements] == [
        ("requirement", "Alle produkter skal være Svanemærket. Svanemærket eller tilsvarende accepteres."),
        ("wish", "Emballagen bør være genanvendelig."),
        ("award", "Miljøindsatsen evalueres under underkriteriet Miljø."),
    ]
    assert {r.heading for r in requirements} == {"Miljøkrav"}


def test_a_paragraph_takes_short_remarks_but_not_the_prose_after_it():
    prose = "Kommunen har i alt 40 institutioner fordelt på tre områder, " * 6
    text = f"Produkterne skal være Svanemærket.\n{prose.strip()}\nMærket eller tilsvarende accepteres."
    requirement, *others = split_requirements([_document(text)])
    assert requirement.text == "Produkterne skal være Svanemærket."
    # The prose after it is no requirement; it is kept only as information, for what it says of proof.
    assert [other.modality for other in others] == ["information"]
    clause = split_requirements([_document(f"2.1 Produkterne skal være Svanemærket.\n{prose.strip()}")])
    assert len(clause[0].lines) == 2  # a numbered clause takes all text up to the next clause or heading


def test_a_requirement_carried_to_the_next_page_stays_on_its_first_page():
    document = Document(path="k.pdf", sha256="0" * 64, format="pdf", pages=[
        Page(number=1, lines=[Line(text="5.1 Rengøringsmidler skal være Svanemærket", bbox=(70, 700, 300, 712))]),
        Page(number=2, lines=[Line(text="eller tilsvarende.", bbox=(70, 60, 150, 72)),
                              Line(text="5.2 Pris.", bbox=(70, 80, 110, 92))]),
    ])
    first, second = split_requirements([document])
    assert (first.page, first.text) == (1, "5.1 Rengøringsmidler skal være Svanemærket eller tilsvarende.")
    assert [line.bbox for line in first.lines] == [(70, 700, 300, 712), None]  # boxes are on `page` only
    assert (second.page, second.lines[0].bbox) == (2, (70, 80, 110, 92))


def test_each_item_of_a_list_after_a_lead_in_is_a_requirement_with_the_lead_in():
    text = "4.1 Leverandøren skal levere følgende:\n1) rengøringsmidler\n2) Affedtningsmidler\n4.2 Pris."
    requirements = split_requirements([_document(text)])
    assert _summary(requirements) == [("4.1", 1, "clause", "requirement"), ("4.1", 1, "clause", "requirement"),
                                      ("4.2", 1, "clause", "information")]
    assert [r.text for r in requirements[:2]] == ["4.1 Leverandøren skal levere følgende: 1) rengøringsmidler",
                                                  "2) Affedtningsmidler"]  # the lead-in stands with the first


def test_list_items_take_the_lead_in_modality_unless_they_have_their_own():
    text = ("Det er et mindstekrav, at produkterne:\n• er Svanemærket\n• bør være parfumefri\n"
            "Anden dokumentation accepteres ikke.\n\nTilbudsgiver bør:\n• undgå drivgas\n• samle leverancer")
    requirements = split_requirements([_document(text)])
    assert [(r.modality, r.text) for r in requirements] == [
        ("requirement", "Det er et mindstekrav, at produkterne: • er Svanemærket"),
        ("wish", "• bør være parfumefri"),
        ("requirement", "Anden dokumentation accepteres ikke."),
        ("wish", "Tilbudsgiver bør: • undgå drivgas"),
        ("wish", "• samle leverancer"),
    ]


def test_a_single_item_after_a_lead_in_stays_with_it():
    text = "4.1 Leverandøren skal levere følgende:\n• rengøringsmidler\n4.2 Pris."
    requirements = split_requirements([_document(text)])
    assert requirements[0].text == "4.1 Leverandøren skal levere følgende: • rengøringsmidler"


def test_numbered_title_is_a_heading_or_a_titled_clause():
    text = ("3 Kravspecifikation\n3.2 Rengøringsmidler\n3.2.1 Midlerne skal være Svanemærket.\n"
            "3.3 Emballage\nEmballagen skal være PVC-fri.\nLeverandøren bør tage emballagen retur.\n"
            "3.4 Levering sker inden 2 hverdage.")
    requirements = split_requirements([_document(text)])
    assert [(r.number, r.heading, r.text) for r in requirements] == [
        ("3.2.1", "3.2 Rengøringsmidler", "3.2.1 Midlerne skal være Svanemærket."),
        ("3.3", "3 Kravspecifikation", "3.3 Emballage Emballagen skal være PVC-fri."),  # 3.2 is no parent
        (None, "3.3 Emballage", "Leverandøren bør tage emballagen retur."),
        ("3.4", "3 Kravspecifikation", "3.4 Levering sker inden 2 hverdage."),
    ]


def test_wrapped_text_and_a_clause_continued_on_the_next_page():
    text = ("Indledning\n"
            + "Leverandøren skal levere alle varer frit leveret til de enkelte institutioner og\n"
            + "skoler i kommunen, og leverancen skal ske inden for to hverdage fra bestilling\n"
            + "til levering. Ved akutte bestillinger skal varerne dog leveres samme dag hvis\n"
            + "bestillingen er afgivet inden klokken ti.\n"
            + "5.1 Rengøringsmidler skal være Svanemærket\n\f"
            + "eller tilsvarende.\n5.2 Pris.")
    requirements = split_requirements([_document(text)])
    assert _summary(requirements) == [
        (None, 1, "paragraph", "requirement"), ("5.1", 1, "clause", "requirement"), ("5.2", 2, "clause", "information")
    ]
    assert requirements[0].text.endswith("bestillingen er afgivet inden klokken ti.")
    assert requirements[1].text == "5.1 Rengøringsmidler skal være Svanemærket eller tilsvarende."


def test_ids_run_across_the_documents_in_order():
    first = _document("1.1 Leverandøren skal levere.\n1.2 Leverandøren bør levere.", "udbudsbetingelser.txt")
    second = _document("K1 Produkterne skal være Svanemærket.", "bilag1.txt")
    requirements = split_requirements([first, second])
    assert [(r.id, r.document, r.number) for r in requirements] == [
        ("R1", "udbudsbetingelser.txt", "1.1"), ("R2", "udbudsbetingelser.txt", "1.2"), ("R3", "bilag1.txt", "K1")
    ]
    assert split_requirements([]) == []


ROWS = [
    ["1", "Rengøringsmidler skal være Svanemærket eller tilsvarende.", "Mindstekrav", "Licensnummer"],
    ["2", "Emballagen er af genbrugsplast.", "Ønske", "Datablad"],
    ["3", "Svanemærkede produkter giver point.", "Tildeling", "-"],
    ["4", "Produkterne er parfumefri.", "Krav", "Sikkerhedsdatablad"],
]
EXPECTED_ROWS = [("1", "requirement"), ("2", "wish"), ("3", "award"), ("4", "requirement")]


def _tables(*tables: list[list[str]]) -> Document:
    pages = [Page(number=number, tables=[DocTable(rows=rows)]) for number, rows in enumerate(tables, start=1)]
    return Document(path="bilag.docx", sha256="0" * 64, format="docx", pages=pages)


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (["Krav nr.", "Kravbeskrivelse", "Mindstekrav/Ønske", "Dokumentation"],
         [["K1", "Produkterne er Svanemærket", "MK", "Licens"], ["K2", "Økologi", "Ø", ""]],
         [("K1", "requirement"), ("K2", "wish")]),
        (["ID", "Requirement", "Category"],
         [["7", "Recycled packaging", "Mandatory"], ["8", "Refill packs", "Optional"], ["9", "Price", "Award"]],
         [("7", "requirement"), ("8", "wish"), ("9", "award")]),
        (["Nr.", "Mindstekrav", "Dokumentation"], [["1.", "Produkterne er parfumefri", "Datablad"]],
         [("1", "requirement")]),  # the requirement column's header names the modality
        (["Nr.", "Beskrivelse", "Type"], [["1", "Leverandøren bør tilbyde refill", ""]], [("1", "wish")]),
        (["Nr.", "Beskrivelse", "Pris"], [["1", "Håndsæbe, skal være Svanemærket", "25,00"]], []),  # a price list
        # Under the plain word "Krav", a row in the indicative states a requirement; "bør" stays a wish.
        (["Nr.", "Krav", "Dokumentation"],
         [["K2", "Ingen produkter leveres som spray med drivgas.", "Datablad"],
          ["K3", "Produkterne bør være koncentrater.", ""]],
         [("K2", "requirement"), ("K3", "wish")]),
        (["Nr.", "Beskrivelse", "Dokumentation"], [["K2", "Ingen produkter leveres som spray.", "Datablad"]],
         [("K2", "information")]),  # under a plain description, a row says no more than its words
    ],
)
def test_requirements_table_layouts(header, rows, expected):
    requirements = split_requirements([_tables([header, *rows])])
    assert [(r.number, r.modality) for r in requirements] == expected
    assert all(r.source == "table_row" and r.lines[0].text.count(" | ") >= 1 for r in requirements)


def test_a_table_without_header_on_the_next_page_continues_the_requirements_table():
    header = ["Nr.", "Krav", "Type"]
    document = _tables([header, ["1", "Svanemærket", "Mindstekrav"]], [["2", "Økologisk", "Ønske"]])
    assert _summary(split_requirements([document])) == [
        ("1", 1, "table_row", "requirement"), ("2", 2, "table_row", "wish")
    ]


def test_docx_clauses_and_requirements_table(tmp_path: Path):
    word = docx.Document()
    word.add_heading("Kravspecifikation", 1)
    word.add_paragraph("3.1 Leverandøren skal levere Svanemærkede rengøringsmidler eller tilsvarende.")
    word.add_paragraph("Dokumentation: licensnummer eller anden dokumentation.")
    word.add_paragraph("3.2 Produkterne bør være parfumefri.")
    word.add_heading("Kravtabel", 2)
    table = word.add_table(rows=2, cols=4)
    title = table.rows[0].cells[0].merge(table.rows[0].cells[3])
    title.text = "Bilag 1 Miljøkrav"  # a title row above the header
    for cell, header in zip(table.rows[1].cells, ["Nr.", "Krav", "Type", "Dokumentation"], strict=True):
        cell.text = header
    for row in [*ROWS[:2], None, *ROWS[2:]]:
        cells = table.add_row().cells
        if row is None:  # a section row between requirements
            cells[0].merge(cells[3]).text = "Tildeling"
            continue
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    word.add_paragraph("Tilbudsgiver skal udfylde tabellen.")
    path = tmp_path / "kravspec.docx"
    word.save(str(path))

    requirements = split_requirements([parse_document(path, tables=True)])
    assert _summary(requirements) == [
        ("3.1", 1, "clause", "requirement"), ("3.2", 1, "clause", "wish"),
        *[(number, 1, "table_row", modality) for number, modality in EXPECTED_ROWS],
        (None, 1, "paragraph", "requirement"),
    ]
    assert requirements[0].text.endswith("Dokumentation: licensnummer eller anden dokumentation.")
    assert requirements[2].text == " | ".join(ROWS[0])
    assert [r.heading for r in requirements[2:6]] == ["Bilag 1 Miljøkrav"] * 2 + ["Tildeling"] * 2
    assert requirements[-1].heading == "Kravtabel"  # the table's own headings stay in the table
    assert requirements[-1].text == "Tilbudsgiver skal udfylde tabellen."
    _assert_no_duplicates(requirements)


def test_pdf_gridded_requirements_table(tmp_path: Path):
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    long_row = [*ROWS[0][:1], "Rengøringsmidler skal være Svanemærket eller tilsvarende, og de skal kunne "
                "doseres automatisk fra en doseringsanlæg.", *ROWS[0][2:]]
    rows = [["Nr.", "Krav", "Type", "Dokumentation"], long_row, *ROWS[1:]]
    table = Table([[Paragraph(cell, body) if k == 1 else cell for k, cell in enumerate(row)] for row in rows],
                  colWidths=[30, 250, 80, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = tmp_path / "kravspec.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("Kravspecifikation", styles["Heading1"]),
        Paragraph("3.1 Leverandøren skal levere alle produkter inden for to hverdage efter bestilling, og "
                  "leveringen skal ske frit leveret til de enkelte institutioner i kommunen.", body),
        Paragraph("Miljøkrav", styles["Heading2"]),
        table,
        Paragraph("Tilbudsgiver skal udfylde tabellen.", body),
    ])
    document = parse_document(path, tables=True)
    assert document.pages[0].tables  # the text lines repeat the table too
    assert any(line.text.startswith("2 Emballagen") for line in document.pages[0].lines)

    requirements = split_requirements([document])
    assert _summary(requirements) == [
        ("3.1", 1, "clause", "requirement"),
        *[(number, 1, "table_row", modality) for number, modality in EXPECTED_ROWS],
        (None, 1, "paragraph", "requirement"),
    ]
    assert requirements[0].text.endswith("til de enkelte institutioner i kommunen.")
    rows_found = [r for r in requirements if r.source == "table_row"]
    assert rows_found[0].text == " | ".join(long_row)
    assert rows_found[0].lines[0].bbox == document.pages[0].tables[0].bbox
    assert {r.heading for r in rows_found} == {"Miljøkrav"}
    assert not any("Emballagen" in r.text for r in requirements if r.source != "table_row")
    _assert_no_duplicates(requirements)


MODAL_VERB = re.compile(r"(?<![\w-])(?:skal|bør|must)(?![\w-])", re.IGNORECASE)
FRAGMENTS = [
    "3.2", "3.2.1 Leverandøren", "4)", "K4", "Krav 12:", "MK3", "Req. 5", "•", "-", "a)", "Miljøkrav", "Side 2 af 3",
    "12", "skal", "Skal", "skala", "bør", "must", "må ikke", "må gerne", "og", "eller tilsvarende", "Dokumentation:",
    ":", ".", "Tildelingskriterium", "point", "Produkterne", "leveres", "|", "Nr.", "Ø2", "TK1", "evalueres",
]
LINE = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="abcæøå ABCÆØ.,:-()1234567", max_size=10)),
    min_size=1, max_size=6,
).map(" ".join)
PAGE = st.lists(LINE, max_size=10).map("\n".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(PAGE, min_size=1, max_size=4).map("\f".join))
def test_split_never_raises_and_keeps_every_modal_line(text):
    document = make_document(text)
    requirements = split_requirements([document])
    kept = Counter(line.text for requirement in requirements for line in requirement.lines)
    printed = Counter(line.text for page in document.pages for line in page.lines)
    for line, count in printed.items():
        if MODAL_VERB.search(line):
            assert kept[line] == count, line  # never lost, never taken twice
    assert all(kept[line] <= printed[line] for line in kept)
    assert [r.id for r in requirements] == [f"R{n}" for n in range(1, len(requirements) + 1)]


def test_a_paragraph_without_modality_is_kept_when_it_accepts_other_proof():
    proof = "Bevis: Licensnummer anges i anbudet. Annat lämpligt bevis godtas, t.ex. teknisk dokumentation."
    assert [r.modality for r in split_requirements([_document(proof)])] == ["information"]
    assert split_requirements([_document("Leverans sker fritt till beställande enhet.")]) == []


def test_a_column_naming_kinds_of_requirement_is_the_type_column():
    from procure_check.document import Table

    table = Table(rows=[["Nr.", "Krav", "Mindstekrav/\nTildeling", "Dokumentation"],
                        ["1.2", "Processor: Intel Core i7.", "M", "Datablad"],
                        ["1.9", "Lavt støjniveau.", "T", "Testrapport"]])
    document = Document(path="bilag.pdf", sha256="0" * 64, format="pdf",
                        pages=[Page(number=1, lines=[], tables=[table])])
    assert [r.modality for r in split_requirements([document])] == ["requirement", "award"]
