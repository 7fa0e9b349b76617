"""Checks in worker processes: input order, time limits that hold when a parser hangs, crashes that cost one
document, the per-document limits (too_large), and the CLI options for them."""

import ctypes
import faulthandler
import gc
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check import check
from procure_check.batch import Task, check_batch
from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.cli import main
from procure_check.limits import Limits
from procure_check.pool import default_start_method, run_batch

from .conftest import AS_OF

SWAN = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
Parfumefri.
"""
FORK = pytest.mark.skipif(default_start_method() != "fork", reason="patches in the test process reach forked workers")


def _work(item):
    """A task for `run_batch`: what `item` says, then its value and the worker's process id."""
    kind, value = item
    if kind == "sleep":
        time.sleep(value)
    elif kind == "hang":
        time.sleep(3600)
    elif kind == "exit":
        os._exit(value)
    elif kind == "segfault":
        _segfault()
    elif kind == "raise":
        raise ValueError("bad value\non two lines")
    elif kind == "memory":
        raise MemoryError
    elif kind == "print":
        print("noise on stdout")
    elif kind == "program":  # a program that hangs, as tesseract might: its pid goes to the file `value`
        program = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"])
        Path(value).write_text(str(program.pid))
        program.wait()
    return value, os.getpid()


def _segfault():
    """Crash as a C library would (without pytest's faulthandler printing a traceback from the worker)."""
    faulthandler.disable()
    ctypes.string_at(0)


def _values(outcomes):
    return [outcome.value[0] if outcome.value else outcome.failure for outcome in outcomes]


def test_results_come_in_input_order_while_later_items_finish_first():
    items = [("sleep", 0.3), ("sleep", 0.2), ("sleep", 0.1), ("sleep", 0.0), ("sleep", 0.05)]
    finished = []
    outcomes = list(run_batch(_work, items, jobs=2, on_done=finished.append))
    assert [outcome.index for outcome in outcomes] == [0, 1, 2, 3, 4]
    assert _values(outcomes) == [0.3, 0.2, 0.1, 0.0, 0.05]
    assert sorted(finished) == [0, 1, 2, 3, 4] and finished != [0, 1, 2, 3, 4]
    assert len({outcome.value[1] for outcome in outcomes}) == 2
    assert os.getpid() not in {outcome.value[1] for outcome in outcomes}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_item_times_out_and_the_others_are_done(jobs):
    items = [("sleep", 0.0), ("hang", None), ("sleep", 0.1), ("sleep", 0.2)]
    start = time.monotonic()
    outcomes = list(run_batch(_work, items, jobs=jobs, timeout=1))
    assert time.monotonic() - start < 4
    assert _values(outcomes) == [0.0, "timeout", 0.1, 0.2]
    assert outcomes[1].message == "no result within 1 s; stopped"


def test_a_program_run_by_a_hung_item_is_stopped_with_it(tmp_path):
    pid_file = tmp_path / "pid"
    (outcome,) = run_batch(_work, [("program", str(pid_file))], jobs=1, timeout=1)
    assert outcome.failure == "timeout"
    pid = int(pid_file.read_text())
    for _ in range(50):  # killed with the worker's process group
        if not _running(pid):
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        pytest.fail("the program outlived its worker")


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:  # gone, or no /proc
        return sys.platform != "linux"
    return state != "Z"


def test_a_crashing_worker_costs_only_its_item():
    items = [("sleep", 0.0), ("exit", 3), ("sleep", 0.1), ("segfault", None), ("sleep", 0.2)]
    outcomes = list(run_batch(_work, items, jobs=2, timeout=5))
    assert _values(outcomes) == [0.0, "crashed", 0.1, "crashed", 0.2]
    assert outcomes[1].message == "the worker process exited unexpectedly (exit code 3)"
    assert "SIGSEGV" in outcomes[3].message and "\n" not in outcomes[3].message


def test_exceptions_are_one_line_failures_and_stdout_stays_clean(capfd):
    items = [("raise", None), ("memory", None), ("print", 1), ("sleep", 0.0)]
    outcomes = list(run_batch(_work, items, jobs=1, timeout=5))
    assert _values(outcomes) == ["exception", "exception", 1, 0.0]
    assert outcomes[0].message == "ValueError: bad value on two lines"
    assert "MemoryError" in outcomes[1].message
    assert "noise on stdout" not in capfd.readouterr().out


