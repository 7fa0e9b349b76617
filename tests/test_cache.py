"""The result cache: a re-run reads the reports back; anything that changes a result (the file, the catalogue,
--as-of, --lang, the group) misses; a damaged entry is ignored; --no-cache neither reads nor writes."""

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check import check
from procure_check.batch import ProductList, Task, check_batch
from procure_check.cache import Cache, cache_dir, stamp
from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.cli import main
from procure_check.data import data_dir
from procure_check.pool import default_start_method
from procure_check.results import DocumentReport, ErrorInfo

from .conftest import AS_OF

SWAN = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel, flydende koncentrat.
Produktet er Svanemærket, licens nr. 5041 0012, gyldig til 30.06.2026.
Dosering: 25 ml pr. 5 l vand.
Parfumefri.
"""
FORK = pytest.mark.skipif(default_start_method() != "fork", reason="patches in the test process reach forked workers")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """The cache on, in a folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.delenv("PROCURE_CHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("PROCURE_CHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def sheet(tmp_path) -> Path:
    path = tmp_path / "sheets" / "swan.txt"
    path.parent.mkdir()
    path.write_text(SWAN, encoding="utf-8")
    return path


def _run(*args: str, as_of: str = "2026-01-15", command: str = "product"):
    return CliRunner().invoke(main, [command, *args, "--format", "json", "--as-of", as_of, "--lang", "en"],
                              catch_exceptions=False)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def _tamper(folder: Path, old: str, new: str) -> None:
    """Change a reason in every entry, as a marker that a report came from the cache."""
    for entry in _entries(folder):
        entry.write_text(entry.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_cache_folder():
    os.environ.pop("PROCURE_CHECK_CACHE_DIR")
    os.environ["XDG_CACHE_HOME"] = "/somewhere"
    try:
        assert cache_dir() == Path("/somewhere/procure-check")
        del os.environ["XDG_CACHE_HOME"]
        assert cache_dir() == Path.home() / ".cache" / "procure-check"
        os.environ["PROCURE_CHECK_CACHE_DIR"] = "/elsewhere"
        assert cache_dir() == Path("/elsewhere")
    finally:
        os.environ.pop("XDG_CACHE_HOME", None)


def test_a_rerun_reads_the_report_from_the_cache_and_it_is_the_same(cache, sheet, tmp_path):
    first = _run(str(sheet))
    assert first.exit_code == 0, first.output
    (entry,) = _entries(cache)
    assert json.loads(entry.read_text())["report"]["sha256"] == stamp(sheet).sha256
    again = _run(str(sheet))
    assert again.stdout == first.stdout and again.exit_code == 0
    _tamper(cache, "Nordic Swan Ecolabel claimed", "FROM THE CACHE")
    assert "FROM THE CACHE" in _run(str(sheet)).stdout
    # A copy elsewhere has the same content: the same entry, under its own path.
    copy = tmp_path / "copy.txt"
    shutil.copy(sheet, copy)
    (document,) = json.loads(_run(str(copy)).stdout)["documents"]
    assert document["path"] == str(copy) and "FROM THE CACHE" in json.dumps(document)


@FORK
def test_a_hit_does_not_parse_the_document_at_all(cache, sheet, monkeypatch):
    first = _run(str(sheet))

    def no_parsing(path, **options):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(check, "parse_document", no_parsing)  # forked workers would inherit it
    assert _run(str(sheet)).stdout == first.stdout


def test_a_changed_file_misses(cache, sheet):
    _run(str(sheet))
    sheet.write_text(SWAN.replace("Parfumefri.", "Indeholder parfume."), encoding="utf-8")
    (document,) = json.loads(_run(str(sheet)).stdout)["documents"]
    assert {r["criterion"]: r["verdict"] for r in document["results"]}["CLEAN-P04"] == "fail"
    assert len(_entries(cache)) == 2


def test_a_changed_catalogue_misses(cache, sheet, tmp_path):
    catalogue = tmp_path / "criteria"
    shutil.copytree(data_dir("criteria"), catalogue)
    first = json.loads(_run(str(sheet), "--catalogue", str(catalogue)).stdout)["documents"][0]
    assert first["results"][0]["title"] == "Ecolabelled cleaning agent"
    cleaning = catalogue / "cleaning.yaml"
    cleaning.write_text(cleaning.read_text(encoding="utf-8").replace(
        "en: Ecolabelled cleaning agent", "en: Cleaning agent with an ecolabel"), encoding="utf-8")
    edited = json.loads(_run(str(sheet), "--catalogue", str(catalogue)).stdout)["documents"][0]
    assert edited["results"][0]["title"] == "Cleaning agent with an ecolabel"
    assert len(_entries(cache)) == 2


def test_another_as_of_lang_or_group_misses(cache, sheet):
    valid = json.loads(_run(str(sheet), as_of="2026-01-15").stdout)["documents"][0]
    expired = json.loads(_run(str(sheet), as_of="2026-11-22").stdout)["documents"][0]
    assert valid["results"][0]["verdict"] == "pass" and expired["results"][0]["verdict"] == "fail"
    danish = CliRunner().invoke(main, ["product", str(sheet), "--format", "json", "--as-of", "2026-01-15",
                                       "--lang", "da"])
    assert json.loads(danish.stdout)["documents"][0]["results"][0]["title"] == "Miljømærket rengøringsmiddel"
    textiles = json.loads(_run(str(sheet), "--group", "textiles").stdout)["documents"][0]
    assert textiles["group"] == "textiles"
    assert len(_entries(cache)) == 4


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"key": "0000", "report": {"path": "x", "kind": "product"}}', b'{"key": 1}', b"\xff\xfe",
     b"[]"],
    ids=["empty", "not-json", "other-key", "no-report", "binary", "not-an-entry"],
)
def test_a_damaged_entry_is_ignored_and_written_again(cache, sheet, damage):
    first = _run(str(sheet))
    (entry,) = _entries(cache)
    if b'"0000"' in damage:  # a well-formed entry for another key: never someone else's report
        damage = damage.replace(b'"x"', json.dumps(str(sheet)).encode())
    entry.write_bytes(damage)
    again = _run(str(sheet))
    assert again.stdout == first.stdout and again.stderr == "" and again.exit_code == 0
    assert json.loads(entry.read_text())["report"]["results"]  # checked again and stored again


