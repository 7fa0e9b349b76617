"""Planning a batch: what to check (`Task`, `ProductList`), the items handed to worker processes, and a plan
per item that turns its outcome into reports.

An item is a document or tender set (`FileWork`), or a chunk of product-list rows (`RowWork`). Reports
found in the cache, and errors met while reading a product list, need no worker: their plans hold them
(`KnownPlan`). A chunk of rows that fails is checked again a row at a time by its plan (`RowsPlan`), so
that the failure costs one row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from procure_check.cache import Cache, Slot
from procure_check.check import Checker, Kind
from procure_check.errors import DocumentError
from procure_check.parse.tabular import Mapping, Row, read_rows, row_path
from procure_check.pool import Done, Outcome, run_batch
from procure_check.results import DocumentReport, ErrorInfo, Result, Summary

log = logging.getLogger(__name__)

ROWS_PER_CHUNK = 100
"""Rows of a product list per worker task: enough that handing out a task costs little beside its
checks (0.1–0.3 s of work), few enough that the workers share the end of a list evenly and that a
chunk that fails (its rows are then checked again one at a time) is quick to redo."""


class Task(NamedTuple):
    """One check: a product data sheet (one path), or a tender set (its files, checked together)."""

    kind: Kind
    paths: tuple[Path, ...]
    group: str | None = None
    name: str | None = None
    """A tender set's name in the report (default: its first file)."""

    @property
    def label(self) -> str:
        return self.name or str(self.paths[0])


class ProductList(NamedTuple):
    """A product list (CSV, XLSX, JSON): each row is checked as a product data sheet of its own
    (`procure_check.parse.tabular`), in chunks of rows per worker task."""

    path: Path
    mapping: Mapping | None = None
    group: str | None = None
    """`--group`: the group of every row (it goes before a group column)."""

    @property
    def label(self) -> str:
        return str(self.path)


class FileWork(NamedTuple):
    """For a worker: a document (or tender set) to check, and where to store its report in the cache."""

    task: Task
    slot: Slot | None = None


class RowToCheck(NamedTuple):
    """For a worker: a row of a product list, its digest, its group and its cache key."""

    row: Row
    sha256: str
    group: str | None
    key: str | None


class RowWork(NamedTuple):
    """For a worker: rows of the product list at `path` to check."""

    path: str
    rows: tuple[RowToCheck, ...]


class Context(NamedTuple):
    """What plans need: how to check rows again one at a time when their chunk failed (`work`, `jobs`,
    `method`), the time limit for failure messages, and the shared results."""

    work: Callable
    jobs: int | None
    timeout: float | None
    method: str
    shared: SharedResults


class Plan:
    """What becomes of one item given to the pool: its reports, from the item's outcome."""

    size = 1
    """How many reports it gives."""

    def reports(self, outcome: Outcome, context: Context) -> Iterator[DocumentReport]:
        raise NotImplementedError


class KnownPlan(Plan):
    """Reports known without a worker: cached, or an error found while reading a product list."""

    def __init__(self, reports: list[DocumentReport]):
        self.known = reports
        self.size = len(reports)

    def reports(self, outcome: Outcome, context: Context) -> Iterator[DocumentReport]:
        yield from self.known


class TaskPlan(Plan):
    """A document or tender set that a worker checks."""

    def __init__(self, task: Task):
        self.task = task

    def reports(self, outcome: Outcome, context: Context) -> Iterator[DocumentReport]:
        task = self.task
        if outcome.failure is None:
            yield outcome.value
        else:
            files = [str(p) for p in task.paths] if task.kind == "tender" else None
            yield failed_report(task.label, task.kind, files, outcome, context.timeout)


class RowsPlan(Plan):
    """A chunk of rows: those found in the cache (or known to be wrong), and those a worker checks (`work`)."""

    def __init__(self, path: str, known: list[DocumentReport | None], work: RowWork | None):
        self.path, self.known, self.work = path, known, work
        self.size = len(known)

    def reports(self, outcome: Outcome, context: Context) -> Iterator[DocumentReport]:
        checked: list[DocumentReport] = []
        if self.work is not None:
            if outcome.failure is None:
                checked = [context.shared(DocumentReport.model_validate_json(text)) for text in outcome.value]
            else:  # find the row that failed: each on its own
                log.debug("a chunk of %s failed (%s): checking its rows one at a time", self.path, outcome.failure)
                items = [self.work._replace(rows=(row,)) for row in self.work.rows]
                retries = run_batch(context.work, items, jobs=context.jobs, timeout=context.timeout,
                                    start_method=context.method)
                for row, retried in zip(self.work.rows, retries, strict=True):
                    if retried.failure is None:
                        checked.append(context.shared(DocumentReport.model_validate_json(retried.value[0])))
                    else:
                        checked.append(failed_report(row_path(self.path, row.row.number), "product", None, retried,
                                                     context.timeout))
        fresh = iter(checked)
        for report in self.known:
            yield report if report is not None else next(fresh)


