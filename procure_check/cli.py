"""The command line: a thin shell that parses options and calls the library."""

import difflib
import functools
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from procure_check import __version__
from procure_check.batch import BatchError, ProductList, Task, check_batch, default_jobs, not_finished
from procure_check.cache import Cache
from procure_check.catalogue import Catalogue, Criterion, load_catalogue
from procure_check.check import Checker
from procure_check.errors import ProcureCheckError
from procure_check.inputs import product_tasks, tender_tasks
from procure_check.limits import Limits
from procure_check.options import Date, batch_options, default_lang, document_options, limits_of, report_options
from procure_check.output import OutputError, atomic_output, check_output
from procure_check.parse.ocr import program as ocr_program
from procure_check.parse.tabular import Mapping, estimate_rows, load_mapping
from procure_check.progress import BatchProgress
from procure_check.report import render
from procure_check.report.terminal import print_report
from procure_check.report.words import words
from procure_check.results import INTERRUPTED, DocumentReport
from procure_check.waivers import Waiver, apply_waivers, load_waivers, waiver_file


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
def product(paths, group, output_format, output, as_of, lang, catalogue, password, ocr,
            jobs, max_file_size, max_pages, max_chars, timeout, no_cache, details, quiet, waivers, mapping) -> None:
    """Check product data sheets (PDF, DOCX, TXT) against their group's product criteria.

    A product list (CSV, XLSX, JSON) named as PATH is checked a row at a time: each row is a product.

    Exit code 0: every mandatory criterion that applies passed; 1: one failed or is unknown;
    2: a usage error, or a document could not be read.
    """
    _run("product", paths, group, output_format, output, as_of, lang, catalogue, password,
         jobs=jobs, limits=limits_of(max_file_size, max_pages, max_chars, timeout),
         details=details, quiet=quiet, waivers=waivers, ocr=ocr, no_cache=no_cache, mapping=mapping)


@main.command()
@document_options
@batch_options
@report_options
def tender(paths, group, output_format, output, as_of, lang, catalogue, password, ocr,
           jobs, max_file_size, max_pages, max_chars, timeout, no_cache, details, quiet, waivers) -> None:
    """Check a tender: its green requirements for the group, and the law on labels.

    The files named together form one tender (conditions, specification, annexes, an eForms XML
    notice); each folder is one tender. Exit codes as for `product`.
    """
    _run("tender", paths, group, output_format, output, as_of, lang, catalogue, password,
         jobs=jobs, limits=limits_of(max_file_size, max_pages, max_chars, timeout),
         details=details, quiet=quiet, waivers=waivers, ocr=ocr, no_cache=no_cache)


def _run(kind, paths, group, output_format, output, as_of, lang, catalogue_dir, password, *,
         jobs: int | None, limits: Limits, details: bool = False, quiet: bool = False,
         waivers: Path | None = None, ocr: bool = False, no_cache: bool = False, mapping: Path | None = None) -> None:
    if details and quiet:
        _fail("--details and --quiet exclude each other")
    catalogue = _catalogue(catalogue_dir)
    accepted = _waivers(waivers, catalogue)
    if group and group not in catalogue.product_groups:
        _fail(f"unknown group '{group}' (known: {', '.join(catalogue.product_groups)})")
    fmt = _output_format(output, output_format, list(paths))
    if ocr and ocr_program() is None:
        _fail("--ocr needs the program 'tesseract', which is not installed "
              "(Debian, Ubuntu: apt-get install tesseract-ocr tesseract-ocr-dan)")
    checker = Checker(catalogue, as_of=as_of or date.today(), lang=lang, password=password,
                      limits=limits, ocr=ocr)
    note = functools.partial(click.echo, err=True)
    tasks: list[Task | ProductList]
    if kind == "product":
        tasks = product_tasks(list(paths), group, _mapping(mapping) if mapping else None, note)
    else:
        tasks = tender_tasks(list(paths), group, note)
    if not tasks:
        _fail("no documents found in " + ", ".join(map(str, paths)))
    cache = None if no_cache else Cache.for_checker(checker)
    documents, not_checked = _check(checker, tasks, _jobs(jobs), cache)
    report = apply_waivers(checker.report(documents), accepted)
    if not_checked is not None:
        report = report.model_copy(update={"incomplete": True, "not_checked": not_checked})
        note(f"procure-check: interrupted: {len(documents)} checked, {len(not_checked)} not checked")
        if output and not documents and output.exists():
            note(f"procure-check: nothing was checked; {output} is left as it was")
            sys.exit(report.exit_code)
    _write(report, fmt, output, lang, details=details, quiet=quiet, catalogue=catalogue)
    sys.exit(report.exit_code)


def _output_format(output: Path | None, chosen: str | None, inputs: list[Path]) -> str:
    """The report's format; an --output that would replace an input or does not fit the format is refused."""
    if output is None:
        return chosen or "rich"
    try:
        return check_output(output, chosen, inputs)
    except OutputError as error:
        _fail(str(error))


def _jobs(jobs: int | None) -> int | None:
    """--jobs, at most one per CPU: more workers than CPUs only cost memory."""
    cpus = default_jobs()
    if jobs is not None and jobs > cpus:
        click.echo(f"procure-check: note: --jobs {jobs} is more than the {cpus} CPUs; checking {cpus} at a time",
                   err=True)
        return cpus
    return jobs


def _check(checker: Checker, tasks: list, jobs: int | None,
           cache: Cache | None) -> tuple[list[DocumentReport], list[str] | None]:
    """The reports of the tasks, and None; after Ctrl-C, the reports finished before it and the labels of the
    tasks not (fully) checked."""
    documents: list[DocumentReport] = []
    try:
        with BatchProgress(_documents_to_check(tasks)) as progress:
            # Every check runs in a worker process, within the time limit; the reports come in input order.
            for document in check_batch(checker, tasks, jobs=jobs, on_done=progress.advance, cache=cache):
                if document.error:
                    progress.echo(f"procure-check: {document.path}: {document.error.message} [{document.error.code}]")
                for warning in document.warnings:
                    progress.echo(f"procure-check: warning: {document.path}: {warning}")
                documents.append(document)
    except BatchError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        return documents, not_finished(tasks, documents)
    return documents, None


def _mapping(path: Path) -> Mapping:
    try:
        return load_mapping(path)
    except ProcureCheckError as error:
        _fail(str(error))


def _documents_to_check(tasks: list) -> int | None:
    """How many reports the tasks give, for the progress bar: rows of product lists are estimated, and
    only when a bar is shown (None: not known)."""
    lists = [task for task in tasks if isinstance(task, ProductList)]
    if not lists or not sys.stderr.isatty():
        return len(tasks)
    rows = [estimate_rows(task.path) for task in lists]
    return None if None in rows else len(tasks) - len(lists) + sum(rows)


def _write(report, fmt: str, output: Path | None, lang: str, *, details: bool = False, quiet: bool = False,
           catalogue: Catalogue | None = None) -> None:
    if output is None:
        if fmt == "rich":
            print_report(report, Console(), lang, details=details, quiet=quiet)
        else:
            click.echo(render(report, fmt, lang, catalogue=catalogue), nl=False)
        return
    try:
        with atomic_output(output) as handle:
            if fmt == "rich":
                print_report(report, Console(file=handle, width=120, no_color=True), lang, details=details,
                             quiet=quiet)
            else:
                handle.write(render(report, fmt, lang, catalogue=catalogue))
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