def test_no_cache_neither_reads_nor_writes(cache, sheet):
    _run(str(sheet), "--no-cache")
    assert _entries(cache) == []
    first = _run(str(sheet))
    _tamper(cache, "Nordic Swan Ecolabel claimed", "FROM THE CACHE")
    bypassed = _run(str(sheet), "--no-cache")
    assert bypassed.stdout == first.stdout and "FROM THE CACHE" not in bypassed.stdout


def test_a_password_turns_the_cache_off(cache, sheet):
    _run(str(sheet), "--password", "secret")
    assert _entries(cache) == []
    assert Cache.for_checker(Checker(load_catalogue(), as_of=AS_OF, password="x")) is None


def test_only_errors_that_follow_from_the_content_are_cached(cache, tmp_path):
    unknown = tmp_path / "notes.txt"
    unknown.write_text("Mødereferat fra torsdag.\nIntet om produkter.\n", encoding="utf-8")
    assert json.loads(_run(str(unknown)).stdout)["documents"][0]["error"]["code"] == "no_group"
    assert len(_entries(cache)) == 1
    big = tmp_path / "big.txt"
    big.write_text(SWAN * 3, encoding="utf-8")
    limited = json.loads(_run(str(big), "--max-chars", "100").stdout)["documents"][0]
    assert limited["error"]["code"] == "too_large"
    assert json.loads(_run(str(tmp_path / "missing.txt")).stdout)["documents"][0]["error"]["code"] == "not_found"
    assert len(_entries(cache)) == 1  # neither too_large nor not_found
    assert json.loads(_run(str(big)).stdout)["documents"][0]["error"] is None


def test_tender_sets_and_product_list_rows_are_cached(cache, tmp_path):
    tender = tmp_path / "udbud"
    tender.mkdir()
    (tender / "udbud.txt").write_text(
        "Udbud af rengøringsmidler. CPV 39830000.\n4.1 Produkterne skal være Svanemærket eller tilsvarende.\n",
        encoding="utf-8")
    first = _run(str(tender), command="tender")
    assert _run(str(tender), command="tender").stdout == first.stdout
    products = tmp_path / "products.csv"
    swan, other = '"Allrengøring, rengøringsmiddel",Svanemærket', '"Gulvvask, rengøringsmiddel",ikke svanemærket'
    products.write_text(f"Navn,Mærke\n{swan}\n{other}\n", encoding="utf-8")
    rows = _run(str(products))
    assert len(_entries(cache)) == 3  # the tender set and two rows
    assert _run(str(products)).stdout == rows.stdout
    products.write_text(f"Navn,Mærke\n{other}\n{swan}\n", encoding="utf-8")
    moved = json.loads(_run(str(products)).stdout)["documents"]
    assert [d["path"] for d in moved] == [f"{products}#row-1", f"{products}#row-2"]  # hits, under their new rows
    assert moved[0]["results"][0]["verdict"] == "fail" and len(_entries(cache)) == 3


def test_the_library_cache(tmp_path, sheet):
    checker = Checker(load_catalogue(), as_of=AS_OF)
    cache = Cache.for_checker(checker, tmp_path / "c")
    key = cache.key("product", None, [stamp(sheet).sha256])
    assert cache.get(key) is None
    report = checker.check_product(sheet)
    cache.put(key, report)
    assert cache.get(key) == report
    assert cache.get(cache.key("product", "textiles", [stamp(sheet).sha256])) is None
    timeout = DocumentReport(path="x", kind="product", error=ErrorInfo(code="timeout", message="stopped"))
    cache.put(key, timeout)  # never stored
    assert cache.get(key) == report
    later = Cache.for_checker(Checker(load_catalogue(), as_of=AS_OF.replace(year=2027)), tmp_path / "c")
    assert later.get(later.key("product", None, [stamp(sheet).sha256])) is None
    # The workers store what they check; the next batch reads it back without a worker.
    reports = list(check_batch(checker, [Task("product", (sheet,)), ProductList(_list(tmp_path))], cache=cache))
    assert list(check_batch(checker, [Task("product", (sheet,)), ProductList(_list(tmp_path))], cache=cache)) == reports


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "list.csv"
    path.write_text("Navn,Mærke\nAllrengøring,Svanemærket\n", encoding="utf-8")
    return path


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch, sheet):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("PROCURE_CHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("PROCURE_CHECK_CACHE_DIR", str(blocker / "cache"))
    result = _run(str(sheet))
    assert result.exit_code == 0 and result.stderr == ""
