"""Work done once for the same inputs and remembered between runs, as Python remembers bytecode: a file in the
cache folder whose name is the digest of what the work read, empty where only the work's success counts, else
holding its result. The validation of the vocabulary files (some 1,800 patterns compiled, a fifth of a second)
and the validated catalogue are made again only when a file, procure-check's code or Python changes; a stamp
that cannot be written or read costs only the time. Stamps no run has used for `UNUSED_DAYS` days are deleted
when another of their kind is made, so that a folder kept through many versions does not grow without end.

A result is kept as a pickle, which runs code when read, like the bytecode Python keeps: it is written readable
by its user alone, in a folder only they can enter, and read only from a file they own and no one else can
write."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import procure_check
from procure_check import __version__

log = logging.getLogger(__name__)

UNUSED_DAYS = 30
_DAY = 24 * 3600


def cache_dir() -> Path:
    """`$PROCURE_CHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/procure-check`, else `~/.cache/procure-check`."""
    override = os.environ.get("PROCURE_CHECK_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache") / "procure-check"


class Stamp:
    """The mark of one kind of work done on the exact contents of `files` (None: a file cannot be read, so
    the work is always done)."""

    def __init__(self, kind: str, files: Iterable[Path]):
        self.kind = kind
        digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
        try:
            for path in files:
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            self.path = None
            return
        self.path: Path | None = cache_dir() / "stamps" / f"{kind}-{digest.hexdigest()[:32]}"

    def exists(self) -> bool:
        found = self.path is not None and self.path.is_file()
        if found:
            self._used()
        return found

    def read(self) -> object | None:
        """What `keep` remembered with the stamp; None if nothing readable is, or the file could be another
        user's (not owned by this one, or writable by others: reading a pickle runs its code)."""
        if self.path is None:
            return None
        try:
            with self.path.open("rb") as file:
                if not _own(os.fstat(file.fileno())):
                    log.debug("not reading %s: not owned by this user alone", self.path)
                    return None
                value = pickle.load(file)
            self._used()
            return value
        except FileNotFoundError:
            return None
        except Exception as exc:  # cut short, or empty, or of classes since renamed: the work is done again
            log.debug("cannot read %s: %s: %s", self.path, type(exc).__name__, exc)
            return None

    def keep(self, value: object) -> None:
        """Remember `value` with the stamp: written to a temporary file and renamed into place, so that a reader
        finds all of it or nothing (silently not, where the cache folder cannot be written)."""
        if self.path is None:
            return
        temporary = None
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, self.path)
            self._prune()
        except Exception as exc:  # a full or read-only disk, a value that cannot be pickled: only time is lost
            log.debug("cannot keep %s: %s: %s", self.path, type(exc).__name__, exc)
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def mark(self) -> None:
        """Remember that the work is done (silently not, where the cache folder cannot be written)."""
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.path.touch()
                self._prune()


    def _used(self) -> None:
        """Note that a run used the stamp (its modification time, at most once a day), so pruning leaves it."""
        with contextlib.suppress(OSError):
            if time.time() - self.path.stat().st_mtime > _DAY:
                os.utime(self.path)

    def _prune(self) -> None:
        """Delete the other stamps of this kind (any version) that no run has used for `UNUSED_DAYS` days."""
        family, cutoff = self.kind.split("-")[0] + "-", time.time() - UNUSED_DAYS * _DAY
        for other in self.path.parent.glob(f"{family}*"):
            with contextlib.suppress(OSError):
                if other != self.path and other.stat().st_mtime < cutoff:
                    other.unlink()


def _own(status: os.stat_result) -> bool:
    """Whether a file is this user's alone: owned by them and writable by no one else (POSIX)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def code_files() -> list[Path]:
    """procure-check's own modules: what work done by them depends on besides its inputs."""
    return sorted(Path(procure_check.__file__).parent.rglob("*.py"))
