"""Criteria → durable-rules JSON rulesets, one rule per (criterion, rule template, table row).

A rule joins only facts that belong together: aliases joined by `{same: alias.field}` are matched
together, as pairs (or triples) the engine finds by that key. An alias not joined to the rule's first
alias ("and somewhere in the document, a clause accepting other proof") becomes a rule of its own, a
*part*: any one fact proves it, and `procure_check.engine.evaluate` pairs the rule's firings with the
part's first matches in document order (as many as a verdict quotes), not with all of them.
Matching every pair of unrelated facts made a tender's work grow with the square of its requirements.
"""

import itertools
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, partial
from typing import Any

from procure_check.catalogue import Criterion
from procure_check.engine.checks import check_kinds
from procure_check.errors import CatalogueError
from procure_check.extract.energy import RANKS

MAX_RULES = 400
"""The rules engine holds at most 511 rules in one ruleset (more: `RulesetTooLarge`); stay well below."""
CATCH_ALL = "_any"
"""A rule every fact matches: durable-rules rejects a batch with a fact no rule handles."""

_OPERATORS = {"gte": "$gte", "lte": "$lte", "gt": "$gt", "lt": "$lt", "ne": "$neq"}


@dataclass(frozen=True)
class CompiledRule:
    """What a fired rule means: the criterion, the verdict it gives and how to word the reason."""

    name: str
    criterion: str
    verdict: str
    priority: int
    reason: dict[str, str]
    aliases: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    row: dict[str, Any] | None = None
    parts: tuple[str, ...] = ()
    """Names of the part rules that must also fire (one per group of aliases not joined to the first)."""


@dataclass(frozen=True)
class CompiledRuleset:
    definition: dict[str, Any]
    rules: dict[str, CompiledRule]
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Part rule name → its aliases, in the order of its rule's aliases."""

    @cached_property
    def key(self) -> str:
        return json.dumps(self.definition, sort_keys=True)

    @cached_property
    def read_fields(self) -> tuple[str, ...]:
        """Every fact field a rule's conditions read, joins included (the catch-all's `seq` is no condition)."""
        found: set[str] = set()
        for name, rule in self.definition.items():
            if name != CATCH_ALL:
                for alias_condition in rule["all"]:
                    for condition in alias_condition.values():
                        _fields(condition, found)
        return tuple(sorted(found))

    @cached_property
    def merges_alike(self) -> bool:
        """Whether facts equal in every read field can be asserted once, standing for each other: true unless
        a rule joins two facts that could be alike (aliases not held apart by different values of one field,
        as a kind or a polarity)."""
        for rule in self.definition.values():
            pinned = [_pinned(condition) for alias_condition in rule["all"] for condition in alias_condition.values()]
            for first, second in itertools.combinations(pinned, 2):
                if not any(first[field] != second[field] for field in first.keys() & second.keys()):
                    return False
        return True


def compile_criteria(criteria: list[Criterion], as_of: date) -> CompiledRuleset:
    """One ruleset for `criteria` on the day `as_of` (`$as_of` in conditions); table rows with `from`/`until`
    dates apply only on that day."""
    definition: dict[str, Any] = {}
    rules: dict[str, CompiledRule] = {}
    parts: dict[str, tuple[str, ...]] = {}
    for criterion in criteria:
        kind = check_kinds()[criterion.check]
        specs = kind.params
        for number, template in enumerate(kind.rules):
            rows = [None] if template.foreach is None else criterion.params[template.foreach.removeprefix("$")]
            for row_number, row in enumerate(rows):
                if row is not None and not _active(row, as_of):
                    continue
                name = f"{criterion.id}#{number}.{row_number}"
                resolve = partial(_resolve, params=criterion.params, specs=specs, row=row,
                                  groups=[criterion.group, *criterion.also_in], as_of=as_of)
                when = dict(template.when)
                if template.each:
                    items = resolve(template.each.over)
                    for position, item in enumerate(items, start=1):
                        when[f"{template.each.alias}_{position}"] = {
                            field: item if wanted == "$item" else wanted for field, wanted in template.each.when.items()
                        }
                first, *others = _joined_groups(when)
                part_names = tuple(f"{name}+{number}" for number in range(1, len(others) + 1))
                for rule_name, aliases in zip((name, *part_names), (first, *others), strict=True):
                    conditions = [{alias: _condition(when[alias], resolve)} for alias in aliases]
                    definition[rule_name] = {"all": conditions, "run": rule_name}
                parts.update(zip(part_names, others, strict=True))
                rules[name] = CompiledRule(
                    name=name, criterion=criterion.id, verdict=resolve(template.verdict),
                    priority=template.priority, reason=template.reason, aliases=tuple(when),
                    params=criterion.params, row=row, parts=part_names,
                )
    if len(definition) > MAX_RULES:
        raise CatalogueError(f"{len(definition)} rules in one group; the rules engine allows at most {MAX_RULES}")
    definition[CATCH_ALL] = {"all": [{"m": {"$gte": {"seq": 0}}}], "run": CATCH_ALL}
    return CompiledRuleset(definition, rules, parts)


