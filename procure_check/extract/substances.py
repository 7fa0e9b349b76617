"""Substances declared present ("Indeholder limonene") or absent ("parfumefri", "phthalate-free")."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract import context
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.facts import Substance


@cache
def _groups() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    groups = rules_file("substances.yaml")["groups"]
    return [(name, words_pattern(body["free"]), words_pattern(body["names"])) for name, body in groups.items()]


def find_substances(page: PageText, new_id: Callable[[str], str]) -> Iterator[Substance]:
    """Absence declarations first; a name inside one ("uden parfume") is not also read as present.

    Statements about the packaging ("Emballagen er PVC-fri") say nothing about the product and are dropped.
    """
    text = page.text
    for group, free, names in _groups():
        claimed: list[tuple[int, int]] = []
        for match in free.finditer(text):
            start, end = match.span()
            claimed.append((start, end))
            clause_start, clause_end = context.clause_bounds(text, start, end)
            if context.is_negated(text, clause_start, start, end, clause_end):
                continue  # "ikke parfumefri" is dropped, never turned into "present"
            if context.subject(text, clause_start, start, end, clause_end) != "product":
                continue
            yield Substance(id=new_id("substance"), substance=match.group().lower(), group=group, presence="absent",
                            evidence=[page.evidence(*_quote(text, clause_start, start, end, clause_end))])
        for match in names.finditer(text):
            start, end = match.span()
            if any(start < c_end and c_start < end for c_start, c_end in claimed):
                continue
            clause_start, clause_end = context.clause_bounds(text, start, end)
            if context.subject(text, clause_start, start, end, clause_end) != "product":
                continue
            negated = context.is_negated(text, clause_start, start, end, clause_end)
            # The quote shows what decided it: "Parfume: Nej", not just "Parfume".
            answer = context.negated_after(text, end, clause_end)
            quote_start, _ = _quote(text, clause_start, start, end, clause_end)
            yield Substance(id=new_id("substance"), substance=match.group().lower(), group=group,
                            presence="absent" if negated else "present",
                            evidence=[page.evidence(quote_start, answer.end() if answer else end)])


def _quote(text: str, clause_start: int, start: int, end: int, clause_end: int) -> tuple[int, int]:
    """The name with the words before it on its sentence's lines ("Indeholder limonene"), at most 60 characters."""
    left, _ = context.quote_span(text, clause_start, clause_end, start, end, reach=60)
    return left, end
