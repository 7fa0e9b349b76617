"""Statements that are phrases: propellant, dosing, product form, CE/EN 71, impregnation
(procure_check/extract/statements.py)."""

import pytest

from procure_check.extract.statements import find_denials, find_statements
from tests.conftest import id_counter, make_page


def statements(text: str) -> list[str]:
    return [fact.statement for fact in find_statements(make_page(text), id_counter())]


def quotes(text: str, statement: str) -> list[str]:
    return [fact.evidence[0].text for fact in find_statements(make_page(text), id_counter())
            if fact.statement == statement]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Produktet er uden drivgas.", ["no_propellant"]),
        ("Indeholder ikke drivgas.", ["no_propellant"]),
        ("Drivgasfri pumpespray", ["no_propellant", "no_propellant"]),
        ("Trigger spray, no propellant", ["no_propellant", "no_propellant"]),
        ("TruShot 2.0R trigger sprayer 4/cs", ["no_propellant"]),
        ("Propellant-free", ["no_propellant"]),
        ("Utan drivgas", ["no_propellant"]),
        ("Ohne Treibgas", ["no_propellant"]),
        ("Indeholder drivgas (butan/propan). H222, H229", ["propellant"] * 5),
        ("Drivgas: butan/propan", ["propellant"] * 3),
        ("Aerosol container", ["propellant"]),
        ("H222 Yderst brandfarlig aerosol.", ["propellant", "propellant"]),
        ("Contains dimethyl ether", ["propellant"]),
        ("67-63-0 Propan-2-ol 70 %; Butan-2-on 5 %", []),
        ("Flydende koncentrat", ["liquid_form"]),
        ("Form: flydende gel i 750 ml flaske", ["non_aerosol_pack", "liquid_form"]),
        ("Leveres i 5 l dunk og 1 l flaske med skruelåg", ["non_aerosol_pack", "non_aerosol_pack"]),
        ("Spraydåse 500 ml", ["propellant"]),
        ("Liquid concentrate", ["liquid_form"]),
        ("CE-mærket", ["ce_marking"]),
        ("CE marking according to EN 71-3", ["ce_marking", "en71"]),
        ("Testet efter DS/EN 71-1", ["en71"]),
        ("CE. Conforms to EN 71-1 and EN 71-3.", ["ce_marking", "en71", "en71"]),
        ("CE-merket leke", ["ce_marking"]),
        ("CE-märkning enligt leksaksdirektivet", ["ce_marking"]),
        ("Direktiv 2009/48/CE; Règlement (CE) n° 1907/2006; CE-nr. 200-001-8", []),
        ("Formaldehyde class: E2 (E1 version available on request)", ["formaldehyde_high"]),
        ("Bordplate: sponplate, emisjonsklasse E1", ["formaldehyde_low"]),
        ("Formaldehydklasse: E1", ["formaldehyde_low"]),
        ("Træet er ikke trykimprægneret", ["not_impregnated"]),
        ("Trykkimpregnert furu", ["pressure_treated"]),
        ("Trykimprægneret fyr", ["pressure_treated"]),
        ("Pressure treated pine (CCA)", ["pressure_treated", "pressure_treated"]),
    ],
)
def test_statements(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text", ["uden drivgas", "Uden drivgas.", "Produktet indeholder ingen drivgas.",
                                  "fri for drivgas", "Free from propellants"])
def test_no_propellant_is_never_also_propellant(text):
    assert statements(text) == ["no_propellant"]


