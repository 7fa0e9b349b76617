"""Check kinds (`rules/checks.yaml`): their parameters, validated per criterion, and their rules."""

import math
from datetime import date
from functools import cache
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, model_validator

from procure_check.data import rules_file
from procure_check.extract.energy import RANKS
from procure_check.extract.labels import label_definitions
from procure_check.facts import Subject, TenderValue
from procure_check.vocab import entries

ParamType = Literal["labels", "statements", "statement", "substance_groups", "subjects", "subject", "words", "word",
                    "number", "energy_class", "date", "table", "topic", "topics", "value_topic"]
DERIVED_TOPICS = ("other_proof", "equivalent_labels")
"""Topics the tender reader gives a clause from its other words (tender/demands.py), beside those of
`rules/tender_terms.yaml`."""


class ParamSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: ParamType
    default: Any = None
    columns: dict[str, ParamType] = {}


class Each(BaseModel):
    """One more fact alias per item of a list parameter: `alias_1`, `alias_2`, … (`$item` in `when`)."""

    model_config = ConfigDict(extra="forbid")
    over: str
    alias: str
    when: dict[str, Any]


class RuleTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verdict: str
    priority: int
    when: dict[str, dict[str, Any]] = {}
    each: Each | None = None
    reason: dict[Literal["da", "en"], str]
    foreach: str | None = None


class Coverage(BaseModel):
    """Report which of the facts a check needs are found ("phthalates declared absent; …"): the items of a list
    parameter (`param`, each a value of `field` of the facts `where` says), or the facts `needs` names."""

    model_config = ConfigDict(extra="forbid")
    param: str | None = None
    field: str | None = None
    where: dict[str, str] = {}
    needs: dict[str, dict[str, str | list[str]]] = {}
    """Item → the fields of a fact that covers it (a list: any of these values)."""
    note: dict[Literal["da", "en"], str]
    """Appended to the reason, with `{covered}` and `{missing}`."""
    titles: dict[str, dict[Literal["da", "en"], str]] = {}
    """How the note names an item (default: a substance group's title, else the item itself)."""
    partial_only: bool = False
    """Show the note only when some items but not all are covered, and no rule decided: as the reason."""

    @model_validator(mode="after")
    def _one_source(self) -> "Coverage":
        if bool(self.needs) == bool(self.param and self.field):
            raise ValueError("either `param` and `field`, or `needs`")
        return self

    def items(self, params: dict[str, Any]) -> list[str]:
        """What the check needs, in order."""
        return list(self.needs) if self.needs else params[self.param]

    def covered(self, facts: list) -> set[str]:
        """The items that facts state."""
        if self.needs:
            return {item for item, fields in self.needs.items() if any(_has(fact, fields) for fact in facts)}
        return {getattr(fact, self.field) for fact in facts if _has(fact, self.where)}


def _has(fact: Any, fields: dict[str, str | list[str]]) -> bool:
    return all(getattr(fact, name, None) in (wanted if isinstance(wanted, list) else [wanted])
               for name, wanted in fields.items())


class Absent(BaseModel):
    """The verdict when no rule fires, where it is not the default (unknown for products, fail for tenders)."""

    model_config = ConfigDict(extra="forbid")
    verdict: Literal["pass", "fail", "unknown", "not_applicable"]
    reason: dict[Literal["da", "en"], str]


class CheckKind(BaseModel):
    model_config = ConfigDict(extra="forbid")
    params: dict[str, ParamSpec]
    rules: list[RuleTemplate]
    coverage: Coverage | None = None
    absent: Absent | None = None


@cache
def check_kinds() -> dict[str, CheckKind]:
    """The check kinds, validated."""
    return entries("checks.yaml", "kinds", CheckKind)


def validate_criterion(criterion) -> dict[str, Any]:
    """The criterion's params with defaults filled in; ValueError names the bad field."""
    from procure_check.extract.products import type_group

    kinds = check_kinds()
    if criterion.check not in kinds:
        raise ValueError(f"field 'check': unknown check kind '{criterion.check}' (known: {', '.join(kinds)})")
    for product_type in criterion.scope:
        if type_group(product_type) is None:
            raise ValueError(f"field 'scope': unknown product type '{product_type}'")
    specs = kinds[criterion.check].params
    unknown = set(criterion.params) - set(specs)
    if unknown:
        raise ValueError(f"field 'params.{sorted(unknown)[0]}': not a parameter of check '{criterion.check}'")
    params = {}
    for name, spec in specs.items():
        if name not in criterion.params:
            if spec.default is None:
                raise ValueError(f"field 'params.{name}': required by check '{criterion.check}'")
            params[name] = spec.default
            continue
        try:
            params[name] = _check_value(spec.type, criterion.params[name], spec.columns)
        except ValueError as error:
            raise ValueError(f"field 'params.{name}': {error}") from None
    return params


def _check_value(kind: str, value: Any, columns: dict[str, str]) -> Any:
    if kind in ("labels", "statements", "substance_groups", "subjects", "words", "topics"):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError("expected a list of names")
        for item in value:
            _check_value(kind[:-1] if kind != "substance_groups" else "substance_group", item, {})
        return value
    if kind == "table":
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise ValueError("expected a list of rows")
        for row in value:
            if set(row) != set(columns):
                raise ValueError(f"each row needs exactly the columns {', '.join(columns)}")
            for column, column_kind in columns.items():
                _check_value(column_kind, row[column], {})
        return value
    if kind == "date":
        if not isinstance(value, date):
            raise ValueError(f"expected a date (YYYY-MM-DD), got {value!r}")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number, got {value!r}")
        if not math.isfinite(value):  # .nan never compares; .inf breaks the rules engine
            raise ValueError(f"expected a finite number, got {value!r}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a name, got {value!r}")
    if kind == "label":
        label_id, _, grade = value.partition(":")
        labels = label_definitions()
        if label_id not in labels:
            raise ValueError(f"unknown label id '{label_id}'")
        if grade and grade.lower() not in (g.lower() for g in labels[label_id].grades):
            raise ValueError(f"label '{label_id}' has no grade '{grade}'")
    elif kind == "statement" and value not in rules_file("statements.yaml")["statements"]:
        raise ValueError(f"unknown statement '{value}'")
    elif kind == "substance_group" and value not in rules_file("substances.yaml")["groups"]:
        raise ValueError(f"unknown substance group '{value}'")
    elif kind == "topic" and value not in (topics := [*rules_file("tender_terms.yaml")["topics"], *DERIVED_TOPICS]):
        raise ValueError(f"unknown tender topic '{value}' (known: {', '.join(topics)})")
    elif kind == "subject" and value not in (subjects := get_args(Subject)):
        raise ValueError(f"unknown subject '{value}' (known: {', '.join(subjects)})")
    elif kind == "value_topic" and value not in (topics := get_args(TenderValue.model_fields["topic"].annotation)):
        raise ValueError(f"unknown tender value topic '{value}' (known: {', '.join(topics)})")
    elif kind == "energy_class" and value not in RANKS:
        raise ValueError(f"energy class must be one of A–G, got '{value}'")
    return value
