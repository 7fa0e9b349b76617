"""Energy classes: "Energiklasse: D" (rescaled A–G) or "energy class A++" (the old scale)."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract.pagetext import PageText
from procure_check.facts import EnergyClass

RANKS = {letter: rank for rank, letter in enumerate("ABCDEFG", start=1)}
"""Rescaled A–G: lower is better, so "at least D" is `rank <= 4`."""


@cache
def _pattern() -> re.Pattern[str]:
    cues = sorted(rules_file("measures.yaml")["energy_class_cues"], key=len, reverse=True)
    cues = "|".join(f"(?:{cue})" for cue in cues)
    return re.compile(
        rf"(?<![\w])(?:{cues})(?![\w])\s*(?:\([^)]{{0,30}}\)\s*)?[:=\-–]?\s*(?:er|is|ist|är|of|:)?\s*"
        # The class is a capital ("energy class of a monitor" names none), and not the first letter of the
        # printed scale ("Energiklasse A B C D E F G", "energy class A to G").
        r"(?P<cls>(?-i:[A-G]))(?P<plus>\+{1,3})?(?![\w+])(?!\s*(?:[-–/]|to|til|bis)?\s*(?-i:[A-G])(?![\w+]))",
        re.IGNORECASE,
    )


def find_energy_classes(page: PageText, new_id: Callable[[str], str]) -> Iterator[EnergyClass]:
    for match in _pattern().finditer(page.text):
        letter, plus = match["cls"].upper(), match["plus"] or ""
        if letter != "A" and plus:
            continue
        yield EnergyClass(
            id=new_id("energy_class"), cls=letter + plus, scale="old" if plus else "rescaled",
            rank=RANKS[letter] - len(plus), evidence=[page.evidence(match.start(), match.end())],
        )


def class_from_efficacy(efficacy: float, directional: bool) -> str:
    """The energy class of a light source from its efficacy, per Regulation (EU) 2019/2015."""
    factor = 1.176 if directional else 1.0
    for letter, threshold in (("A", 210), ("B", 185), ("C", 160), ("D", 135), ("E", 110), ("F", 85)):
        if efficacy >= threshold * factor:
            return letter
    return "G"
