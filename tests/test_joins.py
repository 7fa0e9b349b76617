"""Rules join only facts that belong together: aliases joined by `same` are matched as pairs; an alias not
joined to the rule's first one is a part of its own, proved by any fact, so the work grows with the facts."""

from procure_check.catalogue import EXAMPLES_AS_OF as AS_OF
from procure_check.catalogue import load_catalogue
from procure_check.engine.compile import CompiledRuleset, compile_criteria
from procure_check.engine.durable import engine
from procure_check.engine.evaluate import decide
from procure_check.facts import Evidence, TenderLabel, TenderTopic

CATALOGUE = load_catalogue()


def _label(number: int, other_proof: bool = False) -> TenderLabel:
    return TenderLabel(id=f"l{number}", label="nordic-swan", name="Svanemærket", equivalent=True,
                       other_proof=other_proof, partial=False, criteria_named=False, modality="requirement",
                       clause=f"{number}.1", evidence=[Evidence(page=number, text=f"{number}.1 Svanemærket")])


def _topic(number: int, topic: str, clause: str | None = None) -> TenderTopic:
    return TenderTopic(id=f"t{number}", topic=topic, modality="requirement", clause=clause or f"9.{number}",
                       evidence=[Evidence(page=100 + number, text=f"9.{number} {topic}")])


def _decisions(group: str, facts: list) -> dict:
    criteria = CATALOGUE.for_group(group, "tender")
    decisions = decide(facts, criteria, compile_criteria(criteria, AS_OF), [], "en")
    return {decision.criterion.id: decision for decision in decisions}


def test_an_unjoined_alias_is_a_part_and_a_joined_one_is_not():
    ruleset = compile_criteria([CATALOGUE.criteria["LEGAL-T02"], CATALOGUE.criteria["TEXT-T03"]], AS_OF)
    other_proof = next(rule for rule in ruleset.rules.values() if rule.aliases == ("req", "general"))
    assert [list(c) for c in ruleset.definition[other_proof.name]["all"]] == [["req"]]
    restricted = [rule for rule in ruleset.rules.values() if rule.aliases in (("req", "refused"), ("req", "named"))]
    assert ruleset.parts == {part: ("general",) for part in other_proof.parts} | {
        part: rule.aliases[1:] for rule in restricted for part in rule.parts} | {
        part: ("also",) for rule in ruleset.rules.values() if rule.aliases == ("req", "with", "also")
        for part in rule.parts}
    with_topics = next(rule for rule in ruleset.rules.values() if rule.aliases == ("req", "with", "also"))
    assert [list(c) for c in ruleset.definition[with_topics.name]["all"]] == [["req"], ["with"]]


def test_work_grows_with_the_facts_not_with_their_pairs():
    """Every label requirement with every clause accepting other proof was 2 x 400 x 400 firings. Now the engine
    sees each kind of requirement once (they differ only in fields no rule reads), and what fires for it fires
    for each requirement: the rules matched grow with the facts."""
    def firings(count: int) -> tuple[int, int]:
        facts = [_label(n) for n in range(1, count + 1)] + [_topic(n, "other_proof") for n in range(1, count + 1)]
        before = engine().firings
        decision = _decisions("cleaning", facts)["LEGAL-T02"]
        assert decision.result.verdict == "pass"
        return engine().firings - before, len(decision.fired)

    (engine_100, matched_100), (engine_400, matched_400) = firings(100), firings(400)
    assert engine_400 == engine_100 < 10
    assert matched_400 == 4 * matched_100


def test_facts_alike_stand_for_each_other_only_where_no_rule_reads_their_difference():
    ruleset = compile_criteria(CATALOGUE.for_group("textiles", "tender"), AS_OF)
    assert ruleset.merges_alike and "clause" in ruleset.read_fields  # TEXT-T03 joins a label and a topic by clause
    facts = [_label(1), _label(2), _topic(1, "laundry_service", clause="1.1")]
    fired = engine().evaluate(ruleset, [fact.engine_view() for fact in facts])
    laundry = {tuple(fact["id"] for fact in matched.values()) for name, matched in fired if name.startswith("TEXT-T03")}
    assert laundry == {("l1", "t1")}  # the label of clause 2.1 is not the laundry's
    cleaning = compile_criteria(CATALOGUE.for_group("cleaning", "tender"), AS_OF)
    assert "clause" not in cleaning.read_fields and "id" not in cleaning.read_fields


def test_a_rule_joining_two_facts_that_could_be_alike_keeps_every_fact_apart():
    definition = {"pair": {"all": [{"a": {"kind": "tender_label"}}, {"b": {"$and": [{"kind": "tender_label"},
                                                                                  {"label": {"a": "label"}}]}}]}}
    assert not CompiledRuleset(definition, {}).merges_alike
    apart = {"pair": {"all": [{"a": {"kind": "tender_label"}}, {"b": {"kind": "tender_topic"}}]}}
    assert CompiledRuleset(apart, {}).merges_alike


def test_the_first_part_match_in_document_order_gives_the_reason_and_the_evidence():
    facts = [_label(1), _label(2), _topic(1, "other_proof"), _topic(2, "other_proof")]
    result = _decisions("cleaning", facts)["LEGAL-T02"].result
    assert result.reason == "other appropriate proof is accepted (clause 9.1, p. 101)"
    assert [item.text for item in result.evidence] == ["1.1 Svanemærket", "9.1 other_proof", "9.2 other_proof",
                                                       "2.1 Svanemærket"]


def test_a_rule_whose_part_matches_nothing_does_not_fire():
    decision = _decisions("cleaning", [_label(1), _label(2)])["LEGAL-T02"]
    assert decision.result.verdict == "fail"
    assert {rule.verdict for rule, _ in decision.fired} == {"fail"}


def test_joined_aliases_still_pair_by_their_key():
    """TEXT-T03: a label required in the clause that is about the laundry service, and logistics anywhere."""
    facts = [_label(1), _label(2), _topic(1, "laundry_service", clause="2.1"), _topic(2, "logistics")]
    decision = _decisions("textiles", facts)["TEXT-T03"]
    assert decision.result.verdict == "pass"
    assert [[fact.id for fact in matched] for _, matched in decision.winners] == [["l2", "t1", "t2"]]
    unjoined = _decisions("textiles", [_label(1), _topic(1, "laundry_service", clause="7.1"), _topic(2, "logistics")])
    assert unjoined["TEXT-T03"].result.verdict == "fail"
