"""A Checker shared between threads, and one Checker per thread, give exactly the verdicts of one thread.

The rules engine is one per process (`procure_check.engine.durable`). PDFium is not thread-safe, so the
documents are parsed once, before the threads start, and the threads check them from that cache: what runs
in parallel is fact extraction and the rules engine.
"""

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from itertools import cycle
from pathlib import Path

import pytest

from procure_check import check
from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.parse import parse_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
THREADS = 8
ROUNDS = 4
AS_OF = date(2026, 11, 22)


def _task_list() -> list[tuple[str, tuple[Path, ...]]]:
    products = sorted(path for path in (SAMPLES / "products").rglob("*") if path.suffix in (".pdf", ".docx", ".txt"))
    tenders = sorted(folder for folder in (SAMPLES / "tenders").iterdir() if folder.is_dir())
    documents = [tuple(sorted(path for path in folder.iterdir() if path.suffix in (".pdf", ".docx", ".txt", ".xml")))
                 for folder in tenders]
    # A tender handed out as one ZIP archive has no documents to parse beforehand.
    return [("product", (path,)) for path in products] + [("tender", paths) for paths in documents if paths]


TASKS = _task_list()


@pytest.fixture(scope="module", autouse=True)
def parsed_once():
    """Every sample parsed here, once; `Checker` then reads them from this cache in every thread."""
    cache = {}
    for kind, paths in TASKS:
        for path in paths:
            cache[path, kind == "tender"] = parse_document(path, tables=kind == "tender")
    patch = pytest.MonkeyPatch()
    patch.setattr(check, "parse_document", lambda path, *, tables=False, **_: cache[path, tables])
    yield
    patch.undo()


def _run(checker: Checker, task: tuple[str, tuple[Path, ...]]) -> str:
    kind, paths = task
    report = checker.check_product(paths[0]) if kind == "product" else checker.check_tender(list(paths))
    assert report.error is None, report.error
    return json.dumps([result.model_dump(mode="json") for result in report.results], sort_keys=True)


@pytest.fixture(scope="module")
def expected() -> dict:
    checker = Checker(load_catalogue(), as_of=AS_OF, lang="en")
    return {task: _run(checker, task) for task in TASKS}


def _work() -> list[tuple[str, tuple[Path, ...]]]:
    return [task for _ in range(ROUNDS) for task in TASKS]


def test_the_samples_are_many_and_of_both_kinds(expected):
    assert len(TASKS) >= 40 and {kind for kind, _ in TASKS} == {"product", "tender"}
    assert len(set(expected.values())) > len(TASKS) // 2, "the reports differ, so a mix-up would show"


def test_one_checker_shared_by_eight_threads(expected):
    checker = Checker(load_catalogue(), as_of=AS_OF, lang="en")
    work = _work()
    with ThreadPoolExecutor(THREADS) as pool:
        reports = list(pool.map(lambda task: _run(checker, task), work))
    wrong = [task[1][0].name for task, report in zip(work, reports, strict=True) if report != expected[task]]
    assert wrong == []


def test_one_checker_per_thread(expected):
    catalogue = load_catalogue()
    checkers = [Checker(catalogue, as_of=AS_OF, lang="en") for _ in range(THREADS)]
    work = list(zip(cycle(checkers), _work()))
    with ThreadPoolExecutor(THREADS) as pool:
        reports = list(pool.map(lambda item: _run(*item), work))
    wrong = [task[1][0].name for (_, task), report in zip(work, reports, strict=True) if report != expected[task]]
    assert wrong == []
