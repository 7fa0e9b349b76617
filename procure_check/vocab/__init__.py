"""The vocabulary of `rules/`, checked when the catalogue loads: before any document is read, every file is
validated against its model (`schemas.FILES`) and its patterns are compiled. A slip is one `CatalogueError`
naming the file, the entry and the field (`rules/statements.yaml: no_propellant: field
'statements.no_propellant': Input should be a valid list, got 'uden drivgas'`).

A catalogue folder may carry a `rules/` folder of its own: its files are merged over the built-in ones of
the same name (`procure_check.data.merge_rules`), so that a new criterion can bring the words it needs.
"""

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from procure_check.data import data_dir, read_yaml, rules_file, rules_sources, use_rules
from procure_check.errors import CatalogueError
from procure_check.stamps import Stamp, code_files

Entry = TypeVar("Entry", bound=BaseModel)

READ_AT_IMPORT = {"context.yaml"}
"""Files read once, when the modules using them are imported: a catalogue cannot add to them."""


def load_vocabulary(extra: Path | None = None) -> None:
    """Use the built-in vocabulary with `extra`'s additions (a catalogue's `rules/` folder) and check it all."""
    from procure_check.vocab.schemas import FILES

    if extra is not None:
        for path in sorted(extra.iterdir()):
            if path.name not in FILES:
                raise CatalogueError(f"not a vocabulary file (known: {', '.join(FILES)})", str(path))
            if path.name in READ_AT_IMPORT:
                raise CatalogueError("this vocabulary cannot be extended by a catalogue", str(path))
    use_rules(extra)
    _check()


def entries(name: str, key: str, model: type[Entry]) -> dict[str, Entry]:
    """The entries under `key` of the vocabulary file `name`, each read as `model`; a slip is the one-line error
    of `load_vocabulary`."""
    try:
        return TypeAdapter(dict[str, model]).validate_python(rules_file(name)[key])
    except ValidationError as error:
        raise _located(error, name, within=(key,)) from None


@cache
def _check() -> None:
    """Validate every file once per vocabulary (`use_rules` empties this cache when the vocabulary changes), and
    not again in later runs while the files and their models stay the same (`procure_check.stamps`)."""
    files = [source for path in sorted(data_dir("rules").glob("*.yaml")) for source in rules_sources(path.name)]
    stamp = Stamp("vocabulary", [*code_files(), *files])  # the models, the code they call, the files
    if stamp.exists():
        return
    from procure_check.vocab import schemas  # its models take a moment to build

    for name, model in schemas.FILES.items():
        try:
            model.model_validate(rules_file(name))
        except ValidationError as error:
            raise _located(error, name) from None
    stamp.mark()


def _located(error: ValidationError, name: str, within: tuple[str, ...] = ()) -> CatalogueError:
    """The first problem, naming the file it comes from, its entry and its field (the error of a part of the
    file: the keys `within` it lies)."""
    problem = error.errors()[0]
    location = [*within, *problem["loc"]]
    field = ".".join(map(str, location)) or "(top level)"
    entry = location[1] if len(location) > 1 and isinstance(location[1], str) else location[0] if location else ""
    message = problem["msg"].removeprefix("Value error, ")
    if problem["type"].endswith("_type"):
        message += f", got {_shown(problem['input'])}"
    sources = rules_sources(name)
    blamed = max(reversed(sources), key=lambda path: _depth(read_yaml(path), location))
    return CatalogueError(f"{entry}: field '{field}': {message}" if entry else f"field '{field}': {message}",
                          str(blamed))


def _depth(data: Any, location: list[Any]) -> int:
    """How much of `location` exists in `data`."""
    for depth, key in enumerate(location):
        in_list = isinstance(data, list) and isinstance(key, int) and key < len(data)
        if not (key in data if isinstance(data, dict) else in_list):
            return depth
        data = data[key]
    return len(location)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
