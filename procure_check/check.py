"""The pipeline for one document: parse → extract facts → evaluate rules → a `DocumentReport`."""

import contextlib
import functools
import hashlib
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from procure_check.catalogue import Catalogue
from procure_check.document import Document, Line, Page
from procure_check.engine.compile import CompiledRuleset, compile_criteria
from procure_check.engine.evaluate import judge
from procure_check.errors import DocumentError
from procure_check.extract import extract_facts
from procure_check.extract.language import detect_language
from procure_check.extract.pagetext import PageText
from procure_check.extract.products import find_product_types
from procure_check.extract.sds import sds_groups
from procure_check.facts import fact_ids
from procure_check.fanout import fan_out, parts_for
from procure_check.groups import GroupSource, covers, detect_group
from procure_check.limits import Limits
from procure_check.parse import SUFFIXES, TENDER_SUFFIXES, parse_document, parse_tender_file
from procure_check.parse.ted import LANGUAGES
from procure_check.results import CatalogueRef, CriterionInfo, DocumentReport, ErrorInfo, Report, Summary
from procure_check.tender.demands import tender_facts
from procure_check.tender.model import Requirement
from procure_check.tender.requirements import split_requirements

log = logging.getLogger(__name__)

Kind = Literal["product", "tender"]


class Checker:
    """Checks documents against one catalogue at one date; usable from Python as from the CLI."""

    def __init__(
        self, catalogue: Catalogue, *, as_of: date, lang: str = "en", password: str | None = None,
        limits: Limits | None = None, ocr: bool = False,
    ):
        self.catalogue = catalogue
        self.as_of = as_of
        self.lang = lang
        self.password = password
        self.limits = limits or Limits()
        """Per-document limits; `timeout` is enforced by `procure_check.batch`, the others while parsing."""
        self.ocr = ocr
        """Read PDF pages without text by OCR (needs the `tesseract` program: `procure_check.parse.ocr`)."""
        self.processes = 1
        """Processes one document's check may use (`procure_check.fanout`): the CPUs a run has to spare."""
        self._rulesets: dict[tuple[str, Kind, date], CompiledRuleset] = {}

    def check_product(self, path: Path, group: str | None = None) -> DocumentReport:
        """Check one product data sheet (PDF, DOCX, text) against its group's product criteria."""
        try:
            document = parse_document(path, password=self.password, limits=self.limits, ocr=self.ocr,
                                      processes=self.processes)
        except DocumentError as error:
            return error_report(str(path), "product", error)
        return self.check_product_document(document, group)

    def check_product_document(self, document: Document, group: str | None = None) -> DocumentReport:
        """Check a product data sheet that is already read (a row of a product list:
        `procure_check.parse.tabular`)."""
        try:
            return self._check_product(document, group)
        except DocumentError as error:
            return error_report(document.path, "product", error)

    def check_tender(self, paths: list[Path], group: str | None = None, name: str | None = None) -> DocumentReport:
        """Check the files of one tender (conditions, specification, annexes, notice) together; `name` is the
        tender set's name in the report (default: its first file)."""
        label = name or str(paths[0])

        # While helpers read the first pages, this process builds what the checks build on first use.
        prepare = functools.cache(functools.partial(self.warm_up, "tender", group))

        def read(path: Path) -> Document:
            return parse_document(path, password=self.password, tables=True, limits=self.limits, ocr=self.ocr,
                                  processes=self.processes, meanwhile=prepare)

        try:
            files = [parse_tender_file(path, read, self.limits) for path in paths]
            documents = [document for file in files for document in file.documents]
            return self._check_tender(documents, group, label, combined_sha256([file.sha256 for file in files]))
        except DocumentError as error:
            return error_report(label, "tender", error, [str(p) for p in paths])

    def check_tender_documents(self, documents: list[Document], group: str | None = None,
                               name: str | None = None) -> DocumentReport:
        """Check the documents of one tender set that are already read."""
        label = name or documents[0].path
        try:
            return self._check_tender(documents, group, label,
                                      combined_sha256([document.sha256 for document in documents]))
        except DocumentError as error:
            return error_report(label, "tender", error, [document.path for document in documents])

    def report(self, documents: list[DocumentReport]) -> Report:
        """The report of a run: the documents' reports, the date and the catalogue they were checked with."""
        return Report(as_of=self.as_of, documents=documents,
                      catalogue=CatalogueRef(version=self.catalogue.version, criteria=len(self.catalogue.criteria)),
                      criteria=self._criteria_used(documents))

    def _criteria_used(self, documents: list[DocumentReport]) -> list[CriterionInfo]:
        used = dict.fromkeys(result.criterion for document in documents for result in document.results)
        return [CriterionInfo.of(self.catalogue.criteria[id_]) for id_ in used if id_ in self.catalogue.criteria]

    def _check_product(self, document: Document, group: str | None) -> DocumentReport:
        extraction = extract_facts(document)
        source: GroupSource = "flag"
        if group is None:
            text = "\n".join(line.text for page in document.pages for line in page.lines)
            among = sds_groups() if extraction.scope_text is not None else None
            group, source = detect_group(extraction.scope_text or text, extraction.product_types, self.catalogue,
                                         document.path, extraction.language, among)
        criteria = self.catalogue.for_group(group, "product")
        results = self._judge(extraction.facts, criteria, self.rules_for(group, "product"), extraction.product_types)
        return DocumentReport(
            path=document.path, sha256=document.sha256, kind="product", group=group, group_source=source,
            language=extraction.language, pages=len(document.pages), results=results, summary=Summary.of(results),
        )

    def _check_tender(self, documents: list[Document], group: str | None, label: str, sha256: str) -> DocumentReport:
        text = "\n".join(line.text for document in documents for page in document.pages for line in page.lines)
        language = detect_language(text)
        requirements, types = self._read_tender(documents, language)
        facts = list(tender_facts(requirements, language, fact_ids(), self.processes))
        bought = list(dict.fromkeys(name for found in types for name in found))
        notice = next((document.notice for document in documents if document.notice), None)
        source: GroupSource = "flag"
        warnings = []
        if group is None:
            _readable_languages(documents, label)
            _notices_in_catalogue(documents, self.catalogue, label)
            group, source = detect_group(text, bought, self.catalogue, label, language)
            warnings = self._disagreeing_groups(documents, types, group, language)
        criteria = self.catalogue.for_group(group, "tender")
        results = self._judge(facts, criteria, self.rules_for(group, "tender"), bought)
        return DocumentReport(
            path=label, sha256=sha256, kind="tender",
            group=group, group_source=source, language=language,
            pages=sum(len(document.pages) for document in documents),
            files=[document.path for document in documents], requirements=len(requirements), notice=notice,
            results=results, summary=Summary.of(results), warnings=warnings,
        )

    def _read_tender(self, documents: list[Document], language: str) -> tuple[list[Requirement], list[list[str]]]:
        """The requirements of a tender set, and the product types each document names (in order of first
        mention): two reads of the same pages, shared between up to `processes` processes."""
        parts = [None, *((index, pages) for index, document in enumerate(documents)
                         for pages in parts_for(document.pages, self.processes, _PAGES_PER_PART))]
        requirements, *found = fan_out(functools.partial(_tender_part, documents, language), parts, self.processes)
        types: list[list[str]] = [[] for _ in documents]
        for (index, _), names in zip(parts[1:], found, strict=True):
            types[index].extend(names)
        return requirements, [list(dict.fromkeys(names)) for names in types]

    def _disagreeing_groups(self, documents: list[Document], types: list[list[str]], group: str,
                            language: str) -> list[str]:
        """A warning when the files of a tender set, each on its own, point to different groups: they are
        perhaps several tenders named together."""
        found = {}
        for document, bought in zip(documents, types, strict=True):
            text = "\n".join(line.text for page in document.pages for line in page.lines)
            with contextlib.suppress(DocumentError):
                found[document.path] = detect_group(text, bought, self.catalogue, document.path, language)[0]
        if len(set(found.values())) < 2:
            return []
        each = ", ".join(f"{path}: {name}" for path, name in found.items())
        if self.lang == "da":
            return [f"filerne i dette udbud peger på forskellige grupper ({each}); alle er kontrolleret som ét "
                    f"udbud i gruppen {group}. Er det flere udbud, så angiv hvert udbuds mappe"]
        return [f"the files of this tender set point to different groups ({each}); all were checked as one "
                f"{group} tender. If they are separate tenders, give each tender's folder"]

    def _judge(self, facts: list, criteria: list, ruleset: CompiledRuleset, product_types: list[str]) -> list:
        """Facts → results; the one step `procure_check.explain` overrides to see the facts and fired rules."""
        return judge(facts, criteria, ruleset, product_types, self.lang)

    def warm_up(self, kind: Kind | None = None, group: str | None = None) -> None:
        """Build now what checks build on first use (compiled patterns, a group's rules) by checking a small
        document as a `kind` (default: both) in `group` (default: as detected). Only a head start: a failure
        is logged, and the checks build what is missing."""
        document = Document(path="warm-up", sha256="0" * 64, format="text",
                            pages=[Page(number=1, lines=[Line(text=line) for line in _WARM_UP_TEXT])])
        try:
            if kind in (None, "product"):
                self.check_product_document(document, group)
            if kind in (None, "tender"):
                self.check_tender_documents([document], group)
        except Exception:
            log.debug("warming up failed", exc_info=True)

    def rules_for(self, group: str, kind: Kind) -> CompiledRuleset:
        """The compiled rules of a group's product or tender criteria at `as_of` (dated limits are compiled in:
        a checker whose `as_of` is changed gets rules for the new date)."""
        key = (group, kind, self.as_of)
        if key not in self._rulesets:
            self._rulesets[key] = compile_criteria(self.catalogue.for_group(group, kind), self.as_of)
        return self._rulesets[key]

    def compile_rulesets(self) -> None:
        """Compile the rulesets of every group now (before worker processes are forked, which inherit them)."""
        for group in self.catalogue.product_groups:
            for kind in ("product", "tender"):
                self.rules_for(group, kind)


