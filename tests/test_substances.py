"""Substances declared present or absent (procure_check/extract/substances.py)."""

import pytest

from procure_check.extract.substances import find_substances
from tests.conftest import id_counter, make_page


def substances(text: str) -> list[tuple[str, str, str]]:
    return [(fact.substance, fact.group, fact.presence) for fact in find_substances(make_page(text), id_counter())]


def quotes(text: str) -> list[str]:
    return [fact.evidence[0].text for fact in find_substances(make_page(text), id_counter())]


@pytest.mark.parametrize(
    ("text", "expected", "quote"),
    [
        ("Indeholder limonene", ("limonene", "fragrance", "present"), "Indeholder limonene"),
        ("EUH208: Indeholder linalool. Kan udløse allergisk reaktion.", ("linalool", "fragrance", "present"),
         "EUH208: Indeholder linalool."),
        ("Contains: Hexyl Cinnamal", ("hexyl cinnamal", "fragrance", "present"), "Contains: Hexyl Cinnamal"),
        ("Produktet indeholder parfume.", ("parfume", "fragrance", "present"), "Produktet indeholder parfume."),
        ("Parfume: Ja", ("parfume", "fragrance", "present"), "Parfume: Ja"),
        ("Enthält Duftstoffe.", ("duftstoffe", "fragrance", "present"), "Enthält Duftstoffe."),
        ("parfumefri", ("parfumefri", "fragrance", "absent"), "parfumefri"),
        ("Produktet er parfumefrit.", ("parfumefrit", "fragrance", "absent"), "Produktet er parfumefrit."),
        ("Uden parfume", ("uden parfume", "fragrance", "absent"), "Uden parfume"),
        ("Parfume: Nej", ("parfume", "fragrance", "absent"), "Parfume: Nej"),
        ("Parfume: Ikke tilsat", ("parfume", "fragrance", "absent"), "Parfume: Ikke tilsat"),
        ("Parfume: Ingen", ("parfume", "fragrance", "absent"), "Parfume: Ingen"),
        ("Fragrance free", ("fragrance free", "fragrance", "absent"), "Fragrance free"),
        ("fragrance-free formula", ("fragrance-free", "fragrance", "absent"), "fragrance-free formula"),
        ("Contains no perfume.", ("contains no perfume", "fragrance", "absent"), "Contains no perfume."),
        ("Produktet indeholder ikke parfume.", ("indeholder ikke parfume", "fragrance", "absent"),
         "Produktet indeholder ikke parfume."),
        ("Ingen tilsat parfume", ("parfume", "fragrance", "absent"), "Ingen tilsat parfume"),
        ("Oparfymerad", ("oparfymerad", "fragrance", "absent"), "Oparfymerad"),
        ("Parfümfrei", ("parfümfrei", "fragrance", "absent"), "Parfümfrei"),
        ("Ftalatfri", ("ftalatfri", "phthalates", "absent"), "Ftalatfri"),
        ("Indeholder DEHP", ("dehp", "phthalates", "present"), "Indeholder DEHP"),
        ("Free from brominated flame retardants", ("free from brominated flame retardants",
                                                   "brominated_flame_retardants", "absent"),
         "Free from brominated flame retardants"),
        ("Formaldehydfri limning", ("formaldehydfri", "formaldehyde", "absent"), "Formaldehydfri limning"),
        ("PVC-fri roll-up", ("pvc-fri", "pvc", "absent"), "PVC-fri roll-up"),
        ("Banner i PVC", ("pvc", "pvc", "present"), "Banner i PVC"),
    ],
)
def test_one_declaration(text, expected, quote):
    """The quote is the declaration's whole sentence or row."""
    assert substances(text) == [expected]
    assert quotes(text) == [quote]


@pytest.mark.parametrize("text", ["parfumefri", "uden parfume", "Uden tilsat parfume", "Parfume: Nej",
                                  "fragrance free", "Free from perfume and dyes", "no added fragrance"])
