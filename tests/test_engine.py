"""Rules compiled from the catalogue, run in durable-rules, and the choice of one verdict per criterion."""

from datetime import date

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.data import rules_file
from procure_check.engine.compile import CATCH_ALL, MAX_RULES, compile_criteria
from procure_check.engine.durable import RulesEngine
from procure_check.engine.evaluate import judge
from procure_check.facts import (
    Denial,
    Duration,
    EnergyClass,
    Evidence,
    LabelClaim,
    LampCap,
    Quantity,
    Statement,
    Substance,
)

CATALOGUE = load_catalogue()
AS_OF = date(2026, 11, 22)


def _evidence(text: str, page: int = 1) -> list[Evidence]:
    return [Evidence(page=page, text=text)]


def _label(fact_id: str, label: str, **fields) -> LabelClaim:
    return LabelClaim(id=fact_id, label=label, name=label, evidence=_evidence(f"{label} {fields}"), **fields)


def _judge(group: str, facts: list, product_types: list[str] | None = None, kind: str = "product",
           as_of: date = AS_OF):
    criteria = CATALOGUE.for_group(group, kind)
    results = judge(facts, criteria, compile_criteria(criteria, as_of), product_types or [], "en")
    return {result.criterion: result for result in results}


def test_every_group_compiles_below_the_engine_limit():
    for group in CATALOGUE.groups:
        ruleset = compile_criteria(CATALOGUE.for_group(group, "product"), AS_OF)
        assert CATCH_ALL in ruleset.definition
        assert len(ruleset.definition) < MAX_RULES


def test_label_spec_with_grade_compiles_to_label_and_grade():
    ruleset = compile_criteria([CATALOGUE.criteria["IT-P03"]], AS_OF)
    pass_rule = next(name for name, rule in ruleset.rules.items() if rule.verdict == "pass")
    condition = ruleset.definition[pass_rule]["all"][0]["claim"]
    label = next(part["$or"] for part in condition["$and"] if "$or" in part and {"label": "eu-ecolabel"} in part["$or"])
    assert {"$and": [{"label": "epeat"}, {"grade": "Silver"}]} in label


def test_current_label_passes_with_its_evidence():
    results = _judge("cleaning", [_label("l1", "nordic-swan", identifier="5041 0012")])
    assert results["CLEAN-P01"].verdict == "pass"
    assert "(5041 0012)" in results["CLEAN-P01"].reason
    assert results["CLEAN-P01"].evidence[0].text.startswith("nordic-swan")


@pytest.mark.parametrize(
    ("fields", "verdict", "reason"),
    [
        ({"polarity": "negated"}, "fail", "not nordic-swan labelled"),
        ({"polarity": "pending"}, "fail", "only applied for or planned"),
        ({"about": "packaging"}, "fail", "only the packaging"),
        ({"about": "organisation"}, "unknown", "for the company"),
        ({"about": "other_product"}, "unknown", "claimed for other products than this one"),
        ({"valid_until": date(2025, 3, 31)}, "fail", "expired on 2025-03-31"),
        ({"ended": True}, "fail", "no longer valid"),
    ],
)
def test_label_claims_that_are_not_current_product_claims_never_pass(fields, verdict, reason):
    result = _judge("cleaning", [_label("l1", "nordic-swan", **fields)])["CLEAN-P01"]
    assert result.verdict == verdict
    assert reason in result.reason
    assert result.evidence


def test_a_current_label_outweighs_a_denied_other_label():
    facts = [_label("l1", "eu-ecolabel", polarity="negated"), _label("l2", "nordic-swan")]
    assert _judge("cleaning", facts)["CLEAN-P01"].verdict == "pass"


def test_the_same_label_claimed_and_denied_is_a_contradiction():
    facts = [_label("l1", "nordic-swan"), _label("l2", "nordic-swan", polarity="negated")]
    result = _judge("cleaning", facts)["CLEAN-P01"]
    assert result.verdict == "fail"
    assert "contradictory" in result.reason
    assert len(result.evidence) == 2


def test_no_evidence_is_unknown_for_products():
    results = _judge("cleaning", [])
    assert {r.verdict for r in results.values()} == {"unknown"}
    assert all(not r.evidence for r in results.values())
    assert "not stated in the document" in results["CLEAN-P03"].reason


