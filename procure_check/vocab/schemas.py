"""A pydantic model for each vocabulary file of `rules/`: what a slip in one looks like is decided here.

Word lists are regular expressions (`Words`); each entry is compiled when the file is validated, so a bad
pattern is an error at start-up that names its entry, not a crash on the first document. Labels, check
kinds and units keep the models their modules read them with; the regular expressions of a label are
checked here as well.
"""

import itertools
import re
import string
from fractions import Fraction
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from procure_check.engine.checks import CheckKind
from procure_check.extract.labels import LabelDef
from procure_check.extract.numbers import _Form, _Unit, _UnitsFile
from procure_check.facts import Fact


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None
    return pattern


Pattern = Annotated[str, Field(min_length=1), AfterValidator(_compiles)]
"""A regular expression."""
Words = list[Pattern]
"""Words or phrases, each a regular expression (matched as whole words, case-insensitively)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalName(_Strict):
    da: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Conformity(_Strict):
    verbs: Words
    criteria: Words


class ContextFile(_Strict):
    """`context.yaml`: negation, pending, packaging and organisation words, validity phrases, month names."""

    negation_window: int = Field(ge=1)
    negation_before: Words
    negation_after: Words
    pending: Words
    packaging: Words
    organisation: Words
    conformity: Conformity
    ended: Words
    valid_until: Words
    valid_from: Words
    months: dict[str, Annotated[int, Field(ge=1, le=12)]]


class FibresFile(_Strict):
    """`fibres.yaml`: fibre names, their qualifiers and the parts of a towel."""

    fibres: dict[str, Words]
    qualifiers: Words
    parts: dict[str, Words]


LampKind = Literal["directional_mains", "directional_not_mains", "non_directional_mains", "non_directional_not_mains"]


class EfficacyClasses(_Strict):
    """Regulation (EU) 2019/2015: the lowest efficacy (lm/W) of each class, and the factor F_TM per lamp kind."""

    thresholds: dict[Literal["A", "B", "C", "D", "E", "F"], Annotated[float, Field(gt=0)]]
    f_tm: dict[LampKind, Annotated[float, Field(gt=0)]]

    @model_validator(mode="after")
    def _complete_and_ordered(self) -> "EfficacyClasses":
        missing = [kind for kind in LampKind.__args__ if kind not in self.f_tm]
        if missing:
            raise ValueError(f"f_tm: no factor for {', '.join(missing)}")
        letters = sorted(self.thresholds)
        if letters != list("ABCDEF"):
            raise ValueError("thresholds: one for each class A to F")
        if any(self.thresholds[a] <= self.thresholds[b] for a, b in itertools.pairwise(letters)):
            raise ValueError("thresholds: each class needs a higher efficacy than the next (A > B > … > F)")
        return self


class MeasuresFile(_Strict):
    """`measures.yaml`: energy class cues, duration subjects, the contexts of a quantity, efficacy classes."""

    energy_class_cues: Words
    energy_class_former: Words
    durations: dict[str, Words]
    quantity_contexts: dict[str, Words]
    efficacy_classes: EfficacyClasses


class ProductType(_Strict):
    group: str = Field(min_length=1)
    words: Words


class Cap(_Strict):
    directional: bool
    mains: bool
    words: Words


class SafetyDataSheet(_Strict):
    groups: list[str]
    titles: Words
    section_two: Words


class ProductTypesFile(_Strict):
    """`product_types.yaml`: product types with their group, lamp caps, a safety data sheet's headings."""

    false_friends: dict[str, Words] = {}
    types: dict[str, ProductType]
    caps: dict[str, Cap]
    directional_words: Words
    safety_data_sheet: SafetyDataSheet


class StatementsFile(_Strict):
    """`statements.yaml`: the phrases a `statement` check looks for, and the titles reports give them."""

    titles: dict[str, LocalName] = {}
    statements: dict[str, Words]

    @model_validator(mode="after")
    def _titles_name_statements(self) -> "StatementsFile":
        unknown = sorted(set(self.titles) - set(self.statements))
        if unknown:
            raise ValueError(f"titles: no statement named {', '.join(unknown)}")
        return self


class AbsenceLists(_Strict):
    heads: Words
    breaks: Words
    max_length: int = Field(ge=1)


class SubstanceGroup(_Strict):
    title: LocalName
    free: Words
    names: Words
    terms: Words = []
    scents: Words = []
    """What a product smells of (fragrance): present when said, never an absence when negated."""


class SubstancesFile(_Strict):
    """`substances.yaml`: substance groups, the words declaring them absent or contained."""

    absence_lists: AbsenceLists
    sensitivity: Words = []
    """Words after which a substance is what people react to, not what the product contains."""
    containment: Words
    groups: dict[str, SubstanceGroup]


class TypeValues(_Strict):
    award: Words
    requirement: Words
    wish: Words


class Modality(_Strict):
    award: Words
    requirement: Words
    wish: Words
    neutral: Words
    type_values: TypeValues


class TenderFile(_Strict):
    """`tender.yaml`: the words that make a tender clause a requirement, an award criterion or a wish."""

    modality: Modality
    non_binding: Words


