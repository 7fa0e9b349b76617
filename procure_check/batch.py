"""Checks in worker processes: a wall-clock limit per document that holds even when a parser hangs in
C code, and a crash (a segfault in a C library, a MemoryError) that costs one document, never the run.

`run_batch(function, items, ...)` is the generic part: it calls a picklable `function` on each item
in a pool of worker processes and yields an `Outcome` per item, in input order. `check_batch`
runs document checks with it and turns every failure into a `DocumentReport` with an error.

- Each worker runs one item at a time, so a document's time limit starts when it is handed to a
  worker. A worker past its deadline is killed (SIGKILL: a C call cannot ignore it) and replaced;
  its item is a `timeout`. A worker that dies is replaced and its item is `crashed`.
- Workers are forked where that is safe (Linux and other Unixes, not macOS): they inherit the loaded
  catalogue, the checker and its compiled rulesets, and start in milliseconds. Elsewhere they are
  spawned, and `function` and the items are pickled. PDFium is not thread-safe: processes, never threads.
- A worker is replaced after `max_tasks` items, after an unexpected exception, or when its memory
  exceeds `max_memory`, so no state accumulates. durable-rules keeps one engine per process
  (`procure_check.engine.durable`), with a session per document.
- The parent starts no threads, so forking stays safe (the progress bar refreshes from the caller).
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import functools
import gc
import hashlib
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Generic, Literal, NamedTuple, TypeVar

from procure_check.cache import Cache, FileStamp, stamp
from procure_check.check import Checker, Kind
from procure_check.errors import DocumentError
from procure_check.limits import format_size
from procure_check.parse.tabular import Mapping, Row, read_rows, row_document, row_path
from procure_check.results import DocumentError as ErrorModel
from procure_check.results import DocumentReport, Result, Summary

log = logging.getLogger(__name__)

T = TypeVar("T")
Item = TypeVar("Item")

Failure = Literal["timeout", "crashed", "exception"]
"""`timeout`: killed at its deadline; `crashed`: the worker process died; `exception`: `function` raised."""

MAX_TASKS = 100
"""Items per worker process before it is replaced."""
MAX_MEMORY = 1_500_000_000
"""Resident bytes after which a worker process is replaced (checked after each item)."""
_STARTUP_FAILURES = 3  # workers in a row that die before they are ready: give up


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What became of one item: its `value`, or a `failure` with a one-line `message`."""

    index: int
    value: T | None = None
    failure: Failure | None = None
    message: str = ""


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_start_method() -> str:
    """`fork` where it is available and safe (not macOS, where system libraries break after fork), else `spawn`."""
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return "fork"
    return "spawn"


