"""Facts + criteria → one verdict per criterion, with its reason and evidence.

The rules decide which verdicts the facts support; this module picks one per criterion (highest
priority; on a tie fail, then unknown, then pass) and decides what absence of evidence means:
`unknown` for a product, `fail` for a tender. A `pass` always carries the evidence that fired it.
"""

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from procure_check.catalogue import Criterion
from procure_check.data import rules_file
from procure_check.engine.checks import Coverage, check_kinds
from procure_check.engine.compile import CompiledRule, CompiledRuleset
from procure_check.engine.durable import engine
from procure_check.facts import Evidence, Quantity
from procure_check.results import Result

_TIE_ORDER = {"fail": 3, "unknown": 2, "pass": 1}
_MAX_EVIDENCE = 10
_MORE = {"en": " (and {count} more)", "da": " (og {count} mere)"}
_NO_EVIDENCE = {
    "product": {"en": "not stated in the document: {evidence}", "da": "ikke oplyst i dokumentet: {evidence}"},
    "tender": {"en": "not found in the tender: {evidence}", "da": "ikke fundet i udbuddet: {evidence}"},
}
_OUT_OF_SCOPE = {
    "en": "does not apply to this product ({types})",
    "da": "gælder ikke for dette produkt ({types})",
}


FiredRule = tuple[CompiledRule, list]
"""A rule that fired and the facts it matched, in the rule's alias order."""


@dataclass
class Decision:
    """How one criterion's verdict was reached: what `procure-check explain` shows."""

    criterion: Criterion
    result: Result
    basis: Literal["rules", "absent", "no_evidence", "out_of_scope"]
    """`rules`: a fired rule decided; `absent`: no rule fired and the check kind says what that means;
    `no_evidence`: no rule fired (unknown for a product, fail for a tender); `out_of_scope`: the
    criterion is for other product types."""
    fired: list[FiredRule] = field(default_factory=list)
    """Every rule that fired for the criterion."""
    winners: list[FiredRule] = field(default_factory=list)
    """The fired rules with the deciding priority and verdict (their evidence is the result's)."""


def judge(
    facts: list, criteria: list[Criterion], ruleset: CompiledRuleset, product_types: list[str], lang: str
) -> list[Result]:
    """One result per criterion, in catalogue order."""
    return [decision.result for decision in decide(facts, criteria, ruleset, product_types, lang)]


def decide(
    facts: list, criteria: list[Criterion], ruleset: CompiledRuleset, product_types: list[str], lang: str
) -> list[Decision]:
    """As `judge`, with the rules that fired and how each verdict follows from them."""
    by_id = {fact.id: fact for fact in facts}
    order = {fact.id: position for position, fact in enumerate(facts)}
    candidates: dict[str, list[FiredRule]] = {}
    for rule, matched_facts in _fired_rules(ruleset, facts, by_id, order):
        candidates.setdefault(rule.criterion, []).append((rule, matched_facts))
    decisions = []
    for criterion in criteria:
        found = candidates.get(criterion.id, [])
        out_of_scope = criterion.scope and product_types and not set(criterion.scope) & set(product_types)
        if out_of_scope:
            reason = _OUT_OF_SCOPE[lang].format(types=", ".join(product_types))
            result = _result(criterion, lang, "not_applicable", reason, [])
            decisions.append(Decision(criterion, result, "out_of_scope", found))
            continue
        kind = check_kinds()[criterion.check]
        winners: list[FiredRule] = []
        if found:
            result, winners = _decide(criterion, found, order, lang)
            basis = "rules"
        elif kind.absent:
            result = _result(criterion, lang, kind.absent.verdict, kind.absent.reason[lang], [])
            basis = "absent"
        else:
            verdict = "unknown" if criterion.kind == "product" else "fail"
            reason = _NO_EVIDENCE[criterion.kind][lang].format(evidence=criterion.evidence.get(lang))
            result = _result(criterion, lang, verdict, reason, [])
            basis = "no_evidence"
        coverage = kind.coverage
        if coverage:
            items = coverage.items(criterion.params)
            note = _coverage_note(coverage, items, facts, result.verdict, lang)
            if basis == "no_evidence" and 0 < len(coverage.covered(facts) & set(items)) < len(items):
                result.reason = note.removeprefix("; ")  # what was found and what is missing, not all it needs
            elif not coverage.partial_only:
                result.reason += note
        decisions.append(Decision(criterion, result, basis, found, winners))
    return decisions


