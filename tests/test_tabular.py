"""Product lists (CSV, XLSX, JSON): a row is a product, checked as a data sheet of its own, with evidence
quoted from its "Column: value" lines; reading is streamed, checking goes in chunks of rows."""

import ctypes
import faulthandler
import hashlib
import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.batch import ProductList, Task, check_batch
from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.cli import main
from procure_check.errors import DocumentError
from procure_check.limits import Limits
from procure_check.parse import tabular
from procure_check.parse.tabular import Mapping, MappingError, load_mapping, read_rows
from procure_check.pool import Done, default_start_method, run_batch

from .conftest import AS_OF

HEADER = ["Varenummer", "Produktnavn", "Beskrivelse", "Miljømærke", "Dosering"]
ROWS = [
    ["40-1180", "Allrengøring Citrus", "Universalrengøringsmiddel, flydende koncentrat, parfumefri",
     "Svanemærket, licens nr. 5041 0012", "25 ml pr. 5 l vand"],
    ["40-1181", "Ovnrens Skum", "Ovnrens i aerosol med drivgas (butan/propan)", "ikke svanemærket", ""],
    ["40-1182", "LED pære E27 806 lm", "LED pære, 5,9 W, 806 lm, energiklasse C", "", ""],
]
FORK = pytest.mark.skipif(default_start_method() != "fork", reason="patches in the test process reach forked workers")


def _csv(path: Path, rows=ROWS, header=HEADER, delimiter=",", encoding="utf-8") -> Path:
    import csv

    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _xlsx(path: Path, rows=ROWS, header=HEADER) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Produkter"
    sheet.append(header)
    for row in rows:
        sheet.append([value or None for value in row])
    workbook.save(path)
    return path


def _objects(rows=ROWS, header=HEADER) -> list[dict]:
    return [{key: value for key, value in zip(header, row, strict=True) if value} for row in rows]


def _run(*args: str, command: str = "product"):
    return CliRunner().invoke(main, [command, *args, "--format", "json", "--as-of", AS_OF.isoformat(), "--lang", "en"],
                              catch_exceptions=False)


def _documents(result) -> list[dict]:
    return json.loads(result.stdout)["documents"]


def _verdicts(document: dict) -> dict[str, str]:
    return {result["criterion"]: result["verdict"] for result in document["results"]}


def test_each_csv_row_is_a_product_with_evidence_from_its_lines(tmp_path):
    path = _csv(tmp_path / "products.csv")
    result = _run(str(path))
    assert result.exit_code == 1, result.output  # the spray fails
    documents = _documents(result)
    assert [d["path"] for d in documents] == [f"{path}#row-{n}" for n in (1, 2, 3)]
    first, spray, lamp = documents
    assert (first["group"], first["pages"], first["error"]) == ("cleaning", 1, None)
    lines = ["Varenummer: 40-1180", "Produktnavn: Allrengøring Citrus",
             "Beskrivelse: Universalrengøringsmiddel, flydende koncentrat, parfumefri",
             "Miljømærke: Svanemærket, licens nr. 5041 0012", "Dosering: 25 ml pr. 5 l vand"]
    assert first["sha256"] == hashlib.sha256("\n".join(lines).encode()).hexdigest()
    assert _verdicts(first) == {"CLEAN-P01": "pass", "CLEAN-P02": "pass", "CLEAN-P03": "pass", "CLEAN-P04": "pass"}
    label = next(r for r in first["results"] if r["criterion"] == "CLEAN-P01")
    assert label["evidence"] == [{"page": 1, "text": "Miljømærke: Svanemærket, licens nr. 5041 0012",
                                  "focus": "Svanemærket, licens nr. 5041 0012"}]
    assert _verdicts(spray)["CLEAN-P01"] == "fail" and _verdicts(spray)["CLEAN-P02"] == "fail"
    assert all(e["page"] == 1 and e["text"] in "\n".join(f"{h}: {v}" for h, v in zip(HEADER, ROWS[1], strict=True))
               for r in spray["results"] for e in r["evidence"])
    assert lamp["group"] == "lighting" and lamp["summary"] is not None