class BatchError(RuntimeError):
    """Worker processes cannot be started: the run cannot go on."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """An item of `run_batch` whose value is already known (e.g. from a cache): no worker runs it."""

    value: T


def run_batch(
    function: Callable[[Item], T],
    items: Iterable[Item | Done[T]],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    max_tasks: int = MAX_TASKS,
    max_memory: int | None = MAX_MEMORY,
    start_method: str | None = None,
    on_done: Callable[[int], Any] | None = None,
    max_ahead: int | None = None,
    before_start: Callable[[], Any] | None = None,
) -> Iterator[Outcome[T]]:
    """`function(item)` for every item in `jobs` worker processes (default: one per CPU, at most one per
    item; `jobs=1` still uses a worker, so that `timeout` holds), each with at most `timeout` seconds
    of wall-clock time (`None`: no limit). Yields one `Outcome` per item, in input order; `on_done(index)`
    is called as soon as an item is finished, in any order (for progress bars).

    `items` is read lazily, at most `max_ahead` items (default: 4 per job, at least 16) beyond the
    first one whose outcome is not yet yielded, so that a long stream of items needs little memory. A
    `Done` item is finished at once with its value; no worker is started until an item needs one, and
    `before_start()` is called just before the first is (to prepare what forked workers inherit).

    `function` and the items must be picklable unless the start method is `fork`; the values must be
    picklable always. Closing the iterator early (or an exception in the caller) kills the workers.
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive or None, not {timeout}")
    jobs = jobs or default_jobs()
    ahead = max_ahead or max(16, 4 * jobs)
    source = iter(items)
    waiting: collections.deque[tuple[int, Any]] = collections.deque()  # read, not yet given to a worker
    finished: dict[int, Outcome[T]] = {}
    read = next_result = 0
    exhausted = False
    pool: _Pool | None = None

    def read_one() -> None:
        nonlocal read, exhausted
        try:
            item = next(source)
        except StopIteration:
            exhausted = True
            return
        index, read = read, read + 1
        if isinstance(item, Done):
            finished[index] = Outcome(index, value=item.value)
            _notify(on_done, index)
        else:
            waiting.append((index, item))

    try:
        while True:
            # Read on while workers (or the pool about to start) could take more, within the look-ahead.
            wanted = jobs if pool is None else len(pool.idle())
            while not exhausted and read - next_result < ahead and len(waiting) < max(wanted, 1):
                read_one()
            while next_result in finished:
                yield finished.pop(next_result)
                next_result += 1
            if exhausted and next_result == read:
                break
            if pool is None:
                if not waiting:
                    continue  # only finished items so far: read on
                if before_start is not None:
                    before_start()
                context = multiprocessing.get_context(start_method or default_start_method())
                pool = _Pool(context, function, min(jobs, len(waiting)) if exhausted else jobs, max_tasks, max_memory)
                pool.start()
            for worker in pool.idle():
                if not waiting:
                    break
                index, item = waiting.popleft()
                failure = worker.give(index, item, timeout)
                if failure is not None:  # the item cannot be pickled
                    finished[index] = failure
                    _notify(on_done, index)
            if next_result in finished:
                continue
            if not waiting and not pool.busy() and pool.ready() and not exhausted and read - next_result < ahead:
                continue  # the workers are idle: read on
            for outcome in pool.step(timeout, more=bool(waiting) or not exhausted):
                finished[outcome.index] = outcome
                _notify(on_done, outcome.index)
    finally:
        if pool is not None:
            pool.close()