def _fired_rules(ruleset: CompiledRuleset, facts: list, by_id: dict, order: dict[str, int]) -> list[FiredRule]:
    """The rules that fired, each with its facts in alias order. A rule with parts (`compile`) fires with each
    of the first matches of its parts in document order (as many as a verdict quotes), and not at all if a
    part matched nothing: the work grows with the facts, not with the pairs of unrelated facts."""
    fired = [(name, {alias: [by_id[view["id"]] for view in group] for alias, group in groups.items()})
             for name, groups in engine().evaluate_groups(ruleset, [fact.engine_view() for fact in facts])]
    matches: dict[str, list[dict[str, Any]]] = {}
    for name, groups in fired:
        if name in ruleset.parts:
            aliases = ruleset.parts[name]
            matches.setdefault(name, []).extend(
                dict(zip(aliases, combination, strict=True))
                for combination in itertools.product(*(groups[alias] for alias in aliases)))
    for found in matches.values():
        found.sort(key=lambda part: [order[fact.id] for fact in part.values()])
        del found[_MAX_EVIDENCE:]
    result = []
    for name, groups in fired:
        if name in ruleset.parts:
            continue
        rule = ruleset.rules[name]
        core = [alias for alias in rule.aliases if alias in groups]  # the rest are its parts' aliases
        if not rule.parts:  # most rules: the facts it matched are all it needs
            result.extend((rule, list(combination)) for combination in itertools.product(*map(groups.get, core)))
            continue
        parts = itertools.product(*(matches.get(part, []) for part in rule.parts))
        for matched, combination in itertools.product(itertools.product(*map(groups.get, core)), parts):
            found = dict(zip(core, matched, strict=True))
            for part in combination:
                found |= part
            result.append((rule, [found[alias] for alias in rule.aliases]))
    return result


def _coverage_note(coverage: Coverage, items: list[str], facts: list, verdict: str, lang: str) -> str:
    """Which of the items a check needs the facts cover, for criteria that need all of them.

    A pass with items uncovered came from a label that covers them all: no note then.
    """
    covered = coverage.covered(facts)
    if verdict == "pass" and not set(items) <= covered:
        return ""
    none = "ingen" if lang == "da" else "none"
    groups = rules_file("substances.yaml")["groups"]
    titles = {name: body.get("title", {}).get(lang, name) for name, body in groups.items()}
    titles |= {name: title[lang] for name, title in coverage.titles.items() if lang in title}
    return coverage.note[lang].format(
        covered=", ".join(titles.get(item, item) for item in items if item in covered) or none,
        missing=", ".join(titles.get(item, item) for item in items if item not in covered) or none,
    )


def precedence(rule: CompiledRule) -> tuple[int, int]:
    """The order in which fired rules decide: highest priority, then fail > unknown > pass."""
    return rule.priority, _TIE_ORDER[rule.verdict]


def _decide(
    criterion: Criterion, found: list[FiredRule], order: dict[str, int], lang: str
) -> tuple[Result, list[FiredRule]]:
    ranks = {name: precedence(rule) for name, rule in {rule.name: rule for rule, _ in found}.items()}
    best = max(ranks.values())
    winners = [(rule, facts) for rule, facts in found if ranks[rule.name] == best]
    winners.sort(key=lambda item: [order[fact.id] for fact in item[1]])
    rule, facts = winners[0]
    evidence: list[Evidence] = []
    for _, matched in winners:
        if len(evidence) >= _MAX_EVIDENCE:  # full: comparing the rest with it is wasted (many winners)
            break
        for fact in matched:
            for item in fact.evidence:
                if item not in evidence and len(evidence) < _MAX_EVIDENCE:
                    evidence.append(item)
    reason = format_reason(rule, facts, lang)
    if rule.verdict == "fail" and len(winners) > 1 and (others := _places(winners) - 1):
        reason += _MORE[lang].format(count=others)
    return _result(criterion, lang, rule.verdict, reason, evidence), winners