class SharedResults:
    """Results (and summaries) met before, by value, so that equal ones are kept once.

    Rows of a product list repeat results (the same criterion unknown for the same reason, the same
    claim quoted from the same column): kept once, a long list's reports take a fraction of the
    memory. Reports are not changed in place after checking (waivers make copies), so sharing is safe.
    """

    LIMIT = 100_000

    def __init__(self) -> None:
        self.results: dict[tuple, Result] = {}
        self.summaries: dict[tuple, Summary] = {}

    def __call__(self, report: DocumentReport) -> DocumentReport:
        results = []
        for result in report.results:
            key = (result.criterion, result.title, result.severity, result.verdict, result.reason,
                   result.waived_verdict, result.waiver,
                   tuple((e.page, e.text, e.bbox, e.ocr, e.document) for e in result.evidence))
            shared = self.results.get(key)
            if shared is None:
                if len(self.results) >= self.LIMIT:
                    self.results.clear()
                shared = self.results[key] = result
            results.append(shared)
        report.results = results
        if report.summary is not None:
            report.summary = self.summaries.setdefault(tuple(report.summary.model_dump().values()), report.summary)
        return report


def failed_report(label: str, kind: Kind, files: list[str] | None, outcome: Outcome,
                  timeout: float | None) -> DocumentReport:
    """The report of a check that timed out, crashed its worker or raised."""
    if outcome.failure == "timeout":
        code, message = "timeout", f"not finished within the time limit of {timeout:g} s (--timeout); stopped"
    elif outcome.failure == "crashed":
        code, message = "crashed", f"the check crashed: {outcome.message}"
    elif "MemoryError" in outcome.message:
        code, message = "crashed", "the check ran out of memory"
    else:
        code, message = "crashed", f"internal error ({outcome.message})"
    return DocumentReport(path=label, kind=kind, files=files, error=ErrorInfo(code=code, message=message))


Register = Callable[[Plan, Any], Any]
"""Registers an item's plan just before the item is given to the pool; returns the item."""


def plan_items(checker: Checker, cache: Cache | None, tasks: Iterable[Task | ProductList], rows_per_chunk: int,
               register: Register, shared: SharedResults) -> Iterator[Any]:
    """The items for `run_batch`, each registered with its plan just before it is given. Product lists are
    read as the items are taken, so a list of any length streams through."""
    for task in tasks:
        if isinstance(task, ProductList):
            yield from _list_items(checker, cache, task, rows_per_chunk, register, shared)
            continue
        if cache is None:
            yield register(TaskPlan(task), FileWork(task))
            continue
        known, slot = cache.find_files(task.kind, task.group, task.label, task.paths, checker.limits.max_file_size)
        if known is not None:
            yield register(KnownPlan([known]), Done(None))
        else:
            yield register(TaskPlan(task), FileWork(task, slot))


def _list_items(checker: Checker, cache: Cache | None, task: ProductList, rows_per_chunk: int,
                register: Register, shared: SharedResults) -> Iterator[Any]:
    """The rows of a product list in chunks; an error reading it is a report for the list, after the
    rows read before it."""
    chunk: list[Row] = []
    try:
        for row in read_rows(task.path, task.mapping, checker.limits):
            chunk.append(row)
            if len(chunk) == rows_per_chunk:
                yield _rows_item(checker, cache, task, chunk, register, shared)
                chunk = []
    except DocumentError as error:
        if chunk:
            yield _rows_item(checker, cache, task, chunk, register, shared)
            chunk = []
        report = DocumentReport(path=task.label, kind="product", error=ErrorInfo(code=error.code,
                                                                                 message=error.message))
        yield register(KnownPlan([report]), Done(None))
    if chunk:
        yield _rows_item(checker, cache, task, chunk, register, shared)


def _rows_item(checker: Checker, cache: Cache | None, task: ProductList, rows: list[Row], register: Register,
               shared: SharedResults) -> Any:
    where = task.label
    groups = {name.lower(): name for name in checker.catalogue.product_groups}
    column = task.mapping.group if task.mapping else None
    known: list[DocumentReport | None] = []
    work = []
    for row in rows:
        group = task.group or (groups.get(row.group.strip().lower()) if row.group else None)
        if group is None and row.group and not task.group:
            known.append(DocumentReport(path=row_path(where, row.number), kind="product", error=ErrorInfo(
                code="no_group", message=f"unknown group '{row.group}' in the column '{column}' "
                                         f"(known: {', '.join(checker.catalogue.product_groups)})")))
            continue
        digest = row.sha256
        key = cache.row_key(group, digest) if cache is not None else None
        cached = cache.get(key) if key is not None else None
        if cached is not None and cached.kind == "product":
            cached.path = row_path(where, row.number)  # read just now: nobody else holds it
            known.append(shared(cached))
            continue
        known.append(None)
        work.append(RowToCheck(row, digest, group, key))
    if not work:
        return register(RowsPlan(where, known, None), Done(None))
    item = RowWork(where, tuple(work))
    return register(RowsPlan(where, known, item), item)


def not_finished(tasks: list[Task | ProductList], reports: list[DocumentReport]) -> list[str]:
    """After an interrupted batch: the labels of the tasks whose reports are not all among `reports`
    (which come in task order). A product list whose rows are the last reports may be cut short: it counts."""
    position = 0
    for number, task in enumerate(tasks):
        if isinstance(task, Task):
            if position < len(reports) and reports[position].path == task.label:
                position += 1
                continue
        else:  # its rows (`list.csv#row-N`), then perhaps an error for the list
            rows = task.label + "#row-"
            while position < len(reports) and (reports[position].path.startswith(rows)
                                               or reports[position].path == task.label):
                position += 1
            if position < len(reports):
                continue
        return [task.label for task in tasks[number:]]
    return []
