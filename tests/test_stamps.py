"""Work remembered between runs (`procure_check.stamps`): the vocabulary is validated again only when what the
validation read changes."""

import pytest

from procure_check import stamps, vocab
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
