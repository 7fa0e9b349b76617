"""Facts computed from other facts, where the criteria ask for them.

- efficacy (lm/W) from luminous flux and power, and a light source's energy class from it when the
  data sheet states none (Regulation (EU) 2019/2015: η_TM = efficacy × F_TM, e.g. 1.176 for a
  directional mains lamp);
- annual energy (kWh/year) from a daily value (kWh/24h × 365).
A derived fact's evidence is the evidence of the facts it was computed from.
"""

from collections.abc import Callable, Iterator

from procure_check.extract.energy import RANKS, class_from_efficacy, f_tm
from procure_check.facts import EnergyClass, LampCap, ProductType, Quantity


def derive(facts: list, new_id: Callable[[str], str]) -> Iterator[Quantity | EnergyClass]:
    quantities = [f for f in facts if isinstance(f, Quantity)]
    flux = _first(quantities, "luminous_flux")
    # Not the standby power, nor the wattage of the lamp it replaces ("Erstatter 60 W glødepære").
    power = next((q for q in quantities
                  if q.quantity == "power" and q.context not in ("standby", "equivalent") and q.value > 0), None)
    efficacy = _first(quantities, "efficacy")
    if efficacy is None and flux and power:
        value = flux.value / power.value
        efficacy = Quantity(
            id=new_id("quantity"), quantity="efficacy", value=round(value, 1), unit="lm/W",
            basis=f"{flux.value:g} lm / {power.value:g} W", evidence=flux.evidence + power.evidence,
        )
        yield efficacy
    is_light_source = any(isinstance(f, LampCap) for f in facts) or any(
        isinstance(f, ProductType) and f.group == "lighting" for f in facts
    )
    if efficacy and is_light_source and not any(isinstance(f, EnergyClass) for f in facts):
        caps = [f for f in facts if isinstance(f, LampCap)]
        directional = any(cap.directional for cap in caps)
        mains = all(cap.mains for cap in caps)
        letter = class_from_efficacy(efficacy.value, directional, mains)
        basis = f"{efficacy.basis or efficacy.value} = {efficacy.value:g} lm/W" if efficacy.basis \
            else f"{efficacy.value:g} lm/W"
        factor = f_tm(directional, mains)
        if factor != 1:
            kind = ("directional" if directional else "non-directional") + ("" if mains else ", not mains")
            basis += f" × F_TM {factor:g} ({kind})"
        yield EnergyClass(id=new_id("energy_class"), cls=letter, scale="rescaled", rank=RANKS[letter],
                          basis=basis, evidence=efficacy.evidence)
    daily = _first(quantities, "daily_energy")
    if daily and not _first(quantities, "annual_energy"):
        yield Quantity(
            id=new_id("quantity"), quantity="annual_energy", value=round(daily.value * 365, 1), unit="kWh/year",
            basis=f"{daily.value:g} kWh/24h × 365", evidence=daily.evidence,
        )


def _first(quantities: list[Quantity], name: str) -> Quantity | None:
    return next((q for q in quantities if q.quantity == name), None)
