"""One document's work on several CPUs: `fan_out(function, parts, processes)` is
`[function(part) for part in parts]`, the parts shared between this process and up to `processes - 1` helper
processes forked from it.

A long document is read and its facts found page by page and requirement by requirement; when a run checks
fewer documents than it has CPUs (`procure_check.batch`), the idle CPUs take a share of each document. The
result never depends on how many processes computed it: a part's value is the same in a helper or here.

- The processes take the parts one at a time from a shared queue (a pipe holding their numbers), so a process
  that is slowed (a heavier part, a busy CPU) takes fewer: give a few parts per process (`parts_for`).
- Helpers are forked only where that is safe: POSIX (not macOS, whose system libraries break after fork),
  and while this process runs no other thread. Elsewhere every part is computed here, one by one.
- A helper that fails in any way (an exception, a crash, a value that cannot be pickled) costs time, never
  the result: the parts it took are computed again here, where an exception is raised as it would be
  without helpers.
- Helpers die with this process (Linux) and share its process group, so a worker killed at its deadline
  (`procure_check.workers`) takes them along.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from procure_check.workers import die_with_parent, thread_count

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

PARTS_PER_PROCESS = 8
_MAX_PARTS = 255  # part numbers travel through the queue as single bytes


def can_fork() -> bool:
    """Whether helper processes may be forked here and now."""
    return hasattr(os, "fork") and sys.platform != "darwin" and thread_count() == 1


def parts_for(items: Sequence[T], processes: int, smallest: int) -> list[Sequence[T]]:
    """`items` in consecutive slices for `fan_out`: a few per process, none shorter than `smallest` items
    (a part costs a little to hand over), all of them in one slice for one process."""
    count = 1 if processes < 2 else min(processes * PARTS_PER_PROCESS, len(items) // max(1, smallest), _MAX_PARTS)
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    bounds = [0]
    for part in range(count):
        bounds.append(bounds[-1] + size + (part < extra))
    return [items[start:stop] for start, stop in itertools.pairwise(bounds)]


def fan_out(function: Callable[[T], R], parts: Sequence[T], processes: int,
            meanwhile: Callable[[], object] | None = None) -> list[R]:
    """`[function(part) for part in parts]`, computed by up to `processes` processes (this one included).

    `meanwhile()` is called here as the helpers start on the parts (and not at all if none can start): work whose
    result this process keeps, such as patterns compiled for a later step, done while it would otherwise read
    parts."""
    if processes < 2 or len(parts) < 2 or not can_fork():
        return [function(part) for part in parts]
    if len(parts) > _MAX_PARTS:
        raise ValueError(f"at most {_MAX_PARTS} parts, not {len(parts)}")
    queue, queued = os.pipe()
    os.write(queued, bytes(range(len(parts))))  # far below a pipe's buffer: the write cannot block
    os.close(queued)  # the queue's end: a process that finds it empty is done
    helpers: list[tuple[int, int]] = []
    try:
        for _ in range(min(processes, len(parts)) - 1):
            helper = _start(function, parts, queue)
            if helper is not None:
                helpers.append(helper)
        if helpers and meanwhile is not None:
            meanwhile()
        values = _work(function, parts, queue)
        while helpers:
            values |= _collect(helpers.pop())
        for index in range(len(parts)):  # what a failed helper took
            if index not in values:
                values[index] = function(parts[index])
    except BaseException:
        for helper in helpers:
            _stop(helper)
        raise
    finally:
        os.close(queue)
    return [values[index] for index in range(len(parts))]


def _work(function: Callable[[T], R], parts: Sequence[T], queue: int) -> dict[int, R]:
    """Take parts from the queue until it is empty; their values by number."""
    values = {}
    while taken := os.read(queue, 1):
        values[taken[0]] = function(parts[taken[0]])
    return values


def _start(function: Callable[[T], R], parts: Sequence[T], queue: int) -> tuple[int, int] | None:
    """A helper working the queue: its process id and the pipe it answers through (None: none started)."""
    read, write = os.pipe()
    parent = os.getpid()
    gc.freeze()  # the helper's collections leave what it inherits alone, so those pages stay shared
    try:
        pid = os.fork()
    except OSError as exc:
        log.debug("cannot fork a helper: %s", exc)
        os.close(read)
        os.close(write)
        return None
    finally:
        gc.unfreeze()
    if pid == 0:  # the helper
        os.close(read)
        code = 1
        try:
            die_with_parent(parent)
            values = _work(function, parts, queue)
            with os.fdopen(write, "wb") as answer:
                pickle.dump(values, answer, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        except BaseException:
            pass
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(helper: tuple[int, int]) -> dict[int, Any]:
    """The values a helper computed (none if it failed)."""
    pid, read = helper
    with os.fdopen(read, "rb") as answer:
        data = answer.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        with contextlib.suppress(Exception):
            return pickle.loads(data)
    log.debug("a helper process failed (status %d): its parts are computed here", status)
    return {}


def _stop(helper: tuple[int, int]) -> None:
    """Kill a helper whose values are no longer wanted, and reap it."""
    pid, read = helper
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        os.close(read)
