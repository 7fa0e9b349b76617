"""Facts computed from other facts: efficacy and a light source's class, annual energy from a daily value
(procure_check/extract/derive.py)."""

import pytest

from procure_check.extract import extract_facts
from procure_check.extract.derive import derive
from procure_check.facts import EnergyClass, Evidence, LampCap, ProductType, Quantity
from tests.conftest import id_counter, make_document


def _evidence(text: str) -> list[Evidence]:
    return [Evidence(page=1, text=text)]


def quantity(quantity: str, value: float, unit: str, context: str = "") -> Quantity:
    return Quantity(id=f"q-{quantity}-{value}", quantity=quantity, value=value, unit=unit, context=context,
                    evidence=_evidence(f"{value} {unit}"))


def lamp(cap: str = "E27", directional: bool = False) -> LampCap:
    return LampCap(id=f"cap-{cap}", cap=cap, directional=directional, evidence=_evidence(cap))


def light_source() -> ProductType:
    return ProductType(id="type-1", type="led_light_source", group="lighting", evidence=_evidence("LED-pære"))


def derived(facts: list) -> list:
    return list(derive(facts, id_counter()))


def derived_facts(text: str, kind: str) -> list:
    extraction = extract_facts(make_document(text))
    return [fact for fact in extraction.facts if fact.kind == kind]


@pytest.mark.parametrize(
    ("flux", "power", "directional", "efficacy", "cls", "basis"),
    [
        (806, 5.0, False, 161.2, "C", "806 lm / 5 W = 161.2 lm/W"),
        (345, 4.9, True, 70.4, "G", "345 lm / 4.9 W = 70.4 lm/W × F_TM 1.176 (directional)"),
        (470, 4.9, False, 95.9, "F", "470 lm / 4.9 W = 95.9 lm/W"),
        (1055, 5.0, False, 211.0, "A", "1055 lm / 5 W = 211 lm/W"),
        (806, 5.0, True, 161.2, "B", "806 lm / 5 W = 161.2 lm/W × F_TM 1.176 (directional)"),
        (3300, 22.0, False, 150.0, "D", "3300 lm / 22 W = 150 lm/W"),
    ],
)
def test_efficacy_and_class_of_a_light_source(flux, power, directional, efficacy, cls, basis):
    flux_fact, power_fact = quantity("luminous_flux", flux, "lm"), quantity("power", power, "W")
    made = derived([flux_fact, power_fact, lamp(directional=directional)])
    assert [fact.kind for fact in made] == ["quantity", "energy_class"]
    computed, energy = made
    assert (computed.quantity, computed.value, computed.unit) == ("efficacy", efficacy, "lm/W")
    assert computed.basis == basis.split(" = ")[0]
    assert (energy.cls, energy.scale, energy.basis) == (cls, "rescaled", basis)
    assert energy.evidence == flux_fact.evidence + power_fact.evidence


def test_a_light_source_product_type_is_enough():
    made = derived([quantity("luminous_flux", 806, "lm"), quantity("power", 5.0, "W"), light_source()])
    assert [(fact.kind, getattr(fact, "cls", None)) for fact in made] == [("quantity", None), ("energy_class", "C")]


def test_a_stated_class_suppresses_derivation():
    stated = EnergyClass(id="e-1", cls="E", scale="rescaled", rank=5, evidence=_evidence("Energiklasse: E"))
    made = derived([quantity("luminous_flux", 806, "lm"), quantity("power", 5.0, "W"), lamp(), stated])
    assert [fact.kind for fact in made] == ["quantity"]


def test_a_stated_efficacy_is_used_and_not_recomputed():
    made = derived([quantity("efficacy", 120.0, "lm/W"), quantity("luminous_flux", 806, "lm"),
                    quantity("power", 5.0, "W"), lamp()])
    assert [fact.kind for fact in made] == ["energy_class"]
    assert (made[0].cls, made[0].basis) == ("E", "120 lm/W")


def test_no_class_for_something_that_is_not_a_light_source():
    made = derived([quantity("luminous_flux", 806, "lm"), quantity("power", 5.0, "W")])
    assert [fact.kind for fact in made] == ["quantity"]


def test_standby_power_is_not_used_for_efficacy():
    made = derived([quantity("luminous_flux", 806, "lm"), quantity("power", 0.3, "W", context="standby"),
                    quantity("power", 5.0, "W"), lamp()])
    assert made[0].value == 161.2
    assert made[1].cls == "C"


@pytest.mark.parametrize("facts", [[quantity("luminous_flux", 806, "lm")], [quantity("power", 5.0, "W")],
                                   [quantity("luminous_flux", 806, "lm"), quantity("power", 0.0, "W")], []])
def test_nothing_to_derive_without_flux_and_power(facts):
    assert derived([*facts, lamp()]) == []


@pytest.mark.parametrize(("daily", "annual"), [(1.2, 438.0), (11.2, 4088.0), (0.55, 200.8)])
def test_annual_energy_from_a_daily_value(daily, annual):
    daily_fact = quantity("daily_energy", daily, "kWh/24h")
    (made,) = derived([daily_fact])
    assert (made.quantity, made.value, made.unit) == ("annual_energy", annual, "kWh/year")
    assert made.basis == f"{daily:g} kWh/24h × 365"
    assert made.evidence == daily_fact.evidence


def test_a_stated_annual_value_wins_over_a_daily_one():
    assert derived([quantity("daily_energy", 1.2, "kWh/24h"), quantity("annual_energy", 400, "kWh/year")]) == []


def test_derived_ids_come_from_the_id_function():
    made = derived([quantity("luminous_flux", 806, "lm"), quantity("power", 5.0, "W"), lamp()])
    assert [fact.id for fact in made] == ["quantity-1", "energy_class-2"]


# --- end to end ---------------------------------------------------------------------------------------------


def test_an_e27_lamp_sheet():
    (energy,) = derived_facts("LED-pære E27 – Lumora Klassik A60\nLysstrøm: 806 lm\nEffekt: 5,0 W", "energy_class")
    assert (energy.cls, energy.rank, energy.basis) == ("C", 3, "806 lm / 5 W = 161.2 lm/W")
    assert [evidence.text for evidence in energy.evidence] == ["Lysstrøm: 806 lm", "Effekt: 5,0 W"]


def test_a_gu10_spot_sheet():
    (energy,) = derived_facts("GU10 spot\nLysstrøm: 345 lm\nEffekt: 4,9 W", "energy_class")
    assert (energy.cls, energy.rank) == ("G", 7)
    assert energy.basis.endswith("× F_TM 1.176 (directional)")


def test_a_sheet_with_a_stated_class_keeps_it():
    (energy,) = derived_facts("LED-pære E27\nEnergiklasse: F\nLysstrøm: 806 lm\nEffekt: 5,0 W", "energy_class")
    assert (energy.cls, energy.basis) == ("F", None)
    assert energy.evidence[0].text == "Energiklasse: F"


def test_a_fridge_sheet_with_daily_energy():
    found = [(q.quantity, q.value) for q in derived_facts("Køleskab\nEnergiforbrug: 1,2 kWh/24t", "quantity")]
    assert found == [("daily_energy", 1.2), ("annual_energy", 438.0)]