def test_workers_are_recycled_after_max_tasks():
    outcomes = list(run_batch(_work, [("sleep", 0.0)] * 6, jobs=1, max_tasks=2))
    assert _values(outcomes) == [0.0] * 6
    assert len({outcome.value[1] for outcome in outcomes}) == 3


def test_spawned_workers_work_too():
    outcomes = list(run_batch(_work, [("sleep", 0.0), ("exit", 4)], jobs=1, timeout=30, start_method="spawn"))
    assert _values(outcomes) == [0.0, "crashed"]


def _collector(_item):
    return gc.get_threshold()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_collect_garbage_as_their_parent_does(method, monkeypatch):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    before = gc.get_threshold()
    gc.set_threshold(12_345, 6, 7)  # as the program sets it (procure_check.program)
    try:
        [outcome] = run_batch(_collector, [None], jobs=1, timeout=60, start_method=method)
    finally:
        gc.set_threshold(*before)
    assert outcome.value == (12_345, 6, 7)


def test_bad_arguments_and_no_items():
    assert list(run_batch(_work, [], jobs=2)) == []
    with pytest.raises(ValueError, match="jobs"):
        list(run_batch(_work, [("sleep", 0)], jobs=0))
    with pytest.raises(ValueError, match="timeout"):
        list(run_batch(_work, [("sleep", 0)], timeout=-1))


# Document checks: a parser that hangs or crashes is patched in the test process; forked workers inherit it.


@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    for name in ("a.txt", "hang.txt", "b.txt", "crash.txt", "c.txt"):
        (tmp_path / name).write_text(SWAN, encoding="utf-8")
    return tmp_path


@pytest.fixture
def bad_parser(monkeypatch):
    parse = check.parse_document

    def parse_document(path, **options):
        if path.name.startswith("hang"):
            time.sleep(3600)
        if path.name.startswith("crash"):
            _segfault()
        return parse(path, **options)

    monkeypatch.setattr(check, "parse_document", parse_document)


@FORK
def test_check_batch_reports_a_hung_and_a_crashed_document_and_the_others(sheets, bad_parser):
    checker = Checker(load_catalogue(), as_of=AS_OF, limits=Limits(timeout=1))
    tasks = [Task("product", (sheets / name,)) for name in ("a.txt", "hang.txt", "b.txt", "crash.txt", "c.txt")]
    tasks.append(Task("tender", (sheets / "b.txt", sheets / "hang.txt"), name="set"))
    start = time.monotonic()
    reports = list(check_batch(checker, tasks, jobs=2))
    assert time.monotonic() - start < 5
    assert [Path(report.path).name for report in reports] == ["a.txt", "hang.txt", "b.txt", "crash.txt", "c.txt", "set"]
    assert [report.error.code if report.error else None for report in reports] == [
        None, "timeout", None, "crashed", None, "timeout"
    ]
    assert reports[1].error.message == "not finished within the time limit of 1 s (--timeout); stopped"
    assert "SIGSEGV" in reports[3].error.message and not reports[3].results and reports[3].summary is None
    assert reports[5].kind == "tender" and reports[5].files == [str(sheets / "b.txt"), str(sheets / "hang.txt")]
    assert all(report.summary.compliant for report in reports if not report.error)


def _cli(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, ["product", *args, "--format", "json"],
                                                    catch_exceptions=False)


@FORK
def test_cli_timeout_is_an_error_for_that_document_only(sheets, bad_parser):
    start = time.monotonic()
    result = _cli(str(sheets / "a.txt"), str(sheets / "hang.txt"), str(sheets / "b.txt"), "--timeout", "1",
                  "--jobs", "2")
    assert time.monotonic() - start < 5
    assert result.exit_code == 2
    documents = json.loads(result.stdout)["documents"]
    assert [d["error"]["code"] if d["error"] else None for d in documents] == [None, "timeout", None]
    message = "not finished within the time limit of 1 s (--timeout); stopped"
    assert result.stderr.splitlines() == [f"procure-check: {sheets / 'hang.txt'}: {message} [timeout]"]


