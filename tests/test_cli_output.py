"""`--output`: written where asked, whole or not at all; never into a folder, a missing folder, through a
symbolic link, over a document being checked, or in a format its extension does not name."""

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.cli import main
from procure_check.output import OutputError, atomic_output

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
    """Between the check and the write (a race), a link is neither followed nor replaced: a one-line error."""
    target = tmp_path / "elsewhere.json"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="is a symbolic link"), atomic_output(link) as handle:
        handle.write("report")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert link.is_symlink()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["elsewhere.json", "report.json"]


def test_an_interrupted_write_leaves_the_old_report_whole(tmp_path):
    output = tmp_path / "report.json"
    output.write_text("the old report", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_output(output) as handle:
        handle.write("half a new")
        raise KeyboardInterrupt
    assert output.read_text(encoding="utf-8") == "the old report"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_an_input_is_never_the_output(sheet, tmp_path):
    before = sheet.read_text(encoding="utf-8")
    for output in (sheet, tmp_path / "." / sheet.name):
        args = ["product", str(sheet), "--output", str(output)]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 2
        assert result.stderr == (f"procure-check: error: {output}: is one of the documents to check; "
                                 "the report would replace it\n")
    assert sheet.read_text(encoding="utf-8") == before


def test_an_output_inside_a_folder_being_checked_is_refused(sheet, tmp_path):
    output = tmp_path / "report.md"
    result = CliRunner().invoke(main, ["tender", str(tmp_path), "--output", str(output)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{output}: is inside the folder {tmp_path}, which is being checked" in result.stderr
    assert not output.exists()


@pytest.mark.parametrize(("output", "options", "message"), [
    ("r.pdf", [], "'.pdf' is not a report format"),
    ("r.docx", [], "'.docx' is not a report format"),
    ("x.html", ["--format", "json"], "a json report does not belong in a '.html' file; name it .json"),
    ("x.json", ["--format", "markdown"], "a markdown report does not belong in a '.json' file"),
])
def test_an_extension_that_does_not_fit_the_format_is_a_usage_error(sheet, tmp_path, output, options, message):
    result = CliRunner().invoke(main, ["product", str(sheet), "--output", str(tmp_path / output), *options],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / output).exists()


@pytest.mark.parametrize(("output", "options"), [("x.sarif.json", []), ("x.sarif.json", ["--format", "json"]),
                                                 ("report", ["--format", "csv"]), ("r.log", [])])
def test_fitting_extensions_are_accepted(sheet, tmp_path, output, options):
    assert _run(sheet, tmp_path / output, *options).exit_code == 0
    assert (tmp_path / output).stat().st_size > 0


def test_a_pipe_is_written_in_place_not_replaced(sheet, tmp_path):
    """A FIFO (or a device such as /dev/null) cannot be renamed over: the report is written into it."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = CliRunner().invoke(main, ["product", str(sheet), "--output", str(pipe), "--format", "json"],
                                catch_exceptions=False)
    reader.join(10)  # a daemon: should the pipe have been replaced, it waits on in vain and is left
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert json.loads(received[0])["documents"][0]["summary"]["compliant"] is True
