"""The command line: a thin shell that parses options and calls the library."""

import difflib
import functools
import sys
from datetime import date
from pathlib import Path

import click

from procure_check import __version__
from procure_check.api import check_products, check_tenders
from procure_check.catalogue import Catalogue, Criterion, load_catalogue
from procure_check.errors import ProcureCheckError
from procure_check.options import Date, batch_options, default_lang, document_options, limits_of, report_options
from procure_check.output import OutputError, atomic_output, check_output
from procure_check.progress import BatchProgress
from procure_check.report import render
from procure_check.report.words import words
from procure_check.results import INTERRUPTED, Report
from procure_check.waivers import Waiver, load_waivers, waiver_file


def _fail(message: str) -> None:
    click.echo(f"procure-check: error: {message}", err=True)
    sys.exit(2)


def _catalogue(directory: Path | None) -> Catalogue:
    try:
        return load_catalogue(directory)
    except ProcureCheckError as error:
        _fail(str(error))


def _waivers(path: Path | None, catalogue: Catalogue) -> list[Waiver]:
    found = waiver_file(path)
    if found is None:
        return []
    try:
        return load_waivers(found, catalogue)
    except ProcureCheckError as error:
        _fail(str(error))


class _Main(click.Group):
    """The commands; Ctrl-C outside a batch (which reports what it checked) ends the run with exit code 130."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("procure-check: interrupted", err=True)
            sys.exit(INTERRUPTED)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="procure-check")
def main() -> None:
    """Check tenders and supplier data sheets against green public procurement criteria."""


@main.command()
@document_options
@batch_options
@report_options
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False),
              help="Product lists (CSV, XLSX, JSON): which column is the name, id, text and group (YAML; "
                   "default: every column is read as 'Column: value').")
def product(paths, output_format, output, details, quiet, mapping, **options) -> None:
    """Check product data sheets (PDF, DOCX, TXT) against their group's product criteria.

    A product list (CSV, XLSX, JSON) named as PATH is checked a row at a time: each row is a product.

    Exit code 0: every mandatory criterion that applies passed; 1: one failed or is unknown;
    2: a usage error, or a document could not be read.
    """
    fmt = _start(paths, output_format, output, details, quiet)
    _finish(_call(check_products, paths, mapping=mapping, **options), fmt, output, options["lang"], details, quiet)


@main.command()
@document_options
@batch_options
@report_options
def tender(paths, output_format, output, details, quiet, **options) -> None:
    """Check a tender: its green requirements for the group, and the law on labels.

    The files named together form one tender (conditions, specification, annexes, an eForms XML
    notice); each folder is one tender. Exit codes as for `product`.
    """
    fmt = _start(paths, output_format, output, details, quiet)
    _finish(_call(check_tenders, paths, **options), fmt, output, options["lang"], details, quiet)


def _start(paths, output_format: str | None, output: Path | None, details: bool, quiet: bool) -> str:
    """The report's format; the usage errors of the reporting options, before anything is checked."""
    if details and quiet:
        _fail("--details and --quiet exclude each other")
    return _output_format(output, output_format, list(paths))


def _call(check, paths, *, as_of, catalogue, waivers, no_cache, max_file_size, max_pages, max_chars, timeout,
          **options):
    """The report of `check_products` or `check_tenders` with the command line's options."""
    try:
        return check(list(paths), as_of=as_of or date.today(), catalogue=catalogue, waivers=waiver_file(waivers),
                     cache=not no_cache, limits=limits_of(max_file_size, max_pages, max_chars, timeout),
                     progress=BatchProgress(), **options)
    except ProcureCheckError as error:
        _fail(str(error))


def _finish(report: Report, fmt: str, output: Path | None, lang: str, details: bool, quiet: bool) -> None:
    """Write the report and exit with its code; after Ctrl-C with nothing checked, an existing --output stays."""
    if report.incomplete:
        note = functools.partial(click.echo, err=True)
        note(f"procure-check: interrupted: {len(report.documents)} checked, {len(report.not_checked)} not checked")
        if output and not report.documents and output.exists():
            note(f"procure-check: nothing was checked; {output} is left as it was")
            sys.exit(report.exit_code)
    _write(report, fmt, output, lang, details=details, quiet=quiet)
    sys.exit(report.exit_code)


def _output_format(output: Path | None, chosen: str | None, inputs: list[Path]) -> str:
    """The report's format; an --output that would replace an input or does not fit the format is refused."""
    if output is None:
        return chosen or "rich"
    try:
        return check_output(output, chosen, inputs)
    except OutputError as error:
        _fail(str(error))


def _write(report: Report, fmt: str, output: Path | None, lang: str, *, details: bool = False,
           quiet: bool = False) -> None:
    """The report on stdout (the terminal report as wide as the terminal, in its colours), or in `output`."""
    if output is None:
        from rich.console import Console  # rich takes a while to import: only what the terminal shows needs it

        terminal = Console()
        text = render(report, fmt, lang, details=details, quiet=quiet, width=terminal.width,
                      color=terminal.color_system)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with atomic_output(output) as handle:
            handle.write(render(report, fmt, lang, details=details, quiet=quiet))
    except OutputError as error:
        _fail(str(error))


