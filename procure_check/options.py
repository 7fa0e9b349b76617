"""The options that several commands share, and the option types (dates, file sizes)."""

import locale
import os
import re
from datetime import date
from pathlib import Path

import click

from procure_check.limits import MB, Limits
from procure_check.report import FORMATS


def default_lang() -> str:
    """Danish when the locale is Danish, else English."""
    for value in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        if value:
            return "da" if value.lower().startswith("da") else "en"
    return "en"


def document_options(command):
    """PATHS and the options of `product` and `tender` that say what to check and how to report it."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
        click.option("--group", help="Product group (default: detected from CPV codes and words)."),
        click.option("--format", "output_format", type=click.Choice(FORMATS),
                     help="Report format (default: from --output's extension, else rich)."),
        click.option("--output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here."),
        click.option("--as-of", type=Date(), help="Date that validity is judged against (default: today)."),
        click.option("--lang", type=click.Choice(["da", "en"]), default=default_lang,
                     help="Language of the report (default: from the locale)."),
        click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False),
                     help="Use this criteria catalogue folder instead of the built-in one."),
        click.option("--password", help="Password for encrypted PDFs."),
        click.option("--ocr", is_flag=True,
                     help="Read PDF pages without text (scans) by OCR; needs the tesseract program."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def report_options(command):
    """The options that change the terminal report, and the waiver file."""
    options = [
        click.option("--details", is_flag=True, help="Terminal report: every piece of evidence, quoted in full."),
        click.option("--quiet", is_flag=True, help="Terminal report: one summary line per document."),
        click.option("--waivers", type=click.Path(path_type=Path, dir_okay=False),
                     help="Waiver file (TOML, [[waiver]] entries; default: ./procure-check.toml if present)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


_SIZE_UNITS = {"": MB, "b": 1, "k": 1000, "kb": 1000, "m": MB, "mb": MB, "g": 1000 * MB, "gb": 1000 * MB,
               "kib": 1024, "mib": 1024**2, "gib": 1024**3}


class FileSize(click.ParamType):
    """A size such as `100MB`, `500KB`, `2GB` or `1.5GiB`; a bare number is megabytes."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d*)?)\s*([A-Za-z]*)\s*", str(value))
        if not match or match.group(2).lower() not in _SIZE_UNITS:
            self.fail(f"{value!r} is not a size (e.g. 100MB, 500KB, 2GB)", param, ctx)
        return int(float(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])


class Date(click.ParamType):
    """A date written YYYY-MM-DD; one that does not exist (2026-13-45) is named as such."""

    name = "date"

    def get_metavar(self, param, ctx=None) -> str:
        return "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", str(value))
        if not match:
            self.fail(f"'{value}' is not a date: write it YYYY-MM-DD, e.g. 2026-11-22", param, ctx)
        try:
            return date(*map(int, match.groups()))
        except ValueError as error:
            self.fail(f"'{value}' is not a valid date ({error})", param, ctx)


_LIMITS = Limits()


def batch_options(command):
    """How many documents are checked at once, the limits per document, and the result cache."""
    options = [
        click.option("--jobs", type=click.IntRange(min=1),
                     help="Documents checked at the same time, each in a worker process (default: one per CPU)."),
        click.option("--max-file-size", type=FileSize(), default=f"{_LIMITS.max_file_size // MB}MB",
                     show_default=True,
                     help="Larger files are not read (too_large). E.g. 100MB, 500KB, 2GB; 0: no limit."),
        click.option("--max-pages", type=click.IntRange(min=0), default=_LIMITS.max_pages, show_default=True,
                     help="Pages per file; more is too_large. 0: no limit."),
        click.option("--max-chars", type=click.IntRange(min=0), default=_LIMITS.max_chars, show_default=True,
                     help="Characters of text per file; more is too_large. 0: no limit."),
        click.option("--timeout", type=click.FloatRange(min=0), default=_LIMITS.timeout, show_default=True,
                     help="Seconds per document (per tender set for `tender`); a check that takes longer is "
                          "stopped (timeout). 0: no limit."),
        click.option("--no-cache", is_flag=True, envvar="PROCURE_CHECK_NO_CACHE",
                     help="Check every document again, without reading or writing the result cache "
                          "(also PROCURE_CHECK_NO_CACHE=1)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def limits_of(max_file_size: int, max_pages: int, max_chars: int, timeout: float) -> Limits:
    """The limits given on the command line; 0 means none."""
    return Limits(max_file_size=max_file_size or None, max_pages=max_pages or None, max_chars=max_chars or None,
                  timeout=timeout or None)
