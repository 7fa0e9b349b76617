"""Product types, lamp caps, and the main product type of a document (procure_check/extract/products.py,
`extract_facts(...).product_types`)."""

import pytest

from procure_check.extract import extract_facts
from procure_check.extract.products import find_lamp_caps, find_product_types, type_group
from tests.conftest import id_counter, make_document, make_page


def types(text: str) -> list[tuple[str, str]]:
    return [(fact.type, fact.group) for fact in find_product_types(make_page(text), id_counter())]


def caps(text: str) -> list[tuple[str, bool]]:
    return [(fact.cap, fact.directional) for fact in find_lamp_caps(make_page(text), id_counter())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LED-pære E27", [("led_light_source", "lighting")]),
        ("LED-spot GU10", [("led_light_source", "lighting")]),
        ("LED candle bulb E14", [("led_light_source", "lighting")]),
        ("LED-Röhre T8", [("led_light_source", "lighting")]),
        ("Armatur til loftmontage", [("luminaire", "lighting")]),
        ("Håndklæde – Nordfrotté Classic", [("towel", "textiles")]),
        ("Bath towel 70 x 140 cm", [("towel", "textiles")]),
        ("Handduk 50 x 70", [("towel", "textiles")]),
        ("Sengelinned / dynebetræk", [("bed_linen", "textiles")]),
        ("Påslakan 150 x 210", [("bed_linen", "textiles")]),
        ("Arbejdstøj", [("workwear", "textiles")]),
        ("Universalrengøring", [("cleaning_agent", "cleaning")]),
        ("Allzweckreiniger", [("cleaning_agent", "cleaning")]),
        ('24" skærm', [("monitor", "it")]),
        ("Bærbar computer", [("laptop", "it")]),
        ("Laptop 14", [("laptop", "it")]),
        ("Smartphone X", [("smartphone", "it")]),
        ("Multifunktionsprinter", [("printer", "it")]),
        ("Badelagen 100 x 150", [("towel", "textiles")]),
        ("KØLEBORD KB-260, 2 DØRE, GN 1/1", [("refrigerator", "kitchen")]),
        ("Kühltisch 2-türig", [("refrigerator", "kitchen")]),
        ("Frysebord 3 døre", [("freezer", "kitchen")]),
        ("LED Classic A60 8.5 W E27 806 lm", [("led_light_source", "lighting")]),
        ("PAR30 spot 10 W", [("led_light_source", "lighting")]),
    ],
)
def test_product_types(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize("text", ["Grøn Rengøring", "Lumora ApS", "Produktdatablad", "Pæren er moden",
                                  "Badelagenet", "Lagenlig", "Model C35, 2 stk.", "A60 i 2026"])
def test_no_product_type(text):
    assert types(text) == []


def test_each_type_once_per_page_with_its_first_mention():
    facts = list(find_product_types(make_page("Håndklæde\nHåndklæder i bomuld\nHåndklæde igen"), id_counter()))
    assert [(fact.type, fact.evidence[0].text) for fact in facts] == [("towel", "Håndklæde")]


def test_type_group():
    assert type_group("towel") == "textiles"
    assert type_group("led_light_source") == "lighting"
    assert type_group("no-such-type") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LED-pære E27", [("E27", False)]),
        ("LED candle bulb E14", [("E14", False)]),
        ("GU10 spot", [("GU10", True)]),
        ("GU 10", [("GU10", True)]),
        ("LED-spot GU10", [("GU10", True)]),
        ("GU5,3 spot", [("GU5.3", True)]),
        ("MR16 12 V", [("GU5.3", True)]),
        ("LED-rør T8, G13", [("T8", False)]),
        ("Spotlight E27 reflektor", [("E27", True)]),
        ("R63 reflector lamp, E27", [("E27", True)]),
        ("LED lamp E27, non-directional", [("E27", False)]),
        ("LED-pære E27\nIkke egnet til spot-armaturer", [("E27", False)]),
        ("E27, ikke retningsbestemt", [("E27", False)]),
        ("E27\nLight distribution: omnidirectional", [("E27", False)]),
    ],
)
def test_lamp_caps(text, expected):
    assert caps(text) == expected


@pytest.mark.parametrize("text", ["Model E270", "BE27", "Varenr. GU100", "E 2700 K"])
def test_no_lamp_cap(text):
    assert caps(text) == []


def test_lamp_cap_evidence():
    (fact,) = find_lamp_caps(make_page("Sokkel: GU10", number=2), id_counter())
    assert (fact.evidence[0].text, fact.evidence[0].page) == ("GU10", 2)


# --- the main product type ------------------------------------------------------------------------------


def product_types(text: str) -> list[str]:
    return extract_facts(make_document(text)).product_types


