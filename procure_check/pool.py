"""Calling a function on many items in worker processes: a wall-clock limit per item that holds even when
the function hangs in C code, and a crash (a segfault in a C library, a MemoryError) that costs one item,
never the run. Nothing here knows about documents: `procure_check.batch` runs checks with it.

`run_batch(function, items, ...)` calls a picklable `function` on each item in a pool of worker
processes (`procure_check.workers`) and yields an `Outcome` per item, in input order.

- Each worker runs one item at a time, so an item's time limit starts when it is handed to a worker.
  A worker past its deadline is killed and replaced; its item is a `timeout`. A worker that dies is
  replaced and its item is `crashed`.
- The parent starts no threads, so forking stays safe (a progress bar refreshes from the caller).
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from procure_check.workers import (
    MAX_MEMORY,
    MAX_TASKS,
    BatchError,
    Outcome,
    WorkerPool,
    default_start_method,
)

__all__ = ["BatchError", "Done", "Outcome", "default_jobs", "default_start_method", "run_batch"]

T = TypeVar("T")
Item = TypeVar("Item")


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)



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
    `before_start()` is called just before the first is (to prepare what forked workers inherit), unless
    one item is all there is: its worker then builds only what that item needs.

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
    pool: WorkerPool | None = None

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
                if not exhausted and len(waiting) == 1:
                    read_one()  # whether it is the only one
                if before_start is not None and not (exhausted and len(waiting) == 1):
                    before_start()
                context = multiprocessing.get_context(start_method or default_start_method())
                size = min(jobs, len(waiting)) if exhausted else jobs
                pool = WorkerPool(context, function, size, max_tasks, max_memory)
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

