"""Quantities with their context, and durations in years (procure_check/extract/measures.py, on top of
`find_quantities` in procure_check/extract/numbers.py)."""

import pytest

from procure_check.extract.measures import find_measures
from procure_check.facts import Duration, Quantity
from tests.conftest import id_counter, make_page


def measures(text: str, lang: str = "da") -> list:
    return list(find_measures(make_page(text), lang, id_counter()))


def quantities(text: str, lang: str = "da") -> list[Quantity]:
    return [fact for fact in measures(text, lang) if isinstance(fact, Quantity)]


def durations(text: str, lang: str = "da") -> list[Duration]:
    return [fact for fact in measures(text, lang) if isinstance(fact, Duration)]


@pytest.mark.parametrize(
    ("text", "lang", "quantity", "value", "unit", "context", "quote"),
    [
        ("Lysstrøm: 806 lm", "da", "luminous_flux", 806, "lm", "", "Lysstrøm: 806 lm"),
        ("Luminous flux: 470 lm", "en", "luminous_flux", 470, "lm", "", "Luminous flux: 470 lm"),
        ("Lichtstrom: 3.300 lm", "de", "luminous_flux", 3300, "lm", "", "Lichtstrom: 3.300 lm"),
        ("Effekt: 4,9 W", "da", "power", 4.9, "W", "", "Effekt: 4,9 W"),
        ("Power: 4.9 W", "en", "power", 4.9, "W", "", "Power: 4.9 W"),
        ("Standby: 0,3 W", "da", "power", 0.3, "W", "standby", "Standby: 0,3 W"),
        ("Effekt i dvaletilstand: 0,5 W", "da", "power", 0.5, "W", "standby", "Effekt i dvaletilstand: 0,5 W"),
        ("Off mode: 0.3 W", "en", "power", 0.3, "W", "standby", "Off mode: 0.3 W"),
        ("Effekt i tændt tilstand: 21 W", "da", "power", 21, "W", "on_mode", "Effekt i tændt tilstand: 21 W"),
        ("On mode power: 45 W", "en", "power", 45, "W", "on_mode", "On mode power: 45 W"),
        ("Typisk energiforbrug (TEC): 18,5 kWh/år", "da", "annual_energy", 18.5, "kWh/year", "tec",
         "Typisk energiforbrug (TEC): 18,5 kWh/år"),
        ("Annual energy consumption: 1,241 kWh/year", "en", "annual_energy", 1241, "kWh/year", "",
         "Annual energy consumption: 1,241 kWh/year"),
        ("Årligt energiforbrug: 4.850 kWh", "da", "energy", 4850, "kWh", "", "Årligt energiforbrug: 4.850 kWh"),
        ("Energiforbrug: 11,2 kWh/24t", "da", "daily_energy", 11.2, "kWh/24h", "", "Energiforbrug: 11,2 kWh/24t"),
        ("Energiforbrug: 1,2 kWh/døgn", "da", "daily_energy", 1.2, "kWh/24h", "", "Energiforbrug: 1,2 kWh/døgn"),
        ("Nettovolumen: 600 l", "da", "volume", 600, "l", "net", "Nettovolumen: 600 l"),
        ("Net volume: 1,200 litres", "en", "volume", 1200, "l", "net", "Net volume: 1,200 litres"),
        ("Genbrugsfibre: 100 %", "da", "percentage", 100, "%", "recycled", "Genbrugsfibre: 100 %"),
        ("Resirkulert fiber: 50 %", "nb", "percentage", 50, "%", "recycled", "Resirkulert fiber: 50 %"),
        ("Andel återvunnen fiber: 100 %", "sv", "percentage", 100, "%", "recycled", "Andel återvunnen fiber: 100 %"),
        ("Fiber: 100 % returfiber (post-consumer)", "sv", "percentage", 100, "%", "recycled",
         "Fiber: 100 % returfiber"),
        ("CO2-udledning (WLTP): 0 g/km", "da", "co2", 0, "g/km", "co2", "CO2-udledning (WLTP): 0 g/km"),
        ("Lysudbytte: 161 lm/W", "da", "efficacy", 161, "lm/W", "", "Lysudbytte: 161 lm/W"),
    ],
)
def test_quantities(text, lang, quantity, value, unit, context, quote):
    (fact,) = quantities(text, lang)
    assert (fact.quantity, fact.value, fact.unit, fact.context) == (quantity, pytest.approx(value), unit, context)
    assert fact.basis is None
    assert quote in fact.evidence[0].text  # within its sentence or row


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("1,241 kWh/year", "en", 1241), ("1,241 kWh/år", "da", 1.241), ("4.850 kWh", "da", 4850),
     ("4.850 kWh", "en", 4.85), ("4 850 kWh", "da", 4850), ("1.234,5 kWh", "de", 1234.5)],
)
def test_numbers_follow_the_document_language(text, lang, value):
    (fact,) = quantities(text, lang)
    assert fact.value == pytest.approx(value)


def test_the_quote_starts_at_the_label_of_its_own_sentence():
    (fact,) = quantities("Lampen er dæmpbar. Effekt: 4,9 W")
    assert fact.evidence[0].text == "Effekt: 4,9 W"


def test_context_words_on_another_line_do_not_count():
    (fact,) = quantities("Standby\nEffekt: 4,9 W")
    assert fact.context == ""


