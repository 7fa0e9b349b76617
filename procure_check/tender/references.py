"""Modality from other clauses: a requirement drafted as a statement takes its modality from the clause
that declares a section's kind ("Krav i afsnit 2 er mindstekrav"), from the clause whose proof it names
("Dokumentation for pkt. 5.1: …"), or from the clauses that refer to it ("miljømærket, jf. pkt. 1.3")."""

import re
from functools import cache

from procure_check.data import rules_file
from procure_check.extract import context
from procure_check.extract.patterns import words_pattern
from procure_check.tender.model import Modality, Requirement
from procure_check.tender.requirements import classify_modality

STRENGTH: dict[str, int] = {"requirement": 2, "award": 2, "wish": 1}
"""How strongly a clause asks for something; information asks for nothing."""

_NUMBER = r"[A-Z]{0,4}-?\d{1,3}(?:\.\d{1,3})*\.?(?![\w])"
_CLAUSE_WORDS = r"(?:pkt|punkt|krav|kravet|clause|section|requirement|afsnit|avsnitt|Ziffer|Punkt|kapitel|kapittel)"
_CLAUSE_REFERENCE = re.compile(rf"\s*(?:{_CLAUSE_WORDS}\.?\s*)?(?P<number>{_NUMBER})", re.IGNORECASE)
_SEE = re.compile(rf"(?:jf\.?|jfr\.?|jvf\.?|se|cf\.?|see|i henhold til|ifølge|enligt|gemäß|siehe)\s+"
                  rf"{_CLAUSE_WORDS}\.?\s*(?P<number>{_NUMBER})", re.IGNORECASE)
_OPENING = re.compile(r"\s*(?:[\w-]*\d[\w.-]*\s+)?")
_TABLE = re.compile(r"(?<![\w])(?:tabel|table|tabell|Tabelle)\s+(?P<number>\d{1,2})(?![\w])", re.IGNORECASE)


@cache
def _terms() -> dict:
    data = rules_file("tender_terms.yaml")
    return {"proof_of": words_pattern(data["proof_of"]),
            "section_kind": [re.compile(pattern, re.IGNORECASE) for pattern in data["section_kind"]]}


def modalities_in_context(requirements: list[Requirement]) -> list[Requirement]:
    """The requirements, where a clause of information takes the modality its context gives it."""
    by_number = {requirement.number.rstrip("."): requirement for requirement in requirements if requirement.number}
    sections = _declared_sections(requirements)
    referred_by = _referred_by(requirements, by_number)
    result = []
    for requirement in requirements:
        if requirement.source == "table" and requirement.id not in referred_by:
            continue  # a table no clause refers to asks for nothing
        if requirement.modality == "information":
            proven = _proven_clause(requirement, by_number)
            source, modality = (proven, proven.modality) if proven else referred_by.get(requirement.id, (None, None))
            if source:
                requirement = requirement.model_copy(update={"modality": modality, "modality_from": source.id})
            elif modality := _section_kind(requirement, sections):
                requirement = requirement.model_copy(update={"modality": modality})
        result.append(requirement)
    return result


def _declared_sections(requirements: list[Requirement]) -> dict[str, Modality]:
    """Sections whose kind a clause declares: "Krav i afsnit 2 er mindstekrav" → {"2": requirement}."""
    sections: dict[str, Modality] = {}
    for requirement in requirements:
        for pattern in _terms()["section_kind"]:
            for found in pattern.finditer(requirement.text):
                sections[found.group("section")] = classify_modality(found.group("kind"))
    return sections


def _section_kind(requirement: Requirement, sections: dict[str, Modality]) -> Modality | None:
    """The declared kind of the section a numbered clause is in ("2.4" is in section 2)."""
    if not requirement.number or requirement.source == "paragraph":
        return None
    kind = sections.get(requirement.number.rstrip(".").split(".")[0])
    return kind if kind in STRENGTH else None


def _proven_clause(requirement: Requirement, by_number: dict[str, Requirement]) -> Requirement | None:
    """The clause whose proof this one opens by naming ("Dokumentation for pkt. 5.1: …"), if it asks for something."""
    text = requirement.text
    found = _terms()["proof_of"].match(text, _OPENING.match(text).end())
    reference = _CLAUSE_REFERENCE.match(text, found.end()) if found else None
    referred = by_number.get(reference.group("number").rstrip(".")) if reference else None
    if referred is not None and referred is not requirement and referred.modality in STRENGTH:
        return referred
    return None


def _referred_by(
    requirements: list[Requirement], by_number: dict[str, Requirement]
) -> dict[str, tuple[Requirement, Modality]]:
    """For a clause of information that requirements refer to ("miljømærket, jf. pkt. 1.3") or a titled table
    ("den energiklasse, der er angivet i tabel 1"), the one of them that asks most strongly, and how: a
    definition asks for what the clauses that use it ask for, a table for what the sentence naming it asks."""
    tables = {_table_key(requirement.number): requirement for requirement in requirements
              if requirement.source == "table" and requirement.number}
    strongest: dict[str, tuple[Requirement, Modality]] = {}
    for requirement in requirements:
        if requirement.modality not in STRENGTH:
            continue
        text = requirement.text
        referred = [(by_number.get(found.group("number").rstrip(".")), requirement.modality)
                    for found in _SEE.finditer(text)]
        referred += [(tables.get(found.group("number")), _sentence_modality(text, found.start(), requirement.modality))
                     for found in _TABLE.finditer(text) if requirement.source != "table"]
        for other, modality in referred:
            if other is None or other is requirement or other.modality != "information":
                continue
            known = strongest.get(other.id)
            if known is None or STRENGTH[modality] > STRENGTH[known[1]]:
                strongest[other.id] = (requirement, modality)
    return strongest


def _sentence_modality(text: str, position: int, otherwise: Modality) -> Modality:
    """The modality of the sentence holding `text[position]`, where it has one of its own."""
    start, end = context.clause_bounds(text, position, position)
    modality = classify_modality(text[start:end])
    return modality if modality in STRENGTH else otherwise


def _table_key(title: str) -> str:
    """A table's number from its title ("Tabel 1" → "1")."""
    found = _TABLE.match(title)
    return found.group("number") if found else title
