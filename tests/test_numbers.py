"""Numbers as written in documents, and quantities (number + unit) found in free text."""

import dataclasses
import math
import string
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procure_check.extract.numbers import (
    LANGS,
    QuantityMatch,
    UnitAlias,
    find_quantities,
    parse_number,
    unit_aliases,
)

SPACES = [" ", "\u00a0", "\u202f"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("11,2", "da", 11.2),
        ("4.850", "da", 4850),
        ("1,241", "en", 1241),
        ("1,241", "da", 1.241),
        ("1.241", "en", 1.241),
        ("1.5", "da", 1.5),
        ("1.2345", "da", 1.2345),
        ("0.500", "da", 0.5),
        ("1234.567", "de", 1234.567),
        ("1 241", "da", 1241),
        ("1\u00a0241", "sv", 1241),
        ("1\u202f241", "nb", 1241),
        ("1 241", "en", 1241),
        ("1.234,5", "da", 1234.5),
        ("1 234,5", "sv", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1.234,5", "en", 1234.5),
        ("1.234.567", "de", 1234567),
        ("1,234,567", "en", 1234567),
        ("0,5", "da", 0.5),
        ("0,5", "en", 0.5),
        ("−3", "da", -3),
        ("-3", "en", -3),
        ("+7", "nb", 7),
        (" 42 ", "da", 42),
    ],
)
def test_parse_number(text: str, lang: str, expected: float) -> None:
    assert parse_number(text, lang) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    ["", "abc", "1.", ",5", "1,2,3", "1.234.5", "12.34.567", "1 24", "1.234 567", "1e5", "--3", "1-2", "9" * 400],
)
def test_parse_number_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text, "da")


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        parse_number("1", "fr")
    with pytest.raises(ValueError, match="unknown language"):
        find_quantities("5 W", "fr")


@pytest.mark.parametrize(
    ("text", "lang", "raw", "value", "unit", "quantity"),
    [
        ("Effekt 8,5 W.", "da", "8,5 W", 8.5, "W", "power"),
        ("Effekt 8,5W", "da", "8,5W", 8.5, "W", "power"),
        ("2,5 kW", "da", "2,5 kW", 2500, "W", "power"),
        ("806 lm", "da", "806 lm", 806, "lm", "luminous_flux"),
        ("4.850 kWh/år", "da", "4.850 kWh/år", 4850, "kWh/year", "annual_energy"),
        ("4.850 kWh pr. år", "da", "4.850 kWh pr. år", 4850, "kWh/year", "annual_energy"),
        ("1,241 kWh/year", "en", "1,241 kWh/year", 1241, "kWh/year", "annual_energy"),
        ("1,241 kWh/year", "da", "1,241 kWh/year", 1.241, "kWh/year", "annual_energy"),
        ("1 241 kWh/år", "sv", "1 241 kWh/år", 1241, "kWh/year", "annual_energy"),
        ("11,2 kWh/24t", "da", "11,2 kWh/24t", 11.2, "kWh/24h", "daily_energy"),
        ("11,2 kWh / døgn", "da", "11,2 kWh / døgn", 11.2, "kWh/24h", "daily_energy"),
        ("4.850 kWh", "da", "4.850 kWh", 4850, "kWh", "energy"),
        ("5 Wh", "da", "5 Wh", 0.005, "kWh", "energy"),
        ("120 lm/W", "da", "120 lm/W", 120, "lm/W", "efficacy"),
        ("49 g/km", "da", "49 g/km", 49, "g/km", "co2"),
        ("49 g CO₂/km", "da", "49 g CO₂/km", 49, "g/km", "co2"),
        ("16,5 kWh/100 km", "da", "16,5 kWh/100 km", 165, "Wh/km", "energy_use_distance"),
        ("7,2 l/100 km", "da", "7,2 l/100 km", 7.2, "l/100 km", "energy_use_distance"),
        ("7.8 l/100km", "en", "7.8 l/100km", 7.8, "l/100 km", "energy_use_distance"),
        ("0,53 l/mil", "sv", "0,53 l/mil", 5.3, "l/100 km", "energy_use_distance"),
        ("21,3 km/l", "da", "21,3 km/l", 21.3, "km/l", "energy_use_distance"),
        ("0,9 kg/100 km", "de", "0,9 kg/100 km", 0.9, "kg/100 km", "energy_use_distance"),
        ("600 l", "da", "600 l", 600, "l", "volume"),
        ("600 L", "da", "600 L", 600, "l", "volume"),
        ("25 ml", "da", "25 ml", 0.025, "l", "volume"),
        ("36 måneder", "da", "36 måneder", 3, "years", "duration"),
        ("10 år", "da", "10 år", 10, "years", "duration"),
        ("5 Jahre", "de", "5 Jahre", 5, "years", "duration"),
        ("50 %", "da", "50 %", 50, "%", "percentage"),
        ("2700 K", "da", "2700 K", 2700, "K", "colour_temperature"),
        ("2700K", "da", "2700K", 2700, "K", "colour_temperature"),
        ("1.000 kr./ton", "da", "1.000 kr./ton", 1000, "kr/ton", "co2_price"),
        ("80 g/m²", "da", "80 g/m²", 80, "g/m²", "grammage"),
        ("15.000 timer", "da", "15.000 timer", 15000, "h", "hours"),
        ("15.000 t", "da", "15.000 t", 15000, "h", "hours"),
        ("−3 K", "da", "−3 K", -3, "K", "colour_temperature"),
        ("a 3-year warranty", "en", "3-year", 3, "years", "duration"),
    ],
)
def test_find_quantity(text: str, lang: str, raw: str, value: float, unit: str, quantity: str) -> None:
    (match,) = find_quantities(text, lang)
    assert (match.raw, match.unit, match.quantity, match.high) == (raw, unit, quantity, None)
    assert match.value == pytest.approx(value, rel=1e-12)
    assert text[match.start : match.end] == raw


