"""Waivers: a TOML file of accepted exceptions turns fail/unknown into `waived`, outside compliance."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.catalogue import load_catalogue
from procure_check.cli import main
from procure_check.report import render
from procure_check.results import CatalogueRef, DocumentReport, Report, Result, Summary
from procure_check.waivers import Waiver, WaiverError, apply_waivers, load_waivers, waiver_file

# Mandatory CLEAN-P01 fails (negated label), CLEAN-P02/P03 are unknown, recommended CLEAN-P04 fails.
PLAIN = """Product data sheet: Floor cleaner
Cleaning agent for floors. The product is not Nordic Swan labelled.
Contains perfume.
"""
# Everything passes but CLEAN-P04, which fails (perfume).
SWAN_PERFUMED = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
Indeholder parfume.
"""


@pytest.fixture
def catalogue():
    return load_catalogue()


@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "swan.txt").write_text(SWAN_PERFUMED, encoding="utf-8")
    return folder


def _run(*args: str):
    return CliRunner(env={"COLUMNS": "100"}).invoke(main, list(args), catch_exceptions=False)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _verdicts(document: dict) -> dict[str, str]:
    return {r["criterion"]: r["verdict"] for r in document["results"]}


def test_waiver_changes_the_verdict_and_keeps_the_original(sheets, tmp_path):
    waivers = _write(tmp_path / "w.toml", '[[waiver]]\ncriterion = "CLEAN-P04"\nreason = "Fragrance accepted"\n')
    result = _run("product", str(sheets / "swan.txt"), "--format", "json", "--waivers", str(waivers))
    assert result.exit_code == 0
    (document,) = json.loads(result.stdout)["documents"]
    (waived,) = [r for r in document["results"] if r["verdict"] == "waived"]
    assert (waived["criterion"], waived["waived_verdict"], waived["waiver"]) == ("CLEAN-P04", "fail",
                                                                               "Fragrance accepted")
    assert waived["evidence"]  # the evidence stays
    assert document["summary"] == {"pass": 3, "fail": 0, "unknown": 0, "not_applicable": 0, "waived": 1,
                                   "compliant": True}


def test_waiving_mandatory_failures_changes_the_exit_code(sheets, tmp_path):
    plain = str(sheets / "plain.txt")
    assert _run("product", plain, "--format", "json").exit_code == 1
    waivers = _write(tmp_path / "w.toml", """
[[waiver]]
criterion = "CLEAN-P01"
reason = "Label not required in this framework agreement"
[[waiver]]
criterion = "clean-p02"
document = "*/plain.txt"
reason = "Product form checked on the sample"
""")
    result = _run("product", plain, "--format", "json", "--waivers", str(waivers))
    assert result.exit_code == 1  # CLEAN-P03 is still unknown
    document = json.loads(result.stdout)["documents"][0]
    assert _verdicts(document) == {"CLEAN-P01": "waived", "CLEAN-P02": "waived", "CLEAN-P03": "unknown",
                                   "CLEAN-P04": "fail"}
    assert document["summary"]["compliant"] is False
    waivers.write_text(waivers.read_text() + '[[waiver]]\ncriterion = "CLEAN-P03"\nreason = "Dosing in manual"\n')
    result = _run("product", plain, "--format", "json", "--waivers", str(waivers))
    assert result.exit_code == 0  # the recommended CLEAN-P04 still fails, which never decided the exit code
    assert json.loads(result.stdout)["documents"][0]["summary"]["compliant"] is True


def test_a_waiver_covers_only_the_documents_it_names(sheets, tmp_path):
    waivers = _write(tmp_path / "w.toml", f"""
[[waiver]]
criterion = "CLEAN-P04"
document = "{sheets / 'swan.txt'}"
reason = "Fragrance accepted for this product"
""")
    result = _run("product", str(sheets), "--format", "json", "--waivers", str(waivers))
    plain, swan = json.loads(result.stdout)["documents"]
    assert _verdicts(plain)["CLEAN-P04"] == "fail"
    assert _verdicts(swan)["CLEAN-P04"] == "waived"


def test_a_pass_is_never_waived(catalogue):
    results = [Result(criterion="CLEAN-P01", title="t", severity="mandatory", verdict="pass", reason="ok")]
    report = Report(as_of=date(2026, 11, 22), catalogue=CatalogueRef(version="x", criteria=1), documents=[
        DocumentReport(path="a.pdf", kind="product", results=results, summary=Summary.of(results))])
    waived = apply_waivers(report, [Waiver(criterion="CLEAN-P01", reason="r")])
    assert waived.documents[0].results[0].verdict == "pass"


