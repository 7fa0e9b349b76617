"""The JSON report of the contract (`procure-check/report@1`)."""

from procure_check.results import Report


def render_json(report: Report) -> str:
    return report.model_dump_json(by_alias=True, indent=2) + "\n"
