"""Fibre compositions and which part of a towel they describe (procure_check/extract/fibres.py)."""

import pytest

from procure_check.extract.fibres import find_fibres
from tests.conftest import id_counter, make_page


def fibres(text: str, lang: str = "da") -> list:
    return list(find_fibres(make_page(text), lang, id_counter()))


@pytest.mark.parametrize(
    ("text", "lang", "part", "composition", "n_fibres", "cotton_pct", "quote"),
    [
        ("Materiale: 50 % bomuld / 50 % polyester", "da", "whole", "50 % cotton / 50 % polyester", 2, 50,
         "50 % bomuld / 50 % polyester"),
        ("60 % bomuld, 35 % polyester, 5 % elastan", "da", "whole",
         "60 % cotton / 35 % polyester / 5 % elastane", 3, 60, "60 % bomuld, 35 % polyester, 5 % elastan"),
        ("Luv: 100 % bomuld", "da", "pile", "100 % cotton", 1, 100, "Luv: 100 % bomuld"),
        ("Luven er 100 % bomuld", "da", "pile", "100 % cotton", 1, 100, "Luven er 100 % bomuld"),
        ("Bundvæv: 80 % bomuld, 20 % polyester", "da", "ground", "80 % cotton / 20 % polyester", 2, 80,
         "Bundvæv: 80 % bomuld, 20 % polyester"),
        ("Loop pile: 100% cotton", "en", "pile", "100 % cotton", 1, 100, "Loop pile: 100% cotton"),
        ("Ground weave: 80% cotton / 20% polyester", "en", "ground", "80 % cotton / 20 % polyester", 2, 80,
         "Ground weave: 80% cotton / 20% polyester"),
        ("Composition: 65% polyester, 35% cotton", "en", "whole", "65 % polyester / 35 % cotton", 2, 35,
         "65% polyester, 35% cotton"),
        ("52 % bomuld og 48 % polyester", "da", "whole", "52 % cotton / 48 % polyester", 2, 52,
         "52 % bomuld og 48 % polyester"),
        ("55 % Baumwolle und 45 % Polyester", "de", "whole", "55 % cotton / 45 % polyester", 2, 55,
         "55 % Baumwolle und 45 % Polyester"),
        ("70 % bomull och 30 % lin", "sv", "whole", "70 % cotton / 30 % linen", 2, 70, "70 % bomull och 30 % lin"),
        ("100 % CO", "da", "whole", "100 % cotton", 1, 100, "100 % CO"),
        ("50/50: 50 % CO / 50 % PES", "da", "whole", "50 % cotton / 50 % polyester", 2, 50, "50 % CO / 50 % PES"),
        ("Sengetøj i 100 % økologisk bomuld", "da", "whole", "100 % cotton", 1, 100, "100 % økologisk bomuld"),
        ("65 % recycled polyester, 35 % organic cotton", "en", "whole", "65 % polyester / 35 % cotton", 2, 35,
         "65 % recycled polyester, 35 % organic cotton"),
        ("Stof: 49,5 % bomuld / 50,5 % polyester", "da", "whole", "49.5 % cotton / 50.5 % polyester", 2, 49.5,
         "49,5 % bomuld / 50,5 % polyester"),
        ("98 % cotton, 2 % spandex", "en", "whole", "98 % cotton / 2 % elastane", 2, 98, "98 % cotton, 2 % spandex"),
        ("60 % cotton, 40 % tencel", "en", "whole", "60 % cotton / 40 % lyocell", 2, 60, "60 % cotton, 40 % tencel"),
        # The fibre first, with or without a joining word.
        ("Materiale: Bomuld 52 % Polyester 48 %, lærred", "da", "whole", "52 % cotton / 48 % polyester", 2, 52,
         "Bomuld 52 % Polyester 48 %"),
        ("Fibersammensætning: Bomuld 50 % · Polyester 50 %", "da", "whole", "50 % cotton / 50 % polyester", 2, 50,
         "Bomuld 50 % · Polyester 50 %"),
        ("Baumwolle 60 %, Polyester 40 %", "de", "whole", "60 % cotton / 40 % polyester", 2, 60,
         "Baumwolle 60 %, Polyester 40 %"),
        # Fibre codes with their shares and no "%" (they must add up to 100).
        ("Flor: CO 80 / PES 20", "da", "pile", "80 % cotton / 20 % polyester", 2, 80, "Flor: CO 80 / PES 20"),
        # A code in brackets repeats the fibre.
        ("50 % bomuld (CO) / 50 % polyester (PES)", "da", "whole", "50 % cotton / 50 % polyester", 2, 50,
         "50 % bomuld (CO) / 50 % polyester (PES)"),
        # The shares as one list, the fibres as another.
        ("Kvalitet: 50/50 bomuld/polyester", "da", "whole", "50 % cotton / 50 % polyester", 2, 50,
         "50/50 bomuld/polyester"),
        ("CO/PES 80/20", "da", "whole", "80 % cotton / 20 % polyester", 2, 80, "CO/PES 80/20"),
    ],
)
def test_compositions(text, lang, part, composition, n_fibres, cotton_pct, quote):
    (fact,) = fibres(text, lang)
    assert (fact.part, fact.composition, fact.n_fibres, fact.cotton_pct) == (
        part, composition, n_fibres, pytest.approx(cotton_pct))
    assert quote in fact.evidence[0].text  # within its sentence or row