def test_a_mapping_names_the_title_the_text_and_the_group_column(tmp_path):
    header = ["Nr", "Navn", "Note", "Mærke", "Dosis", "Gruppe", "Intern kommentar"]
    rows = [["1", "Allrengøring Citrus", "flydende koncentrat, parfumefri", "Svanemærket, licens nr. 5041 0012",
             "25 ml pr. 5 l vand", "Cleaning", "Svanemærket udløber 2020"],
            ["2", "Frottéhåndklæde", "100 % bomuld", "OEKO-TEX", "", "", ""],
            ["3", "Noget", "tekst", "", "", "furniturez", ""]]
    path = _csv(tmp_path / "liste.csv", rows, header)
    mapping = tmp_path / "map.yaml"
    mapping.write_text("name: Navn\nid: Nr\ntext: [Note, Mærke, Dosis]\ngroup: Gruppe\n", encoding="utf-8")
    result = _run(str(path), "--mapping", str(mapping))
    first, towel, unknown = _documents(result)
    assert first["group"] == "cleaning" and first["group_source"] == "flag"  # from the group column
    evidence = [e["text"] for r in first["results"] for e in r["evidence"]]
    assert "Mærke: Svanemærket, licens nr. 5041 0012" in evidence
    assert not any("Intern kommentar" in text or "udløber" in text for text in evidence)  # not a mapped column
    assert first["sha256"] == hashlib.sha256("\n".join([
        "Allrengøring Citrus", "Nr: 1", "Note: flydende koncentrat, parfumefri",
        "Mærke: Svanemærket, licens nr. 5041 0012", "Dosis: 25 ml pr. 5 l vand"]).encode()).hexdigest()
    assert towel["group"] == "textiles" and towel["group_source"] == "keywords"  # empty group cell: detected
    assert unknown["error"]["code"] == "no_group" and "'furniturez'" in unknown["error"]["message"]
    assert result.exit_code == 2
    assert f"{path}#row-3: unknown group 'furniturez' in the column 'Gruppe'" in result.stderr
    # --group goes before the group column
    flagged = _documents(_run(str(path), "--mapping", str(mapping), "--group", "cleaning"))
    assert [d["group"] for d in flagged] == ["cleaning"] * 3


def test_xlsx_rows_and_a_named_sheet(tmp_path):
    path = _xlsx(tmp_path / "products.xlsx")
    documents = _documents(_run(str(path)))
    assert [d["path"] for d in documents] == [f"{path}#row-{n}" for n in (1, 2, 3)]
    assert _verdicts(documents[0])["CLEAN-P01"] == "pass"
    mapping = tmp_path / "map.yaml"
    mapping.write_text("sheet: Produkter\nname: Produktnavn\n", encoding="utf-8")
    assert _verdicts(_documents(_run(str(path), "--mapping", str(mapping)))[0])["CLEAN-P01"] == "pass"
    mapping.write_text("sheet: Ark2\n", encoding="utf-8")
    result = _run(str(path), "--mapping", str(mapping))
    assert result.exit_code == 2
    assert result.stderr == f"procure-check: {path}: no worksheet 'Ark2' (sheets: Produkter) [unsupported]\n"


@pytest.mark.parametrize("layout", ["array", "lines", "wrapped"])
def test_json_arrays_lines_and_a_wrapped_list(tmp_path, layout):
    objects = _objects()
    objects[2]["Detaljer"] = {"Effekt": "5,9 W", "Lysstrøm": "806 lm"}  # nested: "Detaljer.Effekt: 5,9 W"
    path = tmp_path / ("products.jsonl" if layout == "lines" else "products.json")
    if layout == "array":
        path.write_text(json.dumps(objects, ensure_ascii=False, indent=2), encoding="utf-8")
    elif layout == "lines":
        path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps({"products": objects}, ensure_ascii=False), encoding="utf-8")
    documents = _documents(_run(str(path)))
    assert [d["path"] for d in documents] == [f"{path}#row-{n}" for n in (1, 2, 3)]
    assert _verdicts(documents[0])["CLEAN-P01"] == "pass"
    rows = list(read_rows(path))
    assert "Detaljer.Effekt: 5,9 W" in rows[2].lines