def test_several_values_on_one_page():
    found = quantities("Effekt: 4,9 W\nStandby: 0,3 W\nLysstrøm: 345 lm")
    assert [(q.quantity, q.value, q.context) for q in found] == [
        ("power", 4.9, ""), ("power", 0.3, "standby"), ("luminous_flux", 345, "")]
    assert [q.id for q in found] == ["quantity-1", "quantity-2", "quantity-3"]


@pytest.mark.parametrize("text", ["Model E27", "GU10", "Artikelnummer 4850", "Side 1 af 2", "ISO 14001"])
def test_numbers_without_units_are_not_quantities(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "lang", "subject", "years", "quote"),
    [
        ("Garanti: 3 år", "da", "warranty", 3, "Garanti: 3 år"),
        ("1 års garanti", "da", "warranty", 1, "1 års garanti"),
        ("3-year warranty", "en", "warranty", 3, "3-year warranty"),
        ("3 years warranty on parts", "en", "warranty", 3, "3 years warranty on parts"),
        ("Warranty: 36 months", "en", "warranty", 3, "Warranty: 36 months"),
        ("24 måneders garanti", "da", "warranty", 2, "24 måneders garanti"),
        ("Garanti: 2 år (indleveringsservice).", "da", "warranty", 2, "Garanti: 2 år"),
        ("Reservedele leveres i 10 år", "da", "spare_parts", 10, "Reservedele leveres i 10 år"),
        ("Spare parts available for 7 years", "en", "spare_parts", 7, "Spare parts available for 7 years"),
        ("Reservdelar finns i 10 år", "sv", "spare_parts", 10, "Reservdelar finns i 10 år"),
        ("Ersatzteile für 10 Jahre verfügbar", "de", "spare_parts", 10, "Ersatzteile für 10 Jahre verfügbar"),
        # What qualifies the years follows them, up to a punctuation mark.
        ("Reservedele ✓ 12 år efter produktionsstop", "da", "spare_parts", 12,
         "Reservedele ✓ 12 år efter produktionsstop"),
        ("Garanti 1 år indsendelse (kan udvides mod tillæg)", "da", "warranty", 1, "Garanti 1 år indsendelse"),
        ("Levetid: 5 år", "da", "lifetime", 5, "Levetid: 5 år"),
    ],
)
def test_durations(text, lang, subject, years, quote):
    (fact,) = durations(text, lang)
    assert (fact.subject, fact.years) == (subject, pytest.approx(years))
    assert quote in fact.evidence[0].text  # within its sentence or row


def test_each_duration_goes_to_its_nearest_subject():
    found = durations("Garanti 2 år, reservedele i 10 år")
    assert [(d.subject, d.years) for d in found] == [("warranty", 2), ("spare_parts", 10)]


def test_a_subject_after_the_number_wins_when_it_is_nearer():
    found = durations("Reservedele i 10 år. 2 års garanti")
    assert [(d.subject, d.years) for d in found] == [("spare_parts", 10), ("warranty", 2)]


@pytest.mark.parametrize("text", ["Holdbarhed: 24 måneder", "Udgave 2 år efter lancering", "Etableret for 30 år siden"])
def test_years_without_a_subject_are_no_duration(text):
    assert durations(text) == []


def test_a_subject_after_the_number_may_stand_a_few_words_on():
    (fact,) = durations("2 years limited manufacturer warranty (EU).", "en")
    assert (fact.subject, fact.years) == ("warranty", 2)


def test_a_subject_in_the_sentence_before_does_not_count():
    found = durations("2 years limited manufacturer warranty (EU). Battery: 80 % of capacity after 1,000 cycles "
                      "or 2 years, whichever comes first.", "en")
    assert [d.subject for d in found] == ["warranty"]
    assert "2 years limited manufacturer warranty" in found[0].evidence[0].text


def test_an_abbreviation_does_not_end_the_sentence():
    (fact,) = durations("Reservedele: Reservedele leveres i min. 8 år")
    assert (fact.subject, fact.years) == ("spare_parts", 8)


def test_a_subject_on_another_line_does_not_count():
    assert durations("Garanti\nHoldbarhed: 3 år") == []


@pytest.mark.parametrize(
    ("text", "lang", "quantity", "value", "unit", "context"),
    [
        ("TEC: 0,48 kWh/uge", "da", "weekly_energy", 0.48, "kWh/week", "tec"),
        ("Typischer Energieverbrauch (TEC): 0,61 kWh/Woche", "de", "weekly_energy", 0.61, "kWh/week", "tec"),
        ("Typical energy consumption 15.4 kWh", "en", "annual_energy", 15.4, "kWh/year", "tec"),
        ("Power adapter 65 W", "en", "power", 65, "W", "adapter"),
        ("Max 140 W", "en", "power", 140, "W", "maximum"),
    ],
)
def test_energy_data_knows_its_row(text, lang, quantity, value, unit, context):
    (fact,) = quantities(text, lang)
    assert (fact.quantity, fact.value, fact.unit, fact.context) == (quantity, pytest.approx(value), unit, context)


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Genbrugsfibre: 100 %", "product"),
        ("Papiret består af 100 % genbrugsfibre.", "product"),
        ("Emballagen er 100 % genanvendt karton.", "packaging"),
    ],
)
def test_a_recycled_share_records_whom_its_clause_is_about(text, about):
    """A recycled share of the packaging stays a recycled share; the rules judge that it says nothing of the
    product."""
    assert [(fact.context, fact.about) for fact in quantities(text)] == [("recycled", about)]