class TenderTermsFile(_Strict):
    """`tender_terms.yaml`: legal wording, the topics a requirement is about, brands and standards."""

    equivalent: Words
    other_proof: Words
    other_proof_refused: Words
    proof_only: Words
    """A clause that restricts proof to the label itself ("accepteres alene gyldigt licensnummer")."""
    licence: Words
    """A label's own proof; a clause naming only it as another clause's proof refuses other proof."""
    stated_values: Words
    """An information paragraph that states one of these (a CO2 price in an award formula) is kept."""
    proof_of: Words
    """A clause opening with these and a clause number ("Dokumentation for pkt. 5.1") is about that clause."""
    section_kind: Words
    """A clause declaring a section's kind: groups `section` (its number) and `kind` (a modality word)."""
    label_words: Words
    partial: Words
    criteria_named: Words
    topics: dict[str, Words]
    spisemaerke: dict[str, Annotated[int, Field(ge=0, le=100)]]
    brands: list[Annotated[str, Field(min_length=1)]]
    """Written as they are, not regular expressions."""
    brand_cues: Words
    standards: Words
    trademark: Pattern


class CheckedLabel(LabelDef):
    """A label as `extract/labels.py` reads it, with its regular expressions compiled."""

    identifier: Words = Field(default_factory=list)
    outdated: Words = Field(default_factory=list)
    needs: Words = Field(default_factory=list)


class LabelsFile(_Strict):
    labels: dict[str, CheckedLabel]


class CheckedKind(CheckKind):
    """A check kind as `engine/checks.py` reads it, whose reasons name only what a fired rule has: its facts (the
    aliases of `when`), `param` and `row`. Anything else is a KeyError when the rule fires."""

    @model_validator(mode="after")
    def _conditions_name_fact_fields(self) -> "CheckedKind":
        """A condition names only fields its fact kind has (`about` of a statement, `polarity` of a label claim):
        a misspelt field would match no fact, silently."""
        for number, rule in enumerate(self.rules):
            conditions = [(f"rules.{number}.when.{alias}", spec) for alias, spec in rule.when.items()]
            if rule.each is not None:
                conditions.append((f"rules.{number}.each.when", rule.each.when))
            for where, spec in conditions:
                fields = _FACT_FIELDS.get(spec.get("kind"))
                if fields is None:
                    raise ValueError(f"{where}.kind: unknown fact kind {spec.get('kind')!r} "
                                     f"(known: {', '.join(_FACT_FIELDS)})")
                for name in _condition_fields(spec):
                    if name not in fields:
                        raise ValueError(f"{where}.{name}: not a field of a {spec['kind']} fact "
                                         f"(known: {', '.join(sorted(fields))})")
        return self

    @model_validator(mode="after")
    def _reasons_name_known_values(self) -> "CheckedKind":
        for number, rule in enumerate(self.rules):
            known = {*rule.when, "param", "row"}
            for lang, reason in rule.reason.items():
                try:
                    names = [field for _, field, _, _ in string.Formatter().parse(reason) if field is not None]
                except ValueError as error:
                    raise ValueError(f"rules.{number}.reason.{lang}: {error}") from None
                for name in names:
                    alias = re.split(r"[.\[]", name)[0]
                    counted = rule.each is not None and re.fullmatch(rf"{re.escape(rule.each.alias)}_\d+", alias)
                    if alias not in known and not counted:
                        raise ValueError(f"rules.{number}.reason.{lang}: '{{{name}}}' names no fact of the rule "
                                         f"(known: {', '.join(sorted(known))})")
        return self


_FACT_FIELDS: dict[str, set[str]] = {
    model.model_fields["kind"].default: set(model.model_fields) - {"evidence"}
    for model in get_args(get_args(Fact)[0])
}
"""Each fact kind (facts.Fact) → the fields a condition on it may name."""


def _condition_fields(spec: dict[str, Any]) -> list[str]:
    """The fields a condition names, those of its `any` options included."""
    names = []
    for name, wanted in spec.items():
        if name == "any":
            names.extend(field for option in wanted for field in _condition_fields(option))
        else:
            names.append(name)
    return names


class ChecksFile(_Strict):
    claims: dict[str, dict[str, Any]] = {}
    """Conditions on label claims that the rules of `kinds` merge into theirs (YAML anchors)."""
    kinds: dict[str, CheckedKind]


class CheckedUnitForm(_Form):
    """A unit's written forms as `extract/numbers.py` reads them, with a factor that is a positive number."""

    @field_validator("factor", mode="before")
    @classmethod
    def _fraction(cls, value: object) -> Fraction:
        try:
            factor = Fraction(str(value))
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"factor {value!r} is not a number or a fraction") from None
        if factor <= 0:
            raise ValueError(f"factor {value!r} is not positive")
        return factor


class CheckedUnit(_Unit):
    forms: list[CheckedUnitForm]


class UnitsFile(_UnitsFile):
    units: dict[str, CheckedUnit]


FILES: dict[str, type[BaseModel]] = {
    "checks.yaml": ChecksFile,
    "context.yaml": ContextFile,
    "fibres.yaml": FibresFile,
    "labels.yaml": LabelsFile,
    "measures.yaml": MeasuresFile,
    "product_types.yaml": ProductTypesFile,
    "statements.yaml": StatementsFile,
    "substances.yaml": SubstancesFile,
    "tender.yaml": TenderFile,
    "tender_terms.yaml": TenderTermsFile,
    "units.yaml": UnitsFile,
}
"""Every file of `rules/` and its model."""
