"""Adding a criterion is YAML only: a catalogue folder with one more criterion, its examples and the words it
needs (its own `rules/`) is listed, judged and tested like the built-in ones, with no Python changed."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.catalogue import load_catalogue
from procure_check.cli import main
from procure_check.data import data_dir, rules_file
from tests.test_criteria import assert_judged_as_expected, examples, judge, missing_examples

REFILL_CRITERION = """
  - id: CLEAN-P05
    severity: recommended
    title: {da: Refill frem for engangsemballage, en: Refill rather than single-use packs}
    description:
      da: Rengøringsmidlet fås i refill, så flasken kan bruges igen.
      en: The cleaning agent comes as a refill, so that its bottle can be used again.
    evidence:
      da: refill-pakning eller genopfyldelig flaske
      en: a refill pack or a refillable bottle
    check: statement
    params:
      passes: [refill]
      fails: [single_use]
    source: {programme: Local, reference: "Fjordby Kommune, indkøbspolitik 2026", year: 2026}
    examples:
      - name: refill-pouch-da
        verdict: pass
        quote: Leveres i refillpose
        text: |
          Produktdatablad: Allrengøring Citrus
          Universalrengøringsmiddel, flydende koncentrat.
          Leveres i refillpose på 2 l til genbrug af sprayflasken.
      - name: single-use-en
        verdict: fail
        quote: single-use bottle
        text: |
          Product data sheet: Bathroom Cleaner
          Sanitary cleaner in a single-use bottle, 750 ml.
      - name: pack-not-mentioned-sv
        verdict: unknown
        reason: not stated in the document
        text: |
          Produktblad: Golvrengöring
          Rengöringsmedel för golv, flytande koncentrat.
"""
REFILL_WORDS = """statements:
  refill: ['refill\\w*', 'genopfyldelig\\w*', 'påfyllningsbar\\w*']
  single_use: ['single-use bottles?', 'engangsflaske\\w*']
"""


@pytest.fixture
def catalogue_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(data_dir("criteria"), folder)
    with (folder / "cleaning.yaml").open("a", encoding="utf-8") as group_file:
        group_file.write(REFILL_CRITERION)
    (folder / "rules").mkdir()
    (folder / "rules" / "statements.yaml").write_text(REFILL_WORDS, encoding="utf-8")
    yield folder
    load_catalogue()  # the built-in vocabulary again for the tests after this one


def _run(*args: str):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_a_new_criterion_is_listed(catalogue_folder):
    result = _run("criteria", "list", "--group", "cleaning", "--catalogue", str(catalogue_folder), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "CLEAN-P05" in result.stdout and "Refill rather than single-use packs" in result.stdout
    assert "CLEAN-P05" not in _run("criteria", "list", "--group", "cleaning").stdout


def test_a_new_criterion_is_judged(catalogue_folder, tmp_path):
    sheet = tmp_path / "sheet.txt"
    sheet.write_text("Produktdatablad: Gulvsæbe\nGulvrengøringsmiddel. Flasken er genopfyldelig.\n", encoding="utf-8")
    result = _run("product", str(sheet), "--catalogue", str(catalogue_folder), "--format", "json",
                  "--as-of", "2026-11-22")
    (document,) = json.loads(result.stdout)["documents"]
    refill = next(r for r in document["results"] if r["criterion"] == "CLEAN-P05")
    assert refill["verdict"] == "pass"
    assert refill["evidence"][0]["text"] == "Flasken er genopfyldelig."
    builtin = json.loads(_run("product", str(sheet), "--format", "json").stdout)["documents"][0]
    assert "CLEAN-P05" not in {r["criterion"] for r in builtin["results"]}


def test_a_new_criterions_examples_are_tested(catalogue_folder, tmp_path):
    catalogue = load_catalogue(catalogue_folder)
    assert "refill" in rules_file("statements.yaml")["statements"]
    assert missing_examples(catalogue) == {}
    new = [param.values for param in examples(catalogue) if param.values[0].id == "CLEAN-P05"]
    assert [example.verdict for _, example in new] == ["pass", "fail", "unknown"]
    for number, (criterion, example) in enumerate(new):
        folder = tmp_path / str(number)
        folder.mkdir()
        assert_judged_as_expected(judge(catalogue, criterion, example, folder), example)


def test_a_new_criterion_without_examples_fails_the_suite(catalogue_folder):
    group_file = catalogue_folder / "cleaning.yaml"
    text = group_file.read_text(encoding="utf-8")
    group_file.write_text(text[: text.rindex("    examples:")], encoding="utf-8")
    assert missing_examples(load_catalogue(catalogue_folder)) == {"CLEAN-P05": {"pass", "fail", "unknown"}}
