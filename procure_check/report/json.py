"""The JSON report of the contract (`procure-check/report@1`); its schema is `report.schema.json`."""

from procure_check.results import Report


def render_json(report: Report, lang: str = "en") -> str:
    """`lang` is accepted like every renderer's; reasons and titles are already in the report's language."""
    return report.model_dump_json(by_alias=True, indent=2) + "\n"
