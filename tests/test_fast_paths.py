"""The fast paths give what the plain scans they replace give (random texts from the tricky characters)."""

import base64
import random

import pytest
from pdfminer.ascii85 import ascii85decode

from procure_check.extract import pagetext, products
from procure_check.parse import integrity

_WORDS = ["ble", "måtte", "måtter", "sedan", "leker", "Möbel-Reiniger", "Hand Cleaner", "håndklæder", "og",
          "rengøringsmiddel", "monitor", "LED-pære", "kopipapir", "toilet paper", "-", "/", "\n", "xble"]


def _named_types_per_type(text: str, language: str) -> list[tuple[int, int, str, str]]:
    """The reference: each type's pattern scanned over the whole text."""
    ignored = products.false_friends(language)
    first = []
    for name, group, pattern in products._types():
        match = next((found for found in pattern.finditer(text) if found.group().casefold() not in ignored), None)
        if match:
            first.append((match.start(), match.end(), name, group))
    return sorted(first)


def test_named_types_equal_a_scan_per_type():
    rnd = random.Random(11)
    for _ in range(3000):
        text = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randrange(1, 10)))
        for language in ("", "nb", "sv", "da"):
            assert products._named_types(text, language) == _named_types_per_type(text, language), (text, language)


def test_normalise_matches_are_finditer_without_lone_spaces():
    rnd = random.Random(12)
    alphabet = [*" \t\n\u00a0\u2009\u00ad\x1f\x1e\x1d-aéZ1²³®)\ufb01\u2019m", " ", " ", "ab", "ø"]
    for _ in range(20000):
        raw = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 14)))
        plain = [match.span() for match in pagetext._NORMALISE.finditer(raw)
                 if not (match.group() == " " and match.lastgroup == "space")]
        assert [match.span() for match in pagetext._matches(raw)] == plain, repr(raw)


def test_ascii85_equals_pdfminer_on_intact_and_damaged_data():
    rnd = random.Random(13)
    for _ in range(3000):
        encoded = base64.a85encode(rnd.randbytes(rnd.randrange(60)), adobe=rnd.random() < 0.5)
        if encoded and rnd.random() < 0.5:  # a byte damaged, or the data cut or extended
            at = rnd.randrange(len(encoded))
            encoded = encoded[:at] + rnd.choice([bytes([rnd.randrange(256)]), b"", b"z", b"~>", b"\v"])
        try:
            expected = ascii85decode(encoded)
        except ValueError:
            with pytest.raises(ValueError):
                integrity._ascii85(encoded)
        else:
            assert integrity._ascii85(encoded) == expected, encoded
