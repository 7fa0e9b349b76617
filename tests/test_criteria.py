"""Every criterion of the catalogue, end to end on the example texts it carries (`examples:` in criteria/*.yaml).

Each example is written to a text file and checked with `Checker`, the group given explicitly (as `--group`
does): a product criterion's example as a data sheet, a tender criterion's as a tender. The test asserts
the verdict, the part of the reason the example names and, for `pass` and `fail`, that the evidence quotes
the deciding words on the right page. The tests are generated from the catalogue, so a criterion added
with its examples is tested without a line of Python; `test_every_criterion_has_examples` keeps every
criterion covered.
"""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.catalogue import Catalogue, Criterion, Example, load_catalogue
from procure_check.check import Checker
from procure_check.cli import main
from procure_check.engine.checks import check_kinds
from procure_check.results import Result

CATALOGUE = load_catalogue()
_CHECKERS: dict[tuple[str, object], Checker] = {}
"""Checkers by catalogue digest and date, so that each group's rules are compiled once."""


def examples(catalogue: Catalogue) -> list:
    """One test parameter per example of the catalogue: `(criterion, example)`, named after both."""
    return [pytest.param(criterion, example, id=f"{criterion.id}-{example.verdict}-{example.name}")
            for criterion in catalogue.criteria.values() for example in criterion.examples]


def judge(catalogue: Catalogue, criterion: Criterion, example: Example, folder: Path) -> Result:
    """The criterion's result on the example's text, checked as a data sheet or a tender in its group."""
    path = folder / ("datablad.txt" if criterion.kind == "product" else "udbud.txt")
    path.write_text("\f".join(example.pages), encoding="utf-8")
    group = example.group or criterion.group
    checker = _CHECKERS.setdefault((catalogue.digest, example.as_of),
                                   Checker(catalogue, as_of=example.as_of, lang="en"))
    if criterion.kind == "product":
        report = checker.check_product(path, group=group)
    else:
        report = checker.check_tender([path], group=group)
    assert report.error is None, report.error
    assert (report.group, report.group_source) == (group, "flag")
    results = {result.criterion: result for result in report.results}
    assert set(results) == {c.id for c in catalogue.for_group(group, criterion.kind)}
    return results[criterion.id]


def assert_judged_as_expected(result: Result, example: Example) -> None:
    evidence = [(item.page, item.text) for item in result.evidence]
    assert result.verdict == example.verdict, f"{result.reason} {evidence}"
    assert example.reason in result.reason
    if result.verdict in ("pass", "fail"):
        assert result.evidence, "a pass or fail always quotes its evidence"
        assert any(example.quote in text and page == example.page for page, text in evidence), evidence
    if result.verdict == "not_applicable":
        assert not result.evidence


@pytest.mark.parametrize(("criterion", "example"), examples(CATALOGUE))
def test_criterion_example(criterion: Criterion, example: Example, tmp_path: Path):
    assert_judged_as_expected(judge(CATALOGUE, criterion, example, tmp_path), example)


def can_fail(criterion: Criterion) -> bool:
    """Whether a rule of the criterion's check kind gives `fail` with its parameters: not when every such rule
    needs a parameter the criterion leaves empty (a `statement` with `passes` only)."""
    for rule in check_kinds()[criterion.check].rules:
        needs = set(re.findall(r"\$(\w+)", json.dumps(rule.model_dump(mode="json"))))
        if rule.verdict == "fail" and all(criterion.params.get(name) != [] for name in needs):
            return True
    return False


def missing_examples(catalogue: Catalogue) -> dict[str, set[str]]:
    """Per criterion, the verdicts it has no example of: every criterion needs `pass` and, where it can,
    `fail`; a product criterion also `unknown` (a tender that does not mention a requirement fails it)."""
    missing = {}
    for criterion in catalogue.criteria.values():
        needed = {"pass"} | ({"fail"} if can_fail(criterion) else set())
        needed |= {"unknown"} if criterion.kind == "product" else set()
        lacking = needed - {example.verdict for example in criterion.examples}
        if lacking:
            missing[criterion.id] = lacking
    return missing


def test_every_criterion_has_examples():
    """A criterion added to the catalogue without its examples fails the suite."""
    assert missing_examples(CATALOGUE) == {}


@pytest.mark.parametrize("criterion_id", sorted(CATALOGUE.criteria))
def test_criteria_show(criterion_id: str):
    criterion = CATALOGUE.criteria[criterion_id]
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["criteria", "show", criterion_id, "--lang", "en"],
                                                        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = re.sub(r"\s+", " ", result.stdout)
    assert criterion_id in shown
    assert criterion.title.en in shown
    source = f"{criterion.source.programme}, {criterion.source.reference} ({criterion.source.year})"
    assert re.sub(r"\s+", " ", source) in shown