def _places(winners: list[FiredRule]) -> int:
    """In how many places the winners were found: places, not facts (two labels required in one clause are one
    finding)."""
    spots: dict[str, tuple] = {}
    for _, matched in winners:
        for fact in matched:
            if fact.id not in spots:
                spots[fact.id] = tuple([(e.document, e.page, e.text) for e in fact.evidence])
    return len({tuple(itertools.chain.from_iterable(spots[fact.id] for fact in matched)) for _, matched in winners})


def _result(criterion: Criterion, lang: str, verdict: str, reason: str, evidence: list[Evidence]) -> Result:
    return Result(criterion=criterion.id, title=criterion.title.get(lang), severity=criterion.severity,
                  verdict=verdict, reason=reason, evidence=evidence)


_STATED = {"en": "stated", "da": "angivet"}
_WORKED_OUT = {"en": "worked out from {source}", "da": "beregnet ud fra {source}"}
_AND = {"en": " and ", "da": " og "}


def format_reason(rule: CompiledRule, facts: list, lang: str) -> str:
    """Fill the rule's reason template with the matched facts, the criterion's params and table row.

    A value worked out from others (`Quantity.basis`) is never passed off as stated: `{alias.stated}` says
    "worked out from 4,6 kWh/24t", and a template that does not use it gets that said after it."""
    values: dict[str, Any] = {alias: _Fields(fact, lang) for alias, fact in zip(rule.aliases, facts, strict=True)}
    values["param"] = _Fields(rule.params, lang)
    values["row"] = _Fields(rule.row or {}, lang)
    template = rule.reason[lang]
    reason = template.format_map(values)
    for alias, fact in zip(rule.aliases, facts, strict=True):
        if isinstance(fact, Quantity) and fact.basis and not any(f"{{{alias}.{name}" in template
                                                                 for name in ("stated", "basis")):
            reason += f" ({_stated(fact, lang)})"
    return reason


def _stated(fact: Any, lang: str) -> str:
    """ "stated", or for a derived quantity what it was worked out from: the decisive words of its sources."""
    if not (isinstance(fact, Quantity) and fact.basis):
        return _STATED[lang]
    sources = [item.focus for item in fact.evidence if item.focus]
    source = _AND[lang].join(dict.fromkeys(sources)) if len(sources) == len(fact.evidence) else fact.basis
    return _WORKED_OUT[lang].format(source=source)


class _Fields:
    """A fact, or a mapping, whose fields format for reasons; `quote` is the fact's first evidence, `words` the
    words of it that decide, `stated` how its value is known (`_stated`)."""

    def __init__(self, source: Any, lang: str):
        self._source = source
        self._lang = lang

    def __getattr__(self, name: str) -> "_Value":
        if isinstance(self._source, dict):
            return _Value(self._source.get(name), self._lang)
        if name == "statement":
            titles = rules_file("statements.yaml").get("titles", {})
            value = self._source.statement
            return _Value(titles.get(value, {}).get(self._lang, value), self._lang)
        if name == "stated":
            return _Value(_stated(self._source, self._lang), self._lang)
        if name in ("quote", "page", "words"):
            first = self._source.evidence[0] if self._source.evidence else None
            value = {"quote": first.text, "page": first.page, "words": first.focus or first.text}[name] if first else ""
            return _Value(value, self._lang)
        return _Value(getattr(self._source, name, None), self._lang)


class _Value:
    def __init__(self, value: Any, lang: str):
        self._value = value
        self._lang = lang

    def __format__(self, spec: str) -> str:
        text = _display(self._value, self._lang)
        if spec.startswith("?"):
            return spec[1:].replace("%s", text) if text else ""
        return format(text, spec)


_DANISH_WORDS = {"requirement": "krav", "award": "tildelingskriterium", "wish": "ønske", "information": "oplysning",
                 "brand": "fabrikatet", "trademark": "varemærket", "standard": "standarden"}
"""Field values that reasons show as words: the Danish report says them in Danish."""


def _display(value: Any, lang: str) -> str:
    if isinstance(value, str) and lang == "da":
        return _DANISH_WORDS.get(value, value)
    if value is None or value is False:
        return ""
    if value is True:
        return "ja" if lang == "da" else "yes"
    if isinstance(value, list):
        return (" eller " if lang == "da" else " or ").join(_display(item, lang) for item in value)
    if isinstance(value, float | int):
        text = f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
        return text.replace(".", ",") if lang == "da" else text
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
