"""The vocabulary of `rules/`: every file has a model and is checked at start-up; a catalogue may add to it."""

import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check import data
from procure_check.catalogue import load_catalogue
from procure_check.cli import main
from procure_check.data import data_dir, merge_rules, rules_file
from procure_check.errors import CatalogueError
from procure_check.vocab.schemas import FILES

SHEET = "Produktdatablad: Allrengøring\nRengøringsmiddel. Produktet er Svanemærket, licens nr. 5041 0012.\n"


@pytest.fixture(autouse=True)
def _builtin_vocabulary_after():
    """A test that loads a catalogue with its own words leaves the built-in vocabulary in use after it."""
    yield
    load_catalogue()


@pytest.fixture
def builtin_rules(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the built-in `rules/` that the package reads instead, to break on purpose."""
    copy = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), copy)
    real = data_dir
    monkeypatch.setattr(data, "data_dir", lambda name: copy if name == "rules" else real(name))
    data.reload_rules()
    yield copy
    monkeypatch.undo()
    data.reload_rules()


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.txt"
    path.write_text(SHEET, encoding="utf-8")
    return path


def _run(*args: str):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_every_rules_file_has_a_model():
    assert {path.name for path in data_dir("rules").glob("*.yaml")} == set(FILES)
    for name, model in FILES.items():
        model.model_validate(rules_file(name))


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("statements.yaml", "  no_propellant:\n", "  no_propellant: uden drivgas\n  was_no_propellant:\n",
     "statements.yaml: no_propellant: field 'statements.no_propellant': Input should be a valid list, "
     "got 'uden drivgas'"),
    ("substances.yaml", "  fragrance:\n", "  fragrance:\n    smell: [duft]\n",
     "substances.yaml: fragrance: field 'groups.fragrance.smell': Extra inputs are not permitted"),
    ("tender_terms.yaml", "trademark: '", "trademark: '(",
     "tender_terms.yaml: trademark: field 'trademark': invalid regular expression"),
    ("labels.yaml", "    identifier:\n      - '", "    identifier:\n      - '(?P<",
     "labels.yaml: nordic-swan: field 'labels.nordic-swan.identifier.0': invalid regular expression"),
    ("measures.yaml", "thresholds: {A: 210,", "thresholds: {A: -210,",
     "measures.yaml: thresholds: field 'efficacy_classes.thresholds.A': Input should be greater than 0"),
    ("measures.yaml", "B: 185,", "B: 215,",
     "measures.yaml: efficacy_classes: field 'efficacy_classes': thresholds: each class needs a higher efficacy"),
    ("statements.yaml", "  en71: {", "  en17: {",
     "statements.yaml: field '(top level)': titles: no statement named en17"),
    ("checks.yaml", "{said.quote}", "{sayd.quote}",
     "checks.yaml: label: field 'kinds.label': rules.0.reason.en: '{sayd.quote}' names no fact of the rule "
     "(known: param, row, said)"),
    ("units.yaml", "        factor: 1000\n", "        factor: 1/0\n",
     "units.yaml: W: field 'units.W.forms.2.factor': factor '1/0' is not a number or a fraction"),
])
def test_a_broken_vocabulary_file_is_one_line_at_start_up(builtin_rules, sheet, file, old, new, message):
    path = builtin_rules / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = _run("product", str(sheet))
    assert result.exit_code == 2
    assert result.stdout == ""  # refused before any document is read
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert str(builtin_rules) in result.stderr


@pytest.mark.parametrize(("file", "old", "new", "read", "message"), [
    ("labels.yaml", "    name: EPEAT\n", "    name: [EPEAT]\n", "label_definitions",
     "epeat: field 'labels.epeat.name': Input should be a valid string"),
    ("checks.yaml", "      labels: {type: labels}\n", "      labels: {type: label}\n", "check_kinds",
     "label: field 'kinds.label.params.labels.type': Input should be"),
])
def test_a_vocabulary_read_before_start_up_gives_the_start_up_error(builtin_rules, file, old, new, read, message):
    from procure_check.engine.checks import check_kinds
    from procure_check.extract.labels import label_definitions

    path = builtin_rules / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        {"label_definitions": label_definitions, "check_kinds": check_kinds}[read]()
    assert message in str(raised.value)
    assert str(path) in str(raised.value)


def _catalogue_with_rules(tmp_path: Path, files: dict[str, str]) -> Path:
    catalogue = tmp_path / "catalogue"
    shutil.copytree(data_dir("criteria"), catalogue)
    (catalogue / "rules").mkdir()
    for name, text in files.items():
        (catalogue / "rules" / name).write_text(text, encoding="utf-8")
    return catalogue


def test_a_slip_in_a_catalogues_rules_names_that_file(tmp_path, sheet):
    catalogue = _catalogue_with_rules(tmp_path, {"statements.yaml": "statements:\n  refill: ['(refill']\n"})
    result = _run("product", str(sheet), "--catalogue", str(catalogue))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert (f"{catalogue / 'rules' / 'statements.yaml'}: refill: field 'statements.refill.0': "
            "invalid regular expression '(refill'") in result.stderr


@pytest.mark.parametrize(("name", "message"), [
    ("words.yaml", r"not a vocabulary file \(known: checks.yaml,"),
    ("context.yaml", "this vocabulary cannot be extended by a catalogue"),
])
def test_a_catalogue_cannot_add_files_that_would_be_ignored(tmp_path, name, message):
    catalogue = _catalogue_with_rules(tmp_path, {name: "negation_before: ['nix']\n"})
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(catalogue)


def test_a_catalogues_rules_are_merged_over_the_builtin_ones(tmp_path):
    addition = "statements:\n  refill:\n    - 'refill pack'\n  no_propellant: ['ohne Aerosol']\n"
    catalogue = load_catalogue(_catalogue_with_rules(tmp_path, {"statements.yaml": addition}))
    merged = rules_file("statements.yaml")["statements"]
    assert merged["refill"] == ["refill pack"]
    assert merged["no_propellant"][-1] == "ohne Aerosol" and len(merged["no_propellant"]) > 1
    assert catalogue.rules == tmp_path / "catalogue" / "rules"
    assert catalogue.digest != load_catalogue().digest  # the cache tells the vocabularies apart
    assert "refill" not in rules_file("statements.yaml")["statements"]


def test_merge_extends_lists_merges_mappings_and_replaces_values():
    base = {"a": [1, 2], "b": {"x": 1, "y": [1]}, "c": 3}
    assert merge_rules(base, {"a": [2, 3], "b": {"y": [2], "z": 0}, "c": 4}) == {
        "a": [1, 2, 3], "b": {"x": 1, "y": [1, 2], "z": 0}, "c": 4}
    assert merge_rules(base, {"a": "text"})["a"] == "text"  # validation refuses it, naming the addition


def test_a_spawned_worker_gets_the_catalogues_words(tmp_path):
    addition = {"statements.yaml": "statements:\n  refill: [refill]\n"}
    catalogue = load_catalogue(_catalogue_with_rules(tmp_path, addition))
    pickled = pickle.dumps(catalogue)
    load_catalogue()
    assert "refill" not in rules_file("statements.yaml")["statements"]
    pickle.loads(pickled)
    assert "refill" in rules_file("statements.yaml")["statements"]


def test_a_check_kind_that_does_not_compile_stops_the_start(tmp_path, sheet):
    kind = ("kinds:\n  stated_once:\n    params:\n      passes: {type: statements}\n    rules:\n      - verdict: pass\n"
            "        priority: 2\n        when:\n          said: {kind: statement, statement: {in: $pases}}\n"
            "        reason: {en: 'stated: {said.quote}', da: 'angivet: {said.quote}'}\n")
    catalogue = _catalogue_with_rules(tmp_path, {"checks.yaml": kind})
    with (catalogue / "cleaning.yaml").open("a", encoding="utf-8") as group_file:
        group_file.write("  - id: CLEAN-P09\n    severity: recommended\n    title: {da: Dosering, en: Dosing}\n"
                         "    description: {da: Dosering, en: Dosing}\n    evidence: {da: Dosering, en: Dosing}\n"
                         "    check: stated_once\n    params: {passes: [dosing]}\n"
                         "    source: {programme: Local, reference: test, year: 2026}\n")
    result = _run("product", str(sheet), "--catalogue", str(catalogue))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert (f"{catalogue / 'rules' / 'checks.yaml'}: stated_once: field 'kinds.stated_once.rules': does not compile "
            "for CLEAN-P09: KeyError: 'pases'") in result.stderr
