"""Typed facts extracted from a document, each tied to the text that proves it."""

import itertools
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_serializer, model_validator

from procure_check.document import BBox


class Evidence(BaseModel):
    """Text quoted from the document as it stands (whitespace normalised), with its page."""

    page: int = Field(ge=1)
    text: str
    bbox: BBox | None = None
    ocr: bool = False
    document: str | None = None
    """The file the text is in, when a report covers several files (a tender set)."""
    cell: str | None = None
    """In a spreadsheet (`document` names its sheet), the cell the text is in ("B14")."""
    focus: str | None = None
    """The words of `text` that decide (a label and its licence number, a number with its unit, the matched
    phrase): a report that shortens a quote keeps them whole. None when not known."""

    @model_validator(mode="after")
    def _focus_in_text(self):
        """A focus that is not part of the quote (empty, or cut differently) is dropped: it would mark words
        the quote does not hold."""
        if not self.focus or self.focus not in self.text:
            self.focus = None
        return self

    def __eq__(self, other: object) -> bool:
        """The same text at the same place is the same evidence, whichever of its words decided: a verdict
        resting on two facts of one sentence quotes it once."""
        if not isinstance(other, Evidence):
            return NotImplemented
        return self.model_dump(exclude={"focus"}) == other.model_dump(exclude={"focus"})

    @model_serializer(mode="wrap")
    def _omit_unknowns(self, handler):
        """`bbox`, `document`, `cell` and `focus` only when known, `ocr` only when the text came from OCR (the
        report contract)."""
        data = handler(self)
        for name in ("bbox", "document", "cell", "focus"):
            if data.get(name) is None:
                data.pop(name, None)
        if not data.get("ocr"):
            data.pop("ocr", None)
        return data


class _Fact(BaseModel):
    id: str
    evidence: list[Evidence]

    def engine_view(self) -> dict[str, Any]:
        """The flat, scalar-only form that is asserted in the rules engine; unknown values are ""."""
        return {name: "" if value is None else value
                for name, value in self.model_dump(mode="json", exclude={"evidence"}).items()}


class LabelClaim(_Fact):
    kind: Literal["label"] = "label"
    label: str
    name: str
    polarity: Literal["present", "negated", "pending"] = "present"
    about: Literal["product", "packaging", "organisation", "other_product", "other"] = "product"
    """Whom the claim is about: "other_product" is another product of the range or page, "other" no holder
    (the label is only named: its criteria met, a category such as FSC Controlled Wood)."""
    identifier: str | None = None
    generation: int | None = None
    grade: str | None = None
    valid_until: date | None = None
    ended: bool = False
    """The text says the licence or certificate has expired or been withdrawn."""
    legacy: bool = False
    """Named by a legacy programme's name (`outdated` in rules/labels.yaml: "TCO'03", "EU Energy Star").
    Whether a claim is current on the day checked is for the rules to judge (rules/checks.yaml)."""
    fuzzy_score: float | None = None
    heading_type: str | None = None
    """The product type that a short line above the claim begins with: the product whose block the claim
    stands in on a catalogue page or an offer flyer ("Kartofler, økologiske, 10 kg" ⏎ "• Ø-mærket")."""


class EnergyClass(_Fact):
    kind: Literal["energy_class"] = "energy_class"
    cls: str
    scale: Literal["rescaled", "old"]
    rank: int
    basis: str | None = None
    """How a derived class was computed ("806 lm / 5 W = 161 lm/W"); None when stated."""


Subject = Literal["product", "packaging", "organisation"]
"""Whom a statement, substance or quantity is about, as its clause says (`extract.context.subject`): a declaration about
the packaging ("Emballagen er PVC-fri") or the company is recorded as such, and the rules judge whether it counts."""


class Quantity(_Fact):
    kind: Literal["quantity"] = "quantity"
    quantity: str
    value: float
    unit: str
    context: str = ""
    """What was measured, from a cue word before the value (`standby`, `on_mode`, `tec`, `net`); "" if none."""
    about: Subject = "product"
    """Whom the value's clause is about: "Emballagen er 100 % genanvendt karton" is a recycled share of the
    packaging."""
    basis: str | None = None
    """How a derived value was computed; None when stated."""


class Duration(_Fact):
    kind: Literal["duration"] = "duration"
    subject: str
    years: float


class Substance(_Fact):
    kind: Literal["substance"] = "substance"
    substance: str
    group: str
    presence: Literal["present", "absent"]
    about: Subject = "product"


class FibreComposition(_Fact):
    kind: Literal["fibres"] = "fibres"
    part: Literal["whole", "pile", "ground"]
    composition: str
    n_fibres: int
    cotton_pct: float


class ProductType(_Fact):
    kind: Literal["product_type"] = "product_type"
    type: str
    group: str


class LampCap(_Fact):
    kind: Literal["lamp_cap"] = "lamp_cap"
    cap: str
    directional: bool
    mains: bool = True
    """Runs on mains voltage (not a 12 V cap such as GU5.3)."""


class Statement(_Fact):
    kind: Literal["statement"] = "statement"
    statement: str
    about: Subject = "product"


class Denial(_Fact):
    """A statement the document negates ("Produktet er ikke CE-mærket"): never read as its opposite, but
    a criterion that needs the statement can fail on it."""

    kind: Literal["denial"] = "denial"
    statement: str
    about: Subject = "product"


class _TenderFact(_Fact):
    """Something a tender requirement demands, with the requirement's modality and clause number."""

    modality: Literal["requirement", "award", "wish", "information"]
    clause: str


class TenderLabel(_TenderFact):
    kind: Literal["tender_label"] = "tender_label"
    label: str
    name: str
    equivalent: bool
    """The clause accepts equivalent labels ("eller tilsvarende")."""
    other_proof: bool
    """The clause accepts other appropriate proof (technical dossier, test report)."""
    partial: bool
    """The clause asks for only some of the label's criteria ..."""
    criteria_named: bool
    """... and names them ("krav O5–O29")."""


class TenderLabelScope(_TenderFact):
    """The strongest demand for a label on one product type that label clauses name: "Bleier skal være
    Svanemerket" and "Leker bør være Svanemerket" make a requirement for nappies and a wish for toys."""

    kind: Literal["tender_label_scope"] = "tender_label_scope"
    subject: str
    """The product type (rules/product_types.yaml) ..."""
    group: str
    """... and its group."""
    label: str
    name: str


class TenderTopic(_TenderFact):
    kind: Literal["tender_topic"] = "tender_topic"
    topic: str


class TenderValue(_TenderFact):
    kind: Literal["tender_value"] = "tender_value"
    topic: Literal["spare_parts", "co2_price", "organic_share", "energy_class"]
    """What the value limits: the topics criteria may name (`value_topic` in rules/checks.yaml)."""
    value: float
    unit: str
    cap: str = ""
    """For an energy class of a light source: the lamp cap it is required for."""


class Reference(_TenderFact):
    kind: Literal["reference"] = "reference"
    name: str
    type: Literal["brand", "trademark", "standard"]
    equivalent: bool


Fact = Annotated[
    LabelClaim | EnergyClass | Quantity | Duration | Substance | FibreComposition | ProductType | LampCap
    | Statement | Denial | TenderLabel | TenderLabelScope | TenderTopic | TenderValue | Reference,
    Field(discriminator="kind"),
]


def fact_ids() -> Callable[[str], str]:
    """A fresh id source for one document's facts: "label-1", "quantity-2", … (unique per kind and number)."""
    counter = itertools.count(1)
    return lambda kind: f"{kind}-{next(counter)}"
