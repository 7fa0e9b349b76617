"""Mutations of real group files: the catalogue loader gives a one-line CatalogueError naming the file, or
a catalogue that compiles; never another exception. YAML with a key given twice is refused."""

import datetime
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procure_check.catalogue import CATALOGUE_FILE, load_catalogue
from procure_check.data import data_dir, read_yaml
from procure_check.engine.compile import compile_criteria
from procure_check.errors import CatalogueError

CRITERIA = data_dir("criteria")
GROUP_FILES = ["cleaning.yaml", "it.yaml", "lighting.yaml"]  # labels, statements, thresholds, tables
BASE = {name: yaml.safe_load((CRITERIA / name).read_text(encoding="utf-8")) for name in GROUP_FILES}
AS_OF = datetime.date(2026, 11, 22)

_ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.dates(), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
_BAD_THRESHOLDS = st.one_of(
    st.sampled_from([float("nan"), float("inf"), float("-inf"), -1, 0, 10**30, True, "two", "H", "A+++", "", None]),
    st.floats(allow_nan=True, allow_infinity=True),
)
_NAMES = st.one_of(st.sampled_from(["tco", "svanen", "nordic_swan", "NORDIC-SWAN", "epeat:platinum", ""]),
                   st.text(max_size=10))


def _paths(node: Any, path: tuple = ()) -> Iterator[tuple]:
    """Every place in the data: dict keys and list indices, depth first."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _get(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def _mutate(data: dict, draw) -> dict:
    """One mutation of the group data, chosen by `draw` (hypothesis' `data.draw`)."""
    operation = draw(st.sampled_from(["delete", "retype", "unknown_key", "duplicate_id", "label", "threshold"]))
    criteria = data.get("criteria") if isinstance(data.get("criteria"), list) else []
    criteria = [c for c in criteria if isinstance(c, dict)]
    if operation == "delete":
        places = [p for p in _paths(data) if p]
        if places:
            path = draw(st.sampled_from(places))
            del _get(data, path[:-1])[path[-1]]
    elif operation == "retype":
        path = draw(st.sampled_from(list(_paths(data))))
        value = draw(_ODD_VALUES)
        if not path:
            return value
        _get(data, path[:-1])[path[-1]] = value
    elif operation == "unknown_key":
        places = [p for p in _paths(data) if isinstance(_get(data, p), dict)]
        _get(data, draw(st.sampled_from(places)))[draw(st.text(min_size=1, max_size=8))] = draw(_ODD_VALUES)
    elif operation == "duplicate_id" and criteria:
        criterion = draw(st.sampled_from(criteria))
        criterion["id"] = draw(st.sampled_from([c.get("id") for c in criteria] + ["IT-P01", "LIGHT-P01", "CLEAN-P01"]))
    elif operation == "label":
        with_labels = [c for c in criteria if isinstance(c.get("params"), dict) and "labels" in c["params"]]
        if with_labels:
            params = draw(st.sampled_from(with_labels))["params"]
            params["labels"] = [*params["labels"], draw(_NAMES)] if isinstance(params["labels"], list) else []
    elif operation == "threshold":
        places = [p for p in _paths(data) if "params" in p and isinstance(_get(data, p), int | float | str)
                  and not isinstance(_get(data, p), bool)]
        if places:
            path = draw(st.sampled_from(places))
            _get(data, path[:-1])[path[-1]] = draw(_BAD_THRESHOLDS)
    return data


def _load(folder: Path, name: str, text: str):
    for other in [CATALOGUE_FILE, *GROUP_FILES]:
        shutil.copy(CRITERIA / other, folder / other)
    (folder / name).write_text(text, encoding="utf-8")
    return load_catalogue(folder)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GROUP_FILES), st.data())
def test_mutated_group_files_give_a_catalogue_error_naming_the_file(name, data):
    mutated = json.loads(json.dumps(BASE[name], default=str))  # a deep copy; dates become text, as YAML reads them
    for _ in range(data.draw(st.integers(1, 4))):
        mutated = _mutate(mutated, data.draw) if isinstance(mutated, dict) else mutated
    text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as directory:
        try:
            catalogue = _load(Path(directory), name, text)
        except CatalogueError as error:
            message = str(error)
            assert "\n" not in message
            assert name in message, message
            return
    for group in catalogue.product_groups:
        for kind in ("product", "tender"):
            definition = compile_criteria(catalogue.for_group(group, kind), AS_OF).definition
            json.dumps(definition, allow_nan=False)  # what reaches the rules engine: finite numbers only


