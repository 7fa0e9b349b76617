"""Damaged copies of the sample PDFs: a report or a clean error, and never more passes than the intact file.

A seeded, fixed set of damages (truncation, flipped bytes, a broken or missing cross-reference table
and trailer, a zeroed stream or the end of one) is applied to the sample data sheets and tenders.
Each damaged file must give a report or a `DocumentError` code (no other exception), and a damage must
never turn a criterion that did not pass into a pass, nor a non-compliant document into a compliant one.
"""

import collections
import random
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.results import DocumentReport

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PRODUCTS = sorted(SAMPLES.glob("products/*/*.pdf"))
TENDERS = sorted(SAMPLES.glob("tenders/*/*.pdf"))
SEED = 20261122
PER_KIND = 8
"""Files damaged per kind of damage: 8 kinds × 8 files."""
CODES = {"corrupt", "no_text", "encrypted", "too_large", "unsupported"}

Damage = Callable[[bytes, random.Random], bytes]


def _streams(data: bytes) -> list[tuple[int, int]]:
    """The (start, end) of every stream's data."""
    spans = []
    for match in re.finditer(rb"(?<!end)stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        if end > match.end():
            spans.append((match.end(), end))
    return spans


def truncate_half(data: bytes, rng: random.Random) -> bytes:
    return data[: len(data) // 2]


def truncate_anywhere(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(16, len(data))]


def truncate_end(data: bytes, rng: random.Random) -> bytes:
    """Cut in the trailer (a download that stopped just before the end)."""
    return data[: len(data) - rng.randrange(1, 80)]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    body_end = data.rfind(b"xref")
    for _ in range(rng.randrange(1, 17)):
        damaged[rng.randrange(16, body_end)] ^= rng.randrange(1, 256)
    return bytes(damaged)


def break_xref(data: bytes, rng: random.Random) -> bytes:
    """The cross-reference keyword misspelt and its offsets wrong."""
    xref = data.rfind(b"xref")
    table = re.sub(rb"\d{10}(?= 00000 n)", lambda _: b"%010d" % rng.randrange(len(data)), data[xref:])
    return data[:xref] + b"xerf" + table[4:]


def remove_xref_and_trailer(data: bytes, rng: random.Random) -> bytes:
    return data[: data.rfind(b"xref")] + b"%%EOF\n"


def zero_stream(data: bytes, rng: random.Random) -> bytes:
    start, end = rng.choice(_streams(data))
    return data[:start] + bytes(end - start) + data[end:]


def zero_end_of_stream(data: bytes, rng: random.Random) -> bytes:
    """A block of zeros over the end of a stream: PDFium reads the start and stays silent."""
    start, end = rng.choice(_streams(data))
    cut = rng.randrange(start + 1, end)
    return data[:cut] + bytes(end - cut) + data[end:]


DAMAGES: list[Damage] = [truncate_half, truncate_anywhere, truncate_end, flip_bytes, break_xref,
                         remove_xref_and_trailer, zero_stream, zero_end_of_stream]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_catalogue(), as_of=date(2026, 11, 22))


def _check(checker: Checker, path: Path, kind: str, group: str | None = None) -> DocumentReport:
    return checker.check_tender([path], group) if kind == "tender" else checker.check_product(path, group)


def _mutations() -> list[tuple[Path, str, Damage]]:
    """The seeded set: per kind of damage, `PER_KIND` of the sample PDFs."""
    rng = random.Random(SEED)
    samples = [(path, "product") for path in PRODUCTS] + [(path, "tender") for path in TENDERS]
    return [(path, kind, damage) for damage in DAMAGES
            for path, kind in rng.sample(samples, min(PER_KIND, len(samples)))]


def _assert_no_gain(damaged: DocumentReport, intact: DocumentReport, what: str) -> None:
    if damaged.error:
        assert damaged.error.code in CODES, (what, damaged.error)
        assert damaged.results == [], what
        return
    before = {result.criterion: result.verdict for result in intact.results}
    for result in damaged.results:
        if result.verdict == "pass":
            assert before[result.criterion] == "pass", f"{what}: {result.criterion} {before[result.criterion]} → pass"
    assert intact.summary.compliant or not damaged.summary.compliant, f"{what}: became compliant"


@pytest.mark.skipif(not PRODUCTS, reason="no sample PDFs")
def test_damaged_samples_never_gain_a_pass(checker, tmp_path, capsys):
    intact: dict[Path, DocumentReport] = {}
    outcomes: collections.Counter = collections.Counter()
    mutations = _mutations()
    for path, kind, damage in mutations:
        if path not in intact:
            intact[path] = _check(checker, path, kind)
            assert intact[path].error is None, (path, intact[path].error)
        data = path.read_bytes()
        damaged_data = damage(data, random.Random(f"{SEED}:{path.name}:{damage.__name__}"))
        assert damaged_data != data
        damaged_path = tmp_path / path.name
        damaged_path.write_bytes(damaged_data)
        damaged = _check(checker, damaged_path, kind, intact[path].group)
        _assert_no_gain(damaged, intact[path], f"{path.relative_to(SAMPLES)} {damage.__name__}")
        outcomes[damaged.error.code if damaged.error else "report"] += 1
    with capsys.disabled():
        print(f"\nmutations: {len(mutations)} damaged PDFs: {dict(outcomes.most_common())}")
    assert len(mutations) >= 60


def test_a_stream_cut_short_is_corrupt_never_a_pass(checker, tmp_path):
    """The expiry date comes after the label name in the page's content stream. Cut short there, the
    stream still decodes (without its end); PDFium reads the label without its date and stays silent.
    Damage found this way (an expired OEKO-TEX certificate passed, a tender's "bør" became "skal")."""
    path = tmp_path / "sheet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
    pdf.setFont("Helvetica", 10)
    lines = [
        "Produktdatablad: Stræklagen i jersey, 90 × 200 cm",
        "Materiale: 60 % bomuld, 35 % polyester, 5 % elastan. Vaskes ved 60 °C.",
        *(f"Pakket i {k} stk. pr. pose, {4 * k} stk. pr. kasse, vægt {100 + k} g/m²." for k in range(10, 30)),
        "Certificeret efter STANDARD 100 by OEKO-TEX, certifikat 20.HUS.12345,",
        "gyldig til 31.03.2025.",
    ]
    for k, line in enumerate(lines):
        pdf.drawString(72, 780 - 14 * k, line)
    pdf.save()
    intact = checker.check_product(path, "textiles")
    assert {r.criterion: r.verdict for r in intact.results}["TEXT-P01"] == "fail"  # expired
    data = path.read_bytes()
    (start, end), *_ = sorted(_streams(data), key=lambda span: span[0] - span[1])  # the longest: the page's
    for tenth in range(1, 10):
        cut = start + (end - start) * tenth // 10
        damaged = tmp_path / "damaged.pdf"
        damaged.write_bytes(data[:cut] + b" " * (end - cut) + data[end:])
        report = checker.check_product(damaged, "textiles")
        _assert_no_gain(report, intact, f"cut at {tenth}/10")
        assert report.error is not None and report.error.code == "corrupt", (tenth, report.error)
        assert "page 1 is cut short or garbled" in report.error.message
