"""Every sample data sheet gets the verdicts `samples/expected.yaml` documents, with evidence on the right page.

The group is not given: it is detected, as a user who runs `procure-check product samples/` would see.
"""

from pathlib import Path

import pytest
import yaml

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
CHECKER = Checker(load_catalogue(), as_of=EXPECTED["as_of"], lang="en")


@pytest.fixture(scope="module")
def reports() -> dict:
    return {sample["file"]: CHECKER.check_product(SAMPLES / sample["file"]) for sample in EXPECTED["samples"]}


@pytest.mark.parametrize("sample", EXPECTED["samples"], ids=lambda sample: Path(sample["file"]).name)
def test_sample_gets_its_documented_verdicts(sample, reports):
    report = reports[sample["file"]]
    assert report.error is None, report.error
    assert report.group == sample["group"]
    assert report.group_source in ("cpv", "keywords")
    results = {result.criterion: result for result in report.results}
    assert set(results) == set(sample["expect"]), "every criterion of the group is reported"
    for criterion, expected in sample["expect"].items():
        result = results[criterion]
        assert result.verdict == expected["verdict"], f"{criterion}: {result.reason}"
        if result.verdict in ("pass", "fail") and "evidence" in expected:
            assert any(
                expected["evidence"] in item.text and item.page == expected["page"] for item in result.evidence
            ), f"{criterion}: evidence {[(e.page, e.text) for e in result.evidence]}"
        if result.verdict == "pass":
            assert result.evidence, f"{criterion}: a pass without evidence"


def test_samples_cover_every_core_criterion_with_pass_and_non_pass():
    seen: dict[str, set[str]] = {}
    for sample in EXPECTED["samples"]:
        for criterion, expected in sample["expect"].items():
            seen.setdefault(criterion, set()).add(expected["verdict"])
    for criterion, verdicts in seen.items():
        assert "pass" in verdicts, criterion
        assert verdicts - {"pass", "not_applicable"}, criterion


def test_sample_files_are_all_documented():
    documented = {sample["file"] for sample in EXPECTED["samples"]}
    on_disk = {str(path.relative_to(SAMPLES)) for path in (SAMPLES / "products").rglob("*") if path.is_file()}
    assert on_disk == documented
