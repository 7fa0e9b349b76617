"""The library: `check_products` and `check_tenders` give what the command line gives, and what the in-process
`Checker` gives for each document; wrong settings are one-line errors; a checker follows a change of date."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import procure_check
from procure_check import Checker, Report, check_products, check_tenders
from procure_check.catalogue import load_catalogue
from procure_check.cli import main
from procure_check.errors import ProcureCheckError, UsageError
from procure_check.limits import Limits
from procure_check.waivers import Waiver

from .conftest import AS_OF

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SHEETS = [SAMPLES / "products" / "cleaning" / "ovnrens_aerosol_drivgas.pdf",
          SAMPLES / "products" / "cleaning" / "gulvvask_koncentrat.txt"]
TENDER = SAMPLES / "tenders" / "storkoekken_nordvig_mangler"
PHEV = SAMPLES / "products" / "vehicles" / "passenger_car_phev_32_g_km_en.pdf"


def _verdicts(report) -> dict[str, str]:
    return {result.criterion: result.verdict for result in report.results}


def test_the_package_exports_the_api():
    assert set(procure_check.__all__) >= {"check_products", "check_tenders", "Checker", "Report"}


def test_check_products_gives_each_document_what_the_checker_gives_it():
    report = check_products(SHEETS, as_of=AS_OF, jobs=2)
    assert isinstance(report, Report) and report.as_of == AS_OF and not report.incomplete
    checker = Checker(load_catalogue(), as_of=AS_OF)
    assert [document.path for document in report.documents] == [str(path) for path in SHEETS]
    for document, path in zip(report.documents, SHEETS, strict=True):
        assert document.model_dump() == checker.check_product(path).model_dump()
    used = {result.criterion for document in report.documents for result in document.results}
    assert {criterion.id for criterion in report.criteria} == used  # what SARIF describes its rules with


def test_check_tenders_runs_the_tender_pipeline_as_the_command_does():
    report = check_tenders([TENDER], as_of="2026-11-22")
    (document,) = report.documents
    assert document.kind == "tender" and document.files
    assert _verdicts(document) == _verdicts(Checker(load_catalogue(), as_of=AS_OF).check_tender(
        sorted(path for path in TENDER.iterdir() if path.suffix in (".txt", ".pdf", ".docx", ".xml")),
        name=str(TENDER)))
    command = CliRunner().invoke(main, ["tender", str(TENDER), "--as-of", "2026-11-22", "--format", "json",
                                        "--no-cache"])
    assert json.loads(command.stdout)["documents"][0]["results"] == json.loads(
        report.model_dump_json(by_alias=True))["documents"][0]["results"]


def test_checker_has_no_kind_string_to_get_wrong():
    assert not hasattr(Checker, "check")
    assert callable(Checker.check_product) and callable(Checker.check_tender)


def test_waivers_given_as_objects_are_applied():
    plain = check_products(SHEETS[:1], as_of=AS_OF)
    failed = [criterion for criterion, verdict in _verdicts(plain.documents[0]).items() if verdict == "fail"]
    assert failed
    waived = check_products(SHEETS[:1], as_of=AS_OF, waivers=[Waiver(criterion=failed[0], reason="accepted")])
    assert _verdicts(waived.documents[0])[failed[0]] == "waived"


def test_a_document_over_a_limit_is_a_report_with_an_error_not_an_exception(tmp_path):
    report = check_products(SHEETS[1:], as_of=AS_OF, limits=Limits(max_chars=10))
    assert report.documents[0].error.code == "too_large" and report.exit_code == 2


@pytest.mark.parametrize(("options", "message"), [
    ({"group": "spaceships"}, "unknown group 'spaceships'"),
    ({"as_of": "2026-13-45"}, "as_of"),
    ({"jobs": 0}, "jobs"),
    ({"catalogue": "/nonexistent"}, "catalogue folder not found"),
    ({"waivers": "/nonexistent.toml"}, "no such file"),
])
def test_wrong_settings_are_one_line_errors(options, message):
    settings = {"as_of": AS_OF, **options}
    with pytest.raises(ProcureCheckError) as raised:
        check_products(SHEETS[:1], **settings)
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_nothing_to_check_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no documents found"):
        check_tenders([tmp_path], as_of=AS_OF)


def test_a_checker_judges_dated_limits_on_its_current_date():
    """The clean-vehicle CO2 limit is 50 g/km until 2025 and 0 from 2026: a ruleset compiled for one date
    must not be reused on another."""
    catalogue = load_catalogue()
    checker = Checker(catalogue, as_of=date(2025, 6, 1))
    before = _verdicts(checker.check_product(PHEV))
    checker.as_of = AS_OF
    after = _verdicts(checker.check_product(PHEV))
    assert after == _verdicts(Checker(catalogue, as_of=AS_OF).check_product(PHEV))
    assert before != after


class _Recorder:
    """A `Progress` that keeps what it is told."""

    def __init__(self):
        self.lines, self.done, self.started, self.stopped = [], 0, False, False

    def start(self, total):
        self.started = True

    def advance(self, count):
        self.done += count

    def echo(self, line):
        self.lines.append(line)

    def stop(self):
        self.stopped = True


def test_progress_hears_each_finished_document_and_each_unreadable_one(tmp_path):
    missing = tmp_path / "missing.txt"
    recorder = _Recorder()
    report = check_products([SHEETS[1], missing], as_of=AS_OF, progress=recorder)
    assert recorder.started and recorder.stopped and recorder.done == len(report.documents) == 2
    assert recorder.lines == [f"procure-check: {missing}: {report.documents[1].error.message} [not_found]"]


def test_without_a_progress_the_notes_are_log_warnings(caplog):
    with caplog.at_level("WARNING", logger="procure_check"):
        check_products(SHEETS[1:], as_of=AS_OF, jobs=1000)
    assert any("--jobs 1000 is more than the" in record.getMessage() for record in caplog.records)