def _notify(on_done: Callable[[int], Any] | None, index: int) -> None:
    if on_done is not None:
        on_done(index)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, function: Callable, max_tasks: int, max_memory: int | None, close: list[int]):
        self.conn, child = context.Pipe()
        # A forked child inherits the parent's ends of every pipe, its own included: it closes them, so
        # that it sees the end of its pipe when the parent goes.
        forked = context.get_start_method() == "fork"
        close = [*close, self.conn.fileno()] if forked else []
        self.process = context.Process(
            target=_serve, args=(child, function, max_tasks, max_memory, close), daemon=True,
            name="procure-check-worker",
        )
        if forked:
            # The child's garbage collector leaves what it inherits alone (gc.freeze), else a collection would
            # touch, and so copy, every object of the parent: a worker started late in a long run (the reports
            # read so far) would grow by the parent's size.
            gc.freeze()
        try:
            self.process.start()
        finally:
            if forked:
                gc.unfreeze()
        child.close()
        self.ready = False
        self.index: int | None = None  # the item it is working on
        self.deadline: float | None = None
        self.timeout: float | None = None
        self.retiring = False
        self.stopping = False

    def give(self, index: int, item: Any, timeout: float | None) -> Outcome | None:
        try:
            self.conn.send((index, item))
        except (OSError, EOFError):  # it died while idle: `step` notices, and reports the item crashed
            pass
        except Exception as exc:
            return Outcome(index, failure="exception", message=f"cannot send the item to a worker ({_one_line(exc)})")
        self.index, self.timeout = index, timeout
        self.deadline = time.monotonic() + timeout if timeout is not None else None
        return None

    def read(self) -> tuple[list[Outcome], bool]:
        """The outcomes it sent, and whether its pipe is closed."""
        outcomes = []
        try:
            while self.conn.poll():
                message = self.conn.recv()
                if message == "ready":
                    self.ready = True
                    continue
                index, failure, text, value, retire = message
                outcomes.append(Outcome(index, value=value, failure=failure, message=text))
                self.index = self.deadline = None
                self.retiring = self.retiring or retire
        except (EOFError, OSError):
            return outcomes, True
        return outcomes, False

    def stop(self, kill: bool = False, join: bool = True) -> None:
        """Tell it to stop (or kill it), and wait until it has (a few seconds at most, then kill it)."""
        if self.conn.closed:
            return
        if kill:
            self.stopping = True
            self._kill()
        elif not self.stopping:
            self.stopping = True
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
        if not join:
            return
        self.process.join(1 if kill else 5)
        if self.process.is_alive():
            self._kill()
            self.process.join(1)
        self.conn.close()
        with contextlib.suppress(ValueError):
            self.process.close()

    def _kill(self) -> None:
        """SIGKILL to its process group (it leads one: a program it runs, such as tesseract, goes too)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (AttributeError, OSError):  # not POSIX, or not yet a group leader
            self.process.kill()

    def death(self) -> str:
        """Why its process ended, in a few words."""
        self.process.join(1)
        code = self.process.exitcode
        if code is None:
            return "the worker process stopped responding"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            reason = {"SIGSEGV": "a segmentation fault", "SIGKILL": "killed, perhaps for lack of memory",
                      "SIGABRT": "aborted", "SIGBUS": "a bus error"}.get(name, name)
            return f"the worker process died ({reason}, {name})"
        return f"the worker process exited unexpectedly (exit code {code})"


class _Pool:
    """Worker processes that are replaced when they retire, hang, or die."""

    def __init__(self, context: Any, function: Callable, size: int, max_tasks: int, max_memory: int | None):
        self.context, self.function, self.size = context, function, size
        self.max_tasks, self.max_memory = max_tasks, max_memory
        self.workers: list[_Worker] = []
        self.startup_failures = 0

    def start(self) -> None:
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        close = [worker.conn.fileno() for worker in self.workers]
        try:
            self.workers.append(_Worker(self.context, self.function, self.max_tasks, self.max_memory, close))
        except OSError as exc:  # fork or spawn failed (no memory, too many processes)
            raise BatchError(f"worker processes cannot start: {exc}") from exc

    def idle(self) -> list[_Worker]:
        return [worker for worker in self.workers if worker.ready and worker.index is None and not worker.retiring]

    def busy(self) -> bool:
        """Whether a worker is working on an item."""
        return any(worker.index is not None for worker in self.workers)

    def ready(self) -> bool:
        """Whether every worker has started and none is retiring (so that `step` has nothing to wait for)."""
        return all(worker.ready and not worker.retiring for worker in self.workers)

    def step(self, timeout: float | None, more: bool) -> list[Outcome]:
        """Wait until a worker sends something, dies or passes its deadline; the items that finished.

        Retired, hung and dead workers are replaced while there are `more` items to give out.
        """
        deadlines = [worker.deadline for worker in self.workers if worker.deadline is not None]
        wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        waitables = [worker.conn for worker in self.workers] + [worker.process.sentinel for worker in self.workers]
        ready = set(wait(waitables, wait_for))
        outcomes: list[Outcome] = []
        for worker in list(self.workers):
            gone = False
            expired = worker.deadline is not None and time.monotonic() >= worker.deadline
            if worker.conn in ready or worker.process.sentinel in ready or expired:  # a result may be in the pipe
                sent, closed = worker.read()
                outcomes += sent
                if sent or worker.ready:
                    self.startup_failures = 0
                if closed or worker.process.sentinel in ready or not worker.process.is_alive():
                    if worker.index is not None:
                        outcomes.append(Outcome(worker.index, failure="crashed", message=worker.death()))
                    elif not worker.ready and not worker.retiring:
                        self.startup_failures += 1
                        if self.startup_failures >= _STARTUP_FAILURES:
                            raise BatchError(f"worker processes cannot start: {worker.death()}")
                    worker.stop(kill=True)
                    gone = True
            if not gone and worker.index is not None and expired:
                worker.stop(kill=True)
                outcomes.append(Outcome(worker.index, failure="timeout",
                                        message=f"no result within {worker.timeout:g} s; stopped"))
                gone = True
            if not gone and worker.retiring and worker.index is None:
                worker.stop()
                gone = True
            if gone:
                self.workers.remove(worker)
                if more:
                    self._spawn()
        return outcomes

    def close(self) -> None:
        """Stop every worker: idle ones are told to, busy ones (an interrupted run) are killed."""
        for worker in self.workers:
            worker.stop(kill=worker.index is not None, join=False)
        for worker in self.workers:
            worker.stop()
        self.workers = []


def _serve(conn: Connection, function: Callable, max_tasks: int, max_memory: int | None, close: list[int]) -> None:
    """A worker process: items in, outcomes out, until told to stop, its parent goes, or it retires."""
    for fd in close:
        with contextlib.suppress(OSError):
            os.close(fd)
    _die_with_parent()
    with contextlib.suppress(AttributeError, OSError):
        os.setpgid(0, 0)  # a process group of its own, so that a kill at the deadline takes its children too
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the run and the workers
    _stdout_to_stderr()
    conn.send("ready")
    done = 0
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        index, item = message
        retire = False
        try:
            reply = (index, None, "", function(item))
        except MemoryError:
            reply, retire = (index, "exception", "out of memory (MemoryError)", None), True
        except Exception as exc:
            log.debug("item %d failed", index, exc_info=True)
            reply, retire = (index, "exception", _one_line(exc), None), True
        done += 1
        retire = retire or done >= max_tasks or (max_memory is not None and _resident_memory() > max_memory)
        try:
            conn.send((*reply, retire))
        except (OSError, EOFError):
            break
        except Exception as exc:  # the value cannot be pickled
            conn.send((index, "exception", f"the result cannot be sent back ({_one_line(exc)})", None, True))
            retire = True
        if retire:
            break
    conn.close()


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker if the parent dies (a hung parser would outlive it)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent went before prctl
            os._exit(1)


def _stdout_to_stderr() -> None:
    """stdout carries the report (`--format json`): what a worker or a C library prints goes to stderr."""
    with contextlib.suppress(Exception):
        os.dup2(2, 1)
    if sys.__stderr__ is not None:
        sys.stdout = sys.stderr = sys.__stderr__


def _resident_memory() -> int:
    """This process's resident memory in bytes (Linux), else its peak."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def run_task(checker: Checker, task: Task) -> DocumentReport:
    """The check of one task, in this process."""
    if task.kind == "tender":
        return checker.check_tender(list(task.paths), task.group, task.name)
    return checker.check(task.paths[0], task.kind, task.group)


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