def _fields(condition: dict[str, Any], found: set[str]) -> None:
    """Add the fields `condition` reads to `found`."""
    for key, value in condition.items():
        if key.startswith("$"):
            for inner in value if isinstance(value, list) else [value]:
                _fields(inner, found)
            continue
        found.add(key)
        if isinstance(value, dict):  # a join: {"clause": {"req": "clause"}} reads the other alias's field too
            found.update(value.values())


def _pinned(condition: dict[str, Any]) -> dict[str, Any]:
    """The fields `condition` requires to equal a constant."""
    parts = condition.get("$and", [condition])
    return {key: value for part in parts for key, value in part.items()
            if not key.startswith("$") and not isinstance(value, dict | list)}


def _joined_groups(when: dict[str, dict[str, Any]]) -> list[tuple[str, ...]]:
    """The aliases in groups joined by `same` conditions, each in alias order; the first alias's group first."""
    group = {alias: {alias} for alias in when}
    for alias, spec in when.items():
        for wanted in spec.values():
            if isinstance(wanted, dict) and "same" in wanted:
                merged = group[alias] | group[wanted["same"].partition(".")[0]]
                for member in merged:
                    group[member] = merged
    return list(dict.fromkeys(tuple(a for a in when if a in group[alias]) for alias in when))


def _active(row: dict[str, Any], as_of: date) -> bool:
    """Whether a dated table row (`from`, `until`) is in force on `as_of`; undated rows always are."""
    return row.get("from", date.min) <= as_of <= row.get("until", date.max)


def _resolve(
    value: Any, params: dict[str, Any], specs, row: dict[str, Any] | None, groups: list[str], as_of: date
) -> Any:
    """Replace `$param`, `$row.column`, `$criterion.groups` (the groups the criterion applies in) and `$as_of`
    (as facts give dates: YYYY-MM-DD); energy classes become ranks for comparison."""
    if not (isinstance(value, str) and value.startswith("$")):
        return value
    name = value[1:]
    if name == "criterion.groups":
        return groups
    if name == "as_of":
        return as_of.isoformat()
    if name.startswith("row."):
        column = name[4:]
        resolved = row[column]
        kind = next(spec.columns.get(column) for spec in specs.values() if spec.type == "table")
    else:
        resolved, kind = params[name], specs[name].type
    return RANKS[resolved] if kind == "energy_class" else resolved


def _condition(spec: dict[str, Any], resolve) -> dict[str, Any]:
    """A fact's conditions: every field's (`any: [...]`: one of several), each of its operators."""
    parts = []
    for name, wanted in spec.items():
        if name == "any":
            parts.append({"$or": [_condition(option, resolve) for option in wanted]})
            continue
        if not isinstance(wanted, dict):
            parts.append({name: resolve(wanted)})
            continue
        compared = []
        for operator, operand in wanted.items():
            if operator == "or_unknown":
                continue
            if operator == "same":
                alias, _, other = operand.partition(".")
                compared.append({name: {alias: other}})
            elif operator == "in":
                compared.append(_any_of(name, resolve(operand)))
            elif operator == "not_in":
                compared.extend({"$neq": {name: value}} for value in resolve(operand))
            else:
                compared.append({_OPERATORS[operator]: {name: resolve(operand)}})
        if wanted.get("or_unknown"):  # or not stated: unknown values are "" (`Fact.engine_view`), which the
            # engine compares with numbers too: the options exclude each other, or a fact would fire the rule twice
            compared = [{"$or": [{name: ""}, _all([{"$neq": {name: ""}}, *compared])]}]
        parts.extend(compared)
    return _all(parts)


def _all(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _any_of(name: str, values: list[str]) -> dict[str, Any]:
    """Equality with any of `values`; a label spec "epeat:silver" also requires that grade."""
    options = []
    for value in values:
        if name == "label" and ":" in value:
            label, _, grade = value.partition(":")
            options.append({"$and": [{"label": label}, {"grade": grade.capitalize()}]})
        else:
            options.append({name: value})
    if not options:
        return {name: "\u2205"}  # an empty list matches nothing
    return options[0] if len(options) == 1 else {"$or": options}
