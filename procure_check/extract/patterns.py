"""Compiling word lists from `rules/` into whole-word, case-insensitive patterns."""

import re
from collections.abc import Iterable


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of `words` (regular expressions) as whole words; longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{word})" for word in ordered) + r")(?![\w])", re.IGNORECASE)