ROWS_PER_CHUNK = 100
"""Rows of a product list per worker task: enough that handing out a task costs little beside its
checks (0.1–0.3 s of work), few enough that the workers share the end of a list evenly and that a
chunk that fails (its rows are then checked again one at a time) is quick to redo."""


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
    timeout = checker.limits.timeout
    plans: collections.deque[_Plan] = collections.deque()  # one per item given to run_batch, in order
    sizes: dict[int, int] = {}  # reports per item (by index) until the item is finished
    counter = itertools.count()

    def add(plan: _Plan, item: Any) -> Any:
        sizes[next(counter)] = plan.size
        plans.append(plan)
        return item

    def done(index: int) -> None:
        size = sizes.pop(index, 1)
        if on_done is not None:
            on_done(size)

    work = functools.partial(_work, checker, cache)
    context = _Context(work, jobs, timeout, method, _Shared())
    items = _items(checker, cache, tasks, rows_per_chunk, add, context.shared)
    warm_up = functools.partial(_warm_up, checker) if method == "fork" else None
    for outcome in run_batch(work, items, jobs=jobs, timeout=timeout, start_method=method, on_done=done,
                             before_start=warm_up):
        yield from plans.popleft().reports(outcome, context)


def not_finished(tasks: list[Task | ProductList], reports: list[DocumentReport]) -> list[str]:
    """After an interrupted `check_batch`: the labels of the tasks whose reports are not all among `reports`
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


# --- What the workers run ---------------------------------------------------------------------------


class _FileWork(NamedTuple):
    """A document (or tender set) to check, and where to store its report."""

    task: Task
    key: str | None = None
    stamps: tuple[FileStamp, ...] = ()


class _RowWork(NamedTuple):
    """Rows of a product list to check: per row, its number and lines, its digest, group and cache key."""

    path: str
    rows: tuple[tuple[Row, str, str | None, str | None], ...]


def _work(checker: Checker, cache: Cache | None, item: _FileWork | _RowWork) -> DocumentReport | list[str]:
    """In a worker: a document's report, or the reports of rows as JSON (cheaper to send than models)."""
    if isinstance(item, _RowWork):
        return [_check_row(checker, cache, item.path, *row).model_dump_json(by_alias=True) for row in item.rows]
    report = run_task(checker, item.task)
    if cache is not None and item.key is not None and _unchanged(item, report):
        cache.put(item.key, report)
    return report


