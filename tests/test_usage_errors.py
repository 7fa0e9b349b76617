"""Wrong input, clear answer: one line naming the file or value and the problem, never a traceback."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.cli import main
from procure_check.pool import default_jobs

TENDERS = Path(__file__).resolve().parent.parent / "samples" / "tenders"
SHEET = "Produktdatablad: Allrengøring\nRengøringsmiddel. Produktet er Svanemærket, licens nr. 5041 0012.\n"


def _run(*args: str):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.txt"
    path.write_text(SHEET, encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "message"), [
    ("2026-13-45", "'2026-13-45' is not a valid date (month must be in 1..12)"),
    ("2026-02-30", "'2026-02-30' is not a valid date (day is out of range for month)"),
    ("22-11-2026", "'22-11-2026' is not a date: write it YYYY-MM-DD"),
])
def test_an_invalid_date_is_called_invalid(sheet, value, message):
    result = _run("product", str(sheet), "--as-of", value)
    assert result.exit_code == 2
    assert message in result.stderr and "%Y" not in result.stderr


def test_help_shows_the_date_format():
    for command in ("product", "tender", "explain"):
        assert "--as-of YYYY-MM-DD" in _run(command, "--help").stdout


def test_a_valid_date_is_used(sheet):
    result = _run("product", str(sheet), "--as-of", "2026-02-28", "--format", "json")
    assert json.loads(result.stdout)["as_of"] == "2026-02-28"


@pytest.mark.parametrize("name", ["old.doc", "scan.png"])
def test_an_unsupported_type_lists_the_supported_ones(tmp_path, name):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 binary")
    result = _run("product", str(tmp_path / name), "--group", "cleaning")
    assert result.exit_code == 2
    suffix = Path(name).suffix
    assert result.stderr == (f"procure-check: {tmp_path / name}: unsupported file type '{suffix}' (supported: PDF, "
                             "DOCX, TXT, Markdown, eForms XML; product lists: CSV, XLSX, JSON) [unsupported]\n")


@pytest.mark.parametrize("command", [["criteria", "show", "clean-p1"], ["explain", "clean-p1", "x.txt"]])
def test_an_unknown_criterion_points_to_the_list(command):
    result = _run(*command)
    assert result.exit_code == 2
    assert result.stderr == ("procure-check: error: unknown criterion 'clean-p1' (did you mean CLEAN-P01?); "
                             "`procure-check criteria list` shows them all\n")


def test_explain_a_product_criterion_on_a_folder_asks_for_a_file(sheet):
    result = _run("explain", "CLEAN-P01", str(sheet.parent))
    assert result.exit_code == 2
    assert result.stderr == (f"procure-check: error: {sheet.parent}: is a folder; CLEAN-P01 is a product criterion: "
                             "give one data sheet (a file)\n")
    assert _run("explain", "CLEAN-P01", str(sheet)).exit_code == 0


def test_jobs_are_capped_at_the_cpus(sheet):
    result = _run("product", str(sheet), str(sheet.parent), "--jobs", "512", "--format", "json")
    cpus = default_jobs()
    assert f"procure-check: note: --jobs 512 is more than the {cpus} CPUs; checking {cpus} at a time" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1  # and the file named twice was checked once
    assert "--jobs" not in _run("product", str(sheet), "--jobs", "1").stderr


def test_files_of_several_tenders_named_together_are_warned_about():
    files = sorted(TENDERS.glob("*/udbudsbetingelser.*"))
    assert len(files) >= 3
    result = _run("tender", *map(str, files), "--as-of", "2026-11-22", "--format", "json", "--lang", "en")
    assert f"the {len(files)} files named are checked as one tender set, but they look like separate tenders" \
        in result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    (warning,) = document["warnings"]
    assert warning.startswith("the files of this tender set point to different groups (")
    assert f"{files[0]}: it" in warning
    assert f"warning: {document['path']}: the files of this tender set point" in result.stderr


def test_files_of_two_groups_in_one_folder_are_warned_about(tmp_path):
    shutil.copy(TENDERS / "it_skovbjerg_mangler" / "udbudsbetingelser.pdf", tmp_path / "a.pdf")
    shutil.copy(TENDERS / "papir_lyngholm" / "udbudsbetingelser.pdf", tmp_path / "b.pdf")
    named = _run("tender", str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf"), "--as-of", "2026-11-22", "--lang", "da")
    assert "look like separate tenders" not in named.stderr  # one folder, different names
    assert "filerne i dette udbud peger på forskellige grupper" in named.stdout
    assert "peger på forskellige grupper" in named.stderr


def test_the_files_of_one_tender_are_not_warned_about():
    folder = TENDERS / "rengoering_fjordby_ok"
    result = _run("tender", *map(str, sorted(folder.iterdir())), "--as-of", "2026-11-22", "--format", "json")
    assert "warning" not in result.stderr
    assert json.loads(result.stdout)["documents"][0]["warnings"] == []
