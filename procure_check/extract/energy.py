"""Energy classes: "Energiklasse: D" (rescaled A–G) or "energy class A++" (the old scale)."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.facts import EnergyClass

RANKS = {letter: rank for rank, letter in enumerate("ABCDEFG", start=1)}
"""Rescaled A–G: lower is better, so "at least D" is `rank <= 4`."""


@cache
def cue_pattern() -> re.Pattern[str]:
    """The words that announce an energy class ("Energiklasse", "energy class"), as whole words."""
    return words_pattern(rules_file("measures.yaml")["energy_class_cues"])


@cache
def _pattern() -> re.Pattern[str]:
    cues = sorted(rules_file("measures.yaml")["energy_class_cues"], key=len, reverse=True)
    cues = "|".join(f"(?:{cue})" for cue in cues)
    return re.compile(
        # A qualifier in brackets may hold brackets ("(förordning (EU) 2019/2013)"); the value may stand in
        # the next cell and name the mode it is for ("| SDR: E / HDR: F").
        # Dot leaders may join the cue to its class ("Energiklass ............. D").
        rf"(?<![\w])(?:{cues})(?![\w])\s*(?:\((?:[^()]|\([^()]*\)){{0,40}}\)\s*)?(?:[.…_]{{2,}}\s*)?[:=\-–|]?\s*"
        r"(?:(?:er|is|ist|är|of|:)\s*)?(?:(?:SDR|on[- ]mode)\s*:\s*)?"
        # The class is a capital ("energy class of a monitor" names none), and not the first letter of the
        # printed scale ("Energiklasse A B C D E F G", "energy class A to G").
        r"(?P<cls>(?-i:[A-G]))(?P<plus>\+{1,3})?(?![\w+])(?!\s*(?:[-–/]|to|til|bis)?\s*(?-i:[A-G])(?![\w+]))",
        re.IGNORECASE,
    )


@cache
def _former() -> re.Pattern[str]:
    return words_pattern(rules_file("measures.yaml")["energy_class_former"])


def find_energy_classes(page: PageText, new_id: Callable[[str], str]) -> Iterator[EnergyClass]:
    """The energy classes stated for the product; a former one ("Tidligere energiklasse: A+") is none."""
    text = page.text
    for match in _pattern().finditer(text):
        letter, plus = match["cls"].upper(), match["plus"] or ""
        if letter != "A" and plus:
            continue
        if _former().search(text, text.rfind("\n", 0, match.start()) + 1, match.start()):
            continue
        yield EnergyClass(
            id=new_id("energy_class"), cls=letter + plus, scale="old" if plus else "rescaled",
            rank=RANKS[letter] - len(plus), evidence=[page.evidence(match.start(), match.end(), focus=match.span())],
        )


def f_tm(directional: bool, mains: bool) -> float:
    """The efficacy factor F_TM of Regulation (EU) 2019/2015 for a kind of light source."""
    kind = f"{'directional' if directional else 'non_directional'}_{'mains' if mains else 'not_mains'}"
    return float(rules_file("measures.yaml")["efficacy_classes"]["f_tm"][kind])


def class_from_efficacy(efficacy: float, directional: bool, mains: bool = True) -> str:
    """The energy class of a light source from its efficacy Φ_use / P_on (lm/W), per Regulation (EU)
    2019/2015: the total mains efficacy η_TM = efficacy × F_TM against the class thresholds."""
    total_mains = efficacy * f_tm(directional, mains)
    thresholds = rules_file("measures.yaml")["efficacy_classes"]["thresholds"]
    for letter, threshold in sorted(thresholds.items(), key=lambda item: -item[1]):
        if total_mains >= threshold:
            return letter
    return "G"
