"""Compiling word lists from `rules/` into whole-word, case-insensitive patterns."""

import re
from collections.abc import Iterable


def words_pattern(words: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One pattern matching any of `words` (regular expressions) as whole words; longest first.

    A space in a word list entry matches any run of white space, so phrases still match where the
    document wraps them onto the next line ("eller⏎tilsvarende").
    """
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(f"(?:{_flexible_spaces(word)})" for word in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE if ignore_case else 0)


def _flexible_spaces(pattern: str) -> str:
    """Replace literal spaces outside character classes with `\\s+` (`\\s` before a quantifier: "E ?1")."""
    out = []
    in_class = escaped = False
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == " " and not in_class:
            quantified = pattern[position + 1 : position + 2] in ("?", "*", "+", "{")
            out.append(r"\s" if quantified else r"\s+")
            continue
        out.append(char)
    return "".join(out)
