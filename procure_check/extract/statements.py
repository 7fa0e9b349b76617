"""Statements that are phrases: "uden drivgas", "Dosering: 25 ml pr. 5 l vand", "CE-mærket"."""

from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.extract import context
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.facts import Denial, Evidence, Statement, Subject


@cache
def _statements():
    return [(name, words_pattern(patterns)) for name, patterns in rules_file("statements.yaml")["statements"].items()]


def find_statements(page: PageText, new_id: Callable[[str], str]) -> Iterator[Statement]:
    """Each statement once per match, with whom its clause is about; earlier statements in the rules file claim
    their text first."""
    for name, negated, about, evidence in _matches(page):
        if not negated:
            yield Statement(id=new_id("statement"), statement=name, about=about, evidence=[evidence])


def find_denials(page: PageText, new_id: Callable[[str], str]) -> Iterator[Denial]:
    """Statements in a negated clause ("Ikke CE-mærket"): a criterion that needs them fails."""
    for name, negated, about, evidence in _matches(page):
        if negated:
            yield Denial(id=new_id("denial"), statement=name, about=about, evidence=[evidence])


def _matches(page: PageText) -> list[tuple[str, bool, Subject, Evidence]]:
    """The page's statements, found once for `find_statements` and `find_denials` both."""
    found = page.__dict__.get("_statements")
    if found is None:
        found = page.__dict__["_statements"] = list(_find(page))
    return found


def _find(page: PageText) -> Iterator[tuple[str, bool, Subject, Evidence]]:
    text = page.text
    claimed: list[tuple[int, int]] = []
    for name, pattern in _statements():
        for match, clause_start, clause_end, about in context.unclaimed_matches(text, pattern, claimed):
            start, end = match.span()
            negated = context.is_negated(text, clause_start, start, end, clause_end)
            # A denial's quote starts at its clause, so that it shows the negation ("Produktet er ikke CE-mærket").
            quote = context.quote_span(text, clause_start, clause_end, start, end, reach=60)
            yield name, negated, about, page.evidence(*quote, focus=(start, end))