def _criterion(catalogue: Catalogue, criterion_id: str) -> Criterion:
    criterion = catalogue.criteria.get(criterion_id.strip().upper())
    if criterion is None:
        close = difflib.get_close_matches(criterion_id.strip().upper(), catalogue.criteria, n=1)
        _fail(f"unknown criterion '{criterion_id}'" + (f" (did you mean {close[0]}?)" if close else "")
              + "; `procure-check criteria list` shows them all")
    return criterion


@main.group()
def criteria() -> None:
    """Show the criteria catalogue."""


@criteria.command("list")
@click.option("--group", help="Only this product group.")
@click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False), help="Catalogue folder.")
@click.option("--lang", type=click.Choice(["da", "en"]), default=default_lang)
def criteria_list(group, catalogue, lang) -> None:
    """List the criteria, by group."""
    cat = _catalogue(catalogue)
    if group and group not in cat.groups:
        _fail(f"unknown group '{group}' (known: {', '.join(cat.groups)})")
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    w = words(lang)
    table = Table(title=f"{w['catalogue']} {cat.version}", expand=True)
    for column in ("id", "group", "severity", "check", "title"):
        table.add_column(w[column].capitalize() if column != "id" else w[column], no_wrap=column != "title")
    for name, grp in cat.groups.items():
        if group and name != group:
            continue
        for criterion in grp.criteria:
            table.add_row(criterion.id, Text(grp.title.get(lang)), w[criterion.severity], criterion.check,
                          Text(criterion.title.get(lang)))
    Console().print(table)


@criteria.command("show")
@click.argument("criterion_id")
@click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False), help="Catalogue folder.")
@click.option("--lang", type=click.Choice(["da", "en"]), default=default_lang)
def criteria_show(criterion_id, catalogue, lang) -> None:
    """Everything about one criterion: requirement, thresholds, evidence, source."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cat = _catalogue(catalogue)
    criterion = _criterion(cat, criterion_id)
    console = Console()
    console.print(Text(f"{criterion.id}  {criterion.title.get(lang)}", style="bold"))
    w = words(lang)
    source = criterion.source
    rows = [
        ("group", f"{cat.groups[criterion.group].title.get(lang)} ({criterion.group})"),
        ("applies_to", w[criterion.kind]), ("severity", w[criterion.severity]),
        ("scope", ", ".join(criterion.scope) or w["whole_group"]), ("requirement", criterion.description.get(lang)),
        ("evidence", criterion.evidence.get(lang)), ("check", criterion.check),
        ("parameters", "; ".join(f"{k} = {v}" for k, v in criterion.params.items())),
        ("source", f"{source.programme}, {source.reference} ({source.year})"
                   + (f" {source.url}" if source.url else "")),
    ]
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for name, value in rows:
        table.add_row(w[name].lower(), Text(str(value)))
    console.print(table)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report (`--format json`)."""
    from procure_check.report.schema import shipped_schema_text

    click.echo(shipped_schema_text(), nl=False)


@main.command()
@click.argument("criterion_id")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--group", help="Product group (default: detected, as for `product` and `tender`).")
@click.option("--as-of", type=Date(), help="Date validity is judged on (default: today).")
@click.option("--lang", type=click.Choice(["da", "en"]), default=default_lang)
@click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False), help="Catalogue folder.")
@click.option("--password", help="Password for an encrypted PDF.")
@click.option("--waivers", type=click.Path(path_type=Path, dir_okay=False),
              help="Waiver file (default: ./procure-check.toml if present).")
def explain(criterion_id, path, group, as_of, lang, catalogue, password, waivers) -> None:
    """Why one criterion got its verdict for one document: the facts found, the rules that fired
    and how the verdict follows from them.

    PATH is a data sheet for a product criterion, a tender file or folder for a tender criterion.
    Exit code 0, or 2 for a usage error or a document that could not be read.
    """
    from rich.console import Console

    from procure_check.explain import explain as explain_criterion
    from procure_check.explain import print_explanation

    cat = _catalogue(catalogue)
    criterion = _criterion(cat, criterion_id)
    if criterion.kind == "product" and path.is_dir():
        _fail(f"{path}: is a folder; {criterion.id} is a product criterion: give one data sheet (a file)")
    if group and group not in cat.product_groups:
        _fail(f"unknown group '{group}' (known: {', '.join(cat.product_groups)})")
    explanation = explain_criterion(cat, criterion, path, as_of=as_of or date.today(), lang=lang,
                                    group=group, password=password, waivers=_waivers(waivers, cat))
    print_explanation(explanation, Console(), lang)
    if explanation.document.error:
        sys.exit(2)
