"""The label alternation bucketed by first letter finds exactly what the plain alternation finds."""

import re

import pytest

from procure_check.extract import labels
from procure_check.extract.labels import _by_first_letter, _matcher, label_definitions


@pytest.fixture
def plain(monkeypatch) -> re.Pattern[str]:
    """The matcher built as one plain alternation, without buckets."""
    monkeypatch.setattr(labels, "_by_first_letter", lambda groups, firsts: "|".join(groups))
    _matcher.cache_clear()
    try:
        return _matcher()[0]
    finally:
        monkeypatch.undo()
        _matcher.cache_clear()


def _every_name() -> str:
    """Every alias and name in several spellings, in and beside other words and marks."""
    names = [alias for label in label_definitions().values() for alias in [*label.aliases, *label.not_product]]
    variants = [form for name in names for form in (name, name.upper(), name.lower(), f"x{name}", f"{name}s",
                                                     f"{name}ets", f"({name}®)", name.replace(" ", "-"))]
    return " ".join(variants) + " TCO'99 TCO 05 EU-Energy Star ſvanemærket KELVIN TCO Certified Displays 7"


def test_buckets_find_the_plain_alternations_matches(plain):
    text = _every_name()
    bucketed = _matcher()[0]
    assert bucketed.pattern != plain.pattern
    found = [(match.span(), match.lastgroup) for match in bucketed.finditer(text)]
    assert found == [(match.span(), match.lastgroup) for match in plain.finditer(text)]
    assert len(found) > len(label_definitions())
    for start in range(0, len(text), 37):  # windows, as the claim reader scans them
        window = (start, start + 120)
        assert [m.span() for m in bucketed.finditer(text, *window)] == [m.span() for m in plain.finditer(text, *window)]


def test_a_pattern_whose_first_letter_is_optional_is_not_bucketed():
    groups = ["(?P<g0>Ab)", "(?P<g1>c?d)"]
    assert _by_first_letter(groups, ["A", ""]) == "(?P<g0>Ab)|(?P<g1>c?d)"
    assert _by_first_letter(groups[:1], ["A"]) == "(?=(?i:a))(?:(?P<g0>Ab))"
