"""Fibre compositions: "50 % bomuld / 50 % polyester", and for towels which part (pile, ground) they describe."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract.numbers import parse_number
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.facts import FibreComposition

_PART_REACH = 40


@cache
def _vocabulary():
    data = rules_file("fibres.yaml")
    names: dict[str, str] = {}
    alternatives = []
    for fibre, words in data["fibres"].items():
        for word in words:
            alternatives.append(word)
            names[word.lower()] = fibre
    # Fibre codes count only in capitals: "100 % el" is electricity, "100 % EL" elastane.
    fibre_word = "|".join(f"(?-i:{word})" if word.isupper() else word
                          for word in sorted(alternatives, key=len, reverse=True))
    qualifier = "|".join(sorted(data["qualifiers"], key=len, reverse=True))
    percent = rf"(\d{{1,3}}(?:[.,]\d+)?)\s*%\s*(?:(?:{qualifier})[\s\-]+)?"
    share = rf"{percent}(?:{fibre_word})(?![\w])"
    composition = re.compile(rf"{share}(?:\s*(?:/|,|\+|&|og|and|und|och|-|–)\s*{share})*", re.IGNORECASE)
    one_share = re.compile(rf"{percent}({fibre_word})(?![\w])", re.IGNORECASE)
    parts = [(part, words_pattern(words)) for part, words in data["parts"].items()]
    return composition, one_share, names, parts


def find_fibres(page: PageText, lang: str, new_id: Callable[[str], str]) -> Iterator[FibreComposition]:
    composition, one_share, names, parts = _vocabulary()
    text = page.text
    for match in composition.finditer(text):
        shares: dict[str, float] = {}
        for share in one_share.finditer(match.group()):
            fibre = _fibre_name(share.group(2), names)
            shares[fibre] = shares.get(fibre, 0.0) + parse_number(share.group(1), lang)
        line_start = text.rfind("\n", 0, match.start()) + 1
        window_start = max(line_start, match.start() - _PART_REACH)
        part = "whole"
        nearest = -1
        for name, pattern in parts:
            for found in pattern.finditer(text, window_start, match.start()):
                if found.start() > nearest:
                    nearest, part = found.start(), name
        quote_start = nearest if nearest >= 0 else match.start()
        yield FibreComposition(
            id=new_id("fibres"), part=part, n_fibres=len(shares), cotton_pct=shares.get("cotton", 0.0),
            composition=" / ".join(f"{value:g} % {fibre}" for fibre, value in shares.items()),
            evidence=[page.evidence(quote_start, match.end(), focus=match.span())],
        )


def _fibre_name(word: str, names: dict[str, str]) -> str:
    lowered = word.lower()
    if lowered in names:
        return names[lowered]
    return next((fibre for pattern, fibre in names.items() if re.fullmatch(pattern, lowered)), lowered)
