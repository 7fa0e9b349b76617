"""ZIP archives of tender documents, as tender portals hand them out: folders, and archives inside them.

Members are extracted one at a time into a private temporary folder that is removed as soon as they
are read, and each document is named by its path inside the archive (`udbud.zip/bilag/krav.pdf`).
An archive that could harm the machine or hide text is refused as a whole, never read in part:
a member path that leaves the folder (`../`, an absolute path, a drive), a symbolic link, an
encrypted member, archives nested deeper than `MAX_DEPTH`, more than `MAX_MEMBERS` files, more than
`MAX_TOTAL_SIZE` bytes unpacked or a member that unpacks more than `MAX_RATIO` times its packed size
(a zip bomb: `too_large`, found while unpacking, whatever sizes the archive claims), a damaged archive.
Office lock files (`~$…`), `__MACOSX/`, `.DS_Store` and folders are skipped, and so are files of types
procure-check does not read (drawings, images).
"""

import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from procure_check.document import Document
from procure_check.errors import DocumentError
from procure_check.limits import MB, format_size

MAX_DEPTH = 2
"""An archive inside an archive is read; one more level is refused."""
MAX_MEMBERS = 1000
MAX_TOTAL_SIZE = 1000 * MB
MAX_RATIO = 200
"""Packed size × this is the most a member may unpack to (text compresses 5–20 times; a bomb 1000s)."""
_CHUNK = 1 << 20
_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}

Reader = Callable[[Path, str], list[Document]]
"""Reads one extracted member (its temporary path, its name for the report): its documents."""


def is_archive(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def read_archive(path: Path, name: str, read: Reader, readable: Callable[[str], bool]) -> list[Document]:
    """The documents of the archive at `path` (reported as `name`), in member order; `readable(member)`:
    whether a member's type is one procure-check reads."""
    with tempfile.TemporaryDirectory(prefix="procure-check-") as folder:
        budget = _Budget()
        documents = list(_documents(path, name, Path(folder), read, readable, budget, depth=1))
    if not documents:
        raise DocumentError("no_text", "the archive holds no document procure-check reads (PDF, DOCX, text, "
                            "XML notices, XLSX or CSV requirement lists)", name)
    return documents


class _Budget:
    """What the archive and the archives inside it may unpack together."""

    def __init__(self) -> None:
        self.members = 0
        self.size = 0


def _documents(path: Path, name: str, folder: Path, read: Reader, readable: Callable[[str], bool], budget: _Budget,
               depth: int) -> Iterator[Document]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentError("corrupt", f"not a readable ZIP archive ({error})", name) from None
    with archive:
        members = [member for member in archive.infolist() if not _skipped(member)]
        for member in members:
            _check_member(member, name)
        budget.members += len(members)
        if budget.members > MAX_MEMBERS:
            raise DocumentError("too_large", f"more than {MAX_MEMBERS} files in the archive", name)
        for number, member in enumerate(members):
            inner = f"{name}/{member.filename}"
            nested = is_archive(Path(member.filename))
            if not nested and not readable(member.filename):
                continue
            if nested and depth >= MAX_DEPTH:
                raise DocumentError("unsupported", f"{member.filename}: an archive inside an archive inside an "
                                    "archive; unpack it and name its files", name)
            target = folder / f"{depth}-{number}{PurePosixPath(member.filename).suffix.lower()}"
            _extract(archive, member, target, name, budget)
            try:
                if nested:
                    yield from _documents(target, inner, folder, read, readable, budget, depth + 1)
                else:
                    yield from read(target, inner)
            finally:
                target.unlink(missing_ok=True)


def _skipped(member: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(member.filename.replace("\\", "/")).parts
    return (member.is_dir() or not parts or "__MACOSX" in parts or parts[-1].startswith("~$")
            or parts[-1].lower() in _JUNK_NAMES)


def _check_member(member: zipfile.ZipInfo, name: str) -> None:
    """Refuse what could leave the folder, point elsewhere or hide its text."""
    filename = member.filename
    parts = PurePosixPath(filename.replace("\\", "/")).parts
    if filename.startswith(("/", "\\")) or ".." in parts or (len(filename) > 1 and filename[1] == ":"):
        raise DocumentError("unsupported", f"{filename}: a member path outside the archive (absolute or with "
                            "'..'); the archive is not read", name)
    if stat.S_ISLNK(member.external_attr >> 16):
        raise DocumentError("unsupported", f"{filename}: a symbolic link; the archive is not read", name)
    if member.flag_bits & 0x1:
        raise DocumentError("encrypted", f"{filename}: an encrypted member; unpack it with its password and "
                            "name its files", name)


def _extract(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, name: str, budget: _Budget) -> None:
    """Unpack one member, counting what it really unpacks to (the sizes an archive states can lie)."""
    allowed = max(member.compress_size, 1) * MAX_RATIO
    written = 0
    try:
        with archive.open(member) as source, target.open("wb") as sink:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                budget.size += len(chunk)
                if written > allowed and written > MB:
                    raise DocumentError("too_large", f"{member.filename} unpacks to more than {MAX_RATIO} times "
                                        "its packed size (a zip bomb?); the archive is not read", name)
                if budget.size > MAX_TOTAL_SIZE:
                    raise DocumentError("too_large", f"the archive unpacks to more than "
                                        f"{format_size(MAX_TOTAL_SIZE)}", name)
                sink.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise DocumentError("corrupt", f"{member.filename}: cannot be unpacked ({error})", name) from None
