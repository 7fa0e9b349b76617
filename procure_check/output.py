"""Where the report goes (`--output`): refused before any work when it would destroy an input or does not
fit the format, and written through a temporary file renamed into place, so that an interrupted write
never leaves half a report and an old report is replaced only by a whole new one."""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from procure_check.errors import ProcureCheckError
from procure_check.report import EXTENSIONS, format_for


class OutputError(ProcureCheckError):
    """`--output` cannot be used: the message says why, naming the path."""

    def __init__(self, message: str):
        super().__init__("output", message)


def check_output(output: Path, chosen: str | None, inputs: list[Path]) -> str:
    """The report format for `output` (`chosen`, else from its extension), or an `OutputError` when the
    path is a folder, a symbolic link, in no existing folder, one of the `inputs` or inside an input
    folder, or has an extension that does not fit the format."""
    if output.is_symlink():
        raise OutputError(f"{output}: is a symbolic link; give the path of the file itself")
    if output.is_dir():
        raise OutputError(f"{output}: is a directory")
    if not output.parent.is_dir():
        raise OutputError(f"{output}: there is no folder {output.parent}")
    _refuse_inputs(output, inputs)
    return _fitting_format(output, chosen)


def _refuse_inputs(output: Path, inputs: list[Path]) -> None:
    target = output.parent.resolve() / output.name
    for path in inputs:
        found = path.resolve()
        if found == target or (output.exists() and path.exists() and os.path.samefile(output, path)):
            raise OutputError(f"{output}: is one of the documents to check; the report would replace it")
        if found.is_dir() and target.is_relative_to(found):
            raise OutputError(f"{output}: is inside the folder {path}, which is being checked; "
                              "write the report elsewhere")


def _fitting_format(output: Path, chosen: str | None) -> str:
    implied = format_for(output)
    if chosen is None and implied is None:
        raise OutputError(f"{output}: '{output.suffix}' is not a report format; use --format, or an extension "
                          f"of {', '.join(EXTENSIONS)}")
    fmt = chosen or implied
    if output.suffix and implied != fmt and not (fmt == "json" and output.name.lower().endswith(".json")):
        endings = [ending for ending, known in EXTENSIONS.items() if known == fmt]
        raise OutputError(f"{output}: a {fmt} report does not belong in a '{output.suffix}' file; "
                          f"name it {' or '.join(endings)}")
    return fmt


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[IO[str]]:
    """A text file that replaces `output` only once it is written in full; on any error or interruption
    the temporary file goes and `output` stays as it was. A device or a pipe (`/dev/null`, a FIFO) is
    written in place: renaming would replace it. An `OSError` becomes an `OutputError`."""
    if output.exists() and not output.is_file():
        try:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as error:
            raise OutputError(f"{output}: cannot write the report ({error.strerror or error})") from error
        return
    try:
        fd, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{output}: cannot write the report ({error.strerror or error})") from error
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(temporary, _mode(output))
        if output.is_symlink():  # appeared after `check_output`: renaming would replace the link, refuse it
            raise OutputError(f"{output}: is a symbolic link; give the path of the file itself")
        os.replace(temporary, output)
    except OSError as error:
        raise OutputError(f"{output}: cannot write the report ({error.strerror or error})") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _mode(output: Path) -> int:
    """The permissions of the file replaced, else those a new file gets (0o666 less the umask)."""
    with contextlib.suppress(OSError):
        return output.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
