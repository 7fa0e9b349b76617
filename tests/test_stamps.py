"""Work remembered between runs (`procure_check.stamps`): the vocabulary is validated, and the catalogue read, again
only when what the work read changes."""

import os
import shutil
import time

import pytest

from procure_check import catalogue, stamps, vocab
from procure_check.data import data_dir
from procure_check.errors import CatalogueError
from procure_check.vocab import schemas


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROCURE_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    vocab._check.cache_clear()
    yield
    vocab._check.cache_clear()


def test_a_stamp_names_the_exact_contents_it_was_made_for(tmp_path):
    file = tmp_path / "words.yaml"
    file.write_text("a: [x]\n")
    first = stamps.Stamp("vocabulary", [file])
    assert not first.exists()
    first.mark()
    assert stamps.Stamp("vocabulary", [file]).exists()
    file.write_text("a: [y]\n")
    assert not stamps.Stamp("vocabulary", [file]).exists()
    missing = stamps.Stamp("vocabulary", [tmp_path / "gone.yaml"])
    missing.mark()
    assert missing.path is None and not missing.exists()


def test_the_vocabulary_is_validated_once_then_only_when_a_file_changes(tmp_path, monkeypatch):
    vocab.load_vocabulary(None)
    assert len(list((tmp_path / "cache" / "stamps").iterdir())) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("validated again")

    monkeypatch.setattr(schemas.FILES["labels.yaml"], "model_validate", refuse)
    vocab._check.cache_clear()
    vocab.load_vocabulary(None)  # the same files: the stamp stands for the validation
    monkeypatch.undo()

    own = tmp_path / "rules"
    own.mkdir()
    (own / "statements.yaml").write_text("statements:\n  no_propellant: uden drivgas\n")
    with pytest.raises(CatalogueError, match="no_propellant"):
        vocab.load_vocabulary(own)
    vocab.load_vocabulary(None)


def _copied_catalogue(tmp_path):
    folder = tmp_path / "criteria"
    shutil.copytree(data_dir("criteria"), folder)
    return folder


def test_a_validated_catalogue_is_read_back_until_a_file_changes(tmp_path, monkeypatch):
    folder = _copied_catalogue(tmp_path)
    first = catalogue.load_catalogue(folder)

    def refuse(*args):
        raise AssertionError("validated again")

    monkeypatch.setattr(catalogue, "_validated_catalogue", refuse)
    again = catalogue.load_catalogue(folder)
    assert again == first and again is not first
    monkeypatch.undo()

    cleaning = folder / "cleaning.yaml"
    cleaning.write_text(cleaning.read_text().replace("check: ", "check: no_such_", 1))
    with pytest.raises(CatalogueError, match="unknown check kind"):
        catalogue.load_catalogue(folder)
    with pytest.raises(CatalogueError, match="unknown check kind"):  # an invalid catalogue is never remembered
        catalogue.load_catalogue(folder)


def test_a_new_file_in_the_catalogues_rules_folder_is_read(tmp_path):
    folder = _copied_catalogue(tmp_path)
    (folder / "rules").mkdir()
    catalogue.load_catalogue(folder)
    (folder / "rules" / "notes.txt").write_text("not a vocabulary file\n")
    with pytest.raises(CatalogueError, match="not a vocabulary file"):
        catalogue.load_catalogue(folder)


def test_a_damaged_remembered_catalogue_is_made_again(tmp_path):
    folder = _copied_catalogue(tmp_path)
    first = catalogue.load_catalogue(folder)
    [kept] = (tmp_path / "cache" / "stamps").glob("catalogue-*")
    kept.write_bytes(kept.read_bytes()[:100])  # cut short, as by a full disk
    assert catalogue.load_catalogue(folder) == first
    assert catalogue.load_catalogue(folder) == first and kept.stat().st_size > 100


def test_a_changed_code_file_or_a_new_own_rules_folder_makes_the_catalogue_again(tmp_path, monkeypatch):
    folder = _copied_catalogue(tmp_path)
    code = tmp_path / "module.py"
    code.write_text("A = 1\n")
    monkeypatch.setattr(catalogue, "code_files", lambda: [code])
    calls = []
    validated = catalogue._validated_catalogue
    monkeypatch.setattr(catalogue, "_validated_catalogue", lambda *args: calls.append(1) or validated(*args))
    catalogue.load_catalogue(folder)
    catalogue.load_catalogue(folder)
    assert len(calls) == 1
    code.write_text("A = 2\n")
    catalogue.load_catalogue(folder)
    assert len(calls) == 2
    (folder / "rules").mkdir()  # no file in it, but the catalogue now has a vocabulary folder of its own
    assert catalogue.load_catalogue(folder).rules == folder / "rules"
    assert len(calls) == 3


def test_a_catalogue_file_changed_while_it_is_read_is_not_remembered(tmp_path, monkeypatch):
    folder = _copied_catalogue(tmp_path)
    validated = catalogue._validated_catalogue

    def edited_meanwhile(*args):
        result = validated(*args)
        with (folder / "cleaning.yaml").open("a") as file:
            file.write("# edited\n")
        return result

    monkeypatch.setattr(catalogue, "_validated_catalogue", edited_meanwhile)
    catalogue.load_catalogue(folder)
    assert not list((tmp_path / "cache" / "stamps").glob("catalogue-*"))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners and modes are POSIX")
def test_a_remembered_catalogue_that_others_can_write_is_not_read(tmp_path, monkeypatch):
    folder = _copied_catalogue(tmp_path)
    catalogue.load_catalogue(folder)
    [kept] = (tmp_path / "cache" / "stamps").glob("catalogue-*")
    assert kept.stat().st_mode & 0o077 == 0 and kept.parent.stat().st_mode & 0o077 == 0
    kept.chmod(0o666)

    def refuse(*args):
        raise AssertionError("read the pickle")

    calls = []
    validated = catalogue._validated_catalogue
    monkeypatch.setattr(catalogue, "_validated_catalogue", lambda *args: calls.append(1) or validated(*args))
    monkeypatch.setattr(stamps.pickle, "load", refuse)
    catalogue.load_catalogue(folder)
    assert calls == [1]


def test_stamps_no_run_used_for_a_month_are_deleted_when_another_of_their_kind_is_made(tmp_path):
    folder = tmp_path / "cache" / "stamps"
    folder.mkdir(parents=True)
    month_ago = time.time() - 31 * 24 * 3600
    source = tmp_path / "words.yaml"
    source.write_text("a: [x]\n")
    used = stamps.Stamp("catalogue-pydantic-2.0", [source])
    used.keep({"a": ["x"]})
    old = folder / "catalogue-pydantic-1.0-0123456789abcdef"  # made by an older version
    recent = folder / "catalogue-pydantic-2.0-fedcba9876543210"
    other_kind = folder / "vocabulary-0123456789abcdef"
    for path in (old, recent, other_kind):
        path.write_bytes(b"")
    for path in (old, other_kind, used.path):
        os.utime(path, (month_ago, month_ago))
    assert used.read() == {"a": ["x"]}  # read today: kept
    source.write_text("a: [y]\n")
    stamps.Stamp("catalogue-pydantic-2.0", [source]).keep({"a": ["y"]})
    assert not old.exists()
    assert recent.exists() and other_kind.exists() and used.path.exists()