def test_outdated_and_insufficient_it_certificates_fail_but_a_current_one_passes():
    outdated = [_label("l1", "energy-star", legacy=True), _label("l2", "epeat", grade="Bronze")]
    assert _judge("it", outdated)["IT-P03"].verdict == "fail"
    with_current = [*outdated, _label("l3", "tco-certified", generation=9)]
    result = _judge("it", with_current)["IT-P03"]
    assert result.verdict == "pass"
    assert "generation 9" in result.reason
    assert _judge("it", [_label("l1", "epeat", grade="Silver")])["IT-P03"].verdict == "pass"


@pytest.mark.parametrize(
    ("fields", "verdict", "reason"),
    [
        ({"generation": 8}, "fail", "generation 8 is no longer current"),
        ({"generation": 9}, "pass", "generation 9 claimed"),
        ({"generation": 11}, "pass", "generation 11 claimed"),
        ({}, "pass", "TCO Certified claimed"),
        ({"legacy": True}, "fail", "only an outdated claim"),
        ({"legacy": True, "valid_until": date(2030, 1, 1)}, "fail", "only an outdated claim"),
        ({"generation": 8, "valid_until": date(2020, 1, 1)}, "fail", "generation 8 is no longer current"),
        ({"generation": 9, "valid_until": date(2020, 1, 1)}, "fail", "expired on 2020-01-01"),
    ],
)
def test_the_rules_judge_a_claims_generation_and_legacy_name_against_the_criterion(fields, verdict, reason):
    """IT-P03 names the oldest current generation (`oldest_generation: 9`); a legacy name is never current."""
    claim = LabelClaim(id="l1", label="tco-certified", name="TCO Certified", evidence=_evidence("TCO"), **fields)
    result = _judge("it", [claim])["IT-P03"]
    assert (result.verdict, reason in result.reason) == (verdict, True), result.reason


@pytest.mark.parametrize(
    ("as_of", "verdict"),
    [(date(2025, 3, 30), "pass"), (date(2025, 3, 31), "pass"), (date(2025, 4, 1), "fail")],
)
def test_the_rules_judge_a_validity_date_against_the_day_checked(as_of, verdict):
    claim = _label("l1", "nordic-swan", identifier="5041 0012", valid_until=date(2025, 3, 31))
    assert _judge("cleaning", [claim], as_of=as_of)["CLEAN-P01"].verdict == verdict


def test_a_bare_claim_judged_with_the_certificate_it_speaks_of():
    """`refer_to_certificates` gives a bare claim its certificate's date; on the day checked, both have expired."""
    from procure_check.extract.labels import refer_to_certificates

    facts = refer_to_certificates([_label("l1", "nordic-swan"),
                                   _label("l2", "nordic-swan", identifier="5012 1187", valid_until=date(2024, 6, 30))])
    result = _judge("cleaning", facts)["CLEAN-P01"]
    assert (result.verdict, "expired on 2024-06-30" in result.reason) == ("fail", True)
    assert _judge("cleaning", facts, as_of=date(2024, 1, 1))["CLEAN-P01"].verdict == "pass"


def test_scope_makes_out_of_scope_criteria_not_applicable():
    results = _judge("it", [], product_types=["laptop"])
    assert results["IT-P01"].verdict == "not_applicable"
    assert results["IT-P02"].verdict == "unknown"


def test_thresholds_compare_values():
    warranty = [Duration(id="d1", subject="warranty", years=3, evidence=_evidence("Garanti: 3 år"))]
    assert _judge("it", warranty)["IT-P04"].verdict == "pass"
    short = [Duration(id="d1", subject="warranty", years=1, evidence=_evidence("1 års garanti"))]
    result = _judge("it", short)["IT-P04"]
    assert (result.verdict, result.reason) == ("fail", "1 year(s) stated, at least 2 required")


@pytest.mark.parametrize(
    ("cap", "cls", "verdict"),
    [("E27", "C", "pass"), ("E27", "D", "fail"), ("E14", "D", "pass"), ("E14", "F", "fail"), ("GU10", "E", "pass"),
     ("GU10", "G", "fail"), ("GU5.3", "F", "pass"), ("T8", "E", "fail")],
)
def test_lamp_class_limit_depends_on_the_cap(cap, cls, verdict):
    facts = [
        LampCap(id="c1", cap=cap, directional=cap.startswith("GU"), evidence=_evidence(cap)),
        EnergyClass(id="e1", cls=cls, scale="rescaled", rank="ABCDEFG".index(cls) + 1, evidence=_evidence(cls)),
    ]
    assert _judge("lighting", facts)["LIGHT-P01"].verdict == verdict


