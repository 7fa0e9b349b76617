"""What tender requirements demand (labels, topics, thresholds, references) and how tender criteria judge it."""

from datetime import date

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.document import Line
from procure_check.engine.compile import compile_criteria
from procure_check.engine.evaluate import judge
from procure_check.facts import Reference, TenderLabel, TenderTopic, TenderValue
from procure_check.tender.demands import QUOTE_CHARS, requirement_evidence, tender_facts
from procure_check.tender.model import Requirement
from tests.conftest import id_counter

CATALOGUE = load_catalogue()
AS_OF = date(2026, 11, 22)


def _requirement(text: str, modality: str = "requirement", number: str = "3.1", page: int = 2) -> Requirement:
    return Requirement(id="R1", document="udbud/kravspec.docx", number=number, page=page,
                       lines=[Line(text=line) for line in text.split("\n")], modality=modality, source="clause")


def _facts(*requirements: Requirement, lang: str = "da") -> list:
    return list(tender_facts(list(requirements), lang, id_counter()))


def _judge(group: str, *requirements: Requirement, bought: list[str] | None = None, lang: str = "da") -> dict:
    criteria = CATALOGUE.for_group(group, "tender")
    results = judge(_facts(*requirements, lang=lang), criteria, compile_criteria(criteria, AS_OF), bought or [], "en")
    return {result.criterion: result for result in results}


@pytest.mark.parametrize(
    ("text", "equivalent", "other_proof", "partial", "named"),
    [
        ("Rengøringsmidlerne skal være Svanemærket eller tilsvarende.", True, False, False, False),
        ("Rengøringsmidlerne skal være Svanemærket.", False, False, False, False),
        ("Products must carry the EU Ecolabel or equivalent; a technical dossier is also accepted.",
         True, True, False, False),
        ("Produkterne skal opfylde relevante dele af Svanemærkets kriterier.", False, False, True, False),
        ("Produkterne skal opfylde Svanemærkets kriterier for rengøringsmidler, generation 6, krav O5–O29, "
         "eller tilsvarende.", True, False, True, True),
        ("Produkterna ska vara Svanenmärkta eller likvärdigt.", True, False, False, False),
        # The whole of a label's criteria for a product type is no partial requirement (art. 43(1) 2nd subpara.).
        ("Vaskeriet skal være svanemærket efter Svanemærkets kriterier for tekstilservice eller opfylde tilsvarende "
         "krav.", True, False, False, False),
        ("Fisk og skaldyr skal være MSC-certificeret eller certificeret efter en tilsvarende ordning.",
         True, False, False, False),
        ("Fisken skal være MSC-sertifisert eller likeverdig.", True, False, False, False),
        # Other certificates accepted where they match the named ones are equivalents; refused ones are not.
        ("Das Holz muss FSC-zertifiziert sein. Andere Zertifikate bzw. andere Nachweise können berücksichtigt "
         "werden, wenn sie mit den Standards von FSC übereinstimmen.", True, True, False, False),
        ("Das Holz muss FSC-zertifiziert sein. Andere Zertifikate können nicht berücksichtigt werden.",
         False, False, False, False),
        ("Tekstilerne skal være OEKO-TEX-certificeret. Andre certifikater accepteres ikke.", False, False, False,
         False),
    ],
)
def test_label_requirements_record_the_legal_wording(text, equivalent, other_proof, partial, named):
    (label,) = [fact for fact in _facts(_requirement(text)) if isinstance(fact, TenderLabel)]
    assert (label.equivalent, label.other_proof, label.partial, label.criteria_named) == (
        equivalent, other_proof, partial, named)
    assert label.clause == "3.1" and label.modality == "requirement"
    assert label.evidence[0].document == "udbud/kravspec.docx" and label.evidence[0].page == 2


def test_tco_award_is_not_tco_certified():
    certified = _facts(_requirement("Skærmene skal være TCO Certified, generation 10, eller tilsvarende."))
    assert not [f for f in certified if isinstance(f, TenderTopic) and f.topic == "tco_award"]
    assert [f.label for f in certified if isinstance(f, TenderLabel)] == ["tco-certified"]
    award = _facts(_requirement("Tilbuddene evalueres på totalomkostninger (TCO) over 5 år.", modality="award"))
    assert [f.topic for f in award if isinstance(f, TenderTopic)] == ["tco_award"]


