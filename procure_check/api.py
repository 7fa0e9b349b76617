"""The library: check data sheets or tenders from Python as `procure-check product` and `tender` do.

    from datetime import date
    from procure_check import check_products

    report = check_products(["samples/products"], as_of=date(2026, 11, 22))
    for document in report.documents:
        print(document.path, document.summary.compliant if document.summary else document.error.code)

Each call loads the catalogue and the waivers, lists the documents (each file once, procure-check's own
reports left out), checks each in a worker process within `limits` (a hang or a crash costs that
document only), reads and stores the result cache when asked, applies the waivers and returns one
`Report`, the model behind every output format (`procure_check.report.render`).

A document that cannot be checked is a report with an `error`, never an exception. What the call
itself cannot do (a catalogue, waiver or mapping file that is invalid, an unknown group, no documents,
OCR without tesseract, no worker processes) raises a `ProcureCheckError` whose `str()` is one line.
Ctrl-C (`KeyboardInterrupt`) while checking ends the call early with the reports finished so far:
the report is `incomplete` and names what was `not_checked`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from procure_check.batch import check_batch
from procure_check.cache import Cache, cache_dir
from procure_check.catalogue import Catalogue, load_catalogue
from procure_check.check import Checker
from procure_check.errors import ProcureCheckError, UsageError
from procure_check.inputs import product_tasks, tender_tasks
from procure_check.limits import Limits
from procure_check.parse.tabular import Mapping, estimate_rows, load_mapping
from procure_check.plan import ProductList, Task, not_finished
from procure_check.pool import BatchError, default_jobs
from procure_check.progress import LoggedProgress, Progress
from procure_check.results import DocumentReport, Report
from procure_check.waivers import Waiver, apply_waivers, load_waivers

Tasks = list[Task | ProductList]


class _Settings(BaseModel):
    """The settings of one call, validated: a wrong value is a one-line `UsageError`."""

    model_config = ConfigDict(frozen=True)
    paths: list[Path] = Field(min_length=1)
    as_of: date
    group: str | None = None
    jobs: int | None = Field(None, ge=1)
    lang: Literal["da", "en"] = "en"
    password: str | None = None
    ocr: bool = False
    limits: Limits = Limits()
    cache: bool | Path | None = None


def check_products(
    paths: Iterable[str | Path], *, as_of: date | str, group: str | None = None,
    catalogue: Catalogue | str | Path | None = None, waivers: Iterable[Waiver] | str | Path | None = None,
    jobs: int | None = None, cache: bool | str | Path | None = None, limits: Limits | None = None,
    lang: str = "en", password: str | None = None, ocr: bool = False, mapping: Mapping | str | Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check product data sheets (PDF, DOCX, text; folders recursively) and product lists (CSV, XLSX, JSON,
    a row per product) against their groups' product criteria.

    - `as_of`: the date validity and dated limits are judged on (a `date` or `YYYY-MM-DD`).
    - `group`: the product group of every document (default: detected per document).
    - `catalogue`: a `Catalogue`, or a catalogue folder (default: the built-in one).
    - `waivers`: `Waiver`s, or a waiver file (TOML; default: none).
    - `jobs`: worker processes (default, and at most: one per CPU).
    - `cache`: the result cache: `True` for the default folder (`procure_check.cache.cache_dir`), a
      folder, or None/False for none (default). Off with a `password`.
    - `limits`: per-document limits (default: `Limits()`: 120 s, 100 MB, 2000 pages, 5,000,000 characters).
    - `lang`: the language of reasons and warnings (`da` or `en`).
    - `mapping`: which columns of a product list say what (a `Mapping` or a mapping file).
    - `progress`: where notes and progress go (default: warnings of the `procure_check` logger).
    """
    settings = _settings(paths, as_of, group, jobs, lang, password, ocr, limits, cache)
    checker, accepted, progress = _prepare(settings, catalogue, waivers, progress)
    tasks = product_tasks(settings.paths, settings.group, _mapping(mapping), progress.echo)
    return _run(checker, tasks, settings, accepted, progress)


def check_tenders(
    paths: Iterable[str | Path], *, as_of: date | str, group: str | None = None,
    catalogue: Catalogue | str | Path | None = None, waivers: Iterable[Waiver] | str | Path | None = None,
    jobs: int | None = None, cache: bool | str | Path | None = None, limits: Limits | None = None,
    lang: str = "en", password: str | None = None, ocr: bool = False, progress: Progress | None = None,
) -> Report:
    """Check tenders against their group's tender criteria and the law on labels. The files named together
    form one tender set; each folder is one tender (a folder of tender folders: one each). The options are
    those of `check_products`."""
    settings = _settings(paths, as_of, group, jobs, lang, password, ocr, limits, cache)
    checker, accepted, progress = _prepare(settings, catalogue, waivers, progress)
    tasks: Tasks = list(tender_tasks(settings.paths, settings.group, progress.echo))
    return _run(checker, tasks, settings, accepted, progress)


