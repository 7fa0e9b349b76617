"""Product types, tender topics and lamp caps matched through `WordList` (only the words a text can contain) match as
the full word lists do."""

import random

from procure_check.data import rules_file
from procure_check.extract.patterns import FirstMatches, WordList, fold, words_pattern

_WORDS = ["rengøringsmiddel", "Cleaner", "håndklæde", "bil", "LED pære", "LED-pærer", "skærm", "SEDAN", "måtte",
          "Möbel-Reiniger", "stacking chairs", "bed\nlinen", "leje af linned", "Kühlschränke", "dra-lakan"]
_NOISE = "ſKİıµμΣσςßẞ \u00a0-\n\tabcdeklnrsuæøå"


def _texts(rnd: random.Random):
    for _ in range(3000):
        parts = [rnd.choice(_WORDS) if rnd.random() < 0.5 else
                 "".join(rnd.choice(_NOISE) for _ in range(rnd.randrange(1, 6))) for _ in range(rnd.randrange(1, 8))]
        text = "".join(parts)
        yield "".join(char.upper() if rnd.random() < 0.1 else char for char in text)


def test_word_lists_cut_to_a_text_find_the_same_matches():
    word_lists = [body["words"] for body in rules_file("product_types.yaml")["types"].values()]
    lists = [(WordList(words), words_pattern(words)) for words in word_lists]
    for text in _texts(random.Random(11)):
        folded = fold(text)
        for words, full in lists:
            pattern = words.pattern_for(folded)
            found = [match.span() for match in pattern.finditer(text)] if pattern else []
            assert found == [match.span() for match in full.finditer(text)], repr(text)


def test_fold_keeps_positions_and_folds_as_re_does():
    assert fold("İSTANBUL ſ K") == "istanbul s k"
    assert fold("µ") == fold("μ") and fold("Σ") == fold("ς")
    assert len(fold("İİ")) == 2


def test_first_matches_of_named_lists_are_each_lists_first_match():
    """Tender topics and lamp caps: each list is searched only where the text holds one of its words' literals."""
    topics = rules_file("tender_terms.yaml")["topics"]
    words = [word.replace("\\s+", " ") for body in topics.values() for word in body if word.isalpha()][:40]
    first = FirstMatches(topics.items())
    plain = [(name, words_pattern(body)) for name, body in topics.items()]
    pieces = [*words, "krav", "dokumentation", "x", "-", "\n"]
    rnd = random.Random(5)
    for _ in range(2000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9)))
        text = "".join(char.upper() if rnd.random() < 0.1 else char for char in text)
        expected = [(name, found.span()) for name, pattern in plain if (found := pattern.search(text))]
        assert [(name, found.span()) for name, found in first(text)] == expected, repr(text)
