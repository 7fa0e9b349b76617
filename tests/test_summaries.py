"""Summary lines that do not mislead: compliance follows from the mandatory criteria, so the recommended
ones are counted apart; a batch ends with totals; everything is in the language of --lang."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.cli import main

PERFUMED = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012.
Dosering: 25 ml pr. 5 l vand.
Indholdsstoffer: nonioniske tensider, parfume, limonene.
"""
UNLABELLED = "Produktdatablad: Gulvrengøring\nRengøringsmiddel til gulve. Produktet er ikke svanemærket.\n"


@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    (tmp_path / "a_perfumed.txt").write_text(PERFUMED, encoding="utf-8")
    (tmp_path / "b_unlabelled.txt").write_text(UNLABELLED, encoding="utf-8")
    (tmp_path / "c_broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    return tmp_path


def _run(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, [*args, "--as-of", "2026-11-22"], catch_exceptions=False)


def test_a_failed_recommended_criterion_is_counted_apart_from_the_mandatory_ones(sheets):
    sheet = str(sheets / "a_perfumed.txt")
    english = _run("product", sheet, "--lang", "en")
    assert english.exit_code == 0
    assert "✔ compliant   mandatory: PASS 3   recommended: FAIL 1" in english.stdout
    danish = _run("product", sheet, "--lang", "da")
    assert "✔ opfylder kravene   krav: OPFYLDT 3   anbefalinger: IKKE OPFYLDT 1" in danish.stdout
    markdown = _run("product", sheet, "--lang", "en", "--format", "markdown")
    assert "**✔ compliant** · mandatory: PASS 3 · recommended: FAIL 1" in markdown.stdout


def test_a_batch_ends_with_totals(sheets):
    result = _run("product", str(sheets), "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout.rstrip().endswith("3 documents: 1 compliant, 1 not compliant, 1 unreadable")
    quiet = _run("product", str(sheets), "--lang", "da", "--quiet")
    assert quiet.stdout.rstrip().endswith("3 dokumenter: 1 opfylder kravene, 1 opfylder ikke kravene, "
                                          "1 kunne ikke læses")
    markdown = _run("product", str(sheets), "--lang", "en", "--format", "markdown")
    assert "| Document | Group | Compliant | Mandatory | Recommended |" in markdown.stdout
    assert "PASS 3 | FAIL 1 |" in markdown.stdout
    assert "3 documents: 1 compliant, 1 not compliant, 1 unreadable" in markdown.stdout


def test_one_document_is_singular_in_danish(sheets):
    html = _run("product", str(sheets / "a_perfumed.txt"), str(sheets / "b_unlabelled.txt"), "--lang", "da",
                "--format", "html")
    assert "2 dokumenter, 1 opfylder kravene" in html.stdout
    one = _run("product", str(sheets / "b_unlabelled.txt"), str(sheets / "c_broken.pdf"), "--lang", "da",
               "--format", "html")
    assert "1 dokument, 0 opfylder kravene" in one.stdout and "1 dokumenter" not in one.stdout
    assert "1 side" in _run("product", str(sheets / "a_perfumed.txt"), "--lang", "da").stdout


def test_group_names_and_severities_in_danish(sheets):
    result = _run("product", str(sheets / "a_perfumed.txt"), str(sheets / "b_unlabelled.txt"), "--lang", "da")
    assert "gruppe: Rengøringsmidler (cleaning, ud fra nøgleord)" in result.stdout
    assert "Cleaning agents" not in result.stdout and "mandatory" not in result.stdout
    assert "anbefaling" in result.stdout


def test_the_json_report_keeps_its_codes(sheets):
    report = json.loads(_run("product", str(sheets / "a_perfumed.txt"), "--lang", "da", "--format", "json").stdout)
    (document,) = report["documents"]
    assert document["group"] == "cleaning" and report["incomplete"] is False and report["not_checked"] == []
    assert {r["severity"] for r in document["results"]} == {"mandatory", "recommended"}


def _catalogue(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, ["criteria", *args], catch_exceptions=False)


def test_criteria_list_and_show_in_danish():
    listing = _catalogue("list", "--lang", "da")
    assert listing.exit_code == 0
    for word in ("Gruppe", "Type", "Kontrol", "Titel", "Rengøringsmidler", "anbefaling", "krav"):
        assert word in listing.stdout, word
    for word in ("Severity", "Group", "mandatory", "recommended", "Cleaning agents"):
        assert word not in listing.stdout, word
    shown = _catalogue("show", "CLEAN-P04", "--lang", "da")
    labels = [line.split()[0] for line in shown.stdout.splitlines()[1:] if line[:1].strip()]
    assert labels == ["gruppe", "gælder", "type", "omfang", "kravtekst", "dokumentation", "kontrol", "parametre",
                      "kilde"]
    assert "Rengøringsmidler (cleaning)" in shown.stdout and "anbefaling" in shown.stdout
    english = _catalogue("show", "CLEAN-P04", "--lang", "en")
    assert "severity     recommended" in english.stdout and "Cleaning agents (cleaning)" in english.stdout