@pytest.mark.parametrize(
    ("text", "topic", "value", "unit"),
    [
        ("Reservedele skal kunne leveres i mindst 10 år.", "spare_parts", 10, "years"),
        ("Spare parts must be available for 5 years.", "spare_parts", 5, "years"),
        ("CO2 prissættes i TCO-modellen med 1.000 kr./ton.", "co2_price", 1000, "kr/ton"),
        ("Skærme skal have energiklasse D eller bedre.", "energy_class", 4, "D"),
        ("Mindst 60 % af fødevarerne skal være økologiske.", "organic_share", 60, "%"),
        ("Køkkenet skal have Det Økologiske Spisemærke i sølv.", "organic_share", 60, "%"),
    ],
)
def test_thresholds_in_requirements(text, topic, value, unit):
    values = [f for f in _facts(_requirement(text)) if isinstance(f, TenderValue)]
    assert [(v.topic, v.value, v.unit) for v in values] == [(topic, value, unit)]


def test_lamp_classes_are_tied_to_the_cap_named_before_them():
    values = [f for f in _facts(_requirement("Lyskilder: E27: energiklasse C eller bedre, E14: energiklasse D."))
              if isinstance(f, TenderValue)]
    assert [(v.cap, v.unit) for v in values] == [("E27", "C"), ("E14", "D")]


def test_references_to_brands_and_standards():
    facts = _facts(_requirement("Processor: Intel Core i7. Stolene skal være testet efter EN 1335."))
    references = [(f.name, f.type, f.equivalent) for f in facts if isinstance(f, Reference)]
    assert references == [("Intel", "brand", False), ("EN 1335", "standard", False)]
    fine = _facts(_requirement("Processor: Intel Core i7 eller tilsvarende."))
    assert [f.equivalent for f in fine if isinstance(f, Reference)] == [True]
    labels_only = _facts(_requirement("Produkterne skal være Svanemærket® eller tilsvarende."))
    assert not [f for f in labels_only if isinstance(f, Reference)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Auftragnehmer muss alle Produkten der Fa. Conen Holding GmbH liefern.", "Conen"),
        ("Leverandøren skal levere produkter fra firma Kemibrug A/S.", "Kemibrug"),
        ("The supplier shall deliver products from the company Brightmoor Hygiene.", "Brightmoor"),
    ],
)
def test_a_manufacturer_named_as_what_is_bought_is_a_brand(text, name):
    references = [(f.name, f.type) for f in _facts(_requirement(text)) if isinstance(f, Reference)]
    assert references and references[0][1] == "brand" and references[0][0].startswith(name)


def test_evidence_quotes_a_long_requirement_as_a_prefix_of_its_text():
    text = "Leverandøren skal " + "levere rengøringsmidler " * 30 + "der er Svanemærket."
    evidence = requirement_evidence(_requirement(text))
    assert len(evidence.text) <= QUOTE_CHARS
    assert " ".join(text.split()).startswith(evidence.text)


def test_label_as_wish_fails_and_as_award_criterion_passes():
    wish = _judge("cleaning", _requirement("Rengøringsmidler bør være Svanemærket eller tilsvarende.", "wish"))
    assert wish["CLEAN-T01"].verdict == "fail"
    assert "only as wish" in wish["CLEAN-T01"].reason
    award = _judge("cleaning", _requirement("Svanemærket eller tilsvarende indgår som tildelingskriterium.", "award"))
    assert award["CLEAN-T01"].verdict == "pass"


def test_missing_requirement_fails_as_not_found():
    results = _judge("kitchen", _requirement("Leverandøren skal levere inden 14 dage."))
    assert results["KITCH-T03"].verdict == "fail"
    assert results["KITCH-T03"].reason.startswith("not found in the tender")
    assert not results["KITCH-T03"].evidence


