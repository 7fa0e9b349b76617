"""Fibre compositions, as they are written ("50 % bomuld / 50 % polyester", "Bomuld 52 % Polyester 48 %",
"CO 80 / PES 20", "50/50 bomuld/polyester"), and for towels which part (pile, ground) they describe."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract.numbers import parse_number
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.extract.products import heading_type
from procure_check.facts import FibreComposition

_PART_REACH = 40
_WHOLE = 100.0
"""Shares written without "%" ("CO 80 / PES 20", "50/50") count only where they add up to this."""
_NUMBER = r"\d{1,3}(?:[.,]\d+)?"
_JOIN = r"\s*(?:/|,|\+|&|·|og|and|und|och|-|–)\s*"
_TITLE_LINES = 4
"""A data sheet's title is in its first lines (as `procure_check.extract.TITLE_LINES`)."""


@cache
def _vocabulary():
    data = rules_file("fibres.yaml")
    names: dict[str, str] = {}
    alternatives = []
    for fibre, words in data["fibres"].items():
        for word in words:
            alternatives.append(word)
            names[word.lower()] = fibre
    ordered = sorted(alternatives, key=len, reverse=True)
    # Fibre codes count only in capitals: "100 % el" is electricity, "100 % EL" elastane.
    fibre = "|".join(f"(?-i:{word})" if word.isupper() else word for word in ordered)
    code = "|".join(f"(?-i:{word})" for word in ordered if word.isupper())
    qualifier = "|".join(sorted(data["qualifiers"], key=len, reverse=True))
    # Each way of writing a share, with the groups `pct` and `fibre`: whether its shares may stand apart
    # without a joining word ("Bomuld 52 % Polyester 48 %"), and whether they are written without "%".
    shares = [
        # "50 % økologisk bomuld (CO)": a code in brackets after the fibre repeats it.
        (r"(?P<pct>{n})\s*%\s*(?:(?:{q})[\s\-]+)?(?P<fibre>{f})(?!\w)(?:\s*\((?:{c})\))?", False, False),
        (r"(?P<fibre>{f})(?!\w)\s*:?\s*(?P<pct>{n})\s*%", True, False),
        (r"(?P<fibre>{c})\s*(?P<pct>\d{{1,3}})(?![\w%.,])", False, True),
    ]
    forms = []
    for share, apart, bare in shares:
        join = f"(?:{_JOIN}|\\s+)" if apart else _JOIN
        named = share.format(n=_NUMBER, q=qualifier, f=fibre, c=code)
        plain = named.replace("?P<pct>", "").replace("?P<fibre>", "")
        forms.append((re.compile(rf"{named}(?:{join}{plain})*", re.IGNORECASE), re.compile(named, re.IGNORECASE),
                      bare))
    # The shares, then the fibres, each as a list: "50/50 bomuld/polyester", "CO/PES 80/20".
    numbers = rf"(?P<pcts>{_NUMBER}(?:\s*/\s*{_NUMBER})+)\s*%?"
    fibres = rf"(?P<fibres>(?:{fibre})(?:\s*/\s*(?:{fibre}))+)(?!\w)"
    lists = [re.compile(rf"(?<![\w/]){numbers}\s*{fibres}", re.IGNORECASE),
             re.compile(rf"(?<![\w/]){fibres}\s*{numbers}(?![\w/])", re.IGNORECASE)]
    fibre_only = re.compile(rf"(?:{fibre})(?!\w)", re.IGNORECASE)
    parts = [(part, words_pattern(words)) for part, words in data["parts"].items()]
    return forms, lists, fibre_only, names, parts


