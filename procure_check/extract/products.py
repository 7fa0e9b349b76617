"""What the document is about: product types (towel, monitor, LED light source) and lamp caps."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract import context
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import FirstMatches, words_pattern
from procure_check.facts import LampCap, ProductType


@cache
def _types() -> FirstMatches:
    return FirstMatches((name, body["words"]) for name, body in rules_file("product_types.yaml")["types"].items())


@cache
def _caps() -> tuple[dict[str, tuple[bool, bool]], FirstMatches, re.Pattern[str]]:
    data = rules_file("product_types.yaml")
    kinds = {name: (body["directional"], body["mains"]) for name, body in data["caps"].items()}
    patterns = FirstMatches((name, body["words"]) for name, body in data["caps"].items())
    return kinds, patterns, words_pattern(data["directional_words"])


def type_group(product_type: str) -> str | None:
    """The product group a product type belongs to."""
    body = rules_file("product_types.yaml")["types"].get(product_type)
    return body["group"] if body else None


@cache
def false_friends(language: str) -> frozenset[str]:
    """Words that are no product type or scope word in `language` (rules/product_types.yaml)."""
    words = rules_file("product_types.yaml").get("false_friends", {}).get(language, [])
    return frozenset(word.casefold() for word in words)


def find_product_types(page: PageText, new_id: Callable[[str], str], language: str = "") -> Iterator[ProductType]:
    """The first mention of each product type on the page, in the order they are first named (a false friend
    of `language` is none)."""
    for start, end, name, group in _named_types(page.text, language):
        yield ProductType(id=new_id("product_type"), type=name, group=group, evidence=[page.evidence(start, end)])


def title_types(title: str, language: str = "", *, every: bool = False) -> list[str]:
    """The product a title line names: its first product type, and those coordinated with it
    ("Sengelinned og håndklæder"), but not the parts it mentions ("11-inch tablet with a … display").
    `every`: all the types the text names."""
    named = _compound_heads(_named_types(title, language), title)
    if every:
        return [name for _, _, name, _ in named]
    types = named[:1]
    for following in named[1:]:
        if not _COORDINATION.fullmatch(title, types[-1][1], following[0]):
            break
        types.append(following)
    return [name for _, _, name, _ in types]


HEADING_REACH = 8
"""How many lines above a claim a product's heading is looked for."""
HEADING_LENGTH = 80
"""A product's heading is a short line."""
_FIELD = re.compile(r"[^:|\n]{1,30}[:|]\s")


def heading_type(text: str, position: int) -> str | None:
    """The product type that the nearest short line above `position` begins with, if any (within a few lines)."""
    end = text.rfind("\n", 0, position)
    for _ in range(HEADING_REACH):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].lstrip(" #*•-–")
        if len(line) <= HEADING_LENGTH and not _FIELD.match(line):  # "Timber: teak" is a field, not a heading
            named = _named_types(line, "")
            if named and named[0][0] == 0:
                return named[0][2]
        end = start - 1
    return None


def _compound_heads(named: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """Types as compounds name them: the head comes last ("Möbel-Reiniger" is a cleaner, not furniture),
    and of two names over the same words the longer one ("Hand Cleaner", not "Cleaner") counts."""
    kept = []
    for item in named:
        start, end, _, _ = item
        if kept and start < kept[-1][1]:  # overlaps the one before: keep the longer
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = item
            continue
        if kept and start == kept[-1][1] + 1 and text[kept[-1][1]] == "-":
            kept[-1] = item  # "Möbel-Reiniger": the head is the second part
            continue
        kept.append(item)
    return kept


_COORDINATION = re.compile(r"\s*(?:og|and|och|und|samt|eller|or|&|/|,|\+)\s*", re.IGNORECASE)


def _named_types(text: str, language: str) -> list[tuple[int, int, str, str]]:
    """(start, end, type, group) of the first mention of each type, by position. Each type's words are matched
    only if the text can contain them (`FirstMatches`): most texts name few of the types, if any."""
    return sorted((found.start(), found.end(), name, type_group(name))
                  for name, found in _types()(text, false_friends(language)))


def find_lamp_caps(page: PageText, new_id: Callable[[str], str]) -> Iterator[LampCap]:
    """Lamp caps (E27, GU10, …); a spot or reflector lamp is directional whatever its cap."""
    kinds, caps, directional_words = _caps()
    named = caps(page.text)
    if not named:
        return
    directional_text = any(not _negated(page.text, *found.span()) for found in directional_words.finditer(page.text))
    for name, match in named:
        directional, mains = kinds[name]
        yield LampCap(id=new_id("lamp_cap"), cap=name, directional=directional or directional_text, mains=mains,
                      evidence=[page.evidence(match.start(), match.end())])


def _negated(text: str, start: int, end: int) -> bool:
    """Whether a directional word is negated ("non-directional", "ikke egnet til spot-armaturer")."""
    clause_start, clause_end = context.clause_bounds(text, start, end)
    return context.is_negated(text, clause_start, start, end, clause_end)
