"""ZIP archives as tender sets: members named by their path inside the archive, nested archives, junk
skipped, and hostile archives refused with one clean error each, leaving nothing on disk."""

import io
import os
import stat
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.parse.archive import MAX_RATIO

TENDER = ("Udbud af rengøringsmidler. CPV 39830000-9\n\n"
          "3.1 Produkterne skal være svanemærket eller tilsvarende.\n")


def _zip(members: dict[str, bytes | zipfile.ZipInfo]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write(tmp_path: Path, data: bytes, name: str = "udbud.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def checker() -> Checker:
    return Checker(load_catalogue(), as_of=date(2026, 11, 22))


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the archive's members are unpacked: must be empty after each check."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _left(folder: Path) -> list[Path]:
    """What the checks left in the temporary folder, but for the user's empty base folder."""
    return [path for path in folder.rglob("*") if path.name != f"procure-check-{os.getuid()}"]


def test_members_are_named_by_their_path_inside_the_archive(tmp_path: Path, checker: Checker, private_tmp: Path):
    inner = _zip({"kravspec.txt": TENDER.encode()})
    data = _zip({"udbudsbetingelser.txt": b"Udbudsbetingelser for rammeaftalen.\n", "bilag/bilag.zip": inner,
                 "__MACOSX/bilag/._kravspec.txt": b"\x00\x05junk", "bilag/~$kravspec.docx": b"lock",
                 "bilag/.DS_Store": b"\x00\x00", "tegninger/plan.dwg": b"AC1032"})
    path = _write(tmp_path, data)
    report = checker.check_tender([path])
    assert report.error is None, report.error
    assert report.files == [f"{path}/udbudsbetingelser.txt", f"{path}/bilag/bilag.zip/kravspec.txt"]
    assert report.group == "cleaning"
    quoted = [evidence.document for result in report.results for evidence in result.evidence]
    assert f"{path}/bilag/bilag.zip/kravspec.txt" in quoted
    assert _left(private_tmp) == []


def _error(checker: Checker, path: Path) -> tuple[str, str]:
    report = checker.check_tender([path])
    assert report.results == [] and report.error is not None
    assert "\n" not in report.error.message
    return report.error.code, report.error.message


def test_path_traversal_and_absolute_paths_are_refused(tmp_path: Path, checker: Checker, private_tmp: Path):
    for name in ("../../evil.txt", "/etc/evil.txt", "bilag/../../evil.txt", "C:/evil.txt"):
        code, message = _error(checker, _write(tmp_path, _zip({"ok.txt": TENDER.encode(), name: b"x"})))
        assert code == "unsupported" and "outside the archive" in message, name
    assert not (tmp_path.parent / "evil.txt").exists() and _left(private_tmp) == []


def test_a_symbolic_link_member_is_refused(tmp_path: Path, checker: Checker):
    link = zipfile.ZipInfo("bilag/krav.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    code, message = _error(checker, _write(tmp_path, _zip({"ok.txt": TENDER.encode(), link: b"/etc/passwd"})))
    assert code == "unsupported" and "symbolic link" in message


def test_an_encrypted_member_is_reported(tmp_path: Path, checker: Checker):
    data = bytearray(_zip({"ok.txt": TENDER.encode(), "krav.txt": b"garbled"}))
    # zipfile cannot encrypt: set the "encrypted" flag of the second member, as an encrypting tool writes it.
    local, central = data.index(b"PK\x03\x04", 4), data.rindex(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    code, message = _error(checker, _write(tmp_path, bytes(data)))
    assert code == "encrypted" and "krav.txt" in message


def test_a_zip_bomb_is_too_large(tmp_path: Path, checker: Checker, private_tmp: Path):
    bomb = _zip({"krav.txt": b"0" * (40 * 1_000_000)})
    assert len(bomb) * MAX_RATIO < 40 * 1_000_000
    code, message = _error(checker, _write(tmp_path, bomb))
    assert code == "too_large" and "zip bomb" in message
    assert _left(private_tmp) == []


def test_a_zip_in_a_zip_in_a_zip_is_refused(tmp_path: Path, checker: Checker):
    deepest = _zip({"krav.txt": TENDER.encode()})
    data = _zip({"a.zip": _zip({"b.zip": deepest})})
    code, message = _error(checker, _write(tmp_path, data))
    assert code == "unsupported" and "b.zip" in message and "inside an archive inside an archive" in message


def test_a_damaged_central_directory_is_corrupt(tmp_path: Path, checker: Checker):
    data = _zip({"krav.txt": TENDER.encode()})
    directory = data.rindex(b"PK\x01\x02")
    damaged = data[:directory] + b"\xff" * (len(data) - directory)
    code, message = _error(checker, _write(tmp_path, damaged))
    assert code == "corrupt" and "ZIP" in message


def test_a_damaged_member_is_corrupt(tmp_path: Path, checker: Checker):
    data = bytearray(_zip({"krav.txt": TENDER.encode() * 20}))
    data[40:60] = b"\x00" * 20  # inside the compressed data: the CRC no longer matches
    code, _ = _error(checker, _write(tmp_path, bytes(data)))
    assert code == "corrupt"


def test_an_archive_without_documents(tmp_path: Path, checker: Checker):
    code, message = _error(checker, _write(tmp_path, _zip({"plan.dwg": b"AC1032", "__MACOSX/x": b"y"})))
    assert code == "no_text" and "no document" in message


def test_other_tender_sets_are_still_checked(tmp_path: Path, checker: Checker):
    bad = _write(tmp_path, _zip({"../evil.txt": b"x"}), "bad.zip")
    good = _write(tmp_path, _zip({"krav.txt": TENDER.encode()}), "good.zip")
    assert checker.check_tender([bad]).error.code == "unsupported"
    assert checker.check_tender([good]).error is None


def test_a_tender_folder_holds_its_archives_and_workbooks(tmp_path: Path):
    from openpyxl import Workbook

    from procure_check.inputs import product_tasks, tender_tasks

    folder = tmp_path / "udbud"
    folder.mkdir()
    _write(folder, _zip({"betingelser.txt": TENDER.encode()}))
    Workbook().save(folder / "krav.xlsx")
    (folder / "tilbudsliste.csv").write_text("Nr;Pris\n1;10\n", encoding="utf-8")
    [task] = tender_tasks([tmp_path], None, print)
    assert [path.name for path in task.paths] == ["krav.xlsx", "udbud.zip"]
    assert product_tasks([folder], None, None, print) == []  # a product folder scan reads neither


def test_a_workbook_inside_an_archive_is_named_by_sheet(tmp_path: Path):
    from openpyxl import Workbook

    from procure_check.parse import parse_document, parse_tender_file

    workbook = Workbook()
    workbook.active.title = "Krav"
    workbook.active.append(["Nr.", "Krav", "Type"])
    workbook.active.append(["1", "Produkterne skal være svanemærket.", "Mindstekrav"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = _write(tmp_path, _zip({"bilag/kravmatrix.xlsx": buffer.getvalue()}))
    documents = parse_tender_file(path, parse_document).documents
    assert [document.path for document in documents] == [f"{path}/bilag/kravmatrix.xlsx!Krav"]


def test_folders_left_by_killed_processes_are_removed(tmp_path: Path, checker: Checker, private_tmp: Path):
    base = private_tmp / f"procure-check-{os.getuid()}"
    base.mkdir(mode=0o700)
    killed, running = base / "999999999-abc", base / f"{os.getpid()}-def"
    for folder in (killed, running):
        folder.mkdir()
        (folder / "0-1.pdf").write_bytes(b"%PDF-")
    assert checker.check_tender([_write(tmp_path, _zip({"krav.txt": TENDER.encode()}))]).error is None
    assert not killed.exists() and (running / "0-1.pdf").exists()
