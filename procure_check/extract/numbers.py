"""Numbers and quantities (number + unit) as written in supplier documents.

Decimal and thousands marks follow the document language: English writes "1,234.5", Danish, Swedish,
Norwegian and German write "1.234,5" or "1 234,5". The units and their written forms are data, in
`rules/units.yaml`.
"""

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from procure_check.data import data_dir, rules_file
from procure_check.errors import CatalogueError

Lang = Literal["da", "en", "sv", "nb", "de"]
LANGS: tuple[str, ...] = get_args(Lang)

_SPACES = " \u00a0\u202f\u2009"
_GAP = f"[{_SPACES}\t]*"
# Between number and unit: spaces, nothing ("8,5W") or a hyphen ("3-year warranty").
_UNIT_GAP = f"(?:-|{_GAP})"
_SIGNS = "-+\u2212"
_NUMBER_SHAPE = re.compile(f"([{_SIGNS}]?)([0-9]+(?:[.,{_SPACES}][0-9]+)*)")
_SEPARATOR = re.compile(f"[.,{_SPACES}]")
# A grouped number ("4.850", "1 241,5") or a plain one ("11,2"); a group is never followed by a digit.
_NUMBER = f"[0-9]{{1,3}}(?:[.,{_SPACES}][0-9]{{3}}(?![0-9]))+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?"
# Not glued to a word ("E27", "GU10"), a unit ("kWh/24t") or the middle of another number. The leading
# lookahead lets `re` skip ahead to digits and signs quickly.
_NUMBER_START = f"(?=[{_SIGNS}0-9])(?<![\\w/.,])"
# The unit ends at a word boundary and does not go on as a compound unit ("W/m²", "l/100 km").
_UNIT_END = r"(?!\w|/\w)"
_RANGE_DASH = "[-\u2013\u2014]"
_UNITS_FILE = "units.yaml"


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A number with a unit found in text; `value` and `high` are in the canonical `unit`."""

    start: int
    end: int
    value: float
    unit: str
    quantity: str
    raw: str
    high: float | None = None


@dataclass(frozen=True, slots=True)
class UnitAlias:
    """One written form of a canonical unit: `value_in_unit = written_value * factor`."""

    alias: str
    unit: str
    quantity: str
    factor: Fraction
    case_sensitive: bool
    not_followed_by: str | None


class _Form(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    aliases: list[str]
    factor: Fraction = Fraction(1)
    case: Literal["ignore", "exact"] = "ignore"
    lang: list[Lang] | None = None
    not_followed_by: str | None = None

    @field_validator("factor", mode="before")
    @classmethod
    def _fraction(cls, value: object) -> Fraction:
        return Fraction(str(value))

    @field_validator("not_followed_by")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"bad regular expression: {error}") from error
        return value


class _Unit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: str
    forms: list[_Form]


class _UnitsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    units: dict[str, _Unit]


def parse_number(text: str, lang: str) -> float:
    """Read a number written in the convention of `lang`, e.g. "4.850" (da) → 4850.0.

    A "." or "," that occurs once is the decimal mark unless it is the language's thousands mark
    ("." for da/sv/nb/de, "," for en) followed by exactly three digits. When both occur, the last is
    the decimal mark. Spaces (also no-break and thin) only group thousands. Raises ValueError otherwise.
    """
    thousands_mark = _thousands_mark(lang)
    match = _NUMBER_SHAPE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a number: {text!r}")
    sign, body = match.groups()
    groups = _SEPARATOR.split(body)
    separators = _SEPARATOR.findall(body)
    fraction = ""
    if separators and _ends_in_decimal(groups, separators, thousands_mark):
        fraction = groups.pop()
        separators.pop()
    if not _valid_grouping(groups, separators):
        raise ValueError(f"not a number: {text!r}")
    minus = "-" if sign in ("-", "\u2212") else ""
    value = float(f"{minus}{''.join(groups)}.{fraction or '0'}")
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text!r}")
    return value


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")


def _thousands_mark(lang: str) -> str:
    _check_lang(lang)
    return "," if lang == "en" else "."


def _ends_in_decimal(groups: list[str], separators: list[str], thousands_mark: str) -> bool:
    """Whether the last separator is the decimal mark."""
    last = separators[-1]
    if last in _SPACES or separators.count(last) > 1:
        return False
    if len({mark for mark in separators if mark not in _SPACES}) == 2:
        return True
    return last != thousands_mark or len(groups[-1]) != 3 or not _leads_thousands(groups[0])


def _leads_thousands(group: str) -> bool:
    return len(group) <= 3 and not group.startswith("0")


def _valid_grouping(groups: list[str], separators: list[str]) -> bool:
    """Whether thousands are grouped in threes with one kind of mark (any space counts as one)."""
    if not separators:
        return True
    kinds = {" " if mark in _SPACES else mark for mark in separators}
    return (
        len(kinds) == 1
        and _leads_thousands(groups[0])
        and all(len(group) == 3 for group in groups[1:])
    )


def find_quantities(text: str, lang: str) -> list[QuantityMatch]:
    """Every number followed by a known unit in `text`, converted to the canonical unit.

    A range such as "1–2 %" gives one match with the lower end in `value` and the upper in `high`.
    """
    pattern, aliases = _matcher(lang)
    found = []
    for match in pattern.finditer(text):
        alias = aliases[int(match.lastgroup[1:])]
        try:
            ends = [parse_number(match["num"], lang)]
            if match["high"] is not None:
                ends.append(parse_number(match["high"], lang))
        except ValueError:
            continue
        low, *high = sorted(_convert(end, alias.factor) for end in ends)
        found.append(QuantityMatch(
            start=match.start(), end=match.end(), value=low, unit=alias.unit, quantity=alias.quantity,
            raw=match[0], high=high[0] if high else None,
        ))
    return found


def _convert(value: float, factor: Fraction) -> float:
    return value if factor == 1 else float(Fraction(value) * factor)


@cache
def _matcher(lang: str) -> tuple[re.Pattern[str], tuple[UnitAlias, ...]]:
    """The compiled quantity pattern of a language; alias i ends in the empty group named `u{i}`."""
    aliases = unit_aliases(lang)
    root: dict = {}
    for index, alias in enumerate(aliases):
        node = root
        for atom in _atoms(alias):
            node = node.setdefault(atom, {})
        node.setdefault("", index)
    number = f"[{_SIGNS}]?(?:{_NUMBER})"
    pattern = (
        f"{_NUMBER_START}(?P<num>{number})(?:{_GAP}{_RANGE_DASH}{_GAP}(?P<high>{_NUMBER}))?"
        f"{_UNIT_GAP}{_trie_regex(root, aliases)}"
    )
    return re.compile(pattern), aliases


def _atoms(alias: UnitAlias) -> list[str]:
    """The alias as a sequence of regular expressions, one per character, space or slash."""
    atoms = []
    for piece in re.split(r"(\s*/\s*|\s+)", alias.alias.strip()):
        if "/" in piece:
            atoms.append(r"\s*/\s*")
        elif piece.isspace():
            atoms.append(r"\s*")
        else:
            atoms.extend(_char_atom(char, alias.case_sensitive) for char in piece)
    return atoms


def _char_atom(char: str, case_sensitive: bool) -> str:
    variants = {char} if case_sensitive else {char, char.lower(), char.upper()}
    variants = {variant for variant in variants if len(variant) == 1}
    return re.escape(char) if len(variants) == 1 else f"[{''.join(sorted(variants))}]"


def _trie_regex(node: dict, aliases: tuple[UnitAlias, ...]) -> str:
    """The aliases under `node` as one regex; where an alias ends, the unit-end checks and its group.

    Continuations are tried before an alias ends, and siblings in insertion order (longest alias first),
    so the longest alias wins. Sharing prefixes keeps the failing attempt after each number cheap.
    """
    branches = [atom + _trie_regex(child, aliases) for atom, child in node.items() if atom]
    if "" in node:
        index = node[""]
        guard = f"(?!{aliases[index].not_followed_by})" if aliases[index].not_followed_by else ""
        branches.append(f"{_UNIT_END}{guard}(?P<u{index}>)")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@cache
def unit_aliases(lang: str) -> tuple[UnitAlias, ...]:
    """The unit aliases that apply in documents in `lang`, longest first."""
    _check_lang(lang)
    aliases = [
        UnitAlias(alias, unit, spec.quantity, form.factor, form.case == "exact", form.not_followed_by)
        for unit, spec in _units().units.items()
        for form in spec.forms
        if form.lang is None or lang in form.lang
        for alias in form.aliases
    ]
    _check_unambiguous(aliases)
    return tuple(sorted(aliases, key=lambda alias: len(alias.alias), reverse=True))


def _check_unambiguous(aliases: list[UnitAlias]) -> None:
    """Raise if two aliases can match the same text but mean different things."""
    seen: dict[str, list[UnitAlias]] = {}
    for alias in aliases:
        written = re.sub(r"\s+", "", alias.alias)
        for other in seen.setdefault(written.casefold(), []):
            same_text = written == re.sub(r"\s+", "", other.alias)
            overlap = same_text or not (alias.case_sensitive and other.case_sensitive)
            if overlap and (alias.unit, alias.factor) != (other.unit, other.factor):
                raise CatalogueError(f"unit alias {alias.alias!r} has two meanings", _units_path())
        seen[written.casefold()].append(alias)


@cache
def _units() -> _UnitsFile:
    try:
        return _UnitsFile.model_validate(rules_file(_UNITS_FILE))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CatalogueError(f"invalid units at {where}: {first['msg']}", _units_path()) from None


def _units_path() -> str:
    return str(data_dir("rules") / _UNITS_FILE)