def test_json_stdout_is_clean_with_two_jobs(sheets):
    result = _cli(str(sheets), "--jobs", "2")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)["documents"]
    assert [Path(d["path"]).name for d in documents] == ["a.txt", "b.txt", "c.txt", "crash.txt", "hang.txt"]
    assert result.stderr == ""


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    for _ in range(pages):
        pdf.drawString(72, 720, "Rengøringsmiddel. Produktet er Svanemærket.")
        pdf.showPage()
    pdf.save()
    return path


THREE_PAGES = SWAN + "\f" + SWAN + "\f" + SWAN


@pytest.mark.parametrize(
    ("name", "content", "option", "message"),
    [
        ("big.txt", SWAN * 10, ["--max-file-size", "1KB"], "the file is 1.8 KB, more than the limit of 1 KB"),
        ("pages.txt", THREE_PAGES, ["--max-pages", "2"], "3 pages, more than the limit of 2 (--max-pages)"),
        ("pages.pdf", 3, ["--max-pages", "2"], "3 pages, more than the limit of 2 (--max-pages)"),
        ("chars.txt", SWAN * 2, ["--max-chars", "200"], "340 characters of text, more than the limit of 200"),
    ],
    ids=["file-size", "text-pages", "pdf-pages", "chars"],
)
def test_each_limit_gives_too_large_with_exit_2_and_one_line(tmp_path, name, content, option, message):
    path = tmp_path / name
    if isinstance(content, int):
        _pdf(path, content)
    else:
        path.write_text(content, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(SWAN, encoding="utf-8")
    result = _cli(str(path), str(tmp_path / "ok.txt"), *option)
    assert result.exit_code == 2
    limited, ok = json.loads(result.stdout)["documents"]
    assert limited["error"]["code"] == "too_large" and message in limited["error"]["message"]
    assert limited["results"] == [] and limited["summary"] is None  # never a partial result or a pass
    assert ok["error"] is None and ok["summary"]["compliant"]
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"procure-check: {path}: ") and line.endswith("[too_large]")
    no_limit = _cli(str(path), *[option[0], "0"])
    assert json.loads(no_limit.stdout)["documents"][0]["error"] is None


def test_limits_apply_to_every_file_of_a_tender_set(tmp_path):
    (tmp_path / "udbud.txt").write_text("Udbud af rengøringsmidler.\n" * 10, encoding="utf-8")
    (tmp_path / "bilag.txt").write_text("Bilag\n" * 1000, encoding="utf-8")
    result = CliRunner().invoke(main, ["tender", str(tmp_path), "--max-chars", "1000", "--format", "json"])
    assert result.exit_code == 2
    (document,) = json.loads(result.stdout)["documents"]
    assert document["error"]["code"] == "too_large" and "bilag.txt" in document["error"]["message"]


@pytest.mark.parametrize(
    "option", [["--jobs", "0"], ["--jobs", "-1"], ["--timeout", "-1"], ["--max-pages", "-5"],
               ["--max-file-size", "lots"], ["--max-chars", "many"]],
)
def test_bad_option_values_are_usage_errors(sheets, option):
    result = _cli(str(sheets / "a.txt"), *option)
    assert result.exit_code == 2
    assert f"Invalid value for '{option[0]}'" in result.stderr
    assert result.stdout == ""


def test_file_sizes_read_with_units():
    from procure_check.options import FileSize

    size = FileSize()
    assert [size.convert(v, None, None) for v in ("100MB", "500kb", "2GB", "1.5MiB", "7", "0")] == [
        100_000_000, 500_000, 2_000_000_000, 1_572_864, 7_000_000, 0
    ]


def test_progress_bar_goes_to_a_terminal_stderr_and_json_stdout_stays_clean(sheets):
    """A real terminal on stderr (a pseudo-terminal), two jobs, JSON on stdout."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "procure_check", "product", str(sheets / "a.txt"), str(sheets / "b.txt"),
             str(sheets / "c.txt"), "--format", "json", "--jobs", "2"],
            stdout=subprocess.PIPE, stderr=follower, timeout=60, check=False,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert completed.returncode == 0
    assert len(json.loads(completed.stdout)["documents"]) == 3
    assert b"checking" in shown  # the bar was drawn (and cleared: transient)
