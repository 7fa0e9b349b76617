"""Runs that must not lose data or work: procure-check's own saved reports are not checked as data sheets,
the same file is checked once, and Ctrl-C reports what was checked (exit code 130)."""

import io
import json
import os
import signal
import subprocess
import sys
import time
import types
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.cli import main
from procure_check.program import run
from procure_check.report import EXTENSIONS, render
from procure_check.report.own import is_own_report
from procure_check.report.terminal import print_report

SHEET = """Produktdatablad: Allrengøring {number}
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
"""


def _sheets(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / f"sheet{number:04d}.txt" for number in range(count)]
    for number, path in enumerate(paths):
        path.write_text(SHEET.format(number=number), encoding="utf-8")
    return paths


def _run(*args: str):
    return CliRunner().invoke(main, ["product", *args, "--as-of", "2026-11-22", "--jobs", "1"],
                              catch_exceptions=False)


@pytest.mark.parametrize("ending", sorted(set(EXTENSIONS)))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_report_format_is_recognised_as_ours(tmp_path, ending, lang):
    (sheet,) = _sheets(tmp_path / "in", 1)
    output = tmp_path / f"report{ending}"
    assert _run(str(sheet), "--output", str(output), "--lang", lang).exit_code == 0
    assert is_own_report(output)
    assert not is_own_report(sheet)