@pytest.mark.parametrize(
    ("text", "value", "high", "unit"),
    [
        ("1–2 %", 1, 2, "%"),
        ("1-2 %", 1, 2, "%"),
        ("3 - 5 år", 3, 5, "years"),
        ("36–48 mdr.", 3, 4, "years"),
        ("5-2 W", 2, 5, "W"),
    ],
)
def test_range_reports_lower_end_and_high(text: str, value: float, high: float, unit: str) -> None:
    (match,) = find_quantities(text, "da")
    assert (match.raw, match.value, match.high, match.unit) == (text, value, high, unit)


@pytest.mark.parametrize(
    ("text", "lang", "raws"),
    [
        ("5 lmx", "da", []),
        ("5 Wx og 5 w", "da", []),
        ("10 lagen", "da", []),
        ("5 til 10 timer", "da", ["10 timer"]),
        ("5 tons", "da", []),
        ("50 t CO2", "da", []),
        ("50 t", "en", []),
        ("Sokkel E27, GU10 5 W", "da", ["5 W"]),
        ("T8 18 W, H222 h", "da", ["18 W"]),
        ("Miljømærke DE-UZ 78 fra 2019", "da", []),
        ("2x5 W", "da", []),
        ("kWh/24t: 0,5", "da", []),
        ("5 W/m2 og 50 kWh/m²", "da", []),
        ("5,2 l/100 km", "da", ["5,2 l/100 km"]),  # fuel per distance, not a volume of 5,2 l
        ("0,5 l/mil", "da", []),  # "mil" is 10 km only in Swedish and Norwegian
        ("version 2.3 af 12.05.2024", "da", []),
        ("10 W-20 W", "da", ["10 W", "20 W"]),
        ("8 W/10 W", "da", []),
        ("8 W / 10 W", "da", ["8 W", "10 W"]),
        ("4.850 kWh/år og 11,2 kWh/24t", "da", ["4.850 kWh/år", "11,2 kWh/24t"]),
    ],
)
def test_traps(text: str, lang: str, raws: list[str]) -> None:
    assert [match.raw for match in find_quantities(text, lang)] == raws


