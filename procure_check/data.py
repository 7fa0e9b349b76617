"""Where the catalogue and rules data live, and how they are read (safely: YAML, no code)."""

import sys
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


class _Checks:
    """Added to the safe loader (plain data, no code): it also refuses a key given twice in one mapping
    (the safe loader keeps the last silently) and reports a value it cannot build (`2026-02-30`) with its line."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError) as error:
            raise yaml.constructor.ConstructorError(None, None, str(error), node.start_mark) from None

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            lines: dict[Any, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # complex keys are refused by the safe loader; merged keys may be overridden
                key = self.construct_object(key_node)
                if key in lines:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key '{key}' (first at line {lines[key] + 1})", key_node.start_mark
                    )
                lines[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


class _Loader(_Checks, yaml.SafeLoader):
    """The safe loader with the checks, in Python: what a YAML error says comes from it."""


class _FastLoader(_Checks, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, parsing with libyaml where PyYAML has it: about eight times faster (every run reads the
    catalogue and the rules). A file it refuses is read again by `_Loader`, for the same error messages."""


def read_yaml(path: Path) -> Any:
    """Parse a YAML file with the safe loader; any problem is a one-line CatalogueError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(f"cannot read file: {error}", str(path)) from None
    try:
        try:
            return yaml.load(text, Loader=_FastLoader)
        except (yaml.YAMLError, RecursionError):
            pass
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise CatalogueError(f"invalid YAML{where}: {problem}", str(path)) from None
    except RecursionError:
        raise CatalogueError("invalid YAML: nested too deeply", str(path)) from None


_extra_rules: Path | None = None
"""A catalogue's own `rules/` folder, merged over the built-in files (`use_rules`)."""


def use_rules(folder: Path | None) -> None:
    """Merge `folder`'s vocabulary files over the built-in ones from now on (`None`: the built-in ones alone).

    The vocabulary is one per process, like the rules engine. Changing it empties every cache of the
    package, so that no pattern compiled from the previous words survives."""
    global _extra_rules
    if folder != _extra_rules:
        _extra_rules = folder
        reload_rules()


def reload_rules() -> None:
    """Forget everything read or compiled from the vocabulary files: the next use reads them again."""
    for module in [module for name, module in sys.modules.items() if name.split(".")[0] == "procure_check"]:
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def rules_sources(name: str) -> list[Path]:
    """The files a vocabulary is read from: the built-in one, then the catalogue's addition if it has one."""
    sources = [data_dir("rules") / name]
    if _extra_rules is not None and (_extra_rules / name).is_file():
        sources.append(_extra_rules / name)
    return sources


@cache
def rules_file(name: str) -> Any:
    """A file of `rules/` (vocabularies and patterns), parsed once per process, with the catalogue's additions
    merged over it (`merge_rules`)."""
    builtin, *additions = rules_sources(name)
    data = read_yaml(builtin)
    for path in additions:
        data = merge_rules(data, read_yaml(path))
    return data


def merge_rules(base: Any, addition: Any) -> Any:
    """`addition` over `base`: mappings merge key by key, lists are extended (without repeats), and any other
    value (or a value of another type, which validation then refuses) replaces the built-in one."""
    if isinstance(base, dict) and isinstance(addition, dict):
        return {**base, **{key: merge_rules(base[key], value) if key in base else value
                           for key, value in addition.items()}}
    if isinstance(base, list) and isinstance(addition, list):
        return base + [item for item in addition if item not in base]
    return addition