@pytest.mark.parametrize(("pattern", "path", "files", "covered"), [
    (None, "x/a.pdf", None, True),
    ("x/a.pdf", "x/a.pdf", None, True),
    ("./x/a.pdf", "x/a.pdf", None, True),
    ("x\\a.pdf", "x/a.pdf", None, True),
    ("x", "x/a.pdf", None, True),  # a folder covers what is in it
    ("x/", "x/sub/a.pdf", None, True),
    ("*.pdf", "x/a.pdf", None, True),  # * crosses folders
    ("x/*.docx", "x/a.pdf", None, False),
    ("y/a.pdf", "x/a.pdf", None, False),
    ("xa.pdf", "x/a.pdf", None, False),
    ("udbud/kravspec.pdf", "udbud", ["udbud/betingelser.pdf", "udbud/kravspec.pdf"], True),  # a file of a set
])
def test_document_patterns(pattern, path, files, covered):
    document = DocumentReport(path=path, kind="product", files=files)
    assert Waiver(criterion="CLEAN-P01", reason="r", document=pattern).covers(document) is covered


def test_procure_check_toml_in_the_current_folder_is_used(sheets, tmp_path, monkeypatch):
    _write(tmp_path / "procure-check.toml", '[[waiver]]\ncriterion = "CLEAN-P04"\nreason = "Accepted"\n')
    monkeypatch.chdir(tmp_path)
    assert waiver_file(None) == tmp_path / "procure-check.toml"
    result = _run("product", "sheets/swan.txt", "--format", "json")
    assert _verdicts(json.loads(result.stdout)["documents"][0])["CLEAN-P04"] == "waived"
    assert result.exit_code == 0
    explicit = _write(tmp_path / "none.toml", "")
    result = _run("product", "sheets/swan.txt", "--format", "json", "--waivers", str(explicit))
    assert _verdicts(json.loads(result.stdout)["documents"][0])["CLEAN-P04"] == "fail"  # --waivers wins


@pytest.mark.parametrize(("text", "message"), [
    ('[[waiver]]\ncriterion = "CLEAN-P99"\nreason = "x"\n', "w.toml: waiver #1 (CLEAN-P99): unknown criterion"),
    ('[[waiver]]\ncriterion = "CLEAN-P01"\nreason = "ok"\n[[waiver]]\ncriterion = "CLEAN-P04"\n',
     "w.toml: waiver #2 (CLEAN-P04): missing reason"),
    ('[[waiver]]\ncriterion = "CLEAN-P04"\nreason = "  "\n', "waiver #1 (CLEAN-P04): missing reason"),
    ('[[waiver]]\nreason = "x"\n', "waiver #1: missing criterion"),
    ('[[waiver]]\ncriterion = "CLEAN-P04"\nreason = "x"\nreasn = "y"\n', "waiver #1 (CLEAN-P04): unknown key 'reasn'"),
    ('[[waiver]]\ncriterion = "CLEAN-P04"\nreason = "x"\ndocument = 3\n', "'document' must be a path or a glob"),
    ('[[waivers]]\ncriterion = "CLEAN-P04"\nreason = "x"\n', "write each entry as [[waiver]]"),
    ("[[waiver]\ncriterion = 1\n", "w.toml: invalid TOML"),
])
def test_a_bad_waiver_file_is_a_one_line_error(sheets, tmp_path, text, message):
    waivers = _write(tmp_path / "w.toml", text)
    result = _run("product", str(sheets / "swan.txt"), "--waivers", str(waivers))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_waiver_file(sheets, tmp_path):
    result = _run("product", str(sheets / "swan.txt"), "--waivers", str(tmp_path / "nope.toml"))
    assert result.exit_code == 2 and "nope.toml: no such file" in result.stderr


def test_load_waivers_normalises(catalogue, tmp_path):
    path = _write(tmp_path / "w.toml", '[[waiver]]\ncriterion = " clean-p04 "\nreason = "two\\n lines"\n')
    (waiver,) = load_waivers(path, catalogue)
    assert (waiver.criterion, waiver.reason, waiver.document, waiver.source) == ("CLEAN-P04", "two lines", None,
                                                                                 str(path))
    with pytest.raises(WaiverError) as error:
        load_waivers(_write(tmp_path / "bad.toml", "waiver = 3\n"), catalogue)
    assert error.value.code == "waivers"


def test_waived_in_every_format(sheets, tmp_path):
    waivers = _write(tmp_path / "w.toml", '[[waiver]]\ncriterion = "CLEAN-P04"\nreason = "Fragrance accepted"\n')
    result = _run("product", str(sheets / "swan.txt"), "--format", "json", "--waivers", str(waivers))
    report = Report.model_validate_json(result.stdout)
    assert "WAIVED" in render(report, "markdown") and "Fragrance accepted" in render(report, "markdown")
    assert '<span class="verdict">WAIVED</span>' in render(report, "html")
    assert ",WAIVED," in render(report, "csv")
    assert '<skipped message="waiver: Fragrance accepted (was FAIL)"' in render(report, "junit")
    sarif = json.loads(render(report, "sarif"))["runs"][0]["results"]
    (waived,) = [r for r in sarif if r["ruleId"] == "CLEAN-P04"]
    assert waived["suppressions"] == [{"kind": "external", "status": "accepted",
                                       "justification": "Fragrance accepted"}]
    assert "UNDTAGET" in render(report, "markdown", "da")
    terminal = _run("product", str(sheets / "swan.txt"), "--waivers", str(waivers))
    assert "WAIVED" in terminal.stdout and "waiver: Fragrance accepted" in terminal.stdout
