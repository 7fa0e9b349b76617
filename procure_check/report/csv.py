"""The CSV report: one row per document × criterion, for spreadsheets and quick filtering.

Columns: path, group, criterion, title, severity, verdict, reason, page, file, evidence (the first
piece), waiver. A document that could not be read is one row with the verdict "error" and the
message as reason; a document an interrupted run did not check, one row with the verdict "not checked".
Column names and verdict words follow `--lang` (scripts should read the JSON).

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
get a leading apostrophe: a data sheet must not be able to put a formula into a procurement
officer's spreadsheet.
"""

import csv
import io

from procure_check.report import RenderOptions
from procure_check.report.escape import one_line
from procure_check.report.words import verdict_word, waiver_note, words
from procure_check.results import Report

COLUMNS = ("path", "group", "criterion", "title", "severity", "verdict", "reason", "page", "file", "evidence",
           "waiver")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADINGS = {
    "en": {"path": "path", "group": "group", "criterion": "criterion", "title": "title", "severity": "severity",
           "verdict": "verdict", "reason": "reason", "page": "page", "file": "file", "evidence": "evidence",
           "waiver": "waiver"},
    "da": {"path": "sti", "group": "gruppe", "criterion": "kriterium", "title": "titel", "severity": "type",
           "verdict": "vurdering", "reason": "begrundelse", "page": "side", "file": "fil",
           "evidence": "dokumentation", "waiver": "undtagelse"},
}


def render(report: Report, options: RenderOptions) -> str:
    lang = "da" if options.lang == "da" else "en"
    w = words(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_HEADINGS[lang][column] for column in COLUMNS])
    for document in report.documents:
        if document.error:
            writer.writerow(_cells([document.path, document.group or "", "", "", "", w["error"],
                                    f"[{document.error.code}] {document.error.message}", "", "", "", ""]))
            continue
        for result in document.results:
            first = result.evidence[0] if result.evidence else None
            writer.writerow(_cells([
                document.path, document.group or "", result.criterion, result.title, w[result.severity],
                verdict_word(result.verdict, lang), result.reason, str(first.page) if first else "",
                (first.document or "") if first else "", first.text if first else "", waiver_note(result, lang),
            ]))
    for path in report.not_checked:  # an interrupted run
        writer.writerow(_cells([path, "", "", "", "", w["not_checked"], w["incomplete"], "", "", "", ""]))
    return buffer.getvalue()


def header_rows() -> set[str]:
    """The header row of the CSV report in every language: how a saved CSV report is recognised."""
    return {",".join(headings[column] for column in COLUMNS) for headings in _HEADINGS.values()}


def _cells(values: list[str]) -> list[str]:
    return [_cell(value) for value in values]


def _cell(value: str) -> str:
    value = one_line(value)
    return "'" + value if value.startswith(_FORMULA_START) else value
