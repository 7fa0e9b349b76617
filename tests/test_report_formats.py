"""Every report format from the one `Report` model: structure, escaping, language, format inference.

Most tests use a report built by hand with every verdict × severity, a tender set and an
unreadable document; a few check data sheets through the CLI. The HTML is also rendered in headless
Chromium when it is installed.
"""

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

from procure_check.catalogue import load_catalogue
from procure_check.cli import main
from procure_check.facts import Evidence
from procure_check.report import EXTENSIONS, FORMATS, RenderOptions, format_for, render, renderer
from procure_check.report.junit import outcome
from procure_check.report.sarif import level
from procure_check.report.schema import DOCS_COPY, report_schema, schema_text, shipped_schema_text
from procure_check.report.terminal import print_report
from procure_check.results import (
    CatalogueRef,
    CriterionInfo,
    DocumentReport,
    ErrorInfo,
    Report,
    Result,
    Summary,
)

HOSTILE = "<script>alert(1)</script> | [click](http://evil.example) `code` *bold* @team =1+1"

PLAIN_CLEANER = f"""Product data sheet: Floor cleaner
Cleaning agent for floors. The product is not Nordic Swan labelled {HOSTILE}.
Contains perfume.
"""
SWAN_CLEANER = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
Parfumefri.
"""


def _result(criterion, severity, verdict, evidence=(), **extra) -> Result:
    return Result(criterion=criterion, title=f"Title of {criterion}", severity=severity, verdict=verdict,
                  reason=f"reason for {criterion}: {HOSTILE}", evidence=list(evidence), **extra)


def make_report() -> Report:
    """A product with every verdict × severity, a tender set with evidence per file, an unreadable file."""
    quote = Evidence(page=2, text=f"Quote {HOSTILE}", bbox=(1.0, 2.0, 3.0, 4.0))
    product = [
        _result("CLEAN-P01", "mandatory", "fail", [quote, Evidence(page=3, text="second quote")]),
        _result("CLEAN-P02", "mandatory", "unknown"),
        _result("CLEAN-P03", "mandatory", "pass", [quote]),
        _result("CLEAN-P04", "recommended", "fail", [quote]),
        _result("TEXT-P01", "recommended", "unknown"),
        _result("TEXT-P02", "mandatory", "not_applicable"),
        _result("TEXT-P03", "mandatory", "waived", [quote], waived_verdict="fail", waiver="accepted <b>here</b>"),
    ]
    tender = [
        _result("KITCH-T01", "mandatory", "pass",
                [Evidence(page=1, text="2.1 TCO over 8 år", document="udbud/betingelser.pdf")]),
        _result("KITCH-T02", "recommended", "fail",
                [Evidence(page=4, text="2.2 CO2 500 kr./ton", document="udbud/kravspec.docx")]),
    ]
    documents = [
        DocumentReport(path="sheets/evil <b>|sheet.pdf", sha256="a" * 64, kind="product", group="cleaning",
                       group_source="keywords", language="en", pages=3, results=product,
                       summary=Summary.of(product)),
        DocumentReport(path="udbud", sha256="b" * 64, kind="tender", group="kitchen", group_source="cpv",
                       language="da", pages=5, files=["udbud/betingelser.pdf", "udbud/kravspec.docx"],
                       requirements=12, results=tender, summary=Summary.of(tender)),
        DocumentReport(path="sheets/broken.pdf", kind="product",
                       error=ErrorInfo(code="corrupt", message="not a PDF <file>")),
    ]
    catalogue = load_catalogue()
    criteria = [CriterionInfo.of(catalogue.criteria[result.criterion]) for result in [*product, *tender]]
    return Report(as_of=date(2026, 11, 22), catalogue=CatalogueRef(version="2026.11.1", criteria=53),
                  documents=documents, criteria=criteria)


def _results(report: Report) -> int:
    return sum(len(document.results) for document in report.documents)


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    (tmp_path / "plain.txt").write_text(PLAIN_CLEANER, encoding="utf-8")
    (tmp_path / "swan.txt").write_text(SWAN_CLEANER, encoding="utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner(env={"COLUMNS": "100"}).invoke(main, list(args), catch_exceptions=False)


# JSON and its schema


def test_shipped_schema_is_the_generated_one():
    assert shipped_schema_text() == schema_text(), "run: python -m procure_check.report.schema"
    assert DOCS_COPY.read_text(encoding="utf-8") == schema_text(), "run: python -m procure_check.report.schema"
    schema = report_schema()
    assert schema["$id"] and schema["title"].startswith("procure-check report")
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_command_prints_the_schema():
    result = _run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == report_schema()


def test_json_validates_against_the_shipped_schema(report, sheets):
    validator = jsonschema.Draft202012Validator(json.loads(shipped_schema_text()))
    validator.validate(json.loads(render(report, "json")))
    result = _run("product", str(sheets), "--format", "json", "--as-of", "2026-11-22")
    validator.validate(json.loads(result.stdout))
    verdicts = set(validator.schema["$defs"]["Result"]["properties"]["verdict"]["enum"])
    assert verdicts == {"pass", "fail", "unknown", "not_applicable", "waived"}


def test_json_keeps_waived_fields_only_on_waived_results(report):
    results = json.loads(render(report, "json"))["documents"][0]["results"]
    waived = next(r for r in results if r["verdict"] == "waived")
    assert (waived["waived_verdict"], waived["waiver"]) == ("fail", "accepted <b>here</b>")
    assert all("waiver" not in r and "waived_verdict" not in r for r in results if r["verdict"] != "waived")


# SARIF


def test_sarif_has_the_required_structure(report):
    log = json.loads(render(report, "sarif"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("procure-check", report.tool.version)
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids)) == len({r.criterion for d in report.documents for r in d.results})
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["properties"]["severity"] in ("mandatory", "recommended")
    known = driver["rules"][ids.index("CLEAN-P01")]  # from the report's criteria: description and source
    assert known["fullDescription"]["text"] and known["helpUri"].startswith("https://")
    assert run["results"]
    for result in run["results"]:
        assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert "\\" not in uri and not uri.startswith("/") and " " not in uri
        assert "region" not in location  # PDF pages are not lines; the page is in properties
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["descriptor"]["id"] == "corrupt" and notification["level"] == "error"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_levels_and_locations(report):
    results = {r["ruleId"]: r for r in json.loads(render(report, "sarif"))["runs"][0]["results"]}
    assert {rule: r["level"] for rule, r in results.items()} == {
        "CLEAN-P01": "error",  # mandatory fail
        "CLEAN-P02": "warning",  # mandatory unknown
        "CLEAN-P04": "warning",  # recommended fail
        "TEXT-P01": "note",  # recommended unknown
        "TEXT-P03": "error",  # waived mandatory fail: its level, and a suppression
        "KITCH-T02": "warning",
    }
    first = results["CLEAN-P01"]
    assert first["locations"][0]["properties"] == {"page": 2, "quote": f"Quote {HOSTILE}", "bbox": [1, 2, 3, 4]}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sheets/evil%20%3Cb%3E%7Csheet.pdf"
    assert first["relatedLocations"][0]["properties"]["page"] == 3
    assert results["TEXT-P03"]["suppressions"][0]["justification"] == "accepted <b>here</b>"
    tender = results["KITCH-T02"]
    assert tender["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "udbud/kravspec.docx"
    assert tender["properties"]["document"] == "udbud"
    assert level(_result("X-P01", "mandatory", "pass")) is None


def test_sarif_fingerprints_are_stable_however_the_path_is_given_and_differ_per_finding(report, monkeypatch,
                                                                                          tmp_path):
    monkeypatch.chdir(tmp_path)
    relative = json.loads(render(report, "sarif"))["runs"][0]["results"]
    absolute_paths = report.model_copy(update={"documents": [
        document.model_copy(update={"path": str(tmp_path / document.path)}) for document in report.documents]})
    absolute = json.loads(render(absolute_paths, "sarif"))["runs"][0]["results"]
    prints = [result["partialFingerprints"]["documentCriterion/v2"] for result in relative]
    assert prints == [result["partialFingerprints"]["documentCriterion/v2"] for result in absolute]
    assert len(set(prints)) == len(prints)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] for r in absolute} == {"%SRCROOT%"}


def test_sarif_describes_its_rules_from_the_report_alone(report, monkeypatch):
    def no_catalogue(*args, **kwargs):
        raise AssertionError("a renderer loaded the catalogue")

    monkeypatch.setattr("procure_check.catalogue.load_catalogue", no_catalogue)
    rules = json.loads(render(report, "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    assert all("fullDescription" in rule for rule in rules)
    bare = json.loads(render(report.model_copy(update={"criteria": []}), "sarif"))["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in bare["rules"]] == [rule["id"] for rule in rules]
    assert not any("fullDescription" in rule for rule in bare["rules"])  # the titles the results carry, no more


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_a_renderer_of_a_report_to_text(report, fmt):
    text = renderer(fmt)(report, RenderOptions(lang="da"))
    assert isinstance(text, str) and report.documents[0].path.split("/")[0] in text
    assert text == render(report, fmt, "da")


def test_the_terminal_report_has_colours_only_when_asked_and_its_width():
    plain = render(make_report(), "rich", width=100)
    assert "\x1b[" not in plain and max(cell_len(line) for line in plain.splitlines()) <= 100
    assert "\x1b[" in render(make_report(), "rich", width=100, color="standard")
    quiet = render(make_report(), "rich", quiet=True)
    assert len(quiet.splitlines()) < len(plain.splitlines())


# JUnit


def test_junit_parses_with_one_testcase_per_criterion_per_document(report):
    root = ET.fromstring(render(report, "junit"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.path for d in report.documents]
    for suite, document in zip(suites, report.documents, strict=True):
        cases = suite.findall("testcase")
        assert len(cases) == (len(document.results) or 1)
        assert int(suite.get("tests")) == len(cases)
        assert all(case.get("classname") == document.path for case in cases)
    product = {case.get("name").split()[0]: case for case in suites[0].findall("testcase")}
    assert product["CLEAN-P01"].find("failure").get("message").startswith("reason for CLEAN-P01")
    assert "p. 2: “Quote <script>" in product["CLEAN-P01"].find("failure").text
    assert product["CLEAN-P02"].find("failure").get("type") == "unknown"
    assert product["CLEAN-P03"].find("*") is None
    assert product["TEXT-P01"].find("skipped") is not None  # recommended unknown
    assert product["TEXT-P02"].find("skipped") is not None  # not applicable
    assert "accepted <b>here</b>" in product["TEXT-P03"].find("skipped").get("message")
    assert product["CLEAN-P04"].get("name") == "CLEAN-P04 Title of CLEAN-P04"
    assert suites[2].find("testcase/error").get("type") == "corrupt"
    assert int(root.get("tests")) == _results(report) + 1
    assert int(root.get("failures")) == sum(outcome(r) == "failure" for d in report.documents for r in d.results)


def test_junit_drops_characters_xml_cannot_carry(report):
    report.documents[0].results[0].reason = "bad \x00\x0b\x1f characters"
    ET.fromstring(render(report, "junit"))


# CSV


def test_csv_has_one_row_per_document_and_criterion(report):
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert len(rows) == _results(report) + 1
    first = rows[0]
    assert (first["path"], first["criterion"], first["verdict"], first["page"]) == (
        "sheets/evil <b>|sheet.pdf", "CLEAN-P01", "FAIL", "2")
    assert first["evidence"] == f"Quote {HOSTILE}"
    assert rows[-1]["verdict"] == "error" and "[corrupt]" in rows[-1]["reason"]
    assert next(r for r in rows if r["criterion"] == "KITCH-T02")["file"] == "udbud/kravspec.docx"
    assert "was FAIL" in next(r for r in rows if r["criterion"] == "TEXT-P03")["waiver"]


def test_csv_cells_cannot_become_formulas(report):
    report.documents[0].results[0].evidence[0].text = "=HYPERLINK(\"http://evil\")"
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert rows[0]["evidence"] == "'=HYPERLINK(\"http://evil\")"


# Markdown


def test_markdown_escapes_document_text(report):
    text = render(report, "markdown")
    assert "<script>" not in text and "<b>" not in text and "&lt;script&gt;" in text
    assert "[click](" not in text and "\\[click\\]" in text
    assert "@team" not in text and "&#64;team" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| **")]
    assert table_rows
    for line in table_rows:  # a quoted "|" cannot add a column
        assert len(re.findall(r"(?<!\\)\|", line)) == 6, line


def test_markdown_lists_failures_first_with_evidence(report):
    text = render(report, "markdown")
    section = text.split("## sheets/evil")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| **")]
    verdicts = [re.search(r"\| \*\*([A-Z/ ]+)\*\* \|", row).group(1) for row in rows]
    assert verdicts == ["FAIL", "FAIL", "UNKNOWN", "UNKNOWN", "WAIVED", "PASS", "N/A"]
    assert "p. 2: “Quote" in rows[0] and "<br>p. 3: “second quote”" in rows[0]
    assert "betingelser.pdf p. 1" in text
    assert "**error** \\[corrupt\\]" in text


# HTML


def test_html_is_self_contained_and_escapes_document_text(report):
    text = render(report, "html")
    assert "<script" not in text.lower() and "&lt;script&gt;" in text
    assert "<b>here" not in text and "accepted &lt;b&gt;here&lt;/b&gt;" in text and "&lt;b&gt;|sheet.pdf" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text, re.I)
    assert "@import" not in text and "url(" not in text
    assert "Content-Security-Policy" in text and '<meta name="viewport"' in text
    assert "@media print" in text and "@media (max-width" in text


def test_html_content(report):
    text = render(report, "html")
    assert 'id="doc-1"' in text and 'href="#doc-3"' in text  # an overview for several documents
    body = text.split('id="doc-1"')[1].split('id="doc-2"')[0]
    order = [body.index(f'class="v-{v}"') for v in ("fail", "unknown", "waived", "pass", "not_applicable")]
    assert order == sorted(order)  # grouped by verdict, failures first
    assert "<mark>Quote &lt;script&gt;" in body and "p. 2" in body
    assert "kravspec.docx p. 4" in text  # the file, in a tender set
    assert 'class="badge bad"' in body and 'class="bar"' in body and 'class="chart"' in body


# Language


def test_danish_headings_in_every_format(report):
    da = {fmt: render(report, fmt, "da") for fmt in FORMATS if fmt != "rich"}
    assert "| Kriterium | Type | Vurdering | Begrundelse | Dokumentation |" in da["markdown"]
    assert "**IKKE OPFYLDT**" in da["markdown"] and "s. 2: “Quote" in da["markdown"]
    assert '<html lang="da">' in da["html"] and "<th>Begrundelse</th>" in da["html"]
    assert "UNDTAGET" in da["html"] and "opfylder ikke kravene" in da["html"]
    assert da["csv"].startswith("sti,gruppe,kriterium,titel,type,vurdering,begrundelse,side,fil,dokumentation")
    assert "Vurdering: IKKE OPFYLDT" in da["junit"]
    assert json.loads(da["sarif"])["runs"][0]["language"] == "da"
    assert "Miljømærket" in json.dumps(json.loads(da["sarif"]), ensure_ascii=False)  # titles from the catalogue
    console = Console(file=io.StringIO(), width=100, no_color=True)
    print_report(report, console, "da")
    out = console.file.getvalue()
    assert "Kriterium" in out and "Begrundelse" in out and "Oversigt" in out and "IKKE OPFYLDT" in out


def test_lang_da_through_the_cli(sheets):
    result = _run("product", str(sheets / "plain.txt"), "--format", "markdown", "--lang", "da")
    assert result.exit_code == 1
    assert "# procure-check-rapport" in result.stdout and "Vurdering" in result.stdout


# Format from --output


@pytest.mark.parametrize(("name", "fmt"), [
    ("r.json", "json"), ("r.md", "markdown"), ("r.html", "html"), ("R.HTM", "html"), ("r.sarif", "sarif"),
    ("r.sarif.json", "sarif"), ("r.xml", "junit"), ("r.csv", "csv"), ("r.txt", "rich"), ("r.log", "rich"),
    ("report", "rich"), ("r.pdf", None), ("r.docx", None),
])
def test_format_is_inferred_from_the_output_name(name, fmt):
    assert format_for(Path(name)) == fmt
    assert set(EXTENSIONS.values()) <= set(FORMATS)


@pytest.mark.parametrize(("name", "start"), [
    ("report.md", "<!-- procure-check/report@1 -->\n# procure-check report"), ("report.html", "<!doctype html>"),
    ("report.sarif", "{"), ("report.xml", "<?xml"), ("report.csv", "path,group,criterion"),
    ("report.txt", "procure-check"),
])
def test_output_file_in_the_inferred_format(sheets, tmp_path, name, start):
    target = tmp_path / name
    result = _run("product", str(sheets / "swan.txt"), "--output", str(target), "--lang", "en")
    assert result.exit_code == 0 and result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "\x1b[" not in text  # no colour codes in files


# The terminal report


def _terminal(report: Report, **options) -> str:
    console = Console(file=io.StringIO(), width=100, no_color=True)
    print_report(report, console, "en", **options)
    return console.file.getvalue()


def test_terminal_groups_by_verdict_and_fits_100_columns(report):
    out = _terminal(report)
    rows = [line.split()[2] for line in out.splitlines() if re.match(r" (CLEAN|TEXT)-P0\d ", line)]
    assert rows == ["FAIL", "FAIL", "UNKNOWN", "UNKNOWN", "WAIVED", "PASS", "N/A"]
    assert "group: Cleaning agents (cleaning, by keywords) · en · 3 pages" in out
    assert "procure-check 0.1.0 · as of 2026-11-22 · catalogue 2026.11.1" in out
    assert "Overview" in out and "<script>alert(1)</script>" in out  # shown as written, not as markup
    assert "waiver: accepted <b>here</b>" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 100


def test_terminal_details_and_quiet(report):
    long_quote = "lorem " * 40
    report.documents[0].results[0].evidence.append(Evidence(page=9, text=long_quote.strip()))
    normal, details, quiet = _terminal(report), _terminal(report, details=True), _terminal(report, quiet=True)
    assert "p. 9" not in normal and "(+1, --details)" in normal
    assert "p. 9" in details and details.count("lorem") == 40
    lines = quiet.strip().splitlines()
    assert len(lines) == 1 + len(report.documents) + 1
    assert lines[1].startswith("✘ sheets/evil <b>|sheet.pdf") and lines[1].endswith(
        "Cleaning agents   mandatory: FAIL 1, UNKNOWN 1, WAIVED 1, PASS 1, N/A 1   recommended: FAIL 1, UNKNOWN 1")
    assert lines[3].startswith("! sheets/broken.pdf") and "[corrupt]" in lines[3]
    assert lines[4] == "3 documents: 1 compliant, 1 not compliant, 1 unreadable"


def test_details_and_quiet_exclude_each_other(sheets):
    result = _run("product", str(sheets / "swan.txt"), "--details", "--quiet")
    assert result.exit_code == 2 and "exclude each other" in result.stderr


# Headless Chromium


def _chromium() -> str | None:
    return next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
                None)


def test_html_renders_in_headless_chromium(sheets, tmp_path_factory):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (CI installs it: apt-get install chromium)")
    tmp_path = tmp_path_factory.mktemp("browser")  # not among the sheets: --output may not be in a folder checked
    target = tmp_path / "report.html"
    result = _run("product", str(sheets), "--output", str(target), "--as-of", "2026-11-22", "--lang", "en")
    assert result.exit_code == 1
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
               f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", target.as_uri()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 120 s")
    dom = done.stdout
    assert done.returncode == 0 and "<body>" in dom, done.stderr[-2000:]
    for word in ("FAIL", "UNKNOWN", "PASS", "not compliant", "CLEAN-P01", "plain.txt", "swan.txt"):
        assert word in dom, word
    # The data sheet's <script> is text in the DOM, never an element, and it did not run.
    assert "<script" not in dom.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<title>procure-check report · 2026-11-22</title>" in dom