_WARM_UP_TEXT = ("Produktdatablad: Allrengøring, rengøringsmiddel", "Produktet er svanemærket, licens nr. 5041 0012.",
                 "1.1 Leverandøren skal levere produkter med EU-Blomsten eller tilsvarende.",
                 "Dosering: 25 ml pr. 5 l vand", "Energiklasse C, 5,9 W, 806 lm, 100 % bomuld")
"""A little of everything the extractors look for, in the language most documents are in."""

_PAGES_PER_PART = 16
"""The fewest pages searched for product types by another process at a time (`procure_check.fanout`)."""


def _tender_part(documents: list[Document], language: str, part: tuple[int, list[Page]] | None) -> list:
    """For `Checker._read_tender`: the requirements of the tender set (part None), or the product types some
    pages of a document name (part (document index, pages)), in order, with repeats."""
    if part is None:
        return split_requirements(documents)
    new_id = fact_ids()
    return [found.type for page in part[1] for found in find_product_types(PageText(page), new_id, language)]


def error_report(path: str, kind: Kind, error: DocumentError, files: list[str] | None = None) -> DocumentReport:
    """The report of a document (or tender set) that could not be checked. In a tender set, the message names
    the file at fault."""
    message = error.message if error.path in (None, path) or kind == "product" else f"{error.path}: {error.message}"
    return DocumentReport(path=path, kind=kind, files=files, error=ErrorInfo(code=error.code, message=message))


