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
- A helper sends each value as soon as it is computed, and this process reads what has come between its own
  parts: the values are unpickled while the helpers still work, not all after the last part.
- A helper that fails in any way (an exception, a crash, a value that cannot be pickled) costs time, never
  the result: the parts it took and did not send whole are computed again here, where an exception is
  raised as it would be without helpers.
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
    helpers: list[_Helper] = []
    try:
        for _ in range(min(processes, len(parts)) - 1):
            helper = _start(function, parts, queue)
            if helper is not None:
                helpers.append(helper)
        if helpers and meanwhile is not None:
            meanwhile()
        values: dict[int, R] = {}
        while taken := os.read(queue, 1):
            values[taken[0]] = function(parts[taken[0]])
            for helper in helpers:  # what the helpers sent meanwhile: read now, not all at the end
                values |= helper.receive(wait=False)
        for helper in helpers:  # still in the list while it is waited for: an interruption stops it
            values |= helper.receive(wait=True)
        for index in range(len(parts)):  # what a failed helper took
            if index not in values:
                values[index] = function(parts[index])
    except BaseException:
        for helper in helpers:
            helper.stop()
        raise
    finally:
        os.close(queue)
    return [values[index] for index in range(len(parts))]


def _start(function: Callable[[T], R], parts: Sequence[T], queue: int) -> _Helper | None:
    """A helper working the queue (None: none started)."""
    import fcntl  # POSIX, as forking is

    read, write = os.pipe()
    with contextlib.suppress(AttributeError, OSError):  # Linux: room for a few values before the helper waits
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
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
            with os.fdopen(write, "wb") as answer:
                while taken := os.read(queue, 1):
                    value = pickle.dumps((taken[0], function(parts[taken[0]])), protocol=pickle.HIGHEST_PROTOCOL)
                    answer.write(len(value).to_bytes(_LENGTH, "little") + value)
                    answer.flush()
            code = 0
        except BaseException:
            pass
        finally:
            os._exit(code)
    os.close(write)
    os.set_blocking(read, False)
    return _Helper(pid, read)


class _Helper:
    """A helper process and the pipe it sends its values through, each as soon as it is computed (its length,
    then the pickle of its part number and value)."""

    def __init__(self, pid: int, pipe: int):
        self.pid, self.pipe = pid, pipe
        self._received = bytearray()
        self._closed = self._reaped = False

    def receive(self, *, wait: bool) -> dict[int, Any]:
        """The values sent since the last call, by part number; with `wait`, all of them up to the helper's end.
        At its end the helper is reaped; one that failed keeps the values it sent whole."""
        if self._closed:
            return {}
        os.set_blocking(self.pipe, wait)
        while True:
            try:
                chunk = os.read(self.pipe, _CHUNK)
            except BlockingIOError:
                return self._values()
            if not chunk:
                break
            self._received += chunk
        os.close(self.pipe)
        self._closed = True
        status = self._reap()
        if status:
            log.debug("a helper process failed (status %d): the parts it did not send are computed here", status)
        return self._values()

    def _reap(self) -> int:
        """Wait for the helper's end; its exit code (0 where it cannot be known: SIGCHLD ignored)."""
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            status = 0
        self._reaped = True
        return os.waitstatus_to_exitcode(status)

    def _values(self) -> dict[int, Any]:
        """The values whole in what was received (one cut short by a crash stays unread)."""
        values, start = {}, 0
        while len(self._received) - start >= _LENGTH:
            length = int.from_bytes(self._received[start:start + _LENGTH], "little")
            if len(self._received) - start - _LENGTH < length:
                break
            with contextlib.suppress(Exception):  # a value this process cannot read: computed here
                index, value = pickle.loads(self._received[start + _LENGTH:start + _LENGTH + length])
                values[index] = value
            start += _LENGTH + length
        del self._received[:start]
        return values

    def stop(self) -> None:
        """Kill the helper, whose values are no longer wanted, reap it and close its pipe (what is not yet done)."""
        if not self._reaped:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                self._reap()
        if not self._closed:
            self._closed = True
            with contextlib.suppress(OSError):
                os.close(self.pipe)


_LENGTH = 8  # bytes of a value's length
_CHUNK = 1 << 20
_PIPE_SIZE = 1 << 20
