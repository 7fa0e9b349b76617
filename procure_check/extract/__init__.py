"""Document → typed facts, each with its evidence. Vocabularies and patterns live in `rules/`."""

import re

from pydantic import BaseModel

from procure_check.document import Document
from procure_check.extract.derive import derive
from procure_check.extract.energy import find_energy_classes
from procure_check.extract.fibres import find_fibres
from procure_check.extract.labels import before_label, find_labels, refer_to_certificates
from procure_check.extract.language import detect_language
from procure_check.extract.measures import find_measures
from procure_check.extract.pagetext import PageText, normalise
from procure_check.extract.products import find_lamp_caps, find_product_types, title_types
from procure_check.extract.sds import section_one
from procure_check.extract.statements import find_denials, find_statements
from procure_check.extract.substances import find_substances
from procure_check.facts import Fact, LabelClaim, ProductType, fact_ids

TITLE_LINES = 4
"""The first of a data sheet's first lines that names product types says what it is about."""


class Extraction(BaseModel):
    language: str
    facts: list[Fact]
    product_types: list[str]
    """The product types the document is about: those in its title lines, else all it names."""
    scope_text: str | None = None
    """The text that says what the document is about, where that is not all of it: a safety data
    sheet's section 1. Group detection reads it instead of the whole text."""


def extract_facts(document: Document) -> Extraction:
    new_id = fact_ids()
    title = " ".join(line.text for line in document.pages[0].lines[:TITLE_LINES]) if document.pages else ""
    pages = [PageText(page, ocr=page.ocr, title=title) for page in document.pages]
    language = detect_language(" ".join(page.text[:4000] for page in pages[:3]))
    facts: list = []
    for page in pages:
        facts.extend(find_labels(page, new_id))
        facts.extend(find_energy_classes(page, new_id))
        facts.extend(find_measures(page, language, new_id))
        facts.extend(find_fibres(page, language, new_id))
        facts.extend(find_substances(page, new_id))
        facts.extend(find_statements(page, new_id))
        facts.extend(find_denials(page, new_id))
        facts.extend(find_product_types(page, new_id, language))
        facts.extend(find_lamp_caps(page, new_id))
    sds = section_one(document)
    main_types = title_types(sds, language) if sds is not None else _main_types(document, facts, language)
    facts = refer_to_certificates(_other_products(facts, main_types, language))
    facts.extend(derive(facts, new_id))
    return Extraction(language=language, facts=facts, product_types=main_types, scope_text=sds)


def _other_products(facts: list, main_types: list[str], language: str) -> list:
    """A label claim whose subject, before the label's name, names other products than the document's
    ("Vores toiletpapir og håndklædeark … er Svanemærket" on a toilet cleaner's sheet), or that stands
    under another product's heading ("Kartofler, økologiske" ⏎ "• Ø-mærket"), is about them."""
    if not main_types:
        return facts
    settled = []
    for fact in facts:
        if isinstance(fact, LabelClaim) and fact.about == "product":
            subject = before_label(normalise(fact.evidence[0].text), fact.label)
            named = title_types(subject, language, every=True) or [fact.heading_type] * bool(fact.heading_type)
            if named and not set(named) & set(main_types):
                fact = fact.model_copy(update={"about": "other_product"})
        settled.append(fact)
    return settled


PRODUCT_FIELD_LINES = 15
"""How far down the first page a product-name field ("Produkt: Toiletrens Blå Aktiv") is looked for."""
_PRODUCT_FIELD = re.compile(
    r"^\s*(?:produkt(?:navn|betegnelse)?|product(?: name)?|varenavn|varebetegnelse|artikel|article|benennung|"
    r"produktnamn|produktnavn|bezeichnung|artikelbezeichnung)\s*[:|]\s*(?P<value>\S.*)$", re.IGNORECASE)


def _main_types(document: Document, facts: list, language: str) -> list[str]:
    # A field that names the product says most: "Produkt: Toiletrens Blå Aktiv, 750 ml".
    for line in document.pages[0].lines[:PRODUCT_FIELD_LINES] if document.pages else []:
        field = _PRODUCT_FIELD.match(normalise(line.text))
        if field and (named := title_types(field["value"], language)):
            return named
    # One line: a description below the title ("LED bulb for decorative luminaires") is not the title.
    first_lines = document.pages[0].lines[:TITLE_LINES] if document.pages else []
    for line in first_lines:
        in_title = title_types(normalise(line.text), language)
        if in_title:
            return in_title
    return list(dict.fromkeys(fact.type for fact in facts if isinstance(fact, ProductType)))
