"""The result cache: a document's report, kept on disk under a key of everything that decides it.

A re-run over the same files (or the same product-list rows) reads the reports back instead of
parsing and checking again. The key of an entry is the SHA-256 of:

- the document's content: the file's bytes (a tender set: each file's path and bytes, in order; a
  row of a product list: its text, see `procure_check.parse.tabular`);
- what the run checks it with (`Settings`): procure-check's version, `EXTRACTION_VERSION`, a digest
  of the package's code and `rules/`, the versions of the parsing libraries, the catalogue's digest,
  `--as-of`, `--lang`, `--ocr`, `--max-pages` and `--max-chars`;
- the check: `product` or `tender`, and the group asked for (`--group` or a group column).

`Cache.find_files` hashes a document's (or tender set's) files and looks its report up; the worker that
checks it stores the report with `store_files`, only if the files are unchanged and the report carries
their digest (for a tender set, `procure_check.check.combined_sha256`, the same digest its report
has). Rows of product lists are looked up and stored by `row_key`.

The path is not part of a product's key: a copy of a data sheet elsewhere is a hit, and its report
gets the new path. `--timeout` and `--max-file-size` are not either: a timeout is never cached, and a
file over the size limit is not looked up.

Entries are one small JSON file each, `<dir>/v1/<key[:2]>/<key>.json`, written to a temporary file
and renamed into place (`os.replace`), so that readers (other worker processes, other runs) see a
whole entry or none. An entry that cannot be read, is not JSON, is for another key or does not
validate is a miss, never an error. Writing is best effort: a cache folder that cannot be written
leaves the run as it would be without a cache.

What is cached: reports with results, and the errors that follow from the content alone (`corrupt`,
`no_text`, `unsupported`, `no_group`). Never `timeout` or `crashed` (they can pass), `too_large`
(it depends on the limits), `encrypted` or `not_found`. With `--password` the cache is off: what a
password opens is never written to disk, and a cached `encrypted` could hide what it opens.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from procure_check import __version__
from procure_check.check import Checker, Kind, combined_sha256
from procure_check.results import DocumentReport
from procure_check.stamps import cache_dir

log = logging.getLogger(__name__)

EXTRACTION_VERSION = 1
"""Bump when parsing, fact extraction or judging changes what a report says (entries made before
then are no longer found)."""
ENTRY_FORMAT = 1
"""The layout of an entry file; part of its folder name."""
CACHED_ERRORS = frozenset({"corrupt", "no_text", "unsupported", "no_group"})
"""Error codes that follow from the document's content (and the settings in the key) alone."""
LIBRARIES = ("pypdfium2", "pdfplumber", "pdfminer.six", "python-docx", "openpyxl", "rapidfuzz")
"""Libraries whose version can change what is read from a document or how it is judged."""
_HASH_BLOCK = 1 << 20


class FileStamp(NamedTuple):
    """A file's digest with the size and modification time it had when it was read."""

    path: str
    sha256: str
    size: int
    mtime_ns: int

    def unchanged(self) -> bool:
        """Whether the file still has the size and modification time it had when it was hashed."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return False
        return stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns


def stamp(path: Path) -> FileStamp | None:
    """The file's SHA-256 (read in blocks: memory stays flat) and its stat; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            while block := handle.read(_HASH_BLOCK):
                digest.update(block)
    except OSError:
        return None
    return FileStamp(str(path), digest.hexdigest(), before.st_size, before.st_mtime_ns)


@cache
def code_digest() -> str:
    """A digest of the package's Python code (the vendored rules engine's C sources too) and its `rules/`
    data: a development checkout that changes any of them gets new keys even when `EXTRACTION_VERSION` is
    not bumped."""
    from procure_check.data import data_dir

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for folder, pattern in ((package, "*.py"), (package / "_vendor", "*.[ch]"), (data_dir("rules"), "*.yaml")):
        for path in sorted(folder.rglob(pattern)):
            with contextlib.suppress(OSError):
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "-"
    return versions


