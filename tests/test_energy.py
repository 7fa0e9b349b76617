"""Energy classes stated in a document, and classes from efficacy (procure_check/extract/energy.py)."""

import pytest

from procure_check.extract.energy import RANKS, class_from_efficacy, find_energy_classes
from tests.conftest import id_counter, make_page


def classes(text: str) -> list[tuple[str, str, int]]:
    return [(fact.cls, fact.scale, fact.rank) for fact in find_energy_classes(make_page(text), id_counter())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Energiklasse: D", ("D", "rescaled", 4)),
        ("Energiklass ............. D", ("D", "rescaled", 4)),
        ("Energiklasse D", ("D", "rescaled", 4)),
        ("Energiklassen er C", ("C", "rescaled", 3)),
        ("Energimærke: G", ("G", "rescaled", 7)),
        ("EU-energimærke: F", ("F", "rescaled", 6)),
        ("Energiklasse (EU 2019/2013): D", ("D", "rescaled", 4)),
        ("energy class A++", ("A++", "old", -1)),
        ("Energy class: A+", ("A+", "old", 0)),
        ("Energimærke: A+++", ("A+++", "old", -2)),
        ("Energy efficiency class: E", ("E", "rescaled", 5)),
        ("Energy efficiency class (SDR): E", ("E", "rescaled", 5)),
        ("Energy label class: G", ("G", "rescaled", 7)),
        ("Energy rating B", ("B", "rescaled", 2)),
        ("Energieffizienzklasse F", ("F", "rescaled", 6)),
        ("Energieeffizienzklasse: D", ("D", "rescaled", 4)),
        ("Energieffizienzklasse ist A", ("A", "rescaled", 1)),
        ("Energiklass: B", ("B", "rescaled", 2)),
        ("Energiklasse: D\nEffekt: 4,9 W", ("D", "rescaled", 4)),
        ("Energiklasse: G\nE27", ("G", "rescaled", 7)),
        ("energy class D (on a scale of A to G)", ("D", "rescaled", 4)),
    ],
)
def test_stated_classes(text, expected):
    assert classes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A B C D E F G",
        "A\nB\nC\nD\nE\nF\nG",
        "Energiklasse A B C D E F G",
        "Energiklasse\nA\nB\nC\nD\nE\nF\nG",
        "Energiklasse A-G",
        "Energy class: A to G",
        "energy class on a scale from A to G",
        "The energy class of a monitor matters.",
        "The energy class is a key factor.",
        "Energiklassen er en del af mærket.",
        "Energy class B+",
        "Energy class C++",
        "Energiklasse: H",
        "Energiklasse: Ekstra",
        "Class D amplifier",
        "Vitamin D",
    ],
)
def test_no_class(text):
    assert classes(text) == []


def test_several_classes_on_a_page_in_order():
    text = "Energiklasse (SDR): E\nEnergiklasse (HDR): G"
    assert [cls for cls, _, _ in classes(text)] == ["E", "G"]


def test_evidence_quotes_the_cue_and_the_class():
    (fact,) = find_energy_classes(make_page("Tekniske data\nEnergi-\nklasse: D\nEffekt: 4,9 W", number=2), id_counter())
    assert fact.evidence[0].text == "Energi- klasse: D"
    assert fact.evidence[0].page == 2
    assert fact.basis is None
    assert fact.id == "energy_class-1"


def test_ranks_run_from_a_to_g():
    assert RANKS == {"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7}


@pytest.mark.parametrize(
    ("efficacy", "directional", "mains", "expected"),
    [
        (210.0, False, True, "A"),
        (209.9, False, True, "B"),
        (185.0, False, True, "B"),
        (161.2, False, True, "C"),
        (160.0, False, True, "C"),
        (159.9, False, True, "D"),
        (135.0, False, True, "D"),
        (110.0, False, True, "E"),
        (85.0, False, True, "F"),
        (84.9, False, True, "G"),
        (0.0, False, True, "G"),
        # Directional mains lamps: η_TM = efficacy × 1.176, so the same efficacy earns a better class.
        (178.6, True, True, "A"),
        (178.5, True, True, "B"),
        (161.2, True, True, "B"),
        (100.0, True, True, "E"),
        (72.3, True, True, "F"),
        (72.2, True, True, "G"),
        # Not on mains voltage: × 0.926 (non-directional), × 1.089 (directional).
        (226.8, False, False, "A"),
        (226.7, False, False, "B"),
        (192.9, True, False, "A"),
        (192.8, True, False, "B"),
    ],
)
def test_class_from_efficacy(efficacy, directional, mains, expected):
    """Regulation (EU) 2019/2015, Annex II: the factor F_TM multiplies the efficacy, not the thresholds."""
    assert class_from_efficacy(efficacy, directional, mains) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Energy class (EU)³ | SDR: E / HDR: F", ["E"]),
        ("Energieeffizienzklasse (SDR): E¹", ["E"]),
        ("Energiklass (EU)¹: SDR: F · HDR: G", ["F"]),
        ("Energiklass (förordning (EU) 2019/2013): D", ["D"]),
        ("Energiklasse (EU 2019/2015) | D\nTidligere energiklasse (EU 874/2012) | A+", ["D"]),
    ],
)
def test_classes_in_spec_tables_with_footnotes_modes_and_former_classes(text, expected):
    from procure_check.document import Line, Page
    from procure_check.extract.pagetext import PageText
    from tests.conftest import id_counter

    lines = [Line.row(row.split(" | ")) if " | " in row else Line(text=row) for row in text.split("\n")]
    found = find_energy_classes(PageText(Page(number=1, lines=lines)), id_counter())
    assert [fact.cls for fact in found] == expected