@pytest.mark.parametrize(
    ("text", "group", "criterion", "verdict"),
    [
        ("Reservedele skal kunne leveres i 5 år.", "kitchen", "KITCH-T03", "fail"),
        ("Reservedele skal kunne leveres i mindst 10 år.", "kitchen", "KITCH-T03", "pass"),
        ("CO2 prissættes med 500 kr./ton.", "kitchen", "KITCH-T02", "fail"),
        ("CO2 prissættes med 1.000 kr./ton.", "kitchen", "KITCH-T02", "pass"),
        ("CO2 prissættes med 1.000 kr./ton.", "it", "IT-T02", "fail"),
        ("Skærme skal have energiklasse F eller bedre.", "it", "IT-T03", "fail"),
        ("Skærme skal have energiklasse C eller bedre.", "it", "IT-T03", "pass"),
        ("E27-lyskilder skal have energiklasse C eller bedre.", "lighting", "LIGHT-T01", "pass"),
        ("E27-lyskilder skal have energiklasse E eller bedre.", "lighting", "LIGHT-T01", "fail"),
        ("Spraydåser med drivgas må ikke anvendes.", "cleaning", "CLEAN-T02", "pass"),
        ("Products must come with dosing instructions.", "cleaning", "CLEAN-T03", "pass"),
    ],
)
def test_strictness_is_compared(text, group, criterion, verdict):
    assert _judge(group, _requirement(text))[criterion].verdict == verdict


def test_legal_checks_cite_each_defective_clause():
    results = _judge(
        "cleaning",
        _requirement("Rengøringsmidler skal være Svanemærket.", number="3.1", page=2),
        _requirement("Håndsæbe skal være EU Ecolabel-mærket.", number="3.2", page=3),
        _requirement("Alle produkter skal være Svanemærket eller tilsvarende.", number="3.3", page=3),
    )
    legal = results["LEGAL-T01"]
    assert legal.verdict == "fail"
    assert legal.reason.startswith("clause 3.1 (p. 2) requires Nordic Swan Ecolabel without accepting equivalent")
    assert legal.reason.endswith("(and 1 more)")
    assert [e.page for e in legal.evidence] == [2, 3]
    assert results["LEGAL-T02"].verdict == "fail"
    assert results["LEGAL-T03"].verdict == "not_applicable"
    assert results["LEGAL-T04"].verdict == "not_applicable"


def test_a_general_clause_accepting_other_proof_satisfies_legal_t02():
    results = _judge(
        "cleaning",
        _requirement("Rengøringsmidler skal være Svanemærket eller tilsvarende.", number="3.1"),
        _requirement("Hvor der kræves et mærke, accepteres også anden passende dokumentation, fx et teknisk dossier.",
                     modality="information", number="1.4"),
    )
    assert results["LEGAL-T01"].verdict == "pass"
    assert results["LEGAL-T02"].verdict == "pass"
    assert "clause 1.4" in results["LEGAL-T02"].reason


def test_tender_without_labels_gets_not_applicable_legal_checks():
    results = _judge("kitchen", _requirement("Reservedele skal kunne leveres i mindst 10 år."))
    assert {results[f"LEGAL-T0{n}"].verdict for n in (1, 2, 4)} == {"not_applicable"}


def test_scope_of_tender_criteria_follows_what_is_bought():
    results = _judge("it", _requirement("Computerne skal have 2 års garanti."), bought=["laptop"])
    assert results["IT-T03"].verdict == "not_applicable"