def test_pile_and_ground_on_separate_lines():
    found = fibres("Luv: 100 % bomuld\nBundvæv: 80 % bomuld, 20 % polyester")
    assert [(f.part, f.n_fibres, f.cotton_pct) for f in found] == [("pile", 1, 100), ("ground", 2, 80)]


def test_pile_and_ground_on_one_line():
    found = fibres("Luv: 100 % bomuld; bundvæv: 80 % bomuld, 20 % polyester")
    assert [(f.part, f.composition) for f in found] == [
        ("pile", "100 % cotton"), ("ground", "80 % cotton / 20 % polyester")]


def test_a_towel_with_a_polyester_pile():
    (fact,) = fibres("Loop pile: 80% cotton / 20% polyester", "en")
    assert (fact.part, fact.n_fibres, fact.cotton_pct) == ("pile", 2, 80)


def test_a_part_word_on_the_line_above_does_not_count():
    (fact,) = fibres("Luv\n50 % bomuld / 50 % polyester")
    assert fact.part == "whole"


def test_the_same_fibre_twice_counts_once():
    (fact,) = fibres("40 % bomuld, 30 % polyester, 30 % cotton")
    assert (fact.n_fibres, fact.cotton_pct, fact.composition) == (2, 70, "70 % cotton / 30 % polyester")


@pytest.mark.parametrize(
    "text",
    ["Bomuld og polyester", "Indeholder 5 % tensider", "100 % genanvendelig emballage", "Ra > 80 %",
     "50 % rabat på bomuldsvarer"],
)
def test_no_composition(text):
    assert fibres(text) == []


@pytest.mark.parametrize("text", ["CO2 100 g/km", "CO 100", "PA 6", "Ne 12/2, blandingsgarn bomuld/polyester",
                                  "24/7 cotton/polyester", "CO 60 / PES 20"])
def test_shares_without_a_percent_sign_must_be_several_and_add_up(text):
    assert fibres(text) == []


def test_in_a_catalogue_only_the_item_the_title_names_counts():
    text = ("Sengelinned 2026\nPudebetræk Basic 60 × 63 cm og øvrigt sortiment\nVores sengelinned vaskes ofte.\n"
            "Pudebetræk Basic 60 × 63 cm\nMateriale: Bomuld 52 % Polyester 48 %\n"
            "Lagen Comfort Stretch 90 × 200 cm\nMateriale: 60 % bomuld, 37 % polyester, 3 % elastan\n"
            "Dynebetræk Basic 140 × 200 cm\nMateriale: 100 % polyester")
    assert [fact.n_fibres for fact in fibres(text)] == [2]


def test_without_a_title_item_every_item_counts():
    text = ("Sengelinned 2026\nVores sortiment\nKontakt os\nPriser ekskl. moms\n"
            "Lagen Comfort 90 × 200 cm\nMateriale: 60 % bomuld, 37 % polyester, 3 % elastan\n"
            "Dynebetræk Basic 140 × 200 cm\nMateriale: 100 % polyester\n"
            "Håndklædet tåler 90 °C.\nMateriale: 100 % bomuld")
    assert [fact.n_fibres for fact in fibres(text)] == [3, 1, 1]


@pytest.mark.parametrize("text", ["100 % el fra vindmøller", "Sparer 50 % pa. år", "100 % co-finansieret"])
def test_fibre_codes_count_only_in_capitals(text):
    assert fibres(text) == []