def _key_lines(text: str) -> list[int]:
    """Lines that start a one-line mapping entry (not a list item, nor an example's text or a line of it)."""
    lines, keys, nodes = text.splitlines(), [], [yaml.compose(text)]
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.MappingNode):
            keys += [key.start_mark.line for key, value in node.value
                     if re.match(r"\s*[\w-]+:", lines[key.start_mark.line])
                     and not (isinstance(value, yaml.ScalarNode) and value.end_mark.line > value.start_mark.line)]
            nodes += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
    return sorted(keys)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(GROUP_FILES), st.data())
def test_a_key_given_twice_is_refused_with_its_line(name, data):
    # The group file in block style, one entry per line, so that a line can be given twice.
    text = yaml.safe_dump(BASE[name], default_flow_style=False, allow_unicode=True, sort_keys=False, width=10**6)
    lines = text.splitlines()
    k = data.draw(st.sampled_from(_key_lines(text)))
    key = lines[k].split(":")[0].strip()
    duplicated = "\n".join([*lines[: k + 1], lines[k], *lines[k + 1 :]]) + "\n"
    with tempfile.TemporaryDirectory() as directory, pytest.raises(CatalogueError) as raised:
        _load(Path(directory), name, duplicated)
    message = str(raised.value)
    assert f"{name}: invalid YAML at line {k + 2}: duplicate key '{key}' (first at line {k + 1})" in message, message


def test_duplicate_keys_in_flow_mappings_and_rules_files(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("title: {da: Rengøring, en: Cleaning, da: Rengøringsmidler}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"x\.yaml: invalid YAML at line 1: duplicate key 'da' \(first at line 1"):
        read_yaml(path)
    path.write_text("base: &base {a: 1, b: 2}\nderived:\n  <<: *base\n  b: 3\n", encoding="utf-8")
    assert read_yaml(path)["derived"] == {"a": 1, "b": 3}  # a merged key may be overridden
    for rules in data_dir("rules").glob("*.yaml"):
        read_yaml(rules)  # the shipped data has no duplicate keys


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 5000, "invalid YAML: nested too deeply"),
        ("version: 2026-02-30\n", "invalid YAML at line 1: day is out of range for month"),
        ("version: !!float ten\n", "invalid YAML at line 1: could not convert string to float"),
        ("version: !!python/name:os.system\n", "invalid YAML at line 1"),
    ],
)
def test_yaml_that_cannot_be_built_is_a_catalogue_error(tmp_path, text, message):
    shutil.copy(CRITERIA / "cleaning.yaml", tmp_path / "cleaning.yaml")
    (tmp_path / CATALOGUE_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert f"{CATALOGUE_FILE}: {message}" in str(raised.value)


def test_a_folder_named_like_a_group_file_is_a_catalogue_error(tmp_path):
    shutil.copy(CRITERIA / "cleaning.yaml", tmp_path / "cleaning.yaml")
    (tmp_path / "extra.yaml").mkdir()
    with pytest.raises(CatalogueError, match=r"extra\.yaml: cannot read file"):
        load_catalogue(tmp_path)


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_thresholds_must_be_finite(tmp_path, value):
    shutil.copy(CRITERIA / "it.yaml", tmp_path / "it.yaml")
    text = (tmp_path / "it.yaml").read_text(encoding="utf-8")
    assert "      years: 2\n" in text
    (tmp_path / "it.yaml").write_text(text.replace("      years: 2\n", f"      years: {value}\n"), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"it\.yaml: IT-P04: field 'params\.years': expected a finite number"):
        load_catalogue(tmp_path)


def test_an_error_quoting_a_value_with_a_line_break_stays_one_line(tmp_path):
    shutil.copy(CRITERIA / "cleaning.yaml", tmp_path / "cleaning.yaml")
    text = (tmp_path / "cleaning.yaml").read_text(encoding="utf-8")
    (tmp_path / "cleaning.yaml").write_text(text.replace("labels: [nordic-swan,", 'labels: ["nordic\\nswan",', 1),
                                            encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert str(raised.value).endswith("unknown label id 'nordic swan'")