def settings_digest(checker: Checker) -> str:
    """The digest of everything run-wide that can change a report."""
    settings = {
        "entry": ENTRY_FORMAT, "version": __version__, "extraction": EXTRACTION_VERSION, "code": code_digest(),
        "libraries": library_versions(), "catalogue": checker.catalogue.digest, "as_of": checker.as_of.isoformat(),
        "lang": checker.lang, "ocr": checker.ocr, "max_pages": checker.limits.max_pages,
        "max_chars": checker.limits.max_chars,
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


class Slot(NamedTuple):
    """Where the report of a check of files goes: its key, the files as they were hashed, and the digest
    the report must carry (a data sheet's, or a tender set's `procure_check.check.combined_sha256`)."""

    key: str
    stamps: tuple[FileStamp, ...]
    sha256: str


class _Entry(BaseModel):
    """An entry file: its key (checked on reading) and the report."""

    key: str
    report: DocumentReport


def cacheable(report: DocumentReport) -> bool:
    return report.error is None or report.error.code in CACHED_ERRORS


@dataclass(frozen=True)
class Cache:
    """The entries of one run's settings in `directory`. Picklable: worker processes write through it."""

    directory: Path
    settings: str
    """`settings_digest` of the run's checker."""

    @classmethod
    def for_checker(cls, checker: Checker, directory: Path | None = None) -> Cache | None:
        """The cache for the checker's runs; None when it must stay off (a password is given)."""
        if checker.password:
            return None
        return cls(directory or cache_dir(), settings_digest(checker))

    def key(self, kind: str, group: str | None, content: list[str]) -> str:
        """The key of one check: its kind, the group asked for, and the digests (and names) of its content."""
        text = "\0".join([self.settings, kind, group or "", *content])  # no part contains a NUL
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def find_files(self, kind: Kind, group: str | None, label: str, paths: tuple[Path, ...],
                   max_file_size: int | None) -> tuple[DocumentReport | None, Slot | None]:
        """The cached report of a data sheet (`product`) or a tender set (`tender`, named `label`), with `label`
        as its path; else where to store the report once it is checked (None: it is not to be stored, for
        a file that is missing or over `max_file_size`: the check says what is wrong, quickly)."""
        stamps = []
        for path in paths:
            try:
                if not path.is_file() or (max_file_size is not None and path.stat().st_size > max_file_size):
                    return None, None
            except OSError:
                return None, None
            found = stamp(path)
            if found is None:
                return None, None
            stamps.append(found)
        digests = [found.sha256 for found in stamps]
        if kind == "product":
            key, sha256 = self.key(kind, group, digests[:1]), digests[0]
        else:
            key = self.key(kind, group, [label, *(part for s in stamps for part in (s.path, s.sha256))])
            sha256 = combined_sha256(digests)
        report = self.get(key)
        if report is not None and report.kind == kind:
            return report.model_copy(update={"path": label}), None
        return None, Slot(key, tuple(stamps), sha256)

    def store_files(self, slot: Slot, report: DocumentReport) -> None:
        """Store the report of the files of `slot`, if they are still as they were hashed (so that the report
        belongs to the key)."""
        if not all(found.unchanged() for found in slot.stamps):
            return
        if report.error is None and report.sha256 != slot.sha256:
            return
        self.put(slot.key, report)

    def row_key(self, group: str | None, sha256: str) -> str:
        """The key of a row of a product list, by the digest of its text."""
        return self.key("product", group, ["row", sha256])

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, f"v{ENTRY_FORMAT}", key[:2], f"{key}.json")

    def get(self, key: str) -> DocumentReport | None:
        """The report stored under `key`, or None (no entry, or one that cannot be used)."""
        try:
            with open(self._path(key), "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        try:
            entry = _Entry.model_validate_json(data)
        except Exception:  # not JSON, not an entry, not a report: as if there were none
            log.debug("ignoring the unusable cache entry %s", self._path(key))
            return None
        return entry.report if entry.key == key and cacheable(entry.report) else None

    def put(self, key: str, report: DocumentReport) -> None:
        """Store `report` under `key` (if it may be cached); never raises."""
        if not cacheable(report):
            return
        path = self._path(key)
        folder = os.path.dirname(path)
        text = '{"key":"%s","report":%s}' % (key, report.model_dump_json(by_alias=True))  # noqa: UP031
        try:
            os.makedirs(folder, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError as error:
            log.debug("cannot write the cache entry %s: %s", path, error)
