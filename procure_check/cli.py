"""The command line: a thin shell that parses options and calls the library."""

import locale
import os
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from procure_check import __version__
from procure_check.catalogue import Catalogue, load_catalogue
from procure_check.check import Checker, collect_paths, tender_sets
from procure_check.errors import ProcureCheckError
from procure_check.report.json import render_json
from procure_check.report.terminal import print_report

FORMATS = ("rich", "json")


def _default_lang() -> str:
    for value in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        if value:
            return "da" if value.lower().startswith("da") else "en"
    return "en"


def _fail(message: str) -> None:
    click.echo(f"procure-check: error: {message}", err=True)
    sys.exit(2)


def _catalogue(directory: Path | None) -> Catalogue:
    try:
        return load_catalogue(directory)
    except ProcureCheckError as error:
        _fail(str(error))


def _output_format(output: Path | None, chosen: str | None) -> str:
    if chosen:
        return chosen
    if output and output.suffix.lower() == ".json":
        return "json"
    return "rich"


def _document_options(command):
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
        click.option("--group", help="Product group (default: detected from CPV codes and words)."),
        click.option("--format", "output_format", type=click.Choice(FORMATS), help="Report format (default: rich)."),
        click.option("--output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here."),
        click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
                     help="Date that validity is judged against (default: today)."),
        click.option("--lang", type=click.Choice(["da", "en"]), default=_default_lang,
                     help="Language of the report (default: from the locale)."),
        click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False),
                     help="Use this criteria catalogue folder instead of the built-in one."),
        click.option("--password", help="Password for encrypted PDFs."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="procure-check")
def main() -> None:
    """Check tenders and supplier data sheets against green public procurement criteria."""


@main.command()
@_document_options
def product(paths, group, output_format, output, as_of, lang, catalogue, password) -> None:
    """Check product data sheets (PDF, DOCX, TXT) against their group's product criteria.

    Exit code 0: every mandatory criterion that applies passed; 1: one failed or is unknown;
    2: a usage error, or a document could not be read.
    """
    _run("product", paths, group, output_format, output, as_of, lang, catalogue, password)


@main.command()
@_document_options
def tender(paths, group, output_format, output, as_of, lang, catalogue, password) -> None:
    """Check a tender: its green requirements for the group, and the law on labels.

    The files named together form one tender (conditions, specification, annexes, an eForms XML
    notice); each folder is one tender. Exit codes as for `product`.
    """
    _run("tender", paths, group, output_format, output, as_of, lang, catalogue, password)


def _run(kind, paths, group, output_format, output, as_of, lang, catalogue_dir, password) -> None:
    catalogue = _catalogue(catalogue_dir)
    if group and group not in catalogue.product_groups:
        _fail(f"unknown group '{group}' (known: {', '.join(catalogue.product_groups)})")
    if output and output.is_dir():
        _fail(f"{output}: is a directory")
    checker = Checker(catalogue, as_of=as_of.date() if as_of else date.today(), lang=lang, password=password)
    if kind == "product":
        files = list(collect_paths(list(paths)))
        jobs = [(lambda path=path: checker.check(path, "product", group)) for path in files]
    else:
        sets = tender_sets(list(paths))
        jobs = [(lambda name=name, members=members: checker.check_tender(members, group, name))
                for name, members in sets]
    if not jobs:
        _fail("no documents found in " + ", ".join(map(str, paths)))
    documents = []
    for job in jobs:
        document = job()
        if document.error:
            click.echo(f"procure-check: {document.path}: {document.error.message} [{document.error.code}]", err=True)
        documents.append(document)
    report = checker.report(documents)
    _write(report, _output_format(output, output_format), output, lang)
    sys.exit(report.exit_code)


def _write(report, fmt: str, output: Path | None, lang: str) -> None:
    if fmt == "json":
        text = render_json(report)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
        return
    if output:
        with output.open("w", encoding="utf-8") as handle:
            print_report(report, Console(file=handle, width=120, no_color=True), lang)
    else:
        print_report(report, Console(), lang)


@main.group()
def criteria() -> None:
    """Show the criteria catalogue."""


@criteria.command("list")
@click.option("--group", help="Only this product group.")
@click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False), help="Catalogue folder.")
@click.option("--lang", type=click.Choice(["da", "en"]), default=_default_lang)
def criteria_list(group, catalogue, lang) -> None:
    """List the criteria, by group."""
    cat = _catalogue(catalogue)
    if group and group not in cat.groups:
        _fail(f"unknown group '{group}' (known: {', '.join(cat.groups)})")
    table = Table(title=f"procure-check catalogue {cat.version}", expand=True)
    for column in ("ID", "Group", "Severity", "Check", "Title"):
        table.add_column(column, no_wrap=column != "Title")
    for name, grp in cat.groups.items():
        if group and name != group:
            continue
        for criterion in grp.criteria:
            table.add_row(criterion.id, name, criterion.severity, criterion.check, Text(criterion.title.get(lang)))
    Console().print(table)


@criteria.command("show")
@click.argument("criterion_id")
@click.option("--catalogue", type=click.Path(path_type=Path, file_okay=False), help="Catalogue folder.")
@click.option("--lang", type=click.Choice(["da", "en"]), default=_default_lang)
def criteria_show(criterion_id, catalogue, lang) -> None:
    """Everything about one criterion: requirement, thresholds, evidence, source."""
    cat = _catalogue(catalogue)
    criterion = cat.criteria.get(criterion_id.upper())
    if criterion is None:
        _fail(f"unknown criterion '{criterion_id}'")
    console = Console()
    console.print(Text(f"{criterion.id}  {criterion.title.get(lang)}", style="bold"))
    rows = [
        ("group", criterion.group), ("applies to", criterion.kind), ("severity", criterion.severity),
        ("scope", ", ".join(criterion.scope) or "whole group"), ("requirement", criterion.description.get(lang)),
        ("evidence", criterion.evidence.get(lang)), ("check", criterion.check),
        ("parameters", "; ".join(f"{k} = {v}" for k, v in criterion.params.items())),
        ("source", f"{criterion.source.programme}, {criterion.source.reference} ({criterion.source.year})"
                   + (f" {criterion.source.url}" if criterion.source.url else "")),
    ]
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for name, value in rows:
        table.add_row(name, Text(str(value)))
    console.print(table)
