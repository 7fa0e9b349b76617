"""Every sample tender set gets the verdicts `samples/tenders/expected.yaml` documents, with evidence in the right
file and on the right page.

The group is not given: it is detected, as a user who runs `procure-check tender samples/tenders/<set>` would see.
"""

from pathlib import Path

import pytest
import yaml

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TENDERS = SAMPLES / "tenders"
EXPECTED = yaml.safe_load((TENDERS / "expected.yaml").read_text(encoding="utf-8"))
CHECKER = Checker(load_catalogue(), as_of=EXPECTED["as_of"], lang="en")


def _files(folder: str) -> list[Path]:
    return sorted(path for path in (SAMPLES / folder).iterdir() if path.is_file())


@pytest.fixture(scope="module")
def reports() -> dict:
    return {
        tender["folder"]: CHECKER.check_tender(_files(tender["folder"]), None, name=tender["folder"])
        for tender in EXPECTED["tenders"]
    }


@pytest.mark.parametrize("tender", EXPECTED["tenders"], ids=lambda tender: Path(tender["folder"]).name)
def test_tender_set_gets_its_documented_verdicts(tender, reports):
    report = reports[tender["folder"]]
    assert report.error is None, report.error
    assert report.group == tender["group"]
    assert report.group_source in ("cpv", "keywords")
    results = {result.criterion: result for result in report.results}
    assert set(results) == set(tender["expect"]), "every tender criterion of the group and LEGAL-T01..T04"
    problems = []
    for criterion, expected in tender["expect"].items():
        result = results[criterion]
        if result.verdict != expected["verdict"]:
            problems.append(f"{criterion}: expected {expected['verdict']}, got {result.verdict}: {result.reason}")
            continue
        if "evidence" in expected:
            found = [(Path(item.document or "").name, item.page, item.text) for item in result.evidence]
            if not any(
                (item.document or "").endswith(expected["file"]) and item.page == expected["page"]
                and expected["evidence"] in item.text
                for item in result.evidence
            ):
                problems.append(f"{criterion}: no evidence {expected['evidence']!r} on page {expected['page']} "
                                f"of {expected['file']}; got {found}")
        elif result.verdict == "fail" and (result.evidence or "not found" not in result.reason):
            problems.append(f"{criterion}: expected a fail for a missing requirement, got: {result.reason}")
        if result.verdict == "pass" and not result.evidence:
            problems.append(f"{criterion}: a pass without evidence")
    assert not problems, "\n".join(problems)


def test_legal_checks_have_every_verdict_somewhere():
    seen: dict[str, set[str]] = {}
    for tender in EXPECTED["tenders"]:
        for criterion, expected in tender["expect"].items():
            seen.setdefault(criterion, set()).add(expected["verdict"])
    for criterion in ("LEGAL-T01", "LEGAL-T02", "LEGAL-T03", "LEGAL-T04"):
        assert seen[criterion] == {"pass", "fail", "not_applicable"}, criterion


def test_tender_folders_are_all_documented():
    documented = {tender["folder"] for tender in EXPECTED["tenders"]}
    on_disk = {str(path.relative_to(SAMPLES)) for path in TENDERS.iterdir() if path.is_dir()}
    assert on_disk == documented
    for tender in EXPECTED["tenders"]:
        assert [path.name for path in _files(tender["folder"])] == tender["files"]