def _settings(paths, as_of, group, jobs, lang, password, ocr, limits, cache) -> _Settings:
    """The call's settings, validated; the first wrong one is a `UsageError` naming it."""
    if isinstance(paths, str | Path):
        paths = [paths]
    try:
        return _Settings(paths=list(paths), as_of=as_of, group=group, jobs=jobs, lang=lang, password=password,
                         ocr=ocr, limits=limits or Limits(), cache=cache)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(map(str, first["loc"])) or "settings"
        raise UsageError(f"{field}: {first['msg']}") from None


def _prepare(settings: _Settings, catalogue: Catalogue | str | Path | None,
             waivers: Iterable[Waiver] | str | Path | None,
             progress: Progress | None) -> tuple[Checker, list[Waiver], Progress]:
    """The checker for the run, the waivers, and where its notes go; a `UsageError` for what cannot be done."""
    if not isinstance(catalogue, Catalogue):
        catalogue = load_catalogue(Path(catalogue) if catalogue is not None else None)
    accepted = load_waivers(Path(waivers), catalogue) if isinstance(waivers, str | Path) else list(waivers or [])
    if settings.group and settings.group not in catalogue.product_groups:
        raise UsageError(f"unknown group '{settings.group}' (known: {', '.join(catalogue.product_groups)})")
    if settings.ocr:
        from procure_check.parse.ocr import program

        if program() is None:
            raise UsageError("--ocr needs the program 'tesseract', which is not installed "
                             "(Debian, Ubuntu: apt-get install tesseract-ocr tesseract-ocr-dan)")
    checker = Checker(catalogue, as_of=settings.as_of, lang=settings.lang, password=settings.password,
                      limits=settings.limits, ocr=settings.ocr)
    return checker, accepted, progress or LoggedProgress()


def _mapping(mapping: Mapping | str | Path | None) -> Mapping | None:
    return load_mapping(Path(mapping)) if isinstance(mapping, str | Path) else mapping


def _run(checker: Checker, tasks: Tasks, settings: _Settings, waivers: list[Waiver], progress: Progress) -> Report:
    """Check the tasks, and the report with the waivers applied (incomplete after Ctrl-C)."""
    if not tasks:
        raise UsageError("no documents found in " + ", ".join(map(str, settings.paths)))
    cache = _cache(checker, settings.cache)
    jobs = _jobs(settings.jobs, progress.echo)
    documents: list[DocumentReport] = []
    not_checked = None
    progress.start(lambda: _expected_reports(tasks))
    try:
        for document in check_batch(checker, tasks, jobs=jobs, on_done=progress.advance, cache=cache):
            if document.error:
                progress.echo(f"procure-check: {document.path}: {document.error.message} [{document.error.code}]")
            for warning in document.warnings:
                progress.echo(f"procure-check: warning: {document.path}: {warning}")
            documents.append(document)
    except BatchError as error:
        raise ProcureCheckError("crashed", str(error)) from None
    except KeyboardInterrupt:
        not_checked = not_finished(tasks, documents)
    finally:
        progress.stop()
    report = apply_waivers(checker.report(documents), waivers)
    if not_checked is not None:
        report = report.model_copy(update={"incomplete": True, "not_checked": not_checked})
    return report


def _cache(checker: Checker, setting: bool | Path | None) -> Cache | None:
    if not setting:
        return None
    return Cache.for_checker(checker, cache_dir() if setting is True else setting)


def _jobs(jobs: int | None, note: Callable[[str], object]) -> int | None:
    """`jobs`, at most one per CPU: more workers than CPUs only cost memory."""
    cpus = default_jobs()
    if jobs is not None and jobs > cpus:
        note(f"procure-check: note: --jobs {jobs} is more than the {cpus} CPUs; checking {cpus} at a time")
        return cpus
    return jobs


def _expected_reports(tasks: Tasks) -> int | None:
    """How many reports the tasks give: rows of product lists are estimated (None: not known)."""
    lists = [task for task in tasks if isinstance(task, ProductList)]
    if not lists:
        return len(tasks)
    rows = [estimate_rows(task.path) for task in lists]
    return None if None in rows else len(tasks) - len(lists) + sum(rows)
