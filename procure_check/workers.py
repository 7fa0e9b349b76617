"""Worker processes for `procure_check.pool`: each runs one item at a time, and the parent kills it at its
deadline (SIGKILL: a C call cannot ignore it) or notices when it dies, and replaces it.

- Workers are forked where that is safe (Linux and other Unixes, not macOS, and only while the parent runs
  no other thread): they inherit what the parent loaded and start in milliseconds. A process with other
  threads (a caller's, a library's) gets a fork server instead: a thread holding a lock at the fork
  would leave the child deadlocked (Python 3.12+ warns of it); the server imports the function's
  module once, and the workers fork from it. Elsewhere they are spawned. Without fork the function
  and the items are pickled. PDFium is not thread-safe: processes, never threads.
- A worker is replaced after `max_tasks` items, after an unexpected exception, or when its memory
  exceeds `max_memory`, so no state accumulates.
- A worker leads a process group of its own (a program it runs, such as tesseract, is killed with it),
  dies with its parent (Linux), ignores Ctrl-C (the parent stops the run) and prints to stderr, never
  to stdout (which may carry the report).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, Literal, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

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


def default_start_method() -> str:
    """`fork` where it is available and safe: not on macOS (system libraries break after fork), and only while
    this process runs no other thread (`forkserver` then); else `spawn`."""
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return "fork" if thread_count() == 1 else "forkserver"
    return "spawn"


def thread_count() -> int:
    """The threads of this process, those started by C libraries included (Linux), as Python's fork warning
    counts them; elsewhere the Python threads."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


class BatchError(RuntimeError):
    """Worker processes cannot be started: the run cannot go on."""



class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, function: Callable, max_tasks: int, max_memory: int | None, close: list[int]):
        self.conn, child = context.Pipe()
        # A forked child inherits the parent's ends of every pipe, its own included: it closes them, so
        # that it sees the end of its pipe when the parent goes.
        forked = context.get_start_method() == "fork"
        close = [*close, self.conn.fileno()] if forked else []
        self.process = context.Process(
            target=_serve, args=(child, function, max_tasks, max_memory, close, gc.get_threshold()), daemon=True,
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
            return Outcome(index, failure="exception", message=f"cannot send the item to a worker ({one_line(exc)})")
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


class WorkerPool:
    """Worker processes that are replaced when they retire, hang, or die."""

    def __init__(self, context: Any, function: Callable, size: int, max_tasks: int, max_memory: int | None):
        self.context, self.function, self.size = context, function, size
        self.max_tasks, self.max_memory = max_tasks, max_memory
        self.workers: list[Worker] = []
        self.startup_failures = 0

    def start(self) -> None:
        if self.context.get_start_method() == "forkserver":  # the server imports them once, not each worker
            self.context.set_forkserver_preload(_modules(self.function))
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        close = [worker.conn.fileno() for worker in self.workers]
        try:
            self.workers.append(Worker(self.context, self.function, self.max_tasks, self.max_memory, close))
        except OSError as exc:  # fork or spawn failed (no memory, too many processes)
            raise BatchError(f"worker processes cannot start: {exc}") from exc

    def idle(self) -> list[Worker]:
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


def _modules(function: Callable) -> list[str]:
    """The modules a worker needs: the function's, and the main module if it was run by name (`python -m
    procure_check`; a worker imports it again, and multiprocessing's "__main__" preload never worked)."""
    main = getattr(sys.modules.get("__main__"), "__spec__", None)
    return [getattr(function, "func", function).__module__, *([main.name] if main is not None else [])]


def _serve(conn: Connection, function: Callable, max_tasks: int, max_memory: int | None, close: list[int],
           collector: tuple[int, ...]) -> None:
    """A worker process: items in, outcomes out, until told to stop, its parent goes, or it retires. It collects
    garbage as its parent does (`collector`: the thresholds, which a spawned process would not inherit)."""
    gc.set_threshold(*collector)
    for fd in close:
        with contextlib.suppress(OSError):
            os.close(fd)
    die_with_parent()
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
            reply, retire = (index, "exception", one_line(exc), None), True
        done += 1
        retire = retire or done >= max_tasks or (max_memory is not None and _resident_memory() > max_memory)
        try:
            conn.send((*reply, retire))
        except (OSError, EOFError):
            break
        except Exception as exc:  # the value cannot be pickled
            conn.send((index, "exception", f"the result cannot be sent back ({one_line(exc)})", None, True))
            retire = True
        if retire:
            break
    conn.close()


def die_with_parent(parent: int | None = None) -> None:
    """On Linux, have the kernel kill this process if its parent (process id `parent`, if known) dies: a hung
    parser would outlive it."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        # The parent went before prctl: this process now has another parent (init, where it is not known).
        if os.getppid() != parent if parent is not None else os.getppid() == 1:
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


def one_line(exc: BaseException, limit: int = 200) -> str:
    """An exception as one line of at most `limit` characters, with its type."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