def test_old_scale_monitor_class_is_outdated():
    facts = [EnergyClass(id="e1", cls="A++", scale="old", rank=-1, evidence=_evidence("Energy class A++"))]
    result = _judge("it", facts, product_types=["monitor"])["IT-P01"]
    assert result.verdict == "fail"
    assert "old A+++ scale" in result.reason


def test_fail_statement_beats_a_pass_statement():
    facts = [Statement(id="s1", statement="no_propellant", evidence=_evidence("pumpespray")),
             Statement(id="s2", statement="propellant", evidence=_evidence("H229"))]
    assert _judge("cleaning", facts)["CLEAN-P02"].verdict == "fail"


def test_sessions_are_released_so_many_documents_fit_in_one_engine():
    """durable-rules gives MemoryError after 1,024 live sessions per ruleset."""
    engine = RulesEngine()
    ruleset = compile_criteria(CATALOGUE.for_group("cleaning", "product"), AS_OF)
    fact = _label("l1", "nordic-swan").engine_view()
    for _ in range(1100):
        fired = engine.evaluate(ruleset, [fact])
        assert [name.split("#")[0] for name, _ in fired] == ["CLEAN-P01"]


def _said_of(about: str, skip: set[str] = frozenset()) -> list:
    """Every statement, denial and substance declaration there is, and a recycled share, each about `about`."""
    facts: list = []
    for name in rules_file("statements.yaml")["statements"]:
        if name not in skip:
            facts += [Statement(id=f"s-{name}", statement=name, about=about, evidence=_evidence(name)),
                      Denial(id=f"d-{name}", statement=name, about=about, evidence=_evidence(f"ikke {name}"))]
    facts.append(Quantity(id="q-recycled", quantity="percentage", value=100, unit="%", context="recycled",
                          about=about, evidence=_evidence("100 % genanvendt")))
    for group in rules_file("substances.yaml")["groups"]:
        facts += [Substance(id=f"{presence}-{group}", substance=group, group=group, presence=presence, about=about,
                            evidence=_evidence(f"{group} {presence}"))
                  for presence in ("present", "absent")]
    return facts


@pytest.mark.parametrize("about", ["packaging", "organisation"])
@pytest.mark.parametrize("group", sorted(CATALOGUE.groups))
def test_what_is_said_of_the_packaging_or_company_decides_nothing(group: str, about: str):
    """Statements, denials, substances and recycled shares about another subject than the product give no
    verdict a document without them would not get (the weak passes of CLEAN-P02 aside: the pack is the
    product's form)."""
    weak = {name for criterion in CATALOGUE.criteria.values() for name in criterion.params.get("weak_passes", [])}
    alone = {criterion: (result.verdict, result.reason) for criterion, result in _judge(group, []).items()}
    said = _judge(group, _said_of(about, skip=weak if about == "packaging" else set()))
    assert {criterion: (result.verdict, result.reason) for criterion, result in said.items()} == alone


@pytest.mark.parametrize(("about", "verdict"),
                         [("product", "pass"), ("packaging", "pass"), ("organisation", "unknown")])
def test_a_pack_is_evidence_of_the_product_form(about: str, verdict: str):
    """"Emballage: 5 l og 10 l dunk" is about the packaging, and it shows that the product is no spray can."""
    pack = Statement(id="s1", statement="non_aerosol_pack", about=about,
                     evidence=_evidence("Emballage: 5 l og 10 l dunk"))
    assert _judge("cleaning", [pack])["CLEAN-P02"].verdict == verdict


def test_a_substance_declared_absent_only_for_the_packaging_passes_nothing():
    free = Substance(id="x1", substance="pvc-fri", group="pvc", presence="absent", about="packaging",
                     evidence=_evidence("Emballagen er PVC-fri."))
    product = Substance(id="x2", substance="pvc-frit", group="pvc", presence="absent", about="product",
                        evidence=_evidence("Banneret er PVC-frit."))
    rollup = next(c.id for c in CATALOGUE.criteria.values() if c.params.get("groups") == ["pvc"])
    group = CATALOGUE.criteria[rollup].group
    assert _judge(group, [free], ["rollup"])[rollup].verdict == "unknown"
    assert _judge(group, [free, product], ["rollup"])[rollup].verdict == "pass"
