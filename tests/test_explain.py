"""`procure-check explain`: the facts, the fired rules and why the verdict follows; and the engine hook."""

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker, tender_sets
from procure_check.cli import main
from procure_check.engine.evaluate import precedence
from procure_check.explain import explain, why
from procure_check.waivers import Waiver

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 22)
OVEN_CLEANER = ROOT / "samples/products/cleaning/ovnrens_aerosol_drivgas.pdf"
KITCHEN_TENDER = ROOT / "samples/tenders/storkoekken_nordvig_mangler"

PLAIN = """Product data sheet: Floor cleaner
Cleaning agent for floors. The product is not Nordic Swan labelled.
Contains perfume.
"""


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _run(*args: str):
    return CliRunner(env={"COLUMNS": "120"}).invoke(main, list(args), catch_exceptions=False)


def test_explain_shows_the_facts_the_fired_rule_and_why(tmp_path):
    sheet = tmp_path / "plain.txt"
    sheet.write_text(PLAIN, encoding="utf-8")
    result = _run("explain", "clean-p01", str(sheet), "--lang", "en", "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "CLEAN-P01  Ecolabelled cleaning agent" in out
    assert "Verdict: FAIL" in out
    assert "label: label=nordic-swan" in out and "polarity=negated" in out  # the fact, its fields
    assert "p. 1: “The product is not Nordic Swan labelled.”" in out  # its evidence
    assert "CLEAN-P01#" in out and "★ decides" in out  # the fired rule
    assert "The rule with the highest priority decides" in out


def test_explain_absence_and_the_danish_text(tmp_path):
    sheet = tmp_path / "plain.txt"
    sheet.write_text(PLAIN, encoding="utf-8")
    out = _run("explain", "CLEAN-P03", str(sheet), "--lang", "en").stdout
    assert "Verdict: UNKNOWN" in out and "a product criterion without evidence is UNKNOWN" in out
    out = _run("explain", "CLEAN-P03", str(sheet), "--lang", "da").stdout
    assert "Vurdering: UKENDT" in out and "Hvorfor" in out and "uden dokumentation er UKENDT" in out


def test_explain_a_tie_of_verdicts(catalogue):
    explanation = explain(catalogue, catalogue.criteria["CLEAN-P02"], OVEN_CLEANER, as_of=AS_OF)
    decision = explanation.decision
    assert decision.basis == "rules" and decision.result.verdict == "fail"
    best = max(precedence(rule) for rule, _ in decision.fired)
    assert all(precedence(rule) == best for rule, _ in decision.winners)
    assert {fact.id for _, facts in decision.winners for fact in facts} <= explanation.matched
    assert explanation.facts and explanation.facts[0].id in explanation.matched  # matched facts first
    assert "FAIL" in why(explanation)


def test_explain_a_tender_criterion(catalogue):
    result = _run("explain", "KITCH-T02", str(KITCHEN_TENDER), "--lang", "en", "--as-of", "2026-11-22")
    assert result.exit_code == 0
    assert "Verdict: FAIL" in result.stdout and "KITCH-T02#" in result.stdout
    assert "tender_value" in result.stdout and "udbudsmateriale.txt p. 1" in result.stdout


def test_explain_out_of_scope(catalogue, tmp_path):
    towel = tmp_path / "towel.txt"
    towel.write_text("Produktdatablad: Håndklæde\nFrotté håndklæde, 100 % bomuld.\n", encoding="utf-8")
    checked = Checker(catalogue, as_of=AS_OF).check_product(towel, "textiles")
    scoped = [r.criterion for r in checked.results if r.verdict == "not_applicable"]
    assert scoped, "a textiles criterion for other product types"
    explanation = explain(catalogue, catalogue.criteria[scoped[0]], towel, as_of=AS_OF, group="textiles")
    assert explanation.decision.basis == "out_of_scope"
    assert "does not apply" in why(explanation)


def test_explain_a_criterion_of_another_group(tmp_path):
    sheet = tmp_path / "plain.txt"
    sheet.write_text(PLAIN, encoding="utf-8")
    result = _run("explain", "LIGHT-P01", str(sheet), "--lang", "en")
    assert result.exit_code == 0
    assert "LIGHT-P01 is a criterion of group lighting" in result.stdout and "--group lighting" in result.stdout


def test_explain_with_a_waiver(catalogue, tmp_path):
    sheet = tmp_path / "plain.txt"
    sheet.write_text(PLAIN, encoding="utf-8")
    waiver = Waiver(criterion="CLEAN-P01", reason="Not required here", source="w.toml")
    explanation = explain(catalogue, catalogue.criteria["CLEAN-P01"], sheet, as_of=AS_OF, waivers=[waiver])
    assert explanation.result.verdict == "waived"
    assert "A waiver (w.toml) covers it: “Not required here”" in why(explanation)


def test_explain_errors(tmp_path):
    result = _run("explain", "NOPE-P01", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and "unknown criterion 'NOPE-P01'" in result.stderr
    result = _run("explain", "CLEAN-P01", str(tmp_path / "missing.txt"), "--group", "cleaning")
    assert result.exit_code == 2 and "[not_found]" in result.stdout


@pytest.mark.parametrize("sample", [
    "samples/products/cleaning/ovnrens_aerosol_drivgas.pdf",
    "samples/products/cleaning/toiletgel_ansoegning_svanemaerket.docx",
    "samples/products/it",
    "samples/products/textiles",
])
def test_explain_agrees_with_the_report(catalogue, sample):
    """explain runs the same pipeline as `product`: the same verdict for every criterion of every document."""
    checker = Checker(catalogue, as_of=AS_OF, lang="en")
    path = ROOT / sample
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix != ".md") if path.is_dir() else [path]
    for file in files[:3]:
        document = checker.check_product(file)
        for result in document.results:
            explanation = explain(catalogue, catalogue.criteria[result.criterion], file, as_of=AS_OF)
            assert explanation.decision.result == result, (file.name, result.criterion)
            assert explanation.result == result


def test_explain_agrees_with_the_tender_report(catalogue):
    checker = Checker(catalogue, as_of=AS_OF, lang="en")
    ((name, members),) = tender_sets([KITCHEN_TENDER])
    document = checker.check_tender(members, None, name)
    for result in document.results:
        explanation = explain(catalogue, catalogue.criteria[result.criterion], KITCHEN_TENDER, as_of=AS_OF)
        assert explanation.result == result, result.criterion
