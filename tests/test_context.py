"""The context of a claim: its clause, negation, pending words, its subject and an expiry date
(procure_check/extract/context.py)."""

from datetime import date

import pytest

from procure_check.extract import context
from procure_check.extract.pagetext import normalise


def span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def clause(text: str, word: str) -> str:
    start, end = span(text, word)
    clause_start, clause_end = context.clause_bounds(text, start, end)
    return text[clause_start:clause_end]


def negated(text: str, word: str) -> bool:
    text = normalise(text)
    start, end = span(text, word)
    clause_start, clause_end = context.clause_bounds(text, start, end)
    return context.is_negated(text, clause_start, start, end, clause_end)


def pending(text: str, word: str) -> bool:
    start, end = span(text, word)
    return context.is_pending(text, *context.clause_bounds(text, start, end))


def subject(text: str, word: str) -> str:
    start, end = span(text, word)
    clause_start, clause_end = context.clause_bounds(text, start, end)
    return context.subject(text, clause_start, start, end, clause_end)


# --- clause bounds -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Første sætning. Produktet er svanemærket. Tredje.", "svanemærket", " Produktet er svanemærket."),
        ("Is it labelled? Yes, Nordic Swan! Next.", "Nordic Swan", " Yes, Nordic Swan!"),
        ("Miljømærke: Svanemærket\nParfume: Nej", "Svanemærket", "Miljømærke: Svanemærket"),
        ("Miljømærke: Svanemærket\nParfume: Nej", "Nej", "Parfume: Nej"),
        ("Svanemærket licens nr. 5041 0012 og mere", "Svanemærket", "Svanemærket licens nr. 5041 0012 og mere"),
        ("Dosering ca. 5 ml pr. liter. Svanemærket.", "ml", "Dosering ca. 5 ml pr. liter."),
        ("Punkt A\n• Svanemærket\n• Uden parfume", "Svanemærket", "• Svanemærket"),
        ("Indhold:\n1. Svanemærket\n2. Parfumefri", "Svanemærket", " Svanemærket"),
        ("Afsnit et\n\nSvanemærket i afsnit to", "Svanemærket", "Svanemærket i afsnit to"),
        ("Miljømærke | Status\nSvanemærket | Nej | –\nEU-Blomsten | Ja", "Svanemærket", "Svanemærket | Nej | –"),
        ("Produktet er svanemærket;\nemballagen er ikke", "svanemærket", "Produktet er svanemærket;"),
    ],
)
def test_clause_bounds(text, word, expected):
    assert clause(text, word) == expected


def test_clause_bounds_always_contain_the_claim():
    text = "x" * 1000 + " Svanemærket " + "y" * 1000
    start, end = span(text, "Svanemærket")
    clause_start, clause_end = context.clause_bounds(text, start, end)
    assert clause_start <= start < end <= clause_end
    assert clause_end - clause_start <= 2 * 400 + (end - start)


# --- negation -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Produktet er ikke svanemærket", "svanemærket", True),
        ("not TCO Certified", "TCO Certified", True),
        ("Svanemærket: Nej", "Svanemærket", True),
        ("Svanemærket: nej", "Svanemærket", True),
        ("Parfume: Ingen", "Parfume", True),
        ("Parfume: Ikke tilsat", "Parfume", True),
        ("Svanemærket: –", "Svanemærket", True),
        ("EU Ecolabel: none", "EU Ecolabel", True),
        ("EU Ecolabel: N/A", "EU Ecolabel", True),
        ("Svanemärkt: Nej", "Svanemärkt", True),
        ("Svanemerket: Nei", "Svanemerket", True),
        ("Blauer Engel: nein", "Blauer Engel", True),
        ("Das Produkt hat keinen Blauen Engel", "Blauen Engel", True),
        ("Produkten är inte Svanenmärkt", "Svanenmärkt", True),
        ("Svanemærket er ikke tildelt", "Svanemærket", True),
        ("The product does not carry the EU Ecolabel", "EU Ecolabel", True),
        ("The product isn't EU Ecolabel certified", "EU Ecolabel", True),
        ("hverken Svanemærket eller EU-Blomsten", "EU-Blomsten", True),
        ("neither the Nordic Swan nor the EU Ecolabel", "EU Ecolabel", True),
        ("Produktet er ikke\nsvanemærket", "svanemærket", True),
        ("Svanemærket | Nej | –", "Svanemærket", True),
        # Not negated:
        ("Produktet er ikke parfumeret, og er svanemærket", "svanemærket", False),
        ("Produktet er ikke parfumeret og er svanemærket", "svanemærket", False),
        ("Ikke parfumeret men svanemærket", "svanemærket", False),
        ("Contains no phosphates and is EU Ecolabel certified", "EU Ecolabel", False),
        ("Parfume: ikke tilsat. Svanemærket.", "Svanemærket", False),
        ("Ikke parfumeret | Svanemærket | Ja", "Svanemærket", False),
        ("Nordic Swan no. 5041 0012", "Nordic Swan", False),
        ("EU Ecolabel No. DK/020/012", "EU Ecolabel", False),
        ("Svanemærket – licens 5041 0012", "Svanemærket", False),
        ("Svanemærket: Ja", "Svanemærket", False),
        ("Svanemærket, licens nr. 5041 0012", "Svanemærket", False),
        ("Not only for professionals. Nordic Swan Ecolabel.", "Nordic Swan", False),
        ("Nordic Swan licence no 50410012", "Nordic Swan", False),
    ],
)
def test_is_negated(text, word, expected):
    assert negated(text, word) is expected