@pytest.mark.parametrize(
    ("text", "modality", "criterion", "verdict", "reason"),
    [
        ("All cleaning products shall carry the Nordic Swan Ecolabel.", "requirement", "LEGAL-T01", "fail",
         "without accepting equivalent labels"),
        ("All cleaning products shall carry the Nordic Swan Ecolabel or equivalent.", "requirement", "LEGAL-T01",
         "pass", "accept equivalent labels"),
        ("Products shall carry the EU Ecolabel or equivalent; other appropriate means of proof, such as a "
         "technical dossier, are accepted.", "requirement", "LEGAL-T02", "pass", "other appropriate proof"),
        ("Floor soap shall be Ajax Professional.", "requirement", "LEGAL-T03", "fail", 'the brand "Ajax"'),
        ("Products must meet relevant parts of the Nordic Swan criteria.", "requirement", "LEGAL-T04", "fail",
         "without naming the criteria"),
        ("Products must meet the Nordic Swan criteria for cleaning products, generation 6, requirements O5-O29, "
         "or equivalent.", "requirement", "LEGAL-T04", "pass", "criteria that apply are named"),
        ("The EU Ecolabel or equivalent should preferably be offered.", "wish", "CLEAN-T01", "fail", "only as wish"),
        ("The EU Ecolabel or equivalent is an award criterion (20 %).", "award", "CLEAN-T01", "pass", "(award)"),
    ],
)
def test_english_tenders(text, modality, criterion, verdict, reason):
    result = _judge("cleaning", _requirement(text, modality=modality))[criterion]
    assert result.verdict == verdict
    assert reason in result.reason
    if verdict == "fail" and criterion.startswith("LEGAL"):
        assert result.evidence and result.evidence[0].page == 2


def test_tco_certified_label_does_not_satisfy_the_tco_award_criterion():
    results = _judge("it", _requirement("Monitors shall be TCO Certified, generation 10, or equivalent."))
    assert results["IT-T01"].verdict == "fail"
    assert results["IT-T01"].reason.startswith("not found in the tender")
    award = _judge("it", _requirement("Bids are evaluated on total cost of ownership (TCO) over 5 years.", "award"))
    assert award["IT-T01"].verdict == "pass"


@pytest.mark.parametrize(
    "text",
    [
        "Som dokumentation for miljømærkningen vedlægges kopi af gyldigt licensbevis. Anden dokumentation "
        "accepteres ikke.",
        "Ingen anden dokumentation end certifikatet accepteres for mærket.",
        "Proof of the label: a copy of the certificate. Other evidence will not be accepted.",
        "Lavt støjniveau; maks. 25 dB(A) i tomgang. | T | Testrapport",  # a test report for noise, not a label
    ],
)
def test_refused_or_unrelated_other_proof_does_not_satisfy_legal_t02(text):
    label = _requirement("Rengøringsmidlerne skal være Svanemærket eller tilsvarende.", number="3.1")
    general = _requirement(text, modality="information", number="3.2")
    assert _judge("cleaning", label, general)["LEGAL-T02"].verdict == "fail"


def test_a_guidance_page_states_no_requirement():
    from procure_check.document import Document, Page
    from procure_check.tender.requirements import split_requirements

    page = Page(number=1, lines=[Line(text="Siden er en vejledning – den er ikke en del af noget udbud."),
                                 Line(text="1. Skærme skal have energiklasse D eller bedre.")])
    guidance = Document(path="vejledning.md", sha256="0" * 64, format="text", pages=[page])
    binding = guidance.model_copy(update={"pages": [Page(number=1, lines=page.lines[1:])], "path": "krav.md"})
    assert split_requirements([guidance]) == []
    assert [r.modality for r in split_requirements([binding])] == ["requirement"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Alle tekstiler skal være certificeret efter STANDARD 100 by OEKO-TEX eller tilsvarende.", "fail"),
        ("Sengelinned skal være mærket med EU-Blomsten eller tilsvarende.", "pass"),
    ],
)
def test_textiles_need_a_type_i_label_where_one_exists(text, verdict):
    assert _judge("textiles", _requirement(text))["TEXT-T01"].verdict == verdict


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Printere skal være af fabrikat Kyocera eller Ricoh.", ["Kyocera", "Ricoh"]),
        ("Diskmaskinerna ska vara av fabrikat Wexiödisk.", ["Wexiödisk"]),
        ("Temperaturlogning skal ske iht. DS/EN\n12830.", ["DS/EN\n12830"]),
    ],
)
def test_named_makes_and_standards_broken_over_lines_are_references(text, names):
    references = [fact for fact in _facts(_requirement(text)) if isinstance(fact, Reference)]
    assert [reference.name for reference in references] == names
    assert not any(reference.equivalent for reference in references)