@pytest.mark.parametrize(
    "text",
    ["Not an aerosol.", "Produktet er ikke en spraydåse.", "Contains no butane or propane.",
     "Uden aerosol", "Ikke CE-mærket"],
)
def test_a_negated_statement_is_dropped_not_turned_around(text):
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Dosering: 25 ml pr. 5 l vand", "Dosering: 25 ml pr. 5 l vand"),
        ("Dosering: 20 ml pr. liter lunkent vand.", "20 ml pr. liter"),
        ("Dosér 10 ml i en spand vand", "Dosér 10 ml"),
        ("Use 1–2 % solution", "Use 1–2 %"),
        ("Dosage: 5 ml per litre of water", "5 ml per litre"),
        ("Brug 50 ml til 10 liter vand", "50 ml til 10 liter vand"),
        ("Fortyndingsforhold 1–2 %", "1–2 %"),
        ("Blandingsforhold: 30 ml pr. 10 l vand", "30 ml pr. 10 l vand"),
        ("Dosierung: 20 ml auf 5 l Wasser", "Dosierung: 20 ml"),
        ("Anvend 0,5 dl pr. spand", "0,5 dl"),
        ("Can be diluted at 1:512 for daily floor cleaning", "diluted at 1:512"),
        ("Blandingsforhold: 1:40", "Blandingsforhold: 1:40"),
        ("Dilute .5 oz / gallon of water", ".5 oz / gallon"),
    ],
)
def test_dosing(text, quote):
    assert statements(text) == ["dosing"]
    (found,) = quotes(text, "dosing")
    assert quote in found


@pytest.mark.parametrize(
    "text",
    ["Må ikke blandes med andre produkter.", "Dosering: se etiketten", "Brug handsker.", "Use within 12 months.",
     "Indhold: 750 ml", "Vi bruger 100 % grøn strøm og genanvendt plast i alle flasker.",
     "We use 30 % recycled plastic in the bottle.", "Målestok 1:100", "Vi bruger kl. 11:30 til levering",
     "Anvendes 1:1 som erstatning for sæbe i 24:7 drift"],
)
def test_no_dosing(text):
    assert "dosing" not in statements(text)


def test_the_propellant_quote_shows_the_propellant():
    (first, *_) = quotes("Drivgas: butan/propan", "propellant")
    assert first == "Drivgas: butan/propan"


def test_statements_keep_their_page_and_ids():
    found = list(find_statements(make_page("Uden drivgas.\nDosering: 25 ml pr. 5 l vand", number=3), id_counter()))
    assert [(fact.id, fact.statement, fact.evidence[0].page) for fact in found] == [
        ("statement-1", "no_propellant", 3), ("statement-2", "dosing", 3)]


@pytest.mark.parametrize(
    "text",
    ["P261 Einatmen von Aerosol vermeiden.", "Einatmen von Staub/Nebel oder Aerosol verursacht Reizung.",
     "Aerosolbildung vermeiden.", "LD50 - Lethale Dosis für 50 % einer Versuchspopulation"],
)
def test_safety_data_sheet_wording_is_neither_propellant_nor_dosing(text):
    assert not {"propellant", "dosing"} & set(statements(text))


def test_an_aerosol_product_is_still_one():
    assert statements("Ovnrens – aerosol, 500 ml") == ["propellant"]


@pytest.mark.parametrize(
    ("text", "statement", "about"),
    [
        ("Produktet er uden drivgas.", "no_propellant", "product"),
        ("Emballage: 5 l og 10 l dunk", "non_aerosol_pack", "packaging"),
        ("Emballagen er en 5 l dunk.", "non_aerosol_pack", "packaging"),
        ("Flydende koncentrat.", "liquid_form", "product"),
        ("Leverandøren er CE-mærket.", "ce_marking", "organisation"),
    ],
)
def test_a_statement_records_whom_its_clause_is_about(text, statement, about):
    """Statements about the packaging or the company are kept, and say so: the rules judge whether they count."""
    facts = [fact for fact in find_statements(make_page(text), id_counter()) if fact.statement == statement]
    assert [fact.about for fact in facts] == [about]


def test_a_denial_records_whom_its_clause_is_about():
    facts = list(find_denials(make_page("Virksomheden er ikke CE-mærket."), id_counter()))
    assert [(fact.statement, fact.about) for fact in facts] == [("ce_marking", "organisation")]


def test_a_statement_about_the_packaging_still_claims_its_words():
    """"Emballagen er uden drivgas" is about the packaging; the later, more general "drivgas" does not read its
    words again as a propellant."""
    facts = list(find_statements(make_page("Emballagen er uden drivgas."), id_counter()))
    assert [(fact.statement, fact.about) for fact in facts] == [("no_propellant", "packaging")]