def test_negation_reaches_back_only_a_few_words():
    far = "Ikke alle produkter i serien en to tre fire fem seks syv er svanemærket"
    assert not negated(far, "svanemærket")
    assert negated("Ikke alle produkter er svanemærket", "svanemærket")


def test_negated_after_returns_the_answer_to_quote():
    text = "Parfume: Nej"
    answer = context.negated_after(text, len("Parfume"), len(text))
    assert answer is not None
    assert text[: answer.end()] == "Parfume: Nej"
    assert context.negated_after("Parfume: Ja", len("Parfume"), len("Parfume: Ja")) is None


# --- pending ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ansøgning om Svanemærket er indsendt.", "Svanemærket", True),
        ("EU Ecolabel certification planned for 2027.", "EU Ecolabel", True),
        ("Produktet forventes svanemærket i 2027.", "svanemærket", True),
        ("Svanemærket er ansøgt.", "Svanemærket", True),
        ("We have applied for the Nordic Swan.", "Nordic Swan", True),
        ("The EU Ecolabel will be awarded next year.", "EU Ecolabel", True),
        ("Svanenmärkning: ansökt", "Svanenmärkning", True),
        ("Blauer Engel ist beantragt.", "Blauer Engel", True),
        ("Svanemærket | Ansøgt | 2027", "Svanemærket", True),
        # Not pending:
        ("Produktet er svanemærket.", "svanemærket", False),
        ("Svanemærket. Ansøgning om EU-Blomsten er indsendt.", "Svanemærket", False),
        ("EU Ecolabel. Expected lifetime 10 years.", "EU Ecolabel", False),
        ("Nordic Swan Ecolabel, expected lifetime 10 years.", "Nordic Swan", False),
    ],
)
def test_is_pending(text, word, expected):
    assert pending(text, word) is expected


# --- subject -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Emballagen er FSC-mærket.", "FSC", "packaging"),
        ("Produktets emballage er FSC-mærket.", "FSC", "packaging"),
        ("The product packaging is FSC certified.", "FSC", "packaging"),
        ("Produktet leveres i FSC-mærket emballage.", "FSC", "packaging"),
        ("FSC-certified cartons.", "FSC", "packaging"),
        ("Förpackningen är FSC-märkt.", "FSC", "packaging"),
        ("The manufacturer is Nordic Swan licensed.", "Nordic Swan", "organisation"),
        ("Producenten er Svanemærket.", "Svanemærket", "organisation"),
        ("Trykkeriet er Svanemærket.", "Svanemærket", "organisation"),
        ("Der Hersteller ist nach EMAS und Blauer Engel zertifiziert.", "Blauer Engel", "organisation"),
        ("Produktet er fremstillet af en producent, der er Svanemærket.", "Svanemærket", "organisation"),
        ("Produktet er svanemærket.", "svanemærket", "product"),
        ("Svanemærket produkt, leveret i emballage af pap.", "Svanemærket", "product"),
        ("Producenten har Svanemærket produktet.", "Svanemærket", "product"),
        ("Produktet er svanemærket, og emballagen er FSC-mærket.", "svanemærket", "product"),
        ("Produktet er svanemærket, og emballagen er FSC-mærket.", "FSC", "packaging"),
        ("Produktet er Svanemærket, emballagen er genanvendelig.", "Svanemærket", "product"),
        ("Svanemærket.", "Svanemærket", "product"),
    ],
)
def test_subject(text, word, expected):
    assert subject(text, word) == expected


# --- expiry -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gyldig til 31.03.2025", date(2025, 3, 31)),
        ("Gyldig indtil 2027-03-31", date(2027, 3, 31)),
        ("udløber 31. marts 2025", date(2025, 3, 31)),
        ("valid until March 2027", date(2027, 3, 31)),
        ("Valid until: 28/02/2026", date(2026, 2, 28)),
        ("expires 1 June 2026", date(2026, 6, 1)),
        ("giltig till 2026-05-31", date(2026, 5, 31)),
        ("gültig bis 30.06.2026", date(2026, 6, 30)),
        ("gyldig til 31.03.25", date(2025, 3, 31)),
    ],
)
def test_expiry(text, expected):
    found = context.expiry(text, 0, len(text))
    assert found is not None
    when, cue_start, date_end = found
    assert when == expected
    assert cue_start == 0
    assert date_end == len(text)


@pytest.mark.parametrize("text", ["Udgave 31.03.2025", "gyldig til 31.13.2025", "valid until further notice", ""])
def test_no_expiry(text):
    assert context.expiry(text, 0, len(text)) is None


def test_an_expiry_date_is_read_whole_past_the_window():
    text = "OEKO-TEX, gyldig til 31.03.2025"
    found = context.expiry(text, 0, len(text) - 4)
    assert found is not None and found[0] == date(2025, 3, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Licensen er udløbet.", True), ("Licence withdrawn.", True), ("Zertifikat abgelaufen", True),
     ("Licens gyldig til 2027.", False), ("Udløber 2027.", False), ("Expires 2027.", False)],
)
def test_has_ended(text, expected):
    assert context.has_ended(text, 0, len(text)) is expected
