"""Work done once for the same inputs and remembered between runs, as Python remembers bytecode: an empty file
in the cache folder whose name is the digest of what the work read. The validation of the vocabulary files
(some 1,800 patterns compiled, a fifth of a second) is done again only when a file, procure-check's code or
Python changes; a stamp that cannot be written costs only the time."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from procure_check import __version__


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
        digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
        try:
            for path in files:
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            self.path = None
            return
        self.path: Path | None = cache_dir() / "stamps" / f"{kind}-{digest.hexdigest()[:32]}"

    def exists(self) -> bool:
        return self.path is not None and self.path.is_file()

    def mark(self) -> None:
        """Remember that the work is done (silently not, where the cache folder cannot be written)."""
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.touch()