def find_fibres(page: PageText, lang: str, new_id: Callable[[str], str]) -> Iterator[FibreComposition]:
    forms, lists, _, names, parts = _vocabulary()
    text = page.text
    readings: list[tuple[int, int, dict[str, float]]] = []
    for composition, one_share, bare in forms:
        for match in composition.finditer(text):
            pairs = [(share["fibre"], share["pct"]) for share in one_share.finditer(match.group())]
            readings.extend(_reading(match.span(), _shares(pairs, names, lang), bare=bare))
    for pattern in lists:
        for match in pattern.finditer(text):
            readings.extend(_reading(match.span(), _listed(match, names, lang), bare=True))
    others = _other_items(page)
    for start, end, shares in _longest(readings):
        if any(section_start <= start < section_end for section_start, section_end in others):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        window_start = max(line_start, start - _PART_REACH)
        part = "whole"
        nearest = -1
        for name, pattern in parts:
            for word in pattern.finditer(text, window_start, start):
                if word.start() > nearest:
                    nearest, part = word.start(), name
        quote_start = nearest if nearest >= 0 else start
        yield FibreComposition(
            id=new_id("fibres"), part=part, n_fibres=len(shares), cotton_pct=shares.get("cotton", 0.0),
            composition=" / ".join(f"{value:g} % {fibre}" for fibre, value in shares.items()),
            evidence=[page.evidence(quote_start, end, focus=(start, end))],
        )


def _other_items(page: PageText) -> list[tuple[int, int]]:
    """The sections of a catalogue page given to items other than the one its title names. The title names
    an item ("Pudebetræk Basic 60 × 63 cm og øvrigt sortiment") whose heading follows (a short line that is
    no sentence and begins with a product type: "Pudebetræk Basic 60 × 63 cm"); the other headings after the
    title begin the other items' sections, each up to the next heading. Only the first page has the title."""
    if page.number != 1:
        return []
    text = page.text
    starts = [0] + [found.end() for found in re.finditer("\n", text)]
    lines = [_squash(text[start:end - 1]) for start, end in zip(starts, [*starts[1:], len(text) + 1], strict=True)]
    headings = [index for index, line in enumerate(lines)
                if line and not _SENTENCE.search(line) and heading_type(line + "\n", len(line) + 1)]
    named = next(((title, index) for index in headings for title in range(min(index, _TITLE_LINES))
                  if lines[index] in lines[title]), None)
    if named is None:
        return []
    title, item = named
    bounds = [index for index in headings if index > title]
    return [(starts[index], starts[following] if following < len(starts) else len(text))
            for index, following in zip(bounds, [*bounds[1:], len(starts)], strict=True)
            if lines[index] != lines[item]]


_SENTENCE = re.compile(r"[.!?](?:\s|$)")
"""A line with a full stop is a sentence ("Håndklædet har vævet bort i begge ender."), not a heading."""


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _reading(span: tuple[int, int], shares: dict[str, float] | None, *, bare: bool) -> list:
    """A composition read at `span`, unless its shares are written without "%" (`bare`) and are not several
    that add up to the whole."""
    if not shares or (bare and (len(shares) < 2 or abs(sum(shares.values()) - _WHOLE) > 0.5)):
        return []
    return [(*span, shares)]


def _longest(readings: list[tuple[int, int, dict[str, float]]]) -> list[tuple[int, int, dict[str, float]]]:
    """Of readings that overlap, the longest ("Bomuld 52 % Polyester 48 %" is two shares written fibre first,
    not "52 % Polyester"); the first way of writing where they are as long. In the order of the text."""
    kept: list[tuple[int, int, dict[str, float]]] = []
    for reading in sorted(readings, key=lambda item: item[0] - item[1]):  # stable: ties keep their form order
        if not any(start < reading[1] and reading[0] < end for start, end, _ in kept):
            kept.append(reading)
    return sorted(kept, key=lambda item: item[0])


def _listed(match: re.Match[str], names: dict[str, str], lang: str) -> dict[str, float] | None:
    """The shares of "50/50 bomuld/polyester": as many numbers as fibres, in the same order."""
    numbers = re.findall(_NUMBER, match["pcts"])
    fibres = _vocabulary()[2].findall(match["fibres"])
    return _shares(list(zip(fibres, numbers, strict=True)), names, lang) if len(numbers) == len(fibres) else None


def _shares(pairs: list[tuple[str, str]], names: dict[str, str], lang: str) -> dict[str, float]:
    shares: dict[str, float] = {}
    for word, number in pairs:
        fibre = _fibre_name(word, names)
        shares[fibre] = shares.get(fibre, 0.0) + parse_number(number, lang)
    return shares


def _fibre_name(word: str, names: dict[str, str]) -> str:
    lowered = word.lower()
    if lowered in names:
        return names[lowered]
    return next((fibre for pattern, fibre in names.items() if re.fullmatch(pattern, lowered)), lowered)
