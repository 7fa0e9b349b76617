"""Scanned (image-only) PDFs: `no_text` with a hint, and `--ocr` with the tesseract program."""

import json
import os
import shutil
from pathlib import Path

import pytest
import reportlab
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from procure_check.cli import main
from procure_check.parse.ocr import tsv_lines

SCAN_LINES = [
    "Produktdatablad: Allrengøring Citrus",
    "Universalrengøringsmiddel, flydende koncentrat.",
    "Produktet er Svanemærket, licens nr. 5041 0012.",
    "Dosering: 25 ml pr. 5 l vand.",
]
DPI = 200
TOP, LEFT, LEADING = 100, 72, 24  # points: where the text image goes, and its line spacing

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="the tesseract program is not installed")


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    """A data sheet whose text is only pixels: drawn with Pillow at 200 dpi, placed as an image."""
    scale = DPI / 72
    width, height = A4
    image = Image.new("L", (round(width * scale), round(height * scale)), 255)
    font = ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"), round(12 * scale))
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(SCAN_LINES):
        draw.text((LEFT * scale, (TOP + k * LEADING) * scale), line, font=font, fill=0)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(image), 0, 0, width=width, height=height)
    pdf.showPage()
    pdf.save()
    return path


def _run(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)


def test_a_scan_has_no_text_and_the_error_points_to_ocr(scan):
    result = _run("product", str(scan), "--format", "json", "--group", "cleaning", "--jobs", "1")
    assert result.exit_code == 2
    (document,) = json.loads(result.stdout)["documents"]
    assert document["error"]["code"] == "no_text"
    assert "--ocr" in document["error"]["message"]


def test_ocr_without_tesseract_is_a_usage_error(scan, tmp_path):
    result = _run("product", str(scan), "--ocr", env={"PATH": str(tmp_path)})  # no tesseract on this PATH
    assert result.exit_code == 2
    assert "--ocr needs the program 'tesseract'" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


@needs_tesseract
def test_ocr_reads_a_label_claim_from_a_scan(scan):
    result = _run("product", str(scan), "--ocr", "--format", "json", "--as-of", "2026-11-22", "--jobs", "1")
    (document,) = json.loads(result.stdout)["documents"]
    assert document["error"] is None, document["error"]
    assert document["group"] == "cleaning"
    verdicts = {r["criterion"]: r for r in document["results"]}
    swan = verdicts["CLEAN-P01"]
    assert swan["verdict"] == "pass", swan
    (evidence,) = swan["evidence"][:1]
    assert evidence["ocr"] is True and evidence["page"] == 1
    assert "Svanemærket" in evidence["text"]
    x0, top, _, bottom = evidence["bbox"]  # in points from the top left, where the line was drawn
    line = SCAN_LINES.index("Produktet er Svanemærket, licens nr. 5041 0012.")
    assert x0 == pytest.approx(LEFT, abs=6)
    assert top == pytest.approx(TOP + line * LEADING, abs=8) and top < bottom < top + 30


@needs_tesseract
def test_ocr_of_a_blank_page_finds_nothing(tmp_path):
    path = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 500, 200, 100, fill=1)
    pdf.showPage()
    pdf.save()
    result = _run("product", str(path), "--ocr", "--format", "json", "--group", "cleaning", "--jobs", "1")
    (document,) = json.loads(result.stdout)["documents"]
    assert document["error"]["code"] == "no_text"
    assert "by OCR" in document["error"]["message"]


def test_tesseract_tsv_becomes_lines_with_boxes_in_points():
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
        "4\t1\t1\t1\t1\t0\t300\t400\t900\t50\t-1\t",
        "5\t1\t1\t1\t1\t1\t300\t400\t400\t50\t96.5\tProduktet",
        "5\t1\t1\t1\t1\t2\t720\t410\t480\t40\t91.0\tSvanemærket.",
        "5\t1\t1\t1\t2\t1\t300\t500\t200\t50\t12.0\tikke",
        "5\t1\t1\t1\t2\t2\t520\t500\t10\t50\t95.0\t ",
        "5\t1\t2\t1\t1\t1\tx\t0\t0\t0\t90\tbroken",
    ]
    lines = tsv_lines("\n".join([header, *rows]) + os.linesep, scale=2.0)
    assert [line.text for line in lines] == ["Produktet Svanemærket.", "ikke"]  # low confidence is kept
    assert lines[0].bbox == (150.0, 200.0, 600.0, 225.0)


def _fake_tesseract(folder: Path, script: str) -> str:
    """A folder holding a `tesseract` that runs `script`, for the PATH."""
    program = folder / "tesseract"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    return str(folder)


@pytest.mark.parametrize(
    ("script", "code", "message"),
    [
        ("echo \"Failed loading language 'dan'\" >&2; exit 1", "no_text",
         "OCR of page 1 failed: tesseract: Failed loading language 'dan'"),
        ("sleep 5", "timeout", "OCR of page 1 took more than 0.5 s"),
    ],
)
def test_a_failing_or_hanging_tesseract_is_a_document_error(scan, tmp_path, monkeypatch, script, code, message):
    from procure_check.errors import DocumentError
    from procure_check.parse import ocr
    from procure_check.parse.pdf import parse_pdf

    monkeypatch.setenv("PATH", _fake_tesseract(tmp_path, script) + os.pathsep + os.environ["PATH"])
    monkeypatch.setattr(ocr, "PAGE_TIMEOUT", 0.5)
    with pytest.raises(DocumentError) as raised:
        parse_pdf(scan, ocr=True)
    assert (raised.value.code, raised.value.message) == (code, message)