LAPTOP_SHEET = """Korvik Systems ApS PRODUKTDATABLAD
Bærbar computer – Korvik Book 14 G3
Varenr.: KB14-G3-16-512
Udgave 07.2026
Beskrivelse
Let og robust bærbar computer til kontor og undervisning.
Display: 14" IPS, 1920 × 1200
Tilslutninger: HDMI til en external monitor, USB-C
Typisk energiforbrug (TEC): 18,5 kWh/år"""


def test_a_laptop_sheet_that_mentions_a_monitor_is_about_a_laptop():
    extraction = extract_facts(make_document(LAPTOP_SHEET))
    assert extraction.product_types == ["laptop"]
    assert {fact.type for fact in extraction.facts if fact.kind == "product_type"} == {"laptop", "monitor"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LED-pære E27 – Lumora Klassik\nLysstrøm: 806 lm", ["led_light_source"]),
        ("Brightwick Lighting Ltd PRODUCT DATA SHEET\nLED candle bulb E14 – Brightwick Candle C35\n"
         "Frosted LED candle bulb for decorative luminaires", ["led_light_source"]),
        ("Håndklæde\n100 % bomuld", ["towel"]),
        ("PRODUKTDATABLAD\nSengelinned og håndklæder", ["bed_linen", "towel"]),
        ('24" skærm / monitor – Vistaro P24\nTil bærbar computer', ["monitor"]),
        ("Tessaro Tab 11\nAn 11-inch Android tablet with a bright display", ["tablet"]),
        ("Lumora ApS\nProduktdatablad\nVarenr. 1\nUdgave 2\nBeskrivelse\nEn LED-pære til E27", ["led_light_source"]),
    ],
)
def test_the_title_line_decides_the_main_product_type(text, expected):
    assert product_types(text) == expected


def test_without_a_type_in_the_title_every_named_type_counts():
    text = "Lumora ApS\nProduktdatablad\nVarenr. 1\nUdgave 2\nBeskrivelse\nHåndklæder og sengelinned"
    assert sorted(product_types(text)) == ["bed_linen", "towel"]


def test_a_product_field_names_the_product_before_anything_else():
    text = ("FYNSK HYGIEJNE ApS\nHavnegade 41\n=====\nVarenr.: FH-2210\nProdukt: Toiletrens Blå Aktiv, 750 ml\n"
            "Vores toiletpapir og håndklædeark i serien er Svanemærket (licens 5012 7734).")
    assert product_types(text) == ["cleaning_agent"]


def test_a_claim_about_other_products_of_the_range_is_not_the_products():

    from procure_check.extract import extract_facts
    from tests.conftest import make_document

    text = ("Produkt: Toiletrens Blå Aktiv, 750 ml\nVores toiletpapir og håndklædeark i serien er Svanemærket "
            "(licens 5012 7734), og flaskerne til rengøringsmidlerne er af genanvendt plast.\n"
            "Produkt: Toiletrens Blå Aktiv er Svanemærket (licens 5012 1111).")
    claims = [f for f in extract_facts(make_document(text)).facts if f.kind == "label"]
    assert [(claim.identifier, claim.about) for claim in claims] == [("5012 7734", "other_product"),
                                                                     ("5012 1111", "product")]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hætteopvaskemaskine HT-60 Eco", ["dishwasher"]),
        ("A4-Farblaser-Multifunktionssystem", ["printer"]),
        ("LED-Reflektorlampe PAR16 GU10 4,7 W", ["led_light_source"]),
        ("Nordia Kompakt – halvkombi, mildhybrid", ["car"]),
        ("Konferenztisch FORUM 2400 × 1200 mm", ["desk"]),
        ('Nordvy 24F – 24" Full HD-skärm för kontor', ["monitor"]),
        ("Fjordren Gulvsåpe", ["cleaning_agent"]),
    ],
)
def test_product_types_in_five_languages(title, expected):
    assert product_types(title) == expected


def test_a_claim_under_another_products_heading_on_an_offer_page_is_not_the_products():

    from procure_check.extract import extract_facts
    from tests.conftest import make_document

    text = ("Laksefilet, portionsstykker 125 g\n• Atlantisk laks\n• ASC-certificeret (ASC-C-01873)\n"
            "Kartofler, økologiske, 10 kg\n• Faste kartofler\n• Ø-mærket, DK-ØKO-100\n"
            "Rejer i lage, 1 kg\n• MSC-certificeret (MSC-C-50922)")
    claims = {f.label: f for f in extract_facts(make_document(text)).facts if f.kind == "label"}
    assert claims["asc"].about == "product"
    assert (claims["dk-organic"].heading_type, claims["dk-organic"].about) == ("food_product", "other_product")
    assert claims["msc"].about == "product"  # shrimps are fish and seafood, like the salmon


def test_a_field_is_no_products_heading():
    from procure_check.extract.products import heading_type

    text = "Garden bench Balmoral\nTimber: teak, 45 mm\nThis bench is FSC® certified."
    assert heading_type(text, text.index("This")) is None
    assert heading_type("Kartofler, økologiske\n• Ø-mærket", 25) == "food_product"
