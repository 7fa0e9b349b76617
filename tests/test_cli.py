"""The command line: the report contract, exit codes, and one-line errors without tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.cli import main

SWAN_CLEANER = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
Parfumefri.
"""
UNLABELLED_CLEANER = """Product data sheet: Floor cleaner
Cleaning agent for floors. The product is not Nordic Swan labelled.
"""


@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    (tmp_path / "swan.txt").write_text(SWAN_CLEANER, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(UNLABELLED_CLEANER, encoding="utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), catch_exceptions=False)


def test_json_report_follows_the_contract(sheets):
    result = _run("product", str(sheets / "swan.txt"), "--format", "json", "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "procure-check/report@1"
    assert report["as_of"] == "2026-11-22"
    assert report["tool"]["name"] == "procure-check"
    assert report["catalogue"]["criteria"] >= 12
    (document,) = report["documents"]
    assert (document["kind"], document["group"], document["group_source"]) == ("product", "cleaning", "keywords")
    assert document["error"] is None
    assert len(document["sha256"]) == 64
    assert [r["criterion"] for r in document["results"]] == ["CLEAN-P01", "CLEAN-P02", "CLEAN-P03", "CLEAN-P04"]
    for result_ in document["results"]:
        assert result_["verdict"] in {"pass", "fail", "unknown", "not_applicable"}
        if result_["verdict"] in {"pass", "fail"}:
            assert result_["evidence"] and result_["evidence"][0]["page"] == 1
            assert "bbox" not in result_["evidence"][0]  # unknown for text files: absent, not null
    assert document["summary"] == {"pass": 4, "fail": 0, "unknown": 0, "not_applicable": 0, "waived": 0,
                                   "compliant": True}


def test_exit_code_one_when_a_mandatory_criterion_fails(sheets):
    result = _run("product", str(sheets / "plain.txt"), "--format", "json")
    assert result.exit_code == 1
    verdicts = {r["criterion"]: r["verdict"] for r in json.loads(result.stdout)["documents"][0]["results"]}
    assert verdicts["CLEAN-P01"] == "fail"


def test_folder_is_checked_recursively_in_order(sheets):
    result = _run("product", str(sheets), "--format", "json")
    paths = [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]]
    assert paths == ["plain.txt", "swan.txt"]


def test_unreadable_document_is_reported_and_the_others_still_checked(sheets):
    broken = sheets / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    result = _run("product", str(broken), str(sheets / "swan.txt"), "--format", "json")
    assert result.exit_code == 2
    documents = json.loads(result.stdout)["documents"]
    assert documents[0]["error"]["code"] == "corrupt"
    assert documents[0]["results"] == []
    assert documents[1]["summary"]["compliant"] is True
    (line,) = result.stderr.strip().splitlines()
    assert "broken.pdf" in line and "Traceback" not in result.stderr


def test_missing_file_and_unsupported_type(sheets):
    (sheets / "image.png").write_bytes(b"\x89PNG")
    result = _run("product", str(sheets / "nope.txt"), str(sheets / "image.png"), "--group", "cleaning")
    assert result.exit_code == 2
    assert "nope.txt: no such file [not_found]" in result.stderr
    assert "unsupported file type '.png'" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group", "toys"], "unknown group 'toys'"),
        (["--as-of", "22-11-2026"], "Invalid value for '--as-of'"),
        (["--format", "pdf"], "Invalid value for '--format'"),
    ],
)
def test_usage_errors_exit_2(sheets, args, message):
    result = _run("product", str(sheets / "swan.txt"), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_output_file_and_refusal_to_write_into_a_directory(sheets, tmp_path):
    target = tmp_path / "report.json"
    result = _run("product", str(sheets / "swan.txt"), "--output", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["documents"][0]["group"] == "cleaning"
    assert result.stdout == ""
    result = _run("product", str(sheets / "swan.txt"), "--output", str(tmp_path))
    assert result.exit_code == 2


def test_broken_catalogue_is_one_line_error(sheets, tmp_path):
    catalogue = tmp_path / "cat"
    catalogue.mkdir()
    (catalogue / "x.yaml").write_text("group: [unclosed\n")
    result = _run("product", str(sheets / "swan.txt"), "--catalogue", str(catalogue))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "x.yaml: invalid YAML" in result.stderr


def test_rich_report_shows_verdicts_and_keeps_markup_literal(tmp_path):
    sheet = tmp_path / "markup.txt"
    sheet.write_text("Rengøringsmiddel\nProduktet [red]er ikke[/bold] svanemærket.\n", encoding="utf-8")
    result = _run("product", str(sheet), "--lang", "en")
    assert "FAIL" in result.stdout and "CLEAN-P01" in result.stdout
    assert "[red]er ikke[/bold]" in result.stdout
    assert "p. 2" not in result.stdout and "p. 1" in result.stdout
    danish = _run("product", str(sheet), "--lang", "da")
    assert "IKKE OPFYLDT" in danish.stdout


def test_criteria_list_and_show():
    listing = _run("criteria", "list")
    assert listing.exit_code == 0
    assert "LIGHT-P01" in listing.stdout and "CLEAN-P04" in listing.stdout
    shown = _run("criteria", "show", "it-p03", "--lang", "en")
    assert shown.exit_code == 0
    assert "EPEAT Bronze is not enough" in " ".join(shown.stdout.split())
    assert _run("criteria", "show", "XX-P99").exit_code == 2


def test_module_entry_point_runs():
    completed = subprocess.run([sys.executable, "-m", "procure_check", "--version"], capture_output=True, text=True,
                               check=False)
    assert completed.returncode == 0
    assert completed.stdout.startswith("procure-check, version ")


def _pdf(path: Path, *, text: str | None = "Rengøringsmiddel. Produktet er Svanemærket.", encrypt: str | None = None):
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt=encrypt, invariant=1)
    if text:
        pdf.drawString(72, 720, text)
    else:
        pdf.rect(72, 600, 200, 100, fill=1)  # a "scan": marks, no text
    pdf.showPage()
    pdf.save()
    return path


def test_truncated_image_only_and_encrypted_pdfs_give_one_line_errors(tmp_path):
    good = _pdf(tmp_path / "good.pdf")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    scanned = _pdf(tmp_path / "scanned.pdf", text=None)
    locked = _pdf(tmp_path / "locked.pdf", encrypt="hemmelig")
    result = _run("product", str(truncated), str(scanned), str(locked), str(good), "--format", "json")
    assert result.exit_code == 2
    documents = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    assert documents["truncated.pdf"]["error"]["code"] == "corrupt"
    assert documents["scanned.pdf"]["error"]["code"] == "no_text"
    assert documents["locked.pdf"]["error"]["code"] == "encrypted"
    assert documents["good.pdf"]["error"] is None and documents["good.pdf"]["results"]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("procure-check: ") for line in lines)
    assert "Traceback" not in result.stderr
    unlocked = _run("product", str(locked), "--password", "hemmelig", "--format", "json")
    assert json.loads(unlocked.stdout)["documents"][0]["error"] is None