def test_a_json_array_streams_across_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "_JSON_BLOCK", 7)  # every object is cut somewhere
    objects = _objects() * 20
    path = tmp_path / "products.json"
    path.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
    rows = list(read_rows(path))
    assert len(rows) == 60 and rows[59].number == 60
    assert rows[0].lines == tuple(f"{k}: {v}" for k, v in objects[0].items())


def test_semicolons_windows_1252_and_blank_rows(tmp_path):
    path = tmp_path / "export.csv"
    _csv(path, [ROWS[0], ["", "", "", "", ""], ROWS[2]], delimiter=";", encoding="cp1252")
    rows = list(read_rows(path))
    assert [row.number for row in rows] == [1, 3]  # the empty row is left out; numbers stay the rows'
    assert rows[0].lines[3] == "Miljømærke: Svanemærket, licens nr. 5041 0012"


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("binary.csv", b"Navn,Tekst\n\x00\x01\x02", "unsupported", "binary data, not a CSV file"),
        ("empty.csv", b"Varenummer,Produktnavn\n", "no_text", "the product list has no rows with text"),
        ("broken.json", b'[{"Navn": ', "corrupt", "not valid JSON"),
        ("list.json", b'[42, {"Navn": "A"}]', "unsupported", "item 1 is not an object"),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "corrupt", "not a readable XLSX workbook"),
    ],
)
def test_a_broken_product_list_is_one_line_and_exit_2(tmp_path, name, content, code, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = _run(str(path))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"procure-check: {path}: {message}") and line.endswith(f"[{code}]")
    (document,) = _documents(result)
    assert document["error"]["code"] == code and document["results"] == []


def test_rows_before_a_damaged_line_are_reported_before_its_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_objects())[:-1] + ', {"Navn": ', encoding="utf-8")
    result = _run(str(path))
    documents = _documents(result)
    assert [d["path"] for d in documents] == [f"{path}#row-{n}" for n in (1, 2, 3)] + [str(path)]
    assert documents[-1]["error"]["code"] == "corrupt" and result.exit_code == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: Navn\ncolour: red\n", "map.yaml: 'colour': unknown key (known: name, id, text, group, sheet)"),
        ("- Navn\n", "map.yaml: a mapping file is a YAML mapping of name, id, text, group and sheet"),
        ("name: [1, 2]\n", "map.yaml: 'name': Input should be a valid string"),
        ("name: 'x\n", "map.yaml: invalid YAML"),
    ],
)
def test_a_bad_mapping_is_a_usage_error(tmp_path, text, message):
    mapping = tmp_path / "map.yaml"
    mapping.write_text(text, encoding="utf-8")
    result = _run(str(_csv(tmp_path / "products.csv")), "--mapping", str(mapping))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"procure-check: error: {tmp_path}/{message}" in result.stderr
    with pytest.raises(MappingError):
        load_mapping(mapping)


def test_a_mapped_column_missing_from_the_header_is_an_error_for_that_list(tmp_path):
    mapping = tmp_path / "map.yaml"
    mapping.write_text("name: Produktnavn\ntext: [Beskrivelse, Farve]\n", encoding="utf-8")
    path = _csv(tmp_path / "products.csv")
    sheet = tmp_path / "sheet.txt"
    sheet.write_text("Allrengøring\nProduktet er svanemærket, licens nr. 5041 0012.\n", encoding="utf-8")
    result = _run(str(path), str(sheet), "--mapping", str(mapping))
    assert result.exit_code == 2
    listed, checked = _documents(result)
    assert listed["error"]["code"] == "unsupported"
    assert "the mapping names the column 'Farve', which the header does not have" in listed["error"]["message"]
    assert checked["path"] == str(sheet) and checked["error"] is None
    assert len(result.stderr.splitlines()) == 1


def test_the_mapping_model_and_defaults():
    assert Mapping.model_validate({"text": "Beskrivelse"}).text == ("Beskrivelse",)
    assert Mapping(name="A", id="B", group="C", text=("D",)).columns == ["A", "B", "C", "D"]
    assert tabular._clean(5.0) == "5" and tabular._clean(5.5) == "5.5" and tabular._clean(None) == ""
    assert tabular._clean("  two\n lines ") == "two lines" and tabular._clean(True) == "true"
    assert tabular._unique(["A", "B", "A"]) == ["A", "B", "A (2)"]