def _check_row(checker: Checker, cache: Cache | None, path: str, row: Row, sha256: str, group: str | None,
               key: str | None) -> DocumentReport:
    try:
        report = checker.check_document(row_document(path, row, sha256), "product", group)
    except Exception as exc:  # a fault in one row's check costs that row, not its chunk
        log.debug("row %d of %s failed", row.number, path, exc_info=True)
        return DocumentReport(path=row_path(path, row.number), kind="product",
                              error=ErrorModel(code="crashed", message=f"internal error ({_one_line(exc)})"))
    if cache is not None and key is not None:
        cache.put(key, report)
    return report


def _unchanged(item: _FileWork, report: DocumentReport) -> bool:
    """Whether the files are still as they were hashed, so that the report belongs to the key."""
    if not all(stamp.unchanged() for stamp in item.stamps):
        return False
    if report.error is not None:
        return True
    digests = [stamp.sha256 for stamp in item.stamps]
    # As `check._combined_sha256` for a tender set: the digest of its files' digests.
    expected = digests[0] if item.task.kind == "product" else hashlib.sha256("".join(digests).encode()).hexdigest()
    return report.sha256 == expected


# --- What the parent does with each item ------------------------------------------------------------


class _Context(NamedTuple):
    """What plans need: how to check rows again one at a time when their chunk failed, the time limit for
    failure messages, and the shared results."""

    work: Callable
    jobs: int | None
    timeout: float | None
    method: str
    shared: _Shared


class _Plan:
    size = 1

    def reports(self, outcome: Outcome, context: _Context) -> Iterator[DocumentReport]:
        raise NotImplementedError


class _Known(_Plan):
    """Reports known without a worker: cached, or an error found while reading a product list."""

    def __init__(self, reports: list[DocumentReport]):
        self.known = reports
        self.size = len(reports)

    def reports(self, outcome: Outcome, context: _Context) -> Iterator[DocumentReport]:
        yield from self.known


class _Document(_Plan):
    def __init__(self, task: Task):
        self.task = task

    def reports(self, outcome: Outcome, context: _Context) -> Iterator[DocumentReport]:
        task = self.task
        if outcome.failure is None:
            yield outcome.value
        else:
            files = [str(p) for p in task.paths] if task.kind == "tender" else None
            yield _failed(task.label, task.kind, files, outcome, context.timeout)


