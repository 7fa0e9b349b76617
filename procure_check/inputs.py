"""What the command line's PATHs become: the tasks to check, each file once, procure-check's own saved
reports left out, and a warning when the files named as one tender look like several tenders."""

from collections.abc import Callable, Iterable
from pathlib import Path

from procure_check.batch import ProductList, Task
from procure_check.check import collect_paths, tender_sets
from procure_check.parse.tabular import Mapping, is_product_list
from procure_check.report.own import is_own_report

Note = Callable[[str], object]
"""Where a note for the user goes (a line on stderr)."""


def product_tasks(paths: list[Path], group: str | None, mapping: Mapping | None,
                  note: Note) -> list[Task | ProductList]:
    """A task per data sheet and per product list named (a folder scan skips product lists)."""
    return [ProductList(path, mapping, group) if is_product_list(path) else Task("product", (path,), group)
            for path in _checkable(collect_paths(paths), note, set())]


def tender_tasks(paths: list[Path], group: str | None, note: Note) -> list[Task]:
    """A task per tender set: the files named together, and each tender folder."""
    files = [path for path in paths if not path.is_dir()]
    sets = tender_sets([path for path in paths if path.is_dir()]) + ([("", files)] if files else [])
    tasks = []
    seen: set[Path] = set()  # a file named and also in a tender folder named: in the folder's set only
    for name, members in sets:
        kept = list(_checkable(members, note, seen))
        if not kept:
            continue
        if not name:  # the files named: one set, called after the files left
            if len(kept) > 1:
                _warn_if_several_tenders(kept, note)
            name = _name(kept)
        tasks.append(Task("tender", tuple(kept), group, name))
    return tasks


def _name(files: list[Path]) -> str:
    return str(files[0]) if len(files) == 1 else " + ".join(map(str, files))


def _checkable(paths: Iterable[Path], note: Note, seen: set[Path]) -> Iterable[Path]:
    """Each file once (the same file named twice, or named and found in a folder; `seen`: the files met
    before, to which these are added), without our reports."""
    for path in paths:
        key = path.resolve() if path.exists() else path.absolute()
        if key in seen:
            continue
        seen.add(key)
        if path.is_file() and is_own_report(path):
            note(f"procure-check: note: {path}: a report written by procure-check; not checked")
            continue
        yield path


def _warn_if_several_tenders(files: list[Path], note: Note) -> None:
    """The files named together are one tender set: say so when they come from folders side by side, or two
    have the same name (udbudsbetingelser.pdf of two tenders)."""
    folders = sorted({path.parent.resolve() for path in files}, key=lambda folder: len(folder.parts))
    roots = [folder for number, folder in enumerate(folders)
             if not any(folder.is_relative_to(other) for other in folders[:number])]
    stems = [path.stem.lower() for path in files]
    if len(roots) > 1 or len(set(stems)) < len(stems):
        note(f"procure-check: warning: the {len(files)} files named are checked as one tender set, but they look "
             "like separate tenders (files from folders side by side, or with the same name); to check each "
             "tender on its own, name the tender folders (procure-check tender FOLDER...)")
