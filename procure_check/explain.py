"""`procure-check explain ID PATH`: why one criterion got its verdict for one document.

It runs the same pipeline as `procure-check product`/`tender` (a `Checker` whose judging step also
keeps the facts and the decisions) and shows the facts of the kinds the criterion looks at, the
rules that fired for it, and how the verdict follows: the highest priority wins, on a tie fail beats
unknown beats pass; without a fired rule the check kind says what absence means (else unknown for
a product, fail for a tender); a criterion for other product types does not apply.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from procure_check.catalogue import Catalogue, Criterion
from procure_check.check import Checker, tender_sets
from procure_check.engine.checks import check_kinds
from procure_check.engine.compile import CompiledRule, CompiledRuleset
from procure_check.engine.evaluate import Decision, decide, format_reason, precedence
from procure_check.report.terminal import VERDICT_STYLE
from procure_check.report.words import evidence_place, group_line, verdict_word, words
from procure_check.results import DocumentReport, Result
from procure_check.waivers import Waiver, apply_waivers, find_waiver

MAX_FACTS = 25
"""Facts shown (those the criterion's rules matched first); the count of the rest is given."""

_TEXT = {
    "en": {
        "document": "Document", "verdict": "Verdict", "facts": "Facts found", "rules": "Rules that fired",
        "why": "Why", "none": "none", "matched": "matched", "rule": "Rule", "priority": "Priority",
        "decides": "decides", "not_fired": "Rules of this criterion that did not fire",
        "more_facts": "… and {count} more", "fact": "Fact", "fields": "Fields",
        "kinds": "(kinds the criterion looks at: {kinds})",
        "out_of_scope": "The criterion applies to {scope}; the document is about {types}. "
                        "A criterion for other product types does not apply: {verdict}.",
        "rules_one": "The rule with the highest priority decides ({priority}): {verdict}.",
        "rules_tie": "The highest priority that fired is {priority}, with verdicts {verdicts}. "
                     "On a tie fail beats unknown beats pass: {verdict}.",
        "rules_many": "Rules fired {count} times; the highest priority ({priority}) decides, on a tie fail "
                      "beats unknown beats pass: {verdict}.",
        "absent": "No rule fired. For the check kind '{check}' that means {verdict}.",
        "no_evidence_product": "No rule fired: a product criterion without evidence is {verdict} "
                               "(the supplier must document it).",
        "no_evidence_tender": "No rule fired: a tender criterion that is not found is {verdict}.",
        "waived": "A waiver ({source}) covers it: “{reason}”. The report shows {waived}; the evidence gave "
                  "{verdict}, which no longer counts against compliance or the exit code.",
        "other_group": "{criterion} is a criterion of group {group}; the document was checked as {document} "
                       "({source}). Give --group {group} to check it as {group}.",
        "not_in_set": "{criterion} is not among the criteria checked for this document.",
    },
    "da": {
        "document": "Dokument", "verdict": "Vurdering", "facts": "Fundne fakta", "rules": "Regler der slog til",
        "why": "Hvorfor", "none": "ingen", "matched": "brugt", "rule": "Regel", "priority": "Prioritet",
        "decides": "afgør", "not_fired": "Regler for kriteriet der ikke slog til",
        "more_facts": "… og {count} mere", "fact": "Faktum", "fields": "Felter",
        "kinds": "(de slags fakta kriteriet ser på: {kinds})",
        "out_of_scope": "Kriteriet gælder for {scope}; dokumentet handler om {types}. "
                        "Et kriterium for andre produkttyper er ikke relevant: {verdict}.",
        "rules_one": "Reglen med højest prioritet afgør ({priority}): {verdict}.",
        "rules_tie": "Den højeste prioritet der slog til er {priority}, med vurderingerne {verdicts}. "
                     "Ved lighed går ikke opfyldt forud for ukendt, der går forud for opfyldt: {verdict}.",
        "rules_many": "Regler slog til {count} gange; den højeste prioritet ({priority}) afgør, ved lighed går "
                      "ikke opfyldt forud for ukendt, der går forud for opfyldt: {verdict}.",
        "absent": "Ingen regel slog til. For kontroltypen '{check}' betyder det {verdict}.",
        "no_evidence_product": "Ingen regel slog til: et produktkriterium uden dokumentation er {verdict} "
                               "(leverandøren skal dokumentere det).",
        "no_evidence_tender": "Ingen regel slog til: et udbudskriterium der ikke findes, er {verdict}.",
        "waived": "En undtagelse ({source}) dækker det: “{reason}”. Rapporten viser {waived}; dokumentationen gav "
                  "{verdict}, som ikke længere tæller imod opfyldelse eller exit-koden.",
        "other_group": "{criterion} er et kriterium i gruppen {group}; dokumentet blev kontrolleret som {document} "
                       "({source}). Angiv --group {group} for at kontrollere det som {group}.",
        "not_in_set": "{criterion} er ikke blandt de kriterier, der blev kontrolleret for dokumentet.",
    },
}


@dataclass
class Explanation:
    """One criterion for one document: the report, the decision and the facts behind it."""

    criterion: Criterion
    document: DocumentReport
    """The document's report, waivers applied."""
    decision: Decision | None = None
    """None when the document could not be read or the criterion was not checked for it."""
    facts: list = field(default_factory=list)
    """The document's facts of the kinds the criterion's check looks at, matched ones first."""
    fact_count: int = 0
    """How many such facts there are in all (`facts` stops at MAX_FACTS)."""
    matched: set[str] = field(default_factory=set)
    """Ids of the facts that the criterion's fired rules matched."""
    rules: list[CompiledRule] = field(default_factory=list)
    """Every rule compiled for the criterion (fired or not)."""
    product_types: list[str] = field(default_factory=list)
    waiver: Waiver | None = None
    other_group: bool = False
    """The criterion is not one of the document's group (the group was detected or given differently)."""

    @property
    def result(self) -> Result | None:
        return next((r for r in self.document.results if r.criterion == self.criterion.id), None)


class _ExplainingChecker(Checker):
    """A Checker that keeps what its judging step saw: the facts, the ruleset and the decisions."""

    facts: list
    ruleset: CompiledRuleset | None = None
    decisions: list[Decision]
    product_types: list[str]

    def _judge(self, facts, criteria, ruleset, product_types):
        self.facts, self.ruleset, self.product_types = facts, ruleset, product_types
        self.decisions = decide(facts, criteria, ruleset, product_types, self.lang)
        return [decision.result for decision in self.decisions]


def explain(
    catalogue: Catalogue, criterion: Criterion, path: Path, *, as_of: date, lang: str = "en",
    group: str | None = None, password: str | None = None, waivers: list[Waiver] | None = None,
) -> Explanation:
    """Check `path` as `procure-check product` (`tender` for a tender criterion) would; explain one criterion."""
    checker = _ExplainingChecker(catalogue, as_of=as_of, lang=lang, password=password)
    if criterion.kind == "product":
        document = checker.check_product(path, group)
    else:
        name, members = (tender_sets([path]) or [(str(path), [path])])[0]
        document = checker.check_tender(members, group, name)
    waivers = waivers or []
    document = apply_waivers(checker.report([document]), waivers).documents[0]
    explanation = Explanation(criterion=criterion, document=document)
    decision = next((d for d in getattr(checker, "decisions", []) if d.criterion.id == criterion.id), None)
    if decision is None:
        explanation.other_group = bool(document.group) and criterion not in catalogue.for_group(
            document.group, criterion.kind)
        return explanation
    kinds = _fact_kinds(criterion)
    matched = {fact.id for _, facts in decision.fired for fact in facts}
    relevant = [fact for fact in checker.facts if fact.kind in kinds or fact.id in matched]
    relevant.sort(key=lambda fact: fact.id not in matched)  # stable: matched first, then document order
    explanation.decision = decision
    explanation.facts = relevant[:MAX_FACTS]
    explanation.fact_count = len(relevant)
    explanation.matched = matched
    explanation.rules = [rule for rule in checker.ruleset.rules.values() if rule.criterion == criterion.id]
    explanation.product_types = checker.product_types
    explanation.waiver = find_waiver(waivers, criterion.id, document)
    return explanation


def _fact_kinds(criterion: Criterion) -> list[str]:
    """The fact kinds the criterion's check kind has conditions on, in the order its rules name them."""
    kinds: list[str] = []
    for template in check_kinds()[criterion.check].rules:
        conditions = list(template.when.values()) + ([template.each.when] if template.each else [])
        for condition in conditions:
            kind = condition.get("kind")
            if isinstance(kind, str) and kind not in kinds:
                kinds.append(kind)
    return kinds


def render_explanation(explanation: Explanation, lang: str = "en") -> Group:
    t = _TEXT["da" if lang == "da" else "en"]
    w = words(lang)
    criterion, document = explanation.criterion, explanation.document
    title = Text(f"{criterion.id}  ", style="bold")
    title.append(criterion.title.get(lang), style="bold")
    title.append(f"  ({w[criterion.severity]}, {criterion.check})", style="dim")
    place = Text(f"{t['document']}: ", style="dim")
    place.append(document.path, style="bold")
    parts = [title, place]
    if document.error:
        line = Text(f"{w['error']} [{document.error.code}] ", style="bold red")
        line.append(document.error.message)
        return Group(*parts, line)
    place.append("  " + group_line(document, lang), style="dim")
    decision, result = explanation.decision, explanation.result
    if decision is None or result is None:
        if explanation.other_group:
            note = t["other_group"].format(criterion=criterion.id, group=criterion.group, document=document.group,
                                           source=document.group_source)
        else:
            note = t["not_in_set"].format(criterion=criterion.id)
        return Group(*parts, Text(note, style="yellow"))
    verdict = Text(f"{t['verdict']}: ", style="bold")
    verdict.append(verdict_word(result.verdict, lang), style=VERDICT_STYLE[result.verdict])
    verdict.append(f"  {result.reason}")
    parts += [verdict, Text(), _facts_table(explanation, lang), Text(), _rules_table(explanation, lang)]
    not_fired = [rule for rule in explanation.rules if rule.name not in {r.name for r, _ in decision.fired}]
    if not_fired:
        line = Text(f"{t['not_fired']}: ", style="dim")
        line.append(", ".join(f"{rule.name} ({verdict_word(rule.verdict, lang)}, {rule.priority})"
                              for rule in sorted(not_fired, key=precedence, reverse=True)), style="dim")
        parts.append(line)
    parts += [Text(), Text(t["why"], style="bold"), Text(why(explanation, lang))]
    return Group(*parts)


def why(explanation: Explanation, lang: str = "en") -> str:
    """The precedence rule, applied: how the verdict follows from what fired (or did not)."""
    t = _TEXT["da" if lang == "da" else "en"]
    decision = explanation.decision
    judged = decision.result.verdict
    word = verdict_word(judged, lang)
    if decision.basis == "out_of_scope":
        text = t["out_of_scope"].format(scope=", ".join(decision.criterion.scope),
                                        types=", ".join(explanation.product_types), verdict=word)
    elif decision.basis == "absent":
        text = t["absent"].format(check=decision.criterion.check, verdict=word)
    elif decision.basis == "no_evidence":
        text = t[f"no_evidence_{decision.criterion.kind}"].format(verdict=word)
    else:
        priority = decision.winners[0][0].priority
        at_top = list(dict.fromkeys(rule.verdict for rule, _ in decision.fired if rule.priority == priority))
        if len(decision.fired) == 1:
            text = t["rules_one"].format(priority=priority, verdict=word)
        elif len(at_top) > 1:
            text = t["rules_tie"].format(priority=priority, verdict=word,
                                         verdicts=", ".join(verdict_word(v, lang) for v in at_top))
        else:
            text = t["rules_many"].format(count=len(decision.fired), priority=priority, verdict=word)
    waiver = explanation.waiver
    if waiver and explanation.result and explanation.result.verdict == "waived":
        text += " " + t["waived"].format(source=waiver.source, reason=waiver.reason,
                                         waived=verdict_word("waived", lang), verdict=word)
    return text


def _facts_table(explanation: Explanation, lang: str) -> Table:
    t = _TEXT["da" if lang == "da" else "en"]
    w = words(lang)
    kinds = ", ".join(_fact_kinds(explanation.criterion))
    table = Table(title=f"{t['facts']} {t['kinds'].format(kinds=kinds)}", title_justify="left",
                  title_style="bold", expand=True, pad_edge=False)
    table.add_column(t["fact"], no_wrap=True)
    table.add_column(t["fields"], ratio=2)
    table.add_column(w["evidence"], ratio=2)
    if not explanation.facts:
        table.add_row(Text(t["none"], style="dim"), "", "")
    for fact in explanation.facts:
        name = Text(fact.id, style="bold" if fact.id in explanation.matched else "")
        if fact.id in explanation.matched:
            name.append(f"\n✓ {t['matched']}", style="green")
        fields = ", ".join(f"{key}={value}" for key, value in fact.engine_view().items()
                           if key not in ("id", "kind") and value not in ("", None, False))
        evidence = Text()
        for number, item in enumerate(fact.evidence[:2]):
            if number:
                evidence.append("\n")
            evidence.append(f"{evidence_place(item, lang)}: ", style="cyan")
            evidence.append(f"“{item.text}”", style="italic")
        table.add_row(name, Text(f"{fact.kind}: {fields}"), evidence)
    hidden = explanation.fact_count - len(explanation.facts)
    if hidden:
        table.add_row(Text(t["more_facts"].format(count=hidden), style="dim"), "", "")
    return table


def _rules_table(explanation: Explanation, lang: str) -> Table:
    t = _TEXT["da" if lang == "da" else "en"]
    w = words(lang)
    decision = explanation.decision
    table = Table(title=t["rules"], title_justify="left", title_style="bold", expand=True, pad_edge=False)
    table.add_column(t["rule"], no_wrap=True)
    table.add_column(w["verdict"], no_wrap=True)
    table.add_column(t["priority"], justify="right", no_wrap=True)
    table.add_column(t["fact"], no_wrap=True)
    table.add_column(w["reason"], ratio=1)
    if not decision.fired:
        table.add_row(Text(t["none"], style="dim"), "", "", "", "")
    winners = {(rule.name, tuple(fact.id for fact in facts)) for rule, facts in decision.winners}
    for rule, facts in sorted(decision.fired, key=lambda item: precedence(item[0]), reverse=True):
        deciding = (rule.name, tuple(fact.id for fact in facts)) in winners
        name = Text(rule.name, style="bold" if deciding else "")
        if deciding:
            name.append(f"\n★ {t['decides']}", style="bold")
        table.add_row(name, Text(verdict_word(rule.verdict, lang), style=VERDICT_STYLE[rule.verdict]),
                      str(rule.priority), Text(", ".join(fact.id for fact in facts)),
                      Text(format_reason(rule, facts, lang)))
    return table


def print_explanation(explanation: Explanation, console: Console, lang: str = "en") -> None:
    console.print(render_explanation(explanation, lang))