class _Rows(_Plan):
    """A chunk of rows: those found in the cache, and those a worker checks (`work`)."""

    def __init__(self, path: str, known: list[DocumentReport | None], work: _RowWork | None):
        self.path, self.known, self.work = path, known, work
        self.size = len(known)

    def reports(self, outcome: Outcome, context: _Context) -> Iterator[DocumentReport]:
        checked: list[DocumentReport] = []
        if self.work is not None:
            if outcome.failure is None:
                checked = [context.shared(DocumentReport.model_validate_json(text)) for text in outcome.value]
            else:  # find the row that failed: each on its own
                log.debug("a chunk of %s failed (%s): checking its rows one at a time", self.path, outcome.failure)
                items = [self.work._replace(rows=(row,)) for row in self.work.rows]
                for row, retried in zip(self.work.rows, run_batch(context.work, items, jobs=context.jobs,
                                                                  timeout=context.timeout, start_method=context.method),
                                        strict=True):
                    if retried.failure is None:
                        checked.append(context.shared(DocumentReport.model_validate_json(retried.value[0])))
                    else:
                        checked.append(_failed(row_path(self.path, row[0].number), "product", None, retried,
                                               context.timeout))
        fresh = iter(checked)
        for report in self.known:
            yield report if report is not None else next(fresh)


class _Shared:
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


def _failed(label: str, kind: Kind, files: list[str] | None, outcome: Outcome, timeout: float | None) -> DocumentReport:
    if outcome.failure == "timeout":
        code, message = "timeout", f"not finished within the time limit of {timeout:g} s (--timeout); stopped"
    elif outcome.failure == "crashed":
        code, message = "crashed", f"the check crashed: {outcome.message}"
    elif "MemoryError" in outcome.message:
        code, message = "crashed", "the check ran out of memory"
    else:
        code, message = "crashed", f"internal error ({outcome.message})"
    return DocumentReport(path=label, kind=kind, files=files, error=ErrorModel(code=code, message=message))


def _items(checker: Checker, cache: Cache | None, tasks: Iterable[Task | ProductList], rows_per_chunk: int,
           add: Callable[[_Plan, Any], Any], shared: _Shared) -> Iterator[Any]:
    """The items for `run_batch`, each registered with its plan through `add` just before it is given."""
    for task in tasks:
        if isinstance(task, ProductList):
            yield from _list_items(checker, cache, task, rows_per_chunk, add, shared)
            continue
        known, work = _lookup(checker, cache, task)
        if known is not None:
            yield add(_Known([known]), Done(None))
        else:
            yield add(_Document(task), work)


def _lookup(checker: Checker, cache: Cache | None, task: Task) -> tuple[DocumentReport | None, _FileWork]:
    """The cached report of a document or tender set, or the work to check it (and to store its report)."""
    if cache is None:
        return None, _FileWork(task)
    limit = checker.limits.max_file_size
    stamps = []
    for path in task.paths:
        try:
            if not path.is_file() or (limit is not None and path.stat().st_size > limit):
                return None, _FileWork(task)  # the check says what is wrong, quickly
        except OSError:
            return None, _FileWork(task)
        found = stamp(path)
        if found is None:
            return None, _FileWork(task)
        stamps.append(found)
    if task.kind == "product":
        key = cache.key("product", task.group, [stamps[0].sha256])
    else:
        key = cache.key("tender", task.group, [task.label, *(part for s in stamps for part in (s.path, s.sha256))])
    report = cache.get(key)
    if report is not None and report.kind == task.kind:
        return report.model_copy(update={"path": task.label}), _FileWork(task)
    return None, _FileWork(task, key, tuple(stamps))


def _list_items(checker: Checker, cache: Cache | None, task: ProductList, rows_per_chunk: int,
                add: Callable[[_Plan, Any], Any], shared: _Shared) -> Iterator[Any]:
    """The rows of a product list in chunks; an error reading it is a report for the list, after the
    rows read before it."""
    where = str(task.path)
    limit = checker.limits.max_file_size
    chunk: list[Row] = []
    try:
        try:
            size = task.path.stat().st_size
        except OSError:
            size = 0  # read_rows says what is wrong
        if limit is not None and size > limit:
            raise DocumentError("too_large", f"the file is {format_size(size)}, more than the limit of "
                                             f"{format_size(limit)} (--max-file-size)", where)
        for row in read_rows(task.path, task.mapping):
            chunk.append(row)
            if len(chunk) == rows_per_chunk:
                yield _rows_item(checker, cache, task, chunk, add, shared)
                chunk = []
    except DocumentError as error:
        if chunk:
            yield _rows_item(checker, cache, task, chunk, add, shared)
            chunk = []
        report = DocumentReport(path=where, kind="product", error=ErrorModel(code=error.code, message=error.message))
        yield add(_Known([report]), Done(None))
    if chunk:
        yield _rows_item(checker, cache, task, chunk, add, shared)


