"""Compiling word lists from `rules/` into whole-word, case-insensitive patterns."""

import re
from collections.abc import Collection, Iterable
from re import _casefix, _constants, _parser  # the `re` module's own parser: what a literal is, what it folds to


def words_pattern(words: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One pattern matching any of `words` (regular expressions) as whole words; longest first.

    A space in a word list entry matches any run of white space, so phrases still match where the
    document wraps them onto the next line ("eller⏎tilsvarende").
    """
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(f"(?:{_flexible_spaces(word)})" for word in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE if ignore_case else 0)


class WordList:
    """`words_pattern(words)`, cut down for each text to the words that text can contain.

    Every match of a word contains the word's longest run of plain characters (its literal: "rengøringsmid"
    for `rengøringsmid\\w*`), so a word whose literal is not in the text (compared as `fold` folds both) cannot
    match there, and leaving it out of the alternation changes no match: the words left keep their order. A
    plain substring test per word is far cheaper than the regex engine trying every word at every word start.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted(words, key=len, reverse=True)
        self._literals = [_literal(word) for word in self._words]
        self._subsets: dict[tuple[int, ...], re.Pattern[str]] = {}  # compiled when first needed

    def pattern_for(self, folded: str) -> re.Pattern[str] | None:
        """The pattern of the words that can occur in a text whose `fold` is `folded`; None if none can."""
        present = tuple(index for index, literal in enumerate(self._literals) if literal is None or literal in folded)
        if not present:
            return None
        if present not in self._subsets:
            self._subsets[present] = words_pattern(self._words[index] for index in present)
        return self._subsets[present]


class FirstMatches:
    """The first match of each of several named word lists in a text, each list cut to the words the text can
    contain (`WordList`): most texts contain none of most lists, and a substring test is far cheaper than a
    search (one search for any of them is no cheaper than a search with each)."""

    def __init__(self, named: Iterable[tuple[str, Iterable[str]]]) -> None:
        self.named = [(name, WordList(words)) for name, words in named]

    def __call__(self, text: str, ignored: Collection[str] = ()) -> list[tuple[str, re.Match[str]]]:
        """(name, first match) of each list that matches `text`, in the lists' order; matches whose casefolded
        words are `ignored` (false friends) do not count."""
        folded = fold(text)
        return [(name, found) for name, words in self.named
                if (pattern := words.pattern_for(folded))
                and (found := next((match for match in pattern.finditer(text)
                                    if match.group().casefold() not in ignored), None))]


def fold(text: str) -> str:
    """`text` with each character folded as `re.IGNORECASE` compares characters: its simple lower case ("İ" is
    "i", as `str.lower` would make it two characters), and one of the characters `re` counts as equal to it
    ("ſ" as "s", "µ" as "μ")."""
    return text.replace("\u0130", "i").lower().translate(_EQUAL_CASES)


def _equal_cases() -> dict[int, int]:
    """Each character that `re` matches case-insensitively with others beyond lower case → the least of them."""
    least = {}
    for char, others in _casefix._EXTRA_CASES.items():
        least[char] = min(char, *others)
    return {char: smallest for char, smallest in least.items() if char != smallest}


_EQUAL_CASES = _equal_cases()


def _literal(word: str) -> str | None:
    """The longest run of plain characters in every match of `word`, folded; None if it has none."""
    runs, run = [], []
    for op, argument in _parser.parse(_flexible_spaces(word), re.IGNORECASE):
        if op is _constants.LITERAL:
            run.append(chr(argument))
        else:
            runs.append(run)
            run = []
    longest = max([*runs, run], key=len)
    return fold("".join(longest)) if longest else None


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