def test_an_absence_declaration_is_never_also_read_as_present(text):
    found = substances(text)
    assert found
    assert all(presence == "absent" for _, _, presence in found)


def test_an_ingredient_list_names_each_substance():
    found = substances("Ingredienser: 5–15 % anioniske tensider, parfume, limonene, linalool.")
    assert found == [("parfume", "fragrance", "present"), ("limonene", "fragrance", "present"),
                     ("linalool", "fragrance", "present")]


def test_absence_and_presence_in_separate_sentences():
    found = substances("Uden parfume. Indeholder limonene.")
    assert found == [("uden parfume", "fragrance", "absent"), ("limonene", "fragrance", "present")]


def test_a_negation_before_a_comma_does_not_reach_the_next_name():
    found = substances("Indeholder ikke farvestoffer, men limonene")
    assert found == [("limonene", "fragrance", "present")]


def test_a_name_inside_another_word_is_not_a_substance():
    assert substances("Parfumeriet i Aarhus; blyant; leadership") == []


def test_evidence_is_on_its_page():
    (fact,) = find_substances(make_page("Rengøring\nIndeholder limonene", number=2), id_counter())
    assert fact.evidence[0].page == 2
    assert fact.id == "substance-1"


@pytest.mark.parametrize("text", ["Produktet er ikke parfumefrit.", "Not fragrance free.", "Ikke uden parfume",
                                  "This toy is not phthalate-free."])
def test_a_negated_absence_declaration_is_dropped(text):
    assert [presence for _, _, presence in substances(text)] == []


def test_a_key_answered_by_an_absence_declaration_is_not_present():
    """A product list row "Parfume: parfumefri" declares absence; the key is not an ingredient."""
    facts = list(find_substances(make_page("Parfume: parfumefri"), id_counter()))
    assert [(f.substance, f.presence) for f in facts] == [("parfumefri", "absent")]


@pytest.mark.parametrize(
    ("text", "expected", "quote"),
    [
        # A scent the product has is a fragrance; the key "Duft" alone decides nothing.
        ("Duft: Frisk citrusduft", [("citrusduft", "fragrance", "present")], ["Duft: Frisk citrusduft"]),
        ("Duft: Mild frisk duft (parfumeret)",
         [("duft", "fragrance", "present"), ("parfumeret", "fragrance", "present")],
         ["Duft: Mild frisk duft (parfumeret)"] * 2),
        ("Duft: se etiket", [], []),
        # A negated scent is no fragrance-free declaration ("leaves no scent" says nothing of perfume).
        ("Giver blanke overflader uden at efterlade duft.", [], []),
        # A declaration anywhere in the key's value answers the key.
        ("Duft: neutral, uden parfume", [("uden parfume", "fragrance", "absent")], ["Duft: neutral, uden parfume"]),
        # What users are sensitive to is not what the product contains.
        ("Velegnet, hvor brugerne er følsomme over for duftstoffer.", [], []),
        ("Suitable for people who are allergic to fragrances.", [], []),
    ],
)
def test_scents_and_sensitivities(text, expected, quote):
    assert substances(text) == expected
    assert quotes(text) == quote


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Produktet er PVC-frit.", [("pvc-frit", "absent", "product")]),
        ("Emballagen er PVC-fri.", [("pvc-fri", "absent", "packaging")]),
        ("Emballagen indeholder PVC.", [("pvc", "present", "packaging")]),
        ("Parfume: Nej", [("parfume", "absent", "product")]),
    ],
)
def test_a_substance_records_whom_its_clause_is_about(text, expected):
    """A declaration about the packaging is kept and says so: the rules judge that it says nothing of the
    product, and its words are not read again as a substance the product contains."""
    facts = find_substances(make_page(text), id_counter())
    assert [(fact.substance, fact.presence, fact.about) for fact in facts] == expected
