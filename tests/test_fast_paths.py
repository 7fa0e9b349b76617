"""The page-text normaliser's fast scan gives the matches of the plain one (random texts of the tricky characters)."""

import random

from procure_check.extract import pagetext


def test_normalise_matches_are_finditer_without_lone_spaces():
    rnd = random.Random(12)
    alphabet = [*" \t\n\u00a0\u2009\u00ad\x1f\x1e\x1d-aéZ1²³®)\ufb01\u2019m", " ", " ", "ab", "ø"]
    for _ in range(20000):
        raw = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 14)))
        plain = [match.span() for match in pagetext._NORMALISE.finditer(raw)
                 if not (match.group() == " " and match.lastgroup == "space")]
        assert [match.span() for match in pagetext._matches(raw)] == plain, repr(raw)

