"""TED notices in the standard forms before eForms (schema R2.0.8 and R2.0.9, `TED_EXPORT`).

The notice's own form (`CATEGORY="ORIGINAL"`, F01…F25) is read in its language: CPV codes (main and
additional, of the contract and of each lot), and its texts in document order, one line per paragraph
(`<P>`): title, descriptions, lot descriptions, conditions for participation, performance conditions
and further information. Award criteria become lines naming criterion and weight in the notice's
language ("Zuschlagskriterium: Qualität – Gewichtung 60"). Addresses, places, dates, amounts and the
translated titles of other languages are left out: they are no tender text. The pre-eForms schema has
no structured green procurement fields, so `Notice` holds the CPV codes and the language only.
"""

import re
from xml.etree.ElementTree import Element

from procure_check.document import Line

LANGUAGES = {"da", "en", "sv", "nb", "de"}
"""Notice languages the vocabularies cover (`LG` lower-cased; TED writes Norwegian as NO)."""
_LANGUAGE_ALIASES = {"no": "nb"}
SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{3}[.!?])|(?<=[^\W\d_]\)[.!?]))\s+(?=[A-ZÆØÅÄÖÜ])")
"""Where a paragraph's sentences part: after a word of three letters or more, or a bracket, and a full
stop, before a capital (not after "Nr." or "pkt. 3.2.")."""
_SKIPPED = {"MAIN_SITE", "LOCATION", "LOCATION_NUTS", "REVIEW_PROCEDURE", "ADDRESS_CONTRACTING_BODY",
            "ADDRESS_CONTRACTING_BODY_ADDITIONAL", "ADDRESS_FURTHER_INFO", "ADDRESS_PARTICIPATION",
            "ADDRESS_REVIEW_BODY", "ADDRESS_MEDIATION_BODY", "ADDRESS_REVIEW_INFO", "CONTRACTORS", "CONTRACTOR",
            "ADDRESS_CONTRACTOR", "ADDRESS_PARTY"}
"""Elements whose text is an address, a place or a body for appeals: no requirement can stand there."""
_AWARD_WORDS = {
    # language: (award criterion, weighting, price, cost)
    "da": ("Tildelingskriterium", "vægtning", "Pris", "Omkostninger"),
    "nb": ("Tildelingskriterium", "vekt", "Pris", "Kostnad"),
    "sv": ("Tilldelningskriterium", "viktning", "Pris", "Kostnad"),
    "de": ("Zuschlagskriterium", "Gewichtung", "Preis", "Kosten"),
    "en": ("Award criterion", "weighting", "Price", "Cost"),
}


def is_ted(root: Element) -> bool:
    return _local(root.tag) == "TED_EXPORT"


def ted_notice(root: Element) -> tuple[str, list[str], list[Line]]:
    """The notice's language (lower case, as in its `LG`), CPV codes, and its text lines."""
    form = _original_form(root)
    if form is None:
        return "", _codes(root), []
    language = (form.get("LG") or "").lower()
    language = _LANGUAGE_ALIASES.get(language, language)
    return language, _codes(form) or _codes(root), list(_lines(form, language))


def _original_form(root: Element) -> Element | None:
    """The form in the notice's original language; else the first form of the form section."""
    section = next((element for element in root.iter() if _local(element.tag) == "FORM_SECTION"), None)
    forms = [] if section is None else [child for child in section if child.get("LG")]
    return next((form for form in forms if form.get("CATEGORY") == "ORIGINAL"), forms[0] if forms else None)


def _codes(element: Element) -> list[str]:
    """CPV codes in document order, each once: `CPV_CODE` under the main and additional classifications
    (`ORIGINAL_CPV` in the coded data section when the form has none)."""
    found = [code.get("CODE", "") for code in element.iter() if _local(code.tag) in ("CPV_CODE", "ORIGINAL_CPV")]
    return list(dict.fromkeys(code.strip() for code in found if re.fullmatch(r"\s*\d{8}(?:-\d)?\s*", code)))


def _lines(element: Element, language: str):
    name = _local(element.tag)
    if name in _SKIPPED:
        return
    if name == "P":
        text = " ".join("".join(element.itertext()).split())
        yield from (Line(text=sentence) for sentence in SENTENCE_END.split(text) if sentence)
        return
    if name in ("AC_QUALITY", "AC_COST", "AC_PRICE", "CRITERIA_DEFINITION"):
        yield from _award_line(element, language)
        return
    if name.endswith("TITLE") and len(element) == 0 and (text := " ".join((element.text or "").split())):
        yield Line(text=text)  # R2.0.8 writes some titles (LOT_TITLE) without paragraphs
        return
    for child in element:
        yield from _lines(child, language)


def _award_line(element: Element, language: str):
    """An award criterion as a line: "Award criterion: Quality – weighting 60" (R2.0.9 `AC_*`, R2.0.8
    `CRITERIA_DEFINITION`)."""
    award, weighting, price, cost = _AWARD_WORDS.get(language, _AWARD_WORDS["en"])
    texts = {_local(child.tag): " ".join("".join(child.itertext()).split()) for child in element}
    criterion = texts.get("AC_CRITERION") or texts.get("CRITERIA") \
        or {"AC_PRICE": price, "AC_COST": cost}.get(_local(element.tag), "")
    weight = texts.get("AC_WEIGHTING") or texts.get("WEIGHTING")
    if criterion:
        yield Line(text=f"{award}: {criterion}" + (f" – {weighting} {weight}" if weight else ""))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