def _rows_item(checker: Checker, cache: Cache | None, task: ProductList, rows: list[Row],
               add: Callable[[_Plan, Any], Any], shared: _Shared) -> Any:
    where = str(task.path)
    groups = {name.lower(): name for name in checker.catalogue.product_groups}
    column = task.mapping.group if task.mapping else None
    known: list[DocumentReport | None] = []
    work = []
    for row in rows:
        path = row_path(where, row.number)
        group = task.group or (groups.get(row.group.strip().lower()) if row.group else None)
        if group is None and row.group and not task.group:
            known.append(DocumentReport(path=path, kind="product", error=ErrorModel(
                code="no_group", message=f"unknown group '{row.group}' in the column '{column}' "
                                         f"(known: {', '.join(checker.catalogue.product_groups)})")))
            continue
        chars = sum(len(line) for line in row.lines)
        limit = checker.limits.max_chars
        if limit is not None and chars > limit:
            known.append(DocumentReport(path=path, kind="product", error=ErrorModel(
                code="too_large", message=f"{chars:,} characters of text, more than the limit of {limit:,} "
                                          "(--max-chars)")))
            continue
        digest = row.sha256
        key = cache.key("product", group, ["row", digest]) if cache is not None else None
        cached = cache.get(key) if key is not None else None
        if cached is not None and cached.kind == "product":
            cached.path = path  # read just now: nobody else holds it
            known.append(shared(cached))
            continue
        known.append(None)
        work.append((row, digest, group, key))
    if not work:
        return add(_Rows(where, known, None), Done(None))
    item = _RowWork(where, tuple(work))
    return add(_Rows(where, known, item), item)


def _warm_up(checker: Checker) -> None:
    """Before workers are forked: import the parsers and build the patterns, vocabularies and rulesets
    that checks use, once here, so that every worker inherits them instead of building its own (about a
    tenth of a second per worker, and workers are replaced every `MAX_TASKS` items)."""
    try:
        import pdfminer.pdfdocument
        import pdfminer.pdfpage
        import pdfminer.pdfparser  # noqa: F401  (the integrity check of PDFs)

        import procure_check.parse.docx
        import procure_check.parse.pdf  # noqa: F401
        from procure_check.document import Document, Line, Page
        from procure_check.extract import extract_facts
        from procure_check.groups import detect_group
        from procure_check.tender.demands import tender_facts
        from procure_check.tender.requirements import split_requirements

        text = ["Produktdatablad: Allrengøring, rengøringsmiddel", "Produktet er svanemærket, licens nr. 5041 0012.",
                "1.1 Leverandøren skal levere produkter med EU-Blomsten eller tilsvarende.",
                "Dosering: 25 ml pr. 5 l vand", "Energiklasse C, 5,9 W, 806 lm, 100 % bomuld"]
        document = Document(path="warm-up", sha256="0" * 64, format="text",
                            pages=[Page(number=1, lines=[Line(text=line) for line in text])])
        extraction = extract_facts(document, checker.as_of)
        with contextlib.suppress(DocumentError):
            detect_group("\n".join(text), extraction.product_types, checker.catalogue, "warm-up")
        counter = itertools.count()
        list(tender_facts(split_requirements([document]), "da", checker.as_of, lambda kind: f"{kind}-{next(counter)}"))
        for group in checker.catalogue.product_groups:
            for kind in ("product", "tender"):
                checker._ruleset(group, kind)
    except Exception:  # only a head start: the workers build what is missing
        log.debug("warming up failed", exc_info=True)
