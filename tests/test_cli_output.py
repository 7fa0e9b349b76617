"""`--output`: written where asked, never into a folder, a missing folder, or through a symbolic link."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.cli import _output_file, main

SHEET = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
Parfumefri.
"""


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.txt"
    path.write_text(SHEET, encoding="utf-8")
    return path


def _run(sheet: Path, output: Path, *more: str):
    args = ["product", str(sheet), "--output", str(output), "--as-of", "2026-11-22", "--jobs", "1", *more]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("name", ["report.json", "report.txt"])
def test_the_report_is_written_and_an_old_one_replaced(sheet, tmp_path, name):
    output = tmp_path / name
    output.write_text("an older, longer report " * 100, encoding="utf-8")
    result = _run(sheet, output)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = output.read_text(encoding="utf-8")
    assert "older" not in text
    if name.endswith(".json"):
        assert json.loads(text)["documents"][0]["summary"]["compliant"] is True
    else:
        assert "CLEAN-P01" in text


def test_a_folder_is_refused(sheet, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    result = _run(sheet, folder)
    assert result.exit_code == 2
    assert "is a directory" in result.stderr
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_refused(sheet, tmp_path):
    for output in (tmp_path / "nowhere" / "report.json", sheet / "report.json"):  # no folder; a file, not a folder
        result = _run(sheet, output)
        assert result.exit_code == 2
        assert result.stderr == f"procure-check: error: {output}: there is no folder {output.parent}\n"
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("target_exists", [True, False])
def test_a_symbolic_link_is_not_followed(sheet, tmp_path, target_exists):
    target = tmp_path / "elsewhere.json"
    if target_exists:
        target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    result = _run(sheet, link)
    assert result.exit_code == 2
    assert "is a symbolic link" in result.stderr
    assert link.is_symlink()
    if target_exists:
        assert target.read_text(encoding="utf-8") == "keep me"
    else:
        assert not target.exists()


def test_a_link_to_a_folder_is_refused(sheet, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    link = tmp_path / "report.json"
    link.symlink_to(folder)
    result = _run(sheet, link)
    assert result.exit_code == 2
    assert list(folder.iterdir()) == []


def test_a_link_that_appears_after_the_check_is_not_followed_either(tmp_path):
    """Between the check and the write (a race), opening does not follow a link: a one-line error."""
    target = tmp_path / "elsewhere.json"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    with pytest.raises(SystemExit) as exited, _output_file(link) as handle:
        handle.write("report")
    assert exited.value.code == 2
    assert target.read_text(encoding="utf-8") == "keep me"
