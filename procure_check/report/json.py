"""The JSON report of the contract (`procure-check/report@1`); its schema is `report.schema.json`."""

from procure_check.report import RenderOptions
from procure_check.results import Report


def render(report: Report, options: RenderOptions) -> str:
    """The options do not matter: reasons and titles are already in the report's language."""
    return report.model_dump_json(by_alias=True, indent=2) + "\n"
