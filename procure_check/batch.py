"""Checks in worker processes (`procure_check.pool`): a time limit per document, and a crash that costs one
document, never the run. `check_batch` plans the items (`procure_check.plan`), runs them, and turns every
failure into a `DocumentReport` with an error.

Workers are forked where that is safe: before they are, the parent warms up (`warm_up`), so that every
worker inherits the loaded parsers, patterns and compiled rulesets instead of building its own.
durable-rules keeps one engine per process (`procure_check.engine.durable`), with a session per document.
"""

from __future__ import annotations

import collections
import copy
import functools
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any

from procure_check.cache import Cache
from procure_check.check import Checker, error_report
from procure_check.errors import DocumentError
from procure_check.parse.tabular import row_document, row_path
from procure_check.plan import (
    ROWS_PER_CHUNK,
    Context,
    FileWork,
    Plan,
    ProductList,
    RowToCheck,
    RowWork,
    SharedResults,
    Task,
    plan_items,
)
from procure_check.pool import default_jobs, default_start_method, run_batch
from procure_check.results import DocumentReport, ErrorInfo
from procure_check.workers import one_line

log = logging.getLogger(__name__)


def check_batch(
    checker: Checker,
    tasks: Iterable[Task | ProductList],
    *,
    jobs: int | None = None,
    on_done: Callable[[int], Any] | None = None,
    start_method: str | None = None,
    cache: Cache | None = None,
    rows_per_chunk: int = ROWS_PER_CHUNK,
) -> Iterator[DocumentReport]:
    """The reports of `tasks`, in order, checked in worker processes within `checker.limits.timeout`.

    Tasks are read only as the workers are about to need them, so a product list of any length
    streams through. `on_done(count)` is called whenever `count` more reports are finished.

    A check that times out, crashes its worker or raises becomes a report with an error (`timeout`,
    `crashed`); the other tasks go on. A chunk of product-list rows that fails is checked again a row
    at a time, so that the failure costs one row. With a `cache`, documents found in it are not
    checked again (the lookup hashes the file, here), and the workers store what they check.
    """
    method = start_method or default_start_method()
    checker = _with_spare_cpus(checker, tasks, jobs or default_jobs())
    timeout = checker.limits.timeout
    plans: collections.deque[Plan] = collections.deque()  # one per item given to run_batch, in order
    sizes: dict[int, int] = {}  # reports per item (by index) until the item is finished
    counter = itertools.count()

    def register(plan: Plan, item: Any) -> Any:
        sizes[next(counter)] = plan.size
        plans.append(plan)
        return item

    def done(index: int) -> None:
        size = sizes.pop(index, 1)
        if on_done is not None:
            on_done(size)

    work = functools.partial(_work, checker, cache)
    context = Context(work, jobs, timeout, method, SharedResults())
    items = plan_items(checker, cache, tasks, rows_per_chunk, register, context.shared)
    before_start = functools.partial(warm_up, checker) if method == "fork" else None
    for outcome in run_batch(work, items, jobs=jobs, timeout=timeout, start_method=method, on_done=done,
                             before_start=before_start):
        yield from plans.popleft().reports(outcome, context)


def _with_spare_cpus(checker: Checker, tasks: Iterable[Task | ProductList], jobs: int) -> Checker:
    """The checker for the run: where it has fewer documents than jobs, each document's check may use the
    jobs no document takes (`Checker.processes`)."""
    if not isinstance(tasks, Sized) or not 0 < len(tasks) < jobs or any(isinstance(t, ProductList) for t in tasks):
        return checker
    shared = copy.copy(checker)
    shared.processes = jobs // len(tasks)
    return shared


def run_task(checker: Checker, task: Task) -> DocumentReport:
    """The check of one task, in this process."""
    if task.kind == "tender":
        return checker.check_tender(list(task.paths), task.group, task.name)
    return checker.check_product(task.paths[0], task.group)


def _work(checker: Checker, cache: Cache | None, item: FileWork | RowWork) -> DocumentReport | list[str]:
    """In a worker: a document's report, or the reports of rows as JSON (cheaper to send than models)."""
    if isinstance(item, RowWork):
        return [_check_row(checker, cache, item.path, row).model_dump_json(by_alias=True) for row in item.rows]
    report = run_task(checker, item.task)
    if cache is not None and item.slot is not None:
        cache.store_files(item.slot, report)
    return report


def _check_row(checker: Checker, cache: Cache | None, path: str, work: RowToCheck) -> DocumentReport:
    try:
        report = checker.check_product_document(row_document(path, work.row, work.sha256, checker.limits),
                                                work.group)
    except DocumentError as error:  # over a limit
        return error_report(row_path(path, work.row.number), "product", error)
    except Exception as exc:  # a fault in one row's check costs that row, not its chunk
        log.debug("row %d of %s failed", work.row.number, path, exc_info=True)
        return DocumentReport(path=row_path(path, work.row.number), kind="product",
                              error=ErrorInfo(code="crashed", message=f"internal error ({one_line(exc)})"))
    if cache is not None and work.key is not None:
        cache.put(work.key, report)
    return report


def warm_up(checker: Checker) -> None:
    """Before workers are forked: import the parsers, check a product and a tender on a small document, and
    compile every group's rulesets, once here, so that every worker inherits them instead of building its own
    (about a tenth of a second per worker, and workers are replaced every `MAX_TASKS` items)."""
    try:
        import pdfminer.pdfdocument
        import pdfminer.pdfpage
        import pdfminer.pdfparser  # noqa: F401  (the integrity check of PDFs)

        import procure_check.parse.docx
        import procure_check.parse.pdf  # noqa: F401

        checker.warm_up()
        checker.compile_rulesets()
    except Exception:  # only a head start: the workers build what is missing
        log.debug("warming up failed", exc_info=True)


__all__ = ["ProductList", "Task", "check_batch", "run_task", "warm_up"]
