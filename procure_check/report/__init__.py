"""Renderers: one `Report` model, many output formats.

Every format is one module with the same interface, a `Renderer`: `render(report, options) -> str`, the
report in and its text out, with nothing else to look up (what SARIF says of each criterion comes with
the report, `Report.criteria`). `render` picks one by name and `format_for` infers it from an output
file's name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

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


_MODULES = {"rich": "terminal"}
"""Formats whose module is not named after them."""


@dataclass(frozen=True)
class RenderOptions:
    """How to render a report: its language, and for the terminal report (`rich`) how much, how wide and in
    which colours."""

    lang: str = "en"
    details: bool = False
    """`rich`: every piece of evidence, quoted in full."""
    quiet: bool = False
    """`rich`: one line per document."""
    width: int = 120
    """`rich`: characters per line."""
    color: str | None = None
    """`rich`: the terminal's colour system (`standard`, `256`, `truecolor`); None: plain text."""


Renderer = Callable[[Report, RenderOptions], str]
"""A format: the report in, its text out."""


def renderer(fmt: str) -> Renderer:
    """The renderer of a format (one of `FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"no renderer for '{fmt}' (known: {', '.join(FORMATS)})")
    return import_module(f"procure_check.report.{_MODULES.get(fmt, fmt)}").render


def render(report: Report, fmt: str, lang: str = "en", **options) -> str:
    """The report as text in `fmt`; `options` as `RenderOptions` (`details`, `quiet`, `width`, `color`)."""
    return renderer(fmt)(report, RenderOptions(lang=lang, **options))
