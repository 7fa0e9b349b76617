"""The JSON Schema of the JSON report, generated from the pydantic models.

The schema ships in the package (`report.schema.json`, printed by `procure-check schema`) and in
`docs/`. Regenerate both after changing a model in `procure_check/results.py`:

    python -m procure_check.report.schema

A test fails when the shipped files differ from what the models generate.
"""

import json
import sys
from importlib import resources
from pathlib import Path

from procure_check.results import Report

SCHEMA_FILE = "report.schema.json"
SCHEMA_ID = "urn:procure-check:report@1"
"""The report contract's name (`schema` in every report) as the schema's identifier."""
DOCS_COPY = Path(__file__).resolve().parents[2] / "docs" / SCHEMA_FILE


def report_schema() -> dict:
    schema = Report.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "procure-check report (procure-check/report@1)",
        "description": "The JSON report of procure-check: per document, one verdict per criterion with its "
                       "reason and evidence. See docs/report-contract.md.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def schema_text() -> str:
    """The generated schema as the shipped file holds it."""
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    return resources.files("procure_check.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def write_schema() -> list[Path]:
    """Write the shipped schema, and the copy in docs/ when run from a checkout."""
    text = schema_text()
    targets = [Path(__file__).with_name(SCHEMA_FILE)]
    if DOCS_COPY.parent.is_dir():
        targets.append(DOCS_COPY)
    for target in targets:
        target.write_text(text, encoding="utf-8")
    return targets


if __name__ == "__main__":
    for written in write_schema():
        print(f"wrote {written}", file=sys.stderr)