def test_criteria_list_shows_every_id():
    listing = _run("criteria", "list")
    from procure_check.catalogue import load_catalogue

    for criterion_id in load_catalogue().criteria:
        assert criterion_id in listing.stdout


def test_tender_sets_from_folders_and_files(tmp_path):
    from procure_check.check import tender_sets

    one = tmp_path / "tenders" / "one"
    (one / "bilag").mkdir(parents=True)
    (one / "udbudsbetingelser.txt").write_text("x", encoding="utf-8")
    (one / "bilag" / "kravspec.txt").write_text("x", encoding="utf-8")
    two = tmp_path / "tenders" / "two"
    two.mkdir()
    (two / "udbud.txt").write_text("x", encoding="utf-8")
    (tmp_path / "tenders" / "README.md").write_text("about these tenders", encoding="utf-8")
    loose = tmp_path / "a.txt"
    loose.write_text("x", encoding="utf-8")
    sets = tender_sets([tmp_path / "tenders", loose])
    assert [(Path(name).name, [p.name for p in files]) for name, files in sets] == [
        ("one", ["kravspec.txt", "udbudsbetingelser.txt"]),
        ("two", ["udbud.txt"]),
        ("a.txt", ["a.txt"]),
    ]


def test_tender_command_reports_each_sample_tender():
    samples = Path(__file__).resolve().parent.parent / "samples" / "tenders"
    result = _run("tender", str(samples), "--format", "json", "--as-of", "2026-11-22")
    documents = json.loads(result.stdout)["documents"]
    assert len(documents) == len([p for p in samples.iterdir() if p.is_dir()])
    assert all(d["kind"] == "tender" and d["error"] is None and d["requirements"] > 0 for d in documents)
    assert result.exit_code == 1  # some sample tenders are defective on purpose
