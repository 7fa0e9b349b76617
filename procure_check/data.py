"""Where the catalogue and rules data live, and how they are read (safely: YAML, no code)."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from procure_check.errors import CatalogueError

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`criteria/` or `rules/`: shipped inside the wheel, or beside the package in a checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise CatalogueError(f"data folder '{name}' not found next to the package", str(_PACKAGE))


def read_yaml(path: Path) -> Any:
    """Parse a YAML file with the safe loader; any problem is a one-line CatalogueError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(f"cannot read file: {error}", str(path)) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise CatalogueError(f"invalid YAML{where}: {problem}", str(path)) from None


@cache
def rules_file(name: str) -> Any:
    """A file of `rules/` (vocabularies and patterns), parsed once per process."""
    return read_yaml(data_dir("rules") / name)