@pytest.mark.parametrize(
    ("clauses", "verdict"),
    [
        # The label is required for nappies but only wished for toys: it does not cover the purchase.
        ([("Bleier skal være Svanemerket eller tilsvarende.", "requirement"),
          ("Leker og formingsmateriell bør være Svanemerket eller tilsvarende.", "wish")], "fail"),
        ([("Bleer skal være Svanemærket eller tilsvarende.", "requirement"),
          ("Legetøj skal være Svanemærket eller tilsvarende.", "requirement")], "pass"),
        # A clause about the whole purchase covers every product type it wishes a label for elsewhere.
        ([("Alle produkter skal være Svanemærket eller tilsvarende.", "requirement"),
          ("Legetøj bør desuden være EU-Blomst-mærket.", "wish")], "pass"),
        # A wish for a product of another group is not this group's purchase.
        ([("Bleer skal være Svanemærket eller tilsvarende.", "requirement"),
          ("Rengøringsmidler bør være Svanemærket.", "wish")], "pass"),
    ],
)
def test_a_label_must_cover_every_product_type_it_is_asked_for(clauses, verdict):
    requirements = [_requirement(text, modality, number=f"K{n}") for n, (text, modality) in enumerate(clauses, 1)]
    lang = "nb" if "Bleier" in clauses[0][0] else "da"
    assert _judge("childcare", *requirements, lang=lang)["CHILD-T02"].verdict == verdict


def test_a_general_clause_accepting_equivalent_labels_covers_every_label_requirement():
    required = _requirement("3.1 Tekstilerne skal være mærket med EU-Blomsten eller Svanemærket.", number="3.1")
    general = _requirement("5.2 Hvor der i bilag 2 stilles krav om et bestemt miljømærke, accepterer Regionen "
                           "tilsvarende mærker.", "information", number="5.2")
    assert _judge("textiles", required)["LEGAL-T01"].verdict == "fail"
    result = _judge("textiles", required, general)["LEGAL-T01"]
    assert result.verdict == "pass"
    assert "clause 5.2" in result.reason


@pytest.mark.parametrize(
    ("group", "criterion", "text", "modality", "quote"),
    [
        # What the tender sets instead of the criterion's demand is quoted as the fail's evidence.
        ("it", "IT-T01", "Tilbuddene evalueres alene på laveste pris.", "award", "evalueres alene på laveste pris"),
        ("kitchen", "KITCH-T01", "Tildeling sker på laveste samlede anskaffelsespris.", "award",
         "laveste samlede anskaffelsespris"),
        ("childcare", "CHILD-T01", "Dokumentasjon for samsvar leveres innen 30 dager etter forespørsel.",
         "requirement", "innen 30 dager"),
        ("vehicles", "VEH-T01", "Bilerne skal udlede max. 180 g/km CO2.", "requirement", "max. 180 g/km"),
        ("food", "FOOD-T01", "Økologiske varer ønskes i videst muligt omfang.", "wish", "Økologiske varer ønskes"),
        ("textiles", "TEXT-T02", "Luven bør være af 100 % bomuld.", "wish", "Luven bør være af 100 % bomuld"),
    ],
)
def test_a_fail_quotes_what_the_tender_sets_instead(group, criterion, text, modality, quote):
    result = _judge(group, _requirement(text, modality))[criterion]
    assert result.verdict == "fail"
    assert any(quote in evidence.text for evidence in result.evidence), result.evidence


def test_what_the_tender_sets_instead_never_outweighs_a_requirement_that_is_there():
    result = _judge("it", _requirement("Tilbud evalueres på TCO over 5 år.", "award", number="8.1"),
                    _requirement("Ved lige TCO vælges laveste pris.", "award", number="8.2"))["IT-T01"]
    assert result.verdict == "pass"


def test_a_long_requirement_is_quoted_at_the_words_that_decide():
    opening = "8.1 Pris evalueres som totalomkostninger over en brugsperiode på fem år. " + "Tillæg gives ikke. " * 12
    text = opening + "CO2 prissættes til 1.500 kr./ton i beregningen. " + "Øvrige forhold vurderes ikke. " * 6
    (value,) = [fact for fact in _facts(_requirement(text, "award")) if isinstance(fact, TenderValue)]
    quote = value.evidence[0].text
    assert "1.500 kr./ton" in quote and len(quote) <= QUOTE_CHARS
    assert " ".join(text.split()).find(quote) >= 0  # exactly as printed
    assert quote.endswith("CO2 prissættes til 1.500 kr./ton i beregningen.")  # whole sentences, up to the limit
    assert quote.startswith("Tillæg")


