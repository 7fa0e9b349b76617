"""Group detection: CPV codes (longest prefix wins), then the product type in the title, then scope words."""

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.document import Document, Line, Page
from procure_check.errors import DocumentError
from procure_check.groups import cpv_codes, detect_group

CATALOGUE = load_catalogue()


def test_cpv_codes_need_a_check_digit_or_the_word_cpv():
    assert cpv_codes("CPV-kode 39830000-9 og 30213100-6") == ["39830000", "30213100"]
    assert cpv_codes("CPV: 34110000") == ["34110000"]
    assert cpv_codes("Varenummer 12345678 og telefon 70203040") == []


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Udbud af rengøringsmidler, CPV 39830000-9", "cleaning"),
        ("Levering af computerskærme, CPV 30231000-7", "it"),
        ("Indkøb af legepladsudstyr, CPV 37535200-9", "wood"),  # 3753520 (wood) beats 3753 (childcare)
        ("Indkøb af legetøj, CPV 37520000-9", "childcare"),
        ("Catering, CPV 55520000-1", "food"),
    ],
)
def test_longest_cpv_prefix_wins(text, group):
    assert detect_group(text, [], CATALOGUE, "x") == (group, "cpv")


def test_product_type_in_the_title_decides_without_cpv():
    assert detect_group("Skærm 24 tommer", ["monitor"], CATALOGUE, "x") == ("it", "keywords")


def test_scope_words_decide_when_clear():
    text = "Rengøringsmiddel til gulvrengøring. Et godt rengøringsmiddel."
    assert detect_group(text, [], CATALOGUE, "x") == ("cleaning", "keywords")


@pytest.mark.parametrize(
    "text",
    [
        # Marketing sheets name what the product does, not what it is.
        "Tackles even the toughest grease. Safely dissolves stubborn grease and dirt. Case size: 3 x 5L",
        "Deep clean for brilliant whites. Powerful stain removal. Just 1 capful per wash. Pack size: 1 x 3 L",
        "Tvättmedel för vittvätt. Doseras efter vattnets hårdhet; tvättmedel utan parfym.",
    ],
)
def test_what_a_cleaning_agent_does_names_its_group(text):
    assert detect_group(text, [], CATALOGUE, "x") == ("cleaning", "keywords")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Kvartalsrapport om budgettet.", "cannot tell the product group"),
        ("Rammeaftale om rengøringsmidler og kopipapir.", "the product group is ambiguous"),
    ],
)
def test_unclear_documents_say_so_instead_of_guessing(text, message):
    with pytest.raises(DocumentError, match=message) as raised:
        detect_group(text, [], CATALOGUE, "sheet.txt")
    assert raised.value.code == "no_group"
    assert "--group" in raised.value.message


def test_one_stray_scope_word_decides_nothing():
    """A freezer's data sheet that mentions cleaning once is not a cleaning agent."""
    with pytest.raises(DocumentError) as raised:
        detect_group("Frostskab FS 1500. Let rengøring af inderkabinettet.", [], CATALOGUE, "x")
    assert raised.value.code == "no_group"


def test_a_false_friend_of_the_documents_language_is_no_scope_word():
    """Norwegian "ble" means "was": a Norwegian cleaning sheet is not about nappies."""
    text = "Produktet ble testet. Det ble godkjent. Emballasjen ble endret. Ble levert."
    with pytest.raises(DocumentError):
        detect_group(text, [], CATALOGUE, "x", "nb")
    assert detect_group(text, [], CATALOGUE, "x", "da")[0] == "childcare"


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Frostskab FS 1500 Pro, 2 døre", "kitchen"),
        ("Orbit stacking chair for canteens", "furniture"),
        ("Trädgårdsbänk Borgholm 180 cm", "wood"),
        ("Nordia Ström 82 kWh · elektrisk familie-SUV", "vehicles"),
        ("Badedyr i naturgummi, 3 stk.", "childcare"),
    ],
)
def test_the_title_names_the_product_type(title, group):
    from procure_check.extract import extract_facts
    from tests.conftest import make_document

    types = extract_facts(make_document(title + "\nLad virke i 5 minutter. Skyl armaturer efter.")).product_types
    assert detect_group(title, types, CATALOGUE, "x") == (group, "keywords")


def _sds(section_one: str, rest: str) -> Document:
    lines = ["Sicherheitsdatenblatt gemäß Verordnung (EG) Nr. 1907/2006", *section_one.split("\n"),
             "*: ABSCHNITT 2: Mögliche Gefahren", *rest.split("\n")]
    return Document(path="sdb.pdf", sha256="0" * 64, format="pdf",
                    pages=[Page(number=1, lines=[Line(text=line) for line in lines])])


def test_a_safety_data_sheet_is_about_what_its_section_one_names():
    from procure_check.extract.sds import section_one

    document = _sds("ABSCHNITT 1: Bezeichnung des Stoffs\n· Handelsname: BIO Möbel-Reiniger",
                    "Toxizität für Fische (Fish LC50). CSB (COD). Von Lebensmitteln fernhalten. Möbel, Möbel, Möbel.")
    assert "Möbel-Reiniger" in section_one(document)
    assert "Fische" not in section_one(document)


def test_a_safety_data_sheet_gets_a_chemical_group_from_section_one():
    from procure_check.check import Checker
    from tests.conftest import AS_OF

    document = _sds("ABSCHNITT 1: Bezeichnung des Stoffs\n· Handelsname: BIO Möbel-Reiniger",
                    "Fish LC50 12 mg/l. COD 300 mg/l. Von Lebensmitteln fernhalten. Möbel Möbel Möbel Möbel.")
    report = Checker(CATALOGUE, as_of=AS_OF).check_product_document(document)
    assert (report.group, report.error) == ("cleaning", None)


@pytest.mark.parametrize(
    "title", ["GOJO® Green Certified Foam Hand Cleaner", "Perfume-Free & Dye-Free Gentle Foam Hand Soap"],
)
def test_a_product_outside_the_catalogue_gets_no_group(title):
    from procure_check.extract.products import title_types

    types = title_types(title)
    with pytest.raises(DocumentError, match="in no group of the catalogue"):
        detect_group(f"{title}\nCleaner for hands. Cleaner. Cleaner.", types, CATALOGUE, "x")


def test_food_words_that_say_where_a_cleaner_is_used_name_no_food():
    from procure_check.extract.products import title_types

    assert title_types("Food safe: approved for food contact surfaces; Federal Food, Drug and Cosmetic Act") == []
    assert title_types("Food products for the canteen") == ["food_product"]
