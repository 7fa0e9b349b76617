"""The catalogue loads, and a bad catalogue file gets an error naming the file, criterion and field."""

import re
import shutil
from pathlib import Path

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.data import data_dir
from procure_check.errors import CatalogueError

CORE_IDS = {
    "CLEAN-P01",
    "CLEAN-P02",
    "CLEAN-P03",
    "CLEAN-P04",
    "TEXT-P01",
    "TEXT-P02",
    "TEXT-P03",
    "IT-P01",
    "IT-P02",
    "IT-P03",
    "IT-P04",
    "LIGHT-P01",
}


def test_builtin_catalogue_has_the_core_criteria():
    catalogue = load_catalogue()
    assert set(catalogue.criteria) >= CORE_IDS
    assert re.fullmatch(r"[0-9a-f]{16}", catalogue.digest)
    for criterion in catalogue.criteria.values():
        assert criterion.group in catalogue.groups
        assert criterion.source.year >= 2012


def test_criteria_keep_catalogue_order_per_group():
    catalogue = load_catalogue()
    assert [c.id for c in catalogue.for_group("it", "product")] == ["IT-P01", "IT-P02", "IT-P03", "IT-P04"]


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    target = tmp_path / "criteria"
    shutil.copytree(data_dir("criteria"), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "it.yaml",
            "check: energy_class",
            "check: energy_klass",
            r"it\.yaml: IT-P01: field 'check': unknown check kind",
        ),
        (
            "it.yaml",
            "labels: [tco-certified,",
            "labels: [tco,",
            r"it\.yaml: IT-P03: field 'params\.labels': unknown label id 'tco'",
        ),
        (
            "it.yaml",
            '"epeat:silver"',
            '"epeat:platinum"',
            r"IT-P03: field 'params\.labels': label 'epeat' has no grade",
        ),
        ("it.yaml", "      worst: D", "      worst: H", r"IT-P01: field 'params\.worst': energy class must be one of"),
        ("it.yaml", "      years: 2", "      years: two", r"IT-P04: field 'params\.years': expected a number"),
        ("it.yaml", "      subject: warranty\n", "", r"IT-P04: field 'params\.subject': required by check 'duration'"),
        (
            "it.yaml",
            "      years: 2",
            "      years: 2\n      months: 3",
            r"IT-P04: field 'params\.months': not a parameter",
        ),
        ("it.yaml", "severity: recommended", "severity: optional", r"it\.yaml: IT-P01: field 'severity'"),
        ("it.yaml", "    scope: [monitor]", "    scope: [tv]", r"IT-P01: field 'scope': unknown product type 'tv'"),
        (
            "it.yaml",
            "    scope: [monitor]",
            "    scope: [monitor]\n    colour: green",
            r"IT-P01: field 'colour': Extra inputs",
        ),
        ("it.yaml", "id: IT-P02", "id: IT-P01", r"IT-P01: duplicate criterion id"),
        ("it.yaml", "id: IT-P02", "id: it-p02", r"it\.yaml: it-p02: field 'id'"),
        ("lighting.yaml", "{cap: E14, worst: D}", "{cap: E14}", r"LIGHT-P01: field 'params\.limits': each row needs"),
        (
            "cleaning.yaml",
            "groups: [fragrance]",
            "groups: [perfume]",
            r"CLEAN-P04: field 'params\.groups': unknown substance group",
        ),
        (
            "lighting.yaml",
            "quote: 'Energiklasse: C'",
            "quote: 'Energiklasse: A'",
            r"lighting\.yaml: LIGHT-P01: field 'examples\.0': .*'e27-class-c-at-limit': the quote is not on page 1",
        ),
        ("lighting.yaml", "verdict: pass", "verdict: passed", r"LIGHT-P01: field 'examples\.0\.verdict'"),
        (
            "legal.yaml",
            "      group: cleaning\n",
            "",
            r"LEGAL-T01: field 'examples': example 'or-equivalent-da': a criterion of every group needs the group",
        ),
        (
            "wood.yaml",
            "- name: untreated-en",
            "- name: pressure-treated-en",
            r"WOOD-P02: field 'examples': example name 'pressure-treated-en' is used twice",
        ),
        (
            "textiles.yaml",
            "topics: [fibre_limit, cotton_pile]",
            "topics: [fibre_limit, coton_pile]",
            r"textiles\.yaml: TEXT-T0\d: field 'params\.topics': unknown tender topic 'coton_pile' \(known: .*cotton",
        ),
        ("vehicles.yaml", "contrary: [co2_limit]", "contrary: [co2limit]",
         r"vehicles\.yaml: VEH-T\d\d: field 'params\.contrary': unknown tender topic 'co2limit'"),
        ("kitchen.yaml", "topic: spare_parts", "topic: spare_part",
         r"kitchen\.yaml: KITCH-T\d\d: field 'params\.topic': unknown tender value topic 'spare_part' \(known: spa"),
        (
            "cleaning.yaml",
            "  - id: CLEAN-P02",
            "  - id: CLEAN-P02\n  : broken",
            r"cleaning\.yaml: invalid YAML at line \d+",
        ),
    ],
)
def test_catalogue_errors_name_file_criterion_and_field(catalogue_copy, file, old, new, expected):
    _edit(catalogue_copy / file, old, new)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(catalogue_copy)
    message = str(raised.value)
    assert "\n" not in message
    assert re.search(expected, message), message


def test_duplicate_id_across_files_is_an_error(catalogue_copy):
    _edit(catalogue_copy / "lighting.yaml", "id: LIGHT-P01", "id: IT-P01")
    with pytest.raises(CatalogueError, match=r"IT-P01: duplicate criterion id \(also in it\.yaml\)"):
        load_catalogue(catalogue_copy)


def test_yaml_with_python_tags_is_refused(catalogue_copy):
    (catalogue_copy / "evil.yaml").write_text("group: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(CatalogueError, match=r"evil\.yaml: invalid YAML"):
        load_catalogue(catalogue_copy)


def test_empty_or_missing_catalogue_folder(tmp_path):
    with pytest.raises(CatalogueError, match="no group files"):
        load_catalogue(tmp_path)
    with pytest.raises(CatalogueError, match="catalogue folder not found"):
        load_catalogue(tmp_path / "nowhere")


def test_a_criterion_applies_in_the_other_groups_it_names():
    catalogue = load_catalogue()
    assert [c.id for c in catalogue.for_group("wood", "product")] == ["WOOD-P01", "WOOD-P02", "PAPER-P02"]
    assert "PAPER-P02" in [c.id for c in catalogue.for_group("furniture", "product")]
    assert "PAPER-P02" not in [c.id for c in catalogue.for_group("it", "product")]


def test_also_in_must_name_another_group(catalogue_copy):
    _edit(catalogue_copy / "paper.yaml", "also_in: [wood, furniture]", "also_in: [wood, furnitur]")
    with pytest.raises(CatalogueError, match=r"paper\.yaml: PAPER-P02: field 'also_in': no other group named furnitur"):
        load_catalogue(catalogue_copy)