# --- The batch: order, chunks, failures ---------------------------------------------------------------


def test_a_batch_keeps_input_order_across_lists_documents_and_a_broken_file(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Allrengøring\nProduktet er svanemærket, licens nr. 5041 0012.\n", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not a pdf at all")
    rows = ROWS * 4  # 12 rows in chunks of 5
    path = _csv(tmp_path / "products.csv", rows)
    checker = Checker(load_catalogue(), as_of=AS_OF)
    tasks = [Task("product", (good,)), ProductList(path), Task("product", (broken,)), ProductList(path),
             Task("product", (good,))]
    done = []
    reports = list(check_batch(checker, tasks, jobs=2, rows_per_chunk=5, on_done=done.append))
    names = [str(good)] + [f"{path}#row-{n}" for n in range(1, 13)] + [str(broken)] + \
            [f"{path}#row-{n}" for n in range(1, 13)] + [str(good)]
    assert [report.path for report in reports] == names
    assert reports[13].error.code == "corrupt"
    assert all(report.error is None for k, report in enumerate(reports) if k != 13)
    assert sum(done) == len(reports)  # progress counts reports, a chunk at a time
    assert reports[1].model_dump(exclude={"path"}) == reports[14].model_dump(exclude={"path"})


def test_run_batch_reads_items_lazily_and_needs_no_worker_for_done_items():
    read = []

    def items():
        for k in range(100):
            read.append(k)
            yield Done(k)

    outcomes = run_batch(_double, items(), jobs=2)
    first = next(outcomes)
    assert first.value == 0 and len(read) < 100  # not all read before the first outcome
    assert [o.value for o in itertools.chain([first], outcomes)] == list(range(100))
    mixed = list(run_batch(_double, [Done("a"), 2, Done("b"), 3], jobs=2))
    assert [o.value for o in mixed] == ["a", 4, "b", 6]


def _double(value):
    return value * 2


@FORK
def test_a_row_that_crashes_costs_that_row_not_its_chunk(tmp_path, monkeypatch):
    rows = [list(ROWS[0]) for _ in range(7)]
    rows[4][1] = "CRASH Allrengøring"
    path = _csv(tmp_path / "products.csv", rows)
    original = Checker.check_product_document

    def check_product_document(self, document, group=None):
        if any("CRASH" in line.text for line in document.pages[0].lines):
            faulthandler.disable()
            ctypes.string_at(0)
        return original(self, document, group)

    monkeypatch.setattr(Checker, "check_product_document", check_product_document)
    checker = Checker(load_catalogue(), as_of=AS_OF)
    reports = list(check_batch(checker, [ProductList(path)], jobs=2, rows_per_chunk=3))
    assert [report.path for report in reports] == [f"{path}#row-{n}" for n in range(1, 8)]
    assert [report.error.code if report.error else None for report in reports] == [
        None, None, None, None, "crashed", None, None]
    assert "SIGSEGV" in reports[4].error.message


def test_read_rows_errors_are_document_errors(tmp_path):
    with pytest.raises(DocumentError) as raised:
        list(read_rows(tmp_path / "missing.csv"))
    assert raised.value.code == "not_found"


def test_the_limits_hold_for_a_list_and_for_each_row_as_for_a_data_sheet(tmp_path):
    rows = [list(row) for row in ROWS]
    rows[1][1] = "Allrengøring " + "x" * 400  # one row over --max-chars
    path = _csv(tmp_path / "products.csv", rows)
    checker = Checker(load_catalogue(), as_of=AS_OF, limits=Limits(max_chars=300))
    reports = list(check_batch(checker, [ProductList(path)], jobs=1))
    assert [report.error.code if report.error else None for report in reports] == [None, "too_large", None]
    assert "characters of text, more than the limit of 300 (--max-chars)" in reports[1].error.message
    small = Checker(load_catalogue(), as_of=AS_OF, limits=Limits(max_file_size=100))
    (whole,) = check_batch(small, [ProductList(path)], jobs=1)
    assert (whole.path, whole.error.code) == (str(path), "too_large")
    assert "more than the limit of 100 bytes (--max-file-size)" in whole.error.message