def _readable_languages(documents: list[Document], path: str) -> None:
    """A notice in a language the vocabularies do not cover gets no group guessed from its CPV codes."""
    for document in documents:
        if document.language and document.language not in LANGUAGES:
            raise DocumentError("no_group", f"{document.path} is in a language procure-check cannot read "
                                f"({document.language}; it reads {', '.join(sorted(LANGUAGES))}); give --group "
                                "to check it anyway", path)


def _notices_in_catalogue(documents: list[Document], catalogue: Catalogue, path: str) -> None:
    """A notice names what is bought by its CPV codes: when the notices of a tender set name codes and none
    is in a group of the catalogue (works, transport, consultancy), the tender is of no group, whatever
    words its texts use ("elbusser" in a tender for charging stations)."""
    codes = [code for document in documents if document.notice for code in document.notice.cpv]
    prefixes = [prefix for name in catalogue.product_groups for prefix in catalogue.groups[name].cpv]
    if codes and not any(covers(code, prefix) for code in codes for prefix in prefixes):
        raise DocumentError("no_group", f"the notice's CPV codes ({', '.join(codes[:5])}"
                            f"{', …' if len(codes) > 5 else ''}) are in no group of the catalogue; give --group "
                            "to check it anyway", path)


def combined_sha256(digests: list[str]) -> str:
    """The digest of a tender set: of its files' digests, in order."""
    return hashlib.sha256("".join(digests).encode()).hexdigest()


def tender_sets(paths: list[Path]) -> list[tuple[str, list[Path]]]:
    """Tender sets to check: the files named directly form one set together; a folder with documents
    of its own is one set (with its subfolders); a folder of folders holds one set per subfolder."""
    sets: list[tuple[str, list[Path]]] = []
    for folder in (path for path in paths if path.is_dir()):
        sets.extend(_folder_sets(folder))
    files = [path for path in paths if not path.is_dir()]
    if files:
        sets.append((str(files[0]) if len(files) == 1 else " + ".join(map(str, files)), files))
    return sets


def _folder_sets(folder: Path) -> list[tuple[str, list[Path]]]:
    if any(_is_document(child, TENDER_SUFFIXES) for child in folder.iterdir()):
        return [(str(folder), list(collect_paths([folder], TENDER_SUFFIXES)))]
    return [found for child in sorted(folder.iterdir()) if child.is_dir() for found in _folder_sets(child)]


def collect_paths(paths: list[Path], suffixes: set[str] = SUFFIXES) -> Iterator[Path]:
    """Files as given, and the documents (of `suffixes`) inside folders (recursively, sorted, READMEs left
    out); missing paths pass through."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if _is_document(p, suffixes))
        else:
            yield path


def _is_document(path: Path, suffixes: set[str] = SUFFIXES) -> bool:
    """A file a folder scan checks: a supported type, and not a folder's README."""
    return path.is_file() and path.suffix.lower() in suffixes and path.stem.lower() != "readme"
