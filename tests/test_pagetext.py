"""Normalised page text, and evidence quoted from the printed lines (procure_check/extract/pagetext.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procure_check.document import Line, Page
from procure_check.extract.pagetext import PageText, normalise
from tests.conftest import make_document, make_page, make_pages


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("svane-\nmærket", "svanemærket"),
        ("Svane-\nmærket", "Svanemærket"),
        ("miljø-\n  mærket", "miljømærket"),
        ("æble-\nøl", "æbleøl"),
        ("EU-\nBlomsten", "EU-\nBlomsten"),
        ("PVC-\nfri", "PVC-\nfri"),
        ("miljø-\nMærket", "miljø-\nMærket"),
        ("tekstil-\nog papirprodukter", "tekstil-\nog papirprodukter"),
        ("paper-\nand board", "paper-\nand board"),
        ("svane\u00admærket", "svanemærket"),
        ("svane\u00ad\nmærket", "svanemærket"),
        ("e\ufb03cient \ufb01ber \ufb02ow o\ufb00 ba\ufb04e", "efficient fiber flow off baffle"),
        ("TCO’03", "TCO'03"),
        ("‘quoted’ “twice” „tyski“", "'quoted' \"twice\" \"tyski\""),
        ("CO₂", "CO2"),
        ("5 \u2212 3", "5 - 3"),
        ("non\u2011breaking", "non-breaking"),
        ("a  \t b", "a b"),
        ("1\u00a0000 kWh", "1 000 kWh"),
        ("1\u202f000\u2009W", "1 000 W"),
        ("  indrykket", "indrykket"),
        ("\u00ad\n\nsvane-\nmærket", "svanemærket"),
        ("linje \n  næste", "linje\nnæste"),
        ("a\n\n\nb", "a\n\nb"),
        ("a \n \n b", "a\n\nb"),
        ("slut   ", "slut"),
        # Dot leaders join a key to its value; an ellipsis in a sentence stays.
        ("Energiklass ............. D", "Energiklass: D"),
        ("Effekt\u2026\u2026\u202624 W", "Effekt: 24 W"),
        ("og så videre... eller ikke", "og så videre... eller ikke"),
        ("", ""),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_page_text_joins_the_printed_lines():
    page = make_page("Produktet er svane-\nmærket.\nParfume:   Nej", number=2)
    assert page.number == 2
    assert page.raw == "Produktet er svane-\nmærket.\nParfume:   Nej"
    assert page.text == "Produktet er svanemærket.\nParfume: Nej"


def test_evidence_quotes_the_printed_words():
    page = make_page("Produktet er svane-\nmærket.")
    start = page.text.index("svanemærket")
    evidence = page.evidence(start, start + len("svanemærket"))
    assert evidence.text == "svane- mærket"
    assert evidence.page == 1
    assert evidence.ocr is False


@pytest.mark.parametrize(
    ("raw", "word", "quote"),
    [
        ("Produktet er svane-\nmærket.", "svanemærket", "svane- mærket"),
        ("Produktet er svane\u00ad\nmærket.", "svanemærket", "svane\u00ad mærket"),
        ("Certificeret efter TCO’03", "TCO'03", "TCO’03"),
        ("e\ufb03cient", "efficient", "e\ufb03cient"),
        ("e\ufb03cient", "ffi", "\ufb03"),
        ("Lysstrøm:     806 lm", "Lysstrøm: 806 lm", "Lysstrøm: 806 lm"),
        ("EU-\nBlomsten", "EU-\nBlomsten", "EU- Blomsten"),
        ("Udledning: 95 g CO₂/km", "95 g CO2/km", "95 g CO₂/km"),
    ],
)
def test_evidence_maps_back_to_the_raw_text(raw, word, quote):
    page = make_page(raw)
    start = page.text.index(word)
    assert page.evidence(start, start + len(word)).text == quote


@pytest.mark.parametrize(
    ("raw", "words", "quote"),
    [
        # A sentence: from its start to its end, not into the next one.
        ("Ingen parfume. Produktet er uden parfume og uden farvestoffer. Opbevares tørt.", "uden parfume",
         "Produktet er uden parfume og uden farvestoffer."),
        # A table row or field: its own line only.
        ("Parfume: Nej\nEmballage: 5 l og 10 l dunk\nDosering: 25 ml", "10 l", "Emballage: 5 l og 10 l dunk"),
        # A sentence wrapped over lines is one block.
        ("Lampen Klar A60 1055 lm har\nenergiklass C enligt förordningen.", "energiklass C",
         "Lampen Klar A60 1055 lm har energiklass C enligt förordningen."),
    ],
)
def test_evidence_with_deciding_words_quotes_their_block(raw, words, quote):
    page = make_page(raw)
    start = page.text.index(words)
    evidence = page.evidence(start, start + len(words), focus=(start, start + len(words)))
    assert (evidence.text, evidence.focus) == (quote, words)


def test_a_long_block_is_quoted_around_its_deciding_words():
    raw = "Indledning " + "ord " * 100 + "energiklasse D " + "ord " * 100 + "slut."
    page = make_page(raw)
    start = page.text.index("energiklasse D")
    evidence = page.evidence(start, start + 14, focus=(start, start + 14))
    assert "energiklasse D" in evidence.text
    assert len(evidence.text) <= 14 + 2 * 150


def test_raw_span_points_into_the_printed_text():
    page = make_page("Produktet er svane-\nmærket.")
    start = page.text.index("svanemærket")
    raw_start, raw_end = page.raw_span(start, start + len("svanemærket"))
    assert page.raw[raw_start:raw_end] == "svane-\nmærket"


def test_evidence_bbox_is_the_union_of_the_lines_boxes():
    page = PageText(Page(number=4, lines=[
        Line(text="Overskrift", bbox=(10, 10, 100, 20)),
        Line(text="Produktet er svane-", bbox=(10, 30, 200, 40)),
        Line(text="mærket.", bbox=(12, 42, 60, 52)),
        Line(text="Sidefod", bbox=(10, 800, 80, 810)),
    ]))
    start = page.text.index("svanemærket")
    evidence = page.evidence(start, start + len("svanemærket"))
    assert evidence.page == 4
    assert evidence.bbox == (10, 30, 200, 52)
    one_line = page.evidence(0, len("Overskrift"))
    assert one_line.bbox == (10, 10, 100, 20)


def test_evidence_without_boxes_has_no_bbox():
    evidence = make_page("Svanemærket").evidence(0, 11)
    assert evidence.bbox is None
    assert "bbox" not in evidence.model_dump()


def test_ocr_pages_mark_their_evidence():
    page = PageText(Page(number=1, lines=[Line(text="Svanemærket")]), ocr=True)
    assert page.evidence(0, 11).ocr is True


@pytest.mark.parametrize(("start", "end"), [(0, 0), (5, 5), (7, 3), (0, 10_000), (10_000, 10_001), (11, 12)])
def test_evidence_of_an_empty_or_out_of_range_span_does_not_raise(start, end):
    page = make_page("Svanemærket")
    evidence = page.evidence(start, end)
    assert evidence.text in ("", "Svanemærket")


def test_an_empty_page():
    page = PageText(Page(number=1, lines=[]))
    assert page.text == ""
    assert page.evidence(0, 5).text == ""


def test_conftest_splits_pages_on_form_feeds_and_lines_on_newlines():
    document = make_document("Side et\nlinje to\n\n\fSide to")
    assert [page.number for page in document.pages] == [1, 2]
    assert [line.text for line in document.pages[0].lines] == ["Side et", "linje to"]
    assert [page.text for page in make_pages("a\fb")] == ["a", "b"]


# --- properties -----------------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "svane-\nmærket", "EU-\nBlomsten", "og-\nog", "\u00ad", "\u00ad\n", "\ufb01", "\ufb03", "’", "“", "₂", "\u2212",
    " ", "  ", "\t", "\n", "\n\n", "\n \n", "\u00a0", "\u202f", "-", "-\n", "a", "Æ", "ø", ".", ":", "1",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join)


def _page(raw: str) -> PageText:
    return PageText(Page(number=1, lines=[Line(text=line) for line in raw.split("\n")]))


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_evidence_quotes_text_that_exists_in_the_raw_page(raw, data):
    page = _page(raw)
    start = data.draw(st.integers(0, len(page.text)))
    end = data.draw(st.integers(start, len(page.text)))
    quote = page.evidence(start, end).text
    assert squash(quote) in squash(page.raw)
    if page.text[start:end].strip():
        assert quote


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(-5, 200), st.integers(-5, 200))
def test_evidence_never_raises(raw, start, end):
    page = _page(raw)
    evidence = page.evidence(max(start, 0), end)
    assert evidence.page == 1


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_normalised_text_maps_every_character_back_to_the_raw_text(raw):
    page = _page(raw)
    assert page.text == normalise(page.raw)
    assert "\t" not in page.text and "\n\n\n" not in page.text
    assert not page.text.startswith((" ", "\n")) and not page.text.endswith((" ", "\n"))
    assert len(page._to_raw) == len(page.text)
    assert all(0 <= index < len(page.raw) for index in page._to_raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("EPEAT® Gold³", "EPEAT® Gold"), ("Energy class (EU)¹", "Energy class (EU)"), ("250 cd/m²", "250 cd/m²"),
     ("E¹²", "E")],
)
def test_footnote_markers_are_dropped_but_exponents_kept(raw, expected):
    assert normalise(raw) == expected
