"""Recognising procure-check's own reports, so that a report saved among the data sheets is not
checked as one on the next run.

Every format carries a mark near its start: the contract's name `procure-check/report@1` (the JSON
`schema` field, a comment in Markdown and JUnit XML, a meta tag in HTML), the SARIF driver's name, the
header line of the terminal report, the header row of the CSV report. The name of a file is not enough.
Reports written before the mark (Markdown, HTML, JUnit) are known by their heading or generator.
"""

import re
from pathlib import Path

from procure_check.report.csv import header_rows

MARK = "procure-check/report@1"
"""The report contract's name: `Report.schema` in JSON, and the mark the text formats carry."""

_HEAD_BYTES = 4096
_TERMINAL_HEADER = re.compile(r"procure-check \d+\.\d+\S* · [^·]*\d{4}-\d\d-\d\d · ")
_SARIF_DRIVER = re.compile(r'"driver"\s*:\s*\{\s*"name"\s*:\s*"procure-check"')
_UNMARKED = re.compile(r'\A# procure-check(?: report|-rapport)\s*$|<testsuites name="procure-check"|'
                       r'<meta name="generator" content="procure-check ', re.M)


def is_own_report(path: Path) -> bool:
    """Whether the file starts as a report written by procure-check (False when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return False
    first_line = head.split("\n", 1)[0].rstrip("\r")
    return (MARK in head or bool(_SARIF_DRIVER.search(head) or _UNMARKED.search(head))
            or bool(_TERMINAL_HEADER.match(first_line)) or first_line in header_rows())
