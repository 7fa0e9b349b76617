"""Requirement matrices in XLSX and CSV: one requirement per row, its modality from the type column, the
header found below title rows, merged cells and several sheets."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.errors import DocumentError
from procure_check.parse import parse_document, parse_tender_file
from procure_check.tender.requirements import split_requirements

_READ = parse_document
HEADER = ["Krav-ID", "Krav", "Mindstekrav / Ønske / Tildelingskriterium", "Leverandørens besvarelse"]


def _workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kravspecifikation"
    sheet.append(["Bilag 2 – Kravspecifikation, rengøringsmidler (CPV 39830000-9)"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["K1", "Produkterne skal være svanemærket eller tilsvarende.", "Mindstekrav", None])
    sheet.append(["K2", "Produkterne er uden parfume.", "Ønske", None])
    sheet.append(["K3", "Sprayflasker med drivgas leveres ikke.", None, None])
    sheet.merge_cells("C5:C6")  # one type cell for K2 and K3
    notes = workbook.create_sheet("Vejledning")
    notes.append(["Udfyld kolonne D for hvert krav."])
    workbook.save(path)
    return path


def test_rows_are_requirements_with_the_type_columns_modality(tmp_path: Path):
    file = parse_tender_file(_workbook(tmp_path / "krav.xlsx"), _READ)
    names = [document.path for document in file.documents]
    assert names == [f"{tmp_path / 'krav.xlsx'}!Kravspecifikation", f"{tmp_path / 'krav.xlsx'}!Vejledning"]
    rows = {requirement.number: requirement for requirement in split_requirements(file.documents)
            if requirement.source == "table_row"}
    assert sorted(rows) == ["K1", "K2", "K3"]
    assert rows["K1"].modality == "requirement"
    assert rows["K2"].modality == "wish"
    assert rows["K3"].modality == "wish"  # under the merged "Ønske" cell, though it has no modality word
    assert rows["K1"].text == "K1 | Produkterne skal være svanemærket eller tilsvarende. | Mindstekrav"


def test_a_matrix_is_checked_as_a_tender(tmp_path: Path):
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    report = checker.check_tender([_workbook(tmp_path / "krav.xlsx")])
    assert report.error is None and report.group == "cleaning"
    results = {result.criterion: result for result in report.results}
    assert results["CLEAN-T01"].verdict == "pass"
    evidence = results["CLEAN-T01"].evidence[0]
    assert evidence.document.endswith("krav.xlsx!Kravspecifikation") and evidence.text.startswith("K1 | ")
    # The spray can rule stands under the merged "Ønske" cell: a wish, which fails where a requirement is needed.
    assert results["CLEAN-T02"].verdict == "fail" and results["CLEAN-T02"].evidence[0].text.startswith("K3 | ")


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_csv_matrix(tmp_path: Path, separator: str):
    path = tmp_path / "krav.csv"
    rows = [["Kravspecifikation"], HEADER, ["1", "Produkterne skal være svanemærket.", "Krav", ""],
            ["2", "Koncentrater vægtes positivt.", "Tildelingskriterium", ""]]
    path.write_text("\n".join(separator.join(row) for row in rows), encoding="cp1252")
    file = parse_tender_file(path, _READ)
    modalities = [(r.number, r.modality) for r in split_requirements(file.documents) if r.source == "table_row"]
    assert modalities == [("1", "requirement"), ("2", "award")]


def test_a_damaged_workbook_is_corrupt(tmp_path: Path):
    path = tmp_path / "krav.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DocumentError) as caught:
        parse_tender_file(path, _READ)
    assert caught.value.code == "corrupt" and caught.value.path == str(path)


def test_an_empty_sheet_has_no_text(tmp_path: Path):
    path = tmp_path / "tom.xlsx"
    Workbook().save(path)
    with pytest.raises(DocumentError) as caught:
        parse_tender_file(path, _READ)
    assert caught.value.code == "no_text"


def test_requirement_evidence_cites_the_sheet_and_cell(tmp_path):
    from openpyxl import Workbook

    from procure_check.parse.spreadsheet import parse_spreadsheet
    from procure_check.report.words import evidence_place
    from procure_check.tender.demands import requirement_evidence
    from procure_check.tender.requirements import split_requirements

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kravspecifikation"
    sheet.append(["Bilag 1 – Kravmatrix"])
    sheet.append([])
    sheet.append(["Krav-ID", "Krav", "Type"])
    sheet.append(["K1", "Produkterne skal være Svanemærket eller tilsvarende.", "Mindstekrav"])
    sheet.append([])
    sheet.append(["K2", "Produkterne bør være koncentrater.", "Ønske"])
    path = tmp_path / "krav.xlsx"
    workbook.save(path)
    requirements = split_requirements(parse_spreadsheet(path, "udbud.zip/krav.xlsx"))
    assert [(r.number, r.cell) for r in requirements] == [("K1", "B4"), ("K2", "B6")]
    evidence = requirement_evidence(requirements[1])
    assert evidence_place(evidence, "en") == "krav.xlsx Kravspecifikation!B6"
    assert evidence_place(evidence, "en", with_file=False) == "Kravspecifikation!B6"
