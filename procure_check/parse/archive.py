"""ZIP archives of tender documents, as tender portals hand them out: folders, and archives inside them.

Members are extracted one at a time into a private temporary folder that is removed when the archive is
read (and, should the process be killed at its time limit, by the next archive read), and each document
is named by its path inside the archive (`udbud.zip/bilag/krav.pdf`).
An archive that could harm the machine or hide text is refused as a whole, never read in part:
a member path that leaves the folder (`../`, an absolute path, a drive), a symbolic link, an
encrypted member, archives nested deeper than `MAX_DEPTH`, more than `MAX_MEMBERS` files, more than
`MAX_TOTAL_SIZE` bytes unpacked or a member that unpacks more than `MAX_RATIO` times its packed size
(a zip bomb: `too_large`, found while unpacking, whatever sizes the archive claims), a damaged archive.
Office lock files (`~$…`), `__MACOSX/`, `.DS_Store` and folders are skipped, and so are files of types
procure-check does not read (drawings, images).
"""

import os
import shutil
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
    folder = _private_folder()
    try:
        documents = list(_documents(path, name, folder, read, readable, _Budget(), depth=1))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not documents:
        raise DocumentError("no_text", "the archive holds no document procure-check reads (PDF, DOCX, text, "
                            "XML notices, XLSX or CSV requirement lists)", name)
    return documents


def _private_folder() -> Path:
    """A new folder only this process can read, under a base folder of the user's own, where the folders left
    by processes that no longer run (a worker killed at its time limit) are removed first."""
    base = Path(tempfile.gettempdir()) / f"procure-check-{os.getuid()}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        info = base.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            raise PermissionError(f"{base} is not the user's own folder")
    except OSError:
        return Path(tempfile.mkdtemp(prefix="procure-check-"))
    for left in base.iterdir():
        owner = left.name.split("-", 1)[0]
        if owner.isdigit() and not _running(int(owner)):
            shutil.rmtree(left, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=base))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user
    return True


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
