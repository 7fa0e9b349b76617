"""Label claims: which label is named, and whether the claim is negated, pending, under a legacy name, said to
have ended, dated, or about something other than the product (procure_check/extract/labels.py). Whether such a
claim is current on the day checked, the rules judge (tests/test_engine.py)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procure_check.extract import extract_facts
from procure_check.extract.labels import FUZZY_MIN_SCORE, LabelDef, find_labels, label_definitions
from procure_check.facts import LabelClaim
from tests.conftest import id_counter, make_document, make_page

FIELDS = ("label", "polarity", "about", "legacy", "ended", "identifier", "generation", "grade", "valid_until")
DEFAULTS = {"polarity": "present", "about": "product", "legacy": False, "ended": False, "identifier": None,
            "generation": None, "grade": None, "valid_until": None}


def claims(text: str) -> list[LabelClaim]:
    return list(find_labels(make_page(text), id_counter()))


def summary(claim: LabelClaim) -> dict:
    return {field: getattr(claim, field) for field in FIELDS}


def expect(label: str, **fields) -> dict:
    return {"label": label, **DEFAULTS, **fields}


def only(text: str) -> LabelClaim:
    found = claims(text)
    assert len(found) == 1, [summary(claim) for claim in found]
    return found[0]


def is_pass(claim: LabelClaim) -> bool:
    """A claim the label check can accept: for the product, not said to have ended, under a current name."""
    return (claim.polarity, claim.about, claim.ended, claim.legacy) == ("present", "product", False, False)


# --- names and aliases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Produktet er Svanemærket.", "nordic-swan"),
        ("Svanemærkede rengøringsmidler", "nordic-swan"),
        ("Det nordiske miljømærke", "nordic-swan"),
        ("The product carries the Nordic Swan Ecolabel.", "nordic-swan"),
        ("Produkten är Svanenmärkt.", "nordic-swan"),
        ("Produktet er Svanemerket.", "nordic-swan"),
        ("Joutsenmerkki", "nordic-swan"),
        ("Produktet bærer EU-Blomsten.", "eu-ecolabel"),
        ("Awarded the EU Ecolabel.", "eu-ecolabel"),
        ("Mit dem EU-Umweltzeichen ausgezeichnet.", "eu-ecolabel"),
        ("Märkt med EU-Blomman.", "eu-ecolabel"),
        ("Der Blaue Engel", "blue-angel"),
        ("STANDARD 100 by OEKO-TEX", "oeko-tex-100"),
        ("Zertifiziert nach Öko-Tex Standard 100", "oeko-tex-100"),
        ("Certified to the Global Organic Textile Standard", "gots"),
        ("Bra Miljöval", "bra-miljoval"),
        ("Anbefalet af Astma-Allergi Danmark", "astma-allergi"),
        ("Cradle to Cradle Certified", "cradle-to-cradle"),
        ("Marine Stewardship Council", "msc"),
        ("Statskontrolleret økologisk", "dk-organic"),
    ],
)
def test_label_names_in_several_languages(text, label):
    claim = only(text)
    assert summary(claim) == expect(label)
    assert claim.name == label_definitions()[label].name
    assert claim.fuzzy_score is None
    assert claim.evidence[0].page == 1


@pytest.mark.parametrize(
    "text",
    [
        "EcoGreen Bio Clean",
        "Grøn Rengøring – universalrengøring",
        "Eco",
        "Bio-nedbrydelig og miljøvenlig formel",
        "Swan Cleaning Ltd",
        "Producenten er ISO 14001-certificeret.",
        "The manufacturer holds an EMAS registration.",
        "GOST R certification",
        "Our MSc engineers designed the product.",
        "Ascending sales in 2025",
        "Produktet leveres i pap.",
    ],
)
def test_green_sounding_names_and_management_systems_are_no_label_claims(text):
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    ["A good environmental choice for your office.", "Made in green factories.", "A cradle to cradle approach.",
     "Frisk duft af blomsten."],
)
def test_ambiguous_names_need_a_label_word(text):
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Good Environmental Choice label", "bra-miljoval"),
        ("Made in Green label, product ID 12345", "made-in-green"),
        ("MADE IN GREEN by OEKO-TEX", "made-in-green"),
        ("Cradle to Cradle, Silver", "cradle-to-cradle"),
        ("Produktet bærer Blomsten.", "eu-ecolabel"),
        ("Blomsten, licens DK/020/012", "eu-ecolabel"),
    ],
)
def test_ambiguous_names_with_a_label_word(text, label):
    assert summary(only(text))["label"] == label


def test_an_ambiguous_name_must_be_an_alias():
    with pytest.raises(ValueError, match="not aliases"):
        LabelDef(name="X", aliases=["X label"], ambiguous=["X"], needs=["label"])


@pytest.mark.parametrize(("text", "label"), [("The product carries GOTS", "gots"), ("MSC-certified cod", "msc")])
def test_short_codes_match_exactly(text, label):
    assert only(text).label == label


# --- negation ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Produktet er ikke svanemærket.", "nordic-swan"),
        ("The display is not TCO Certified.", "tco-certified"),
        ("not TCO Certified", "tco-certified"),
        ("Svanemærket: Nej", "nordic-swan"),
        ("Svanemærke: Ikke", "nordic-swan"),
        ("Svanemærket: –", "nordic-swan"),
        ("EU Ecolabel: no", "eu-ecolabel"),
        ("EU Ecolabel: No.", "eu-ecolabel"),
        ("Nordic Swan: Not certified", "nordic-swan"),
        ("Nordic Swan Ecolabel: not applicable", "nordic-swan"),
        ("Not Nordic Swan labelled", "nordic-swan"),
        ("Produkten är inte Svanenmärkt.", "nordic-swan"),
        ("Das Produkt trägt keinen Blauen Engel.", "blue-angel"),
        ("Blauer Engel: nein", "blue-angel"),
        ("Produktet er uden Svanemærket.", "nordic-swan"),
        ("Svanemærket er ikke relevant for produktet.", "nordic-swan"),
    ],
)
def test_negated_claims(text, label):
    claim = only(text)
    assert summary(claim) == expect(label, polarity="negated")
    assert not is_pass(claim)


@pytest.mark.parametrize(
    "text",
    [
        "Produktet er hverken Svanemærket eller EU-Blomsten.",
        "The product is not Nordic Swan or EU Ecolabel certified.",
        "Neither Nordic Swan nor EU Ecolabel.",
    ],
)
def test_one_negation_covers_both_labels(text):
    found = claims(text)
    assert [(claim.label, claim.polarity) for claim in found] == [
        ("nordic-swan", "negated"), ("eu-ecolabel", "negated")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Produktet er ikke parfumeret, og er svanemærket.", "nordic-swan"),
        ("Produktet er ikke parfumeret og er svanemærket.", "nordic-swan"),
        ("Contains no phosphates and is EU Ecolabel certified.", "eu-ecolabel"),
        ("Indeholder ikke farvestoffer. Svanemærket.", "nordic-swan"),
        ("Svanemærket: Ja", "nordic-swan"),
        ("Nordic Swan no. 5041 0012", "nordic-swan"),
        ("EU Ecolabel no. DK/020/012", "eu-ecolabel"),
        ("Svanemærket – licens 5041 0012", "nordic-swan"),
    ],
)
def test_negation_elsewhere_in_the_sentence_does_not_negate_the_label(text, label):
    claim = only(text)
    assert (claim.label, claim.polarity) == (label, "present")
    assert is_pass(claim)


def test_negated_and_present_labels_in_one_sentence():
    found = claims("Produktet er ikke svanemærket, men bærer EU-Blomsten.")
    assert [(claim.label, claim.polarity) for claim in found] == [
        ("nordic-swan", "negated"), ("eu-ecolabel", "present")]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Miljømærke | Status\nSvanemærket | Nej | –", "negated"),
        ("Svanemærket | Ansøgt | 2027", "pending"),
        ("Svanemærket | Ja | 5041 0012", "present"),
    ],
)
def test_table_rows_are_clauses(text, polarity):
    assert only(text).polarity == polarity


@pytest.mark.parametrize("text", ["Produktet er uden miljømærke.", "no ecolabel", "This product has no ecolabel.",
                                  "Produktet har ingen miljømærkning."])
def test_generic_absence_of_an_ecolabel_is_never_a_present_claim(text):
    assert not any(is_pass(claim) for claim in claims(text))


# --- pending -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Ansøgning om Svanemærket er indsendt.", "nordic-swan"),
        ("EU Ecolabel certification planned for 2027.", "eu-ecolabel"),
        ("Produktet forventes svanemærket i 2027.", "nordic-swan"),
        ("We have applied for the Nordic Swan Ecolabel.", "nordic-swan"),
        ("The EU Ecolabel application is pending.", "eu-ecolabel"),
        ("Ansökan om Svanenmärkning är inlämnad.", "nordic-swan"),
        ("Der Blaue Engel ist beantragt.", "blue-angel"),
    ],
)
def test_pending_claims(text, label):
    claim = only(text)
    assert summary(claim) == expect(label, polarity="pending")
    assert not is_pass(claim)


# --- about something else ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "about"),
    [
        ("Emballagen er FSC-mærket.", "fsc", "packaging"),
        ("Produktets emballage er FSC-mærket.", "fsc", "packaging"),
        ("The product packaging is FSC certified.", "fsc", "packaging"),
        ("Produktet leveres i FSC-mærket emballage.", "fsc", "packaging"),
        ("Emballage: FSC-mærket karton", "fsc", "packaging"),
        ("Die Verpackung ist FSC-zertifiziert.", "fsc", "packaging"),
        ("The manufacturer is Nordic Swan licensed.", "nordic-swan", "organisation"),
        ("Trykkeriet er Svanemærket.", "nordic-swan", "organisation"),
        ("Produktet er fremstillet af en producent, der er Svanemærket.", "nordic-swan", "organisation"),
        ("Svanemærket produkt.", "nordic-swan", "product"),
        ("Producenten har Svanemærket produktet.", "nordic-swan", "product"),
        ("Miljømærke: Svanemærket", "nordic-swan", "product"),
    ],
)
def test_whom_the_claim_is_about(text, label, about):
    claim = only(text)
    assert summary(claim) == expect(label, about=about, identifier=claim.identifier)
    assert is_pass(claim) == (about == "product")


@pytest.mark.parametrize(
    "text",
    [
        "Produktet er svanemærket, og emballagen er FSC-mærket.",
        "Svanemærket produkt i FSC-mærket emballage.",
        "Emballagen er FSC-mærket, og produktet er svanemærket.",
    ],
)
def test_product_and_packaging_claims_in_one_sentence(text):
    about = {claim.label: claim.about for claim in claims(text)}
    assert about == {"nordic-swan": "product", "fsc": "packaging"}


def test_fsc_controlled_wood_is_not_a_product_claim():
    claim = only("Contains FSC Controlled Wood.")
    assert (claim.label, claim.about) == ("fsc", "other")
    assert not is_pass(claim)


# --- outdated, generations and grades ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "legacy", "generation", "grade"),
    [
        ("TCO'99", "tco-certified", True, None, None),
        ("Skærmen er certificeret efter TCO’03.", "tco-certified", True, None, None),
        ("TCO '05", "tco-certified", True, None, None),
        ("TCO Certified Displays 7", "tco-certified", True, None, None),
        ("TCO Certified Notebooks 5", "tco-certified", True, None, None),
        ("TCO Certified generation 8", "tco-certified", False, 8, None),
        ("TCO Certified, gen. 7", "tco-certified", False, 7, None),
        ("TCO Certified Displays 8", "tco-certified", False, 8, None),
        ("TCO Certified Generation 9", "tco-certified", False, 9, None),
        ("TCO Certified, generation 10", "tco-certified", False, 10, None),
        ("TCO Certified Edge", "tco-certified", False, None, None),
        ("EU Energy Star", "energy-star", True, None, None),
        ("EU-Energy Star compliant", "energy-star", True, None, None),
        ("ENERGY STAR 8.0", "energy-star", False, None, None),
        ("EPEAT Bronze", "epeat", False, None, "Bronze"),
        ("EPEAT Silver registered", "epeat", False, None, "Silver"),
        ("EPEAT: Gold", "epeat", False, None, "Gold"),
        ("EPEAT Climate+", "epeat", False, None, "Climate+"),
        ("EPEAT registered", "epeat", False, None, None),
    ],
)
def test_legacy_programmes_generations_and_grades(text, label, legacy, generation, grade):
    claim = only(text)
    assert summary(claim) == expect(label, legacy=legacy, generation=generation, grade=grade)


def test_the_typographic_apostrophe_is_quoted_as_printed():
    claim = only("Skærmen er certificeret efter TCO’03.")
    assert "TCO’03" in claim.evidence[0].text


def test_generation_is_quoted():
    claim = only("Skærmen er TCO Certified generation 9.")
    assert "TCO Certified generation 9" in claim.evidence[0].text


# --- validity ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "valid_until"),
    [
        ("STANDARD 100 by OEKO-TEX 20.HUS.12345 Hohenstein HTTI, gyldig til 31.03.2025", date(2025, 3, 31)),
        ("STANDARD 100 by OEKO-TEX (certifikat 20.HUS.12345), gyldig til 31.03.2027", date(2027, 3, 31)),
        ("STANDARD 100 by OEKO-TEX 20.HUS.12345, valid until 2026-11-22", date(2026, 11, 22)),
        ("STANDARD 100 by OEKO-TEX 20.HUS.12345, udløber 31. marts 2025", date(2025, 3, 31)),
        ("STANDARD 100 by OEKO-TEX 20.HUS.12345, expires March 2027", date(2027, 3, 31)),
        ("STANDARD 100 by OEKO-TEX 20.HUS.12345, gültig bis 30.06.2026", date(2026, 6, 30)),
    ],
)
def test_oeko_tex_expiry_date(text, valid_until):
    claim = only(text)
    assert summary(claim) == expect("oeko-tex-100", valid_until=valid_until, identifier="20.HUS.12345")
    assert claim.valid_until.strftime("%Y") in claim.evidence[0].text or "March" in claim.evidence[0].text


def test_an_expiry_date_before_the_name():
    claim = only("Certifikat gyldig til 31.03.2025: STANDARD 100 by OEKO-TEX")
    assert claim.valid_until == date(2025, 3, 31)
    assert claim.evidence[0].text.startswith("Certifikat gyldig til 31.03.2025")


def test_an_expiry_date_on_the_lines_after_the_name():
    claim = only("STANDARD 100 by OEKO-TEX\nCertifikat nr.: 20.HUS.12345\nGyldig til: 31.03.2025")
    assert (claim.identifier, claim.valid_until) == ("20.HUS.12345", date(2025, 3, 31))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Svanemærket (licensen er udløbet)", "nordic-swan"),
        ("Svanemærket, licens inddraget 2024", "nordic-swan"),
        ("EU Ecolabel licence withdrawn", "eu-ecolabel"),
        ("OEKO-TEX certificate expired", "oeko-tex-100"),
        ("Blauer Engel: Zertifikat abgelaufen", "blue-angel"),
    ],
)
def test_an_ended_licence_is_said_to_have_ended_without_a_date(text, label):
    claim = only(text)
    assert summary(claim) == expect(label, ended=True)
    assert not is_pass(claim)


def test_a_date_after_one_label_is_not_read_back_by_the_next():
    found = claims("Svanemærket gyldig til 2030-01-01, OEKO-TEX")
    assert [(claim.label, claim.valid_until) for claim in found] == [
        ("nordic-swan", date(2030, 1, 1)), ("oeko-tex-100", None)]


def test_an_expiry_date_belongs_to_the_label_it_follows():
    found = claims("Svanemærket. STANDARD 100 by OEKO-TEX, gyldig til 31.03.2025.")
    by_label = {claim.label: claim for claim in found}
    assert by_label["nordic-swan"].valid_until is None
    assert by_label["oeko-tex-100"].valid_until == date(2025, 3, 31)


# --- line breaks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "quote"),
    [
        ("Produktet er svane-\nmærket.", "nordic-swan", "svane- mærket"),
        ("Produktet bærer EU-\nBlomsten.", "eu-ecolabel", "EU- Blomsten"),
        ("Produktet bærer Nordic\nSwan Ecolabel.", "nordic-swan", "Nordic Swan Ecolabel"),
        ("Produktet er svane\u00ad\nmærket.", "nordic-swan", "svane\u00ad mærket"),
    ],
)
def test_names_broken_across_lines(text, label, quote):
    claim = only(text)
    assert summary(claim) == expect(label)
    assert quote in claim.evidence[0].text


def test_a_name_broken_across_lines_can_be_negated():
    claim = only("Produktet er ikke svane-\nmærket.")
    assert claim.polarity == "negated"
    assert claim.evidence[0].text == "Produktet er ikke svane- mærket."


# --- identifiers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "identifier"),
    [
        ("Svanemærket, licens 5041 0012", "nordic-swan", "5041 0012"),
        ("Svanemærket (licens nr. 5041 0012)", "nordic-swan", "5041 0012"),
        ("Nordic Swan Ecolabel licence 504 100", "nordic-swan", "504 100"),
        ("Svanemerket lisensnummer 50410012", "nordic-swan", "50410012"),
        ("EU Ecolabel DK/020/012", "eu-ecolabel", "DK/020/012"),
        ("EU-Blomsten, registreringsnummer DK/020/012", "eu-ecolabel", "DK/020/012"),
        ("FSC-mærket (FSC C123456)", "fsc", "FSC C123456"),
        ("FSC C123456", "fsc", "FSC C123456"),
        ("FSC® C123456", "fsc", "FSC® C123456"),
        ("FSC Mix, certificate SA-COC-001234", "fsc", "SA-COC-001234"),
        ("PEFC/09-31-001", "pefc", "PEFC/09-31-001"),
        ("PEFC-certificeret (PEFC/09-31-001)", "pefc", "PEFC/09-31-001"),
        ("STANDARD 100 by OEKO-TEX 20.HUS.12345 Hohenstein HTTI", "oeko-tex-100", "20.HUS.12345"),
        ("Der Blaue Engel DE-UZ 78", "blue-angel", "DE-UZ 78"),
        ("MSC-certificeret torsk, MSC-C-12345", "msc", "MSC-C-12345"),
        ("EU-økologimærket, DK-ØKO-100", "eu-organic", "DK-ØKO-100"),
    ],
)
def test_identifiers(text, label, identifier):
    claim = only(text)
    assert summary(claim) == expect(label, identifier=identifier)
    assert identifier in claim.evidence[0].text


def test_identifiers_are_not_taken_from_the_next_label():
    found = claims("Svanemærket og EU-Blomsten DK/020/012")
    assert [(claim.label, claim.identifier) for claim in found] == [
        ("nordic-swan", None), ("eu-ecolabel", "DK/020/012")]


# --- fuzzy names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [("Produktet bærer EU Blomseten.", "eu-ecolabel"), ("Certified with Der Blaue Engl", "blue-angel")],
)
def test_misspelt_names_are_found_fuzzily(text, label):
    claim = only(text)
    assert claim.label == label
    assert claim.fuzzy_score is not None
    assert FUZZY_MIN_SCORE <= claim.fuzzy_score <= 100


def test_a_fuzzy_claim_is_judged_in_its_clause_like_an_exact_one():
    claim = only("Produktet er ikke EU Blomseten-mærket.")
    assert (claim.label, claim.polarity) == ("eu-ecolabel", "negated")


@pytest.mark.parametrize(
    "text",
    ["Produktet leveres i pap.", "Energi", "Energiforbrug", "Energy consumption 20 W", "Vægt: 1,35 kg",
     "GOST", "Nordic design"],
)
def test_unrelated_lines_score_nothing(text):
    assert claims(text) == []


# --- evidence -----------------------------------------------------------------------------------------


def test_evidence_is_the_claims_sentence_on_its_page():
    document_page = make_page("Rengøringsmiddel\nProduktet er Svanemærket. Det er også parfumefrit.", number=3)
    (claim,) = find_labels(document_page, id_counter())
    assert claim.evidence[0].page == 3
    assert claim.evidence[0].text == "Produktet er Svanemærket."


def test_claims_on_later_pages_quote_their_page():
    extraction = extract_facts(make_document("Rengøringsmiddel\nSide 1\fMiljø\nProduktet er svane-\nmærket."))
    (claim,) = [fact for fact in extraction.facts if fact.kind == "label"]
    assert (claim.label, claim.polarity) == ("nordic-swan", "present")
    assert (claim.evidence[0].page, claim.evidence[0].text) == (2, "Produktet er svane- mærket.")


def test_a_bare_claim_speaks_of_the_certificate_that_lasts_longest():
    text = ("Sengetøj\nMærkning: STANDARD 100 by OEKO-TEX®\nFarve: hvid\n\n"
            "Certifikat 18.HDK.45210, STANDARD 100 by OEKO-TEX®, gyldig til 31.03.2026.\n\n"
            "Certifikat 18.HDK.45211, STANDARD 100 by OEKO-TEX®, gyldig til 31.03.2027.")
    bare, *certificates = [fact for fact in extract_facts(make_document(text)).facts if fact.kind == "label"]
    assert (bare.identifier, bare.valid_until) == (None, date(2027, 3, 31))
    assert [claim.valid_until for claim in certificates] == [date(2026, 3, 31), date(2027, 3, 31)]
    assert bare.evidence[1:] == certificates[1].evidence


def test_ids_come_from_the_id_function():
    found = claims("Svanemærket og EU-Blomsten")
    assert [claim.id for claim in found] == ["label-1", "label-2"]


# --- robustness -----------------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "Svanemærket", "svane-\nmærket", "EU-\nBlomsten", "ikke ", "not ", "Nej", ": ", ", ", ". ", "\n", " ", "–",
    "FSC C123456", "PEFC/09-31-001", "TCO'99", "TCO Certified generation ", "9", "EPEAT ", "Gold",
    "gyldig til ", "31.03.2025", "99.99.9999", "OEKO-TEX ", "emballagen ", "producenten ", "ansøgning ",
    "EU Blomseten", "\u00ad", "ﬁ", "’", "(", ")", "5041 0012",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=30).map("".join))
def test_label_extraction_never_raises(text):
    for claim in claims(text):
        assert claim.label in label_definitions()
        assert claim.evidence and claim.evidence[0].page == 1


# --- claims that name a label without the product holding it -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die aktuelle Zertifikatsliste finden Sie unter tcocertified.com.",
        "Læs mere på www.svanemaerket.dk om kriterierne.",
        "Designet efter kravene i Der Blaue Engel (DE-UZ 219).",
        "Svarer til TCO Certified-niveau for ergonomi og emissioner.",
        "Energy use measured with reference to the ENERGY STAR test method.",
        "Vi er ISO 14001-certificeret, og vores produktion i Vejle er svanemærket.",
        "It is laundered by our partner CleanCycle Laundries, who operate a Nordic Swan Ecolabel licensed laundry.",
    ],
)
def test_named_but_not_held_by_the_product(text):
    assert not any(is_pass(claim) for claim in claims(text))


def test_blue_angel_award_with_its_criteria_number_is_held():
    assert is_pass(only("Das Produkt ist mit dem Blauen Engel ausgezeichnet (DE-UZ 194)."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A key that only names labels is the field's name; its value says whether the product has them.
        ("EU Ecolabel / Svanemærket: Produktet er ikke EU Ecolabel- eller Svanemærket",
         [("eu-ecolabel", "negated"), ("nordic-swan", "negated")]),
        ("Svanemærket: Svanemærket, licens 5041 0012", [("nordic-swan", "present")]),
        # A key that only names the label, with a value that does not name it again, is the claim.
        ("Svanemærket: Ja, licens 5041 0012", [("nordic-swan", "present")]),
        # A key that says more than the label's name keeps its claim ("pending" is said in the key's row).
        ("PEFC chain-of-custody certification: pending. Until then supplied without PEFC claim.",
         [("pefc", "pending"), ("pefc", "negated")]),
    ],
)
def test_a_key_naming_only_labels_is_the_field_name_when_its_value_names_them(text, expected):
    assert [(claim.label, claim.polarity) for claim in claims(text)] == expected
