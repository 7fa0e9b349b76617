"""Substances declared present ("Indeholder limonene") or absent ("parfumefri", "phthalate-free")."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract import context
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.facts import Substance

_NEVER = re.compile(r"(?!)")


@cache
def _groups() -> list[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]]:
    groups = rules_file("substances.yaml")["groups"]
    return [(name, words_pattern(body["free"]), words_pattern(body["names"]),
             words_pattern(body["terms"]) if body.get("terms") else _NEVER,
             words_pattern(body["scents"]) if body.get("scents") else _NEVER) for name, body in groups.items()]


@cache
def _lists() -> tuple[re.Pattern[str], re.Pattern[str], int, re.Pattern[str]]:
    data = rules_file("substances.yaml")
    lists = data["absence_lists"]
    return (words_pattern(lists["heads"]), words_pattern(lists["breaks"]), lists["max_length"],
            words_pattern(data["containment"]))


@cache
def _sensitivity() -> re.Pattern[str]:
    return re.compile(rf"(?:{words_pattern(rules_file('substances.yaml')['sensitivity']).pattern})\s*\Z",
                      re.IGNORECASE)


def find_substances(page: PageText, new_id: Callable[[str], str]) -> Iterator[Substance]:
    """Absence declarations first; a name inside one ("uden parfume") is not also read as present.

    Each records whom its clause is about: "Emballagen er PVC-fri" is about the packaging, and the rules judge
    that it says nothing about the product.
    """
    text = page.text
    for group, free, names, terms, scents in _groups():
        claimed: list[tuple[int, int]] = []
        for match in free.finditer(text):
            start, end = match.span()
            claimed.append((start, end))
            clause_start, clause_end = context.clause_bounds(text, start, end)
            if context.is_negated(text, clause_start, start, end, clause_end):
                continue  # "ikke parfumefri" is dropped, never turned into "present"
            about = context.subject(text, clause_start, start, end, clause_end)
            yield Substance(id=new_id("substance"), substance=match.group().lower(), group=group, presence="absent",
                            about=about,
                            evidence=[page.evidence(*_quote(text, clause_start, start, end, clause_end),
                                                    focus=(start, end))])
        for pattern, kind in ((names, "name"), (terms, "term"), (scents, "scent")):
            for match, clause_start, clause_end, about in context.unclaimed_matches(text, pattern, claimed):
                start, end = match.span()
                if _answered_by(text, end, claimed):
                    continue  # "Parfume: parfumefri": the key of a declaration already read as absent
                if _sensitivity().search(text, max(clause_start, start - 40), start):
                    continue  # "følsomme over for duftstoffer": what users react to, not what it contains
                negated = context.is_negated(text, clause_start, start, end, clause_end) \
                    or _in_absence_list(text, clause_start, start, clause_end)
                if kind == "term" and not negated and not _after_containment(text, clause_start, start):
                    continue  # "Tungmetaller: overholder EN 71-3" declares neither
                if kind == "scent" and (negated or _KEY_SEPARATOR.match(text, end)):
                    continue  # "uden at efterlade duft" declares nothing; in "Duft: …" the value decides
                # The quote shows what decided it: "Parfume: Nej", not just "Parfume".
                answer = context.negated_after(text, end, clause_end)
                quote_start, _ = _quote(text, clause_start, start, end, clause_end)
                quote_end = _closing_bracket(text, quote_start, answer.end() if answer else end)
                yield Substance(id=new_id("substance"), substance=match.group().lower(), group=group,
                                presence="absent" if negated else "present", about=about,
                                evidence=[page.evidence(quote_start, quote_end, focus=(start, quote_end))])


_KEY_SEPARATOR = re.compile(r"\s*[:=|]\s*")


def _answered_by(text: str, end: int, declarations: list[tuple[int, int]]) -> bool:
    """Whether the name ending at `end` is a key whose value holds an absence declaration ("Parfume: Nej –
    parfumefri", "Duft: neutral, uden parfume")."""
    separator = _KEY_SEPARATOR.match(text, end)
    if not separator:
        return False
    line_end = context.end_of_line(text, separator.end())
    return any(separator.end() <= start < line_end for start, _ in declarations)


def _in_absence_list(text: str, clause_start: int, start: int, clause_end: int) -> bool:
    """Whether the name at `start` continues a list that an absence declaration heads:
    "fri for ftalater, bromerede flammehæmmere og formaldehyd", "contains no phthalates, lead or cadmium"."""
    heads, breaks, max_length, _ = _lists()
    window_start = max(clause_start, start - max_length)
    head = None
    for found in heads.finditer(text, window_start, start):
        head = found  # the nearest head before the name
    if head is None or breaks.search(text, head.end(), start):
        return False
    # "ikke fri for ftalater og bly" declares nothing absent.
    return not context.is_negated(text, clause_start, head.start(), head.end(), clause_end)


def _after_containment(text: str, clause_start: int, start: int) -> bool:
    """Whether a containment word ("indeholder", "contains") comes before `start` in its clause."""
    return bool(_lists()[3].search(text, clause_start, start))


def _closing_bracket(text: str, start: int, end: int) -> int:
    """`end`, moved past the bracket that closes one the quote opens ("duft (parfumeret)")."""
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        return end + 1
    return end


def _quote(text: str, clause_start: int, start: int, end: int, clause_end: int) -> tuple[int, int]:
    """The name with the words before it on its sentence's lines ("Indeholder limonene"), at most 60 characters."""
    left, _ = context.quote_span(text, clause_start, clause_end, start, end, reach=60)
    return left, end