def test_a_sentence_that_announces_a_formula_is_quoted_with_it():
    text = ("5.1 Price – total cost of ownership Price is evaluated as the total cost of ownership (TCO) over 4 years: "
            "TCO = purchase price + electricity cost + CO2 cost − buy-back value Electricity cost = TEC × 4 × DKK 2.10 "
            "per kWh CO2 cost = TEC × 4 × 0.12 kg CO2 per kWh × DKK 1,500 per tonne ÷ 1,000 Buy-back value = the price "
            "the supplier guarantees to pay after 4 years For monitors, on-mode power replaces TEC.")
    (topic,) = [fact for fact in _facts(_requirement(text, "award")) if fact.kind == "tender_topic"]
    quote = topic.evidence[0].text
    assert "TCO = purchase price + electricity cost + CO2 cost" in quote and len(quote) <= QUOTE_CHARS
    assert " ".join(text.split()).find(quote) == 0


@pytest.mark.parametrize(
    ("text", "topic", "words"),
    [
        ("3.1 Sengelinned skal være Svanemærket. Anden egnet dokumentation, fx en testrapport, accepteres også.",
         "other_proof", "Anden egnet dokumentation"),
        ("3.1 Sengelinned skal være Svanemærket. Anden dokumentation accepteres ikke.",
         "other_proof_refused", "Anden dokumentation accepteres ikke"),
        ("2.4 Som dokumentation for miljømærket accepteres alene gyldigt licensnummer.",
         "other_proof_refused", "accepteres alene gyldigt licensnummer"),
        ("K5 Dokumentasjon for K4: lisensnummer fra Miljømerking Norge.",
         "licence_proof", "Dokumentasjon for K4: lisensnummer fra Miljømerking Norge."),
    ],
)
def test_what_a_clause_says_of_other_proof_is_a_topic_with_its_deciding_words(text, topic, words):
    (found,) = [fact for fact in _facts(_requirement(text, "requirement")) if fact.kind == "tender_topic"
                and fact.topic.endswith(("proof", "proof_refused"))]
    assert (found.topic, found.evidence[0].focus) == (topic, words)


TABLE_TENDER = """3. Energiklasser
Det er et mindstekrav, at lyskilderne mindst har den energiklasse, der er angivet i tabel 1. Bedre klasser vægtes.

Tabel 1 – Mindste energiklasse pr. sokkel
Sokkel | Eksempel | Mindste energiklasse
E27 | Standardpære | {e27}
GU10 | Spot 230 V | E
"""


@pytest.mark.parametrize(("e27", "verdict"), [("C", "pass"), ("E", "fail")])
def test_a_table_of_classes_asks_what_the_sentence_naming_it_asks(tmp_path, e27, verdict):
    from procure_check.parse import parse_document
    from procure_check.tender.requirements import split_requirements

    path = tmp_path / "kravspec.txt"
    path.write_text(TABLE_TENDER.format(e27=e27), encoding="utf-8")
    requirements = split_requirements([parse_document(path)])
    result = _judge("lighting", *requirements)["LIGHT-T01"]
    assert result.verdict == verdict
    assert result.evidence[0].focus == f"E27 | Standardpære | {e27}"
    assert "angivet i tabel 1" in result.evidence[1].text  # the clause that asks for the table


def test_a_table_no_clause_refers_to_asks_for_nothing(tmp_path):
    from procure_check.parse import parse_document
    from procure_check.tender.requirements import split_requirements

    path = tmp_path / "kravspec.txt"
    path.write_text(TABLE_TENDER.format(e27="G").replace("angivet i tabel 1", "angivet nedenfor"), encoding="utf-8")
    requirements = split_requirements([parse_document(path)])
    assert _judge("lighting", *requirements)["LIGHT-T01"].verdict == "fail"
    assert not [fact for fact in _facts(*requirements) if isinstance(fact, TenderValue) and fact.unit == "G"]