def test_match_is_frozen() -> None:
    (match,) = find_quantities("5 W", "da")
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.value = 6  # type: ignore[misc]


def render(value: Decimal, lang: str, thousands: str) -> str:
    """`value` written with `thousands` grouping and the decimal mark of `lang`."""
    english = format(value, ",f")
    if lang == "en":
        return english.replace(",", thousands)
    return english.translate({ord(","): thousands, ord("."): ","})


@st.composite
def lang_and_thousands(draw: st.DrawFn) -> tuple[str, str]:
    lang = draw(st.sampled_from(LANGS))
    return lang, draw(st.sampled_from(["," if lang == "en" else ".", *SPACES]))


@settings(max_examples=200, deadline=None)
@given(
    value=st.floats(allow_nan=False, allow_infinity=False),
    lang_thousands=lang_and_thousands(),
    minus=st.sampled_from(["-", "\u2212"]),
)
def test_formatted_float_round_trips(value: float, lang_thousands: tuple[str, str], minus: str) -> None:
    lang, thousands = lang_thousands
    text = render(Decimal(value), lang, thousands).replace("-", minus)
    assert math.isclose(parse_number(text, lang), value, rel_tol=1e-9)


FRAGMENTS = ["5", "8,5", "1.000", "1 241", "-", "–", " ", "W", "kWh/år", "/", "l", "t", "CO2", "%", "E27", "."]
noise = st.one_of(st.text(), st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3)).map("".join))


@settings(max_examples=200, deadline=None)
@given(text=noise, lang=st.sampled_from(LANGS))
def test_find_quantities_never_raises_and_spans_are_exact(text: str, lang: str) -> None:
    units = {alias.unit for alias in unit_aliases(lang)}
    end = 0
    for match in find_quantities(text, lang):
        assert text[match.start : match.end] == match.raw
        assert end <= match.start < match.end
        end = match.end
        assert math.isfinite(match.value) and match.unit in units
        assert match.high is None or match.value <= match.high


words = st.lists(st.text(alphabet=string.ascii_letters + "æøåÆØÅäöü", min_size=1, max_size=8), max_size=4)


@st.composite
def written_alias(draw: st.DrawFn, lang: str) -> tuple[str, UnitAlias]:
    alias = draw(st.sampled_from(unit_aliases(lang)))
    cases = [alias.alias] if alias.case_sensitive else [alias.alias, alias.alias.upper(), alias.alias.lower()]
    return draw(st.sampled_from(cases)), alias


@settings(max_examples=200, deadline=None)
@given(data=st.data(), lang_thousands=lang_and_thousands(), before=words, after=words)
def test_number_with_any_alias_is_found_in_words(
    data: st.DataObject, lang_thousands: tuple[str, str], before: list[str], after: list[str]
) -> None:
    lang, thousands = lang_thousands
    written, alias = data.draw(written_alias(lang))
    number = Decimal(data.draw(st.integers(0, 10**7))) + Decimal(data.draw(st.integers(0, 99))) / 100
    raw = render(number, lang, thousands) + data.draw(st.sampled_from(["", *SPACES])) + written
    text = f"{' '.join(before)} {raw}; {' '.join(after)}"
    (match,) = find_quantities(text, lang)
    assert (match.raw, match.unit, match.quantity) == (raw, alias.unit, alias.quantity)
    assert match.value == pytest.approx(float(Fraction(number) * alias.factor), rel=1e-12)


def test_quantity_match_fields() -> None:
    assert [field.name for field in dataclasses.fields(QuantityMatch)] == [
        "start", "end", "value", "unit", "quantity", "raw", "high"
    ]
