"""Measured values with units, and durations (spare parts, warranty) in years."""

import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract import context as claim_context
from procure_check.extract.numbers import find_quantities
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.facts import Duration, Quantity, Subject

_CONTEXT_REACH = 60
_CONTEXT_AFTER = 30
_DURATION_REACH = 80


@cache
def _contexts():
    return [(name, words_pattern(words)) for name, words in rules_file("measures.yaml")["quantity_contexts"].items()]


@cache
def _duration_subjects():
    return [(name, words_pattern(words)) for name, words in rules_file("measures.yaml")["durations"].items()]


def find_measures(page: PageText, lang: str, new_id: Callable[[str], str]) -> Iterator[Quantity | Duration]:
    """Quantities with their context word, and years tied to a duration subject."""
    text = page.text
    for match in find_quantities(text, lang):
        if match.quantity == "duration":
            duration = _duration(page, match, new_id)
            if duration:
                yield duration
            continue
        line_start = text.rfind("\n", 0, match.start) + 1
        window_start = max(line_start, match.start - _CONTEXT_REACH)
        context, context_end = _context(text, window_start, match.start, match.end)
        quote_start = _label_start(text, window_start, match.start)
        quantity, unit = match.quantity, match.unit
        if quantity == "energy" and context == "tec":
            quantity, unit = "annual_energy", "kWh/year"  # "Typical energy consumption 15.4 kWh": TEC is per year
        yield Quantity(
            id=new_id("quantity"), quantity=quantity, value=match.value, unit=unit, context=context,
            about=_about(text, match.start, match.end),
            evidence=[page.evidence(quote_start, max(match.end, context_end), focus=(match.start, match.end))],
        )


_AFTER_STOP = re.compile(r"[,;.\n(]")


def _context(text: str, window_start: int, start: int, end: int) -> tuple[str, int]:
    """The context word nearest before the value ("Standby: 0,3 W"), else right after it in the same
    phrase ("100 % genbrugsfibre"); with where the quoted text must reach to include it."""
    nearest = ("", -1)
    for name, pattern in _contexts():
        for found in pattern.finditer(text, window_start, start):
            if found.start() > nearest[1]:
                nearest = (name, found.start())
    if nearest[0]:
        return nearest[0], end
    stop = _AFTER_STOP.search(text, end, end + _CONTEXT_AFTER)
    after_end = stop.start() if stop else min(len(text), end + _CONTEXT_AFTER)
    for name, pattern in _contexts():
        found = pattern.search(text, end, after_end)
        if found:
            return name, found.end()
    return "", end


def _about(text: str, start: int, end: int) -> Subject:
    """Whom the clause of the value at `text[start:end]` is about: "Emballagen er 100 % genanvendt karton" is
    about the packaging, and the rules judge that it says nothing of the product."""
    clause_start, clause_end = claim_context.clause_bounds(text, start, end)
    return claim_context.subject(text, clause_start, start, end, clause_end)


def _label_start(text: str, window_start: int, start: int) -> int:
    """Where the quote of a value begins: its label on the same line ("Lysstrøm: 806 lm")."""
    for separator in (". ", "; ", "\n"):
        found = text.rfind(separator, window_start, start)
        if found >= 0:
            window_start = found + len(separator)
    if 0 < window_start < start and text[window_start - 1].isalnum() and text[window_start].isalnum():
        space = text.find(" ", window_start, start)  # the reach ended inside a word: quote from the next one
        window_start = space + 1 if space >= 0 else window_start
    while window_start < start and text[window_start] == " ":
        window_start += 1
    return window_start


def _duration(page: PageText, match, new_id) -> Duration | None:
    """A number of years belongs to the subject named just before it in its sentence, or just after it in
    its phrase ("3 års garanti", "2 years limited manufacturer warranty")."""
    text = page.text
    line_start = text.rfind("\n", 0, match.start) + 1
    # Not from another sentence: "warranty (EU). Battery: 80 % after 1,000 cycles or 2 years".
    clause_start, _ = claim_context.clause_bounds(text, match.start, match.end)
    before = max(line_start, match.start - _DURATION_REACH, clause_start)
    phrase_end = _PHRASE_STOP.search(text, match.end, match.end + _SUBJECT_AFTER)
    after_end = phrase_end.start() if phrase_end else min(len(text), match.end + _SUBJECT_AFTER)
    best = None
    for name, pattern in _duration_subjects():
        for subject in pattern.finditer(text, before, match.start):
            distance = match.start - subject.end()
            if best is None or distance < best[0]:
                best = (distance, name, subject.start(), match.end)
        after = pattern.search(text, match.end, after_end)
        if after and (best is None or after.start() - match.end < best[0]):
            best = (after.start() - match.end, name, match.start, after.end())
    if best is None:
        return None
    _, name, start, end = best
    return Duration(id=new_id("duration"), subject=name, years=match.value,
                    evidence=[page.evidence(start, _phrase_end(text, end), focus=(match.start, match.end))])


_PHRASE_STOP = re.compile(r"[,;:(\n|]|\.(?:\s|$)")
_PHRASE_REACH = 50
_SUBJECT_AFTER = 40
"""How far after its number a duration's subject may stand, within the phrase."""


def _phrase_end(text: str, end: int) -> int:
    """The end of the phrase a duration ends: what qualifies it follows it ("10 år efter produktionsstop",
    "1 år indsendelse", "3 years on-site exchange"), up to a punctuation mark, at most a few words."""
    stop = _PHRASE_STOP.search(text, end, end + _PHRASE_REACH)
    if stop:
        return stop.start()
    cut = text.rfind(" ", end, end + _PHRASE_REACH)
    return cut if cut > end and end + _PHRASE_REACH < len(text) else min(len(text), end + _PHRASE_REACH)