@pytest.mark.parametrize(("name", "text"), [
    ("old.md", "# procure-check report\n\nprocure-check 0.1.0 · as of 2026-11-22 · catalogue 2026.11.1\n"),
    ("old.md", "# procure-check-rapport\n\n## Oversigt\n"),
    ("old.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="procure-check" tests="4">\n'),
])
def test_reports_saved_before_the_mark_are_recognised_too(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert is_own_report(tmp_path / name)


@pytest.mark.parametrize("text", ["# procure-check report for Allrengøring\nRengøringsmiddel\n",
                                  "Rengøringsmiddel\nchecked with procure-check/report@2\n"])
def test_a_data_sheet_is_not_taken_for_a_report(tmp_path, text):
    (tmp_path / "sheet.md").write_text(text, encoding="utf-8")
    assert not is_own_report(tmp_path / "sheet.md")


def test_a_saved_report_in_a_scanned_folder_is_skipped_with_a_note(tmp_path):
    folder = tmp_path / "fold"
    (sheet,) = _sheets(folder, 1)
    for name in ("report.md", "report.txt", "report.xml"):
        assert _run(str(sheet), "--output", str(tmp_path / name)).exit_code == 0
        (folder / name).write_bytes((tmp_path / name).read_bytes())  # saved among the data sheets
    result = _run(str(folder), "--format", "json")
    assert [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]] == ["sheet0000.txt"]
    for name in ("report.md", "report.txt", "report.xml"):
        assert f"note: {folder / name}: a report written by procure-check; not checked" in result.stderr


def test_a_data_sheet_that_mentions_procure_check_is_still_checked(tmp_path):
    sheet = tmp_path / "sheet.md"
    sheet.write_text("# Allrengøring, checked with procure-check 0.1.0\nRengøringsmiddel. Svanemærket.\n",
                     encoding="utf-8")
    result = _run(str(sheet), "--format", "json")
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_the_same_file_named_twice_is_checked_once(tmp_path):
    folder = tmp_path / "fold"
    first, second = _sheets(folder, 2)
    result = _run(str(first), str(first), str(folder / "." / first.name), str(folder), "--format", "json")
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert paths == [str(first), str(second)]


def _wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _interrupt_batch(tmp_path: Path, *options: str) -> subprocess.CompletedProcess:
    """A real batch of 400 data sheets, one worker, sent SIGINT once a few documents are checked (their reports
    appear in the result cache)."""
    cache = tmp_path / "cache"
    env = {**os.environ, "PROCURE_CHECK_CACHE_DIR": str(cache), "PROCURE_CHECK_NO_CACHE": ""}
    command = [sys.executable, "-m", "procure_check", "product", str(tmp_path / "in"), "--jobs", "1",
               "--as-of", "2026-11-22", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    _wait_for(lambda: cache.is_dir() and sum(1 for _ in cache.rglob("*.json")) >= 3)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def test_ctrl_c_reports_what_was_checked_and_lists_the_rest(tmp_path):
    sheets = _sheets(tmp_path / "in", 400)
    output = tmp_path / "report.json"
    completed = _interrupt_batch(tmp_path, "--output", str(output))
    assert completed.returncode == 130, completed.stderr
    assert "Traceback" not in completed.stderr and "Aborted" not in completed.stderr
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["incomplete"] is True
    checked = [d["path"] for d in report["documents"]]
    assert checked and all(d["summary"] for d in report["documents"])
    assert report["not_checked"], "interrupted before the end"
    assert checked + report["not_checked"] == [str(path) for path in sheets]  # nothing lost, nothing twice
    assert f"interrupted: {len(checked)} checked, {len(report['not_checked'])} not checked" in completed.stderr


def test_ctrl_c_marks_the_text_report_incomplete(tmp_path):
    _sheets(tmp_path / "in", 400)
    output = tmp_path / "report.md"
    completed = _interrupt_batch(tmp_path, "--output", str(output), "--lang", "en")
    assert completed.returncode == 130
    text = output.read_text(encoding="utf-8")
    assert "Incomplete" in text and "not checked" in text
    assert list(tmp_path.glob(".report.md.*")) == []  # no temporary file left


def test_ctrl_c_before_anything_is_checked_keeps_the_previous_report(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slow.txt").write_text(SHEET.format(number=1), encoding="utf-8")
    output = tmp_path / "report.json"
    output.write_text("the previous report", encoding="utf-8")
    command = [sys.executable, "-c", "import time, sys; from procure_check import check; "
               "slow = check.Checker.check_product; "
               "check.Checker.check_product = lambda *a, **k: (open(sys.argv[1], 'w').close(), time.sleep(60), "
               "slow(*a, **k))[2]; from procure_check.cli import main; main(sys.argv[2:])",
               str(tmp_path / "started"), "product", str(tmp_path / "in"), "--output", str(output), "--no-cache"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: (tmp_path / "started").exists())  # the check has begun
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert output.read_text(encoding="utf-8") == "the previous report"
    assert f"nothing was checked; {output} is left as it was" in stderr


def test_ctrl_c_before_the_batch_exits_130_without_a_traceback(monkeypatch, tmp_path):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("procure_check.api.load_catalogue", interrupted)
    result = CliRunner().invoke(main, ["product", str(tmp_path)])
    assert result.exit_code == 130
    assert result.stderr == "procure-check: interrupted\n"


@pytest.mark.parametrize("fmt", ["rich", "json", "markdown", "html", "sarif", "junit", "csv"])
def test_every_format_marks_an_incomplete_report_and_names_what_was_not_checked(tmp_path, fmt):



    (sheet,) = _sheets(tmp_path, 1)
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22), lang="en")
    report = checker.report([checker.check_product(sheet)]).model_copy(
        update={"incomplete": True, "not_checked": ["in/never-reached.pdf"]})
    assert report.exit_code == 130
    if fmt == "rich":
        console = Console(file=io.StringIO(), width=120, no_color=True)
        print_report(report, console, "en")
        text = console.file.getvalue()
    else:
        text = render(report, fmt, "en")
    assert "in/never-reached.pdf" in text
    if fmt == "json":
        assert json.loads(text)["incomplete"] is True
    elif fmt == "sarif":
        run = json.loads(text)["runs"][0]
        assert run["invocations"][0]["executionSuccessful"] is False and run["properties"]["incomplete"] is True
    else:
        assert "interrupted" in text


def test_a_file_named_and_in_a_tender_folder_named_is_checked_with_its_folder(tmp_path):
    folder = tmp_path / "tender"
    (conditions,) = _sheets(folder, 1)
    result = CliRunner().invoke(main, ["tender", str(folder), str(conditions), str(folder), "--format", "json"],
                                catch_exceptions=False)
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"], d["files"]) for d in documents] == [(str(folder), [str(conditions)])]


def test_a_report_saved_in_a_tender_folder_is_skipped_and_the_tender_keeps_its_name(tmp_path):
    folder = tmp_path / "tender"
    (conditions,) = _sheets(folder, 1)
    saved = tmp_path / "report.md"
    assert CliRunner().invoke(main, ["tender", str(folder), "--output", str(saved)]).exit_code in (0, 1)
    (folder / "report.md").write_bytes(saved.read_bytes())
    result = CliRunner().invoke(main, ["tender", str(folder), "--format", "json"], catch_exceptions=False)
    (document,) = json.loads(result.stdout)["documents"]
    assert (document["path"], document["files"]) == (str(folder), [str(conditions)])
    assert f"note: {folder / 'report.md'}: a report written by procure-check; not checked" in result.stderr


class _InterruptedImport(types.ModuleType):
    """A module whose every name is being imported when Ctrl-C comes."""

    def __getattr__(self, name):
        raise KeyboardInterrupt


def test_ctrl_c_while_the_program_starts_exits_130_without_a_traceback(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "procure_check.cli", _InterruptedImport("procure_check.cli"))
    with pytest.raises(SystemExit) as exited:
        run()
    assert exited.value.code == 130
    assert capsys.readouterr().err == "procure-check: interrupted\n"


def test_the_program_is_the_command_line():
    completed = subprocess.run([sys.executable, "-m", "procure_check", "criteria", "show", "CLEAN-P01"],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0 and "CLEAN-P01" in completed.stdout
