"""The pipeline for one document: parse → extract facts → evaluate rules → a `DocumentReport`."""

import contextlib
import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from procure_check.catalogue import Catalogue
from procure_check.document import Document
from procure_check.engine.compile import CompiledRuleset, compile_criteria
from procure_check.engine.evaluate import judge
from procure_check.errors import DocumentError
from procure_check.extract import extract_facts
from procure_check.extract.language import detect_language
from procure_check.extract.pagetext import PageText
from procure_check.extract.products import find_product_types
from procure_check.extract.sds import sds_groups
from procure_check.facts import fact_ids
from procure_check.groups import GroupSource, covers, detect_group
from procure_check.limits import Limits
from procure_check.parse import SUFFIXES, TENDER_SUFFIXES, TenderFile, parse_document, parse_tender_file
from procure_check.parse.ted import LANGUAGES
from procure_check.results import CatalogueRef, DocumentReport, Report, Summary
from procure_check.results import DocumentError as ErrorModel
from procure_check.tender.demands import tender_facts
from procure_check.tender.requirements import split_requirements

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
        self._rulesets: dict[tuple[str, Kind], CompiledRuleset] = {}

    def check(self, path: Path, kind: Kind, group: str | None = None) -> DocumentReport:
        try:
            return self._check(path, kind, group)
        except DocumentError as error:
            return DocumentReport(path=str(path), kind=kind, error=ErrorModel(code=error.code, message=error.message))

    def check_tender(self, paths: list[Path], group: str | None = None, name: str | None = None) -> DocumentReport:
        """Check the files of one tender (conditions, specification, annexes, notice) together."""
        label = name or str(paths[0])
        try:
            return self._check_tender(paths, group, label)
        except DocumentError as error:
            message = error.message if error.path in (None, label) else f"{error.path}: {error.message}"
            return DocumentReport(path=label, kind="tender", files=[str(p) for p in paths],
                                  error=ErrorModel(code=error.code, message=message))

    def report(self, documents: list[DocumentReport]) -> Report:
        return Report(as_of=self.as_of, documents=documents,
                      catalogue=CatalogueRef(version=self.catalogue.version, criteria=len(self.catalogue.criteria)))

    def check_document(self, document: Document, kind: Kind = "product", group: str | None = None) -> DocumentReport:
        """Check a document that is already read (a row of a product list: `procure_check.parse.tabular`)."""
        try:
            return self._check_document(document, kind, group, document.path)
        except DocumentError as error:
            return DocumentReport(path=document.path, kind=kind, error=ErrorModel(code=error.code,
                                                                                  message=error.message))

    def _check(self, path: Path, kind: Kind, group: str | None) -> DocumentReport:
        document = parse_document(path, password=self.password, limits=self.limits, ocr=self.ocr)
        return self._check_document(document, kind, group, str(path))

    def _check_document(self, document: Document, kind: Kind, group: str | None, path: str) -> DocumentReport:
        extraction = extract_facts(document, self.as_of)
        source: GroupSource = "flag"
        if group is None:
            text = "\n".join(line.text for page in document.pages for line in page.lines)
            among = sds_groups() if extraction.scope_text is not None else None
            group, source = detect_group(extraction.scope_text or text, extraction.product_types, self.catalogue, path,
                                         extraction.language, among)
        criteria = self.catalogue.for_group(group, kind)
        results = self._judge(extraction.facts, criteria, self._ruleset(group, kind), extraction.product_types)
        return DocumentReport(
            path=path, sha256=document.sha256, kind=kind, group=group, group_source=source,
            language=extraction.language, pages=len(document.pages), results=results, summary=Summary.of(results),
        )

    def _check_tender(self, paths: list[Path], group: str | None, label: str) -> DocumentReport:
        def read(path: Path) -> Document:
            return parse_document(path, password=self.password, tables=True, limits=self.limits, ocr=self.ocr)

        files = [parse_tender_file(path, read, self.limits) for path in paths]
        documents = [document for file in files for document in file.documents]
        requirements = split_requirements(documents)
        text = "\n".join(line.text for document in documents for page in document.pages for line in page.lines)
        language = detect_language(text)
        new_id = fact_ids()
        facts = list(tender_facts(requirements, language, self.as_of, new_id))
        types = [list(dict.fromkeys(product_type.type for page in document.pages
                                    for product_type in find_product_types(PageText(page), new_id, language)))
                 for document in documents]
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
        results = self._judge(facts, criteria, self._ruleset(group, "tender"), bought)
        return DocumentReport(
            path=label, sha256=_combined_sha256(files), kind="tender", group=group, group_source=source,
            language=language, pages=sum(len(document.pages) for document in documents),
            files=[document.path for document in documents], requirements=len(requirements), notice=notice,
            results=results, summary=Summary.of(results), warnings=warnings,
        )

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

    def _ruleset(self, group: str, kind: Kind) -> CompiledRuleset:
        if (group, kind) not in self._rulesets:
            self._rulesets[group, kind] = compile_criteria(self.catalogue.for_group(group, kind), self.as_of)
        return self._rulesets[group, kind]


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


def _combined_sha256(files: list[TenderFile]) -> str:
    """One digest for a set of files: of their digests, in order."""
    return hashlib.sha256("".join(file.sha256 for file in files).encode()).hexdigest()


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
