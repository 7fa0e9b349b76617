"""Renderers: one `Report` model, many output formats.

Each format is one module with `render_<format>(report, lang) -> str`; `render` picks one by name
and `format_for` infers it from an output file's name.
"""

from importlib import import_module
from pathlib import Path

from procure_check.catalogue import Catalogue
from procure_check.results import Report

FORMATS = ("rich", "json", "markdown", "html", "sarif", "junit", "csv")
"""`rich` is the terminal report (without colour when written to a file)."""

EXTENSIONS = {
    ".sarif.json": "sarif", ".sarif": "sarif", ".json": "json", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xml": "junit", ".csv": "csv", ".txt": "rich", ".log": "rich",
}
"""Output file endings and the format they imply when `--format` is not given (longest ending first)."""


def format_for(output: Path | None) -> str | None:
    """The format an output file's name implies: `rich` without a file or an extension, None for an
    extension that is no report format (`.pdf`, `.docx`)."""
    if output is None or not output.suffix:
        return "rich"
    name = output.name.lower()
    return next((fmt for ending, fmt in EXTENSIONS.items() if name.endswith(ending)), None)


def render(report: Report, fmt: str, lang: str = "en", *, catalogue: Catalogue | None = None) -> str:
    """The report as text in `fmt`: `render_<fmt>(report, lang)` of the format's module.

    `rich` draws on a console instead: see `procure_check.report.terminal.print_report`. `catalogue`
    gives SARIF rules their descriptions (default: the built-in catalogue).
    """
    if fmt not in FORMATS or fmt == "rich":
        raise ValueError(f"no text renderer for '{fmt}' (known: {', '.join(FORMATS[1:])})")
    function = getattr(import_module(f"procure_check.report.{fmt}"), f"render_{fmt}")
    return function(report, lang, catalogue) if fmt == "sarif" else function(report, lang)
