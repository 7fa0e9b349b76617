"""Modality from other clauses: section declarations, proof clauses and references (tender/references.py)."""

from procure_check.document import Line
from procure_check.tender.model import Requirement
from procure_check.tender.references import modalities_in_context


def _clause(number: str, text: str, modality: str = "information", source: str = "clause") -> Requirement:
    return Requirement(id=f"R{number}", document="kravspec.docx", number=number, page=1,
                       lines=[Line(text=f"{number} {text}")], modality=modality, source=source)


def _modalities(*requirements: Requirement) -> dict[str, str]:
    return {requirement.number: requirement.modality for requirement in modalities_in_context(list(requirements))}


def test_a_declared_section_gives_its_clauses_their_modality():
    declaration = _clause("1.2", "Krav i afsnit 2 er mindstekrav. Krav i afsnit 3 er beskrivende.", "requirement")
    found = _modalities(declaration,
                        _clause("2.2", "Nyfibre stammer fra lovlig og bæredygtig skovdrift."),
                        _clause("3.1", "Papiret leveres i æsker à 5 pakker."))
    assert found == {"1.2": "requirement", "2.2": "requirement", "3.1": "information"}


def test_a_clause_naming_another_clauses_proof_asks_as_strongly():
    found = _modalities(_clause("5.1", "Træet bør stamme fra bæredygtig skovdrift.", "wish"),
                        _clause("5.2", "Dokumentation for pkt. 5.1: FSC- eller PEFC-certifikat."))
    assert found["5.2"] == "wish"


def test_a_definition_asks_for_what_the_clauses_that_refer_to_it_ask_for():
    found = _modalities(_clause("1.3", "Definition: Ved »miljømærket« forstås mærket med Svanemærket."),
                        _clause("2.1", "Kopipapir skal være miljømærket, jf. pkt. 1.3.", "requirement"),
                        _clause("4.1", "Levering sker to gange om ugen, jf. pkt. 1.3.", "information"))
    assert found["1.3"] == "requirement"


def test_information_stays_information_without_context():
    found = _modalities(_clause("4", "Levering sker på paller til centrallageret."),
                        _clause("5", "Se pkt. 9 for kontaktoplysninger.", "information"))
    assert found == {"4": "information", "5": "information"}
