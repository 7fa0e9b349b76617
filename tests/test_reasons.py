"""Reasons say how a value is known, and name only what is missing."""

from datetime import date

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.engine.compile import CompiledRule
from procure_check.engine.evaluate import format_reason
from procure_check.extract.derive import derive
from procure_check.facts import Evidence, Quantity, fact_ids


def _quantity(quantity: str, value: float, unit: str, quote: str, focus: str) -> Quantity:
    return Quantity(id=f"{quantity}-1", quantity=quantity, value=value, unit=unit,
                    evidence=[Evidence(page=1, text=quote, focus=focus)])


def _rule(en: str, da: str = "") -> CompiledRule:
    return CompiledRule(name="r", criterion="X-P01", verdict="pass", priority=2, reason={"en": en, "da": da or en},
                        aliases=("value",), params={"value": 300, "unit": "kWh/year"})


DAILY = _quantity("daily_energy", 4.6, "kWh/24h", "Energiforbrug: 4,6 kWh/24t", "4,6 kWh/24t")
ANNUAL = next(derive([DAILY], fact_ids()))


@pytest.mark.parametrize(("lang", "expected"), [("en", "worked out from 4,6 kWh/24t: 1679 kWh/year"),
                                                ("da", "beregnet ud fra 4,6 kWh/24t: 1679 kWh/year")])
def test_a_derived_value_says_what_it_was_worked_out_from(lang, expected):
    rule = _rule("{value.stated}: {value.value} {value.unit}")
    assert format_reason(rule, [ANNUAL], lang) == expected


def test_a_stated_value_is_stated():
    stated = _quantity("annual_energy", 1241, "kWh/year", "Energiforbrug: 1.241 kWh/år", "1.241 kWh/år")
    assert format_reason(_rule("{value.stated}: {value.value} {value.unit}"), [stated], "en") == "stated: 1241 kWh/year"


def test_a_template_that_does_not_say_how_gets_the_basis_after_it():
    rule = _rule("{value.value} {value.unit}, at most {param.value} required")
    assert format_reason(rule, [ANNUAL], "en") == "1679 kWh/year, at most 300 required (worked out from 4,6 kWh/24t)"


def test_a_value_from_two_facts_names_both():
    flux = _quantity("luminous_flux", 806, "lm", "Lysstrøm: 806 lm", "806 lm")
    power = _quantity("power", 5, "W", "Effekt: 5 W", "5 W")
    efficacy = next(derive([flux, power], fact_ids()))
    assert format_reason(_rule("{value.stated}: {value.value} {value.unit}"), [efficacy], "en") \
        == "worked out from 806 lm and 5 W: 161.2 lm/W"


def _check(tmp_path, text: str, group: str, lang: str = "en") -> dict:
    path = tmp_path / "sheet.txt"
    path.write_text(text, encoding="utf-8")
    report = Checker(load_catalogue(), as_of=date(2026, 11, 22), lang=lang).check_product(path, group)
    return {result.criterion: result for result in report.results}


@pytest.mark.parametrize(("lang", "reason"), [
    ("en", "not stated: energy use (Wh/km or kWh/100 km); stated: CO2 (g/km)"),
    ("da", "ikke angivet: energiforbrug (Wh/km eller kWh/100 km); angivet: CO2 (g/km)")])
def test_a_criterion_that_needs_several_values_names_only_the_missing_one(tmp_path, lang, reason):
    result = _check(tmp_path, "Produktdatablad: Elbil\nCO2: 0 g/km\n", "vehicles", lang)["VEH-P02"]
    assert (result.verdict, result.reason) == ("unknown", reason)


def test_with_none_of_them_found_the_reason_names_what_the_criterion_needs(tmp_path):
    result = _check(tmp_path, "Produktdatablad: Elbil\nRækkevidde: 400 km\n", "vehicles")["VEH-P02"]
    assert result.reason == "not stated in the document: CO2 in g/km and energy use (Wh/km or kWh/100 km)"


def test_a_pass_on_all_of_them_has_no_note(tmp_path):
    text = "Produktdatablad: Elbil\nCO2: 0 g/km\nEnergiforbrug: 16,5 kWh/100 km\n"
    assert _check(tmp_path, text, "vehicles")["VEH-P02"].reason == "stated: 0 g/km and 165 Wh/km"


@pytest.mark.parametrize(("text", "lang", "reason"), [
    ("Produktdatablad: Køleskab KS 700\nKøleskab til storkøkken.\nEnergiklasse: B\n", "en",
     "not stated: net volume; stated: cabinet type, energy class"),
    ("Produktdatablad: Køleskab KS 700\nKøleskab til storkøkken.\nNettovolumen: 600 l\n", "da",
     "ikke angivet: energiklasse; angivet: skabstype, nettovolumen"),
])
def test_a_cabinets_class_names_only_what_is_missing(tmp_path, text, lang, reason):
    result = _check(tmp_path, text, "kitchen", lang)["KITCH-P03"]
    assert (result.verdict, result.reason) == ("unknown", reason)


@pytest.mark.parametrize(("text", "reason"), [
    ("Produktdatablad: LED-pære\nSokkel: E27\nFarvetemperatur: 2700 K\n",
     "not stated: energy class (or luminous flux and power); stated: cap type"),
    ("Produktdatablad: LED-pære\nEnergiklasse: C\n",
     "not stated: cap type; stated: energy class (or luminous flux and power)"),
])
def test_a_light_sources_class_names_only_what_is_missing(tmp_path, text, reason):
    result = _check(tmp_path, text, "lighting")["LIGHT-P01"]
    assert (result.verdict, result.reason) == ("unknown", reason)


def test_a_light_source_with_nothing_found_names_all_it_needs(tmp_path):
    result = _check(tmp_path, "Produktdatablad: LED-pære\nFarvetemperatur: 2700 K\n", "lighting")["LIGHT-P01"]
    assert result.reason == "not stated in the document: cap type and energy class, or luminous flux and power"
