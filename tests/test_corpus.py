"""The real command line over a corpus of real-world and malformed PDFs (`shared/corpus/pdf`, beside the
repository): no traceback, a report or a clean error code for every file, within a bounded time.

The corpus is not part of the repository; CI clones it beside the repository. Without it, these tests skip.
"""

import collections
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"
ENCRYPTION = CORPUS / "pdfminer" / "samples" / "encryption"

STABLE_CODES = {"encrypted", "corrupt", "no_text", "too_large", "timeout", "unsupported"}
"""What an unreadable PDF may be reported as. Anything else (`crashed`, an unknown code) is a bug."""
DOCUMENT_TIMEOUT = 60
"""Seconds per document (`--timeout`, where the command line has it)."""
RUN_BUDGET = 300
"""Seconds for the whole corpus. It takes about 10 s on one core; a hang must not stall CI for long."""
CHUNK = 30
"""Files per process when the command line has no `--timeout` (a hang then fails only its chunk)."""

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"PDF corpus not found at {CORPUS}")


def _cli(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "procure_check", *args], cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, check=False)


def _has_option(option: str) -> bool:
    return option in _cli("product", "--help", timeout=60).stdout


def _check_run(completed: subprocess.CompletedProcess, files: list[str]) -> list[dict]:
    """The documents of one run, after checking the run as a whole."""
    output = completed.stdout + completed.stderr
    assert "Traceback" not in output, completed.stderr[-3000:]
    assert completed.returncode in (0, 1, 2), (completed.returncode, completed.stderr[-3000:])
    documents = json.loads(completed.stdout)["documents"]
    assert sorted(document["path"] for document in documents) == sorted(files)
    has_error = any(document["error"] for document in documents)
    assert (completed.returncode == 2) == has_error, completed.returncode
    if not has_error:
        compliant = all(document["summary"]["compliant"] for document in documents)
        assert completed.returncode == (0 if compliant else 1)
    lines = completed.stderr.splitlines()
    assert all(line.startswith("procure-check: ") for line in lines), lines
    for document in documents:
        if document["error"]:
            assert f"procure-check: {document['path']}: " in completed.stderr
    return documents


def test_every_corpus_pdf_gives_a_report_or_a_clean_error(capsys):
    files = sorted(str(path) for path in CORPUS.rglob("*") if path.suffix.lower() == ".pdf" and path.is_file())
    assert len(files) > 100
    options = ["--format", "json", "--group", "cleaning"]
    started = time.monotonic()
    if _has_option("--timeout"):
        runs = [(files, _cli("product", *files, *options, "--timeout", str(DOCUMENT_TIMEOUT), timeout=RUN_BUDGET))]
    else:
        runs = [(chunk, _cli("product", *chunk, *options, timeout=RUN_BUDGET / 3))
                for chunk in (files[k : k + CHUNK] for k in range(0, len(files), CHUNK))]
    elapsed = time.monotonic() - started
    documents = [document for chunk, completed in runs for document in _check_run(completed, chunk)]

    outcomes = collections.Counter()
    for document in documents:
        error = document["error"]
        if error:
            assert error["code"] in STABLE_CODES, (document["path"], error)
            assert error["message"] and "\n" not in error["message"]
            assert document["results"] == [] and document["summary"] is None, document["path"]
            outcomes[error["code"]] += 1
        else:
            assert [r["criterion"] for r in document["results"]] == ["CLEAN-P01", "CLEAN-P02", "CLEAN-P03",
                                                                    "CLEAN-P04"], document["path"]
            for result in document["results"]:
                assert result["verdict"] != "pass" or result["evidence"], (document["path"], result)
            outcomes["report"] += 1
    assert not any(result["verdict"] == "pass" for d in documents if d["error"] for result in d["results"])
    summary = ", ".join(f"{count} {outcome}" for outcome, count in outcomes.most_common())
    # None of these is a data sheet of the group: a pass is worth a look (it is shown, not failed).
    passes = [f"{Path(d['path']).name} {r['criterion']}"
              for d in documents for r in d["results"] if r["verdict"] == "pass"]
    with capsys.disabled():
        print(f"\ncorpus: {len(files)} PDFs in {elapsed:.1f} s ({len(runs)} run(s)): {summary}; "
              f"{len(passes)} pass(es){': ' + ', '.join(passes) if passes else ''}")
    assert elapsed < RUN_BUDGET, f"the corpus took {elapsed:.0f} s"


@pytest.mark.skipif(not ENCRYPTION.is_dir(), reason="no encrypted samples in the corpus")
def test_encrypted_corpus_pdfs_open_with_their_password():
    """cpdf encrypted base.pdf with owner password "foo" and user password "baz" (samples-README)."""
    files = [str(ENCRYPTION / name) for name in ("rc4-40.pdf", "aes-256.pdf")]
    options = ["--format", "json", "--group", "cleaning"]
    locked = _check_run(_cli("product", *files, *options, timeout=120), files)
    assert [document["error"]["code"] for document in locked] == ["encrypted", "encrypted"]
    assert all("--password" in document["error"]["message"] for document in locked)
    wrong = _check_run(_cli("product", *files, *options, "--password", "qux", timeout=120), files)
    assert all(document["error"]["message"].startswith("wrong password") for document in wrong)
    for password in ("baz", "foo"):
        opened = _check_run(_cli("product", *files, *options, "--password", password, timeout=120), files)
        for document in opened:
            assert document["error"] is None, document
            assert document["pages"] >= 1 and len(document["results"]) == 4
